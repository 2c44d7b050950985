"""Hostile spec text cannot change the Go code generated from it (issue 8, item 3).

Every position of a small spec that reaches generated Go (title, version, summary and
description, server URL, tag, operationId, summaries, descriptions, parameter, header and
property names, schema names, enum values, defaults, examples, patterns, media type
parameters, security scheme and credential names, the API's own name) holds the same drawn
text. The package must go through gofmt and `go vet`, and the shape of every file's syntax
tree (identifiers, literals and comments left out) must be the one the same spec gives with
harmless text. The README's Go programs must stay whole code blocks.

Cost: about 30 s on 2 cores (a few examples of several texts each, one `go vet` per example).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from toolchains import Go, go_blocks, go_toolchain

from specpipe import ir
from specpipe.clients import go as goclient

# troublemakers of every place text lands in Go, drawn often
NASTY = [
    "`",
    '"',
    "\\",
    ",",
    "\n",
    "\r\n",
    "\u2028",
    "\x00",
    "\ufeff",
    "*/",
    "/*",
    "//go:generate rm -rf /",
    "}",
    "{",
    "{{",
    "%s",
    "```",
    "type",
    "func init() {}",
    "-",
    "",
    " ",
    "é",
    "\U0001f600",
    "\ud800",
]
TEXT = st.lists(st.one_of(st.sampled_from(NASTY), st.characters()), max_size=12).map("".join)
ROOT = Path(__file__).resolve().parent.parent
ASTSHAPE = ROOT / "tests" / "go" / "astshape"


def _pointer(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def document(text: str) -> dict[str, Any]:
    """The spec with ``text`` everywhere it can go without changing what is generated."""
    path_text = re.sub(r"[{}/?#]", "", text)
    credential = re.sub(r"[{}]", "", text) or "key"
    return {
        "openapi": "3.1.0",
        "info": {"title": text, "version": text, "summary": text, "description": text},
        "servers": [{"url": "https://example.com/" + text, "description": text}],
        "tags": [{"name": text, "description": text}],
        "security": [{text: []}],
        "paths": {
            "/things/{id}/" + path_text: {
                "post": {
                    "operationId": text,
                    "summary": text,
                    "description": text,
                    "tags": [text],
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": text,
                            "in": "query",
                            "description": text,
                            "example": text,
                            "schema": {"type": "string", "default": text, "pattern": text},
                        },
                        {"name": text, "in": "header", "schema": {"type": "integer"}},
                        {"name": text, "in": "cookie", "schema": {"type": "string"}},
                    ],
                    "requestBody": {
                        "required": True,
                        "description": text,
                        "content": {
                            f"application/json; profile={text}": {
                                "schema": {"$ref": "#/components/schemas/" + _pointer(text)},
                                "example": {text: text},
                            }
                        },
                    },
                    "responses": {
                        "200": {
                            "description": text,
                            "headers": {
                                "X-Text": {"description": text, "schema": {"type": "string"}}
                            },
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Answer"}
                                }
                            },
                        },
                        "400": {
                            "description": text,
                            "content": {"application/json": {"schema": {"type": "string"}}},
                        },
                    },
                }
            }
        },
        "components": {
            "securitySchemes": {
                text: {
                    "type": "apiKey",
                    "in": "header",
                    "name": text,
                    "description": text,
                    "x-credentials": {"template": "{" + credential + "} " + text.replace("{", "")},
                }
            },
            "schemas": {
                text: {
                    "type": "object",
                    "title": text,
                    "description": text,
                    "required": [text],
                    "properties": {
                        text: {"type": "string", "description": text, "default": text},
                        "fixed member": {"$ref": "#/components/schemas/Answer"},
                    },
                },
                "Answer": {
                    "type": "string",
                    "description": text,
                    "enum": [text, text + "\u0001"],
                },
            },
        },
    }


def _baseline(text: str) -> str:
    """Harmless text that takes the same paths through the generator: a member name a json
    tag cannot hold gets its struct's own JSON methods either way."""
    return "plain text" if goclient.json_tag_ok(text) else "plain, text"


@pytest.fixture(scope="module")
def tool(go: Go, tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("astshape")
    shutil.copy(ASTSHAPE / "main.go", folder / "main.go")
    (folder / "go.mod").write_text(
        f"module example.com/astshape\n\ngo {goclient.GO_LANGUAGE_VERSION}\n", encoding="utf-8"
    )
    binary, env = go
    subprocess.run([binary, "build", "-o", "astshape", "."], cwd=folder, env=env, check=True)
    return str(folder / "astshape")


@pytest.fixture(scope="module")
def go() -> Go:
    return go_toolchain()


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(TEXT, min_size=4, max_size=4))
@example(["`", 'a,b"c\\', "\n*/\u2028//go:generate x", ""])
def test_hostile_text_leaves_the_go_code_unchanged(
    go: Go, tool: str, tmp_path_factory: pytest.TempPathFactory, texts: list[str]
) -> None:
    root = tmp_path_factory.mktemp("hostile")
    folders: dict[str, tuple[Path, Path]] = {}
    modules: list[str] = []
    for index, text in enumerate(dict.fromkeys(texts)):
        pair = []
        for kind, used in (("hostile", text), ("baseline", _baseline(text))):
            api = ir.build(used, document(used))
            out = root / f"{kind}{index}"
            files = goclient.generate_go(api, out)
            (out / "go.mod").write_text(
                f"module example.com/hostile/{kind}{index}\n\ngo {goclient.GO_LANGUAGE_VERSION}\n",
                encoding="utf-8",
            )
            modules.append(out.name)
            pair.append(out)
            readme = (out / "README.md").read_text(encoding="utf-8")
            blocks = go_blocks(readme)
            assert len(blocks) == 2 and all(b.startswith("package main\n") for b in blocks)
            assert {p.name for p in files} >= {"client.go", "models.go", "operations.go"}
        folders[text] = (pair[0], pair[1])
    (root / "go.work").write_text(
        f"go {goclient.GO_LANGUAGE_VERSION}\n\nuse (\n"
        + "".join(f"\t./{name}\n" for name in modules)
        + ")\n",
        encoding="utf-8",
    )
    binary, env = go
    vetted = subprocess.run(
        [binary, "vet", *(f"example.com/hostile/{name}" for name in modules)],
        cwd=root,
        env={**env, "GOFLAGS": "", "GOWORK": str(root / "go.work")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert vetted.returncode == 0, vetted.stdout + vetted.stderr
    shapes = subprocess.run(
        [tool, *(str(root / name) for name in modules)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    digest: dict[tuple[str, str], str] = {}
    for line in shapes.splitlines():
        folder, file, value = line.split("\t")
        digest[(Path(folder).name, file)] = value
    for text, (hostile, baseline) in folders.items():
        got = {file: value for (folder, file), value in digest.items() if folder == hostile.name}
        want = {file: value for (folder, file), value in digest.items() if folder == baseline.name}
        changed = sorted(f for f in set(got) | set(want) if got.get(f) != want.get(f))
        assert not changed, f"text {text!r} changed the shape of {changed}"
