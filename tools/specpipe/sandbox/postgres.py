"""PostgreSQL store of the sandbox (psycopg 3): the tables and answers of the SQLite store, for a
sandbox shared by a team (several processes or hosts on one server).

Every write is one transaction holding a transaction-level advisory lock of its API, so writers
of every process are serialised as SQLite serialises them, and sequences advance only inside
it; `lock_timeout` bounds the wait (then `StoreBusy`). Reads run on connections of their own,
read-only sessions in autocommit: the one statement of a read is a read-only transaction of
its own, so a read costs one round trip instead of three (BEGIN, the query, ROLLBACK), and
never waits for the lock. The engine's reads (`get`, `list`) run on the event loop through psycopg's
asynchronous connections (`_Readers`, up to `READ_CONNECTIONS`): a thread would cost a hand-off
to it and back for each read, which halved the requests per second of SQLite's reads. Bodies
are stored as the same ASCII JSON text as in SQLite.
"""

from __future__ import annotations

import asyncio
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import psycopg
from psycopg import errors

from specpipe.sandbox.store import (
    DEFAULT_BUSY_TIMEOUT,
    Steps,
    Store,
    StoreBusy,
    StoreUnavailable,
    _statements,
    redact,
)

__all__ = ["READ_CONNECTIONS", "PostgresStore"]

T = TypeVar("T")
# Connections one process reads on at most, from its event loop.
READ_CONNECTIONS = 8

