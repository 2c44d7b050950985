"""The TypeScript client of one API: ``generated/typescript/<api>/``.

Built from the intermediate representation (:mod:`specpipe.ir`), rendering the SDK decisions of
:mod:`specpipe.sdk`; every identifier comes from :mod:`specpipe.naming.typescript`, every piece
of spec text reaches the code through :mod:`specpipe.escape` (the ``typescript`` target is
strict: templates print only escaped or chosen text), and the templates under
``templates/typescript/`` only format the views prepared here.

The package has no runtime dependency (the global ``fetch``, Node 20 or later, or a browser):

* ``src/models.ts``: a type per schema, with members in camelCase, and ``SCHEMAS``, the shape
  of every type as the runtime reads it (wire names, XML hints, constraints);
* ``src/runtime.ts``: the same file in every package: codecs between camelCase values and
  the wire (JSON, XML, forms, multipart, bytes), lenient and strict decoding, the transport;
* ``src/errors.ts``: the error classes of :data:`specpipe.sdk.ERROR_CLASSES`;
* ``src/client.ts``: the client class, one method per operation;
* ``dist/``: the same compiled by the project's pinned TypeScript (``tsc --strict``), so a
  plain ``npm install <folder>`` gives a working package without a build step, and the
  compilation doubles as the strict check of what was generated.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from specpipe import credentials as creds
from specpipe import escape, ir, sdk
from specpipe.bundle import write_if_changed
from specpipe.escape import Code
from specpipe.ir import Codec, Kind, SchemaKind
from specpipe.naming import typescript as ts
from specpipe.naming.common import Namespace
from specpipe.render import TEMPLATES, render

__all__ = [
    "TypeScriptGenerationError",
    "code_sample",
    "generate_typescript",
    "render_files",
]

TYPESCRIPT_VERSION = "7.0.2"  # the root package.json's; compiles dist/
NODE_ENGINE = ">=20"
ROOT = Path(__file__).resolve().parents[3]

# Header parameters OpenAPI says are ignored (the client sets them itself).
_IGNORED_HEADERS = frozenset(["accept", "content-type", "authorization"])
_DOC_WIDTH = 96
_MAX_DEPTH = 48


class TypeScriptGenerationError(ir.GenerationError):
    """The TypeScript package cannot be generated (the message says where and why)."""


@cache
def _ts_str(text: str) -> Code:
    """``escape.typescript.string``, remembered (wire names and refs repeat a lot)."""
    return escape.typescript.string(text)


def literal(value: Any, depth: int = 0) -> Code:
    """A JSON value (an enum value, a default, an example) as a TypeScript expression."""
    if depth > _MAX_DEPTH:
        return Code("null")
    if value is None:
        return Code("null")
    if value is True or value is False:
        return Code("true" if value else "false")
    if isinstance(value, int):
        return Code(str(value))
    if isinstance(value, float):
        if math.isnan(value):
            return Code("Number.NaN")
        if math.isinf(value):
            return Code("Number.POSITIVE_INFINITY" if value > 0 else "Number.NEGATIVE_INFINITY")
        return Code(repr(value))
    if isinstance(value, str):
        return _ts_str(value)
    if isinstance(value, Mapping):
        items = [f"{_ts_str(str(k))}: {literal(v, depth + 1)}" for k, v in value.items()]
        return Code("{ " + ", ".join(items) + " }" if items else "{}")
    if isinstance(value, (list, tuple)):
        return Code("[" + ", ".join(literal(v, depth + 1) for v in value) + "]")
    return _ts_str(str(value))  # a date YAML read as such: its text


def _literal_type(value: Any) -> str | None:
    """A value as a literal type, or None when it has none (an object, a non-finite number)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (Mapping, list, tuple)):
        return None
    return literal(value)


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _strings(texts: Iterable[str]) -> str:
    """A TypeScript array literal of strings."""
    return "[" + ", ".join(_ts_str(text) for text in texts) + "]"


def doc_lines(*parts: str) -> list[Code]:
    """Lines of a TSDoc comment from paragraphs of spec text (escaped, blank line between)."""
    lines: list[Code] = []
    for part in parts:
        if not part or not part.strip():
            continue
        if lines:
            lines.append(Code(""))
        lines.extend(_paragraph(part.strip()))
    return lines


@cache
def _paragraph(text: str) -> tuple[Code, ...]:
    """The escaped, wrapped lines of one paragraph (descriptions repeat in large specs)."""
    return tuple(Code(w) for line in escape.typescript.jsdoc(text).split("\n") for w in _wrap(line))


def _wrap(line: str) -> list[str]:
    """A long line broken at spaces (greedy) to ``_DOC_WIDTH``; a word longer stays whole."""
    if len(line) <= _DOC_WIDTH:
        return [line]
    out: list[str] = []
    current = ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > _DOC_WIDTH:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return out


def jsdoc(lines: Iterable[str], indent: str = "") -> Code:
    """A ``/** … */`` block (with a final newline) of escaped lines, or nothing."""
    body = list(lines)
    if not body:
        return Code("")
    inner = "".join(f"{indent} *{' ' + line if line else ''}\n" for line in body)
    return Code(f"{indent}/**\n{inner}{indent} */\n")


def _md(text: str) -> Code:
    return escape.markdown.inline(text)


# ------------------------------------------------------------------------------ types


