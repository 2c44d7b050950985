"""The bundles as third-party tools read them: generate, compile, lint, round-trip.

    .venv/bin/python tools/interop.py          # everything (make interop)
    .venv/bin/python tools/interop.py --fast   # linters, openapi-typescript (make interop-fast)

For every bundle under generated/bundled/ (each API's OpenAPI 3.1 `<api>.yaml` and its 3.0.3
rendering `<api>.openapi-3.0.yaml`) it runs:

* Spectral (`spectral:oas`, through the project's `.spectral.mjs`) and Redocly (`recommended`)
  lint: passes with 0 errors;
* openapi-typescript, then `tsc --strict` on its output;
* (full run) OpenAPI Generator `-g python` (every generated module must import) and `-g java`
  (`mvn compile` must succeed); openapi-python-client (every module must import);
* (full run) a record created, fetched and deleted through OpenAPI Generator's python client
  against the sandbox, for the APIs that `tests/interop/openapi_generator_roundtrip.py` has a
  scenario for.

It prints one table, and exits 1 when a goal is missed (a lint error, a failed tsc, an OpenAPI
Generator client that does not generate, import or compile, a failed round trip);
openapi-python-client is reported but is not a goal. The tools are installed on first use into
`.cache/interop/` (their own virtual environment, npm prefix and Maven repository), never into
the project's environment; every tool's output is kept in `.cache/interop/logs/`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from specpipe.openapi30 import is_rendering

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "generated" / "bundled"
CACHE = ROOT / ".cache" / "interop"
LOGS = CACHE / "logs"
WORK = CACHE / "work"
VENV = CACHE / "venv"
NPM = CACHE / "npm"
MAVEN_REPO = CACHE / "m2"
SPECTRAL_RULESET = ROOT / ".spectral.mjs"
ROUNDTRIP = ROOT / "tests" / "interop" / "openapi_generator_roundtrip.py"

# Pinned so that a table means the same thing from one run to the next.
PYTHON_TOOLS = (
    "openapi-generator-cli==7.26.0",
    "openapi-python-client==0.29.1",
    # what the generated Python clients import
    "pydantic>=2.9",
    "python-dateutil>=2.9",
    "urllib3>=2.2",
    "typing-extensions>=4.12",
    "httpx>=0.28",
    "attrs>=24.2",
)
NODE_TOOLS = {
    "@stoplight/spectral-cli": "6.16.3",
    "@redocly/cli": "2.77.0",
    "openapi-typescript": "7.13.0",
    "typescript": "5.9.3",
}
TOOL_TIMEOUT = 900  # seconds; a first Maven build downloads its plugins


class InteropError(Exception):
    """A tool could not be installed or run at all (one line)."""


@dataclass
class Cell:
    ok: bool | None  # None: not run
    text: str
    goal: bool = True  # whether a failure here misses a goal

    @staticmethod
    def skip(text: str = "-") -> Cell:
        return Cell(None, text)


@dataclass
class Bundle:
    path: Path
    api: str
    version: str  # "3.1" or "3.0"
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.api} {self.version}"

    @property
    def slug(self) -> str:
        return f"{self.api}-{self.version.replace('.', '')}"


def say(message: str) -> None:
    print(f"interop: {message}", flush=True)


def run(
    command: list[str], log: Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with its output in ``log``; never raises for a non-zero exit."""
    log.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(
            command,
            cwd=cwd or ROOT,
            env={**os.environ, **(env or {})},
            capture_output=True,
            text=True,
            timeout=TOOL_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError as exc:
        raise InteropError(f"cannot run {command[0]}: {exc.strerror}") from None
    except subprocess.TimeoutExpired:
        log.write_text(f"$ {' '.join(command)}\ntimed out after {TOOL_TIMEOUT} s\n")
        return subprocess.CompletedProcess(command, 124, "", f"timed out after {TOOL_TIMEOUT} s")
    log.write_text(f"$ {' '.join(command)}\n{result.stdout}\n{result.stderr}", encoding="utf-8")
    return result


def last_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line.strip() for line in (result.stderr + result.stdout).splitlines() if line.strip()]
    return lines[-1][:160] if lines else f"exit {result.returncode}"


# ---------------------------------------------------------------------- installation


def _stamp(directory: Path, wanted: str) -> bool:
    stamp = directory / ".interop-installed"
    return stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted


