"""The sandbox: a stateful implementation of every API, driven by the bundled specs.

`create_app` builds one Starlette app serving each API under `/<api>`; `run_in_thread` serves
an app on a loopback port for tests. The behaviour of every operation comes from the spec and
its `x-sandbox` extension (see ARCHITECTURE.md); there is no per-operation code.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Router
from starlette.types import Receive, Scope, Send

from specpipe.openapi30 import is_rendering
from specpipe.sandbox.engine import ApiApp, Credentials
from specpipe.sandbox.spec import SandboxSpecError, compile_api
from specpipe.sandbox.store import Store

__all__ = [
    "BUNDLED_DIR",
    "Credentials",
    "SandboxSpecError",
    "create_app",
    "load_bundled",
    "run_in_thread",
]

BUNDLED_DIR = Path("generated/bundled")


def load_bundled(directory: Path = BUNDLED_DIR) -> dict[str, dict[str, Any]]:
    """Every `<api>.yaml` of `directory`, by API name (sorted).

    Raises SandboxSpecError (one line) for a file that is not YAML."""
    apis: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob("*.yaml")):
        if is_rendering(path):  # `<api>.openapi-3.0.yaml` renders `<api>.yaml`: not an API
            continue
        with path.open(encoding="utf-8") as handle:
            try:
                document = yaml.safe_load(handle)
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f" (line {mark.line + 1})" if mark is not None else ""
                raise SandboxSpecError(f"{path}: not valid YAML{where}") from None
        if isinstance(document, dict):
            apis[path.stem] = document
    return apis


class _PrefixRouter(Router):
    """Dispatches on the first segment of the raw path (`/<api>/...`) to that API's engine.

    Starlette's own routing matches decoded paths with `.`, which misses paths holding a
    percent-encoded newline; this one looks at the raw path only."""

    def __init__(self, apps: dict[str, ApiApp]) -> None:
        super().__init__()
        self.apps = apps

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await super().app(scope, receive, send)
            return
        raw = scope.get("raw_path")
        path = raw.decode("latin-1") if isinstance(raw, bytes) else str(scope.get("path", ""))
        name = path.split("?", 1)[0].split("/")[1] if path.count("/") >= 1 else ""
        target = self.apps.get(name)
        if target is not None and path.startswith(f"/{name}/"):
            await target(scope, receive, send)
            return
        known = ", ".join(f"/{api}/" for api in self.apps)
        response = JSONResponse({"message": f"No API here; the APIs are under {known}"}, 404)
        await response(scope, receive, send)


def create_app(
    apis: Mapping[str, dict[str, Any]] | None = None,
    *,
    db: str = ":memory:",
    credentials: Mapping[str, str] | None = None,
) -> Starlette:
    """One app serving every API of `apis` (name -> bundled document) under `/<name>`.

    Default: every `generated/bundled/<api>.yaml`. `credentials` maps a credential's
    environment variable (as the generated clients name it, e.g. `<API>_API_KEY`) to the value
    accepted; a credential not in it is accepted with its spec's local default
    (`x-sandbox.defaults`). Raises SandboxSpecError when a document cannot drive the sandbox.
    """
    documents = load_bundled() if apis is None else dict(apis)
    if not documents:
        where = f" under {BUNDLED_DIR}/" if apis is None else ""
        raise SandboxSpecError(f"no bundled API found{where}")
    store = Store(db)
    accepted = Credentials(credentials)
    apps = {
        name: ApiApp(compile_api(name, document), store, accepted, f"/{name}")
        for name, document in sorted(documents.items())
    }
    app = Starlette()
    app.router = _PrefixRouter(apps)
    app.state.store = store
    app.state.apis = sorted(documents)
    return app


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def run_in_thread(app: Any, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `app` with uvicorn in a background thread; yields the base URL (no trailing /)."""
    import uvicorn

    config = uvicorn.Config(app, host=host, port=port or free_port(host), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the sandbox did not start on {host}:{config.port}")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
