"""Generate the Python package of every corpus spec and run its strict checks; print a table.

    .venv/bin/python tools/corpus_python.py [--out DIR] [--no-mypy] [--mypy-limit BYTES] [SPEC...]

For each spec of ``../shared/corpus/specs/`` (or the ones named): load it (JSON as JSON, YAML
with libyaml, the multi-file ``nhs-pds`` through the loader), build the IR, render the
package (``specpipe.models.generate_python``), then run ``ruff check`` and ``ruff format
--check`` with the package's own configuration and ``mypy --strict`` on it. Columns: IR
time, Python rendering time (formatting included), files, ruff, mypy (with its time).
``--mypy-limit`` skips mypy on packages whose models module is larger (mypy on ten thousand
models takes minutes); the table says so.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "specs"
BIN = Path(sys.executable).parent


def _load(path: Path) -> dict[str, Any]:
    if path.is_dir():
        from specpipe.loader import load_spec

        root = next(p for p in sorted(path.glob("*.yaml")))
        return load_spec(root).document
    if path.suffix == ".json":
        loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return loaded
    import yaml

    with path.open(encoding="utf-8") as handle:
        document: dict[str, Any] = yaml.load(handle, Loader=yaml.CSafeLoader)
    return document


def _run(command: list[str], cwd: Path, first: bool = False) -> tuple[bool, str]:
    """(success, the first or the last line of the output, for the table)."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    lines = (result.stdout + result.stderr).strip().splitlines()
    shown = (lines[0] if first else lines[-1]) if lines else ""
    return result.returncode == 0, shown.replace("|", "/")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="*", help="spec files or folders (default: the corpus)")
    parser.add_argument("--out", help="folder for the packages (default: a temporary one)")
    parser.add_argument("--no-mypy", action="store_true")
    parser.add_argument("--mypy-limit", type=int, default=3_000_000, metavar="BYTES")
    args = parser.parse_args()
    from specpipe import ir
    from specpipe.models import generate_python
    from specpipe.naming.python import python_package

    specs = [Path(s) for s in args.specs] or sorted(CORPUS.iterdir())
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="corpus-python-"))
    rows = []
    failures = 0
    for spec in specs:
        name = spec.name.split(".")[0]
        row = [name]
        try:
            document = _load(spec)
            started = time.perf_counter()
            api = ir.build(name, document)
            built = time.perf_counter()
            files = generate_python(api, out / name)
            rendered = time.perf_counter()
        except Exception as exc:  # a row per spec: the table names what broke
            failures += 1
            rows.append([name, "-", "-", "-", f"not generated: {type(exc).__name__}: {exc}"[:90]])
            continue
        row += [f"{built - started:.2f}s", f"{rendered - built:.2f}s", str(len(files))]
        folder = out / name
        ok_check, last_check = _run(
            [str(BIN / "ruff"), "check", "--no-cache", "--output-format", "concise", "."],
            folder,
            first=True,
        )
        ok_format, _ = _run([str(BIN / "ruff"), "format", "--check", "--no-cache", "."], folder)
        ruff = "ok" if ok_check and ok_format else f"FAIL {last_check}"
        models = folder / python_package(name) / "models.py"
        if args.no_mypy or models.stat().st_size > args.mypy_limit:
            mypy = f"skipped ({models.stat().st_size // 1000} kB models)"
        else:
            started = time.perf_counter()
            ok_mypy, last = _run(
                [str(BIN / "mypy"), "--strict", "--no-incremental", python_package(name)], folder
            )
            mypy = (
                "ok" if ok_mypy else f"FAIL {last}"
            ) + f" ({time.perf_counter() - started:.0f}s)"
            failures += not ok_mypy
        failures += ruff != "ok"
        rows.append([*row, f"ruff {ruff}; mypy {mypy}"])
    print("| spec | IR | Python | files | checks |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
