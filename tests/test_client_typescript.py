"""The TypeScript clients: golden output, `tsc --strict`, shipped `dist/`, README programs and
Node scenarios against the sandbox.

The generated clients are compiled with the project's pinned TypeScript (`node_modules`, from
`npm ci`), and `tests/typescript/*.test.ts` is compiled to a temporary folder and run with
Node's test runner against the sandbox of `tests/harness.py` (its URL in `SANDBOX_URL`).
Cost: about 20 s of tsc and Node in all (the scenarios ~8 s, the README programs ~6 s).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from harness import serve
from specs import APIS, ROOT, spec
from toolchains import compile_typescript, node_tools, typescript_blocks
from toolchains import run as _run

from specpipe import credentials as creds
from specpipe import ir, sdk
from specpipe.clients import typescript as tsgen
from specpipe.clients.typescript import code_sample, generate_typescript, render_files
from specpipe.naming import typescript as ts

FIXTURES = ROOT / "tests" / "fixtures" / "clients"
GOLDEN = ROOT / "tests" / "golden" / "typescript"
SCENARIOS = ROOT / "tests" / "typescript"
CORPUS = ROOT.parent / "shared" / "corpus" / "specs"

# Inline specs of tests/fixtures/clients/ with golden output under tests/golden/typescript/.
GOLDEN_FIXTURES = ("ts_edge_cases", "ts_constructs")


def _fixture(name: str) -> ir.Api:
    return ir.build(name, yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8")))


def _tree(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("name", GOLDEN_FIXTURES)
def test_golden_files(name: str, tmp_path: Path) -> None:
    api = _fixture(name)
    generate_typescript(api, tmp_path, compile=False)
    fresh, golden = _tree(tmp_path), _tree(GOLDEN / name)
    assert sorted(fresh) == sorted(golden), "golden files missing or extra"
    drifted = [path for path in golden if golden[path] != fresh[path]]
    assert not drifted, f"generator output changed (update {GOLDEN}/{name}): {drifted}"
    assert render_files(api) == render_files(api), "rendering is not deterministic"


@pytest.mark.parametrize("name", GOLDEN_FIXTURES)
def test_golden_package_compiles_strict(name: str, tmp_path: Path) -> None:
    node_tools()
    shutil.copytree(GOLDEN / name, tmp_path / name)
    tsgen.compile_dist(tmp_path / name)  # raises with the first tsc error
    assert (tmp_path / name / "dist" / "index.d.ts").is_file()


@pytest.mark.parametrize("api", APIS)
def test_generated_package_is_up_to_date_and_ships_dist(api: str, tmp_path: Path) -> None:
    node_tools()
    generate_typescript(ir.build(api, spec(api).document), tmp_path)
    committed = ROOT / "generated" / "typescript" / api
    assert _tree(tmp_path) == _tree(committed), (
        "generated/typescript is out of date: `make generate`"
    )
    assert {p.name for p in (committed / "dist").iterdir()} >= {"index.js", "index.d.ts"}


@pytest.mark.parametrize("api", APIS)
def test_generated_package_manifest(api: str) -> None:
    manifest = json.loads((ROOT / "generated" / "typescript" / api / "package.json").read_text())
    assert "dependencies" not in manifest, "the package must have no runtime dependency"
    assert manifest["engines"]["node"] == ">=20"
    assert manifest["exports"]["."]["default"] == "./dist/index.js"
    assert "prepare" not in manifest.get("scripts", {}), "dist/ is shipped: nothing to build"


def test_names_of_the_package() -> None:
    api = _fixture("ts_constructs")
    package = tsgen._Package(api)
    names = {schema.name: package.names[schema.name] for schema in api.schemas}
    # globals are never shadowed; equal names after normalisation are numbered in order
    assert names["error"] == "Error_" and names["Date"] == "Date_" and names["Map"] == "Map_"
    assert names["Record"] == "Record_" and names["Promise"] == "Promise_"
    assert {names["Status"], names["status"]} == {"Status", "Status2"}
    assert names["api.v2010.account"] == "ApiV2010Account"
    assert names["RequestOptions"] == "RequestOptions2"  # the package exports RequestOptions
    methods = [op.method for op in package.operations]
    assert methods[:3] == ["constructor_", "withRawResponse2", "toString2"]
    assert "class_" in methods and "uploadPhoto" in methods
    formats = next(v for v in package.schemas if v.name == "Formats")
    assert [m.name for m in formats.members if m.name.startswith("userId")] == ["userId", "userId2"]
    cat = next(v for v in package.schemas if v.name == "Cat")
    assert [m.name for m in cat.members] == ["petType", "name", "lives", "type", "class"]
    case = next(v for v in package.schemas if v.name == "Case")
    assert [k for k, _ in case.enum_entries] == [
        "Red",
        "Red2",
        "Red3",
        "Empty",
        "Value",
        "DarkGreen",
    ]
    assert ts.client_class("1st api") == "_1StApiClient"


def _d_ts_names(root: Path) -> list[str]:
    text = "\n".join(p.read_text() for p in sorted((root / "dist").glob("*.d.ts")))
    return sorted(re.findall(r"^export (?:declare )?(?:\w+ )*?(\w+)", text, re.MULTILINE))


HOSTILE = "*/ globalThis.pwned = 1; /* \u2028 ` ${x} \" ' \\ \n// \r\n @param </script>"


def _hostile_spec(text: str) -> dict[str, Any]:
    schema = {
        "type": "object",
        "title": text,
        "description": text,
        "properties": {"name": {"type": "string", "description": text, "default": text}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": text, "version": text, "summary": text},
        "servers": [{"url": "https://api.test/" + text.replace("\n", "")}],
        "paths": {
            "/items": {
                "get": {
                    "operationId": "listItems",
                    "summary": text,
                    "description": text,
                    "parameters": [
                        {
                            "name": "x-" + text,
                            "in": "header",
                            "description": text,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": text,
                            "in": "query",
                            "schema": {"type": "string", "pattern": text},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": text,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Item"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Item": schema,
                "Kind": {"type": "string", "enum": [text, "plain"], "description": text},
            }
        },
    }


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    """Spec text with comment ends, line terminators (U+2028), quotes and backslashes in every
    position: the package compiles, importing it runs nothing, and it declares exactly what the
    package of harmless text declares."""
    _, node = node_tools()
    hostile, harmless = tmp_path / "hostile", tmp_path / "harmless"
    generate_typescript(ir.build("hostile", _hostile_spec(HOSTILE)), hostile)
    generate_typescript(ir.build("hostile", _hostile_spec("harmless text")), harmless)
    assert _d_ts_names(hostile) == _d_ts_names(harmless)
    script = (
        f"const m = await import({json.dumps((hostile / 'dist' / 'index.js').as_uri())});"
        "if (globalThis.pwned !== undefined) throw new Error('spec text ran');"
        "console.log(Object.keys(m).sort().join(','));"
    )
    result = _run([node, "--input-type=module", "-e", script])
    assert result.returncode == 0, result.stderr
    assert "HostileClient" in result.stdout
    package = json.loads((hostile / "package.json").read_text(encoding="utf-8"))
    assert package["description"] == f"Client of the {HOSTILE} (API version {HOSTILE})"


def test_code_sample_is_the_readme_example() -> None:
    api = ir.build("vba", spec("vba").document)
    operation = api.operations[0]
    sample = code_sample(api, operation)
    assert sample.startswith('import { VbaClient } from "vba-client";')
    assert "VBA_API_KEY" in sample and "VBA_BASE_URL" in sample
    readme = (ROOT / "generated" / "typescript" / "vba" / "README.md").read_text(encoding="utf-8")
    assert "```ts\n" + sample + "```" in readme


def test_readme_programs_run_against_the_sandbox(tmp_path: Path) -> None:
    """Each package is installed with a plain `npm install <folder>` (no build: dist/ is
    shipped), every ```ts block of its README is compiled with `tsc --strict` and run with the
    sandbox's URL and local credentials in the environment. A program passes when it exits 0,
    or when the sandbox refused the call (an APIStatusError: the README's placeholder ids need
    not exist); a TypeError or any other failure does not."""
    _, node = node_tools()
    programs: dict[str, str] = {}
    for api in APIS:
        readme = (ROOT / "generated" / "typescript" / api / "README.md").read_text(encoding="utf-8")
        for index, block in enumerate(typescript_blocks(readme)):
            programs[f"{api}_{index}.ts"] = block
    assert len(programs) >= len(APIS)
    packages = [ROOT / "generated" / "typescript" / api for api in APIS]
    out = compile_typescript(tmp_path / "project", packages, programs)
    classes = "|".join(name for _, name in sdk.ERROR_CLASSES)
    refused = re.compile(rf"\b({classes}|APIStatusError): [45]\d\d\b")
    failures = []
    ran = 0
    with serve() as (base_url, _):
        for api in APIS:
            built = ir.build(api, spec(api).document)
            env = {**os.environ, sdk.environment(built, "base url"): f"{base_url}/{api}"}
            env.update(creds.for_api(built, tokens=True).defaults())
            for name in sorted(n for n in programs if n.startswith(api + "_")):
                js = out / name.replace(".ts", ".js")
                result = _run([node, str(js)], cwd=out, env=env)
                ran += result.returncode == 0
                if result.returncode != 0 and not refused.search(result.stderr):
                    failures.append(f"{name}: {result.stderr.strip()[-400:]}")
    assert not failures, "\n".join(failures)
    assert ran >= len(APIS), "too few README programs succeeded outright"


def test_bounded_corpus_generates_and_compiles(tmp_path: Path) -> None:
    """Two small real specs of the corpus (the full table, three languages: `make corpus`)."""
    node_tools()
    for name in ("redocly-museum.yaml", "adyen-balanceplatform-configuration-notification-v2.yaml"):
        path = CORPUS / name
        if not path.is_file():
            pytest.skip(f"corpus missing: {path}")
        api = ir.build(
            path.stem, yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        )
        generate_typescript(api, tmp_path / path.stem)  # compiles with tsc --strict


def test_scenarios_against_the_sandbox(tmp_path: Path) -> None:
    tsc, node = node_tools()
    out = tmp_path / "js"
    result = _run([str(tsc), "-p", str(SCENARIOS), "--outDir", str(out)])
    assert result.returncode == 0, result.stdout + result.stderr
    (out / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    tests = sorted(str(p) for p in (out / "tests" / "typescript").glob("*.test.js"))
    assert tests, "no compiled scenario"
    with serve() as (base_url, faults):
        env = {**os.environ, "SANDBOX_URL": base_url}
        result = _run([node, "--test", "--test-reporter=spec", *tests], env=env, cwd=out)
        failed_once = len(faults.failed)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    # every scenario call that sent a fail-once token got its 503 (then retried, or gave up)
    assert failed_once >= 4
