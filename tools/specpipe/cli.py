"""The `specpipe` command line: validate, bundle and generate from the specs under `spec/`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:  # the stages are imported when a command needs them: start-up stays fast
    from specpipe.errors import Finding
    from specpipe.loader import LoadedSpec

__all__ = ["UsageError", "discover_apis", "main", "resolve_targets"]

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
            targets.append((name, path))
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


def _load_valid(name: str, root: Path) -> LoadedSpec | None:
    """Load and validate one API; prints findings and a summary line. None when invalid."""
    from specpipe.errors import Finding, Location, SpecError
    from specpipe.loader import display_path, load_spec
    from specpipe.validate import iter_operations, validate_spec

    try:
        spec = load_spec(root)
        findings = validate_spec(spec)
    except SpecError as exc:
        findings = exc.findings
    except OSError as exc:
        location = Location(display_path(root), 1, "")
        findings = [Finding(location, f"cannot read: {exc.strerror or exc}", "file")]
    if findings:
        _report(findings)
        count = len(findings)
        print(f"FAIL  {name}  ({count} finding{'s' if count != 1 else ''})", file=sys.stderr)
        return None
    operations = len(list(iter_operations(spec.document)))
    print(f"ok  {name}  ({operations} operation{'s' if operations != 1 else ''})")
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
        spec = _load_valid(name, root)
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


def _outputs(out_dir: Path, name: str) -> list[Path]:
    """Everything `generate` writes for one API."""
    from specpipe.openapi30 import rendering_path

    bundle = out_dir / "bundled" / f"{name}.yaml"
    return [
        bundle,
        rendering_path(bundle),
        out_dir / "docs" / f"{name}.md",
        out_dir / "python" / name,
        out_dir / "typescript" / name,
        out_dir / "go" / name,
    ]


def cmd_generate(args: argparse.Namespace) -> int:
    from specpipe.cache import BuildCache

    out_dir = Path(args.out)
    cache = BuildCache(Path(args.cache_dir), out_dir) if args.cache_dir else None

    def unchanged(name: str, root: Path) -> bool:
        if cache is None or not cache.is_fresh(name, root, _outputs(out_dir, name)):
            return False
        print(f"unchanged  {name}")
        return True

    failures: list[str] = []

    def generate(name: str, spec: LoadedSpec) -> None:
        from specpipe import ir
        from specpipe.clients.go import GoToolchainError, generate_go_client
        from specpipe.clients.python import generate_client, package_init
        from specpipe.clients.typescript import ClientGenerationError, generate_typescript_client
        from specpipe.docs import DocsError, write_markdown
        from specpipe.models import GenerationError, generate_models

        if cache is not None:
            cache.forget(name)
        _write_bundle(spec, name, out_dir / "bundled")
        try:
            api = ir.build(name, spec.document)
            write_markdown(spec.document, name, out_dir / "docs", api)
            python_dir = out_dir / "python" / name
            written = generate_models(
                spec.document, name, python_dir, package_init=package_init(api)
            )
            written += generate_client(api, python_dir)
            written += generate_typescript_client(api, out_dir / "typescript" / name)
            written += generate_go_client(api, out_dir / "go" / name)
        except GoToolchainError as exc:
            raise UsageError(str(exc)) from exc
        except (ir.IRError, DocsError, GenerationError, ClientGenerationError) as exc:
            failures.append(name)
            print(f"specpipe: error: cannot generate {name}: {exc}", file=sys.stderr)
            return
        print(f"generated  {name}  ({len(written)} file{'s' if len(written) != 1 else ''})")
        if cache is not None:
            cache.record(name, spec.root, spec.files, _outputs(out_dir, name))

    status = _each_valid(args, generate, skip=unchanged)
    return EXIT_FINDINGS if failures else status


def build_parser() -> argparse.ArgumentParser:
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
        description="Print every finding as file:line: pointer: message [rule]; "
        "exit 0 when clean, 1 on findings, 2 on usage errors.",
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
    generate.set_defaults(handler=cmd_generate)

    for module_name in EXTENSION_COMMANDS:
        importlib.import_module(module_name).register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        handler: Callable[[argparse.Namespace], int] = args.handler
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
