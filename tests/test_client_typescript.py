"""The TypeScript clients: golden output, `tsc --strict`, and Node scenarios against the sandbox.

The generated clients are compiled with the project's pinned TypeScript (`node_modules`, from
`npm ci`), and `tests/typescript/*.test.ts` is compiled to a temporary folder and run with
Node's test runner against the sandbox of `tests/harness.py` (its URL in `SANDBOX_URL`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from harness import serve
from specs import APIS, ROOT, spec

from specpipe import ir
from specpipe.clients.typescript import generate_typescript_client, render_files

TSC = ROOT / "node_modules" / ".bin" / "tsc"
FIXTURES = ROOT / "tests" / "fixtures" / "clients"
GOLDEN = ROOT / "tests" / "golden" / "typescript"
SCENARIOS = ROOT / "tests" / "typescript"


def _node_tools() -> tuple[Path, str]:
    node = shutil.which("node")
    if node is None or not TSC.is_file():
        pytest.fail("TypeScript toolchain missing: install Node 20+ and run `npm ci` (make does)")
    return TSC, node


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        command, capture_output=True, text=True, check=False, timeout=120, **kwargs
    )


# Inline specs of tests/fixtures/clients/ with golden output under tests/golden/typescript/.
GOLDEN_FIXTURES = ("ts_edge_cases",)


def _fixture_specs() -> list[Path]:
    return [FIXTURES / f"{name}.yaml" for name in GOLDEN_FIXTURES]


def _tree(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("spec", _fixture_specs(), ids=lambda p: p.stem)
def test_golden_files(spec: Path, tmp_path: Path) -> None:
    api = ir.build(spec.stem, yaml.safe_load(spec.read_text(encoding="utf-8")))
    generate_typescript_client(api, tmp_path)
    fresh, golden = _tree(tmp_path), _tree(GOLDEN / spec.stem)
    assert sorted(fresh) == sorted(golden), "golden files missing or extra"
    drifted = [name for name in golden if golden[name] != fresh[name]]
    assert not drifted, f"generator output changed (update {GOLDEN}/{spec.stem}): {drifted}"
    assert render_files(api) == render_files(api), "rendering is not deterministic"


@pytest.mark.parametrize("spec", _fixture_specs(), ids=lambda p: p.stem)
def test_golden_client_compiles(spec: Path) -> None:
    tsc, _ = _node_tools()
    result = _run([str(tsc), "--strict", "--noEmit", "-p", str(GOLDEN / spec.stem)])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("api", APIS)
def test_generated_client_is_up_to_date(api: str, tmp_path: Path) -> None:
    generate_typescript_client(ir.build(api, spec(api).document), tmp_path)
    committed = _tree(ROOT / "generated" / "typescript" / api)
    assert _tree(tmp_path) == committed, "generated/typescript is out of date: run `make generate`"


@pytest.mark.parametrize("api", APIS)
def test_generated_client_passes_tsc_strict(api: str) -> None:
    tsc, _ = _node_tools()
    result = _run(
        [str(tsc), "--strict", "--noEmit", "-p", str(ROOT / "generated" / "typescript" / api)]
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("api", APIS)
def test_generated_package_has_no_runtime_dependency(api: str) -> None:
    manifest = json.loads((ROOT / "generated" / "typescript" / api / "package.json").read_text())
    assert "dependencies" not in manifest
    assert manifest["engines"]["node"] == ">=20"


def test_scenarios_against_the_sandbox(tmp_path: Path) -> None:
    tsc, node = _node_tools()
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
