"""The store behind the sandbox: lists as indexed queries (filters, order, pages), reindexing when
a spec's filters change, the first database layout, and databases that cannot be opened."""

from __future__ import annotations

import copy
import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import httpx
import pytest
from stores import KINDS, database

from specpipe.sandbox import (
    SandboxSpecError,
    StoreUnavailable,
    create_app,
    load_bundled,
    run_in_thread,
)
from specpipe.sandbox.store import redact

OD = {"Authorization": "ODFHIR sandbox-developer/sandbox-customer"}


@pytest.fixture(params=KINDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database(request.param, tmp_path) as found:
        yield found


def opendental(extra_query: dict[str, str] | None = None, page: bool = False) -> dict[str, Any]:
    """The Open Dental bundle, its list given more query bindings or a page."""
    document = copy.deepcopy(load_bundled()["opendental"])
    listing = document["paths"]["/benefits"]["get"]
    for member, param in (extra_query or {}).items():
        listing["parameters"].append(
            {"name": param, "in": "query", "required": False, "schema": {"type": "integer"}}
        )
        listing["x-sandbox"]["query"][member] = param
    if page:
        for name in ("limit", "offset"):
            listing["parameters"].append(
                {"name": name, "in": "query", "schema": {"type": "integer", "minimum": 0}}
            )
        listing["x-sandbox"]["page"] = {"limit": "limit", "offset": "offset"}
    return {"opendental": document}


def create(http: httpx.Client, **members: Any) -> dict[str, Any]:
    body = {"BenefitType": "CoInsurance", "CoverageLevel": "None", **members}
    answer = http.post("/opendental/benefits", json=body, headers=OD)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def numbers(http: httpx.Client, **params: Any) -> list[int]:
    answer = http.get("/opendental/benefits", params=params, headers=OD)
    assert answer.status_code == 200, answer.text
    return [b["BenefitNum"] for b in answer.json()]


def test_filters_order_and_pages(db: str) -> None:
    with (
        run_in_thread(create_app(opendental(page=True), db=db)) as url,
        httpx.Client(base_url=url, timeout=10) as http,
    ):
        made = [create(http, PlanNum=plan)["BenefitNum"] for plan in (1, 2, 1, 2, 1)]
        ones = [made[0], made[2], made[4]]
        assert numbers(http, PlanNum=1) == ones  # in the order first stored
        assert numbers(http, PlanNum=1.0) == ones  # an integral number is that integer
        assert numbers(http, PlanNum=1, PatPlanNum=0) == ones
        assert numbers(http, PlanNum=1, PatPlanNum=5) == []
        # an update keeps a record's place
        http.put(f"/opendental/benefits/{made[0]}", json={"Percent": 10}, headers=OD)
        assert numbers(http, PlanNum=1) == ones
        assert numbers(http) == made
        assert numbers(http, limit=2) == made[:2]
        assert numbers(http, limit=2, offset=2) == made[2:4]
        assert numbers(http, offset=4) == made[4:]
        assert numbers(http, PlanNum=1, limit=1, offset=1) == [made[2]]
        http.delete(f"/opendental/benefits/{made[2]}", headers=OD)
        assert numbers(http, PlanNum=1) == [made[0], made[4]]


def test_a_list_of_several_filters_returns_the_records_matching_all_in_stored_order(
    db: str,
) -> None:
    """Whichever filter a list starts from (the one with the fewest matches, counted up to a
    cap), it returns exactly the records having every filtered value, in stored order."""
    from specpipe.sandbox.store import _PROBE_CAP, open_store

    members = ("many", "few", "some")
    store = open_store(db)
    try:
        store.register("api", "thing", members, lambda r: {m: json.dumps(r[m]) for m in members})
        count = 3 * _PROBE_CAP
        records = [{"n": n, "many": n % 2, "few": n % 97, "some": n % 5} for n in range(count)]

        def fill(tx: Any) -> None:
            for record in records:
                tx.put("thing", "p", str(record["n"]), record)

        store.write_sync("api", fill, time.monotonic() + 60)
        cases = [
            {"many": 1, "few": 3},  # one filter over the cap, the other small
            {"few": 3, "many": 1},
            {"many": 0, "some": 2},  # both over the cap: either may lead
            {"many": 1, "few": 4, "some": 1},
            {"few": 3, "some": 4},  # no record has both
            {"few": 96},
        ]
        for wanted in cases:
            filters = {m: json.dumps(v) for m, v in wanted.items()}
            expected = [r for r in records if all(r[m] == v for m, v in wanted.items())]
            found = store.read_sync("api", lambda tx, f=filters: tx.list("thing", "p", f))
            assert found == expected, wanted
            page = store.read_sync(
                "api", lambda tx, f=filters: tx.list("thing", "p", f, limit=2, offset=1)
            )
            assert page == expected[1:3], wanted
        other = store.read_sync("api", lambda tx: tx.list("thing", "q", {"few": "3"}))
        assert other == []  # another partition
    finally:
        store.close()


def test_a_read_never_stores_anything(db: str) -> None:
    from specpipe.sandbox.store import StoreError, open_store

    store = open_store(db)
    try:
        store.register("api", "thing", (), lambda r: {})
        with suppress(StoreError):  # both refuse it: a read runs on a read-only connection
            store.read_sync("api", lambda tx: tx.put("thing", "p", "1", {"n": 1}))
        assert store.read_sync("api", lambda tx: tx.get("thing", "p", "1")) is None
        store.write_sync(
            "api", lambda tx: tx.put("thing", "p", "1", {"n": 1}), time.monotonic() + 60
        )
        assert store.read_sync("api", lambda tx: tx.get("thing", "p", "1")) == {"n": 1}
    finally:
        store.close()


async def _while_ticking(work: Any) -> tuple[Any, float]:
    """The result of awaiting `work`, and the longest the event loop went without running a
    task that wakes every millisecond meanwhile."""
    import asyncio

    longest = 0.0
    done = False

    async def tick() -> None:
        nonlocal longest
        last = time.monotonic()
        while not done:
            await asyncio.sleep(0.001)
            now = time.monotonic()
            longest, last = max(longest, now - last), now

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0.01)
    try:
        result = await work
    finally:
        done = True
        await ticker
    return result, longest


