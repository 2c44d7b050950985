"""Wall time of validate + bundle + generate (all languages) for the project's specs.

Prints, for `specpipe generate` into a fresh folder:

* cold: nothing generated yet (no output, no cache);
* unchanged: the same command again with nothing changed;

and beside them two anchors measured in the same run on the same machine:

* python startup: `python -c pass`, the floor of any command written in Python;
* datamodel-codegen CLI: the model generator alone on the same bundled specs, once per API
  (the cost of the one library every cold run pays).

Each figure is the median of `--repeat` runs (default 3). Usage:

    .venv/bin/python tools/bench_pipeline.py [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from specpipe.openapi30 import is_rendering

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COLD_TARGET, UNCHANGED_TARGET = 5.0, 1.0


def _timed(command: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"benchmark: {' '.join(command)} failed:\n{result.stderr.strip()}")
    return elapsed


def _median(repeat: int, run: Callable[[], float]) -> float:
    return statistics.median(run() for _ in range(repeat))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    generate = [sys.executable, "-m", "specpipe", "generate"]
    with tempfile.TemporaryDirectory(prefix="specpipe-bench-") as scratch:
        base = Path(scratch)

        def cold() -> float:
            out = base / "cold"
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(base / "cache", ignore_errors=True)
            return _timed([*generate, "--out", str(out), "--cache-dir", str(base / "cache")])

        def unchanged() -> float:
            return _timed(
                [*generate, "--out", str(base / "cold"), "--cache-dir", str(base / "cache")]
            )

        cold_time = _median(args.repeat, cold)
        unchanged_time = _median(args.repeat, unchanged)
        startup = _median(args.repeat, lambda: _timed([sys.executable, "-c", "pass"]))
        bundles = sorted(
            path
            for path in (ROOT / "generated" / "bundled").glob("*.yaml")
            if not is_rendering(path)  # the OpenAPI 3.0 renderings are not bundles of their own
        )

        def codegen() -> float:
            total = 0.0
            for bundle in bundles:
                total += _timed(
                    [
                        str(BIN / "datamodel-codegen"),
                        "--input",
                        str(bundle),
                        "--input-file-type",
                        "openapi",
                        "--output",
                        str(base / f"{bundle.stem}.py"),
                        "--output-model-type",
                        "pydantic_v2.BaseModel",
                        "--disable-timestamp",
                    ]
                )
            return total

        anchor = _median(args.repeat, codegen)

    rows = [
        ("specpipe generate, cold", cold_time, f"target < {COLD_TARGET:.0f} s"),
        (
            "specpipe generate, nothing changed",
            unchanged_time,
            f"target < {UNCHANGED_TARGET:.0f} s",
        ),
        ("anchor: python startup", startup, "floor of any Python command"),
        (f"anchor: datamodel-codegen CLI x{len(bundles)}", anchor, "models only, no validation"),
    ]
    width = max(len(name) for name, _, _ in rows)
    print(f"{len(bundles)} APIs, median of {args.repeat} runs each")
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds:6.2f} s   {note}")
    ok = cold_time < COLD_TARGET and unchanged_time < UNCHANGED_TARGET
    print("targets met" if ok else "targets NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
