"""`specpipe contract`: Schemathesis against any running implementation of the specs.

Schemathesis does the work (`schemathesis run`, one process per API, its own progress display,
checks and phases from `schemathesis.toml`). This command only adds what Schemathesis cannot
know: which bundled spec goes with which base URL, the auth of each security scheme (computed
from the spec's `x-credentials` templates, see `specpipe.credentials`, and added to a per-run
copy of the configuration), the credential values (flags, the environment variables the
generated clients read, or the sandbox's local defaults), skipping APIs that a filter leaves
empty, one JUnit file for all APIs, and an optional sandbox started for the run (`--sandbox`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import time
import tomllib
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

__all__ = ["auth_config", "failed_checks", "merge_junit", "register", "run_config"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
CONFIG_NAME = "schemathesis.toml"
WORK_DIR = ".cache/specpipe/contract"
_RATE = re.compile(r"^\d+/(s|m|h)$")

if TYPE_CHECKING:
    from specpipe.credentials import ApiCredentials, SchemeCredentials


@dataclass(frozen=True)
class Target:
    api: str
    spec: Path
    base_url: str


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value}")
    return value


def _rate(text: str) -> str:
    if not _RATE.match(text):
        raise argparse.ArgumentTypeError(f"expected N/s, N/m or N/h, got {text!r}")
    return text


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    contract = commands.add_parser(
        "contract",
        help="run Schemathesis (every check and phase) against a running implementation",
        description="Run the contract suite (Schemathesis, defaults in schemathesis.toml) "
        "against BASE_URL for one API or all. With one API, --base-url is that API's base "
        "URL; with several, each API is tested at BASE_URL/<api> (the sandbox's layout), "
        "unless given as --base-url API=URL. Exit 0 when clean, 1 on any failure, 2 on a "
        "usage error. Arguments after `--` go to `schemathesis run` unchanged.",
    )
    contract.add_argument(
        "--api",
        action="append",
        default=[],
        metavar="NAME",
        help="API to test (repeatable; default: every bundled spec)",
    )
    contract.add_argument(
        "--base-url",
        action="append",
        default=[],
        metavar="[API=]URL",
        help="where the implementation runs (default: http://127.0.0.1:8080)",
    )
    contract.add_argument(
        "--sandbox",
        action="store_true",
        help="start the sandbox on a free loopback port for the run and test it",
    )
    contract.add_argument(
        "--bundled-dir",
        default="generated/bundled",
        help="folder of bundled specs (default: generated/bundled)",
    )
    contract.add_argument(
        "--config-file",
        default=None,
        help=f"Schemathesis configuration (default: the nearest {CONFIG_NAME} upwards)",
    )
    contract.add_argument(
        "--credential",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a credential by the environment variable the generated clients read, e.g. "
        "<API>_API_KEY=… (repeatable; default: that variable; with --sandbox, the sandbox's "
        "local default)",
    )
    contract.add_argument(
        "--print-config",
        action="store_true",
        help="print the Schemathesis configuration of the one API selected (the project's, "
        "plus its auth with ${ENV} placeholders) and exit",
    )
    for kind in ("include", "exclude"):
        contract.add_argument(
            f"--{kind}-operation-id",
            action="append",
            default=[],
            metavar="ID",
            help=f"{kind} operations by operationId (repeatable)",
        )
        contract.add_argument(
            f"--{kind}-path",
            action="append",
            default=[],
            metavar="PATH",
            help=f"{kind} operations by path template, e.g. /benefits (repeatable)",
        )
    contract.add_argument(
        "--read-only",
        action="store_true",
        help="only safe methods (GET, HEAD, OPTIONS), examples and fuzzing phases: for "
        "shared environments",
    )
    contract.add_argument(
        "--rate-limit", type=_rate, default=None, metavar="N/s", help="requests per s, m or h"
    )
    contract.add_argument("--junit", default=None, metavar="FILE", help="write a JUnit XML report")
    contract.add_argument(
        "--work-dir",
        default=WORK_DIR,
        metavar="DIR",
        help=f"where each API's Schemathesis configuration and JUnit report are written, "
        f"kept after the run (default: {WORK_DIR})",
    )
    contract.add_argument(
        "--max-examples", type=_positive, default=None, metavar="N", help="examples per operation"
    )
    contract.add_argument("--seed", type=int, default=None, help="seed for reproducible runs")
    contract.add_argument("schemathesis_args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    contract.set_defaults(handler=cmd_contract)


def _find_config(explicit: str | None) -> Path:
    from specpipe.cli import UsageError

    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"no such configuration file: {explicit}")
        return path
    for folder in (Path.cwd(), *Path.cwd().parents):
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    raise UsageError(f"no {CONFIG_NAME} here or above; pass --config-file")


def _selected(document: dict[str, Any], args: argparse.Namespace) -> int:
    """How many operations of a bundled document the filters leave."""
    from specpipe.loader import iter_operations

    count = 0
    for path, method, operation, _ in iter_operations(document):
        operation_id = str(operation.get("operationId", ""))
        if args.read_only and method.upper() not in SAFE_METHODS:
            continue
        included = not (args.include_operation_id or args.include_path) or (
            operation_id in args.include_operation_id or path in args.include_path
        )
        excluded = operation_id in args.exclude_operation_id or path in args.exclude_path
        count += included and not excluded
    return count


def _targets(
    args: argparse.Namespace, documents: dict[str, dict[str, Any]], sandbox_url: str | None
) -> list[Target]:
    from specpipe.cli import UsageError

    bundled = Path(args.bundled_dir)
    known = sorted(documents)
    apis = list(dict.fromkeys(args.api)) or known
    for api in apis:
        if api not in known:
            raise UsageError(f"unknown API {api!r} (known: {', '.join(known)})")
    per_api: dict[str, str] = {}
    shared: str | None = sandbox_url
    for value in args.base_url:
        name, sep, url = value.partition("=")
        if sep and name in known:
            per_api[name] = url
        elif sandbox_url is None:
            shared = value
    if args.sandbox and args.base_url:
        raise UsageError("--sandbox and --base-url exclude each other")
    shared = shared or "http://127.0.0.1:8080"
    targets: list[Target] = []
    for api in apis:
        url = per_api.get(api)
        if url is None:
            url = shared if len(apis) == 1 and not args.sandbox else f"{shared.rstrip('/')}/{api}"
        if not _valid_base_url(url):
            raise UsageError(f"invalid base URL {url!r} (expected http(s)://host[:port][/path])")
        targets.append(Target(api, bundled / f"{api}.yaml", url.rstrip("/")))
    return targets


def _valid_base_url(url: str) -> bool:
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 - raises ValueError for a port that is not 0-65535
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _reachable(url: str) -> str | None:
    """None when a TCP connection to the URL's host opens, else why not."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname or "", port), timeout=5):
            return None
    except OSError as exc:
        return exc.strerror or str(exc)


