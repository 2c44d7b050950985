"""`specpipe generate` writes each API all or nothing, and counts only what it changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from specpipe import generate, ir
from specpipe.cli import main


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def _run(out: Path, *targets: str) -> int:
    return main(["generate", *targets, "--out", str(out), "--cache-dir", ""])


def test_a_failing_stage_leaves_the_previous_output_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(tmp_path, "calendar") == 0
    # outputs that a successful run would rewrite or delete
    (tmp_path / "python" / "calendar" / "README.md").write_text("edited", "utf-8")
    (tmp_path / "typescript" / "calendar" / "stale.ts").write_text("old", "utf-8")
    before = _snapshot(tmp_path)
    stages = generate._stages()

    def failing_go(api: ir.Api, document: dict[str, Any], root: Path) -> object:
        raise ir.GenerationError("/components/schemas/X: cannot render")

    monkeypatch.setattr(generate, "_stages", lambda: [*stages[:-1], failing_go])
    capsys.readouterr()
    assert _run(tmp_path, "calendar") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "specpipe: error: cannot generate calendar: /components/schemas/X: cannot render"
    ]
    assert _snapshot(tmp_path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".staging")]


def test_counts_changed_files_removes_stale_ones_and_keeps_build_products(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(tmp_path, "calendar") == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("generated  calendar  (")
    assert _run(tmp_path, "calendar") == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "unchanged  calendar"
    package = tmp_path / "python" / "calendar"
    (package / "stale.py").write_text("x = 1\n", "utf-8")
    for kept in ("build/lib/x.py", "calendar_client.egg-info/PKG-INFO", "dist/x.whl"):
        (package / kept).parent.mkdir(parents=True, exist_ok=True)
        (package / kept).write_text("kept", "utf-8")
    readme = package / "README.md"
    readme.write_text("edited by hand", "utf-8")
    assert _run(tmp_path, "calendar") == 0
    assert (
        capsys.readouterr().out.strip().splitlines()[-1] == "generated  calendar  (2 files changed)"
    )
    assert not (package / "stale.py").exists() and readme.read_text("utf-8") != "edited by hand"
    assert all((package / kept).is_file() for kept in ("build/lib/x.py", "dist/x.whl"))


def test_an_ir_failure_stops_the_stages_already_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import multiprocessing

    assert _run(tmp_path, "calendar") == 0
    before = _snapshot(tmp_path)
    started: list[str] = []
    stages = generate._document_stages()
    bundling = multiprocessing.get_context("fork").Event()

    def slow_bundle(name: str, document: dict[str, Any], root: Path) -> object:
        import time

        bundling.set()
        time.sleep(30)  # still running when the IR fails: must be stopped, not waited for
        return stages[0](name, document, root)

    def failing_build(name: str, document: dict[str, Any]) -> ir.Api:
        # the document's stages run in processes of their own while the IR is built
        assert bundling.wait(10)
        started.append(name)
        raise ir.GenerationError("/components/schemas/X: cannot be typed")

    monkeypatch.setattr(generate, "_document_stages", lambda: [slow_bundle, *stages[1:]])
    monkeypatch.setattr(ir, "build", failing_build)
    capsys.readouterr()
    assert _run(tmp_path, "calendar") == 1
    assert started == ["calendar"]
    assert capsys.readouterr().err.strip().splitlines() == [
        "specpipe: error: cannot generate calendar: /components/schemas/X: cannot be typed"
    ]
    assert _snapshot(tmp_path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".staging")]
    assert multiprocessing.active_children() == []
