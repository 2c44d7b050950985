"""The sandbox: a stateful implementation of every API, driven by the bundled specs.

`create_app` builds one Starlette app serving each API under `/<api>`; `run_in_thread` serves
an app on a loopback port (tests, `contract --sandbox`); `server.serve` runs
`specpipe serve`. The behaviour of every operation comes from the spec and
its `x-sandbox` extension (see ARCHITECTURE.md); there is no per-operation code.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import yaml
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Router
from starlette.types import Receive, Scope, Send

from specpipe.openapi30 import is_rendering
from specpipe.sandbox.engine import DEFAULT_BODY_TIMEOUT, ApiApp, Credentials
from specpipe.sandbox.server import free_port, run_in_thread
from specpipe.sandbox.spec import SandboxSpecError, compile_api
from specpipe.sandbox.store import DEFAULT_BUSY_TIMEOUT, StoreUnavailable, open_store

__all__ = [
    "BUNDLED_DIR",
    "Credentials",
    "SandboxSpecError",
    "StoreUnavailable",
    "create_app",
    "free_port",
    "load_bundled",
    "run_in_thread",
]

BUNDLED_DIR = Path("generated/bundled")
# libyaml's safe loader when PyYAML has it (ten times faster on a large bundle), else PyYAML's.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_bundled(directory: Path = BUNDLED_DIR) -> dict[str, dict[str, Any]]:
    """Every `<api>.yaml` of `directory`, by API name (sorted).

    Raises SandboxSpecError (one line) for a file that is not YAML."""
    apis: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob("*.yaml")):
        if is_rendering(path):  # `<api>.openapi-3.0.yaml` renders `<api>.yaml`: not an API
            continue
        with path.open(encoding="utf-8") as handle:
            try:
                document = yaml.load(handle, Loader=_LOADER)  # a safe loader
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

    def __init__(self, apps: dict[str, ApiApp], lifespan: Any) -> None:
        super().__init__(lifespan=lifespan)
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
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    body_timeout: float = DEFAULT_BODY_TIMEOUT,
) -> Starlette:
    """One app serving every API of `apis` (name -> bundled document) under `/<name>`.

    Default: every `generated/bundled/<api>.yaml`. `db` is a SQLite file, `:memory:` (a
    temporary file, removed at shutdown) or a `postgresql://` URL. `credentials` maps a
    credential's environment variable (as the generated clients name it, e.g. `<API>_API_KEY`)
    to the value accepted; a credential not in it is accepted with its spec's local default
    (`x-sandbox.defaults`). A write that cannot start within `busy_timeout` seconds answers
    503; a body that does not arrive within `body_timeout` seconds answers 408. The store is
    closed at the app's shutdown (ASGI lifespan). Raises SandboxSpecError when a document
    cannot drive the sandbox, StoreUnavailable when the database cannot be opened.
    """
    documents = load_bundled() if apis is None else dict(apis)
    if not documents:
        where = f" under {BUNDLED_DIR}/" if apis is None else ""
        raise SandboxSpecError(f"no bundled API found{where}")
    compiled = {name: compile_api(name, document) for name, document in sorted(documents.items())}
    store = open_store(db, busy_timeout)
    accepted = Credentials(credentials)
    try:
        apps = {
            name: ApiApp(api, store, accepted, f"/{name}", body_timeout)
            for name, api in compiled.items()
        }
    except BaseException:
        store.close()
        raise

    @asynccontextmanager
    async def lifespan(_: Any) -> AsyncIterator[None]:
        yield
        await store.aclose()

    app = Starlette()
    app.router = _PrefixRouter(apps, lifespan)
    app.state.store = store
    app.state.apis = sorted(documents)
    return app
