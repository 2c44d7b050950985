"""Speed of the loader and of `validate` on the largest corpus specs, beside their anchors.

Measured in one run, in this process, on the same files:

* load: `loader.load_spec` (parse, bundle, checks) of the 3.6 MB YAML (linode-openapi.yaml)
  and the 4.2 MB JSON (cloudflare-openapi.json), beside a plain `yaml.load(CSafeLoader)` /
  `json.load` of the same file. Target: at most 2 s.
* validate: what `specpipe validate FILE` does (load_spec + validate_spec: refs,
  openapi-spec-validator, every lint rule, a line for each finding), beside
  openapi-spec-validator alone on the same file (parse + `openapi_spec_validator.validate`).
  `validate()` stops at the first error, so for a spec with errors the anchor is also given
  as the validator iterating all of them, which is what the ratio uses. Target: 1.5x.
* alias bombs: an 810-byte YAML file whose anchors alias the previous one ten times, six
  and nine levels deep, refused. Target: under 1 s.

Figures are wall-clock seconds (median of --repeat runs), with CPU seconds in brackets:
on a busy machine the CPU figures are the steadier comparison. Usage:

    .venv/bin/python tools/bench_loader.py [--repeat N] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from openapi_spec_validator import validate as osv_validate
from openapi_spec_validator.shortcuts import get_validator_cls
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from specpipe.errors import SpecError
from specpipe.loader import load_spec
from specpipe.validate import validate_spec

ROOT = Path(__file__).resolve().parents[1]
LOAD_TARGET, VALIDATE_RATIO, BOMB_TARGET = 2.0, 1.5, 1.0
YAML_SPEC, JSON_SPEC = "linode-openapi.yaml", "cloudflare-openapi.json"

Figure = tuple[float, float]  # wall, cpu


def measure(repeat: int, run: Callable[[], object]) -> Figure:
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def show(figure: Figure) -> str:
    return f"{figure[0]:6.2f} s [{figure[1]:5.2f} cpu]"


def parse(path: Path) -> Any:
    with path.open("rb") as stream:
        if path.suffix == ".json":
            return json.load(stream)
        return yaml.load(stream, Loader=yaml.CSafeLoader)


def ours_validate(path: Path) -> int:
    return len(validate_spec(load_spec(path), default_level="warn"))


def anchor_validate(path: Path) -> str:
    document = parse(path)
    try:
        osv_validate(document)
    except OpenAPIValidationError:
        return "invalid"
    return "valid"


def anchor_all_errors(path: Path) -> int:
    document = parse(path)
    return sum(1 for _ in get_validator_cls(document)(document).iter_errors())


def alias_bomb(levels: int) -> str:
    lines = ["openapi: 3.1.0", "info: {title: t, version: '1'}", "paths: {}"]
    lines.append("x-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]")
    for level in range(1, levels + 1):
        lines.append(f"x-l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="runs per load figure (median)")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=ROOT.parent / "shared" / "corpus" / "specs",
        help="folder of the corpus specs (default: ../shared/corpus/specs)",
    )
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    files = [args.corpus / YAML_SPEC, args.corpus / JSON_SPEC]
    for path in files:
        if not path.is_file():
            parser.error(f"no such file: {path}")
    missed = 0
    cores, load = os.cpu_count() or 1, os.getloadavg()[0]
    print(f"{cores} cores, load average {load:.1f} at start (busy: trust the CPU figures)")

    print(f"load (target <= {LOAD_TARGET:.1f} s)")
    for path in files:
        size = path.stat().st_size / 1e6
        ours = measure(args.repeat, lambda path=path: load_spec(path))
        anchor = measure(args.repeat, lambda path=path: parse(path))
        reader = "json.load" if path.suffix == ".json" else "yaml.load(CSafeLoader)"
        ok = ours[0] <= LOAD_TARGET
        missed += not ok
        print(f"  {path.name} ({size:.1f} MB)")
        print(f"    specpipe load_spec      {show(ours)}   {verdict(ok)}")
        print(f"    {reader:23} {show(anchor)}")

    print(f"validate, load included (target <= {VALIDATE_RATIO:.1f}x the validator alone)")
    for path in files:
        repeat = max(1, args.repeat // 3)
        findings = ours_validate(path)
        ours = measure(repeat, lambda path=path: ours_validate(path))
        outcome = anchor_validate(path)
        anchor = measure(repeat, lambda path=path: anchor_validate(path))
        print(f"  {path.name}")
        print(f"    specpipe validate       {show(ours)}   ({findings} findings)")
        print(f"    openapi-spec-validator  {show(anchor)}   (validate(): {outcome})")
        basis = anchor
        if outcome == "invalid":
            errors = anchor_all_errors(path)
            basis = measure(repeat, lambda path=path: anchor_all_errors(path))
            print(f"    ... every error         {show(basis)}   ({errors} errors)")
        ratio, cpu_ratio = ours[0] / basis[0], ours[1] / basis[1]
        ok = ratio <= VALIDATE_RATIO
        missed += not ok
        print(f"    ratio                   {ratio:6.2f} x [{cpu_ratio:5.2f} cpu]   {verdict(ok)}")

    print(f"alias bombs (target < {BOMB_TARGET:.1f} s, refused)")
    with tempfile.TemporaryDirectory(prefix="specpipe-bench-") as scratch:
        for levels in (6, 9):
            path = Path(scratch) / f"bomb{levels}.yaml"
            path.write_text(alias_bomb(levels))
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

            def refuse(path: Path = path) -> str:
                try:
                    load_spec(path)
                except SpecError as exc:
                    return exc.findings[0].rule
                return "accepted"

            rule = refuse()
            figure = measure(args.repeat, refuse)
            grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
            ok = figure[0] < BOMB_TARGET and rule == "yaml-alias"
            missed += not ok
            print(
                f"  {levels} levels, {path.stat().st_size} bytes: {rule:10} {show(figure)}   "
                f"peak memory +{grown:.0f} MB   {verdict(ok)}"
            )
    print("all targets met" if not missed else f"{missed} target(s) missed")
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
