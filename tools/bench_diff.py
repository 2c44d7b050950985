"""Speed and memory of ``specpipe diff``, beside today's diff and oasdiff, in one run.

Usage: .venv/bin/python tools/bench_diff.py [--pairs NAME ...] [--baseline REF]
                                             [--pipeline REF] [--oasdiff PATH] [--timeout S]

For each pair of revisions, each figure in its own process:

* **ours, end to end**: ``specpipe diff --old A --new B --format json`` with an empty
  validation cache, then again with the cache it left (what CI sees for an unchanged base):
  wall time and peak resident memory.
* **ours, by part** (one process): loading both revisions (``loader.load_spec``, not part of
  the diff), checking them (``diff.check_revision``: structural validation, cold and then
  from the cache), and the comparison after loading (``diff.compare``).
* **today's diff** (the anchor): ``tools/specpipe/diff.py`` as of ``--baseline`` (default:
  the last commit that has that one-module diff): its ``compare`` on the same loaded
  documents, in the same process as ours; and its ``specpipe diff --old A --new B``, the
  same command line with that module in place of ours (it does not validate), in a process
  of its own.
* **the whole diff of** ``--pipeline REF`` (optional): ``specpipe diff --old A --new B`` with
  the ``tools/`` of that git ref (its loader, its diff, its command line), in a process of its
  own; ``--pipeline 3e5c71d^`` is the pipeline as the diff issue found it, before the loader
  left PyYAML's Python composer.
* **oasdiff** (independent, Go): ``oasdiff breaking A B`` when ``--oasdiff PATH`` is given or
  ``oasdiff`` is on PATH (``GOBIN=/tmp/bin go install github.com/oasdiff/oasdiff@latest``);
  when it refuses a document (xero: two paths that differ only in a parameter name) it is
  run again with ``--include-path-params``, and marked so.

Pairs: the three corpus pairs (``../shared/corpus/pairs``) and two large pairs built here
(written to a temporary folder, never committed): ``cloudflare-4mb`` from
``cloudflare-openapi.json`` (4.2 MB JSON, strictly invalid: compared with ``--no-validate``)
and ``linode-3.6mb`` from ``linode-openapi.yaml`` (3.6 MB YAML, valid). ``old`` is the file
as published; ``new`` has these edits, each made on the first candidate in sorted order:
one operation removed (the last method of the first path with several), a value appended
to a component's ``enum``, a component's ``oneOf`` reversed, a string component made
nullable, a component's last property removed, a ``maxLength`` lowered by one, and the
first ``$ref`` alternative of that ``oneOf`` renamed (key and every reference). The run
checks that the report names each edit.

Targets (issue 10): on a 4 MB pair, end to end within 3 s and at least 5x faster than
today's diff, with a peak below 500 MB.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PAIRS = ("adyen-checkout-v71", "xero-accounting", "ory-kratos")
BUILT = {
    "cloudflare-4mb": ("cloudflare-openapi.json", False),
    "linode-3.6mb": ("linode-openapi.yaml", True),
}
NOT_VALID = {"xero-accounting", "cloudflare-4mb"}  # compared with --no-validate


# the large pairs ------------------------------------------------------------------------


def _read(path: Path) -> Any:
    import yaml

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _edit(document: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The new revision and the (kind, pointer prefix) each edit must be reported as."""
    doc = copy.deepcopy(document)
    expected: list[tuple[str, str]] = []
    schemas: dict[str, Any] = doc["components"]["schemas"]

    def esc(token: str) -> str:
        return token.replace("~", "~0").replace("/", "~1")

    for path in sorted(doc["paths"]):
        methods = sorted(
            m for m in doc["paths"][path] if m in ("get", "put", "post", "delete", "patch")
        )
        if len(methods) > 1:
            del doc["paths"][path][methods[-1]]
            expected.append(("operation-removed", f"/paths/{esc(path)}/{methods[-1]}"))
            break

    def candidates() -> list[tuple[str, dict[str, Any]]]:
        """Schemas operations use directly (request and response bodies, then their
        properties), then component schemas and their properties; each group sorted."""
        found: list[tuple[str, Any]] = []
        for path in sorted(doc["paths"]):
            for method in sorted(doc["paths"][path]):
                operation = doc["paths"][path][method]
                if not isinstance(operation, dict):
                    continue
                base = f"/paths/{esc(path)}/{method}"
                bodies = [("requestBody", operation.get("requestBody") or {})]
                bodies += [
                    (f"responses/{esc(str(s))}", r)
                    for s, r in sorted((operation.get("responses") or {}).items(), key=str)
                ]
                for where, body in bodies:
                    for media, content in sorted((body.get("content") or {}).items()):
                        schema = content.get("schema") if isinstance(content, dict) else None
                        if isinstance(schema, dict) and "$ref" not in schema:
                            at = f"{base}/{where}/content/{esc(media)}/schema"
                            found.append((at, schema))
                            for name, sub in sorted((schema.get("properties") or {}).items()):
                                found.append((f"{at}/properties/{esc(name)}", sub))
        found += [(f"/components/schemas/{esc(n)}", schemas[n]) for n in sorted(schemas)]
        for name in sorted(schemas):
            properties = schemas[name].get("properties")
            if isinstance(properties, dict):
                base = f"/components/schemas/{esc(name)}/properties"
                found += [(f"{base}/{esc(p)}", properties[p]) for p in sorted(properties)]
        return [(p, s) for p, s in found if isinstance(s, dict)]

    for pointer, schema in candidates():
        enum = schema.get("enum")
        if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
            enum.append("bench-added")
            expected.append(("-enum-", f"{pointer}/enum"))
            break
    union_name = ""
    for name in sorted(schemas):
        members = schemas[name].get("oneOf")
        if isinstance(members, list) and len(members) > 1 and any("$ref" in m for m in members):
            members.reverse()
            union_name = name
            break
    for pointer, schema in candidates():
        if schema.get("type") == "string" and not schema.get("nullable") and "enum" not in schema:
            schema["nullable"] = True
            expected.append(("-became-nullable", pointer))
            break
    for pointer, schema in candidates():
        properties = schema.get("properties")
        if isinstance(properties, dict) and len(properties) > 1:
            del properties[list(properties)[-1]]
            expected.append(("-property-removed", f"{pointer}/properties/"))
            break
    for pointer, schema in candidates():
        if isinstance(schema.get("maxLength"), int) and schema["maxLength"] > 1:
            schema["maxLength"] -= 1
            expected.append(("-length-narrowed", f"{pointer}/maxLength"))
            break
    if union_name:
        ref = next(m["$ref"] for m in reversed(schemas[union_name]["oneOf"]) if "$ref" in m)
        old_name = ref.rsplit("/", 1)[-1]
        new_name = f"{old_name}Renamed"
        text = json.dumps(doc).replace(
            json.dumps(f"#/components/schemas/{old_name}"),
            json.dumps(f"#/components/schemas/{new_name}"),
        )
        doc = json.loads(text)
        schemas = doc["components"]["schemas"]
        schemas[new_name] = schemas.pop(old_name)
        expected.append(("schema-renamed", f"/components/schemas/{esc(new_name)}"))
        expected.append(("union-member-renamed", f"/components/schemas/{esc(union_name)}/oneOf/"))
    return doc, expected