class Types:
    """TypeScript types and runtime shapes of the IR types of one API."""

    def __init__(self, api: ir.Api, names: Mapping[str, str]) -> None:
        self.api = api
        self.names = names  # schema name -> TypeScript type name
        # renderings by value (equal types share one), and by identity in front of that (the
        # types of the Api live as long as this object, so an id is never reused meanwhile)
        self._ts: dict[tuple[object, str], Code] = {}
        self._shapes: dict[object, Code] = {}
        self._ts_by_id: dict[tuple[int, str], Code] = {}
        self._shapes_by_id: dict[int, Code] = {}
        self._formats: dict[str, str] = {}

    def ts(self, kind: ir.Type, prefix: str = "") -> Code:
        """The TypeScript type of ``kind``; ``prefix`` qualifies type names (``models.``)."""
        fast = (id(kind), prefix)
        found = self._ts_by_id.get(fast)
        if found is None:
            key = (_key(kind), prefix)
            found = self._ts.get(key)
            if found is None:
                found = self._ts[key] = Code(self._type(kind, prefix, 0))
            self._ts_by_id[fast] = found
        return found

    def _type(self, kind: ir.Type, prefix: str, depth: int) -> str:
        text = self._bare(kind, prefix, depth)
        if kind.nullable and text not in ("unknown", "null") and not text.endswith("| null"):
            text = f"{text} | null"
        return text

    def _bare(self, kind: ir.Type, prefix: str, depth: int) -> str:
        if depth > _MAX_DEPTH:
            return "unknown"
        if kind.enum is not None and kind.kind is not Kind.ARRAY:
            literals = [_literal_type(v) for v in kind.enum]
            if not literals or any(t is None for t in literals):
                return "unknown"
            return " | ".join(dict.fromkeys(str(t) for t in literals))
        match kind.kind:
            case Kind.STRING:
                return "rt.BinaryBody | string" if kind.is_binary else "string"
            case Kind.INTEGER | Kind.NUMBER:
                return "number"
            case Kind.BOOLEAN:
                return "boolean"
            case Kind.ANY:
                return "unknown"
            case Kind.NULL:
                return "null"
            case Kind.REF:
                return prefix + self.names[kind.ref or ""]
            case Kind.ARRAY:
                inner = self._type(kind.items or ir.Type(Kind.ANY), prefix, depth + 1)
                return f"{inner}[]" if inner.replace(".", "").isidentifier() else f"Array<{inner}>"
            case Kind.MAP:
                inner = self._type(kind.items or ir.Type(Kind.ANY), prefix, depth + 1)
                return f"Record<string, {inner}>"
            case Kind.UNION:
                parts = dict.fromkeys(self._type(v, prefix, depth + 1) for v in kind.variants)
                if "unknown" in parts:
                    return "unknown"
                return " | ".join(parts) or "unknown"
        raise TypeScriptGenerationError(f"unsupported type {kind.kind}")

    def shape(self, kind: ir.Type) -> Code:
        """The runtime shape of ``kind`` (a builder expression of ``rt.s``)."""
        found = self._shapes_by_id.get(id(kind))
        if found is None:
            key = _key(kind)
            found = self._shapes.get(key)
            if found is None:
                found = self._shapes[key] = Code(self._shape(kind, 0))
            self._shapes_by_id[id(kind)] = found
        return found

    def _shape(self, kind: ir.Type, depth: int) -> str:
        if depth > _MAX_DEPTH:
            return "s.any()"
        options: list[str] = []
        if kind.nullable and kind.kind not in (Kind.ANY, Kind.NULL):
            options.append("n: true")
        if kind.enum is not None and kind.kind is not Kind.ARRAY:
            options.append(f"e: {literal(list(kind.enum))}")
        if kind.format and kind.kind in (Kind.STRING, Kind.INTEGER, Kind.NUMBER):
            options.append(f"f: {_ts_str(kind.format)}")
        constraints = [f"{key}: {literal(value)}" for key, value in kind.constraints.items()]
        if constraints:
            options.append("c: { " + ", ".join(constraints) + " }")
        extra = "{ " + ", ".join(options) + " }" if options else ""
        match kind.kind:
            case Kind.STRING:
                return f"s.{'bin' if kind.is_binary else 'str'}({extra})"
            case Kind.INTEGER:
                return f"s.int({extra})"
            case Kind.NUMBER:
                return f"s.num({extra})"
            case Kind.BOOLEAN:
                return f"s.bool({extra})"
            case Kind.NULL:
                return "s.nul()"
            case Kind.ANY:
                return f"s.any({extra})"
            case Kind.REF:
                return (
                    f"s.ref({_ts_str(self.names[kind.ref or ''])}{', ' + extra if extra else ''})"
                )
            case Kind.ARRAY | Kind.MAP:
                items = self._shape(kind.items or ir.Type(Kind.ANY, nullable=True), depth + 1)
                builder = "arr" if kind.kind is Kind.ARRAY else "map"
                return f"s.{builder}({items}{', ' + extra if extra else ''})"
            case Kind.UNION:
                variants = ", ".join(self._shape(v, depth + 1) for v in kind.variants)
                if kind.discriminator is not None:
                    mapping = ", ".join(
                        f"{_ts_str(value)}: {_ts_str(self.names[schema])}"
                        for value, schema in kind.discriminator.mapping
                        if schema in self.names
                    )
                    prop = _ts_str(kind.discriminator.property)
                    options.append(
                        f"d: [{prop}, {{ {mapping} }}]" if mapping else f"d: [{prop}, {{}}]"
                    )
                    extra = "{ " + ", ".join(options) + " }"
                return f"s.union([{variants}]{', ' + extra if extra else ''})"
        raise TypeScriptGenerationError(f"unsupported type {kind.kind}")

    def format_note(self, kind: ir.Type) -> str:
        """The ``format`` of a type, through aliases (``int64``, ``date-time``), or ""."""
        if kind.kind is not Kind.REF or kind.ref is None:
            return kind.format or ""
        found = self._formats.get(kind.ref)
        if found is None:
            found = self._formats[kind.ref] = self.api.concrete(kind).format or ""
        return found


