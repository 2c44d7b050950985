"""State of the sandbox: records of every resource, in SQLite (embedded) or PostgreSQL (shared).

Both stores keep the same tables and give the same answers:

* `records`: one row per stored entity (API, resource, partition, key, JSON body), in an
  order that never changes (an increasing `id`);
* `fields`: the canonical value of every member a list can filter on (the `x-sandbox` path
  and query bindings), indexed, so a filtered list reads only the rows it returns;
* `sequences`: per-API counters, never reused.

Every write is one transaction, serialised per database (SQLite's write lock; a PostgreSQL
advisory lock per API, so several processes can share one server), and runs in a thread of
`write_pool`, never on the event loop. A read never takes the write lock: it is one statement
on a read-only connection in autocommit, a snapshot of its own, written once as a generator
of statements (`get_steps`, `list_steps`) that runs on any connection. A SQLite read first
runs on the event loop itself, where it can neither wait (no busy wait on that connection)
nor run longer than `INLINE_READ_BUDGET` (SQLite's progress handler interrupts it); a read
that would wait or runs longer is run again in `read_pool`. PostgreSQL's reads run on the
event loop through asynchronous connections (`sandbox.postgres`). A write that cannot start
within `busy_timeout` seconds raises `StoreBusy` instead of waiting on; a database that
cannot be reached raises `StoreUnavailable`.
"""

from __future__ import annotations

import asyncio
import json
import math
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Generator, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, NoReturn, TypeVar
from urllib.parse import urlsplit, urlunsplit

__all__ = [
    "FieldsOf",
    "SqliteStore",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
    "Transaction",
    "is_postgres_url",
    "open_store",
    "redact",
]

T = TypeVar("T")
FieldsOf = Callable[[Mapping[str, Any]], dict[str, str]]
# The statements of a read, as a generator: it yields each statement (SQL written with `?`,
# and its parameters), is sent every row of its result, and returns the answer; so that one
# definition of a read runs on a connection of any driver, blocking or not (`run_steps`).
Steps = Generator[tuple[str, tuple[Any, ...]], list[Any], T]

DEFAULT_BUSY_TIMEOUT = 2.0
READ_THREADS = 4
WRITE_THREADS = 2
SCHEMA_VERSION = "2"
# Matches of one filter counted, at most, to choose which filter a list starts from.
_PROBE_CAP = 50
# Seconds a SQLite read may run on the event loop before it is moved to `read_pool`, and how
# many virtual-machine steps SQLite takes between two looks at that budget.
INLINE_READ_BUDGET = 0.002
_BUDGET_STEPS = 1000


class StoreError(Exception):
    """The database cannot do the work now; the request may be retried."""


class StoreBusy(StoreError):
    """Another writer held the database longer than the busy wait."""


class StoreUnavailable(StoreError):
    """The database cannot be reached (or answered with an error of its own)."""


def _no_fields(_: Mapping[str, Any]) -> dict[str, str]:
    return {}


def run_steps(steps: Steps[T], execute: Callable[[str, tuple[Any, ...]], list[Any]]) -> T:
    """The answer of `steps`, each statement run by `execute` (which returns its rows)."""
    try:
        sql, params = next(steps)
        while True:
            sql, params = steps.send(execute(sql, params))
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


def get_steps(api: str, resource: str, partition: str, key: str) -> Steps[dict[str, Any] | None]:
    """The record of `key`, or None."""
    rows = yield (
        "SELECT body FROM records WHERE api=? AND resource=? AND partition_key=? AND record_key=?",
        (api, resource, partition, key),
    )
    return dict(json.loads(rows[0][0])) if rows else None