# Steps of SQLite's virtual machine that take about a second on this machine.
_LONG_QUERY = (
    "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3000000) "
    "SELECT count(*) FROM c"
)


def test_a_sqlite_read_past_its_budget_on_the_event_loop_goes_on_in_a_thread(
    tmp_path: Path,
) -> None:
    import asyncio

    from specpipe.sandbox.store import INLINE_READ_BUDGET, SqliteStore

    store = SqliteStore(str(tmp_path / "sandbox.db"))
    try:
        store.register("api", "thing", (), lambda r: {})
        store.write_sync(
            "api", lambda tx: tx.put("thing", "p", "1", {"n": 1}), time.monotonic() + 9
        )

        async def both() -> tuple[Any, float, Any]:
            started = time.monotonic()
            counted, longest = await _while_ticking(
                store.read("api", lambda tx: tx._one(_LONG_QUERY, ())[0])
            )
            took = time.monotonic() - started
            quick = await store.read("api", lambda tx: tx.get("thing", "p", "1"))
            return (counted, took), longest, quick

        (counted, took), longest, quick = asyncio.run(both())
        assert counted == 3_000_000
        assert took > 0.2  # really long: the loop would have stalled this long
        assert longest < 0.15, f"the event loop stalled {longest:.3f} s"
        assert INLINE_READ_BUDGET < 0.15
        assert quick == {"n": 1}
    finally:
        store.close()


def test_a_sqlite_read_that_meets_a_lock_on_the_event_loop_runs_again_in_a_thread(
    tmp_path: Path,
) -> None:
    """In WAL mode a reader meets a lock only in rare moments (a recovery, say), which a test
    cannot bring about; the read here raises SQLite's own error on its first run instead."""
    import asyncio
    import threading

    from specpipe.sandbox.store import SqliteStore, StoreUnavailable

    store = SqliteStore(str(tmp_path / "sandbox.db"))
    try:
        store.register("api", "thing", (), lambda r: {})
        store.write_sync(
            "api", lambda tx: tx.put("thing", "p", "1", {"n": 1}), time.monotonic() + 9
        )
        threads: list[int] = []

        def work(tx: Any, error: str) -> Any:
            threads.append(threading.get_ident())
            if len(threads) == 1:
                raise sqlite3.OperationalError(error)
            return tx.get("thing", "p", "1")

        async def read(error: str) -> Any:
            return await store.read("api", lambda tx: work(tx, error))

        assert asyncio.run(read("database is locked")) == {"n": 1}
        assert len(threads) == 2 and threads[0] == threading.get_ident() != threads[1]
        threads.clear()
        with pytest.raises(StoreUnavailable, match="disk I/O error"):  # a failure, not a wait
            asyncio.run(read("disk I/O error"))
        assert len(threads) == 1
    finally:
        store.close()


def _sleep_steps(seconds: float) -> Any:
    yield ("SELECT pg_sleep(?)", (seconds,))
    return "slept"


def test_postgresql_reads_on_the_event_loop_wait_for_a_connection_then_answer_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from specpipe.sandbox import postgres
    from specpipe.sandbox.store import StoreBusy, open_store

    monkeypatch.setattr(postgres, "READ_CONNECTIONS", 1)
    with database("postgresql", tmp_path) as db:
        store = open_store(db, busy_timeout=0.3)
        assert isinstance(store, postgres.PostgresStore)

        async def crowd() -> tuple[list[Any], float]:
            readers = store._loop_readers()
            assert readers is not None
            ticking = _while_ticking(
                asyncio.gather(
                    store._fetch(readers, _sleep_steps(1.0)),
                    store._fetch(readers, _sleep_steps(0)),
                    return_exceptions=True,
                )
            )
            found, longest = await ticking
            assert await store.get("api", "thing", "p", "1") is None  # the slot is free again
            await store.aclose()
            return list(found), longest

        (slept, refused), longest = asyncio.run(crowd())
        assert slept == "slept"
        assert isinstance(refused, StoreBusy)  # the one connection stayed busy for 0.3 s
        assert longest < 0.15, f"the event loop stalled {longest:.3f} s"


