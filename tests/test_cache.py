"""`specpipe generate` skips an API only when its inputs and outputs are unchanged."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from specs import ROOT


def _generate(spec_dir: Path, out: Path, cache: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "specpipe", "generate", "calendar", "--spec-dir", str(spec_dir),
         "--out", str(out), "--cache-dir", str(cache)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_unchanged_inputs_and_outputs_are_skipped_and_changes_are_not(tmp_path: Path) -> None:
    spec_dir = tmp_path / "spec"
    shutil.copytree(ROOT / "spec" / "calendar", spec_dir / "calendar")
    shutil.copytree(ROOT / "spec" / "common", spec_dir / "common")
    out, cache = tmp_path / "out", tmp_path / "cache"

    assert "generated  calendar" in _generate(spec_dir, out, cache)
    assert _generate(spec_dir, out, cache).strip() == "unchanged  calendar"

    # An output edited by hand is noticed and written again.
    models = out / "python" / "calendar" / "calendar_client" / "models.py"
    original = models.read_text()
    models.write_text(original + "# edited\n")
    assert "generated  calendar" in _generate(spec_dir, out, cache)
    assert models.read_text() == original

    # A change to a file the spec references (not only the root) is noticed too.
    shared = spec_dir / "common" / "aspnet.yaml"
    shared.write_text(shared.read_text().replace("What went wrong, for people.", "What failed."))
    assert "generated  calendar" in _generate(spec_dir, out, cache)
    assert "What failed." in (out / "bundled" / "calendar.yaml").read_text()


def test_an_invalid_spec_is_never_recorded_as_generated(tmp_path: Path) -> None:
    spec_dir = tmp_path / "spec"
    shutil.copytree(ROOT / "spec" / "calendar", spec_dir / "calendar")
    shutil.copytree(ROOT / "spec" / "common", spec_dir / "common")
    root = spec_dir / "calendar" / "openapi.yaml"
    root.write_text(root.read_text().replace("      summary: Book a patient appointment\n", ""))
    result = subprocess.run(
        [sys.executable, "-m", "specpipe", "generate", "calendar", "--spec-dir", str(spec_dir),
         "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1 and "operation-summary" in result.stderr
    assert not any((tmp_path / "cache").rglob("*.json"))
