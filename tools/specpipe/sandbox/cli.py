"""`specpipe serve`: run the sandbox until interrupted."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from typing import Any

__all__ = ["register"]

EXIT_USAGE = 2


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid port {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port {value} is out of range 0-65535")
    return value


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of workers, got {text!r}") from None
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(f"--workers {value} is out of range 1-64")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, got {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"{text} s is out of range (0, 3600]")
    return value


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve the sandbox: every API on one port, state in SQLite or PostgreSQL",
        description="Serve every API of --bundled-dir under /<api> on one port until Ctrl-C. "
        "Each credential a spec's security schemes declare is named by the environment "
        "variable the generated clients read (<API>_<CREDENTIAL>, e.g. <API>_API_KEY); the "
        "value accepted comes from --credential NAME=VALUE, else the variable SANDBOX_<NAME>, "
        "else the local default in the spec (x-sandbox.defaults of the scheme).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8080, help="port (default: 8080; 0: any)")
    serve.add_argument(
        "--db",
        default=".sandbox/sandbox.db",
        help="SQLite file (default: .sandbox/sandbox.db; ':memory:' keeps nothing), or a "
        "postgresql://user:password@host/db URL for a sandbox shared by several processes",
    )
    serve.add_argument(
        "--workers",
        type=_workers,
        default=1,
        help="worker processes (default: 1; more need a database file or PostgreSQL)",
    )
    serve.add_argument(
        "--busy-timeout",
        type=_seconds,
        default=2.0,
        metavar="SECONDS",
        help="how long a write waits for a busy database before answering 503 with "
        "Retry-After (default: 2)",
    )
    serve.add_argument(
        "--header-timeout",
        type=_seconds,
        default=10.0,
        metavar="SECONDS",
        help="time to receive a request's headers, and to keep an idle connection open "
        "(default: 10)",
    )
    serve.add_argument(
        "--body-timeout",
        type=_seconds,
        default=30.0,
        metavar="SECONDS",
        help="time to receive a request's body before answering 408 (default: 30)",
    )
    serve.add_argument(
        "--bundled-dir",
        default="generated/bundled",
        help="folder of bundled specs (default: generated/bundled)",
    )
    serve.add_argument(
        "--credential",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="accepted value of a credential (repeatable; env: SANDBOX_<NAME>)",
    )
    serve.set_defaults(handler=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    from pathlib import Path

    from specpipe.cli import UsageError
    from specpipe.credentials import for_document, parse_assignments
    from specpipe.sandbox import (
        Credentials,
        SandboxSpecError,
        StoreUnavailable,
        create_app,
        load_bundled,
    )
    from specpipe.sandbox.server import (
        Settings,
        announce_when_listening,
        check_port,
        free_port,
        serve,
    )

    bundled = Path(args.bundled_dir)
    try:
        apis = load_bundled(bundled)
    except SandboxSpecError as exc:
        print(f"specpipe: error: {exc}", file=sys.stderr)
        return 1
    if not apis:
        raise UsageError(f"no bundled spec under {bundled}/ (run `specpipe generate` first)")
    if args.workers > 1 and args.db == ":memory:":
        raise UsageError("--workers needs a shared database: a file or a postgresql:// URL")
    try:
        known = {
            c.env
            for name, document in apis.items()
            for c in for_document(name, document).credentials
        }
    except ValueError as exc:
        print(f"specpipe: error: {exc}", file=sys.stderr)
        return 1
    try:
        given = parse_assignments(args.credential, known)
    except ValueError as exc:
        raise UsageError(f"--credential: {exc}") from None
    credentials = Credentials.from_env(os.environ, given)
    # Build the app here, so that a bad spec or database is one line before anything listens;
    # one worker serves this app, more workers each build their own from the same settings.
    try:
        app = create_app(
            apis,
            db=args.db,
            credentials=credentials,
            busy_timeout=args.busy_timeout,
            body_timeout=args.body_timeout,
        )
    except SandboxSpecError as exc:
        print(f"specpipe: error: {exc}", file=sys.stderr)
        return 1
    except StoreUnavailable as exc:
        raise UsageError(f"cannot open the database {_shown_db(args.db)}: {exc}") from None
    except OSError as exc:
        raise UsageError(
            f"cannot open the database {_shown_db(args.db)}: {exc.strerror or exc}"
        ) from None
    description = app.state.store.description
    if args.workers > 1:
        app.state.store.close()  # each worker opens its own
    port = args.port or free_port(args.host)
    try:
        check_port(args.host, port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} on {args.host} is already in use") from None
        raise UsageError(f"cannot listen on {args.host}:{port}: {exc.strerror}") from None
    shown = f"[{args.host}]" if ":" in args.host else args.host
    for name in sorted(apis):
        print(f"{name:<12} http://{shown}:{port}/{name}")
    print(f"database     {description}")
    if args.workers > 1:
        print(f"workers      {args.workers}")
    sys.stdout.flush()
    settings = Settings(
        bundled_dir=str(bundled),
        db=args.db,
        credentials=dict(credentials),
        busy_timeout=args.busy_timeout,
        body_timeout=args.body_timeout,
    )
    # Granian binds and starts its workers inside `serve`: say "Serving" once it answers.
    announce_when_listening(args.host, port, "Serving; press Ctrl-C to stop.")
    try:
        with contextlib.suppress(KeyboardInterrupt):
            serve(settings, args.host, port, args.workers, args.header_timeout, app=app)
    finally:
        app.state.store.close()
    print("stopped")
    return 0


def _shown_db(db: str) -> str:
    from specpipe.sandbox.store import is_postgres_url, redact

    return redact(db) if is_postgres_url(db) else db