def _key(kind: ir.Type) -> object:
    """A dictionary key of a type: the type itself (equal types share their rendering), or
    its identity when it holds an unhashable enum value (an object)."""
    try:
        hash(kind)
    except TypeError:
        return id(kind)
    return kind


def _xml_hints(hints: Mapping[str, Any] | None) -> str:
    """An ``xml`` object as a TypeScript literal of the runtime's ``XmlHints``."""
    if not hints:
        return ""
    parts: list[str] = []
    for key in ("name", "namespace", "prefix"):
        if isinstance(hints.get(key), str):
            parts.append(f"{key}: {_ts_str(hints[key])}")
    for key in ("attribute", "wrapped"):
        if hints.get(key) is True:
            parts.append(f"{key}: true")
    return "{ " + ", ".join(parts) + " }" if parts else ""


# ------------------------------------------------------------------------------ views


@dataclass
class MemberView:
    name: str
    type: Code
    optional: bool
    doc: Code


@dataclass
class SchemaView:
    name: str
    kind: str  # object, closed, enum, alias
    doc: Code
    shape: Code
    members: list[MemberView] = field(default_factory=list)
    enum_type: Code = field(default_factory=Code)
    enum_entries: list[tuple[str, Code]] = field(default_factory=list)  # (key, literal)
    alias: Code = field(default_factory=Code)


@dataclass
class ParamView:
    name: str
    wire: str
    location: str
    type: Code
    optional: bool
    doc: Code
    entry: Code  # the runtime's Parameter tuple


@dataclass
class OperationView:
    method: str
    doc: Code
    params_type: str | None
    params_optional: bool
    params: list[ParamView]
    body_type: Code | None
    body_optional: bool
    body_doc: Code
    content_types: Code | None  # the union of the media types a body may be sent as
    result_type: Code
    table: Code  # the runtime's Operation literal
    result_md: Code  # `Promise<…>` for the README
    sample: Code
    summary: Code
    http: Code  # "GET /path" for the README


@dataclass
class OptionView:
    name: str
    type: Code
    doc: Code


def _schema_doc(schema: ir.Schema) -> list[Code]:
    lines = doc_lines(schema.title, schema.description)
    if schema.deprecated:
        lines += [Code(""), Code("@deprecated")] if lines else [Code("@deprecated")]
    return lines


