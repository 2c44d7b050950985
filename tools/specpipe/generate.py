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


# A stage writes its outputs under the staging folder: from the document alone (given the
# API's name), or from the IR too.
DocumentStage = Callable[[str, dict[str, Any], Path], object]
Stage = Callable[[ir.Api, dict[str, Any], Path], object]


@dataclass
class Outcome:
    changed: list[Path] = field(default_factory=list)  # files written or replaced
    removed: list[Path] = field(default_factory=list)  # stale generated files deleted


def _document_stages() -> list[DocumentStage]:
    """The stages that need only the document (they may start before the IR is built)."""
    from specpipe.bundle import write_bundle
    from specpipe.openapi30 import OpenAPI30Error, write_rendering

    def bundle(name: str, document: dict[str, Any], root: Path) -> object:
        return write_bundle(document, root / "bundled" / f"{name}.yaml")

    def openapi30(name: str, document: dict[str, Any], root: Path) -> object:
        try:  # the OpenAPI 3.0.3 rendering beside the bundle
            return write_rendering(document, root / "bundled" / f"{name}.yaml")
        except OpenAPI30Error as exc:
            raise ir.GenerationError(f"cannot render it as OpenAPI 3.0: {exc}") from None

    return [bundle, openapi30]


def _stages() -> list[Stage]:
    """The stages that render the IR, in order."""
    from specpipe.clients.go import generate_go
    from specpipe.clients.typescript import generate_typescript, start_compile
    from specpipe.docs import write_markdown
    from specpipe.models import generate_python

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

    return [docs, python, typescript, go]


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


def _run_stage(
    stage: Callable[[Any, dict[str, Any], Path], object],
    first: Any,
    document: dict[str, Any],
    root: Path,
    send: Any,
) -> None:
    """One stage in a forked process: its result (waited for), or its exception, sent back."""
    try:
        result = stage(first, document, root)
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


class _Forked:
    """Stages in forked processes of their own (the document and the IR shared copy-on-write);
    :meth:`wait` raises the first failure, in the order they started, once all have stopped."""

    def __init__(self) -> None:
        import multiprocessing

        self._context = multiprocessing.get_context("fork")
        self._running: list[tuple[Any, Any]] = []

    def start(
        self,
        stage: Callable[[Any, dict[str, Any], Path], object],
        first: Any,
        document: dict[str, Any],
        staging: Path,
    ) -> None:
        receive, send = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=_run_stage, args=(stage, first, document, staging, send), daemon=True
        )
        process.start()
        send.close()
        self._running.append((process, receive))

    def wait(self) -> None:
        failures: list[BaseException] = []
        for process, receive in self._running:
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

    def stop(self) -> None:
        for process, receive in self._running:
            if process.is_alive():
                process.kill()
            process.join()
            receive.close()


def generate_api(
    name: str,
    document: dict[str, Any],
    build: Callable[[], ir.Api],
    out_dir: Path,
    *,
    parallel: bool = False,
) -> Outcome:
    """Write every output of the API ``name`` under ``out_dir``, all or nothing; ``build``
    gives its IR.

    With ``parallel`` (a caller of one thread, on a machine of several cores) each stage runs
    in a forked process of its own, those of the document alone while ``build`` runs. Raises
    :class:`ir.GenerationError` (or the error of the stage that failed, or of ``build``) with
    nothing under ``out_dir`` changed.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{name}-", dir=out_dir))
    pending: list[Any] = []  # stages still running in the background (the TypeScript compiler)
    forked = _Forked() if parallel else None
    try:
        if forked is not None:
            for document_stage in _document_stages():
                forked.start(document_stage, name, document, staging)
            api = build()
            for stage in _stages():
                forked.start(stage, api, document, staging)
            forked.wait()
        else:
            api = build()
            for document_stage in _document_stages():
                document_stage(name, document, staging)
            for stage in _stages():
                result = stage(api, document, staging)
                if callable(getattr(result, "finish", None)):
                    pending.append(result)
            while pending:
                pending.pop(0).finish()
        outcome = Outcome()
        for final_root in output_roots(out_dir, name):
            staged_root = staging / final_root.relative_to(out_dir)
            if staged_root.exists():
                _sync(staged_root, final_root, outcome)
        return outcome
    finally:
        if forked is not None:
            forked.stop()
        for unfinished in pending:
            unfinished.cancel()
        shutil.rmtree(staging, ignore_errors=True)
