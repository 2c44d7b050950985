"""generated/ is in sync with spec/, and the generated code passes its strict checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from specs import APIS, ROOT

from specpipe import naming

BIN = Path(sys.executable).parent


def _tree(root: Path) -> dict[str, bytes]:
    """The files under ``root`` that git would keep (what git ignores, such as a user's
    `pip install` leftovers in a generated package, is not part of the generated tree)."""
    files = [p for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts]
    if root.resolve().is_relative_to(ROOT.resolve()) and files:
        listed = subprocess.run(
            ["git", "check-ignore", "--stdin"],
            input="\n".join(str(p) for p in files),
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        ignored = set(listed.stdout.splitlines())
        files = [p for p in files if str(p) not in ignored]
    return {str(p.relative_to(root)): p.read_bytes() for p in files}


def _generate(out: Path) -> subprocess.CompletedProcess[str]:
    """Run `specpipe generate` into ``out`` without the build cache, so nothing is skipped."""
    result = subprocess.run(
        [sys.executable, "-m", "specpipe", "generate", "--out", str(out), "--cache-dir", ""],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    _generate(out)
    return out


@pytest.mark.parametrize("part", ["bundled", "python"])
def test_regenerating_gives_the_committed_files(regenerated: Path, part: str) -> None:
    committed = _tree(ROOT / "generated" / part)
    fresh = _tree(regenerated / part)
    assert sorted(fresh) == sorted(committed), "generated/ has missing or extra files"
    drifted = [name for name in committed if committed[name] != fresh[name]]
    assert not drifted, f"generated/ is out of date (run `make generate`): {drifted}"


def test_generating_twice_changes_nothing(regenerated: Path) -> None:
    before = _tree(regenerated)
    result = _generate(regenerated)
    for api in APIS:  # run without the cache, and nothing to write
        assert f"unchanged  {api}" in result.stdout.splitlines(), result.stdout
    assert _tree(regenerated) == before


@pytest.mark.parametrize("api", APIS)
def test_generated_python_passes_mypy_strict(api: str, tmp_path: Path) -> None:
    folder = ROOT / "generated" / "python" / api
    result = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--cache-dir", str(tmp_path), naming.python_package(api)],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("api", APIS)
def test_generated_python_passes_ruff(api: str) -> None:
    folder = ROOT / "generated" / "python" / api
    for command in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [str(BIN / "ruff"), *command, "--no-cache"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