def ensure_node_tools() -> Path:
    wanted = json.dumps(NODE_TOOLS, sort_keys=True)
    if not _stamp(NPM, wanted):
        if shutil.which("npm") is None:
            raise InteropError("npm is not on PATH (Node 20 and npm are needed)")
        say(f"installing {', '.join(f'{n}@{v}' for n, v in NODE_TOOLS.items())} into {NPM}")
        NPM.mkdir(parents=True, exist_ok=True)
        manifest = {"private": True, "description": "tools/interop.py", "dependencies": NODE_TOOLS}
        (NPM / "package.json").write_text(json.dumps(manifest, indent=2) + "\n")
        result = run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(NPM)],
            LOGS / "install-npm.log",
        )
        if result.returncode != 0:
            raise InteropError(f"npm install failed (see {LOGS / 'install-npm.log'})")
        (NPM / ".interop-installed").write_text(wanted, encoding="utf-8")
    return NPM / "node_modules" / ".bin"


def ensure_python_tools() -> Path:
    wanted = "\n".join(PYTHON_TOOLS)
    if not _stamp(VENV, wanted):
        if shutil.which("java") is None or shutil.which("mvn") is None:
            raise InteropError("OpenAPI Generator needs java (17+) and mvn on PATH")
        say(f"creating {VENV} with {', '.join(PYTHON_TOOLS[:2])} and the clients' dependencies")
        result = run([sys.executable, "-m", "venv", "--clear", str(VENV)], LOGS / "venv.log")
        if result.returncode != 0:
            raise InteropError(f"cannot create {VENV}: {last_line(result)}")
        pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        result = run([*pip, "--upgrade", "pip", *PYTHON_TOOLS], LOGS / "install-pip.log")
        if result.returncode != 0:
            raise InteropError(f"pip install failed (see {LOGS / 'install-pip.log'})")
        (VENV / ".interop-installed").write_text(wanted, encoding="utf-8")
    return VENV / "bin"


# ---------------------------------------------------------------------- the fast part


Result = dict[str, object]


def _per_source(results: list[Result], key: Callable[[Result], str]) -> dict[str, list[Result]]:
    found: dict[str, list[Result]] = {}
    for result in results:
        found.setdefault(key(result), []).append(result)
    return found


def _lint_cell(errors: int, warnings: int) -> Cell:
    text = "ok" if not errors else f"FAIL {errors} error{'s' * (errors != 1)}"
    if warnings:
        text += f", {warnings} warn"
    return Cell(errors == 0, text)


def spectral(bin_dir: Path, bundles: list[Bundle]) -> None:
    log = LOGS / "spectral.log"
    command = [str(bin_dir / "spectral"), "lint", "--ruleset", str(SPECTRAL_RULESET)]
    result = run([*command, "--format", "json", "--quiet", *[str(b.path) for b in bundles]], log)
    try:
        start = result.stdout.index("[")
        found = json.loads(result.stdout[start:])
    except ValueError:
        for bundle in bundles:
            bundle.cells["spectral"] = Cell(False, f"FAIL: {last_line(result)}")
        return
    by_file = _per_source(found, lambda r: Path(str(r.get("source", ""))).name)
    for bundle in bundles:
        problems = by_file.get(bundle.path.name, [])
        errors = sum(1 for p in problems if p.get("severity") == 0)
        bundle.cells["spectral"] = _lint_cell(errors, len(problems) - errors)


def redocly(bin_dir: Path, bundles: list[Bundle]) -> None:
    result = run(
        [str(bin_dir / "redocly"), "lint", "--format", "json", *[str(b.path) for b in bundles]],
        LOGS / "redocly.log",
        env={"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"},
    )
    # one JSON report per file, one after the other, in the order of the files
    reports: list[Result] = []
    decoder, text, at = json.JSONDecoder(), result.stdout, result.stdout.find("{")
    try:
        while at != -1:
            report, end = decoder.raw_decode(text, at)
            reports.append(report)
            at = text.find("{", end)
    except ValueError:
        reports = []
    for bundle, report in zip(bundles, reports, strict=False):
        totals = report.get("totals")
        if isinstance(totals, dict):
            bundle.cells["redocly"] = _lint_cell(int(totals["errors"]), int(totals["warnings"]))
    for bundle in bundles:
        if len(reports) != len(bundles) or "redocly" not in bundle.cells:
            bundle.cells["redocly"] = Cell(False, f"FAIL: {last_line(result)}")


