"""The TypeScript generator over the real specs of ``../shared/corpus/specs``: a table.

For each spec: build the IR (JSON specs read as JSON, YAML with libyaml, ``nhs-pds/`` through
the loader), render the package (``specpipe.clients.typescript``), then compile it with the
project's pinned ``tsc`` (``--strict``, as ``generate`` does to write ``dist/``). Prints, per
spec: schemas, operations, IR time, render time, tsc time, tsc result, and the first error.

    .venv/bin/python tools/corpus_typescript.py [NAME-FRAGMENT ...] [--corpus DIR] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from specpipe import ir
from specpipe.clients import typescript as tsgen

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "specs"


def load(path: Path) -> dict[str, Any]:
    """The document of one corpus entry (a file, or a folder with one root YAML)."""
    if path.is_dir():
        from specpipe.loader import load_spec

        roots = sorted(path.glob("*.yaml"))
        if not roots:
            raise ValueError(f"{path}: no root document")
        return load_spec(roots[0]).document
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return dict(json.loads(text))
    return dict(yaml.load(text, Loader=yaml.CSafeLoader))


def run(path: Path, out: Path) -> dict[str, Any]:
    row: dict[str, Any] = {"spec": path.name}
    try:
        document = load(path)
    except Exception as exc:  # a table row, not a crash
        row["error"] = f"load: {type(exc).__name__}: {str(exc)[:120]}"
        return row
    started = time.perf_counter()
    try:
        api = ir.build(path.stem, document)
    except ir.GenerationError as exc:
        row["error"] = f"ir: {exc}"
        return row
    row["ir"] = time.perf_counter() - started
    row["schemas"], row["operations"] = len(api.schemas), len(api.operations)
    started = time.perf_counter()
    try:
        tsgen.generate_typescript(api, out, compile=False)
    except ir.GenerationError as exc:
        row["error"] = f"render: {exc}"
        return row
    row["render"] = time.perf_counter() - started
    row["warnings"] = len(api.warnings)
    started = time.perf_counter()
    try:
        tsgen.compile_dist(out)
        row["tsc"] = "pass"
    except ir.GenerationError as exc:
        row["tsc"] = "FAIL"
        row["error"] = str(exc)[:300]
    row["tsc_time"] = time.perf_counter() - started
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only specs whose name contains one of these")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--keep", type=Path, help="write the packages here (default: a temp dir)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus_typescript: no corpus folder {args.corpus}", file=sys.stderr)
        return 2
    entries = sorted(
        p for p in args.corpus.iterdir() if p.suffix in (".json", ".yaml") or p.is_dir()
    )
    if args.names:
        entries = [p for p in entries if any(n in p.name for n in args.names)]
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        root = args.keep or Path(scratch)
        header = (
            f"| {'spec':<58} | schemas | ops | IR s | render s | tsc --strict | tsc s | warnings |"
        )
        print(header)
        print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
        for entry in entries:
            row = run(entry, root / entry.stem)
            rows.append(row)
            cells = [
                f"{row['spec']:<58}",
                f"{row.get('schemas', '-'):>7}",
                f"{row.get('operations', '-'):>3}",
                f"{row.get('ir', 0):4.1f}",
                f"{row.get('render', 0):8.2f}",
                f"{row.get('tsc', '-'):>12}",
                f"{row.get('tsc_time', 0):5.1f}",
                f"{row.get('warnings', '-'):>8}",
            ]
            print("| " + " | ".join(cells) + " |", flush=True)
    failed = [r for r in rows if "error" in r]
    for row in failed:
        print(f"{row['spec']}: {row['error']}")
    passed = len(rows) - len(failed)
    print(f"corpus typescript: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
