"""Decoding speed of a 10,000-item Open Dental benefit list: our Python client beside
OpenAPI Generator's Python client, generated from the same bundle, in the same process, on
the same bytes.

    .venv/bin/python tools/bench_decode.py [--items 10000] [--repeat 7]

On first use the script installs PyPI's ``openapi-generator-cli`` (the generator's jar; Java
17 runs it) and the generated client's runtime dependencies (``python-dateutil``,
``urllib3``) into ``.cache/bench/``, and generates OpenAPI Generator's client from
``generated/bundled/opendental.yaml`` there. Each figure is the best of ``--repeat`` runs of
CPU time (``time.process_time``, so other load on the machine counts less):

* ours: the client's own answer path (``_base.parse_success`` on an ``httpx.Response``),
  which decodes the bytes with pydantic-core's JSON parser into the models, leniently (the
  default) and strictly (``strict_responses=True``);
* OpenAPI Generator's: ``ApiClient.deserialize`` of the same text into ``List[Benefit]``;
* ``json.loads`` of the same bytes, for scale.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "bench"
BUNDLE = ROOT / "generated" / "bundled" / "opendental.yaml"
OURS = ROOT / "generated" / "python" / "opendental"
OG_CLI = CACHE / "og-cli"
OG_DEPS = CACHE / "og-deps"
OG_OUT = CACHE / "og-opendental"
OG_PACKAGE = "og_opendental"

ITEM = {
    "BenefitNum": 1,
    "PlanNum": 12,
    "PatPlanNum": 0,
    "CovCatNum": 0,
    "BenefitType": "Limitations",
    "Percent": -1,
    "MonetaryAmt": 1500.0,
    "TimePeriod": "CalendarYear",
    "QuantityQualifier": "None",
    "Quantity": 0,
    "CodeNum": 0,
    "procCode": "",
    "CoverageLevel": "Individual",
    "SecDateTEntry": "2024-03-01 09:15:00",
    "SecDateTEdit": "2024-03-02 10:20:30",
    "CodeGroupNum": 0,
}


def _pip(target: Path, *packages: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(target), *packages],
        check=True,
    )


def prepare_openapi_generator() -> None:
    """Install the generator and its client's dependencies, generate the client (once)."""
    jar = OG_CLI / "openapi_generator_cli" / "openapi-generator.jar"
    if not jar.is_file():
        print("installing openapi-generator-cli into .cache/bench/ ...", file=sys.stderr)
        _pip(OG_CLI, "openapi-generator-cli>=7.10")
    if not (OG_DEPS / "dateutil").is_dir():
        _pip(OG_DEPS, "python-dateutil>=2.8", "urllib3>=2.1")
    if not (OG_OUT / OG_PACKAGE / "api_client.py").is_file():
        print("generating OpenAPI Generator's python client ...", file=sys.stderr)
        subprocess.run(
            [
                "java",
                "-jar",
                str(jar),
                "generate",
                "-g",
                "python",
                "-i",
                str(BUNDLE),
                "-o",
                str(OG_OUT),
                "--package-name",
                OG_PACKAGE,
                "--global-property",
                "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def best(action: Callable[[], Any], repeat: int) -> float:
    """Best CPU time of ``repeat`` runs, in milliseconds (after one warm-up run)."""
    action()
    times = []
    for _ in range(repeat):
        started = time.process_time()
        action()
        times.append(time.process_time() - started)
    return min(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    prepare_openapi_generator()
    sys.path[:0] = [str(OURS), str(OG_OUT), str(OG_DEPS)]
    import httpx
    import opendental_client.client as ours
    from og_opendental.api_client import ApiClient  # type: ignore[import-not-found]
    from opendental_client import _base, models

    items = [dict(ITEM, BenefitNum=index + 1) for index in range(args.items)]
    raw = json.dumps(items).encode("utf-8")
    text = raw.decode("utf-8")
    operation = next(
        op
        for op in ours._operations().values()
        if op.method == "GET" and "{" not in op.path and op.responses.get("200") is not None
    )
    request = httpx.Request("GET", "http://localhost" + operation.path)

    def answer() -> httpx.Response:
        headers = {"content-type": "application/json"}
        return httpx.Response(200, content=raw, headers=headers, request=request)

    def decode(strict: bool) -> Any:
        return _base.parse_success(answer(), operation, strict)[0]

    decoded = decode(False)
    assert len(decoded) == args.items and isinstance(decoded[0], models.Benefit)
    og = ApiClient()
    og_decoded = og.deserialize(text, "List[Benefit]", "application/json")
    assert len(og_decoded) == args.items
    assert og_decoded[0].benefit_num == decoded[0].benefit_num == 1

    loads = best(lambda: json.loads(raw), args.repeat)
    lenient = best(lambda: decode(False), args.repeat)
    strict = best(lambda: decode(True), args.repeat)
    anchor = best(lambda: og.deserialize(text, "List[Benefit]", "application/json"), args.repeat)
    print(f"decode {args.items} Open Dental benefits (best of {args.repeat}, CPU ms):")
    rows = [
        ("json.loads alone", loads, ""),
        ("OpenAPI Generator python (anchor)", anchor, ""),
        ("ours, lenient (default)", lenient, f"{anchor / lenient:.1f}x faster"),
        ("ours, strict_responses=True", strict, f"{anchor / strict:.1f}x faster"),
    ]
    for label, figure, note in rows:
        print(f"  {label:<36}{figure:8.1f} ms   {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