def _schemathesis() -> list[str]:
    script = Path(sys.executable).parent / "schemathesis"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "schemathesis.cli"]


def _command(target: Target, args: argparse.Namespace, config: Path, junit: Path) -> list[str]:
    command = [*_schemathesis(), "--config-file", str(config), "run", str(target.spec)]
    command += ["--url", target.base_url]
    for operation_id in args.include_operation_id:
        command += ["--include-operation-id", operation_id]
    for operation_id in args.exclude_operation_id:
        command += ["--exclude-operation-id", operation_id]
    for path in args.include_path:
        command += ["--include-path", path]
    for path in args.exclude_path:
        command += ["--exclude-path", path]
    if args.read_only:
        for method in SAFE_METHODS:
            command += ["--include-method", method]
        # No stateful phase (its sequences start from writes) and no coverage phase (it probes
        # every path with undeclared methods such as DELETE, expecting 405).
        command += ["--phases", "examples,fuzzing"]
    if args.rate_limit:
        command += ["--rate-limit", args.rate_limit]
    if args.max_examples:
        command += ["--max-examples", str(args.max_examples)]
    if args.seed is not None:
        command += ["--seed", str(args.seed)]
    command += ["--report-junit-path", str(junit)]
    extra = list(args.schemathesis_args)
    if extra and extra[0] == "--":
        extra = extra[1:]
    return command + extra


def _toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string (ASCII, JSON escapes) is a TOML basic string


def _with_env(scheme: SchemeCredentials, env: dict[str, str]) -> str:
    """The scheme's template with each credential as a Schemathesis `${ENV}` placeholder."""
    from specpipe.credentials import PLACEHOLDER

    pieces = PLACEHOLDER.split(scheme.template)
    return "".join(
        "${" + env[piece] + "}" if index % 2 else piece.replace("${", "$${")
        for index, piece in enumerate(pieces)
    )


def auth_config(found: ApiCredentials) -> dict[str, dict[str, str]]:
    """`[auth.openapi.<scheme>]` members of every scheme of an API that Schemathesis can fill,
    each credential as the `${ENV}` placeholder of its environment variable."""
    env = found.env_of()
    sections: dict[str, dict[str, str]] = {}
    for scheme in found.schemes:
        value = _with_env(scheme, env)
        if scheme.type == "apiKey":
            sections[scheme.name] = {"api_key": value}
        elif scheme.http_scheme == "bearer":
            sections[scheme.name] = {"bearer": value}
        elif scheme.http_scheme == "basic":
            username, _, password = value.partition(":")
            sections[scheme.name] = {"username": username, "password": password}
    return sections


