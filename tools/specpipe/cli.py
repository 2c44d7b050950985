"""The `specpipe` command line: validate, bundle and generate from the specs under `spec/`."""

from __future__ import annotations

import argparse
import gc
import importlib
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:  # the stages are imported when a command needs them: start-up stays fast
    from specpipe import ir
    from specpipe.errors import Finding
    from specpipe.loader import LoadedSpec

__all__ = ["UsageError", "api_name", "discover_apis", "main", "resolve_targets"]

# Subcommands that live in their own modules. Each module defines
# `register(commands, common) -> None` and keeps heavy imports inside its handlers, so that
# `specpipe --help` and the light commands stay fast.
EXTENSION_COMMANDS: tuple[str, ...] = (
    "specpipe.sandbox.cli",
    "specpipe.contract",
    "specpipe.docs",
    "specpipe.diff",
)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
ROOT_NAME = "openapi.yaml"


class UsageError(Exception):
    """A bad argument: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def discover_apis(spec_dir: Path) -> list[str]:
    """Every folder of `spec_dir` holding an `openapi.yaml` (sorted); `common` is shared files."""
    if not spec_dir.is_dir():
        return []
    return sorted(
        child.name
        for child in spec_dir.iterdir()
        if child.is_dir() and child.name != "common" and (child / ROOT_NAME).is_file()
    )


def _looks_like_path(argument: str) -> bool:
    return argument.endswith((".yaml", ".yml", ".json")) or "/" in argument or "\\" in argument


def api_name(text: str) -> str:
    """The API name of a spec given by path, from its file (or folder) name: letters, digits,
    ``.``, ``-``, ``_`` and spaces kept, any run of other characters (quotes, line breaks,
    shell or path punctuation) one ``-``. It names the output folders and every message."""
    return re.sub(r"[^\w.\- ]+", "-", text).strip("-. ") or "api"


def resolve_targets(args: argparse.Namespace) -> list[tuple[str, Path]]:
    """(api name, root document) for each argument: an API name under --spec-dir or a path."""
    spec_dir = Path(args.spec_dir)
    names: list[str] = list(args.targets)
    if not names:
        apis = discover_apis(spec_dir)
        if not apis:
            raise UsageError(f"no API found under {spec_dir}/ (expected <api>/{ROOT_NAME})")
        return [(api, spec_dir / api / ROOT_NAME) for api in apis]
    targets: list[tuple[str, Path]] = []
    for argument in names:
        path = Path(argument)
        if _looks_like_path(argument):
            if path.is_dir() and (path / ROOT_NAME).is_file():
                path = path / ROOT_NAME
            if not path.is_file():
                raise UsageError(f"no such file: {argument}")
            name = path.resolve().parent.name if path.name == ROOT_NAME else path.stem
            targets.append((api_name(name), path))
            continue
        root = spec_dir / argument / ROOT_NAME
        if not root.is_file():
            known = ", ".join(discover_apis(spec_dir)) or "none"
            raise UsageError(f"unknown API {argument!r} (no {root}; known: {known})")
        targets.append((argument, root))
    return targets


def _report(findings: list[Finding]) -> None:
    for finding in findings:
        print(finding, file=sys.stderr)


# at most this many warning lines per API from `bundle` and `generate` (`validate` prints all)
_WARNINGS_SHOWN = 20


def _is_api_of(root: Path, spec_dir: Path) -> bool:
    """Whether `root` is `<spec_dir>/<api>/openapi.yaml`, one of the project's own APIs."""
    absolute = root.resolve()
    return (
        absolute.name == ROOT_NAME
        and absolute.parent.name != "common"
        and absolute.parent.parent == spec_dir.resolve()
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _load_valid(name: str, root: Path, args: argparse.Namespace) -> LoadedSpec | None:
    """Load and validate one API; prints findings and a summary line. None when it has errors.

    An API of --spec-dir may refer to any file below --spec-dir and has every lint rule as an
    error; any other file refers only below its own folder and has the lint rules as warnings.
    A specpipe.toml above the file sets both (see `validate --help`). With --no-validate only
    the loader's checks apply (files, YAML/JSON, every $ref resolving).
    """
    from specpipe.errors import ERROR, LINT_RULE_NAMES, Finding, Location, SpecError
    from specpipe.loader import display_path, iter_operations, load_spec

    spec_dir = Path(args.spec_dir)
    ours = _is_api_of(root, spec_dir)
    skip = bool(getattr(args, "no_validate", False))
    try:
        spec = load_spec(root, root_dir=spec_dir if ours else None)
        if skip:
            findings = list(spec.ref_findings)
        else:  # openapi-spec-validator and jsonschema: imported only to validate
            from specpipe.validate import validate_spec

            findings = validate_spec(spec, default_level="error" if ours else "warn")
    except SpecError as exc:
        findings = exc.findings
    except OSError as exc:
        location = Location(display_path(root), 1, "")
        findings = [Finding(location, f"cannot read: {exc.strerror or exc}", "file")]
    errors = [f for f in findings if f.severity == ERROR]
    warnings = len(findings) - len(errors)
    shown: list[Finding] = []
    warned = 0
    for finding in findings:
        if finding.severity != ERROR:
            warned += 1
            if args.command != "validate" and warned > _WARNINGS_SHOWN:
                continue
        shown.append(finding)
    _report(shown)
    if len(shown) < len(findings):
        more = _plural(len(findings) - len(shown), "more warning")
        print(f"... {more} (specpipe validate lists them all)", file=sys.stderr)
    counts = [_plural(len(errors), "finding")] if errors else []
    if warnings:
        counts.append(_plural(warnings, "warning"))
    if errors:
        hint = ""
        if args.command != "validate" and all(
            f.rule == "oas" or f.rule in LINT_RULE_NAMES for f in errors
        ):
            hint = f"; {args.command} --no-validate skips validation"
        print(f"FAIL  {name}  ({', '.join(counts)}{hint})", file=sys.stderr)
        return None
    operations = len(list(iter_operations(spec.document)))
    counts.insert(0, _plural(operations, "operation"))
    if skip:
        counts.append("not validated")
    print(f"ok  {name}  ({', '.join(counts)})")
    return spec


def _write_bundle(spec: LoadedSpec, name: str, out_dir: Path) -> Path:
    from specpipe.bundle import write_bundle
    from specpipe.loader import display_path

    target = out_dir / f"{name}.yaml"
    changed = write_bundle(spec.document, target)
    print(f"{'wrote' if changed else 'unchanged'}  {display_path(target)}")
    # and its OpenAPI 3.0.3 rendering beside it, for tools that read only 3.0
    from specpipe.openapi30 import OpenAPI30Error, write_rendering

    try:
        rendering, changed = write_rendering(spec.document, target)
    except OpenAPI30Error as exc:
        raise UsageError(f"cannot render {name} as OpenAPI 3.0: {exc}") from exc
    print(f"{'wrote' if changed else 'unchanged'}  {display_path(rendering)}")
    return target


def _each_valid(
    args: argparse.Namespace,
    action: Callable[[str, LoadedSpec], None],
    skip: Callable[[str, Path], bool] = lambda name, root: False,
) -> int:
    status = EXIT_OK
    for name, root in resolve_targets(args):
        if skip(name, root):
            continue
        spec = _load_valid(name, root, args)
        if spec is None:
            status = EXIT_FINDINGS
            continue
        action(name, spec)
    return status


def cmd_validate(args: argparse.Namespace) -> int:
    return _each_valid(args, lambda name, spec: None)


def cmd_bundle(args: argparse.Namespace) -> int:
    out_dir = Path(args.out)

    def bundle(name: str, spec: LoadedSpec) -> None:
        _write_bundle(spec, name, out_dir)

    return _each_valid(args, bundle)


_NOTICES_SHOWN = 10  # warnings printed per API; the rest are counted


def _print_notices(name: str, api: ir.Api) -> None:
    """The IR's warnings (constructs typed loosely) and notes, one line each, capped."""
    for label, notices in (("warning", api.warnings), ("note", api.notes)):
        for notice in notices[:_NOTICES_SHOWN]:
            print(f"{label}  {name}  {notice}", file=sys.stderr)
        hidden = len(notices) - _NOTICES_SHOWN
        if hidden > 0:
            print(f"{label}  {name}  … and {hidden} more like these", file=sys.stderr)


class _Captured:
    """What one API's generation printed, in order: (stream, text) pairs."""

    def __init__(self) -> None:
        self.chunks: list[tuple[int, str]] = []

    def stream(self, which: int) -> _CapturedStream:
        return _CapturedStream(self, which)

    def replay(self) -> None:
        for which, text in self.chunks:
            (sys.stdout if which == 1 else sys.stderr).write(text)
        sys.stdout.flush()


class _CapturedStream:
    def __init__(self, into: _Captured, which: int) -> None:
        self._into, self._which = into, which

    def write(self, text: str) -> int:
        self._into.chunks.append((self._which, text))
        return len(text)

    def flush(self) -> None:
        pass


def _generate_one(
    args: argparse.Namespace, name: str, root: Path, parallel: bool = False
) -> tuple[_Captured, str, list[Path]]:
    """Load, validate and generate one API; (what it printed, outcome, the spec's files).
    The outcome is ``ok`` (the files: the root document, then every file read), ``invalid``
    (findings printed), ``failed`` (a generation error printed) or ``usage:<message>``.
    Runs in a worker process when several APIs generate."""
    import contextlib

    from specpipe import ir
    from specpipe.clients.go import GoToolchainError
    from specpipe.generate import generate_api

    captured = _Captured()
    with (
        contextlib.redirect_stdout(captured.stream(1)),
        contextlib.redirect_stderr(captured.stream(2)),
    ):
        spec = _load_valid(name, root, args)
        if spec is None:
            return captured, "invalid", []
        gc.freeze()  # the document lives until the end: the collector need not scan it again
        document = spec.document

        def build() -> ir.Api:
            api = ir.build(name, document)
            _print_notices(name, api)
            gc.freeze()  # and the IR (stage processes then share both without copying)
            return api

        try:
            outcome = generate_api(name, document, build, Path(args.out), parallel=parallel)
        except GoToolchainError as exc:
            return captured, f"usage:{exc}", []
        except ir.GenerationError as exc:
            print(f"specpipe: error: cannot generate {name}: {exc}", file=sys.stderr)
            return captured, "failed", []
        finally:
            gc.unfreeze()  # collectable again once this API is done
        count = len(outcome.changed) + len(outcome.removed)
        if count:
            print(f"generated  {name}  ({count} file{'s' if count != 1 else ''} changed)")
        else:
            print(f"unchanged  {name}")
        return captured, "ok", [spec.root, *spec.files]


def can_fork() -> bool:
    """Whether this process may fork workers: it has one thread (a lock another thread held
    would stay held in the child) and the system forks."""
    import os
    import threading

    return threading.active_count() == 1 and hasattr(os, "fork")


def _generate_one_star(
    job: tuple[argparse.Namespace, str, Path],
) -> tuple[_Captured, str, list[Path]]:
    return _generate_one(*job)


def cmd_generate(args: argparse.Namespace) -> int:
    """Generate each API whose inputs or outputs changed; with several to do on a machine of
    several cores, one worker process per API (at most one per core), printed in API order;
    with one, its stages in processes of their own."""
    import os

    from specpipe.cache import BuildCache
    from specpipe.generate import output_roots

    out_dir = Path(args.out)
    cache = BuildCache(Path(args.cache_dir), out_dir) if args.cache_dir else None
    todo: list[tuple[str, Path]] = []
    for name, root in resolve_targets(args):
        if cache is not None and cache.is_fresh(name, root, output_roots(out_dir, name)):
            print(f"unchanged  {name}")
            continue
        if cache is not None:
            cache.forget(name)
        todo.append((name, root))
    jobs = [(args, name, root) for name, root in todo]
    cores = os.cpu_count() or 1
    workers = min(len(jobs), cores)
    forkable = can_fork()
    if workers > 1 and forkable:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            results = list(pool.map(_generate_one_star, jobs))
    else:
        # one API (or no forking): its stages in processes of their own where that helps
        stages_apart = forkable and cores > 1 and len(jobs) == 1
        results = [_generate_one(*job, parallel=stages_apart) for job in jobs]
    status = EXIT_OK
    usage: str | None = None
    for (name, _), (captured, outcome, files) in zip(todo, results, strict=True):
        captured.replay()
        if outcome == "invalid" or outcome == "failed":
            status = EXIT_FINDINGS
        elif outcome.startswith("usage:"):
            usage = usage or outcome.removeprefix("usage:")
        elif cache is not None:
            cache.record(name, files[0], files[1:], output_roots(out_dir, name))
    if usage is not None:
        raise UsageError(usage)
    return status


_VALIDATE_HELP = """\
Check each spec and print every finding on one line:

  file:line: pointer: message [rule]             an error
  file:line: warning: pointer: message [rule]    a warning

Structural checks always give errors, which stop bundle and generate: every file reads
as YAML or JSON, every $ref resolves (to a file inside the spec's root folder; URLs are
never fetched) and openapi-spec-validator accepts the document.

The project's lint rules each have a level: error, warn (printed, does not fail) or
off (not checked). By default they are errors for an API of --spec-dir
(<spec-dir>/<api>/openapi.yaml) and warnings for any other file. A specpipe.toml in the
spec's folder, or in a folder above it, sets them for every spec below it:

  [lint]
  default = "warn"           # every rule not named below
  operation-tags = "off"
  example-valid = "error"

The folder holding specpipe.toml is also the specs' root folder: their $refs may reach
any file below it. Without one, an API of --spec-dir may reach files below --spec-dir,
and any other spec those below its own folder.

Exit status: 0 when no spec has an error (warnings alone pass), 1 otherwise, 2 on
usage errors.

{rules}.
"""
_NO_VALIDATE_HELP = (
    "skip openapi-spec-validator and the lint rules, for a spec that fails them; the files "
    "must still load and every $ref resolve"
)


CORE_COMMANDS = ("validate", "bundle", "generate")
# the command each module of EXTENSION_COMMANDS registers (tests/test_cli.py checks it)
COMMAND_MODULES = {
    "serve": "specpipe.sandbox.cli",
    "contract": "specpipe.contract",
    "docs": "specpipe.docs",
    "diff": "specpipe.diff",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; for a known `command` only the module that defines it is imported
    (none for `CORE_COMMANDS`), so that `generate` or `diff` does not pay for the sandbox's
    imports; for any other (`--help`, a typo) every command is there."""
    from specpipe.errors import LINT_RULE_NAMES

    parser = _Parser(
        prog="specpipe",
        description="Validate, bundle and generate code from the OpenAPI specs under spec/.",
    )
    common = _Parser(add_help=False)
    common.add_argument(
        "targets",
        nargs="*",
        metavar="API_OR_PATH",
        help="API name (a folder under --spec-dir holding openapi.yaml) or a path to a root "
        "YAML file; default: every API under --spec-dir",
    )
    common.add_argument(
        "--spec-dir", default="spec", help="folder holding one folder per API (default: spec)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    validate = commands.add_parser(
        "validate",
        parents=[common],
        help="check specs with openapi-spec-validator and the project's lint rules",
        description=_VALIDATE_HELP.format(
            rules=textwrap.fill(
                "Lint rules: " + ", ".join(LINT_RULE_NAMES), 88, break_on_hyphens=False
            )
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.set_defaults(handler=cmd_validate)

    bundle = commands.add_parser(
        "bundle",
        parents=[common],
        help="validate, then write each spec as one self-contained YAML document",
        description="Validate each spec, then write <out>/<api>.yaml and its OpenAPI 3.0.3 "
        "rendering <out>/<api>.openapi-3.0.yaml (only when they changed).",
    )
    bundle.add_argument(
        "--out", default="generated/bundled", help="output folder (default: generated/bundled)"
    )
    bundle.add_argument("--no-validate", action="store_true", help=_NO_VALIDATE_HELP)
    bundle.set_defaults(handler=cmd_bundle)

    generate = commands.add_parser(
        "generate",
        parents=[common],
        help="validate, bundle, and generate docs, models and clients",
        description="Validate and bundle each spec into <out>/bundled/<api>.yaml, then write "
        "the Markdown reference (<out>/docs/), the Python models and client "
        "(<out>/python/<api>/), and the TypeScript and Go clients (<out>/typescript/<api>/, "
        "<out>/go/<api>/). An API whose inputs and outputs are unchanged since the last run is "
        "skipped (see --cache-dir).",
    )
    generate.add_argument("--out", default="generated", help="output root (default: generated)")
    generate.add_argument(
        "--cache-dir",
        default=".cache/specpipe",
        help="where to remember what was generated, so unchanged APIs are skipped "
        "(default: .cache/specpipe; empty to always regenerate)",
    )
    generate.add_argument("--no-validate", action="store_true", help=_NO_VALIDATE_HELP)
    generate.set_defaults(handler=cmd_generate)

    if command in CORE_COMMANDS:
        modules: tuple[str, ...] = ()
    elif command in COMMAND_MODULES:
        modules = (COMMAND_MODULES[command],)
    else:
        modules = EXTENSION_COMMANDS
    for module_name in modules:
        importlib.import_module(module_name).register(commands, common)
    return parser


# Allocations between two youngest-generation collections of a batch command (Python's
# default is 700).
_GC_YOUNG_THRESHOLD = 50_000


def tune_collector() -> None:
    """Collect cyclic garbage less often, for a command that runs once and builds large
    structures (a parsed spec, its IR, a bundle's YAML nodes): with the default thresholds the
    collector scanned those again and again, a fifth of the CPU time of generating a 4 MB
    spec. The long-running server keeps the defaults."""
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(_GC_YOUNG_THRESHOLD, middle, oldest)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(next((a for a in arguments if not a.startswith("-")), None))
    try:
        args = parser.parse_args(arguments)
        handler: Callable[[argparse.Namespace], int] = args.handler
        if args.command != "serve":
            tune_collector()
        return handler(args)
    except UsageError as exc:
        print(f"specpipe: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # a file or folder that cannot be read or written
        where = f": {exc.filename}" if exc.filename else ""
        print(f"specpipe: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        print("specpipe: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
