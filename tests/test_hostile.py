"""Hostile spec text cannot become code, in any language, in any position a spec can carry it.

One small spec carries the same text in every position (title, version, summaries and
descriptions, names of schemas, properties, parameters of every location and response
headers, enum values, defaults, patterns, media types, a server URL, tag names, security
scheme names) and is generated into all three languages. For each text:

* the Python package imports and its syntax tree has the same shape as with harmless text
  (node types in order, names and literal values aside): text that broke out of a string,
  a docstring or a comment would add or remove nodes;
* the TypeScript package compiled (``generate`` runs ``tsc --strict`` on it) and the Go module
  passes ``go vet`` (which type-checks it whole);
* no generated file, in any language, declares or uses the identifier ``PWNED``, which every
  payload tries to inject as code (a text that stays inside a string or a comment is never
  an identifier of the syntax tree; TypeScript's is read with TypeScript 5's parser, Go's
  with ``go/parser``, Python's with ``ast``);
* ``pyproject.toml`` and ``package.json`` still parse and hold no injected key, and the
  Markdown reference holds no raw HTML.

The texts are a fixed list of payloads aimed at each place (joined four by four, so every
payload lands in every position in three runs), the empty text, and three texts drawn by
Hypothesis. A spec whose *file and folder names* are hostile is generated and checked too.
About a minute on two cores.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from specpipe.clients.go import go_cache, go_env, go_tool

ROOT = Path(__file__).resolve().parents[1]
HARMLESS = "Plain text"

PAYLOADS = [
    '"""\nPWNED = 1\n"""',  # Python docstring
    "\nPWNED = 1\n#",  # a comment that ends at a newline
    "*/ export const PWNED = 1; /*",  # a JSDoc or block comment
    "\u2028export const PWNED = 1;//\u2029",  # JavaScript line terminators
    '"; export const PWNED = 1; //',  # a double-quoted string
    "`\nfunc init() { PWNED() }\n`",  # a Go raw string or struct tag
    '\\"\nvar PWNED = 1\n//',  # an escaped quote, then code
    '"\n[project.scripts]\nPWNED = "x:y"\n',  # TOML
    "<script>PWNED()</script><img src=x onerror=PWNED()>",  # Markdown / HTML
    "${PWNED}`+PWNED+`",  # template literals
    "\x00\ufeff\u202ePWNED\u202c\ud800",  # NUL, BOM, bidi override, a lone surrogate
    "",  # empty names and values (run on its own too)
]


def _pointer_token(text: str) -> str:
    return text.replace("~", "~0").replace("/", "~1")


def spec(text: str) -> dict[str, Any]:
    """The spec with ``text`` in every position. Names get a suffix that keeps them distinct
    and never already in a language's own case (so every generator maps each one the same
    way), and prose a final mark that keeps it non-empty: the shape of the generated code
    then does not depend on the text."""
    thing, kind = f"{text}Thing", f"{text}Kind"
    ref = {"$ref": "#/components/schemas/" + _pointer_token(thing)}
    prose = f"{text}."
    string = {"type": "string", "description": prose, "default": text, "pattern": re.escape(text)}
    parameters = [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
        {"name": f"{text}Q", "in": "query", "description": prose, "schema": string},
        {"name": f"{text}H", "in": "header", "description": prose, "schema": {"type": "string"}},
        {"name": f"{text}C", "in": "cookie", "description": prose, "schema": {"type": "string"}},
    ]
    media = f'application/json; profile="{text}"'  # a parameter: the base type stays JSON
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{text}T",
            "version": f"{text}1",
            "summary": prose,
            "description": prose,
        },
        "servers": [{"url": f"https://example.com/{text}", "description": prose}],
        "tags": [{"name": f"{text}G", "description": prose}],
        "security": [{f"{text}Key": []}],
        "paths": {
            "/items/{id}": {
                "get": {
                    "operationId": f"{text}Get",
                    "summary": prose,
                    "description": prose,
                    "tags": [f"{text}G"],
                    "parameters": parameters,
                    "responses": {
                        "200": {
                            "description": prose,
                            "headers": {f"{text}X": {"schema": {"type": "string"}}},
                            "content": {"application/json": {"schema": ref}},
                        },
                        "404": {"description": prose},
                    },
                },
                "post": {
                    "operationId": f"{text}Post",
                    "summary": prose,
                    "parameters": parameters[:1],
                    "requestBody": {"required": True, "content": {media: {"schema": ref}}},
                    "responses": {"204": {"description": prose}},
                },
            }
        },
        "components": {
            "securitySchemes": {
                f"{text}Key": {
                    "type": "apiKey",
                    "in": "header",
                    "name": f"{text}-Key",
                    "description": prose,
                }
            },
            "schemas": {
                thing: {
                    "type": "object",
                    "title": f"{text}T",
                    "description": prose,
                    "required": [f"{text}A"],
                    "properties": {
                        f"{text}A": string,
                        f"{text}B": {"type": "integer", "description": prose},
                        f"{text}K": {"$ref": "#/components/schemas/" + _pointer_token(kind)},
                    },
                },
                kind: {
                    "type": "string",
                    "description": prose,
                    "enum": [f"{text}1", f"{text}X", "", "A", "a"],
                },
            },
        },
    }


def _generate(
    document: dict[str, Any], folder: Path, file_name: str = "api.json", out: Path | None = None
) -> Path:
    """Generate ``document`` written to ``folder/file_name`` into ``out`` (default
    ``folder/out``); the output root."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    path.write_text(json.dumps(document), encoding="utf-8", errors="surrogatepass")
    out = out or folder / "out"
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "specpipe"),
            "generate",
            str(path),
            "--no-validate",
            "--out",
            str(out),
            "--cache-dir",
            "",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    return out