def typescript(bin_dir: Path, bundles: list[Bundle]) -> None:
    out = WORK / "typescript"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    generated: dict[str, Path] = {}

    def generate(bundle: Bundle) -> None:
        target = out / f"{bundle.slug}.ts"
        log = LOGS / f"{bundle.slug}-openapi-typescript.log"
        command = [str(bin_dir / "openapi-typescript"), str(bundle.path), "-o", str(target)]
        result = run(command, log)
        if result.returncode == 0 and target.is_file():
            generated[bundle.slug] = target
        else:
            bundle.cells["typescript"] = Cell(False, f"FAIL generate: {last_line(result)}")

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(generate, bundles))
    if not generated:
        return
    # one tsc run for every file (start-up dominates); errors are attributed by file name
    command = [str(bin_dir / "tsc"), "--strict", "--noEmit", "--target", "es2022"]
    result = run([*command, *map(str, generated.values())], LOGS / "tsc.log")
    errors = re.findall(r"^(\S+?\.ts)\(\d+,\d+\): error", result.stdout, flags=re.M)
    for bundle in bundles:
        if bundle.slug not in generated:
            continue
        count = sum(1 for name in errors if Path(name).name == f"{bundle.slug}.ts")
        if result.returncode != 0 and not errors:  # tsc failed without a diagnostic of a file
            bundle.cells["typescript"] = Cell(False, f"FAIL tsc: {last_line(result)}")
        else:
            bundle.cells["typescript"] = Cell(
                count == 0, "ok" if not count else f"FAIL tsc {count} error{'s' * (count != 1)}"
            )


LINTERS = (spectral, redocly, typescript)


# ---------------------------------------------------------------------- the full run


def _package(bundle: Bundle) -> str:
    return f"{bundle.api}_{bundle.version.replace('.', '')}_og"


def _imports(python: Path, directory: Path, package: str, log: Path) -> Cell:
    """Every module of the generated package imports (the Python notion of compiling)."""
    script = (
        "import importlib, pkgutil, sys, traceback\n"
        f"sys.path.insert(0, {str(directory)!r})\n"
        f"root = importlib.import_module({package!r})\n"
        "names = [m.name for m in pkgutil.walk_packages(root.__path__, root.__name__ + '.')]\n"
        "failed = []\n"
        "for name in names:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as exc:\n"
        "        failed.append(f'{name}: {type(exc).__name__}: {exc}')\n"
        "print(len(names), 'modules')\n"
        "print('\\n'.join(failed))\n"
        "sys.exit(1 if failed else 0)\n"
    )
    result = run([str(python), "-c", script], log)
    if result.returncode == 0:
        return Cell(True, f"ok ({result.stdout.split()[0]} modules)")
    failed = [line for line in result.stdout.splitlines()[1:] if line.strip()]
    if failed:
        return Cell(False, f"FAIL {len(failed)} module{'s' * (len(failed) != 1)} do not import")
    return Cell(False, f"FAIL import: {last_line(result)}")


def openapi_generator(bin_dir: Path, bundles: list[Bundle]) -> None:
    python = bin_dir / "python"

    Outcome = tuple[Bundle, str, Path, subprocess.CompletedProcess[str]]

    def generate(job: tuple[Bundle, str]) -> Outcome:
        bundle, language = job
        out = WORK / f"og-{language}" / bundle.slug
        shutil.rmtree(out, ignore_errors=True)
        command = [str(bin_dir / "openapi-generator-cli"), "generate", "-i", str(bundle.path)]
        command += ["-g", language, "-o", str(out), "--package-name", _package(bundle)]
        if language == "java":
            command += ["--additional-properties", f"artifactId={bundle.slug}-client"]
        result = run(command, LOGS / f"{bundle.slug}-openapi-generator-{language}.log")
        return bundle, language, out, result

    jobs = [(bundle, language) for bundle in bundles for language in ("python", "java")]
    say(f"OpenAPI Generator: {len(jobs)} clients")
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(generate, jobs))
    for bundle, language, out, result in outcomes:
        column = f"og-{language}"
        if result.returncode != 0:
            bundle.cells[column] = Cell(False, f"FAIL generate: {last_line(result)}")
        elif language == "python":
            log = LOGS / f"{bundle.slug}-openapi-generator-python-import.log"
            bundle.cells[column] = _imports(python, out, _package(bundle), log)
        else:
            first = "" if MAVEN_REPO.is_dir() else f" (the first build fills {MAVEN_REPO})"
            say(f"mvn compile {bundle.label}{first}")
            log = LOGS / f"{bundle.slug}-openapi-generator-java-mvn.log"
            build = run(
                ["mvn", "-q", "-B", f"-Dmaven.repo.local={MAVEN_REPO}", "-DskipTests", "compile"],
                log,
                cwd=out,
            )
            bundle.cells[column] = (
                Cell(True, "ok (compiles)")
                if build.returncode == 0
                else Cell(False, f"FAIL mvn compile (see {log.relative_to(ROOT)})")
            )


