"""Speed of the sandbox under load, beside Stoplight Prism 5 mocking the same bundles, in one run.

    .venv/bin/python tools/bench_sandbox.py [--duration 10] [--postgres URL] [--records 100000]

`wrk` drives every closed-loop measure (req/s, p50, p99 at 2 and 16 connections); `hey` the one
at a fixed rate (p99 at 200 req/s), which wrk cannot hold. Measured, for the sandbox on SQLite,
the sandbox on PostgreSQL and Prism (`prism mock` on `generated/bundled/<api>.yaml`):

* a VBA list (`GET /plans/PLAN01/benefits/DENTAL/levels`, 3 levels among 300) and an Open
  Dental filtered list (`GET /benefits?PlanNum=12`, 3 benefits among 603), at 2 and 16
  connections;
* p99 of the Open Dental filtered list at 200 req/s;
* the two lists and creates again with `--workers 2`, on each store;
* for the sandbox: create throughput (`POST /benefits`, 16 connections) on an empty table and
  again after `--records` benefits were stored, and the p50 of a filtered list returning 3 of
  those records.

Each goal of the sandbox is printed beside its figure. Setup, all bounded: `wrk` and `hey`
from Debian's packages (apt-get as root when missing), Prism 5 from npm into
`.cache/bench/prism` (not a dependency of the test suite), a throwaway PostgreSQL cluster from
`.ci/postgres` unless `--postgres` names a server (a fresh database is created on it).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PRISM_DIR = ROOT / ".cache" / "bench" / "prism"
PRISM = PRISM_DIR / "node_modules" / ".bin" / "prism"
BUNDLED = ROOT / "generated" / "bundled"
OD = {"Authorization": "ODFHIR sandbox-developer/sandbox-customer"}
VBA = {
    "x-api-key": "sandbox-api-key",
    "Authorization": "Bearer sandbox-token",
    "vbasoftware-database": "demo",
}
VBA_LIST = "/plans/PLAN01/benefits/DENTAL/levels"
OD_LIST = "/benefits?PlanNum=12"
TWO_WORKERS = "SQLite, --workers 2"
TWO_WORKERS_PG = "PostgreSQL, --workers 2"
CREATE_BODY = {"PlanNum": 5, "BenefitType": "CoInsurance", "CoverageLevel": "None", "Percent": 50}


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------- tools


def ensure_debian(command: str, package: str) -> str:
    found = shutil.which(command)
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit(f"bench: {command} is missing; install Debian's {package} (apt-get, as root)")
    say(f"installing Debian's {package}")
    subprocess.run(["apt-get", "update", "-qq"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", package],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    found = shutil.which(command)
    if not found:
        sys.exit(f"bench: {package} installed no {command}")
    return found


def ensure_prism() -> Path:
    if not PRISM.exists():
        say("installing @stoplight/prism-cli 5 into .cache/bench/prism (npm)")
        PRISM_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(PRISM_DIR),
                "--no-audit",
                "--no-fund",
                "@stoplight/prism-cli@5",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return PRISM


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(port: int, process: subprocess.Popen[Any], what: str, limit: float = 90) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"bench: {what} exited with {process.returncode}")
        with suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    sys.exit(f"bench: {what} did not listen on port {port} within {limit:.0f} s")


@contextmanager
def running(command: list[str], port: int, what: str) -> Iterator[None]:
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        cwd=ROOT,
    )
    try:
        wait_for(port, process, what)
        yield
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


@contextmanager
def postgres(explicit: str | None) -> Iterator[Callable[[], str]]:
    """A maker of fresh databases: on `explicit`'s server, or on a throwaway cluster; every
    database it made is dropped at the end."""
    import psycopg

    cluster = None
    if explicit:
        server = explicit
    else:
        say("starting a throwaway PostgreSQL cluster (.ci/postgres)")
        cluster = subprocess.run(
            ["bash", str(ROOT / ".ci" / "postgres"), "start"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        server = (Path(cluster) / "url").read_text().strip()
    made: list[str] = []

    def fresh() -> str:
        name = f"sandbox_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return urlunsplit(urlsplit(server)._replace(path=f"/{name}"))

    try:
        yield fresh
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            for name in made:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if cluster:
            subprocess.run(["bash", str(ROOT / ".ci" / "postgres"), "stop", cluster], check=False)


# ---------------------------------------------------------------------- load generators


@dataclass
class Figures:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int  # non-2xx answers and socket errors


def _ms(text: str) -> float:
    found = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip())
    if not found:
        return float("nan")
    value, unit = float(found.group(1)), found.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def wrk(
    url: str, headers: dict[str, str], connections: int, duration: int, script: Path | None = None
) -> Figures:
    command = [
        "wrk",
        f"-t{min(connections, 2)}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "10s",
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    if script is not None:
        command += ["-s", str(script)]
    out = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return Figures(rps, p50, p99, errors)


def hey_at_rate(url: str, headers: dict[str, str], rate: int, duration: int) -> Figures:
    workers = 4
    command = ["hey", "-z", f"{duration}s", "-c", str(workers), "-q", str(rate // workers)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout

    def percentile(p: int) -> float:
        found = re.search(rf"^\s+{p}% in ([\d.]+) secs", out, re.M)
        return float(found.group(1)) * 1000 if found else float("nan")

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    codes = dict(re.findall(r"\[(\d{3})\]\s+(\d+) responses", out))
    errors = sum(int(n) for code, n in codes.items() if not code.startswith("2"))
    return Figures(rps, percentile(50), percentile(99), errors)


# ---------------------------------------------------------------------- data


def seed_over_http(base: str, prefix: str) -> None:
    """3 levels of PLAN01/DENTAL among 300, 3 benefits of plan 12 among 603."""
    import httpx

    level = {
        "planBenefitLevel_Key": 0,
        "benefit_Code": "x",
        "benefit_Level": "Age by Service Date",
        "exclude": False,
        "from_Value": "0",
        "thru_Value": "18",
    }
    with httpx.Client(base_url=base + prefix, timeout=30) as http:
        for plan in range(100):
            name = "PLAN01" if plan == 0 else f"PLAN{plan + 100}"
            for _ in range(3):
                answer = http.post(
                    f"/vba/plans/{name}/benefits/DENTAL/levels", json=level, headers=VBA
                )
                answer.raise_for_status()
        for plan in range(201):
            for _ in range(3):
                body = {**CREATE_BODY, "PlanNum": 12 if plan == 0 else 3000 + plan}
                http.post("/opendental/benefits", json=body, headers=OD).raise_for_status()


def seed_records(db: str, count: int) -> None:
    """`count` benefits stored directly (through the sandbox's store, so indexed as the
    engine indexes them), 3 per plan number from 100000 on."""
    sys.path.insert(0, str(ROOT / "tools"))
    from specpipe.sandbox import create_app, load_bundled

    app = create_app({"opendental": load_bundled(BUNDLED)["opendental"]}, db=db)
    store = app.state.store
    template = {
        "PatPlanNum": 0,
        "CovCatNum": 0,
        "BenefitType": "CoInsurance",
        "Percent": 50,
        "MonetaryAmt": -1.0,
        "TimePeriod": "CalendarYear",
        "QuantityQualifier": "None",
        "Quantity": 0,
        "CodeNum": 0,
        "procCode": "",
        "CoverageLevel": "None",
        "SecDateTEntry": "2026-01-01 00:00:00",
        "SecDateTEdit": "2026-01-01 00:00:00",
        "CodeGroupNum": 0,
    }
    partition = json.dumps([])
    done = 0
    while done < count:
        batch = min(5000, count - done)

        def work(tx: Any, start: int = done, batch: int = batch) -> None:
            for index in range(start, start + batch):
                number = tx.next_value("Benefit.BenefitNum")
                record = {**template, "BenefitNum": number, "PlanNum": 100000 + index // 3}
                tx.put("Benefit", partition, json.dumps([number]), record)

        store.write_sync("opendental", work, time.monotonic() + 600)
        done += batch
    store.close()


def create_script(folder: Path) -> Path:
    script = folder / "create.lua"
    headers = {**OD, "Content-Type": "application/json"}
    lines = ['wrk.method = "POST"', f"wrk.body = {json.dumps(json.dumps(CREATE_BODY))}"]
    lines += [f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items()]
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return script


# ---------------------------------------------------------------------- the run


def measure_lists(base: str, target: str, duration: int) -> dict[tuple[str, str, int], Figures]:
    """The VBA list and the Open Dental filtered list of the sandbox at `base`, at 2 and 16
    connections, keyed (api, target, connections)."""
    found: dict[tuple[str, str, int], Figures] = {}
    for connections in (2, 16):
        found[("vba", target, connections)] = wrk(
            base + "/vba" + VBA_LIST, VBA, connections, duration
        )
        found[("opendental", target, connections)] = wrk(
            base + "/opendental" + OD_LIST, OD, connections, duration
        )
    return found


def sandbox_command(port: int, db: str, workers: int = 1) -> list[str]:
    return [
        sys.executable,
        "-m",
        "specpipe",
        "serve",
        "--port",
        str(port),
        "--db",
        db,
        "--bundled-dir",
        str(BUNDLED),
        "--workers",
        str(workers),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per measure (10)")
    parser.add_argument("--records", type=int, default=100_000, help="stored records (100000)")
    parser.add_argument(
        "--postgres",
        default=None,
        metavar="URL",
        help="a PostgreSQL server (default: a throwaway cluster)",
    )
    args = parser.parse_args()
    ensure_debian("wrk", "wrk")
    ensure_debian("hey", "hey")
    prism = ensure_prism()
    duration = args.duration
    lists: dict[tuple[str, str, int], Figures] = {}
    rate: dict[str, Figures] = {}
    creates: dict[tuple[str, str], Figures] = {}
    large: dict[str, Figures] = {}
    scratch = Path(tempfile.mkdtemp(prefix="bench-sandbox-"))
    script = create_script(scratch)
    try:
        with postgres(args.postgres) as fresh_database:
            for store, db in (
                ("SQLite", str(scratch / "bench.db")),
                ("PostgreSQL", fresh_database()),
            ):
                port = free_port()
                base = f"http://127.0.0.1:{port}"
                with running(sandbox_command(port, db), port, f"sandbox ({store})"):
                    say(f"sandbox on {store}: seeding, then measuring")
                    seed_over_http(base, "")
                    lists.update(measure_lists(base, store, duration))
                    rate[store] = hey_at_rate(base + "/opendental" + OD_LIST, OD, 200, duration)
                    creates[(store, "empty")] = wrk(
                        base + "/opendental/benefits", {}, 16, duration, script
                    )
                    say(f"sandbox on {store}: storing {args.records} benefits")
                    seed_records(db, args.records)
                    middle = 100000 + args.records // 6  # a plan number with 3 benefits
                    large[store] = wrk(
                        f"{base}/opendental/benefits?PlanNum={middle}", OD, 2, duration
                    )
                    creates[(store, "large")] = wrk(
                        base + "/opendental/benefits", {}, 16, duration, script
                    )
            for store, db, target in (
                ("SQLite", str(scratch / "two.db"), TWO_WORKERS),
                ("PostgreSQL", fresh_database(), TWO_WORKERS_PG),
            ):
                port = free_port()
                with running(sandbox_command(port, db, 2), port, f"sandbox ({target})"):
                    say(f"sandbox on {store}, 2 workers: seeding, then lists and creates")
                    base = f"http://127.0.0.1:{port}"
                    seed_over_http(base, "")
                    lists.update(measure_lists(base, target, duration))
                    creates[(store, "2 workers")] = wrk(
                        base + "/opendental/benefits", {}, 16, duration, script
                    )
            say("Prism: measuring")
            for api, path, headers in (("vba", VBA_LIST, VBA), ("opendental", OD_LIST, OD)):
                port = free_port()
                command = [
                    str(prism),
                    "mock",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    str(BUNDLED / f"{api}.yaml"),
                ]
                with running(command, port, f"Prism ({api})"):
                    time.sleep(1)
                    for connections in (2, 16):
                        lists[(api, "Prism", connections)] = wrk(
                            f"http://127.0.0.1:{port}{path}", headers, connections, duration
                        )
                    if api == "opendental":
                        rate["Prism"] = hey_at_rate(
                            f"http://127.0.0.1:{port}{path}", headers, 200, duration
                        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    report(lists, rate, creates, large, args.records, duration)
    return 0


def report(
    lists: dict[tuple[str, str, int], Figures],
    rate: dict[str, Figures],
    creates: dict[tuple[str, str], Figures],
    large: dict[str, Figures],
    records: int,
    duration: int,
) -> None:
    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT MET"

    print(
        f"\nSandbox (1 worker unless said) beside Prism 5, same bundles, {duration} s per measure, "
        f"{os.cpu_count()} cores\n"
    )
    print(
        "Lists (wrk): req/s, p50 ms, p99 ms; goal: sandbox >= 2x Prism's req/s (the last "
        "rows: the same\nsandbox with two worker processes, which share the SQLite file or the "
        "PostgreSQL database)"
    )
    print(
        f"{'list':<12} {'conns':>5} {'target':<24} {'req/s':>9} {'p50':>7} {'p99':>7} "
        f"{'errors':>6}  {'x Prism':>7}  goal"
    )
    for api in ("vba", "opendental"):
        for connections in (2, 16):
            prism = lists[(api, "Prism", connections)]
            for target in ("SQLite", "PostgreSQL", "Prism", TWO_WORKERS, TWO_WORKERS_PG):
                found = lists[(api, target, connections)]
                ratio = found.rps / prism.rps if prism.rps else float("nan")
                goal = "" if target == "Prism" else verdict(ratio >= 2)
                times = "" if target == "Prism" else f"{ratio:6.2f}x"
                print(
                    f"{api:<12} {connections:>5} {target:<24} {found.rps:9.0f} "
                    f"{found.p50_ms:7.2f} {found.p99_ms:7.2f} {found.errors:>6}  "
                    f"{times:>7}  {goal}"
                )
    print("\nOpen Dental filtered list at 200 req/s (hey): p99; goal: <= 20 ms")
    for target in ("SQLite", "PostgreSQL", "Prism"):
        found = rate[target]
        goal = "" if target == "Prism" else verdict(found.p99_ms <= 20)
        print(
            f"  {target:<11} {found.rps:7.0f} req/s  p50 {found.p50_ms:6.2f} ms  "
            f"p99 {found.p99_ms:6.2f} ms  errors {found.errors}  {goal}"
        )
    print(
        f"\nWith {records} benefits stored: filtered list of 3 (wrk, 2 connections); "
        "goal: p50 <= 5 ms"
    )
    for target in ("SQLite", "PostgreSQL"):
        found = large[target]
        print(
            f"  {target:<11} p50 {found.p50_ms:6.2f} ms  p99 {found.p99_ms:6.2f} ms  "
            f"{found.rps:7.0f} req/s  {verdict(found.p50_ms <= 5)}"
        )
    print(
        "\nCreates (wrk, 16 connections); goals: >= 300 req/s on SQLite, and no fall as "
        "the table grows"
    )
    for target in ("SQLite", "PostgreSQL"):
        empty, full = creates[(target, "empty")], creates[(target, "large")]
        kept = full.rps / empty.rps if empty.rps else float("nan")
        goal = verdict(empty.rps >= 300) + ", " if target == "SQLite" else ""
        print(
            f"  {target:<11} empty {empty.rps:7.0f} req/s  with {records}: {full.rps:7.0f} "
            f"req/s ({kept:4.2f}x)  p99 {full.p99_ms:6.2f} ms  errors "
            f"{empty.errors + full.errors}  {goal}{verdict(kept >= 0.8)}"
        )
    for target in ("SQLite", "PostgreSQL"):
        two = creates[(target, "2 workers")]
        goal = f"  {verdict(two.rps >= 300)}" if target == "SQLite" else ""
        print(
            f"  {target + ', --workers 2:':<26} empty {two.rps:7.0f} req/s  "
            f"p99 {two.p99_ms:6.2f} ms  errors {two.errors}{goal}"
        )


if __name__ == "__main__":
    sys.exit(main())
