"""PostgreSQL store of the sandbox (psycopg 3): the tables and answers of the SQLite store, for a
sandbox shared by a team (several processes or hosts on one server).

Every write is one transaction holding a transaction-level advisory lock of its API, so writers
of every process are serialised as SQLite serialises them, and sequences advance only inside
it; `lock_timeout` bounds the wait (then `StoreBusy`). Reads run on connections of their own,
read-only sessions in autocommit: each statement is a read-only transaction of its own (the
answer of a read is one statement; a list's count of matches before it only picks the plan),
so a read costs one round trip instead of three (BEGIN, the query, ROLLBACK), and never waits
for the lock. Bodies are stored as the same ASCII JSON text as in SQLite.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors

from specpipe.sandbox.store import (
    DEFAULT_BUSY_TIMEOUT,
    Store,
    StoreBusy,
    StoreUnavailable,
    _statements,
    redact,
)

__all__ = ["PostgresStore"]

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


class PostgresStore(Store):
    placeholder = "%s"

    def __init__(self, url: str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        super().__init__(busy_timeout)
        self.url = url
        self.description = redact(url)
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