def _python_shape(out: Path) -> dict[str, list[str]]:
    shapes: dict[str, list[str]] = {}
    for path in sorted((out / "python").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef)}
        assert "PWNED" not in names, path
        shapes[str(path.relative_to(out))] = [type(n).__name__ for n in ast.walk(tree)]
    return shapes


def _keys(value: Any) -> list[str]:
    """Every key of a parsed TOML or JSON document, at any depth."""
    if isinstance(value, dict):
        return [*value, *(k for v in value.values() for k in _keys(v))]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []


def _import_python(out: Path) -> None:
    (package_dir,) = (out / "python").iterdir()
    (module,) = [p.name for p in package_dir.iterdir() if p.name.endswith("_client")]
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}, {module}.client"],
        cwd=package_dir,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    project = tomllib.loads((package_dir / "pyproject.toml").read_text(encoding="utf-8"))
    assert not any("PWNED" in key for key in _keys(project)), project  # no injected key


def _check_typescript(outs: list[Path], scratch: Path) -> None:
    """`generate` compiled each package's `dist/` with `tsc --strict` already (a type error
    fails generation); here every identifier of its sources is read with TypeScript 5's
    parser."""
    packages = [package for out in outs for package in (out / "typescript").iterdir()]
    for package in packages:
        manifest = json.loads((package / "package.json").read_text(encoding="utf-8"))
        assert not any("PWNED" in key for key in _keys(manifest)) and (package / "dist").is_dir()
    files = [str(p) for package in packages for p in sorted((package / "src").rglob("*.ts"))]
    script = (
        "const ts = require('typescript5'); const fs = require('fs'); const found = [];"
        "for (const f of process.argv.slice(1)) {"
        " const src = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest);"
        " const walk = (n) => { if (ts.isIdentifier(n) && n.text === 'PWNED') found.push(f);"
        " ts.forEachChild(n, walk); }; walk(src); }"
        "console.log(JSON.stringify(found));"
    )
    result = subprocess.run(
        ["node", "-e", script, *files], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(result.stdout) == []


GO_IDENTIFIERS = """package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
)

func main() {
	for _, dir := range os.Args[1:] {
		packages, err := parser.ParseDir(token.NewFileSet(), dir, nil, 0)
		if err != nil {
			fmt.Println("parse error:", err)
			os.Exit(1)
		}
		for _, pkg := range packages {
			ast.Inspect(pkg, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id.Name == "PWNED" {
					fmt.Println(dir)
				}
				return true
			})
		}
	}
}
"""


def _check_go(outs: list[Path], scratch: Path) -> None:
    env = {**os.environ, **go_env(go_cache())}
    go = str(go_tool())
    modules = [module for out in outs for module in (out / "go").iterdir()]
    for module in modules:
        for command in (["vet", "./..."],):
            result = subprocess.run(
                [go, *command], cwd=module, env=env, capture_output=True, text=True, check=False
            )
            assert result.returncode == 0, (module, command, result.stderr[-2000:])
    tool = scratch / "identifiers"
    tool.mkdir(exist_ok=True)
    (tool / "main.go").write_text(GO_IDENTIFIERS, encoding="utf-8")
    (tool / "go.mod").write_text("module identifiers\n\ngo 1.21\n", encoding="utf-8")
    result = subprocess.run(
        [go, "run", ".", *map(str, modules)],
        cwd=tool,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr


def _check_docs(out: Path) -> None:
    """Rendered as CommonMark (raw HTML enabled), the reference holds no tag of the text's."""
    for path in (out / "docs").glob("*.md"):
        html = MarkdownIt("commonmark").render(path.read_text(encoding="utf-8"))
        for tag in re.findall(r"<[^>]*>", html):
            assert not re.search(r"^</?(script|img)|\son[a-z]+\s*=", tag, re.I), (path, tag)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    return _python_shape(_generate(spec(HARMLESS), tmp_path_factory.mktemp("harmless")))


def _check_batch(texts: list[str], scratch: Path, baseline: dict[str, list[str]]) -> None:
    outs = []
    for index, text in enumerate(texts):
        out = _generate(spec(text), scratch / f"case{index}")
        _import_python(out)
        assert _python_shape(out) == baseline, repr(text)
        _check_docs(out)
        outs.append(out)
    _check_typescript(outs, scratch)
    _check_go(outs, scratch)


def test_payloads(tmp_path: Path, baseline: dict[str, list[str]]) -> None:
    # three texts of four payloads each: every payload in every position, in fewer runs
    texts = ["".join(PAYLOADS[start : start + 4]) for start in range(0, len(PAYLOADS), 4)]
    _check_batch([*texts, ""], tmp_path, baseline)


TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), min_size=0, max_size=12)


@settings(max_examples=1, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(TEXT, min_size=3, max_size=3))
def test_drawn_texts(
    tmp_path_factory: pytest.TempPathFactory, baseline: dict[str, list[str]], texts: list[str]
) -> None:
    _check_batch(texts, tmp_path_factory.mktemp("drawn"), baseline)


def test_hostile_file_and_folder_names(tmp_path: Path) -> None:
    """The spec's own file and folder names (the output goes to a plain folder: Go refuses
    to build in a folder whose path holds a quote or a line break)."""
    name = 'we\nird "\u2028`*\\ $(x) #'  # what a file name can hold: anything but / and NUL
    out = _generate(spec(HARMLESS), tmp_path / name, f"{name}.json", tmp_path / "out")
    # the API is named from the file name, without what would break a line or a path
    assert sorted(p.name for p in (out / "python").iterdir()) == ["we-ird - -x"]
    _import_python(out)
    _python_shape(out)
    _check_typescript([out], tmp_path)
    _check_go([out], tmp_path)