def run_config(project: str, found: ApiCredentials) -> str:
    """The project's configuration text plus the API's auth sections (a section the project
    already has for a scheme wins)."""
    import tomllib

    configured = tomllib.loads(project).get("auth", {}).get("openapi", {})
    lines = [project.rstrip("\n"), ""]
    added = {k: v for k, v in auth_config(found).items() if k not in configured}
    if added:
        lines += [
            f"# Auth of {found.api}, from its security schemes (x-credentials templates);",
            "# specpipe contract sets the variables from --credential or the environment.",
        ]
    for scheme, members in added.items():
        lines.append(f"[auth.openapi.{_toml_string(scheme)}]")
        lines += [f"{key} = {_toml_string(value)}" for key, value in members.items()]
        lines.append("")
    text = "\n".join(lines).rstrip("\n") + "\n"
    tomllib.loads(text)
    return text


def _credential_values(
    args: argparse.Namespace, found: dict[str, ApiCredentials], apis: list[str]
) -> dict[str, str]:
    """Environment variable → value of every credential of `apis`: `--credential`, else the
    environment, else (with --sandbox) the sandbox's local default."""
    from specpipe.cli import UsageError
    from specpipe.credentials import parse_assignments

    known = {c.env for item in found.values() for c in item.credentials}
    try:
        given = parse_assignments(args.credential, known)
    except ValueError as exc:
        raise UsageError(f"--credential: {exc}") from None
    values: dict[str, str] = {}
    missing: list[str] = []
    for api in apis:
        for credential in found[api].credentials if api in found else ():
            value = given.get(credential.env) or os.environ.get(credential.env)
            if not value and args.sandbox:
                value = credential.default
            if value:
                values[credential.env] = value
            else:
                missing.append(credential.env)
    if missing:
        raise UsageError(
            f"no value for the credential(s) {', '.join(missing)}: pass --credential NAME=VALUE "
            "or set the variable (the sandbox's local defaults are used only with --sandbox)"
        )
    return values


def failed_checks(junit: Path) -> list[str]:
    """`check (code)` for every failure code in a Schemathesis JUnit report (sorted, unique)."""
    from schemathesis.failure_codes import get_failure_class

    if not junit.is_file():
        return []
    found: set[str] = set()
    for failure in ElementTree.parse(junit).getroot().iter("failure"):
        for code in (c.strip() for c in failure.get("message", "").split(",")):
            kind = get_failure_class(code) if code else None
            names = getattr(kind, "checks", ()) if kind is not None else ()
            found.add(f"{'/'.join(names)} ({code})" if names else code or "error")
    return sorted(found)


def count_cases(junit: Path) -> tuple[int, int]:
    """(passed, failed) test cases (one per operation) of a Schemathesis JUnit report."""
    if not junit.is_file():
        return 0, 0
    passed = failed = 0
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        else:
            passed += 1
    return passed, failed


def merge_junit(parts: list[tuple[str, Path]], target: Path) -> None:
    """One `<testsuites>` holding the suites of every part, each named after its API."""
    root = ElementTree.Element("testsuites")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for api, part in parts:
        if not part.is_file():
            continue
        tree = ElementTree.parse(part).getroot()
        suites = [tree] if tree.tag == "testsuite" else list(tree.iter("testsuite"))
        for suite in suites:
            suite.set("name", api)
            for key in totals:
                totals[key] += int(suite.get(key, "0") or 0)
            root.append(suite)
    for key, value in totals.items():
        root.set(key, str(value))
    target.parent.mkdir(parents=True, exist_ok=True)
    ElementTree.ElementTree(root).write(target, encoding="utf-8", xml_declaration=True)


def _has_item_operations(document: dict[str, Any], api: str) -> bool:
    """Whether the spec has get/update/delete operations on one stored entity (the ones a
    server without seeded data answers only with 404)."""
    from specpipe.contract_hooks import seed_plan
    from specpipe.sandbox import SandboxSpecError

    try:
        return bool(seed_plan(api, document).targets)
    except (SandboxSpecError, KeyError):
        return False


