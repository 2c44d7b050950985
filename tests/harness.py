"""The sandbox as a test server for client scenarios, with faults a client must survive.

`serve()` runs the sandbox (all four APIs, fresh in-memory state) on a free loopback port
behind a small wrapper: a request carrying the header ``x-sandbox-fail-once: <token>`` is
answered ``503`` with ``Retry-After: 0`` the first time that token is seen, and passed on
after that. A client that retries idempotent calls therefore succeeds on its second attempt;
one that does not, fails. Scenarios set the header through their per-request header option.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

FAIL_ONCE_HEADER = b"x-sandbox-fail-once"


class FailOnce:
    """ASGI wrapper: 503 on the first request of each fail-once token."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.seen: set[bytes] = set()
        self.failed: list[bytes] = []
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            token = dict(scope.get("headers", [])).get(FAIL_ONCE_HEADER)
            if token is not None:
                with self._lock:
                    first = token not in self.seen
                    self.seen.add(token)
                if first:
                    self.failed.append(token)
                    await send(
                        {
                            "type": "http.response.start",
                            "status": 503,
                            "headers": [(b"retry-after", b"0"), (b"content-type", b"text/plain")],
                        }
                    )
                    await send({"type": "http.response.body", "body": b"try again"})
                    return
        await self.app(scope, receive, send)


@contextmanager
def serve() -> Iterator[tuple[str, FailOnce]]:
    """Yield (root URL, the fault wrapper); each API lives under ``<root>/<api>``."""
    from specpipe.sandbox import create_app, run_in_thread

    app = FailOnce(create_app(db=":memory:"))
    with run_in_thread(app) as base_url:  # type: ignore[arg-type]
        yield base_url.rstrip("/"), app
