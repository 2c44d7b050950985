"""The sandbox under concurrent writers, crashes, a locked database and hostile clients, on
SQLite and PostgreSQL, served as users serve it (`specpipe serve`, two worker processes where
concurrency matters).

Bounded: every request loop has a fixed count, every wait a deadline. Cost, measured on a
shared 2-core machine (load average about 12 from other work): 5.5 minutes for both stores,
two thirds of it the 4,000 creates (each validated twice by jsonschema) and the two kill -9
rounds with their restarts; the merges, batch upserts, lock and slow-client probes take 10 to
20 s each.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from stores import KINDS, database

from specpipe.sandbox import create_app, free_port, run_in_thread

OD = {"Authorization": "ODFHIR sandbox-developer/sandbox-customer"}
VBA = {
    "x-api-key": "sandbox-api-key",
    "Authorization": "Bearer sandbox-token",
    "vbasoftware-database": "demo",
}
BENEFITS = "/opendental/benefits"


@pytest.fixture(params=KINDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database(request.param, tmp_path) as found:
        yield found


@contextmanager
def serving(db: str, *flags: str, workers: int = 1) -> Iterator[str]:
    """`specpipe serve` in its own session; stopped with SIGINT (SIGKILL after 20 s)."""
    port = free_port()
    command = [sys.executable, "-m", "specpipe", "serve", "--port", str(port), "--db", db]
    command += ["--workers", str(workers), *flags]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        wait_until_serving(process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def wait_until_serving(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    for line in process.stdout:
        if line.startswith("Serving"):
            return
        if time.monotonic() > deadline:
            break
    raise AssertionError(
        f"the sandbox did not start: {process.stderr.read() if process.stderr else ''}"
    )


def stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate(timeout=20)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def kill_9(process: subprocess.Popen[str]) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=20)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def in_threads(count: int, work: Callable[[int], Any]) -> list[Any]:
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(work, range(count)))


def benefit(plan: int) -> dict[str, Any]:
    return {"PlanNum": plan, "BenefitType": "CoInsurance", "CoverageLevel": "None"}


# ---------------------------------------------------------------- concurrent writers


def test_eight_writers_by_500_creates_on_two_processes(db: str) -> None:
    with serving(db, workers=2) as url:

        def writer(index: int) -> list[int]:
            made = []
            with httpx.Client(base_url=url, headers=OD, timeout=30) as http:
                for _ in range(500):
                    answer = http.post(BENEFITS, json=benefit(900 + index % 2))
                    assert answer.status_code == 201, answer.text
                    made.append(answer.json()["BenefitNum"])
            return made

        created = [number for made in in_threads(8, writer) for number in made]
        assert len(created) == len(set(created)) == 4000
        listed = []
        for plan in (900, 901):
            answer = httpx.get(f"{url}{BENEFITS}", params={"PlanNum": plan}, headers=OD, timeout=30)
            numbers = [b["BenefitNum"] for b in answer.json()]
            assert numbers == sorted(numbers)  # stored order
            listed += numbers
        assert sorted(listed) == sorted(created)


MERGES = [
    ("MonetaryAmt", lambda i: float(i)),
    ("Quantity", lambda i: i),
    ("CodeNum", lambda i: 100 + i),
    ("procCode", lambda i: f"D{i:04d}"),
    ("Percent", lambda i: i),
    ("TimePeriod", lambda i: ("ServiceYear", "Lifetime")[i % 2]),
    ("CoverageLevel", lambda i: ("Individual", "Family")[i % 2]),
    ("QuantityQualifier", lambda i: ("NumberOfServices", "Months")[i % 2]),
]


def test_eight_writers_merging_into_one_record_lose_nothing(db: str) -> None:
    with serving(db, workers=2) as url:
        target = httpx.post(f"{url}{BENEFITS}", json=benefit(77), headers=OD).json()
        item = f"{url}{BENEFITS}/{target['BenefitNum']}"

        def writer(index: int) -> None:
            member, value = MERGES[index]
            with httpx.Client(headers=OD, timeout=30) as http:
                for round_ in range(1, 26):
                    answer = http.put(item, json={member: value(round_)})
                    assert answer.status_code == 200, answer.text

        in_threads(8, writer)
        stored = httpx.get(f"{url}{BENEFITS}", params={"PlanNum": 77}, headers=OD).json()
    assert len(stored) == 1
    for member, value in MERGES:
        assert stored[0][member] == value(25), member


def test_overlapping_batch_upserts_create_each_key_once(db: str) -> None:
    keys = [f"M{n:02d}" for n in range(20)]
    with serving(db, workers=2) as url:
        batch_url = f"{url}/vba/plans/BATCH/modifiers-batch"

        def writer(index: int) -> list[int]:
            statuses = []
            with httpx.Client(headers=VBA, timeout=30) as http:
                for round_ in range(10):
                    chosen = [keys[(index * 3 + round_ + k) % 20] for k in range(10)]
                    items = [
                        {
                            "plan_ID": "x",
                            "modifier": key,
                            "effective_Date": "2025-01-01T00:00:00Z",
                            "apply_OON": True,
                            "apply_UC": False,
                            "fee_Percent": float(index),
                        }
                        for key in chosen
                    ]
                    answer = http.put(batch_url, json=items)
                    assert answer.status_code == 207, answer.text
                    statuses += [result["status"] for result in answer.json()["data"]]
            return statuses

        statuses = [status for found in in_threads(8, writer) for status in found]
        listed = httpx.get(f"{url}/vba/plans/BATCH/modifiers", headers=VBA).json()["data"]
    assert len(statuses) == 800 and set(statuses) <= {200, 201}
    assert statuses.count(201) == 20  # each key created exactly once, then only updated
    assert sorted(m["modifier"] for m in listed) == keys
    assert {m["fee_Percent"] for m in listed} <= {float(i) for i in range(8)}


# ---------------------------------------------------------------- crashes


def test_kill_9_during_writes_keeps_every_acknowledged_write(db: str) -> None:
    acknowledged: list[int] = []
    for _ in range(2):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "specpipe", "serve", "--port", str(port), "--db", db],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        wait_until_serving(process)
        url = f"http://127.0.0.1:{port}{BENEFITS}"
        lock = threading.Lock()
        enough = threading.Event()

        def writer(
            _: int,
            url: str = url,
            lock: threading.Lock = lock,
            enough: threading.Event = enough,
        ) -> None:
            with httpx.Client(headers=OD, timeout=10) as http:
                for _ in range(2000):
                    try:
                        answer = http.post(url, json=benefit(55))
                    except httpx.HTTPError:
                        return  # the server is gone
                    assert answer.status_code == 201, answer.text
                    with lock:
                        acknowledged.append(answer.json()["BenefitNum"])
                        if len(acknowledged) % 150 == 0:
                            enough.set()

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        enough.wait(timeout=30)
        kill_9(process)
        for thread in threads:
            thread.join(timeout=30)
    with serving(db) as url:
        stored = httpx.get(f"{url}{BENEFITS}", params={"PlanNum": 55}, headers=OD).json()
        numbers = [b["BenefitNum"] for b in stored]
        assert len(numbers) == len(set(numbers))
        assert set(acknowledged) <= set(numbers)
        again = httpx.post(f"{url}{BENEFITS}", json=benefit(55), headers=OD).json()
        assert again["BenefitNum"] > max(numbers)  # a sequence value is never reused


# ---------------------------------------------------------------- a locked database


@contextmanager
def external_write_lock(db: str) -> Iterator[None]:
    """Another program holding the database's write lock (not through the sandbox)."""
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as connection:
            connection.execute("LOCK TABLE records IN EXCLUSIVE MODE")
            yield
            connection.rollback()
        return
    import sqlite3

    connection = sqlite3.connect(db, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        yield
        connection.execute("ROLLBACK")
    finally:
        connection.close()


def test_a_lock_held_longer_than_the_busy_wait_answers_503_and_reads_go_on(db: str) -> None:
    with (
        serving(db, "--busy-timeout", "0.5") as url,
        httpx.Client(base_url=url, timeout=10) as http,
    ):
        kept = http.post(BENEFITS, json=benefit(66), headers=OD).json()
        with external_write_lock(db):
            started = time.monotonic()
            refused = http.post(BENEFITS, json=benefit(66), headers=OD)
            waited = time.monotonic() - started
            assert refused.status_code == 503, refused.text
            assert refused.headers["retry-after"] == "1"
            assert "busy" in refused.json()  # Open Dental's error shape: a string
            assert 0.4 < waited < 3
            vba = http.post(
                "/vba/plans/P/benefits/B/levels",
                json={
                    "planBenefitLevel_Key": 0,
                    "benefit_Code": "B",
                    "benefit_Level": "x",
                    "exclude": False,
                },
                headers=VBA,
            )
            assert vba.status_code == 503 and vba.json()["error"]["status"] == 503
            started = time.monotonic()
            listed = http.get(BENEFITS, params={"PlanNum": 66}, headers=OD)
            assert listed.status_code == 200 and listed.json() == [kept]
            assert time.monotonic() - started < 0.5  # a read never waits for the lock
        after = http.post(BENEFITS, json=benefit(66), headers=OD)
        assert after.status_code == 201
        listed = http.get(BENEFITS, params={"PlanNum": 66}, headers=OD).json()
        assert [b["BenefitNum"] for b in listed] == [kept["BenefitNum"], after.json()["BenefitNum"]]


# ---------------------------------------------------------------- hostile clients


def _connect(url: str) -> socket.socket:
    host, port = url.rsplit("/", 1)[-1].split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    return sock


def _answer(sock: socket.socket, limit: float = 10) -> tuple[bytes, float]:
    """What the server sends until it closes (or `limit` s), and how long it took."""
    started = time.monotonic()
    sock.settimeout(limit)
    data = b""
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
            if b"\r\n\r\n" in data and not data.startswith(b"HTTP/1.1 100"):
                head, _, body = data.partition(b"\r\n\r\n")
                length = [
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                ]
                if length and len(body) >= length[0]:
                    break
    except (TimeoutError, ConnectionResetError):
        pass
    return data, time.monotonic() - started


def test_slow_and_oversized_requests_are_answered_or_closed_in_time(db: str) -> None:
    flags = ("--header-timeout", "1", "--body-timeout", "1")
    with serving(db, *flags) as url:
        # partial headers, many at once: every connection is closed after the header timeout,
        # and the sandbox keeps answering meanwhile
        slow = [_connect(url) for _ in range(50)]
        for sock in slow:
            sock.sendall(b"GET /opendental/benefits HTTP/1.1\r\nHost: x\r\n")
        assert httpx.get(f"{url}{BENEFITS}", headers=OD, timeout=5).status_code == 200
        started = time.monotonic()
        for sock in slow:
            data, _ = _answer(sock)
            assert not data.startswith(b"HTTP/1.1 200"), data[:80]
            sock.close()
        assert time.monotonic() - started < 6

        # a body that stops arriving: 408 in the vendor's shape after the body timeout
        sock = _connect(url)
        sock.sendall(
            b"POST /opendental/benefits HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Authorization: ODFHIR sandbox-developer/sandbox-customer\r\n"
            b'Content-Length: 100\r\n\r\n{"PlanNum"'
        )
        data, took = _answer(sock)
        sock.close()
        assert data.startswith(b"HTTP/1.1 408"), data[:200]
        assert b"did not arrive" in data and 0.8 < took < 5

        # a Content-Length over the limit: 413 at once, without waiting for the body
        sock = _connect(url)
        sock.sendall(
            b"POST /opendental/benefits HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Authorization: ODFHIR sandbox-developer/sandbox-customer\r\n"
            b"Content-Length: 10000000\r\n\r\n"
        )
        data, took = _answer(sock)
        sock.close()
        assert data.startswith(b"HTTP/1.1 413") and took < 0.9, data[:200]

        # an idle kept-alive connection is closed after the header timeout
        sock = _connect(url)
        sock.sendall(
            b"GET /opendental/benefits HTTP/1.1\r\nHost: x\r\n"
            b"Authorization: ODFHIR sandbox-developer/sandbox-customer\r\n\r\n"
        )
        first, _ = _answer(sock)
        assert first.startswith(b"HTTP/1.1 200")
        rest, took = _answer(sock)
        sock.close()
        assert rest == b"" and took < 4

        with httpx.Client(base_url=url, timeout=10) as http:
            # headers over the spec's limit (32 KiB): 431 in the vendor's shape
            big = http.get(BENEFITS, headers={**OD, "X-Padding": "a" * 100_000})
            assert big.status_code == 431 and "headers are larger" in big.json()
            vba = http.get("/vba/plans/P/modifiers", headers={**VBA, "X-Padding": "a" * 100_000})
            assert vba.status_code == 431 and vba.json()["error"]["status"] == 431
            assert http.get(BENEFITS, headers=OD).status_code == 200

        # headers over the server's own buffer: 431 from the server, never a hang
        sock = _connect(url)
        with contextlib.suppress(OSError):  # the server may close before all of it is sent
            sock.sendall(
                b"GET / HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * 1_000_000 + b"\r\n\r\n"
            )
        data, took = _answer(sock)
        sock.close()
        assert data.startswith(b"HTTP/1.1 431") or data == b"", data[:100]
        assert took < 5

        # method names are exact: `get` is not GET
        sock = _connect(url)
        sock.sendall(
            b"get /opendental/benefits HTTP/1.1\r\nHost: x\r\n"
            b"Authorization: ODFHIR sandbox-developer/sandbox-customer\r\n\r\n"
        )
        data, _ = _answer(sock)
        sock.close()
        assert data.startswith(b"HTTP/1.1 405"), data[:200]
        assert b"allow: GET, POST" in data.lower().replace(b"get, post", b"GET, POST")


# ---------------------------------------------------------------- bad text


def test_a_lone_surrogate_is_400_and_stores_nothing(db: str) -> None:
    app = create_app(db=db)
    with run_in_thread(app) as url, httpx.Client(base_url=url, timeout=10) as http:
        for text in ('"\\ud800"', '"a\\udc00b"'):
            body = '{"PlanNum": 5, "BenefitType": "CoInsurance", "CoverageLevel": "None", '
            body += f'"procCode": {text}}}'
            answer = http.post(
                BENEFITS, content=body, headers={**OD, "Content-Type": "application/json"}
            )
            assert answer.status_code == 400 and "not valid Unicode" in answer.json()
        key = '{"\\ud800": 1, "benefit_Code": "B", "benefit_Level": "x", "exclude": false}'
        answer = http.post(
            "/vba/plans/P/benefits/B/levels",
            content=key,
            headers={**VBA, "Content-Type": "application/json"},
        )
        assert answer.status_code == 400 and answer.json()["error"]["status"] == 400
        assert http.get(BENEFITS, params={"PlanNum": 5}, headers=OD).json() == []

        # Text stored before this check existed (or by another program) still reads back.
        store = app.state.store
        record = {**benefit(6), "BenefitNum": 999, "procCode": "\ud800"}
        store.write_sync(
            "opendental",
            lambda tx: tx.put("Benefit", json.dumps([]), json.dumps([999]), record),
            time.monotonic() + 5,
        )
        listed = http.get(BENEFITS, params={"PlanNum": 6}, headers=OD)
        assert listed.status_code == 200
        assert json.loads(listed.content)[0]["procCode"] == "\ud800"
        assert b"\\ud800" in listed.content  # written as a JSON escape, so the answer is UTF-8
