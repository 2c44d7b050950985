"""How the sandbox is served: Granian (a maintained Rust HTTP server for ASGI apps) with the
limits a public-facing server needs.

Granian creates and configures its own sockets (TCP_NODELAY), times out a request whose
headers do not arrive within `header_timeout` seconds (which is also how long an idle
kept-alive connection stays open), answers 431 itself for headers larger than its buffer, and
runs `workers` processes. What it leaves to the app, the engine does: the body timeout (408),
the spec's header limit (431, `x-sandbox.max-header-bytes`) and exact method names.

The event loop is uvloop's where it is installed (not on Windows): on one worker it answered
the lists of bench_sandbox 10 to 40% faster than asyncio's own loop, most on PostgreSQL,
whose reads wait on sockets through the loop.

`serve` runs the sandbox in worker processes until interrupted; each worker builds its app
from `Settings` (passed through the environment). `run_in_thread` serves an app object in a
background thread of this process (tests, `contract --sandbox`).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "DEFAULT_HEADER_TIMEOUT",
    "SETTINGS_VARIABLE",
    "Settings",
    "announce_when_listening",
    "app_from_environment",
    "free_port",
    "run_in_thread",
    "serve",
]

DEFAULT_HEADER_TIMEOUT = 10.0
SETTINGS_VARIABLE = "SPECPIPE_SANDBOX_SETTINGS"


@dataclass(frozen=True)
class Settings:
    """Everything a worker process needs to build the sandbox app."""

    bundled_dir: str
    db: str
    credentials: Mapping[str, str] = field(default_factory=dict)
    busy_timeout: float = 2.0
    body_timeout: float = 30.0

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "credentials": dict(self.credentials)})

    @classmethod
    def from_json(cls, text: str) -> Settings:
        data = json.loads(text)
        return cls(**data)


def app_from_environment() -> Any:
    """The app of a worker process (Granian's factory target), from `SETTINGS_VARIABLE`."""
    from pathlib import Path

    from specpipe.sandbox import create_app, load_bundled

    settings = Settings.from_json(os.environ[SETTINGS_VARIABLE])
    return create_app(
        load_bundled(Path(settings.bundled_dir)),
        db=settings.db,
        credentials=settings.credentials,
        busy_timeout=settings.busy_timeout,
        body_timeout=settings.body_timeout,
    )


def free_port(host: str = "127.0.0.1") -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def check_port(host: str, port: int) -> None:
    """Raises OSError when `host:port` cannot be listened on (in use, not an address here)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(1)


def _uvloop() -> Any:
    """The uvloop module, or None where it is not installed."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop


def _new_event_loop() -> asyncio.AbstractEventLoop:
    """A new event loop of the kind the sandbox is served on (uvloop's, else asyncio's)."""
    uvloop = _uvloop()
    loop: asyncio.AbstractEventLoop = (
        uvloop.new_event_loop() if uvloop is not None else asyncio.new_event_loop()
    )
    return loop


def _http1(header_timeout: float) -> Any:
    from granian.http import HTTP1Settings

    return HTTP1Settings(header_read_timeout=max(1, int(header_timeout * 1000)), keep_alive=True)


def serve(
    settings: Settings,
    host: str,
    port: int,
    workers: int = 1,
    header_timeout: float = DEFAULT_HEADER_TIMEOUT,
    app: Any = None,
) -> None:
    """Serve the sandbox until SIGINT or SIGTERM: with one worker, `app` (already built) in
    this process; with more, `workers` processes that each build the app from `settings`."""
    if workers == 1 and app is not None:
        embedded = _Embedded(app, host, port, header_timeout)
        for signum in (signal.SIGINT, signal.SIGTERM):
            embedded.loop.add_signal_handler(signum, embedded.server.stop)
        embedded.run()
        if embedded.error is not None:
            raise embedded.error
        return
    from granian import Granian
    from granian.constants import HTTPModes, Interfaces, Loops
    from granian.log import LogLevels

    os.environ[SETTINGS_VARIABLE] = settings.to_json()
    server = Granian(
        "specpipe.sandbox.server:app_from_environment",
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        workers=workers,
        loop=Loops.uvloop if _uvloop() is not None else Loops.asyncio,
        http=HTTPModes.http1,
        http1_settings=_http1(header_timeout),
        websockets=False,
        log_level=LogLevels.warning,
        factory=True,
    )
    server.serve()


class _Embedded:
    def __init__(self, app: Any, host: str, port: int, header_timeout: float) -> None:
        from granian.constants import HTTPModes, Interfaces
        from granian.server.embed import Server

        self.loop = _new_event_loop()
        self.server = Server(
            app,
            address=host,
            port=port,
            interface=Interfaces.ASGI,
            http=HTTPModes.http1,
            http1_settings=_http1(header_timeout),
            websockets=False,
            log_enabled=False,
        )
        self.error: BaseException | None = None

    def run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self.server.serve())
        except BaseException as exc:  # reported by run_in_thread
            self.error = exc
        finally:
            self.loop.close()

    def stop(self) -> None:
        if not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.server.stop)


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def announce_when_listening(host: str, port: int, message: str, limit: float = 120.0) -> None:
    """Print `message` from a background thread once `host:port` accepts connections."""

    def watch() -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if _listening(host, port):
                print(message, flush=True)
                return
            time.sleep(0.05)

    threading.Thread(target=watch, daemon=True, name="sandbox-announce").start()


@contextmanager
def run_in_thread(
    app: Any,
    host: str = "127.0.0.1",
    port: int = 0,
    header_timeout: float = DEFAULT_HEADER_TIMEOUT,
) -> Iterator[str]:
    """Serve `app` (any ASGI app) with Granian in a background thread of this process; yields
    the base URL (no trailing /) and stops the server (running the app's shutdown) after."""
    port = port or free_port(host)
    embedded = _Embedded(app, host, port, header_timeout)
    thread = threading.Thread(target=embedded.run, daemon=True, name="sandbox-server")
    thread.start()
    deadline = time.monotonic() + 15
    while not _listening(host, port):
        if not thread.is_alive() or time.monotonic() > deadline:
            embedded.stop()
            raise RuntimeError(f"the sandbox did not start on {host}:{port}: {embedded.error}")
        time.sleep(0.02)
    shown = f"[{host}]" if ":" in host else host
    try:
        yield f"http://{shown}:{port}"
    finally:
        embedded.stop()
        thread.join(timeout=15)