def list_steps(
    api: str,
    resource: str,
    partition: str,
    filters: Mapping[str, str],
    limit: int | None,
    offset: int,
    placeholder: str,
) -> Steps[list[dict[str, Any]]]:
    """Records whose indexed members have the canonical values of `filters`, in the order
    they were first stored, in one statement. Every filtered member must be indexed
    (registered).

    A filtered list finds the record ids of its most selective filter in the fields index (a
    field row carries its record's API, resource and partition), keeps those whose record has
    every filtered value (looked up by record id and member), then fetches those records by
    id. With several filters, which one leads is chosen by the statement itself, from the
    matches of each counted in the index up to `_PROBE_CAP` (the fewest first, ties in the
    order of the members' names), not left to the planner's statistics, which are stale
    right after a burst of writes (PostgreSQL then nested-looped over the whole partition for
    each match, 26 ms for 3 records among 300); intersecting every filter's ids instead read
    all 300 levels of a benefit to return the 3 of one plan. The count used to be a
    statement of its own, a second round trip to PostgreSQL."""
    params: list[Any] = []
    if filters:
        matches = sorted(filters.items())
        found = (
            "SELECT f.record_id FROM fields f WHERE f.api=? AND f.resource=? AND f.partition_key=?"
        )
        params += [api, resource, partition]
        if len(matches) == 1:
            found += " AND f.member=? AND f.value=?"
            params += list(matches[0])
        else:
            wanted = ", ".join(f"(?, ?, {index})" for index in range(len(matches)))
            found += (
                f" AND (f.member, f.value) = (SELECT w.column1, w.column2 FROM (VALUES {wanted})"
                " AS w ORDER BY (SELECT count(*) FROM (SELECT 1 FROM fields p WHERE p.api=?"
                " AND p.resource=? AND p.partition_key=? AND p.member=w.column1"
                " AND p.value=w.column2 LIMIT ?) AS c), w.column3 LIMIT 1)"
            )
            for member, value in matches:
                params += [member, value]
            params += [api, resource, partition, _PROBE_CAP]
            for member, value in matches:
                found += (
                    " AND EXISTS (SELECT 1 FROM fields g WHERE g.record_id=f.record_id"
                    " AND g.member=? AND g.value=?)"
                )
                params += [member, value]
        sql = f"SELECT r.body FROM records r WHERE r.id IN ({found})"
    else:
        sql = "SELECT r.body FROM records r WHERE r.api=? AND r.resource=? AND r.partition_key=?"
        params += [api, resource, partition]
    sql += " ORDER BY r.id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    elif offset:
        sql += " LIMIT -1 OFFSET ?" if placeholder == "?" else " OFFSET ?"
        params.append(offset)
    rows = yield (sql, tuple(params))
    return [dict(json.loads(row[0])) for row in rows]


