"""`specpipe serve`: run the sandbox until interrupted."""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sqlite3
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


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve the sandbox: every API on one port, state in SQLite",
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
        help="SQLite file (default: .sandbox/sandbox.db; ':memory:' keeps nothing)",
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


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def cmd_serve(args: argparse.Namespace) -> int:
    from pathlib import Path

    import uvicorn

    from specpipe.cli import UsageError
    from specpipe.credentials import for_document, parse_assignments
    from specpipe.sandbox import Credentials, SandboxSpecError, create_app, load_bundled

    bundled = Path(args.bundled_dir)
    try:
        apis = load_bundled(bundled)
    except SandboxSpecError as exc:
        print(f"specpipe: error: {exc}", file=sys.stderr)
        return 1
    if not apis:
        raise UsageError(f"no bundled spec under {bundled}/ (run `specpipe generate` first)")
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
    try:
        app = create_app(apis, db=args.db, credentials=credentials)
    except SandboxSpecError as exc:
        print(f"specpipe: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        raise UsageError(f"cannot open the database {args.db}: {exc.strerror or exc}") from None
    except sqlite3.Error as exc:
        raise UsageError(f"cannot open the database {args.db}: {exc}") from None
    try:
        sock = _bind(args.host, args.port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(f"port {args.port} on {args.host} is already in use") from None
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from None
    port = sock.getsockname()[1]
    shown = f"[{args.host}]" if ":" in args.host else args.host
    for name in sorted(apis):
        print(f"{name:<12} http://{shown}:{port}/{name}")
    print(f"database     {args.db}")
    print("Serving; press Ctrl-C to stop.", flush=True)
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
        app.state.store.close()
    print("stopped")
    return 0
