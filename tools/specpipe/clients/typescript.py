"""The TypeScript client of one API: ``generated/typescript/<api>/``.

Built from the intermediate representation (:mod:`specpipe.ir`); every identifier comes from
:mod:`specpipe.naming.typescript`, and the templates under ``templates/typescript/`` only
format the view prepared here. The package has no runtime dependency (global ``fetch``,
Node 20 or later): ``src/models.ts`` holds a type per schema and the mapping between camelCase
members and wire names, ``src/errors.ts`` the error classes, ``src/client.ts`` the client with
credentials, timeouts, retries and raw-response access.

Request bodies are sent as JSON only: an operation that also accepts XML offers its JSON media
types, and the README says so.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specpipe import credentials as creds
from specpipe import ir
from specpipe.bundle import write_if_changed
from specpipe.naming import typescript as ts
from specpipe.naming.common import Namespace
from specpipe.render import render

TYPESCRIPT_VERSION = "7.0.2"
NODE_ENGINE = ">=20"

# Header parameters OpenAPI says are ignored (the client sets them itself).
_IGNORED_HEADERS = frozenset(["accept", "content-type", "authorization"])
_DOC_WIDTH = 92


class ClientGenerationError(ValueError):
    """The document uses something this client cannot express; says where."""


def q(value: Any) -> str:
    """A TypeScript literal of a JSON value (strings double-quoted)."""
    return json.dumps(value, ensure_ascii=False)


def doc_lines(*parts: str) -> list[str]:
    """Lines of a TSDoc comment from text paragraphs (``*/`` escaped, blanks between)."""
    lines: list[str] = []
    for part in parts:
        text = part.strip().replace("*/", "*\\/")
        if not text:
            continue
        if lines:
            lines.append("")
        for line in text.splitlines():
            line = line.rstrip()
            if len(line) <= _DOC_WIDTH:
                lines.append(line)
                continue
            indent = re.match(r"\s*(?:[*-] )?", line)
            hanging = " " * len(indent.group(0)) if indent else ""
            lines.extend(textwrap.wrap(line, _DOC_WIDTH, subsequent_indent=hanging))
    return lines


# ------------------------------------------------------------------------------------ types


class Types:
    """TypeScript type expressions and wire codecs for the types of one API."""

    def __init__(self, api: ir.Api, names: Mapping[str, str]) -> None:
        self.api = api
        self.names = names  # schema name -> TypeScript type name
        self._mapped: dict[str, bool] = {}

    def schema_needs_mapping(self, name: str) -> bool:
        if name not in self._mapped:
            self._mapped[name] = False  # cycles: assume no until shown otherwise
            schema = self.api.schema(name)
            if schema.kind is ir.SchemaKind.OBJECT:
                result = True
            elif schema.kind is ir.SchemaKind.ALIAS and schema.alias_of is not None:
                result = self.needs_mapping(schema.alias_of)
            else:
                result = False
            self._mapped[name] = result
        return self._mapped[name]

    def needs_mapping(self, kind: ir.Type) -> bool:
        if kind.kind is ir.Kind.REF and kind.ref is not None:
            return self.schema_needs_mapping(kind.ref)
        if kind.kind in (ir.Kind.ARRAY, ir.Kind.MAP) and kind.items is not None:
            return self.needs_mapping(kind.items)
        if kind.kind is ir.Kind.UNION:
            return any(self.needs_mapping(v) for v in kind.variants)
        return False

    def codec(self, kind: ir.Type, prefix: str = "") -> str | None:
        """A codec expression converting values of ``kind``, or None when no mapping is needed."""
        if not self.needs_mapping(kind):
            return None
        if kind.kind is ir.Kind.REF and kind.ref is not None:
            return f"{prefix}codecs.ref({q(self.names[kind.ref])})"
        if kind.kind is ir.Kind.ARRAY and kind.items is not None:
            return f"{prefix}codecs.array({self.codec(kind.items, prefix)})"
        if kind.kind is ir.Kind.MAP and kind.items is not None:
            return f"{prefix}codecs.map({self.codec(kind.items, prefix)})"
        members = [self.codec(v, prefix) for v in kind.variants if self.needs_mapping(v)]
        return f"{prefix}codecs.union([{', '.join(m for m in members if m)}])"

    def ts(self, kind: ir.Type, prefix: str = "") -> str:
        """The TypeScript type of ``kind``; ``prefix`` qualifies schema names (``models.``)."""
        text = self._bare(kind, prefix)
        if kind.nullable and kind.kind not in (ir.Kind.NULL, ir.Kind.ANY) and text != "null":
            text = f"{text} | null"
        return text

    def _bare(self, kind: ir.Type, prefix: str) -> str:
        if kind.enum:
            return " | ".join(q(v) for v in kind.enum)
        if kind.kind in (ir.Kind.STRING,):
            return "string"
        if kind.kind in (ir.Kind.INTEGER, ir.Kind.NUMBER):
            return "number"
        if kind.kind is ir.Kind.BOOLEAN:
            return "boolean"
        if kind.kind is ir.Kind.ANY:
            return "unknown"
        if kind.kind is ir.Kind.NULL:
            return "null"
        if kind.kind is ir.Kind.REF and kind.ref is not None:
            return prefix + self.names[kind.ref]
        if kind.kind is ir.Kind.ARRAY and kind.items is not None:
            inner = self.ts(kind.items, prefix)
            return f"{inner}[]" if re.fullmatch(r"[\w.]+", inner) else f"Array<{inner}>"
        if kind.kind is ir.Kind.MAP and kind.items is not None:
            return f"Record<string, {self.ts(kind.items, prefix)}>"
        if kind.kind is ir.Kind.UNION:
            parts: list[str] = []
            for variant in kind.variants:
                text = self.ts(variant, prefix)
                if text not in parts:
                    parts.append(text)
            return " | ".join(parts) or "unknown"
        raise ClientGenerationError(f"unsupported type {kind.kind}")

    def format_note(self, kind: ir.Type) -> str:
        """A short note on the wire format of a value (``int64``, ``date-time``), or ""."""
        concrete = self.api.concrete(kind)
        return concrete.format or ""

    def example(self, kind: ir.Type, wire: Any, depth: int = 0) -> Any:
        """A wire example value in the client's (camelCase) form."""
        concrete = self.api.concrete(kind)
        if wire is None or depth > 8:
            return wire
        if concrete.kind is ir.Kind.REF and concrete.ref is not None:
            schema = self.api.schema(concrete.ref)
            if schema.kind is ir.SchemaKind.OBJECT and isinstance(wire, dict):
                members = object_members(schema)
                out: dict[str, Any] = {}
                for prop in schema.properties:
                    if prop.wire_name in wire:
                        out[members[prop.wire_name]] = self.example(
                            prop.type, wire[prop.wire_name], depth + 1
                        )
                return out
            return wire
        if concrete.kind is ir.Kind.ARRAY and concrete.items and isinstance(wire, list):
            return [self.example(concrete.items, item, depth + 1) for item in wire]
        return wire

    def placeholder(self, kind: ir.Type, depth: int = 0) -> Any:
        """A made-up value of ``kind`` for a usage example."""
        concrete = self.api.concrete(kind)
        if concrete.enum:
            return concrete.enum[0]
        if concrete.kind is ir.Kind.STRING:
            return {
                "date-time": "2024-01-31T12:00:00Z",
                "date": "2024-01-31",
                "uuid": "00000000-0000-0000-0000-000000000000",
            }.get(concrete.format or "", "string")
        if concrete.kind is ir.Kind.INTEGER:
            return 1
        if concrete.kind is ir.Kind.NUMBER:
            return 1.5
        if concrete.kind is ir.Kind.BOOLEAN:
            return True
        if concrete.kind is ir.Kind.ARRAY and concrete.items is not None:
            return [] if depth > 2 else [self.placeholder(concrete.items, depth + 1)]
        if concrete.kind is ir.Kind.REF and concrete.ref is not None:
            schema = self.api.schema(concrete.ref)
            if schema.kind is ir.SchemaKind.ENUM and schema.enum_values:
                return schema.enum_values[0]
            if schema.kind is ir.SchemaKind.OBJECT and depth <= 2:
                members = object_members(schema)
                return {
                    members[p.wire_name]: self.placeholder(p.type, depth + 1)
                    for p in schema.properties
                    if p.required and not p.read_only
                }
            return {}
        if concrete.kind is ir.Kind.UNION and concrete.variants:
            return self.placeholder(concrete.variants[0], depth)
        return None


