"""``specpipe diff``: load and check both revisions, compare, acknowledge, report."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from specpipe.diff.kinds import RULES
from specpipe.diff.report import (
    Acknowledgement,
    DiffError,
    apply_acknowledgements,
    compare,
    load_acknowledgements,
    render,
)
from specpipe.diff.stable import refs_in_text
from specpipe.errors import Finding, Location, SpecError
from specpipe.loader import LoadedSpec, join_pointer, resolve_pointer

__all__ = ["check_revision", "cmd_diff", "register", "usable_findings"]

EXIT_BROKEN = 2
_VERSION = re.compile(r"^3\.[01]\.\d+$")
_DATA_KEYS = frozenset({"example", "default", "enum", "const"})


def _as_is(file: str) -> str:
    return file


@dataclass
class _Pair:
    name: str
    old: Path
    new: Path
    ack: Path
    show_old: Callable[[str], str] = _as_is  # how the old revision's files are named


class _Broken(Exception):
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines


# the revisions --------------------------------------------------------------------------


def usable_findings(spec: LoadedSpec) -> list[Finding]:
    """What the comparison itself needs of a document, checked before any validator runs: an
    ``openapi`` version string 3.0.x or 3.1.x (the two dialects differ), and no ``$ref``
    that leads only to itself (a chain of references with no schema at its end)."""
    return _usable(spec)[0]


def _usable(spec: LoadedSpec) -> tuple[list[Finding], list[str]]:
    """The findings of :func:`usable_findings`, and every ``$ref`` string of the document."""
    document = spec.document
    findings: list[Finding] = []
    version = document.get("openapi")
    if not isinstance(version, str) or not _VERSION.match(version):
        shown = f"{version!r}, a {type(version).__name__}" if version is not None else "none"
        findings.append(
            Finding(
                spec.locate("/openapi"),
                f"`openapi` must be a version string 3.0.x or 3.1.x (got {shown})",
                "oas-version",
            )
        )
    # every "$ref" string, found in C (this runs on every revision of a 4 MB document); the
    # precise walk, which knows example data from references, runs only if a cycle shows
    refs = sorted(set(refs_in_text(document)))
    cycles = _cycles(document, [r for r in refs if r.startswith("#")])
    if cycles:
        holders = _holders(document)
        for chain in cycles:
            held = [r for r in chain if r in holders]
            if held:
                where = join_pointer(holders[held[0]], "$ref")
                message = f"$ref {held[0]!r} is cyclic: {' -> '.join(chain)} -> {chain[0]}"
                findings.append(Finding(spec.locate(where), message, "ref-cycle"))
    return findings, refs


def _cycles(document: Any, refs: list[str]) -> list[list[str]]:
    """The reference chains that come back to where they started (each loop once)."""
    verdict: dict[str, bool] = {}  # ref -> whether its chain ends at a schema
    loops: list[list[str]] = []
    for ref in refs:
        chain: list[str] = []
        current: str | None = ref
        while current is not None and current not in verdict and current not in chain:
            chain.append(current)
            try:
                target = resolve_pointer(document, current[1:])
            except (KeyError, ValueError):
                target = None  # a dangling ref: the validator names it
            following = target.get("$ref") if isinstance(target, dict) else None
            current = (
                following if isinstance(following, str) and following.startswith("#") else None
            )
        looped = current is not None and (current in chain or not verdict.get(current, True))
        for item in chain:
            verdict[item] = not looped
        if looped and current in chain:
            loops.append(chain[chain.index(current) :])
    return loops


def _holders(document: Any) -> dict[str, str]:
    """``$ref`` -> the pointer of the first node holding it (example data is not looked in)."""
    found: dict[str, str] = {}
    todo: list[tuple[Any, str, bool]] = [(document, "", False)]  # node, pointer, an Example?
    while todo:
        node, pointer, example = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                found.setdefault(ref, pointer)
            for key, value in node.items():
                # example and default values are data: a `$ref` in them refers to nothing
                if key in _DATA_KEYS or (example and key == "value"):
                    continue
                if key == "examples":
                    if isinstance(value, dict):  # a map of Example objects
                        base = join_pointer(pointer, key)
                        todo.extend((v, join_pointer(base, k), True) for k, v in value.items())
                    continue  # a list of examples (3.1 schemas): data
                if isinstance(value, (dict, list)):
                    todo.append((value, join_pointer(pointer, key), False))
        elif isinstance(node, list):
            todo.extend((v, join_pointer(pointer, i), False) for i, v in enumerate(node))
    return found


def _resolves(document: Any, ref: str) -> bool:
    if not ref.startswith("#"):
        return False
    try:
        resolve_pointer(document, ref[1:])
    except (KeyError, ValueError):
        return False
    return True


def _fingerprint(spec: LoadedSpec) -> str:
    """What decides the structural verdict: the bundled document and the validators."""
    import importlib.util
    from importlib import metadata

    digest = hashlib.sha256()
    for library in ("openapi-spec-validator", "openapi-schema-validator", "jsonschema"):
        try:
            digest.update(f"{library}=={metadata.version(library)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} absent;".encode())
    # the validator's own code, read without importing it (the import costs half a second)
    found = importlib.util.find_spec("specpipe.validate")
    if found is not None and found.origin:
        digest.update(Path(found.origin).read_bytes())
    text = json.dumps(spec.document, ensure_ascii=False, separators=(",", ":"), default=str)
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def check_revision(spec: LoadedSpec, validate: bool, cache_dir: Path | None) -> list[Finding]:
    """The findings that make ``spec`` unfit for comparison (none: go ahead).

    With ``validate``, the structural validation every consumer needs
    (``validate.structural_findings``: references resolve, openapi-spec-validator accepts
    the document), remembered per document content under ``cache_dir`` so that an
    unchanged base revision is validated once; without it, only what the comparison itself
    needs (references resolve, a known version, no reference cycle).
    """
    marker: Path | None = None
    if validate and cache_dir is not None and not spec.ref_findings:
        marker = cache_dir / "structurally-valid" / _fingerprint(spec)
        if marker.is_file():
            return []
    findings, refs = _usable(spec)
    if findings:
        return findings
    if not validate:
        # every reference resolves (the loader's findings first); the validator's rule names
        # the ones that do not, so it runs (and is imported) only when one may not
        if spec.ref_findings or not all(_resolves(spec.document, r) for r in refs):
            from specpipe.validate import ref_findings

            return ref_findings(spec)
        return []
    from specpipe.validate import structural_findings

    try:
        findings = structural_findings(spec)
    except RecursionError:
        location = Location(spec.locate("").file, 1, "")
        message = "openapi-spec-validator cannot check this document (nesting too deep)"
        return [Finding(location, message, "oas")]
    if not findings and marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass  # a cache that cannot be written only costs time next run
    return findings


def _prepare(
    path: Path, show: Callable[[str], str], validate: bool, cache_dir: Path | None
) -> LoadedSpec:
    from specpipe.loader import load_spec

    try:
        spec = load_spec(path)
    except SpecError as exc:
        raise _Broken([_relabel(f, show) for f in exc.findings]) from None
    except OSError as exc:
        raise DiffError(f"cannot read {path}: {exc.strerror or exc}") from None
    findings = check_revision(spec, validate, cache_dir)
    if findings:
        raise _Broken([_relabel(f, show) for f in findings])
    return spec


def _prepared(
    path: Path, show: Callable[[str], str], validate: bool, cache_dir: Path | None
) -> tuple[LoadedSpec | None, list[str]]:
    try:
        return _prepare(path, show, validate, cache_dir), []
    except _Broken as exc:
        return None, exc.lines


def _prepare_in_child(pair: _Pair, validate: bool, cache_dir: Path | None, send: Any) -> None:
    try:
        send.send(_prepared(pair.old, pair.show_old, validate, cache_dir))
    except BaseException:  # the parent then prepares the old revision itself
        pass
    finally:
        send.close()


def _prepare_both(
    pair: _Pair, validate: bool, cache_dir: Path | None
) -> tuple[LoadedSpec | None, LoadedSpec | None, list[str]]:
    """Both revisions loaded and checked, and the findings of the broken ones. On a machine
    of several cores, from a process of one thread, the old revision is prepared in a forked
    process while this one prepares the new (loading and validating are most of a diff's
    time); a child that does not answer (or whose revision does not pickle) costs only the
    time: the old revision is then prepared here."""
    from specpipe.cli import can_fork

    receive = process = None
    if (os.cpu_count() or 1) > 1 and can_fork():
        import multiprocessing

        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        process = context.Process(
            target=_prepare_in_child, args=(pair, validate, cache_dir, send), daemon=True
        )
        process.start()
        send.close()
    try:
        new, new_lines = _prepared(pair.new, _as_is, validate, cache_dir)
        answer = None
        if receive is not None:
            try:
                answer = receive.recv()
            except (EOFError, OSError):
                answer = None
    finally:
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join()
    old, old_lines = (
        answer if answer is not None else _prepared(pair.old, pair.show_old, validate, cache_dir)
    )
    return old, new, old_lines + new_lines


def _relabel(finding: Finding, show: Callable[[str], str]) -> str:
    file = show(finding.location.file)
    return str(replace(finding, location=replace(finding.location, file=file)))


def _shown_as(folder: Path, label: str) -> Callable[[str], str]:
    """Name the files extracted to ``folder`` as ``label`` + their path below it."""
    from specpipe.loader import display_path

    prefix = display_path(folder)

    def show(file: str) -> str:
        return label + file[len(prefix) :].lstrip("/") if file.startswith(prefix) else file

    return show


# git --------------------------------------------------------------------------------------


def _git(*args: str) -> str:
    try:
        result = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    except OSError as exc:
        raise DiffError(f"cannot run git: {exc.strerror or exc}") from None
    if result.returncode != 0:
        message = (result.stderr.strip().splitlines() or ["failed"])[-1]
        raise DiffError(f"git {' '.join(args)}: {message}")
    return result.stdout


def _checkout_spec_dir(ref: str, spec_dir: Path, into: Path) -> tuple[Path, str]:
    """``spec_dir`` as of ``ref`` (via ``git archive``), extracted under ``into``; and its
    path relative to the repository."""
    import io
    import tarfile

    top = Path(_git("rev-parse", "--show-toplevel").strip())
    try:
        _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except DiffError:
        raise DiffError(f"no such git ref: {ref}") from None
    try:
        relative = spec_dir.resolve().relative_to(top).as_posix()
    except ValueError:
        raise DiffError(f"{spec_dir} is not inside the git repository {top}") from None
    try:
        data = subprocess.run(
            ["git", "archive", "--format=tar", ref, relative],
            capture_output=True,
            check=False,
            cwd=top,
        )
    except OSError as exc:
        raise DiffError(f"cannot run git: {exc.strerror or exc}") from None
    if data.returncode != 0:
        raise DiffError(f"{relative}/ does not exist at {ref}")
    with tarfile.open(fileobj=io.BytesIO(data.stdout)) as archive:
        archive.extractall(into, filter="data")
    return into / relative, relative


# the command ------------------------------------------------------------------------------


def _kinds_table() -> str:
    lines = ["| kind | breaking | why |", "|---|---|---|"]
    for kind in RULES.values():
        lines.append(f"| `{kind.name}` | {'yes' if kind.breaking else 'no'} | {kind.rule} |")
    return "\n".join(lines)


def _pairs(args: argparse.Namespace, tmp: Path) -> list[_Pair]:
    from specpipe.cli import UsageError, discover_apis

    if args.old is not None or args.new is not None:
        if args.base is not None:
            raise UsageError("give either --base or --old/--new files, not both")
        if args.old is None or args.new is None or args.targets:
            raise UsageError("--old needs --new (two files), and no API names")
        old, new = Path(args.old), Path(args.new)
        for path in (old, new):
            if not path.is_file():
                raise UsageError(f"no such file: {path}")
        ack = Path(args.ack) if args.ack else new.parent / "breaking-changes.yaml"
        name = new.parent.name if new.name == "openapi.yaml" else new.stem
        return [_Pair(name, old, new, ack)]
    if args.base is None:
        raise UsageError("give --base REF, or --old FILE --new FILE")
    spec_dir = Path(args.spec_dir)
    apis = list(args.targets) or discover_apis(spec_dir)
    if not apis:
        raise UsageError(f"no API found under {spec_dir}/")
    for api in apis:
        if not (spec_dir / api / "openapi.yaml").is_file():
            raise UsageError(f"unknown API {api!r} (no {spec_dir / api / 'openapi.yaml'})")
    old_dir, relative = _checkout_spec_dir(args.base, spec_dir, tmp)
    show = _shown_as(old_dir, f"{args.base}:{relative}/")
    return [
        _Pair(
            api,
            old_dir / api / "openapi.yaml",
            spec_dir / api / "openapi.yaml",
            Path(args.ack) if args.ack else spec_dir / api / "breaking-changes.yaml",
            show,
        )
        for api in apis
    ]


def cmd_diff(args: argparse.Namespace) -> int:
    from specpipe.cli import UsageError

    if args.list_kinds:
        print(_kinds_table())
        return 0
    if args.ack and not Path(args.ack).is_file():
        raise UsageError(f"no such acknowledgement file: {args.ack}")
    cache_dir = Path(args.cache_dir) if args.cache_dir else None
    validate = not args.no_validate
    reports: list[str] = []
    documents: list[dict[str, Any]] = []
    unacknowledged = 0
    broken: list[str] = []
    acks: dict[Path, list[Acknowledgement]] = {}
    used: set[Acknowledgement] = set()
    with tempfile.TemporaryDirectory(prefix="specpipe-diff-") as tmp:
        try:
            pairs = _pairs(args, Path(tmp))
            for pair in pairs:
                if not pair.old.is_file():
                    note = f"{pair.name}: new API (not present at the base)"
                    reports.append(
                        note if args.format != "markdown" else f"### `{pair.name}`: new API"
                    )
                    continue
                old, new, lines = _prepare_both(pair, validate, cache_dir)
                broken += lines
                if old is None or new is None:
                    continue
                changes = compare(old, new, old_file=pair.show_old)
                if pair.ack not in acks:
                    acks[pair.ack] = load_acknowledgements(pair.ack)
                used |= apply_acknowledgements(changes, acks[pair.ack])
                unacknowledged += sum(1 for c in changes if c.breaking and c.acknowledged is None)
                if args.format == "json":
                    documents.append(json.loads(render(pair.name, changes, "json")))
                else:
                    reports.append(render(pair.name, changes, args.format))
        except DiffError as exc:
            raise UsageError(str(exc)) from None
    if broken:
        for line in broken:
            print(line, file=sys.stderr)
        hint = "" if args.no_validate else " (--no-validate skips openapi-spec-validator)"
        print(
            f"specpipe: error: cannot compare: {len(broken)} finding(s) in the revisions{hint}",
            file=sys.stderr,
        )
        return EXIT_BROKEN
    stale = [a for entries in acks.values() for a in entries if a not in used]
    level = "error" if args.strict_acks else "warning"
    for entry in stale:
        print(
            f"specpipe: {level}: {entry.file}:{entry.line}: acknowledgement of {entry.kind} at "
            f"{entry.pointer} matches no reported change (remove it) [ack-stale]",
            file=sys.stderr,
        )
    if args.format == "json":
        print(
            json.dumps(
                {
                    "breaking": unacknowledged,
                    "stale_acknowledgements": [
                        {"kind": a.kind, "pointer": a.pointer, "location": f"{a.file}:{a.line}"}
                        for a in stale
                    ],
                    "apis": documents,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        if args.format == "markdown":
            print("## Breaking-change report\n")
        print("\n\n".join(reports))
    if unacknowledged or (stale and args.strict_acks):
        return 1
    return 0


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    diff = commands.add_parser(
        "diff",
        parents=[common],
        help="compare two revisions of a spec and classify every change",
        description="Compare the working tree's specs with a git ref (--base REF [API...]) or "
        "two files (--old FILE --new FILE). Both revisions are validated first "
        "(references resolve, openapi-spec-validator accepts them). Exit 0 when nothing "
        "breaking is left unacknowledged, 1 when a breaking change is not listed in the "
        "acknowledgement file (spec/<api>/breaking-changes.yaml or --ack), or with "
        "--strict-acks when an acknowledgement matches nothing; 2 on usage errors and "
        "broken revisions.",
    )
    diff.add_argument("--base", help="git ref to compare the working tree with")
    diff.add_argument("--old", help="old root document (with --new)")
    diff.add_argument("--new", help="new root document (with --old)")
    diff.add_argument("--ack", help="acknowledgement file (default: next to the new spec)")
    diff.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="report format"
    )
    diff.add_argument(
        "--no-validate",
        action="store_true",
        help="compare revisions openapi-spec-validator rejects but that are usable: every "
        "reference must still resolve, and `openapi` must name 3.0.x or 3.1.x",
    )
    diff.add_argument(
        "--strict-acks",
        action="store_true",
        help="an acknowledgement that matches no reported change is an error (exit 1), "
        "not a warning",
    )
    diff.add_argument(
        "--cache-dir",
        default=".cache/specpipe",
        help="where to remember documents that passed validation, so an unchanged revision "
        "is validated once (default: .cache/specpipe; empty to validate every time)",
    )
    diff.add_argument(
        "--list-kinds",
        action="store_true",
        help="print every change kind, whether it is breaking, and why; then exit",
    )
    diff.set_defaults(handler=cmd_diff)
