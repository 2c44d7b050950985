"""Decoding time of the TypeScript client: a 10,000-item Open Dental benefit list.

Runs Node on the committed package (``generated/typescript/opendental/dist``) with a ``fetch``
that answers a prepared body, and prints, in the same run, the median time of
``JSON.parse`` alone (the anchor: no client can decode faster), the client's lenient
decoding (the default) and its strict decoding, each for the whole call
(``client.listBenefits()``: read the body, parse, map wire names to camelCase, validate).

    .venv/bin/python tools/bench_decode_typescript.py [--items 10000] [--rounds 15]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "generated" / "typescript" / "opendental" / "dist" / "index.js"

SCRIPT = r"""
const { OpendentalClient } = await import(process.argv[2]);
const items = Number(process.argv[3]), rounds = Number(process.argv[4]);
const types = ["ActiveCoverage", "CoInsurance", "Deductible", "CoPayment", "Limitations"];
const benefits = [];
for (let i = 0; i < items; i++) {
  benefits.push({
    BenefitNum: i + 1, PlanNum: 12, PatPlanNum: 0, CovCatNum: i % 7, BenefitType: types[i % 5],
    Percent: i % 5 === 1 ? 80 : -1, MonetaryAmt: i % 5 === 2 ? 50.5 : -1,
    TimePeriod: "CalendarYear", QuantityQualifier: "None", Quantity: 0, CodeNum: 0,
    procCode: "", CoverageLevel: "Individual", SecDateTEntry: "2024-01-31 12:00:00",
    SecDateTEdit: "2024-02-01 08:30:00", CodeGroupNum: 0,
  });
}
const body = new TextEncoder().encode(JSON.stringify(benefits));
const headers = { "content-type": "application/json" };
const fetch = async () => new Response(body, { status: 200, headers });
const lenient = new OpendentalClient({ baseUrl: "http://bench.test", fetch });
const strict = new OpendentalClient({ baseUrl: "http://bench.test", fetch, strict: true });
async function time(run) {
  const samples = [];
  for (let r = 0; r < rounds + 3; r++) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const kept = samples.slice(3).sort((a, b) => a - b);  // first rounds warm the JIT up
  return kept[Math.floor(kept.length / 2)];
}
const decoder = new TextDecoder();
const parse = await time(async () => JSON.parse(decoder.decode(body)));
const soft = await time(async () => {
  if ((await lenient.listBenefits()).length !== items) throw new Error("bad decoding");
});
const hard = await time(async () => {
  if ((await strict.listBenefits())[0].benefitNum !== 1) throw new Error("bad decoding");
});
console.log(JSON.stringify({ bytes: body.length, parse, lenient: soft, strict: hard }));
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    node = shutil.which("node")
    if node is None or not PACKAGE.is_file():
        print("bench_decode_typescript: needs Node and generated/typescript/opendental/dist")
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "bench.mjs"
        script.write_text(SCRIPT, encoding="utf-8")
        result = subprocess.run(
            [node, str(script), PACKAGE.as_uri(), str(args.items), str(args.rounds)],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
    if result.returncode != 0:
        print(f"bench_decode_typescript: node failed: {result.stderr.strip()[-500:]}")
        return 1
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"TypeScript client, {args.items:,} Open Dental benefits ({figures['bytes']:,} bytes), ")
    print(f"median of {args.rounds} rounds, Node {subprocess.getoutput(f'{node} --version')}:")
    print(f"  JSON.parse alone (anchor)          {figures['parse']:7.1f} ms")
    print(f"  listBenefits(), lenient (default)  {figures['lenient']:7.1f} ms")
    print(f"  listBenefits(), strict             {figures['strict']:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