def _build(name: str, into: Path) -> tuple[Path, Path, list[tuple[str, str]]]:
    source, _ = BUILT[name]
    original = CORPUS / "specs" / source
    folder = into / name
    folder.mkdir(parents=True, exist_ok=True)
    old = folder / f"old{original.suffix}"
    shutil.copyfile(original, old)
    new_doc, expected = _edit(_read(original))
    new = folder / f"new{original.suffix}"
    if original.suffix == ".json":
        text = json.dumps(new_doc, ensure_ascii=False, separators=(",", ":"))
        new.write_text(text, encoding="utf-8")
    else:
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        new.write_text(
            yaml.dump(new_doc, Dumper=dumper, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
    return old, new, expected


# measuring --------------------------------------------------------------------------------


def _run(
    command: list[str], timeout: float, env: dict[str, str] | None = None
) -> tuple[float, int, int, str, str]:
    """(seconds, peak KB, exit status, stdout, stderr) of one process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT, env=env)
        deadline = start + timeout
        try:
            while True:
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    process.kill()
                    pid, status, usage = os.wait4(process.pid, 0)
                    status = -1
                    break
                time.sleep(0.01)
        except BaseException:  # interrupted: leave no process behind
            process.kill()
            process.wait()
            raise
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status) if status != -1 else -1
        out.seek(0)
        err.seek(0)
        return (
            seconds,
            usage.ru_maxrss,
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


PARTS = r"""
import importlib.util, json, signal, sys, time
from pathlib import Path
from specpipe.loader import load_spec
from specpipe.diff import check_revision, compare
old_path, new_path, validate, cache, baseline, limit = sys.argv[1:7]
validate = validate == "1"
out = {}
import resource
def peak(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter(); old = load_spec(Path(old_path)); new = load_spec(Path(new_path))
out["load"] = time.perf_counter() - t
out["loaded_kb"] = peak()
t = time.perf_counter()
findings = check_revision(old, validate, Path(cache)) + check_revision(new, validate, Path(cache))
out["check_cold"] = time.perf_counter() - t
out["findings"] = [str(f) for f in findings[:3]]
t = time.perf_counter()
check_revision(old, validate, Path(cache)); check_revision(new, validate, Path(cache))
out["check_warm"] = time.perf_counter() - t
t = time.perf_counter(); changes = compare(old, new); out["compare"] = time.perf_counter() - t
out["ours_kb"] = peak() - out["loaded_kb"]
out["changes"] = [[c.kind, c.pointer] for c in changes]
out["breaking"] = sum(c.breaking for c in changes)
if baseline:
    spec = importlib.util.spec_from_file_location("specpipe_diff_today", baseline)
    module = importlib.util.module_from_spec(spec)
    sys.modules["specpipe_diff_today"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    def stop(*_): raise TimeoutError
    signal.signal(signal.SIGALRM, stop); signal.alarm(int(limit))
    t = time.perf_counter()
    try:
        today = module.compare(old, new)
        out["today"] = time.perf_counter() - t
        out["today_changes"] = len(today)
    except TimeoutError:
        out["today"] = None
    signal.alarm(0)
print(json.dumps(out))
"""


# today's `specpipe diff`: the same command line, with the baseline module as `specpipe.diff`
TODAY_CLI = r"""
import importlib.util, sys
spec = importlib.util.spec_from_file_location("specpipe.diff", sys.argv[1])
module = importlib.util.module_from_spec(spec)
sys.modules["specpipe.diff"] = module
spec.loader.exec_module(module)
from specpipe.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _baseline(ref: str, into: Path) -> Path | None:
    if not ref:  # the parent of the commit that replaced the one-module diff
        removed = subprocess.run(
            ["git", "rev-list", "-1", "HEAD", "--", "tools/specpipe/diff.py"],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        ref = removed.stdout.strip() + "^"
    shown = subprocess.run(
        ["git", "show", f"{ref}:tools/specpipe/diff.py"], capture_output=True, text=True, cwd=ROOT
    )
    if shown.returncode != 0:
        return None
    path = into / "specpipe_diff_today.py"
    path.write_text(shown.stdout, encoding="utf-8")
    return path


def _whole(
    command: list[str], args: argparse.Namespace, env: dict[str, str] | None = None
) -> tuple[float | None, int]:
    """(seconds, or None when it failed; peak KB) of an anchor's diff command line, which
    exits 0 or 1 when it compared."""
    seconds, peak, status, _, _ = _run(command, args.timeout, env)
    return (seconds if status in (0, 1) else None), peak


def _pipeline(ref: str, into: Path) -> Path:
    """The `tools/` folder of `ref`, extracted under `into` (for PYTHONPATH)."""
    folder = into / "pipeline"
    folder.mkdir()
    archive = subprocess.run(
        ["git", "archive", ref, "tools"], capture_output=True, cwd=ROOT, check=False
    )
    if archive.returncode != 0:
        sys.exit(f"bench: no git ref {ref!r}: {archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder / "tools"


def _mb(kilobytes: int) -> str:
    return f"{kilobytes / 1024:.0f} MB"


def _s(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:.2f} s"


def _times(a: float | None, b: float | None) -> str:
    if a is None or b is None or b <= 0:
        return "-"
    return f"{a / b:.1f}x"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", nargs="*", default=[*PAIRS, *BUILT], help="pairs to run")
    parser.add_argument(
        "--baseline",
        default="",
        help="git ref of the one-module diff (default: the last commit that has it)",
    )
    parser.add_argument(
        "--pipeline",
        default="",
        metavar="REF",
        help="also run the whole `specpipe diff` (its loader and diff) of this git ref",
    )
    parser.add_argument("--oasdiff", default=shutil.which("oasdiff") or "", help="oasdiff binary")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per measurement")
    args = parser.parse_args()
    python = sys.executable
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-diff-") as tmp_name:
        tmp = Path(tmp_name)
        baseline = _baseline(args.baseline, tmp)
        if baseline is None:
            print("today's diff: tools/specpipe/diff.py not found at the baseline ref; skipped")
        pipeline = _pipeline(args.pipeline, tmp) if args.pipeline else None
        for name in args.pairs:
            expected: list[tuple[str, str]] = []
            if name in BUILT:
                old, new, expected = _build(name, tmp / "pairs")
            else:
                folder = CORPUS / "pairs" / name
                old, new = sorted(folder.glob("old.*"))[0], sorted(folder.glob("new.*"))[0]
            flags = ["--no-validate"] if name in NOT_VALID else []
            size = (old.stat().st_size + new.stat().st_size) / 2 / 1e6
            print(f"\n{name}: {size:.1f} MB per revision{' (--no-validate)' if flags else ''}")
            cache = tmp / f"cache-{name}"
            command = [python, "-m", "specpipe", "diff", "--old", str(old), "--new", str(new)]
            command += [*flags, "--format", "json", "--cache-dir", str(cache)]
            cold = _run(command, args.timeout)
            warm = _run(command, args.timeout)
            if cold[2] not in (0, 1):
                print(f"  specpipe diff failed (exit {cold[2]}): {cold[4].strip()[:300]}")
                continue
            parts_cache = tmp / f"parts-cache-{name}"
            parts = _run(
                [
                    python,
                    "-c",
                    PARTS,
                    str(old),
                    str(new),
                    "0" if flags else "1",
                    str(parts_cache),
                    str(baseline or ""),
                    str(int(args.timeout)),
                ],
                args.timeout * 2,
            )
            if parts[2] != 0:
                print(f"  by part: failed (exit {parts[2]}): {parts[4].strip()[-300:]}")
                continue
            figures = json.loads(parts[3])
            report = json.loads(cold[3])["apis"][0]
            found = [(c["kind"], c["pointer"]) for c in report["changes"]]
            row = {"name": name, "cold": cold, "warm": warm, **figures}
            print(
                f"  ours, end to end     {_s(cold[0])} (validation cache empty), "
                f"{_s(warm[0])} (cached); peak {_mb(max(cold[1], warm[1]))}; "
                f"{len(found)} changes, {report['breaking']} breaking"
            )
            print(f"    load (loader)      {_s(figures['load'])}")
            if flags:
                print(
                    f"    check revisions    {_s(figures['check_cold'])} (--no-validate: "
                    "references resolve, a known version, no cycle)"
                )
            else:
                print(
                    f"    check revisions    {_s(figures['check_cold'])} cold, "
                    f"{_s(figures['check_warm'])} from the cache"
                )
            print(f"    comparison         {_s(figures['compare'])}")
            if baseline is not None:
                today = figures.get("today")
                if today is None:
                    print(f"  today's diff         comparison > {args.timeout:.0f} s (stopped)")
                else:
                    command = [python, "-c", TODAY_CLI, str(baseline), "diff"]
                    total, peak = _whole([*command, "--old", str(old), "--new", str(new)], args)
                    row["today_total"] = total
                    print(
                        f"  today's diff         comparison {_s(today)} "
                        f"({figures['today_changes']} changes); end to end {_s(total)} "
                        f"(its command line), peak {_mb(peak)}"
                    )
                    print(
                        f"  ours vs today        comparison {_times(today, figures['compare'])} "
                        f"as fast; end to end {_times(total, warm[0])} as fast (cached), "
                        f"{_times(total, cold[0])} (cold)"
                    )
            if pipeline is not None:
                command = [python, "-m", "specpipe", "diff", "--old", str(old), "--new", str(new)]
                total, peak = _whole(command, args, {**os.environ, "PYTHONPATH": str(pipeline)})
                row["pipeline_total"] = total
                print(
                    f"  {args.pipeline}'s diff  end to end {_s(total)} (its loader and diff, its "
                    f"command line), peak {_mb(peak)}; ours {_times(total, cold[0])} as fast "
                    f"(cold), {_times(total, warm[0])} (cached)"
                )
            if args.oasdiff:
                oas = _run([args.oasdiff, "breaking", str(old), str(new)], args.timeout)
                note = ""
                if oas[2] not in (0, 1) and "duplicate endpoint" in oas[4]:
                    oas = _run(
                        [args.oasdiff, "breaking", "--include-path-params", str(old), str(new)],
                        args.timeout,
                    )
                    note = " (with --include-path-params)"
                if oas[2] in (0, 1):
                    print(f"  oasdiff breaking     {_s(oas[0])}, peak {_mb(oas[1])}{note}")
                    row["oasdiff"] = oas[0]
                else:
                    print(f"  oasdiff breaking     failed: {oas[4].strip().splitlines()[:1]}")
            for kind, prefix in expected:
                hit = any(kind in k and p.startswith(prefix) for k, p in found)
                print(f"    edit {'found' if hit else 'MISSED'}: {kind.strip('-')} at {prefix}")
            rows.append(row)
    large = [r for r in rows if r["name"] == "cloudflare-4mb"]
    if large:
        r = large[0]
        print("\ntargets on the 4 MB pair (cloudflare-4mb):")
        print(
            f"  end to end ≤ 3 s: {_s(r['warm'][0])} cached, {_s(r['cold'][0])} cold; "
            f"of which the loader {_s(r['load'])}, ours after loading "
            f"{_s(r['check_warm'] + r['compare'])}"
        )
        if "today_total" in r:
            print(
                f"  ≥ 5x faster than today's diff: {_times(r['today_total'], r['warm'][0])} "
                f"end to end, {_times(r['today'], r['compare'])} comparison"
            )
        if r.get("pipeline_total") is not None:
            print(
                f"  ≥ 5x faster than {args.pipeline}'s whole diff: "
                f"{_times(r['pipeline_total'], r['warm'][0])} end to end"
            )
        print(
            f"  peak ≤ 500 MB: {_mb(max(r['cold'][1], r['warm'][1]))}, of which the loaded "
            f"documents {_mb(r['loaded_kb'])}; checking and comparing add {_mb(r['ours_kb'])}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
