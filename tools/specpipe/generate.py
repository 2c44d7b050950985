"""Generate everything of one API, all or nothing.

Every output of an API (its bundle, its Markdown reference, its Python, TypeScript and Go
packages) is first written into a staging folder beside the output root. Only when every
stage succeeded are the staged files moved into place: a file whose content is unchanged is
left alone (its mtime too), a changed or new one replaces the old one (``os.replace``, on the
same file system), and a file of the API's package folders that the generator no longer
writes is deleted, except build products a user may have made there (``build/``, ``dist/``
of a Python package, ``node_modules/``, ``*.egg-info``, caches). A failure in any stage
removes the staging folder and leaves the previous output exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specpipe import ir

__all__ = ["Outcome", "generate_api", "output_roots"]

# Folders inside a package that belong to the user's tools, never to the generator (and
# `dist/`, unless the generator writes one).
_FOREIGN_PARTS = frozenset(
    {"build", "node_modules", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
)


def _foreign(relative: Path) -> bool:
    return bool(_FOREIGN_PARTS.intersection(relative.parts)) or any(
        part.endswith(".egg-info") for part in relative.parts
    )


def output_roots(out_dir: Path, name: str) -> list[Path]:
    """Everything ``generate`` writes for one API (files and package folders)."""
    from specpipe.openapi30 import rendering_path

    bundle = out_dir / "bundled" / f"{name}.yaml"
    return [
        bundle,
        rendering_path(bundle),
        out_dir / "docs" / f"{name}.md",
        out_dir / "python" / name,
        out_dir / "typescript" / name,
        out_dir / "go" / name,
    ]


Stage = Callable[[ir.Api, dict[str, Any], Path], object]


@dataclass
class Outcome:
    changed: list[Path] = field(default_factory=list)  # files written or replaced
    removed: list[Path] = field(default_factory=list)  # stale generated files deleted


def _stages() -> list[tuple[str, Stage]]:
    """(output root relative to the staging folder, writer) of every stage, in order."""
    from specpipe.bundle import write_bundle
    from specpipe.clients.go import generate_go
    from specpipe.clients.typescript import generate_typescript, start_compile
    from specpipe.docs import write_markdown
    from specpipe.models import generate_python
    from specpipe.openapi30 import OpenAPI30Error, write_rendering

    def bundle(api: ir.Api, document: dict[str, Any], root: Path) -> object:
        return write_bundle(document, root / "bundled" / f"{api.name}.yaml")

    def openapi30(api: ir.Api, document: dict[str, Any], root: Path) -> object:
        try:  # the OpenAPI 3.0.3 rendering beside the bundle
            return write_rendering(document, root / "bundled" / f"{api.name}.yaml")
        except OpenAPI30Error as exc:
            raise ir.GenerationError(f"cannot render it as OpenAPI 3.0: {exc}") from None

    def docs(api: ir.Api, document: dict[str, Any], root: Path) -> object:
        return write_markdown(document, api.name, root / "docs", api)

    def python(api: ir.Api, document: dict[str, Any], root: Path) -> object:
        return generate_python(api, root / "python" / api.name)

    def typescript(api: ir.Api, document: dict[str, Any], root: Path) -> object:
        out = root / "typescript" / api.name
        generate_typescript(api, out, compile=False)
        return start_compile(out)  # tsc runs while the Go stage works (see generate_api)

    def go(api: ir.Api, document: dict[str, Any], root: Path) -> object:
        return generate_go(api, root / "go" / api.name)

    return [
        ("bundle", bundle),
        ("bundle", openapi30),
        ("docs", docs),
        ("python", python),
        ("typescript", typescript),
        ("go", go),
    ]


def _files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path


def _move(source: Path, target: Path, outcome: Outcome) -> None:
    if target.is_file() and target.read_bytes() == source.read_bytes():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    outcome.changed.append(target)


def _sync(staged_root: Path, final_root: Path, outcome: Outcome) -> None:
    """Move the staged files of one output root into place (see the module docstring)."""
    if staged_root.is_file():
        _move(staged_root, final_root, outcome)
        return
    staged = {path.relative_to(staged_root): path for path in _files(staged_root)}
    for relative, source in staged.items():
        _move(source, final_root / relative, outcome)
    if not final_root.is_dir():
        return
    generated_dist = any(relative.parts[0] == "dist" for relative in staged)
    for path in list(_files(final_root)):
        relative = path.relative_to(final_root)
        if relative in staged or _foreign(relative):
            continue
        if relative.parts[0] == "dist" and not generated_dist:
            continue  # a user's `python -m build` output, not ours
        path.unlink()
        outcome.removed.append(path)


def _run_stage(stage: Stage, api: ir.Api, document: dict[str, Any], root: Path, send: Any) -> None:
    """One stage in a forked process: its result (waited for), or its exception, sent back."""
    try:
        result = stage(api, document, root)
        if callable(getattr(result, "finish", None)):
            result.finish()  # type: ignore[attr-defined]
        send.send(None)
    except BaseException as exc:  # every failure goes back to the parent
        try:
            send.send(exc)
        except Exception:  # an exception that does not pickle
            send.send(ir.GenerationError(f"{type(exc).__name__}: {exc}"))
    finally:
        send.close()


def _stages_in_parallel(api: ir.Api, document: dict[str, Any], staging: Path) -> None:
    """Every stage in a forked process of its own (the IR is shared copy-on-write); the first
    failure, in stage order, is raised once all have stopped."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    running = []
    try:
        for _, stage in _stages():
            receive, send = context.Pipe(duplex=False)
            process = context.Process(
                target=_run_stage, args=(stage, api, document, staging, send), daemon=True
            )
            process.start()
            send.close()
            running.append((process, receive))
        failures: list[BaseException] = []
        for process, receive in running:
            try:
                outcome = receive.recv()
            except EOFError:
                process.join()
                outcome = ir.GenerationError(
                    f"a generation stage stopped without an answer (exit code {process.exitcode})"
                )
            if outcome is not None:
                failures.append(outcome)
            process.join()
        if failures:
            raise failures[0]
    finally:
        for process, _ in running:
            if process.is_alive():
                process.kill()
                process.join()


def generate_api(
    api: ir.Api, document: dict[str, Any], out_dir: Path, *, parallel: bool = False
) -> Outcome:
    """Write every output of ``api`` under ``out_dir``, all or nothing.

    With ``parallel`` (a caller of one thread, on a machine of several cores) each stage runs
    in a forked process of its own. Raises :class:`ir.GenerationError` (or the error of the
    stage that failed) with nothing under ``out_dir`` changed.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{api.name}-", dir=out_dir))
    pending: list[Any] = []  # stages still running in the background (the TypeScript compiler)
    try:
        if parallel:
            _stages_in_parallel(api, document, staging)
        else:
            for _, stage in _stages():
                result = stage(api, document, staging)
                if callable(getattr(result, "finish", None)):
                    pending.append(result)
            while pending:
                pending.pop(0).finish()
        outcome = Outcome()
        for final_root in output_roots(out_dir, api.name):
            staged_root = staging / final_root.relative_to(out_dir)
            if staged_root.exists():
                _sync(staged_root, final_root, outcome)
        return outcome
    finally:
        for unfinished in pending:
            unfinished.cancel()
        shutil.rmtree(staging, ignore_errors=True)