class _Package:
    """Names and views of one API's package."""

    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.warnings = list(api.warnings)
        exported = ts.namespace_of_types()
        self.class_name = ts.client_class(api.name)
        exported.reserve(self.class_name)
        names = {schema.name: exported.claim("schema:" + schema.name) for schema in api.schemas}
        self.exported = exported
        self.types = Types(api, names)
        self.names = names
        self.schemas = [self._schema(s) for s in api.schemas]
        self.credentials, self.schemes, self.options = self._options()
        methods = Namespace(ts.method_name, reserved=ts.CLIENT_MEMBERS)
        self.operations = [self._operation(op, methods) for op in api.operations]
        self.uses_shapes = any("s." in op.table for op in self.operations)

    # schemas ------------------------------------------------------------------------

    def _schema(self, schema: ir.Schema) -> SchemaView:
        name = self.names[schema.name]
        doc = jsdoc(_schema_doc(schema))
        types = self.types
        if schema.kind is SchemaKind.OBJECT:
            members = Namespace(ts.member_name)
            fields: list[str] = []
            view = SchemaView(name, "object" if schema.properties else "closed", doc, Code(""))
            if not schema.properties:  # no member: closed (none allowed) or a free-form map
                extra_type = "never" if schema.additional is None else types.ts(schema.additional)
                view.alias = Code(f"Record<string, {extra_type}>")
            for prop in schema.properties:
                member = members.claim(prop.wire_name)
                notes = [f"Wire name: `{prop.wire_name}`."]
                note = types.format_note(prop.type)
                if note:
                    notes.append(f"Format: `{note}`.")
                if prop.read_only:
                    notes.append("Set by the server (read-only).")
                if prop.write_only:
                    notes.append("Sent, never answered (write-only).")
                if prop.has_default:
                    notes.append(f"Default: `{json.dumps(prop.default, default=str)}`.")
                lines = doc_lines(prop.description, " ".join(notes))
                if prop.deprecated:
                    lines.append(Code("@deprecated"))
                view.members.append(
                    MemberView(member, types.ts(prop.type), not prop.required, jsdoc(lines, "  "))
                )
                hints = _xml_hints(prop.xml)
                fields.append(
                    f"[{_ts_str(member)}, {_ts_str(prop.wire_name)}, "
                    f"{'true' if prop.required else 'false'}, {types.shape(prop.type)}"
                    f"{', ' + hints if hints else ''}]"
                )
            options: list[str] = []
            if schema.additional is None:
                options.append("extra: false")
            elif schema.additional.kind is not Kind.ANY:
                options.append(f"extra: {types.shape(schema.additional)}")
            if schema.nullable:
                options.append("n: true")
            hints = _xml_hints(schema.xml)
            if hints:
                options.append(f"xml: {hints}")
            if schema.extensions.get("x-xml-element-order") == "alphabetical":
                options.append('order: "alphabetical"')
            extra = ", { " + ", ".join(options) + " }" if options else ""
            body = ",\n    ".join(fields)
            view.shape = Code(
                f"s.obj([\n    {body},\n  ]{extra})" if fields else f"s.obj([]{extra})"
            )
            return view
        if schema.kind is SchemaKind.ENUM:
            keys = Namespace(ts.enum_member)
            literals = [_literal_type(v) for v in schema.enum_values]
            entries = [(keys.claim(ts.enum_key(v)), literal(v)) for v in schema.enum_values]
            kind = schema.enum_type
            builder = {
                Kind.STRING: "str",
                Kind.INTEGER: "int",
                Kind.NUMBER: "num",
                Kind.BOOLEAN: "bool",
            }.get(kind, "any")
            options = [f"e: {literal([*schema.enum_values, *([None] if schema.nullable else [])])}"]
            if schema.nullable:
                options.append("n: true")
            shape = Code(f"s.{builder}({{ {', '.join(options)} }})")
            if not literals or any(t is None for t in literals):
                enum_type = Code("unknown")
            else:
                enum_type = Code(" | ".join(dict.fromkeys(str(t) for t in literals)))
            if schema.nullable and enum_type != "unknown":
                enum_type = Code(f"{enum_type} | null")
            return SchemaView(name, "enum", doc, shape, enum_type=enum_type, enum_entries=entries)
        alias = schema.alias_of or ir.Type(Kind.ANY, nullable=True)
        if schema.nullable and not alias.nullable:
            alias = alias.with_nullable()
        shape = types.shape(alias)
        hints = _xml_hints(schema.xml)
        if hints:  # an alias carries its element name (a named array, a boolean answer)
            shape = Code(f"{{ ...{shape}, xml: {hints} }}")
        return SchemaView(name, "alias", doc, shape, alias=types.ts(alias))

    # client options -----------------------------------------------------------------

    def _options(self) -> tuple[list[OptionView], list[Code], list[OptionView]]:
        api = self.api
        space = Namespace(ts.tagged(ts.member_name), reserved=ts.CLIENT_OPTIONS)
        found = creds.for_api(api, tokens=True)
        credential_views: list[OptionView] = []
        option_of: dict[str, str] = {}
        for credential in found.credentials:
            option = option_of[credential.name] = space.claim("credential:" + credential.name)
            first = credential.schemes[0]
            text = f"Credential `{credential.name}` of the `{first}` security scheme."
            description = api.scheme(first).description
            lines = doc_lines(
                text, description, f"Default: the environment variable `{credential.env}`."
            )
            credential_views.append(OptionView(option, Code("string"), jsdoc(lines, "  ")))
        self.credential_env = {option_of[c.name]: c.env for c in found.credentials}
        schemes: list[Code] = []
        for scheme in found.schemes:
            parts = []
            for is_credential, text in scheme.segments():
                if is_credential:
                    parts.append(f"{{ credential: {_ts_str(option_of[text])} }}")
                else:
                    parts.append(_ts_str(text))
            schemes.append(
                Code(
                    f"{_ts_str(scheme.name)}: {{ location: {_ts_str(scheme.location)}, "
                    f"name: {_ts_str(scheme.parameter)}, prefix: {_ts_str(scheme.prefix)}, "
                    f"base64: {_bool(scheme.base64)}, parts: [{', '.join(parts)}] }}"
                )
            )
        self.scheme_display = [
            (
                _md(s.name),
                escape.markdown.code(
                    f"{s.parameter} {s.location}: "
                    + s.prefix
                    + ("base64(" if s.base64 else "")
                    + "".join(
                        "{" + option_of[text] + "}" if c else text for c, text in s.segments()
                    )
                    + (")" if s.base64 else "")
                ),
            )
            for s in found.schemes
        ]
        headers: list[OptionView] = []
        self.global_headers: dict[str, str] = {}  # option -> wire name
        for param in api.common_headers():
            if param.wire_name.lower() in _IGNORED_HEADERS:
                continue
            option = space.claim("header:" + param.wire_name)
            self.global_headers[option] = param.wire_name
            lines = doc_lines(
                param.description,
                f"Sent as the `{param.wire_name}` header of every call; a call can override it.",
            )
            headers.append(
                OptionView(option, self.types.ts(param.type, "models."), jsdoc(lines, "  "))
            )
        return credential_views, schemes, headers

    # operations ---------------------------------------------------------------------

    def _operation(self, op: ir.Operation, methods: Namespace) -> OperationView:
        types = self.types
        method = methods.claim(op.operation_id)
        members = Namespace(ts.tagged(ts.member_name), reserved=ts.PARAMS_MEMBERS)
        global_wires = {wire.lower(): option for option, wire in self.global_headers.items()}
        params: list[ParamView] = []
        for param in op.parameters:
            if param.location == "header" and param.wire_name.lower() in _IGNORED_HEADERS:
                continue
            if param.location not in ("path", "query", "header", "cookie"):
                continue
            name = members.claim(f"{param.location}:{param.wire_name}")
            option = (
                global_wires.get(param.wire_name.lower()) if param.location == "header" else None
            )
            extra = f"Sent as the {param.location} parameter `{param.wire_name}`."
            if option is not None:
                extra += f" Default: the client option `{option}`."
            note = types.format_note(param.type)
            if note:
                extra += f" Format: `{note}`."
            lines = doc_lines(param.description, extra)
            if param.deprecated:
                lines.append(Code("@deprecated"))
            style = param.style or ("form" if param.location in ("query", "cookie") else "simple")
            explode = param.explode if param.explode is not None else style == "form"
            entry = Code(
                f"[{_ts_str(name)}, {_ts_str(param.wire_name)}, {_ts_str(param.location)}, "
                f"{_ts_str(style)}, {'true' if explode else 'false'}, {types.shape(param.type)}]"
            )
            params.append(
                ParamView(
                    name=name,
                    wire=param.wire_name,
                    location=param.location,
                    type=types.ts(param.type, "models."),
                    optional=not param.required or option is not None,
                    doc=jsdoc(lines, "  "),
                    entry=entry,
                )
            )
        body_type, body_entries, content_types, body_doc = self._body(op)
        body_optional = op.body is None or not op.body.required
        result_type, responses, accept, accept_xml = self._responses(op)
        has_params = bool(params) or body_type is not None
        params_optional = all(p.optional for p in params) and body_optional
        params_type = self.exported.claim(f"params:{method} params") if has_params else None
        table = Code(
            "{\n"
            f"    method: {_ts_str(op.method.upper())},\n"
            f"    path: {_ts_str(op.path)},\n"
            f"    parameters: [{', '.join(p.entry for p in params)}],\n"
            + (f"    body: [{', '.join(body_entries)}],\n" if body_entries else "")
            + f"    accept: {_ts_str(accept)},\n"
            + (f"    acceptXml: {_ts_str(accept_xml)},\n" if accept_xml else "")
            + "    responses: {"
            + ", ".join(f"{_ts_str(status)}: {answer}" for status, answer in responses)
            + "},\n"
            f"    security: [{', '.join(_strings(r) for r in op.security)}],\n"
            f"    idempotent: {'true' if op.method in sdk.RETRY.methods else 'false'},\n"
            f"    requestIdHeaders: {_strings(sdk.request_id_headers(op))},\n"
            "  }"
        )
        lines = doc_lines(op.summary, op.description)
        if lines:
            lines.append(Code(""))
        if params_type is not None:
            lines.append(
                Code(
                    "@param params - The parameters of the call"
                    + (" and its body." if body_type else ".")
                )
            )
        lines.append(
            Code(
                "@param options - Per-request timeout, retries, headers, abort signal, strict "
                "decoding."
            )
        )
        if op.deprecated:
            lines.append(Code("@deprecated"))
        view = OperationView(
            method=method,
            doc=jsdoc(lines, "  "),
            params_type=params_type,
            params_optional=params_optional,
            params=params,
            body_type=body_type,
            body_optional=body_optional,
            body_doc=body_doc,
            content_types=content_types,
            result_type=result_type,
            table=table,
            result_md=escape.markdown.inline(f"Promise<{result_type.replace('models.', '')}>"),
            sample=Code(""),
            summary=_md(op.summary or op.operation_id),
            http=escape.markdown.code(f"{op.method.upper()} {op.path}"),
        )
        view.sample = self.sample(op, view)
        return view

    def _body(self, op: ir.Operation) -> tuple[Code | None, list[str], Code | None, Code]:
        if op.body is None or not op.body.media_types:
            return None, [], None, Code("")
        media_types = sorted(op.body.media_types, key=lambda m: m.codec is not Codec.JSON)
        entries: list[str] = []
        body_types: list[str] = []
        for media in media_types:
            codec = media.codec
            kind = media.type or ir.Type(Kind.ANY, nullable=True)
            if codec is Codec.BINARY:
                shape, text = Code("s.bin()"), "rt.BinaryBody"
            elif codec is Codec.TEXT:
                shape, text = Code("s.str()"), "string"
            else:
                shape, text = self.types.shape(kind), self.types.ts(kind, "models.")
            entries.append(f"[{_ts_str(media.name)}, {_ts_str(codec.value)}, {shape}]")
            if text not in body_types:
                body_types.append(text)
        names = [m.name for m in media_types]
        choices = Code(" | ".join(_ts_str(n) for n in names)) if len(names) > 1 else None
        sent = ", ".join(names)
        text = f"The request body (sent as {media_types[0].name}"
        text += f"; `contentType` picks another of {sent})." if choices else ")."
        description = doc_lines(op.body.description, text)
        return Code(" | ".join(body_types)), entries, choices, jsdoc(description, "  ")

    def _answer(self, response: ir.Response, success: bool) -> tuple[str, str | None]:
        """(the runtime's Answer literal, the TypeScript type of what a success returns)."""
        media = next((m for m in response.media_types if m.codec in (Codec.JSON, Codec.XML)), None)
        first = response.media_types[0] if response.media_types else None
        if media is None and first is not None and first.codec in (Codec.BINARY, Codec.TEXT):
            raw = "binary" if first.codec is Codec.BINARY else "text"
            return f'{{ raw: "{raw}" }}', "Uint8Array" if raw == "binary" else "string"
        if media is None and first is not None:  # a form or multipart answer: its text
            return '{ raw: "text" }', "string"
        if media is None:
            return "{}", None
        kind = media.type or ir.Type(Kind.ANY, nullable=True)
        envelope = sdk.envelope(
            self.api, self.api.concrete(kind) if kind.kind is Kind.REF else kind
        )
        if envelope is None:
            return f"{{ shape: {self.types.shape(kind)} }}", self.types.ts(kind, "models.")
        parts = [f"shape: {self.types.shape(kind)}"]
        inner: list[str] = []
        result: str | None = self.types.ts(kind, "models.")
        if envelope.data is not None:
            data = envelope.data
            nullable = envelope.data_nullable
            inner.append(
                f"data: [{_ts_str(data.wire_name)}, {self.types.shape(data.type)}, "
                f"{'true' if nullable else 'false'}]"
            )
            result = self.types.ts(data.type, "models.")
            if nullable and not result.endswith("| null") and result not in ("unknown", "null"):
                result += " | null"
        if envelope.error is not None:
            inner.append(
                f"error: [{_ts_str(envelope.error.wire_name)}, "
                f"{self.types.shape(envelope.error.type)}]"
            )
        if envelope.request_id is not None:
            inner.append(f"requestId: [{', '.join(_ts_str(t) for t in envelope.request_id)}]")
        parts.append("envelope: { " + ", ".join(inner) + " }")
        return "{ " + ", ".join(parts) + " }", result if success else None

    def _responses(self, op: ir.Operation) -> tuple[Code, list[tuple[str, str]], str, str]:
        answers: list[tuple[str, str]] = []
        results: list[str] = []
        empty = False
        success_media: list[ir.MediaType] = []
        for response in op.responses:
            answer, result = self._answer(response, response.is_success)
            answers.append((response.status, answer))
            if response.is_success:
                success_media.extend(response.media_types)
                if result is None:
                    empty = True
                elif result not in results:
                    results.append(result)
        if empty and results:
            results.append("undefined")
        result_type = Code(" | ".join(results) if results else "void")
        names = list(dict.fromkeys(m.name for m in success_media))
        json_first = [n for n in names if ir.MediaType(n, None).is_json] + [
            n for n in names if not ir.MediaType(n, None).is_json
        ]
        accept = ", ".join(json_first) or "application/json"
        accept_xml = ""
        if op.body is not None and any(m.codec is Codec.XML for m in op.body.media_types):
            xml = [n for n in names if ir.MediaType(n, None).is_xml]
            accept_xml = ", ".join(xml + [n for n in names if n not in xml]) or "application/xml"
        return result_type, answers, accept, accept_xml

    # samples --------------------------------------------------------------------------

    def placeholder(self, kind: ir.Type, depth: int = 0) -> Any:
        """A made-up value of ``kind`` (the client's form) for a usage example."""
        concrete = self.api.concrete(kind)
        if concrete.enum:
            return concrete.enum[0]
        match concrete.kind:
            case Kind.STRING:
                return {
                    "date-time": "2024-01-31T12:00:00Z",
                    "date": "2024-01-31",
                    "uuid": "00000000-0000-0000-0000-000000000000",
                    "email": "someone@example.com",
                }.get(concrete.format or "", "string")
            case Kind.INTEGER:
                return 1
            case Kind.NUMBER:
                return 1.5
            case Kind.BOOLEAN:
                return True
            case Kind.ARRAY:
                items = concrete.items or ir.Type(Kind.ANY)
                return [] if depth > 2 else [self.placeholder(items, depth + 1)]
            case Kind.UNION if concrete.variants:
                return self.placeholder(concrete.variants[0], depth)
            case Kind.REF:
                schema = self.api.schema(concrete.ref or "")
                if schema.kind is SchemaKind.ENUM and schema.enum_values:
                    return schema.enum_values[0]
                if schema.kind is SchemaKind.OBJECT and depth <= 2:
                    names = Namespace(ts.member_name)
                    return {
                        names.claim(p.wire_name): self.placeholder(p.type, depth + 1)
                        for p in schema.properties
                        if p.required and not p.read_only
                    }
                if schema.kind is SchemaKind.ALIAS and schema.alias_of is not None:
                    return self.placeholder(schema.alias_of, depth + 1)
                return {}
            case Kind.MAP:
                return {}
        return None

    def client_form(self, kind: ir.Type, wire: Any, depth: int = 0) -> Any:
        """A wire example (a spec's ``examples`` value) in the client's form."""
        concrete = self.api.concrete(kind)
        if wire is None or depth > 16:
            return wire
        if concrete.kind is Kind.REF and isinstance(wire, dict):
            schema = self.api.schema(concrete.ref or "")
            if schema.kind is SchemaKind.OBJECT:
                names = Namespace(ts.member_name)
                members = {p.wire_name: (names.claim(p.wire_name), p) for p in schema.properties}
                return {
                    members[k][0]: self.client_form(members[k][1].type, v, depth + 1)
                    for k, v in wire.items()
                    if k in members
                }
        if concrete.kind is Kind.ARRAY and concrete.items and isinstance(wire, list):
            return [self.client_form(concrete.items, v, depth + 1) for v in wire]
        return wire

    def sample(self, op: ir.Operation, view: OperationView) -> Code:
        """A runnable program calling one operation (client settings from the environment)."""
        by_wire = {(p.location, p.wire_name): p for p in op.parameters}
        values: list[tuple[str, Code]] = []
        for param in view.params:
            if param.optional:
                continue
            source = by_wire[(param.location, param.wire)]
            value = next(iter(source.examples.values()), None) if source.examples else None
            if value is None:
                value = source.default if source.has_default else self.placeholder(source.type)
            values.append((param.name, literal(value)))
        if view.body_type is not None and op.body is not None and not view.body_optional:
            media = sorted(op.body.media_types, key=lambda m: m.codec is not Codec.JSON)[0]
            kind = media.type or ir.Type(Kind.ANY, nullable=True)
            if media.codec is Codec.BINARY:
                values.append(("body", Code("new Uint8Array([1, 2, 3])")))
            elif media.examples and media.codec is Codec.JSON:
                wire = next(iter(media.examples.values()))
                values.append(("body", literal(self.client_form(kind, wire))))
            elif media.codec is Codec.TEXT:
                values.append(("body", _ts_str("text")))
            else:
                values.append(("body", literal(self.placeholder(kind))))
        args = "{ " + ", ".join(f"{k}: {v}" for k, v in values) + " }" if values else ""
        if not args and view.params_type is not None and not view.params_optional:
            args = "{}"
        settings = [f"{h.name}: {literal(self._header_value(h.name))}" for h in self.options]
        construct = "{ " + ", ".join(settings) + " }" if settings else ""
        env = [v for v in self.credential_env.values()] + [sdk.environment(self.api, "base url")]
        reads = ", ".join(f"`{v}`" for v in env)
        package = ts.package_name(self.api.name)
        return Code(
            f'import {{ {self.class_name} }} from "{package}";\n\n'
            f"// Credentials and the base URL come from {escape.typescript.comment(reads)}.\n"
            f"const client = new {self.class_name}({construct});\n"
            f"const result = await client.{view.method}({args});\n"
            "console.log(result);\n"
        )

    def _header_value(self, option: str) -> Any:
        wire = self.global_headers[option]
        for param in self.api.common_headers():
            if param.wire_name == wire:
                if param.examples:
                    return next(iter(param.examples.values()))
                return self.placeholder(param.type)
        return "value"


