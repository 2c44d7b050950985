"""The two stores of the sandbox, for tests that must hold on both.

`database(kind, folder)` yields what `--db` takes: a SQLite file in `folder`, or a fresh
PostgreSQL database on the server of `SANDBOX_TEST_POSTGRES_URL` (dropped afterwards). `make
test` starts a throwaway cluster and sets the variable. Without it the PostgreSQL cases are
skipped, except in CI (`CI` set), where a missing server is a failure; with it, a server that
cannot be reached is a failure too.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

KINDS = ("sqlite", "postgresql")
VARIABLE = "SANDBOX_TEST_POSTGRES_URL"


def _server_url() -> str:
    url = os.environ.get(VARIABLE, "")
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{VARIABLE} is not set: CI must run the PostgreSQL store's tests")
        pytest.skip(f"no PostgreSQL server: set {VARIABLE} (make test starts one)")
    return url


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield str(folder / "sandbox.db")
        return
    import psycopg

    server = _server_url()
    name = f"sandbox_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(server, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        pytest.fail(f"{VARIABLE} is set but the server cannot be reached: {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server, autocommit=True, connect_timeout=10) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