class Transaction:
    """Reads and writes of one transaction, scoped to one API. `ph` is the driver's
    placeholder (`?` for sqlite3, `%s` for psycopg); the SQL is otherwise the same."""

    def __init__(self, store: Store, connection: Any, api: str, ph: str) -> None:
        self._store = store
        self._connection = connection
        self._api = api
        self._ph = ph

    def _sql(self, text: str) -> str:
        return text.replace("?", self._ph)

    def _one(self, sql: str, params: tuple[Any, ...]) -> Any:
        return self._connection.execute(self._sql(sql), params).fetchone()

    def _all(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        return list(self._connection.execute(self._sql(sql), params).fetchall())

    def _run(self, steps: Steps[T]) -> T:
        return run_steps(steps, lambda sql, params: self._all(sql, params))

    def get(self, resource: str, partition: str, key: str) -> dict[str, Any] | None:
        return self._run(get_steps(self._api, resource, partition, key))

    def list(
        self,
        resource: str,
        partition: str,
        filters: Mapping[str, str],
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """See `list_steps`."""
        return self._run(
            list_steps(self._api, resource, partition, filters, limit, offset, self._ph)
        )

    def put(self, resource: str, partition: str, key: str, body: dict[str, Any]) -> None:
        text = json.dumps(body, sort_keys=True)  # ASCII: every store keeps the same text
        row = self._one(
            "INSERT INTO records (api, resource, partition_key, record_key, body) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (api, resource, partition_key, record_key) "
            "DO UPDATE SET body = excluded.body RETURNING id",
            (self._api, resource, partition, key, text),
        )
        record_id = int(row[0])
        self._write_fields(record_id, resource, partition, body)

    def _write_fields(
        self, record_id: int, resource: str, partition: str, body: Mapping[str, Any]
    ) -> None:
        self._connection.execute(self._sql("DELETE FROM fields WHERE record_id=?"), (record_id,))
        fields = self._store.fields_of(self._api, resource)(body)
        if fields:
            cursor = self._connection.cursor()
            cursor.executemany(
                self._sql(
                    "INSERT INTO fields (record_id, api, resource, partition_key, member, value) "
                    "VALUES (?, ?, ?, ?, ?, ?)"
                ),
                [
                    (record_id, self._api, resource, partition, member, value)
                    for member, value in sorted(fields.items())
                ],
            )

    def delete(self, resource: str, partition: str, key: str) -> bool:
        row = self._one(
            "DELETE FROM records WHERE api=? AND resource=? AND partition_key=? AND record_key=? "
            "RETURNING id",
            (self._api, resource, partition, key),
        )
        if row is None:
            return False
        self._connection.execute(self._sql("DELETE FROM fields WHERE record_id=?"), (row[0],))
        return True

    def next_value(self, name: str) -> int:
        """The next value of a sequence (1, 2, …), never reused, even after a delete."""
        row = self._one(
            "INSERT INTO sequences (api, name, last) VALUES (?, ?, 1) "
            "ON CONFLICT (api, name) DO UPDATE SET last = sequences.last + 1 RETURNING last",
            (self._api, name),
        )
        return int(row[0])

    def reindex(self, resource: str) -> None:
        """Recompute the indexed members of every record of `resource` (after the members a
        spec filters on changed)."""
        self._connection.execute(
            self._sql("DELETE FROM fields WHERE api=? AND resource=?"), (self._api, resource)
        )
        rows = self._all(
            "SELECT id, partition_key, body FROM records WHERE api=? AND resource=? ORDER BY id",
            (self._api, resource),
        )
        for record_id, partition, body in rows:
            self._write_fields(int(record_id), resource, str(partition), json.loads(body))


class Store:
    """What the engine needs of a database: `get` and `list` read; `write` runs a function
    in one transaction in a thread and returns its result (`read` runs a function that only
    reads); `register` names the members of a resource that lists filter on."""

    placeholder = "?"
    description = ""

    def __init__(self, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.busy_timeout = busy_timeout
        self._fields: dict[tuple[str, str], FieldsOf] = {}
        self._local = threading.local()
        self._connections: list[Any] = []
        self._connections_lock = threading.Lock()
        self._read_pool = ThreadPoolExecutor(READ_THREADS, thread_name_prefix="sandbox-read")
        self._write_pool = ThreadPoolExecutor(WRITE_THREADS, thread_name_prefix="sandbox-write")
        self._closed = False

    # ------------------------------------------------------------------ backend hooks

    def _connect(self) -> Any:
        raise NotImplementedError

    @contextmanager
    def _write_transaction(self, connection: Any, api: str, deadline: float) -> Iterator[None]:
        raise NotImplementedError
        yield  # pragma: no cover

    def _connect_reader(self) -> Any:
        """A new connection that cannot write, in autocommit."""
        raise NotImplementedError

    def _translate(self, exc: Exception) -> Exception | None:
        """The StoreError a driver error means, or None when it is not the database's."""
        return None

    def _indexed_members(self, connection: Any, api: str, resource: str) -> str | None:
        row = connection.execute(
            f"SELECT members FROM indexed WHERE api={self.placeholder} "
            f"AND resource={self.placeholder}",
            (api, resource),
        ).fetchone()
        return None if row is None else str(row[0])

    # ------------------------------------------------------------------ connections

    def _thread_connection(self, attribute: str, connect: Callable[[], Any]) -> Any:
        """This thread's connection kept as `attribute`, made by `connect` on first use."""
        connection = getattr(self._local, attribute, None)
        if connection is None:
            connection = connect()
            setattr(self._local, attribute, connection)
            with self._connections_lock:
                self._connections.append(connection)
        return connection

    def _connection(self) -> Any:
        """The connection this thread writes on."""
        return self._thread_connection("connection", self._connect)

    def _read_connection(self) -> Any:
        """The connection this thread reads on (`_connect_reader`)."""
        return self._thread_connection("reader", self._connect_reader)

    def _drop_connection(self) -> None:
        for attribute in ("connection", "reader", "inline"):
            connection = getattr(self._local, attribute, None)
            setattr(self._local, attribute, None)
            if connection is None:
                continue
            with self._connections_lock:
                if connection in self._connections:
                    self._connections.remove(connection)
            with suppress(Exception):  # a broken connection may fail to close too
                connection.close()

    # ------------------------------------------------------------------ transactions

    def fields_of(self, api: str, resource: str) -> FieldsOf:
        return self._fields.get((api, resource), _no_fields)

    def write_sync(self, api: str, work: Callable[[Transaction], T], deadline: float) -> T:
        """Run `work` in one write transaction in this thread (rolled back if it raises)."""
        if time.monotonic() >= deadline:
            raise StoreBusy("the database stayed busy")
        try:
            connection = self._connection()
            with self._write_transaction(connection, api, deadline):
                return work(Transaction(self, connection, api, self.placeholder))
        except StoreError:
            raise
        except Exception as exc:
            self._raise_translated(exc)

    def _raise_translated(self, exc: Exception) -> NoReturn:
        """Raise `exc` as the store's own error where the backend knows it (a busy or gone
        database; the connection is dropped when it is gone), else as it is."""
        translated = self._translate(exc)
        if translated is None:
            raise exc
        if isinstance(translated, StoreUnavailable):
            self._drop_connection()
        raise translated from None

    def read_sync(self, api: str, work: Callable[[Transaction], T]) -> T:
        """Run `work`, which only reads, on this thread's read-only connection."""
        try:
            connection = self._read_connection()
            return work(Transaction(self, connection, api, self.placeholder))
        except StoreError:
            raise
        except Exception as exc:
            self._raise_translated(exc)

    async def write(self, api: str, work: Callable[[Transaction], T]) -> T:
        """Run `work` in one write transaction in a database thread. Raises StoreBusy when it
        could not start within the busy wait (time spent queueing included)."""
        deadline = time.monotonic() + self.busy_timeout
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._write_pool, lambda: self.write_sync(api, work, deadline)
        )

    async def read(self, api: str, work: Callable[[Transaction], T]) -> T:
        """Run `work`, which only reads (it may be run more than once), in a database
        thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._read_pool, lambda: self.read_sync(api, work))

    async def get(self, api: str, resource: str, partition: str, key: str) -> dict[str, Any] | None:
        """The record of `key`, or None (`get_steps`)."""
        return await self._read_steps(api, lambda: get_steps(api, resource, partition, key))

    async def list(
        self,
        api: str,
        resource: str,
        partition: str,
        filters: Mapping[str, str],
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """A list (`list_steps`)."""
        return await self._read_steps(
            api,
            lambda: list_steps(api, resource, partition, filters, limit, offset, self.placeholder),
        )

    async def _read_steps(self, api: str, steps: Callable[[], Steps[T]]) -> T:
        """The answer of the read `steps()` makes (as often as it is run), through `read`."""
        return await self.read(api, lambda tx: tx._run(steps()))

    async def aclose(self) -> None:
        """`close`, from the event loop that served the store (its own connections first)."""
        self.close()

    def register(self, api: str, resource: str, members: tuple[str, ...], fields: FieldsOf) -> None:
        """Index `members` of `resource` (canonical values from `fields`); reindex the stored
        records once when the set of members differs from the one they were indexed with."""
        self._fields[(api, resource)] = fields
        wanted = json.dumps(sorted(members))

        def check(tx: Transaction) -> None:
            if self._indexed_members(tx._connection, api, resource) == wanted:
                return
            tx.reindex(resource)
            tx._connection.execute(
                tx._sql("DELETE FROM indexed WHERE api=? AND resource=?"), (api, resource)
            )
            tx._connection.execute(
                tx._sql("INSERT INTO indexed (api, resource, members) VALUES (?, ?, ?)"),
                (api, resource, wanted),
            )

        self.write_sync(api, check, time.monotonic() + max(self.busy_timeout, 30.0))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._read_pool.shutdown(wait=True)
        self._write_pool.shutdown(wait=True)
        with self._connections_lock:
            connections, self._connections = self._connections, []
        for connection in connections:
            with suppress(Exception):  # closing what is left; nothing to report
                connection.close()


_SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY,
    api TEXT NOT NULL,
    resource TEXT NOT NULL,
    partition_key TEXT NOT NULL,
    record_key TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (api, resource, partition_key, record_key)
);
CREATE TABLE IF NOT EXISTS fields (
    record_id INTEGER NOT NULL,
    api TEXT NOT NULL,
    resource TEXT NOT NULL,
    partition_key TEXT NOT NULL,
    member TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (record_id, member)
);
CREATE INDEX IF NOT EXISTS fields_by_value
    ON fields (api, resource, partition_key, member, value, record_id);
CREATE TABLE IF NOT EXISTS sequences (
    api TEXT NOT NULL,
    name TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (api, name)
);
CREATE TABLE IF NOT EXISTS indexed (
    api TEXT NOT NULL,
    resource TEXT NOT NULL,
    members TEXT NOT NULL,
    PRIMARY KEY (api, resource)
);
"""


class _Budget:
    """When the read running on a connection has to stop (asked by SQLite's progress
    handler, which interrupts the statement when `spent` is true)."""

    __slots__ = ("deadline",)

    def __init__(self) -> None:
        self.deadline = math.inf

    def spent(self) -> bool:
        return time.monotonic() > self.deadline


def _gives_way(exc: sqlite3.OperationalError) -> bool:
    """Whether a read on the event loop stopped for its budget or for a lock (and is to be
    run again in a thread) rather than failed."""
    text = str(exc)
    return text == "interrupted" or "locked" in text or "busy" in text


def _statements(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]


class SqliteStore(Store):
    """One SQLite file in WAL mode (`:memory:`: a file in a temporary folder, removed on
    close, so that reads and writes still run side by side). Writers of one process queue on
    a lock (with the busy wait as its timeout); writers of other processes on SQLite's."""

    def __init__(self, path: str = ":memory:", busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        super().__init__(busy_timeout)
        self._scratch: str | None = None
        if path == ":memory:":
            self._scratch = tempfile.mkdtemp(prefix="sandbox-")
            self.path = str(Path(self._scratch) / "sandbox.db")
            self.description = ":memory: (nothing kept)"
        else:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.path = path
            self.description = path
        self._write_lock = threading.Lock()
        try:
            connection = self._connect()
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("BEGIN IMMEDIATE")
                self._migrate(connection)
                for statement in _statements(_SQLITE_SCHEMA):
                    connection.execute(statement)
                connection.execute("COMMIT")
            finally:
                connection.close()
        except Exception:
            self._remove_scratch()
            raise

    def _connect(self, busy_timeout: float | None = None) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path,
            timeout=self.busy_timeout if busy_timeout is None else busy_timeout,
            isolation_level=None,
            check_same_thread=False,
        )
        connection.execute("PRAGMA synchronous=NORMAL")  # WAL: durable across a process crash
        return connection

    def _connect_reader(self, busy_timeout: float | None = None) -> sqlite3.Connection:
        connection = self._connect(busy_timeout)
        connection.execute("PRAGMA query_only = ON")
        return connection

    def _inline_reader(self) -> tuple[sqlite3.Connection, _Budget]:
        """The event loop's connection for reads: read-only, no busy wait, and interrupted
        once its `_Budget` is spent."""
        connection: sqlite3.Connection | None = getattr(self._local, "inline", None)
        if connection is None:
            connection = self._connect_reader(busy_timeout=0)
            budget = _Budget()
            connection.set_progress_handler(budget.spent, _BUDGET_STEPS)
            self._local.inline, self._local.budget = connection, budget
            with self._connections_lock:
                self._connections.append(connection)
        return connection, self._local.budget

    async def read(self, api: str, work: Callable[[Transaction], T]) -> T:
        """Run `work`, which only reads, on the event loop's own connection; when it would
        wait for a lock or run past `INLINE_READ_BUDGET` seconds, run it again in a thread.

        A read of a few rows takes 0.1 to 0.3 ms; handing it to a thread and back cost as
        much again on the event loop, and halved the requests per second."""
        budget: _Budget | None = None
        try:
            connection, budget = self._inline_reader()
            budget.deadline = time.monotonic() + INLINE_READ_BUDGET
            return work(Transaction(self, connection, api, self.placeholder))
        except sqlite3.OperationalError as exc:
            if not _gives_way(exc):
                self._raise_translated(exc)
        except sqlite3.Error as exc:
            self._raise_translated(exc)
        finally:
            if budget is not None:
                budget.deadline = math.inf
        return await super().read(api, work)

    @staticmethod
    def _migrate(connection: sqlite3.Connection) -> None:
        """A database of the first layout (records keyed by rowid, no id column): keep its
        records, in their order."""
        columns = [row[1] for row in connection.execute("PRAGMA table_info(records)")]
        if not columns or "id" in columns:
            return
        connection.execute("ALTER TABLE records RENAME TO records_v1")
        connection.execute(_statements(_SQLITE_SCHEMA)[0])
        connection.execute(
            "INSERT INTO records (api, resource, partition_key, record_key, body) "
            "SELECT api, resource, partition_key, record_key, body FROM records_v1 ORDER BY rowid"
        )
        connection.execute("DROP TABLE records_v1")

    @contextmanager
    def _write_transaction(
        self, connection: sqlite3.Connection, api: str, deadline: float
    ) -> Iterator[None]:
        if not self._write_lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise StoreBusy("the database stayed busy")
        try:
            remaining = max(1, int((deadline - time.monotonic()) * 1000))
            connection.execute(f"PRAGMA busy_timeout = {remaining}")
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        finally:
            self._write_lock.release()

    def _translate(self, exc: Exception) -> Exception | None:
        if isinstance(exc, sqlite3.OperationalError):
            text = str(exc)
            if "locked" in text or "busy" in text:
                return StoreBusy("the database stayed busy")
            return StoreUnavailable(f"the database failed: {text}")
        if isinstance(exc, sqlite3.DatabaseError):
            return StoreUnavailable(f"the database failed: {exc}")
        return None

    def _remove_scratch(self) -> None:
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def close(self) -> None:
        super().close()
        self._remove_scratch()


def redact(url: str) -> str:
    """The URL with its password replaced by `***` (for messages and the start-up banner)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_store(db: str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Store:
    """The store for `db`: a `postgresql://` URL, or a SQLite file (or `:memory:`).

    Raises StoreUnavailable (one line) when the database cannot be opened."""
    if is_postgres_url(db):
        from specpipe.sandbox.postgres import PostgresStore

        return PostgresStore(db, busy_timeout)
    try:
        return SqliteStore(db, busy_timeout)
    except sqlite3.Error as exc:
        raise StoreUnavailable(str(exc)) from None