# ------------------------------------------------------------------------------- output


@cache
def _runtime_source() -> str:
    return (TEMPLATES / "typescript" / "runtime.ts").read_text(encoding="utf-8")


def _error_fields() -> list[dict[str, Any]]:
    """The members of the TypeScript `APIError`, from the fields every SDK's error carries."""
    values = {
        "status": "response.status",
        "headers": "response.headers",
        "rawBody": "response.rawBody",
        "body": "response.body",
        "problem": "problem",
        "requestId": "response.requestId",
    }
    types = {
        "status": "number",
        "headers": "Headers",
        "rawBody": "Uint8Array",
        "body": "unknown",
        "problem": "unknown",
        "requestId": "string | null",
    }
    return [
        {
            "name": f.typescript,
            "doc": escape.typescript.jsdoc(f.meaning[0].upper() + f.meaning[1:] + "."),
            "type": Code(types[f.typescript]),
            "value": Code(values[f.typescript]),
        }
        for f in sdk.ERROR_FIELDS
    ]


def _error_classes() -> list[dict[str, Any]]:
    """One error class per status (or status class) of `sdk.ERROR_CLASSES`, with its test."""
    classes = []
    for status, name in sdk.ERROR_CLASSES:
        if status.endswith("XX"):
            low = int(status[0]) * 100
            test = f"status >= {low} && status <= {low + 99}"
            failed = "the server failed" if status[0] == "5" else "the request failed"
            doc = f"{status[0]}xx: {failed}."
        else:
            test = f"status === {int(status)}"
            doc = f"{status}."
        classes.append({"name": name, "test": Code(test), "doc": Code(doc)})
    return classes