def object_members(schema: ir.Schema) -> dict[str, str]:
    """wire name -> camelCase member of an object schema (collisions numbered in order)."""
    space = Namespace(ts.member_name)
    return {p.wire_name: space.claim(p.wire_name) for p in schema.properties}


def ts_literal(value: Any, indent: int = 0) -> str:
    """A value as a TypeScript literal: identifier keys bare, others quoted."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [
            f"{pad}  {ts.property_key(str(k))}: {ts_literal(v, indent + 1)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + f",\n{pad}}}"
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [f"{pad}  {ts_literal(v, indent + 1)}" for v in value]
        return "[\n" + ",\n".join(items) + f",\n{pad}]"
    return q(value)


# ------------------------------------------------------------------------------------ views


@dataclass
class MemberView:
    name: str
    key: str  # the member as an object key (always an identifier here)
    wire: str
    type: str
    optional: bool
    doc: list[str]
    codec: str | None


@dataclass
class SchemaView:
    name: str
    kind: str  # object, enum, alias
    doc: list[str]
    members: list[MemberView] = field(default_factory=list)
    enum_entries: list[tuple[str, str]] = field(default_factory=list)  # (key, literal)
    alias: str = ""
    codec: str | None = None  # registered codec expression (objects: fields; aliases: codec)
    to_wire: str = ""
    from_wire: str = ""


@dataclass
class ParamView:
    name: str
    wire: str
    location: str
    type: str
    optional: bool
    doc: list[str]
    client_option: str | None  # set from this client option when the call does not give it


@dataclass
class ResponseView:
    status: str
    envelope: str | None  # member holding the answer (success) or the problem (error)
    codec: str | None


@dataclass
class OperationView:
    method_name: str
    http_method: str
    path: str
    doc: list[str]
    params_type: str | None
    params_optional: bool
    params: list[ParamView]
    body_type: str | None
    body_optional: bool
    body_codec: str | None
    content_type: str | None
    accept: str
    result_type: str
    result_doc: str  # the result type as the README shows it (no module prefix)
    responses: list[ResponseView]
    security: list[list[str]]
    idempotent: bool
    example: str
    summary: str


@dataclass
class CredentialView:
    name: str
    doc: list[str]


@dataclass
class SchemeView:
    key: str  # quoted scheme name
    location: str  # header, query, cookie
    parameter: str  # quoted header/query/cookie name
    prefix: str  # quoted literal before the value ("Bearer ", "Basic ", "")
    base64: bool
    parts: list[tuple[bool, str]]  # (is credential, credential name or quoted literal)
    credentials: list[str]
    display: str  # for people: "`Authorization` header: `Bearer {bearerToken}`"


@dataclass
class GlobalHeaderView:
    name: str
    wire: str
    type: str
    doc: list[str]


def _schemes(api: ir.Api, options: Namespace) -> tuple[list[SchemeView], list[CredentialView]]:
    found = creds.for_api(api, tokens=True)  # mutualTLS: configured on the transport
    credentials: list[CredentialView] = []
    names: dict[str, str] = {}
    for credential in found.credentials:
        first = credential.schemes[0]
        names[credential.name] = options.claim(credential.name)
        what = f"Credential `{credential.name}` of the `{first}` security scheme."
        description = api.scheme(first).description
        credentials.append(
            CredentialView(names[credential.name], doc_lines(f"{what} {description}"))
        )
    schemes: list[SchemeView] = []
    for scheme in found.schemes:
        parts: list[tuple[bool, str]] = []
        if scheme.prefix and not scheme.base64:
            parts.append((False, q(scheme.prefix)))
        parts += [
            (True, names[text]) if is_credential else (False, q(text))
            for is_credential, text in scheme.segments()
        ]
        shown = "".join(
            "{" + text + "}" if is_credential else json.loads(text) for is_credential, text in parts
        )
        if scheme.base64:
            shown = f"{scheme.prefix}base64({shown})"
        schemes.append(
            SchemeView(
                key=q(scheme.name),
                location=scheme.location,
                parameter=q(scheme.parameter),
                prefix=q(scheme.prefix),
                base64=scheme.base64,
                parts=parts,
                credentials=[text for is_credential, text in parts if is_credential],
                display=f"`{scheme.parameter}` {scheme.location}: `{shown}`",
            )
        )
    return schemes, credentials


def _global_headers(api: ir.Api) -> list[ir.Parameter]:
    """Header parameters required on every operation, but those the client sets itself."""
    return [p for p in api.common_headers() if p.wire_name.lower() not in _IGNORED_HEADERS]


def _json_media(media_types: tuple[ir.MediaType, ...]) -> list[ir.MediaType]:
    return [m for m in media_types if m.is_json]


def _envelope(api: ir.Api, kind: ir.Type | None, role: str) -> tuple[str | None, ir.Type | None]:
    """(member, member type) when ``kind`` is an ``x-envelope`` schema, else (None, kind)."""
    if kind is None:
        return None, None
    concrete = api.concrete(kind)
    if concrete.kind is not ir.Kind.REF or concrete.ref is None:
        return None, kind
    schema = api.schema(concrete.ref)
    envelope = schema.extensions.get("x-envelope")
    if not isinstance(envelope, dict) or role not in envelope:
        return None, kind
    member = str(envelope[role])
    for prop in schema.properties:
        if prop.wire_name == member:
            return member, prop.type
    raise ClientGenerationError(
        f"{schema.pointer}: x-envelope names {role} member {member!r}, which is not a property"
    )


def _response_type(api: ir.Api, response: ir.Response) -> ir.Type | None:
    json_media = _json_media(response.media_types)
    if json_media:
        return json_media[0].type or ir.Type(ir.Kind.ANY, nullable=True)
    if response.media_types:
        return ir.Type(ir.Kind.STRING)
    return None


class _View:
    def __init__(self, api: ir.Api) -> None:
        self.api = api
        type_space = Namespace(ts.type_name, reserved=ts.EXPORTED)
        type_space.claim(ts.client_class(api.name))
        self.class_name = ts.client_class(api.name)
        names = {schema.name: type_space.claim(schema.name) for schema in api.schemas}
        self.types = Types(api, names)
        self.type_space = type_space
        self.schemas = [self._schema(s) for s in api.schemas]
        option_space = Namespace(ts.member_name, reserved=ts.CLIENT_OPTIONS)
        self.global_headers = [
            GlobalHeaderView(
                name=option_space.claim(p.wire_name),
                wire=p.wire_name,
                type=self.types.ts(p.type, "models."),
                doc=doc_lines(p.description),
            )
            for p in _global_headers(api)
        ]
        self.schemes, self.credentials = _schemes(api, option_space)
        method_space = Namespace(ts.method_name, reserved=ts.CLIENT_MEMBERS)
        self.operations = [self._operation(op, method_space) for op in api.operations]

    # schemas -----------------------------------------------------------------------

    def _schema(self, schema: ir.Schema) -> SchemaView:
        name = self.types.names[schema.name]
        doc = doc_lines(schema.title, schema.description)
        if schema.kind is ir.SchemaKind.OBJECT:
            members = object_members(schema)
            view = SchemaView(name, "object", doc)
            for prop in schema.properties:
                notes = []
                note = self.types.format_note(prop.type)
                if note:
                    notes.append(f"Format: `{note}`.")
                if prop.read_only:
                    notes.append("Set by the server (read-only).")
                if prop.has_default:
                    notes.append(f"Default: `{json.dumps(prop.default)}`.")
                view.members.append(
                    MemberView(
                        name=members[prop.wire_name],
                        key=members[prop.wire_name],
                        wire=prop.wire_name,
                        type=self.types.ts(prop.type),
                        optional=not prop.required,
                        doc=doc_lines(
                            prop.description,
                            f"Wire name: `{prop.wire_name}`. " + " ".join(notes),
                        )
                        + (["@deprecated"] if prop.deprecated else []),
                        codec=self.types.codec(prop.type),
                    )
                )
            view.to_wire = ts.to_wire_function(name)
            view.from_wire = ts.from_wire_function(name)
            return view
        if schema.kind is ir.SchemaKind.ENUM:
            view = SchemaView(name, "enum", doc)
            keys = Namespace(ts.enum_member)
            view.enum_entries = [(keys.claim(str(v)), q(v)) for v in schema.enum_values]
            return view
        alias = schema.alias_of or ir.Type(ir.Kind.ANY, nullable=True)
        view = SchemaView(name, "alias", doc, alias=self.types.ts(alias))
        view.codec = self.types.codec(alias)
        if view.codec is not None:
            view.to_wire = ts.to_wire_function(name)
            view.from_wire = ts.from_wire_function(name)
        return view

    # operations ----------------------------------------------------------------------

    def _operation(self, op: ir.Operation, methods: Namespace) -> OperationView:
        types = self.types
        global_wires = {g.wire.lower(): g for g in self.global_headers}
        members = Namespace(ts.member_name, reserved=("body",))
        params: list[ParamView] = []
        for param in op.parameters:
            if param.location == "cookie" or (
                param.location == "header" and param.wire_name.lower() in _IGNORED_HEADERS
            ):
                continue
            option = (
                global_wires.get(param.wire_name.lower()) if param.location == "header" else None
            )
            name = members.claim(param.wire_name)
            extra = f"Sent as the {param.location} parameter `{param.wire_name}`."
            if option is not None:
                extra += f" Defaults to the client option `{option.name}`."
            note = types.format_note(param.type)
            if note:
                extra += f" Format: `{note}`."
            params.append(
                ParamView(
                    name=name,
                    wire=param.wire_name,
                    location=param.location,
                    type=types.ts(param.type, "models."),
                    optional=not param.required or option is not None,
                    doc=doc_lines(param.description, extra)
                    + (["@deprecated"] if param.deprecated else []),
                    client_option=option.name if option is not None else None,
                )
            )
        body_type = body_codec = content_type = None
        body_optional = True
        if op.body is not None:
            json_media = _json_media(op.body.media_types)
            media = json_media[0] if json_media else op.body.media_types[0]
            body_optional = not op.body.required
            content_type = q(media.name)
            if media.is_json:
                kind = media.type or ir.Type(ir.Kind.ANY, nullable=True)
                body_type = types.ts(kind, "models.")
                body_codec = types.codec(kind, "models.")
            else:
                body_type = "string"
        responses: list[ResponseView] = []
        results: list[str] = []
        shown: list[str] = []
        accept: list[str] = []
        empty_success = False
        success_member: str | None = None
        for response in op.responses:
            role = "data" if response.is_success else "error"
            member, answer = _envelope(self.api, _response_type(self.api, response), role)
            if response.is_success:
                success_member = success_member or member
                if answer is None:
                    empty_success = True
                else:
                    text = types.ts(answer, "models.")
                    if text not in results:
                        results.append(text)
                        shown.append(types.ts(answer))
                for media in _json_media(response.media_types):
                    if media.name not in accept:
                        accept.append(media.name)
            responses.append(
                ResponseView(
                    status=q(response.status),
                    envelope=q(member) if member is not None else None,
                    codec=types.codec(answer, "models.") if answer is not None else None,
                )
            )
        if empty_success and results:
            results.append("undefined")
            shown.append("undefined")
        result_type = " | ".join(results) if results else "void"
        params_type: str | None = None
        has_params = bool(params) or body_type is not None
        params_optional = all(p.optional for p in params) and body_optional
        if has_params:
            params_type = self.type_space.claim(ts.params_type(op.operation_id))
        method_name = methods.claim(op.operation_id)
        doc = doc_lines(op.summary, op.description)
        if doc:
            doc.append("")
        if params_type is not None:
            doc += [
                "@param params - Parameters of the call" + (" and its body." if body_type else "."),
            ]
        doc.append("@param options - Per-request timeout, retries, headers and abort signal.")
        if result_type != "void":
            doc += [
                f"@returns The `{success_member}` member of the answer."
                if success_member
                else "@returns The decoded answer."
            ]
        if op.deprecated:
            doc += ["@deprecated"]
        return OperationView(
            method_name=method_name,
            http_method=op.method.upper(),
            path=q(op.path),
            doc=doc,
            params_type=params_type,
            params_optional=params_optional,
            params=params,
            body_type=body_type,
            body_optional=body_optional,
            body_codec=body_codec,
            content_type=content_type,
            accept=q(", ".join(accept) if accept else "application/json"),
            result_type=result_type,
            result_doc=" | ".join(shown) if shown else "void",
            responses=responses,
            security=[[q(name) for name in requirement] for requirement in op.security],
            idempotent=op.is_idempotent,
            example=self._example(op, method_name, params, body_type),
            summary=op.summary or op.operation_id,
        )

    def _example(
        self, op: ir.Operation, method: str, params: list[ParamView], body_type: str | None
    ) -> str:
        values: dict[str, Any] = {}
        by_wire = {(p.location, p.wire_name): p for p in op.parameters}
        for param in params:
            if param.optional:
                continue
            source = by_wire[(param.location, param.wire)]
            values[param.name] = self.types.placeholder(source.type)
        if body_type is not None and op.body is not None:
            json_media = _json_media(op.body.media_types)
            media = json_media[0] if json_media else op.body.media_types[0]
            kind = media.type or ir.Type(ir.Kind.ANY, nullable=True)
            if media.examples:
                wire = next(iter(media.examples.values()))
                values["body"] = self.types.example(kind, wire) if media.is_json else wire
            else:
                values["body"] = self.types.placeholder(kind)
        args = ts_literal(values) if values else ""
        return f"await client.{method}({args});"


# ------------------------------------------------------------------------------------ output


def render_files(api: ir.Api) -> dict[str, str]:
    """Relative path -> content of every file of the client of ``api``."""
    view = _View(api)
    base_url = (api.servers[0] if api.servers else ir.Server("/")).default_url()
    has_xml = any(
        m.is_xml for op in api.operations for m in (op.body.media_types if op.body else ())
    )
    context: dict[str, Any] = {
        "api": api,
        "view": view,
        "package": ts.package_name(api.name),
        "version": ts.package_version(api.version),
        "class_name": view.class_name,
        "base_url": q(base_url),
        "base_url_text": base_url,
        "has_xml": has_xml,
        "typescript_version": TYPESCRIPT_VERSION,
        "node_engine": NODE_ENGINE,
        "q": q,
        "doc_lines": doc_lines,
        "api_doc": doc_lines(api.title, api.summary),
    }
    files = {
        "package.json": "package.json.j2",
        "tsconfig.json": "tsconfig.json.j2",
        "README.md": "README.md.j2",
        "src/index.ts": "index.ts.j2",
        "src/models.ts": "models.ts.j2",
        "src/errors.ts": "errors.ts.j2",
        "src/client.ts": "client.ts.j2",
    }
    return {path: render("typescript", template, **context) for path, template in files.items()}


def generate_typescript_client(api: ir.Api, out_dir: Path) -> list[Path]:
    """Write the client of ``api`` under ``out_dir``; returns the files whose content changed."""
    return [
        out_dir / relative
        for relative, content in render_files(api).items()
        if write_if_changed(out_dir / relative, content)
    ]