# First key of every advisory lock the sandbox takes (the second is the API's CRC-32).
_LOCK_NAMESPACE = 0x53424F58  # "SBOX"
_SCHEMA_LOCK = 0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    api TEXT NOT NULL,
    resource TEXT NOT NULL,
    partition_key TEXT NOT NULL,
    record_key TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (api, resource, partition_key, record_key)
);
CREATE TABLE IF NOT EXISTS fields (
    record_id BIGINT NOT NULL,
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
    last BIGINT NOT NULL,
    PRIMARY KEY (api, name)
);
CREATE TABLE IF NOT EXISTS indexed (
    api TEXT NOT NULL,
    resource TEXT NOT NULL,
    members TEXT NOT NULL,
    PRIMARY KEY (api, resource)
)
"""


def _api_lock(api: str) -> int:
    value = zlib.crc32(api.encode("utf-8"))
    return value - (1 << 32) if value >= 1 << 31 else value


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


async def _run_async(connection: psycopg.AsyncConnection[Any], steps: Steps[T]) -> T:
    """`store.run_steps` on an asynchronous connection."""
    try:
        sql, params = next(steps)
        while True:
            cursor = await connection.execute(sql.replace("?", "%s"), params)
            sql, params = steps.send(await cursor.fetchall())
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


class _Readers:
    """The read connections of one event loop: asynchronous, read-only sessions in autocommit,
    kept in a stack of idle ones, at most `limit` open; a read waits at most `wait` seconds
    for one (then `StoreBusy`). A connection a read failed on is kept only when it is idle and
    whole; one whose read was cancelled is closed.

    psycopg_pool's AsyncConnectionPool does this (and more: sizing, health checks, stats);
    in back-to-back runs of the two lists of bench_sandbox on one worker it answered a
    quarter fewer requests per second than this stack at 2 connections, 40% fewer at 16."""

    def __init__(self, url: str, limit: int, wait: float) -> None:
        self._url = url
        self._wait = wait
        self._idle: list[psycopg.AsyncConnection[Any]] = []
        self._slots = asyncio.Semaphore(limit)
        self.closed = False

    async def _connect(self) -> psycopg.AsyncConnection[Any]:
        connection = await psycopg.AsyncConnection.connect(
            self._url, autocommit=True, connect_timeout=10
        )
        try:
            await connection.execute("SET default_transaction_read_only = on")
        except BaseException:
            await connection.close()
            raise
        return connection

    async def run(self, steps: Steps[T]) -> T:
        if self._slots.locked():
            try:
                async with asyncio.timeout(self._wait):
                    await self._slots.acquire()
            except TimeoutError:
                raise StoreBusy("every read connection stayed busy") from None
        else:
            await self._slots.acquire()
        try:
            connection = self._idle.pop() if self._idle else await self._connect()
            try:
                result = await _run_async(connection, steps)
            except psycopg.Error:
                await self._release(connection)
                raise
            except BaseException:  # cancelled mid-statement: the session is in an unknown state
                await connection.close()
                raise
            await self._release(connection)
            return result
        finally:
            self._slots.release()

    async def _release(self, connection: psycopg.AsyncConnection[Any]) -> None:
        """Back to the idle stack when it is idle and whole, else closed."""
        idle = connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        if idle and not connection.broken and not self.closed:
            self._idle.append(connection)
        else:
            await connection.close()

    async def close(self) -> None:
        self.closed = True
        idle, self._idle = self._idle, []
        for connection in idle:
            await connection.close()


class PostgresStore(Store):
    placeholder = "%s"

    def __init__(self, url: str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        super().__init__(busy_timeout)
        self.url = url
        self.description = redact(url)
        self._readers_loop: asyncio.AbstractEventLoop | None = None
        self._readers: _Readers | None = None
        try:
            connection = self._connect()
        except StoreUnavailable:
            self.close()
            raise
        try:
            connection.execute("SELECT pg_advisory_lock(%s, %s)", (_LOCK_NAMESPACE, _SCHEMA_LOCK))
            try:
                for statement in _statements(_SCHEMA):
                    connection.execute(statement)
            finally:
                connection.execute(
                    "SELECT pg_advisory_unlock(%s, %s)", (_LOCK_NAMESPACE, _SCHEMA_LOCK)
                )
        except psycopg.Error as exc:
            self.close()
            raise StoreUnavailable(f"{self.description}: {_first_line(exc)}") from None
        finally:
            connection.close()

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreUnavailable(f"{self.description}: {_first_line(exc)}") from None

    @contextmanager
    def _write_transaction(
        self, connection: psycopg.Connection[Any], api: str, deadline: float
    ) -> Iterator[None]:
        remaining = max(1, int((deadline - time.monotonic()) * 1000))
        connection.execute("BEGIN")
        try:
            connection.execute(f"SET LOCAL lock_timeout = {remaining}")
            connection.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)", (_LOCK_NAMESPACE, _api_lock(api))
            )
            yield
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    async def _read_steps(self, api: str, steps: Callable[[], Steps[T]]) -> T:
        readers = self._loop_readers()
        if readers is None:
            return await super()._read_steps(api, steps)
        return await self._fetch(readers, steps())

    def _loop_readers(self) -> _Readers | None:
        """The read connections of this event loop, the first one that reads; None on any
        other event loop (its reads then run in threads) and once the store is closed."""
        loop = asyncio.get_running_loop()
        if self._readers_loop is None:
            self._readers_loop = loop
            self._readers = _Readers(self.url, READ_CONNECTIONS, self.busy_timeout)
        if loop is not self._readers_loop or self._closed:
            return None
        return self._readers

    async def _fetch(self, readers: _Readers, steps: Steps[T]) -> T:
        """The answer of `steps` on a read connection; the store's errors for the driver's."""
        try:
            return await readers.run(steps)
        except psycopg.Error as exc:
            translated = self._translate(exc)
            assert translated is not None
            raise translated from None

    async def aclose(self) -> None:
        readers = self._readers
        if readers is not None and asyncio.get_running_loop() is self._readers_loop:
            await readers.close()
        self.close()

    def _connect_reader(self) -> psycopg.Connection[Any]:
        connection = self._connect()  # autocommit: every statement a read transaction
        try:
            connection.execute("SET default_transaction_read_only = on")
        except psycopg.Error as exc:
            connection.close()
            raise StoreUnavailable(f"{self.description}: {_first_line(exc)}") from None
        return connection

    def _translate(self, exc: Exception) -> Exception | None:
        if isinstance(exc, (errors.LockNotAvailable, errors.QueryCanceled)):
            return StoreBusy("the database stayed busy")
        if isinstance(exc, (errors.SerializationFailure, errors.DeadlockDetected)):
            return StoreBusy("the database stayed busy")
        if isinstance(exc, psycopg.Error):
            return StoreUnavailable(f"{self.description}: {_first_line(exc)}")
        return None