def _settings(package: _Package, base_url: str) -> Code:
    """The runtime's settings object: the decisions of `sdk` as TypeScript literals."""
    api = package.api
    retry = sdk.RETRY
    credentials_env = ", ".join(
        f"{_ts_str(option)}: {_ts_str(env)}" for option, env in package.credential_env.items()
    )
    headers = ", ".join(
        f"{_ts_str(option)}: {_ts_str(wire)}" for option, wire in package.global_headers.items()
    )
    return Code(
        "{\n"
        f"  defaultBaseUrl: {_ts_str(base_url)},\n"
        f"  defaultTimeout: {int(sdk.DEFAULT_TIMEOUT_SECONDS * 1000)},\n"
        f"  maxRetries: {retry.max_retries},\n"
        f"  retryBaseDelay: {int(retry.base_delay_seconds * 1000)},\n"
        f"  retryMaxDelay: {int(retry.max_delay_seconds * 1000)},\n"
        f"  retryStatuses: [{', '.join(str(s) for s in retry.statuses)}],\n"
        f"  retryConnectionErrors: {'true' if retry.connection_errors else 'false'},\n"
        f"  retryAfterHeader: {_ts_str(retry.after_header)},\n"
        f"  redactedHeaders: {_strings(sdk.redacted_headers(api))},\n"
        f"  env: {{ baseUrl: {_ts_str(sdk.environment(api, 'base url'))}, "
        f"log: {_ts_str(sdk.environment(api, 'log'))}, "
        f"logValue: {_ts_str(sdk.DEBUG_LOG_VALUE)} }},\n"
        f"  credentialEnv: {{{' ' + credentials_env + ' ' if credentials_env else ''}}},\n"
        f"  schemes: {{{' ' + ', '.join(package.schemes) + ' ' if package.schemes else ''}}},\n"
        f"  globalHeaders: {{{' ' + headers + ' ' if headers else ''}}},\n"
        "}"
    )


