"""Wall time (and peak memory) of `specpipe generate`, beside anchors measured in the same run.

Our four specs, `specpipe generate` (validate, bundle, models, three clients, Markdown docs)
into a fresh folder:

* cold: nothing generated yet (no output, no cache); target ≤ 2.5 s;
* unchanged: the same command again with nothing changed; target ≤ 0.5 s;

beside two anchors: `python -c pass` (the floor of any Python command) and
datamodel-code-generator's CLI on the same bundles (a model generator alone).

The largest corpus specs (`--large`, default: cloudflare 4.2 MB, linode 3.6 MB, svix 2.7 MB):
`specpipe generate --no-validate` (models and the three clients, docs included) beside
OpenAPI Generator's `python`, `typescript-fetch` and `go` generators on the same file (PyPI
`openapi-generator-cli`, installed into `.cache/bench/` on first use; Java is on the
machine), with the peak memory of each run; target: ours at least 3x faster than the three
together, peak ≤ 1 GiB.

Each figure of our four specs is the median of `--repeat` runs (default 3); the large specs
run once each. Usage:

    .venv/bin/python tools/bench_pipeline.py [--repeat N] [--large NAME ... | --no-large]
"""

from __future__ import annotations

import argparse
import resource
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
COLD_TARGET, UNCHANGED_TARGET = 2.5, 0.5
CORPUS = ROOT.parent / "shared" / "corpus" / "specs"
LARGE = ("cloudflare-openapi.json", "linode-openapi.yaml", "svix-openapi.json")
OPENAPI_GENERATOR = ("python", "typescript-fetch", "go")
SPEEDUP_TARGET, MEMORY_TARGET = 3.0, 1024.0  # times faster; MiB
CACHE = ROOT / ".cache" / "bench"


def _timed(command: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"benchmark: {' '.join(command)} failed:\n{result.stderr.strip()}")
    return elapsed


def _median(repeat: int, run: Callable[[], float]) -> float:
    return statistics.median(run() for _ in range(repeat))


def _measured(command: list[str], cwd: Path = ROOT) -> tuple[float, float, bool]:
    """(seconds, peak MiB of the process tree, succeeded) of one command, run alone."""
    wrapped = ["/usr/bin/time", "-f", "%M", *command] if Path("/usr/bin/time").exists() else command
    start = time.perf_counter()
    result = subprocess.run(wrapped, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    lines = result.stderr.strip().splitlines()
    if wrapped is not command and lines and lines[-1].isdigit():
        peak = int(lines[-1]) / 1024
    else:  # the largest child so far: an upper bound of this one
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed, peak, result.returncode == 0


def _openapi_generator() -> Path:
    """The `openapi-generator-cli` of a private virtual environment (installed on first use)."""
    venv = CACHE / "openapi-generator"
    cli = venv / "bin" / "openapi-generator-cli"
    if not cli.exists():
        print(
            "benchmark: installing openapi-generator-cli (PyPI) into .cache/bench/ ...", flush=True
        )
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "--quiet", "openapi-generator-cli>=7.0"],
            check=True,
        )
    return cli


def _large(names: list[str], scratch: Path) -> list[tuple[str, str, float, float, str]]:
    """(spec, runner, seconds, peak MiB, note) rows for the large corpus specs."""
    rows: list[tuple[str, str, float, float, str]] = []
    generator = _openapi_generator()
    for name in names:
        spec = CORPUS / name
        if not spec.is_file():
            sys.exit(f"benchmark: no corpus spec {spec}")
        out = scratch / f"ours-{spec.stem}"
        ours = [sys.executable, "-m", "specpipe", "generate", str(spec), "--no-validate"]
        seconds, peak, ok = _measured([*ours, "--out", str(out), "--cache-dir", ""])
        rows.append(
            (
                spec.stem,
                "specpipe generate (models + 3 clients)",
                seconds,
                peak,
                "" if ok else "FAILED",
            )
        )
        total, worst, failed = 0.0, 0.0, 0
        for language in OPENAPI_GENERATOR:
            command = [
                str(generator),
                "generate",
                "-i",
                str(spec),
                "-g",
                language,
                "-o",
                str(scratch / f"og-{spec.stem}-{language}"),
                "--skip-validate-spec",
            ]
            took, used, done = _measured(command)
            total, worst, failed = total + took, max(worst, used), failed + (not done)
            rows.append(
                (
                    spec.stem,
                    f"anchor: openapi-generator {language}",
                    took,
                    used,
                    "" if done else "FAILED",
                )
            )
        if failed == len(OPENAPI_GENERATOR):  # each stopped early: no time to compare with
            verdict = "no verdict, every anchor run failed"
        else:
            verdict = (
                "met"
                if ok and total / seconds >= SPEEDUP_TARGET and peak <= MEMORY_TARGET
                else "NOT met"
            )
            if failed:
                verdict += f" ({failed} of {len(OPENAPI_GENERATOR)} anchor runs failed early)"
        rows.append(
            (
                spec.stem,
                "anchor: openapi-generator, the three",
                total,
                worst,
                f"ours {total / seconds:.1f}x faster; target ≥ {SPEEDUP_TARGET:.0f}x and "
                f"≤ {MEMORY_TARGET:.0f} MiB: {verdict}",
            )
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument(
        "--large",
        nargs="+",
        default=list(LARGE),
        metavar="FILE",
        help="corpus specs compared with OpenAPI Generator",
    )
    parser.add_argument("--no-large", action="store_true", help="only our four specs")
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
        ("specpipe generate, cold", cold_time, f"target ≤ {COLD_TARGET:g} s"),
        (
            "specpipe generate, nothing changed",
            unchanged_time,
            f"target ≤ {UNCHANGED_TARGET:g} s",
        ),
        ("anchor: python startup", startup, "floor of any Python command"),
        (f"anchor: datamodel-codegen CLI x{len(bundles)}", anchor, "models only, no validation"),
    ]
    width = max(len(name) for name, _, _ in rows)
    print(f"{len(bundles)} APIs, median of {args.repeat} runs each")
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds:6.2f} s   {note}")
    ok = cold_time <= COLD_TARGET and unchanged_time <= UNCHANGED_TARGET
    print("targets met" if ok else "targets NOT met")
    if not args.no_large:
        with tempfile.TemporaryDirectory(prefix="specpipe-bench-large-") as scratch:
            large = _large(args.large, Path(scratch))
        print("\nlargest corpus specs, one run each")
        width = max(len(runner) for _, runner, _, _, _ in large)
        for spec, runner, seconds, peak, note in large:
            print(f"{spec:<28} {runner:<{width}}  {seconds:7.2f} s  {peak:7.0f} MiB   {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