def test_a_postgresql_read_connection_that_broke_is_replaced(tmp_path: Path) -> None:
    import psycopg

    with (
        database("postgresql", tmp_path) as db,
        run_in_thread(create_app(opendental(), db=db)) as url,
        httpx.Client(base_url=url, timeout=10) as http,
    ):
        first = create(http, PlanNum=3)["BenefitNum"]
        assert numbers(http, PlanNum=3) == [first]
        with psycopg.connect(db, autocommit=True) as admin:
            ended = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchone()
        assert ended is not None and ended[0] >= 1
        statuses = []
        for _ in range(3):
            answer = http.get("/opendental/benefits", params={"PlanNum": 3}, headers=OD)
            statuses.append(answer.status_code)
            if answer.status_code == 200:
                assert [b["BenefitNum"] for b in answer.json()] == [first]
        assert statuses[-1] == 200 and set(statuses) <= {200, 503}, statuses
        written = []  # each write thread's connection broke too: one 503 each at most
        for _ in range(4):
            answer = http.post(
                "/opendental/benefits",
                json={"BenefitType": "CoInsurance", "CoverageLevel": "None", "PlanNum": 3},
                headers=OD,
            )
            written.append(answer.status_code)
            if answer.status_code == 201:
                break
        assert written[-1] == 201 and set(written) <= {201, 503}, written
        assert numbers(http, PlanNum=3) == [first, answer.json()["BenefitNum"]]


def test_a_page_must_bind_integer_query_parameters() -> None:
    documents = opendental(page=True)
    listing = documents["opendental"]["paths"]["/benefits"]["get"]
    listing["x-sandbox"]["page"] = {"limit": "PlanNumber"}
    with pytest.raises(SandboxSpecError, match="is not a query parameter"):
        create_app(documents)
    listing["x-sandbox"]["page"] = {"size": "limit"}
    with pytest.raises(SandboxSpecError, match="not limit or offset"):
        create_app(documents)


def test_records_are_reindexed_when_a_spec_filters_on_new_members(db: str) -> None:
    with (
        run_in_thread(create_app(opendental(), db=db)) as url,
        httpx.Client(base_url=url, timeout=10) as http,
    ):
        first = create(http, PlanNum=3, CodeNum=41)["BenefitNum"]
        create(http, PlanNum=3, CodeNum=42)
    with (
        run_in_thread(create_app(opendental({"CodeNum": "CodeNum"}), db=db)) as url,
        httpx.Client(base_url=url, timeout=10) as http,
    ):
        assert numbers(http, CodeNum=41) == [first]
        assert len(numbers(http, PlanNum=3)) == 2


def test_a_database_of_the_first_layout_keeps_its_records(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    record = {"BenefitNum": 7, "PlanNum": 9, "PatPlanNum": 0, "BenefitType": "Deductible"}
    with sqlite3.connect(path) as old:
        old.executescript(
            "CREATE TABLE records (api TEXT NOT NULL, resource TEXT NOT NULL, partition_key TEXT "
            "NOT NULL, record_key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (api, resource, "
            "partition_key, record_key));"
            "CREATE TABLE sequences (api TEXT NOT NULL, name TEXT NOT NULL, last INTEGER NOT "
            "NULL, PRIMARY KEY (api, name));"
        )
        old.execute(
            "INSERT INTO records VALUES ('opendental', 'Benefit', '[]', '[7]', ?)",
            (json.dumps(record),),
        )
        old.execute("INSERT INTO sequences VALUES ('opendental', 'Benefit.BenefitNum', 7)")
    with (
        run_in_thread(create_app(db=str(path))) as url,
        httpx.Client(base_url=url, timeout=10) as http,
    ):
        assert http.get("/opendental/benefits", params={"PlanNum": 9}, headers=OD).json() == [
            record
        ]
        assert create(http, PlanNum=9)["BenefitNum"] == 8


def test_a_postgresql_server_that_cannot_be_reached_is_one_line() -> None:
    url = "postgresql://sandbox:secret@127.0.0.1:1/sandbox?connect_timeout=2"
    with pytest.raises(StoreUnavailable) as raised:
        create_app(db=url)
    assert "secret" not in str(raised.value) and "\n" not in str(raised.value)
    result = subprocess.run(
        [sys.executable, "-m", "specpipe", "serve", "--port", "0", "--db", url],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("specpipe: error: cannot open the database postgresql://")
    assert result.stderr.count("\n") == 1 and "secret" not in result.stderr


def test_workers_need_a_shared_database() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "specpipe", "serve", "--workers", "2", "--db", ":memory:"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "specpipe: error: --workers needs a shared database: a file or a postgresql:// URL\n"
    )


def test_passwords_are_redacted() -> None:
    assert redact("postgresql://u:p%40ss@h:5432/db?sslmode=require") == (
        "postgresql://u:***@h:5432/db?sslmode=require"
    )
    assert redact("postgresql://h/db") == "postgresql://h/db"