def _context(package: _Package) -> dict[str, Any]:
    api = package.api
    base_url = (api.servers[0] if api.servers else ir.Server("/")).default_url()
    retry = sdk.RETRY
    has_xml = any(
        m.codec is Codec.XML
        for op in api.operations
        for m in [
            *(op.body.media_types if op.body else ()),
            *(mt for r in op.responses for mt in r.media_types),
        ]
    )
    retry_statuses = ", ".join(str(s) for s in retry.statuses)
    methods = ", ".join(m.upper() for m in sorted(retry.methods))
    return {
        "api": api,
        "package": _ts_str(ts.package_name(api.name)),
        "package_name": ts.package_name(api.name),
        "version": _ts_str(ts.package_version(api.version)),
        "description": _ts_str(f"Client of the {api.title} (API version {api.version})"),
        "class_name": package.class_name,
        "view": package,
        "settings": _settings(package, base_url),
        "base_url_doc": escape.typescript.jsdoc(f"Base URL of the API, e.g. `{base_url}`."),
        "base_url_md": escape.markdown.code(base_url),
        "api_doc": jsdoc(
            [
                *doc_lines(api.title, api.summary),
                Code(""),
                Code("Credentials and options are set once; each method takes its parameters and,"),
                Code("last, per-request options. `withRawResponse` has the same methods answering"),
                Code("`{ data, response }`."),
            ]
        ),
        "title_md": _md(api.title),
        "version_md": _md(api.version),
        "summary_md": escape.markdown.text(api.summary) if api.summary else Code(""),
        "has_xml": has_xml,
        "error_fields": _error_fields(),
        "error_classes": _error_classes(),
        "env_base_url": sdk.environment(api, "base url"),
        "env_log": sdk.environment(api, "log"),
        "timeout_seconds": int(sdk.DEFAULT_TIMEOUT_SECONDS),
        "retry_statuses": Code(retry_statuses),
        "retry_methods": Code(methods),
        "max_retries": retry.max_retries,
        "retry_base_ms": int(retry.base_delay_seconds * 1000),
        "retry_max_ms": int(retry.max_delay_seconds * 1000),
        "typescript_version": _ts_str(TYPESCRIPT_VERSION),
        "node_engine": _ts_str(NODE_ENGINE),
        "warnings": [escape.typescript.comment(str(w)) for w in package.warnings],
        "warnings_md": [escape.markdown.inline(str(w)) for w in [*package.warnings, *api.notes]],
    }


