"""SQLite state of the sandbox: records of every resource, one table for all.

Each write runs in one `BEGIN IMMEDIATE` transaction, so writers (threads of one process, or
several processes on one file) are serialised by SQLite and never lose an update.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["Store", "Transaction"]

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    api TEXT NOT NULL,
    resource TEXT NOT NULL,
    partition_key TEXT NOT NULL,
    record_key TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (api, resource, partition_key, record_key)
);
CREATE TABLE IF NOT EXISTS sequences (
    api TEXT NOT NULL,
    name TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (api, name)
);
"""


class Transaction:
    """Reads and writes of one transaction, scoped to one API."""

    def __init__(self, connection: sqlite3.Connection, api: str) -> None:
        self._connection = connection
        self._api = api

    def get(self, resource: str, partition: str, key: str) -> dict[str, Any] | None:
        row = self._connection.execute(
            "SELECT body FROM records WHERE api=? AND resource=? AND partition_key=? "
            "AND record_key=?",
            (self._api, resource, partition, key),
        ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def list(self, resource: str, partition: str) -> list[dict[str, Any]]:
        rows = self._connection.execute(
            "SELECT body FROM records WHERE api=? AND resource=? AND partition_key=? "
            "ORDER BY rowid",
            (self._api, resource, partition),
        ).fetchall()
        return [dict(json.loads(row[0])) for row in rows]

    def put(self, resource: str, partition: str, key: str, body: dict[str, Any]) -> None:
        self._connection.execute(
            "INSERT INTO records (api, resource, partition_key, record_key, body) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (api, resource, partition_key, record_key) "
            "DO UPDATE SET body = excluded.body",
            (self._api, resource, partition, key, json.dumps(body, sort_keys=True)),
        )

    def delete(self, resource: str, partition: str, key: str) -> bool:
        cursor = self._connection.execute(
            "DELETE FROM records WHERE api=? AND resource=? AND partition_key=? AND record_key=?",
            (self._api, resource, partition, key),
        )
        return cursor.rowcount > 0

    def next_value(self, name: str) -> int:
        """The next value of a sequence (1, 2, …), never reused, even after a delete."""
        row = self._connection.execute(
            "INSERT INTO sequences (api, name, last) VALUES (?, ?, 1) "
            "ON CONFLICT (api, name) DO UPDATE SET last = last + 1 RETURNING last",
            (self._api, name),
        ).fetchone()
        return int(row[0])


class Store:
    """One SQLite database (a file, or `:memory:`) shared by every API of a sandbox."""

    def __init__(self, path: str = ":memory:") -> None:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._connection = sqlite3.connect(
            path, timeout=30.0, isolation_level=None, check_same_thread=False
        )
        if path != ":memory:":
            self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.executescript(_SCHEMA)

    @contextmanager
    def _transaction(self, api: str, mode: str) -> Iterator[Transaction]:
        with self._lock:
            self._connection.execute(f"BEGIN {mode}")
            try:
                yield Transaction(self._connection, api)
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def write(self, api: str, work: Callable[[Transaction], T]) -> T:
        """Run `work` in one write transaction (rolled back if it raises)."""
        with self._transaction(api, "IMMEDIATE") as transaction:
            return work(transaction)

    def read(self, api: str, work: Callable[[Transaction], T]) -> T:
        with self._transaction(api, "DEFERRED") as transaction:
            return work(transaction)

    def close(self) -> None:
        with self._lock:
            self._connection.close()