def cmd_contract(args: argparse.Namespace) -> int:
    from specpipe.cli import UsageError
    from specpipe.contract_hooks import SEED_VARIABLE
    from specpipe.credentials import for_document
    from specpipe.sandbox import SandboxSpecError, create_app, load_bundled, run_in_thread

    extra = [a for a in args.schemathesis_args if a != "--"]
    if extra and args.schemathesis_args[0] != "--":
        raise UsageError(f"unrecognized arguments: {' '.join(args.schemathesis_args)}")
    config = _find_config(args.config_file)
    project = config.read_text(encoding="utf-8")
    try:
        tomllib.loads(project)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{config}: not valid TOML: {exc}") from None
    bundled = Path(args.bundled_dir)
    try:
        documents = load_bundled(bundled)
        found = {name: for_document(name, document) for name, document in documents.items()}
    except ValueError as exc:  # SandboxSpecError, IRError: a spec the command cannot read
        print(f"specpipe: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not documents:
        raise UsageError(f"no bundled spec under {bundled}/ (run `specpipe generate` first)")
    apis = list(dict.fromkeys(args.api)) or sorted(found)
    if args.print_config:
        if len(apis) != 1:
            raise UsageError("--print-config needs one API: pass --api NAME")
        _targets(args, documents, None)
        sys.stdout.write(run_config(project, found[apis[0]]))
        return EXIT_OK
    values = _credential_values(args, found, apis)
    sandbox = None
    if args.sandbox:
        try:
            sandbox = create_app(documents, db=":memory:", credentials=values)
        except SandboxSpecError as exc:
            print(f"specpipe: error: {exc}", file=sys.stderr)
            return EXIT_FAILED
    context = run_in_thread(sandbox) if sandbox is not None else nullcontext(None)
    scratch = Path(args.work_dir)
    try:
        scratch.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot write to --work-dir {scratch}: {exc.strerror}") from None
    with context as sandbox_url:
        targets = _targets(args, documents, sandbox_url)
        runnable = [t for t in targets if _selected(documents[t.api], args)]
        for skipped in sorted({t.api for t in targets} - {t.api for t in runnable}):
            print(f"skip  {skipped}  (no operation left by the filters)")
        if not runnable:
            raise UsageError("no operation to test: the filters leave none")
        if sandbox_url:
            print(f"sandbox  {sandbox_url}  (in-memory, stopped after the run)", flush=True)
        env = {**os.environ, **values}
        env.setdefault("PYTHONWARNINGS", "ignore")
        results: list[tuple[str, int, float, list[str]]] = []
        passed = failed = 0
        junit_parts: list[tuple[str, Path]] = []
        for target in runnable:
            problem = _reachable(target.base_url)
            if problem is not None:
                print(
                    f"specpipe: error: cannot reach {target.base_url}: {problem}", file=sys.stderr
                )
                results.append((target.api, EXIT_FAILED, 0.0, ["unreachable"]))
                failed += 1
                continue
            junit = scratch / f"{target.api}.junit.xml"
            run = scratch / f"{target.api}.toml"
            junit.unlink(missing_ok=True)
            run.write_text(run_config(project, found[target.api]), encoding="utf-8")
            junit_parts.append((target.api, junit))
            print(f"\n=== contract  {target.api}  {target.base_url}", flush=True)
            started = time.monotonic()
            # Against the sandbox, the hooks seed records from the spec's examples before the
            # fuzzing phase (see contract_hooks); another server's data is never written.
            run_env = {**env, SEED_VARIABLE: target.api} if sandbox_url else env
            code = subprocess.call(_command(target, args, run, junit), env=run_env)
            elapsed = time.monotonic() - started
            results.append((target.api, code, elapsed, failed_checks(junit) if code else []))
            api_passed, api_failed = count_cases(junit)
            if code != EXIT_OK and api_failed == 0:
                api_failed = 1  # the run failed without a failing case (a crash, a usage error)
            passed, failed = passed + api_passed, failed + api_failed
        if args.junit:
            merge_junit(junit_parts, Path(args.junit))
    print("\n=== contract summary")
    for api, code, seconds, checks in results:
        verdict = {EXIT_OK: "ok", EXIT_FAILED: "FAILED"}.get(code, f"ERROR (exit {code})")
        print(f"{verdict:<8} {api:<12} {seconds:6.1f} s  {', '.join(checks)}".rstrip())
    if args.junit:
        print(f"JUnit report: {args.junit}")
    print(f"Run files (configuration, JUnit per API): {scratch}/")
    unseeded = (
        []
        if sandbox_url
        else [api for api, *_ in results if _has_item_operations(documents[api], api)]
    )
    if unseeded:
        print(
            f"note: {', '.join(unseeded)}: nothing is seeded on a server this command did not "
            "start, so a 'returned only 404' warning there means no generated key named a "
            "stored entity; give keys as [[operations]] parameters in schemathesis.toml"
        )
    # The last line counts what ran, as a test runner's summary does (CI logs end with it).
    print(f"contract: {passed} passed, {failed} failed")
    codes = {code for _, code, _, _ in results}
    if codes <= {EXIT_OK}:
        return EXIT_OK
    return EXIT_USAGE if codes - {EXIT_OK} == {EXIT_USAGE} else EXIT_FAILED