_FILES = {
    "package.json": "package.json.j2",
    "tsconfig.json": "tsconfig.json.j2",
    "README.md": "README.md.j2",
    "src/index.ts": "index.ts.j2",
    "src/models.ts": "models.ts.j2",
    "src/errors.ts": "errors.ts.j2",
    "src/client.ts": "client.ts.j2",
}


def render_files(api: ir.Api) -> dict[str, str]:
    """Relative path -> content of every source file of the package of ``api`` (not dist/)."""
    try:
        package = _Package(api)
    except ir.GenerationError:
        raise
    except (KeyError, ValueError, RecursionError) as exc:
        raise TypeScriptGenerationError(f"cannot build the TypeScript client: {exc}") from None
    context = _context(package)
    files = {path: render("typescript", template, **context) for path, template in _FILES.items()}
    files["src/runtime.ts"] = _runtime_source()
    return files


_last_package: list[_Package] = []  # the package of the last Api asked for a sample


def code_sample(api: ir.Api, operation: ir.Operation) -> str:
    """A short, runnable TypeScript program calling ``operation`` (as the README shows it).

    The docs ask for one sample per operation: the package's views are built once per Api."""
    if not _last_package or _last_package[0].api is not api:
        _last_package[:] = [_Package(api)]
    package = _last_package[0]
    for op, view in zip(api.operations, package.operations, strict=True):
        if op is operation or op.operation_id == operation.operation_id:
            return view.sample
    raise TypeScriptGenerationError(f"{operation.operation_id}: not an operation of {api.name}")


# ------------------------------------------------------------------------------ compile


def _tsc() -> list[str]:
    """The command of the project's pinned TypeScript compiler (its native binary if found)."""
    modules = ROOT / "node_modules"
    manifest = modules / "typescript" / "package.json"
    try:
        version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        version = None
    if version != TYPESCRIPT_VERSION:
        raise TypeScriptGenerationError(
            f"TypeScript {TYPESCRIPT_VERSION} is needed to compile dist/ "
            f"(found {version or 'none'} under {modules}): run `make node`"
        )
    native = sorted((modules / "@typescript").glob("*/lib/tsc"))
    if native and os.access(native[0], os.X_OK):
        return [str(native[0])]
    node = shutil.which("node")
    if node is None:
        raise TypeScriptGenerationError("Node is needed to compile dist/: install Node 20+")
    return [node, str(modules / "typescript" / "bin" / "tsc")]


class Compilation:
    """``tsc -p`` on a package, running in the background (see :func:`start_compile`):
    :meth:`finish` waits for it, type-checks its verdict and writes ``dist/``."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._scratch = tempfile.TemporaryDirectory(prefix="specpipe-tsc-")
        self._package = Path(self._scratch.name) / "package"
        shutil.copytree(
            out_dir, self._package, ignore=shutil.ignore_patterns("dist", "node_modules")
        )
        try:
            self._process = subprocess.Popen(
                [*_tsc(), "-p", str(self._package), "--pretty", "false"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        except OSError as exc:
            self._scratch.cleanup()
            raise TypeScriptGenerationError(f"cannot run the TypeScript compiler: {exc}") from None

    def finish(self) -> None:
        try:
            try:
                stdout, stderr = self._process.communicate(timeout=600)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.communicate()
                raise TypeScriptGenerationError(
                    "cannot run the TypeScript compiler: no answer in 600 s"
                ) from None
            if self._process.returncode != 0:
                errors = [line for line in stdout.splitlines() if "error TS" in line]
                first = errors[0] if errors else (stdout + stderr).strip()[:300]
                first = first.replace(str(self._package), "<package>")
                raise TypeScriptGenerationError(
                    f"the generated TypeScript does not compile ({len(errors)} errors); "
                    f"first: {first}"
                )
            shutil.rmtree(self.out_dir / "dist", ignore_errors=True)
            shutil.copytree(self._package / "dist", self.out_dir / "dist")
        finally:
            self._scratch.cleanup()

    def cancel(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.communicate()
        self._scratch.cleanup()


def start_compile(out_dir: Path) -> Compilation:
    """Start ``tsc -p`` on the package at ``out_dir`` (``--strict`` type-check, then
    ``dist/``); the caller goes on with other work and calls ``finish()``.

    The compiler runs on a copy in a temporary folder of a plain name: the native compiler
    misreads a working folder whose path holds a line break, and an output folder may be
    anywhere."""
    return Compilation(out_dir)


def compile_dist(out_dir: Path) -> None:
    """``tsc -p`` on the package at ``out_dir``, waited for (see :func:`start_compile`)."""
    start_compile(out_dir).finish()


def _tree(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def generate_typescript(api: ir.Api, out_dir: Path, *, compile: bool = True) -> list[Path]:
    """Write every file of the TypeScript package of ``api`` under ``out_dir`` (sources, then
    ``dist/`` compiled by ``tsc``); returns the files whose content changed. Files of ``src/``
    and ``dist/`` that the package no longer has are removed."""
    files = render_files(api)
    written = [
        out_dir / relative
        for relative, content in files.items()
        if write_if_changed(out_dir / relative, content)
    ]
    for stale in sorted((out_dir / "src").rglob("*")) if (out_dir / "src").is_dir() else []:
        if stale.is_file() and str(stale.relative_to(out_dir)) not in files:
            stale.unlink()
            written.append(stale)
    if not compile:
        return written
    dist = out_dir / "dist"
    before = _tree(dist)
    if dist.exists():
        shutil.rmtree(dist)
    try:
        compile_dist(out_dir)
    except TypeScriptGenerationError:
        shutil.rmtree(dist, ignore_errors=True)
        raise
    after = _tree(dist)
    written += [dist / name for name, content in after.items() if before.get(name) != content]
    written += [dist / name for name in before if name not in after]
    return written