def openapi_python_client(bin_dir: Path, bundles: list[Bundle]) -> None:
    python = bin_dir / "python"
    for bundle in bundles:
        out = WORK / "opc" / bundle.slug
        shutil.rmtree(out, ignore_errors=True)
        package = _package(bundle).replace("_og", "_opc")
        log = LOGS / f"{bundle.slug}-openapi-python-client.log"
        result = run(
            [
                str(bin_dir / "openapi-python-client"),
                *["generate", "--path", str(bundle.path), "--output-path", str(out / package)],
                *["--meta", "none", "--overwrite"],
            ],
            log,
        )
        if result.returncode != 0:
            cell = Cell(False, f"FAIL generate: {last_line(result)}", goal=False)
        else:
            cell = _imports(python, out, package, LOGS / f"{bundle.slug}-opc-import.log")
            cell.goal = False
            warnings = result.stdout.count("WARNING")
            if warnings:
                cell.text += f", {warnings} warn"
        bundle.cells["opc"] = cell


@contextmanager
def sandbox() -> Iterator[str]:
    from specpipe.sandbox import create_app, load_bundled, run_in_thread

    app = create_app(load_bundled(BUNDLED), db=":memory:")
    with run_in_thread(app) as base_url:
        yield base_url.rstrip("/")


def roundtrip(bin_dir: Path, bundles: list[Bundle]) -> None:
    scenarios = {"vba", "opendental"}  # the scenarios of ROUNDTRIP
    with sandbox() as root:
        for bundle in bundles:
            if bundle.api not in scenarios:
                bundle.cells["roundtrip"] = Cell.skip()
                continue
            if not (bundle.cells.get("og-python") and bundle.cells["og-python"].ok):
                bundle.cells["roundtrip"] = Cell(False, "FAIL: no client")
                continue
            out = WORK / "og-python" / bundle.slug
            log = LOGS / f"{bundle.slug}-roundtrip.log"
            command = [str(bin_dir / "python"), str(ROUNDTRIP), bundle.api, str(out)]
            result = run([*command, _package(bundle), f"{root}/{bundle.api}"], log)
            bundle.cells["roundtrip"] = (
                Cell(True, "ok (create, get, delete)")
                if result.returncode == 0
                else Cell(False, f"FAIL: {last_line(result)}")
            )


# ---------------------------------------------------------------------- report

COLUMNS = {
    "spectral": "Spectral",
    "redocly": "Redocly",
    "typescript": "openapi-typescript + tsc",
    "og-python": "OpenAPI Generator python",
    "og-java": "OpenAPI Generator java",
    "opc": "openapi-python-client",
    "roundtrip": "round trip (OG python, sandbox)",
}


def table(bundles: list[Bundle], columns: list[str]) -> str:
    header = ["bundle", *(COLUMNS[c] for c in columns)]
    rows = [[b.label, *(b.cells.get(c, Cell.skip()).text for c in columns)] for b in bundles]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    lines = [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += [line(row) for row in rows]
    return "\n".join(lines)


def discover() -> list[Bundle]:
    bundles = []
    for path in sorted(BUNDLED.glob("*.yaml")):
        if is_rendering(path):
            bundles.append(Bundle(path, path.name.split(".", 1)[0], "3.0"))
        else:
            bundles.append(Bundle(path, path.stem, "3.1"))
    return sorted(bundles, key=lambda b: (b.api, b.version != "3.1"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--fast", action="store_true", help="only the linters and openapi-typescript + tsc"
    )
    args = parser.parse_args(argv)
    bundles = discover()
    if not bundles:
        print(f"interop: error: no bundle under {BUNDLED} (run `make generate`)", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        node = ensure_node_tools()
        say(f"linting and compiling {len(bundles)} bundles (Spectral, Redocly, openapi-typescript)")
        with ThreadPoolExecutor(max_workers=3) as pool:  # three tools, each on every bundle
            for done in [pool.submit(step, node, bundles) for step in LINTERS]:
                done.result()
        columns = ["spectral", "redocly", "typescript"]
        if not args.fast:
            python = ensure_python_tools()
            openapi_generator(python, bundles)
            say("openapi-python-client")
            openapi_python_client(python, bundles)
            say("round trips through OpenAPI Generator's python clients against the sandbox")
            roundtrip(python, bundles)
            columns += ["og-python", "og-java", "opc", "roundtrip"]
    except InteropError as exc:
        print(f"interop: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interop: interrupted", file=sys.stderr)
        return 130
    print()
    print(table(bundles, columns))
    print()
    missed = [
        f"{bundle.label}: {COLUMNS[column]}"
        for bundle in bundles
        for column, cell in bundle.cells.items()
        if cell.ok is False and cell.goal
    ]
    print(f"tool output: {LOGS.relative_to(ROOT)}/ ({time.monotonic() - started:.0f} s)")
    if missed:
        print(f"interop: {len(missed)} goal(s) missed: {'; '.join(missed)}")
        return 1
    print("interop: every goal met" + (" (fast part)" if args.fast else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
