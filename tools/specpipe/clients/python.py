"""The Python client of an API: view building from the IR, rendering.

Beside the models (:mod:`specpipe.models`, which writes the package), the client is
``client.py`` (``Client`` and ``AsyncClient``), ``errors.py``, ``_base.py`` (the transport),
``__init__.py`` and a README. The decisions shared by the three SDKs come from
:mod:`specpipe.sdk` (envelope, retries, timeout, error fields, request ids, environment
variables, lenient decoding); names from :mod:`specpipe.naming.python` (the same
:class:`~specpipe.naming.python.Names` as the models); annotations from
:class:`specpipe.models.PythonTypes`. Spec text reaches the templates only through
:mod:`specpipe.escape`; the templates in ``templates/python/`` only format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from specpipe import credentials as creds
from specpipe import escape, ir, sdk
from specpipe.escape import Code
from specpipe.ir import Codec, Kind, SchemaKind
from specpipe.models import PythonTypes, doc_block, doc_lines, scalar
from specpipe.naming import python as py
from specpipe.naming.common import Namespace
from specpipe.render import render

__all__ = [
    "ClientView",
    "build_view",
    "code_sample",
    "render_sources",
]

_DOC_WIDTH = 88
_EMPTY = Code("")


def _s(text: str) -> Code:
    return escape.python.string(text)


def _tuple(items: Iterable[str]) -> Code:
    """Source of a tuple (a trailing comma when it has one member)."""
    parts = list(items)
    return Code("(" + parts[0] + ",)" if len(parts) == 1 else "(" + ", ".join(parts) + ")")


def _arg(name: str, text: str) -> list[Code]:
    """One ``Args:`` entry of a docstring, escaped and wrapped (the docstring is indented 8
    spaces)."""
    import textwrap

    flat = escape.python.docstring(" ".join(text.split()) or "(undocumented)")
    return [
        Code(line)
        for line in textwrap.wrap(
            flat,
            _DOC_WIDTH,
            initial_indent=f"    {name}: ",
            subsequent_indent="        ",
            break_on_hyphens=False,
            break_long_words=False,
        )
    ]


# ---------------------------------------------------------------------- XML


class _Xml:
    """Source of the XML descriptions (see ``_base.py``) of the schemas an API sends."""

    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.objects: dict[str, str] = {}  # schema name -> XmlObject source

    def node(self, kind: ir.Type, element: str, wrapped: bool = True, depth: int = 0) -> str:
        kind = self.api.concrete(kind)
        if depth > 20:
            return _xs("any")
        if kind.kind is Kind.UNION:
            present = [v for v in kind.variants if v.kind is not Kind.NULL]
            return self.node(present[0], element, wrapped, depth + 1) if present else _xs("any")
        if kind.kind is Kind.ARRAY:
            assert kind.items is not None
            item_name = self.element_of(kind.items) or element
            items = self.node(kind.items, item_name, True, depth + 1)
            return f"XmlArray({items}, {_s(item_name)}, {wrapped})"
        if kind.kind is Kind.REF and kind.ref is not None:
            schema = self.api.schema(kind.ref)
            if schema.kind is SchemaKind.ENUM:
                return _xs(schema.enum_type.value)
            if schema.kind is SchemaKind.OBJECT:
                self.object(schema, depth)
                return f"XmlRef({_s(schema.name)})"
            return _xs("any")
        if kind.kind in (Kind.STRING, Kind.INTEGER, Kind.NUMBER, Kind.BOOLEAN):
            return _xs(kind.kind.value)
        return _xs("any")

    def element_of(self, kind: ir.Type) -> str | None:
        if kind.kind is Kind.REF and kind.ref is not None:
            schema = self.api.schema(kind.ref)
            return str((schema.xml or {}).get("name") or schema.name)
        return None

    def object(self, schema: ir.Schema, depth: int) -> None:
        if schema.name in self.objects:
            return
        self.objects[schema.name] = ""  # claimed: recursion stops here
        members = []
        for prop in schema.properties:
            hints = prop.xml or {}
            element = str(hints.get("name") or prop.wire_name)
            node = self.node(prop.type, element, bool(hints.get("wrapped")), depth + 1)
            extra = ""
            if hints.get("attribute"):
                extra += ", attribute=True"
            if hints.get("namespace"):
                extra += f", namespace={_s(str(hints['namespace']))}"
            members.append(
                (element, f"XmlMember({_s(prop.wire_name)}, {_s(element)}, {node}{extra})")
            )
        if schema.extensions.get("x-xml-element-order") == "alphabetical":
            members.sort(key=lambda member: member[0])
        self.objects[schema.name] = f"XmlObject({_tuple(m for _, m in members)})"

    def document(self, kind: ir.Type) -> str | None:
        """The XmlDocument source of a body of type ``kind``; None when it has no element."""
        if kind.kind is not Kind.REF or kind.ref is None:
            return None
        schema = self.api.schema(kind.ref)
        hints = dict(schema.xml or {})
        element = str(hints.get("name") or schema.name)
        namespace = hints.get("namespace")
        node = self.node(kind, element)
        ns = _s(str(namespace)) if namespace else "None"
        return f"XmlDocument({_s(element)}, {ns}, {node}, _XML_OBJECTS)"


def _xs(kind: str) -> str:
    return f"XmlScalar({_s(kind)})"


# ---------------------------------------------------------------------- views


@dataclass(frozen=True)
class ParamView:
    name: str  # Python name
    wire: str
    location: str  # path, query, header, cookie
    annotation: str  # as written in the signature (with `| None` when optional)
    default: str | None  # source of the default, None when required
    description: str
    client_level: bool = False
    example: Any = None
    has_example: bool = False


@dataclass
class BodyView:
    """What the request body adds to a method (see ``_Builder.body``)."""

    positional: list[str] = field(default_factory=list)
    keyword: list[str] = field(default_factory=list)
    doc: list[tuple[str, str]] = field(default_factory=list)
    source: str = "None"  # the expression sent as the body
    has_body: str = "False"
    content_type: str = "None"
    accept: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CredentialView:
    name: str
    env: str
    description: Code  # docstring text
    cell: Code  # README table text
    default: str | None  # the sandbox's local value


@dataclass(frozen=True)
class ClientHeaderView:
    name: str
    wire: Code  # string literal
    wire_doc: str
    wire_md: Code
    annotation: Code
    description: Code
    sample: Code  # a value for the README


@dataclass(frozen=True)
class OperationView:
    name: str
    operation_id: Code  # markdown code span
    method: str
    path: Code  # markdown code span
    summary: Code  # markdown inline
    doc: list[Code]  # docstring lines (unindented)
    raw_doc: list[Code]
    positional: list[Code]  # signature pieces before `*`
    keyword: list[Code]  # signature pieces after `*`
    call: Code  # the keyword arguments of Transport.call, as source
    returns: Code
    returns_md: Code
    table: Code  # Operation(...) source
    example: Code  # README usage
    deprecated: bool


@dataclass
class ClientView:
    api: Code  # markdown code (the spec folder)
    package: str
    distribution: str
    install: Code  # the folder to pip install, for a shell block
    sync_doc: Code
    async_doc: Code
    title_md: Code
    version_md: Code
    summary_md: Code | None
    base_url: Code  # string literal
    base_url_md: Code
    base_url_env: str
    log_env: str
    credentials: list[CredentialView]
    schemes: list[tuple[Code, Code]]
    client_headers: list[ClientHeaderView]
    operations: list[OperationView]
    uses_models: bool
    xml_objects: list[tuple[Code, Code]]
    module_doc: list[Code]
    client_doc: list[Code]
    init_doc: list[Code]
    timeout: Code
    retry_statuses: Code
    retry_statuses_md: Code
    retry_connection_errors: Code
    retry_after_header: Code
    redacted_headers: Code
    idempotent: Code
    idempotent_md: Code
    max_retries: int
    retry_base: Code
    retry_cap: Code
    request_id_headers: Code
    log_value: Code
    log_value_md: str  # inside a code span of the README, as log_env
    error_classes: list[tuple[str, Code]]  # (class, status literal)
    error_rows: list[tuple[str, Code]]  # README rows (class, when)
    error_fields: list[tuple[str, str]]
    sample: Code
    sample_call: Code = _EMPTY
    sample_raw: Code = _EMPTY
    sample_client: Code = _EMPTY


def _base_url(api: ir.Api) -> str:
    return api.servers[0].default_url() if api.servers else "http://localhost"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _schema_media(media_types: Sequence[ir.MediaType]) -> ir.MediaType | None:
    """The media type whose schema a client reads or writes first: JSON, then the rest."""
    with_schema = [m for m in media_types if m.type is not None]
    ordered = sorted(with_schema, key=lambda m: m.codec is not Codec.JSON)
    return ordered[0] if ordered else (media_types[0] if media_types else None)


def _codecs(media_types: Iterable[ir.MediaType]) -> dict[str, str]:
    """Media type -> codec, for the types whose codec is not what their name alone says
    (the transport's default: JSON, XML, form, multipart and text by name, else bytes)."""
    return {
        m.name.split(";")[0].strip().lower(): m.codec.value
        for m in media_types
        if m.codec is not ir.MediaType(m.name, None).codec
    }


def _concrete_media(media_types: Iterable[ir.MediaType]) -> list[str]:
    return [m.name for m in media_types if "*" not in m.name]


class _Builder:
    def __init__(self, api: ir.Api, names: py.Names) -> None:
        self.api = api
        self.names = names
        self.requests = PythonTypes(api, names, prefix="models.", constraints=False, lenient=False)
        self.responses = PythonTypes(api, names, prefix="models.", constraints=False)
        self.xml = _Xml(api)
        self.uses_models = False
        self.methods = Namespace(py.method, py.CLIENT_MEMBERS)

    def note_models(self, text: str) -> str:
        if "models." in text:
            self.uses_models = True
        return text

    # credentials --------------------------------------------------------------

    def credentials(self, scope: Namespace) -> tuple[list[CredentialView], list[tuple[Code, Code]]]:
        found = creds.for_api(self.api)
        env = found.env_of()
        defaults = {c.name: c.default for c in found.credentials}
        descriptions = {s.name: s.description for s in self.api.security_schemes}
        credentials: dict[str, CredentialView] = {}
        names: dict[str, str] = {}
        schemes: list[tuple[Code, Code]] = []
        for scheme in found.schemes:
            for placeholder in scheme.credentials:
                if placeholder not in names:
                    names[placeholder] = scope.claim(placeholder)
            pieces = [
                f"({_s(names[text] if is_credential else text)}, {is_credential})"
                for is_credential, text in scheme.segments()
            ]
            if not scheme.base64 and scheme.prefix:
                pieces.insert(0, f"({_s(scheme.prefix)}, False)")
            for placeholder in scheme.credentials:
                name = names[placeholder]
                if name not in credentials:
                    text = _one_line(
                        descriptions[scheme.name] or f"Credential of the {scheme.name} scheme."
                    )
                    credentials[name] = CredentialView(
                        name,
                        env[placeholder],
                        Code(" ".join(doc_lines(text, 0, 10_000))),
                        escape.markdown.cell(text),
                        defaults.get(placeholder),
                    )
            used = _tuple(_s(n) for n in dict.fromkeys(names[p] for p in scheme.credentials))
            source = (
                f"Scheme({_s(scheme.location)}, {_s(scheme.parameter)}, {_tuple(pieces)}, "
                f"{used}" + (", basic=True" if scheme.base64 else "") + ")"
            )
            schemes.append((_s(scheme.name), Code(source)))
        return list(credentials.values()), schemes

    # responses ----------------------------------------------------------------

    def decode(self, operation: ir.Operation, response: ir.Response) -> tuple[str, str | None]:
        """(Decode(...) source or "None", the annotation of a success's value)."""
        media = _schema_media(response.media_types)
        if media is None:
            return "None", None
        codecs = _codecs(response.media_types)
        codec_source = "{" + ", ".join(f"{_s(k)}: {_s(v)}" for k, v in codecs.items()) + "}"
        codec_extra = f", codecs={codec_source}" if codecs else ""
        if media.type is None:
            kind: ir.Type | None = None
        else:
            kind = media.type
        if media.codec in (Codec.BINARY,) or (kind is not None and kind.is_binary):
            return f"Decode(bytes{codec_extra})", "bytes"
        if kind is None:
            if media.codec is Codec.TEXT:
                return f"Decode(str{codec_extra})", "str"
            return f"Decode(bytes{codec_extra})", "bytes"
        xml_doc = None
        if any(m.codec is Codec.XML for m in response.media_types):
            xml_doc = self.xml.document(kind)
        extra = codec_extra + (f", xml={xml_doc}" if xml_doc else "")
        envelope = sdk.envelope(self.api, kind)
        if envelope is not None and envelope.request_id:
            extra += f", request_id={_tuple(_s(t) for t in envelope.request_id)}"
        success = response.is_success
        if envelope is not None and success and envelope.data is not None:
            data_type = envelope.data.type.with_nullable(False)
            annotation = self.note_models(self.responses.annotation(data_type))
            returns = f"{annotation} | None" if envelope.data_nullable else annotation
            return (
                f"Decode({annotation}, data={_s(envelope.data.wire_name)}, "
                f"data_nullable={envelope.data_nullable}{extra})",
                returns,
            )
        whole = self.note_models(self.responses.annotation(kind))
        if envelope is not None and not success and envelope.error is not None:
            problem_type = self.note_models(
                self.responses.annotation(envelope.error.type.with_nullable(False))
            )
            return (
                f"Decode({whole}, problem={_s(envelope.error.wire_name)}, "
                f"problem_type={problem_type}{extra})",
                None,
            )
        return f"Decode({whole}{extra})", whole

    # operations ---------------------------------------------------------------

    def build(self, operation: ir.Operation, client_headers: set[str]) -> OperationView:
        name = self.methods.claim(operation.operation_id)
        params = self.parameters(operation, client_headers)
        positional = [f"{p.name}: {p.annotation}" for p in params if p.location == "path"]
        keyword = [
            f"{p.name}: {p.annotation}" + (f" = {p.default}" if p.default else "")
            for p in params
            if p.location != "path"
        ]
        keyword.sort(key=lambda piece: "=" in piece)  # required keyword arguments first
        success = [r for r in operation.responses if r.is_success]
        response_types = list(
            dict.fromkeys(m.name for r in success for m in r.media_types if "*" not in m.name)
        )
        body = self.body(operation, response_types)
        positional += body.positional
        keyword += [*body.keyword, "request_options: RequestOptions | None = None"]
        returns_parts: list[str] = []
        responses_source: list[str] = []
        for response in operation.responses:
            source, decoded = self.decode(operation, response)
            responses_source.append(f"{_s(response.status)}: {source}")
            if response.is_success:
                for part in _split(decoded or "None"):
                    if part not in returns_parts:
                        returns_parts.append(part)
        returns = " | ".join(sorted(returns_parts, key=lambda t: t == "None")) or "None"

        def mapping(location: str) -> str:
            items = [f"{_s(p.wire)}: {p.name}" for p in params if p.location == location]
            return "{" + ", ".join(items) + "}"

        call = (
            f"{_s(name)}, path={mapping('path')}, query={mapping('query')}, "
            f"headers={mapping('header')}, cookies={mapping('cookie')}, body={body.source}, "
            f"has_body={body.has_body}, content_type={body.content_type}, "
            "options=request_options"
        )
        return OperationView(
            name=name,
            operation_id=escape.markdown.code(operation.operation_id),
            method=operation.method.upper(),
            path=escape.markdown.code(operation.path),
            summary=escape.markdown.inline(operation.summary or operation.operation_id),
            doc=self.docstring(operation, params, body.doc, success, returns),
            raw_doc=doc_lines(f"{operation.summary or name} (the raw response).", 8),
            positional=[Code(p) for p in positional],
            keyword=[Code(k) for k in keyword],
            call=Code(call),
            returns=Code(returns),
            returns_md=escape.markdown.code(returns),
            table=Code(self.table(operation, responses_source, body.accept)),
            example=Code(self.example(name, operation, params)),
            deprecated=operation.deprecated,
        )

    def parameters(self, operation: ir.Operation, client_headers: set[str]) -> list[ParamView]:
        """The method's parameters, path first; a header the client sets on every call is
        optional here."""
        scope = Namespace(lambda key: py.snake(key.split(":", 1)[1]), py.METHOD_RESERVED)
        params: list[ParamView] = []
        for location in ("path", "query", "header", "cookie"):
            for p in operation.parameters_in(location):
                client_level = location == "header" and p.wire_name.lower() in client_headers
                pname = scope.claim(f"{location}:{p.wire_name}")
                annotation = self.note_models(self.requests.annotation(p.type, accept_dict=True))
                required = p.required and not client_level
                if not required and not annotation.endswith("| None") and annotation != "Any":
                    annotation += " | None"
                example = next(iter(p.examples.values()), None) if p.examples else None
                params.append(
                    ParamView(
                        pname,
                        p.wire_name,
                        location,
                        annotation,
                        None if required else "None",
                        p.description,
                        client_level,
                        example,
                        bool(p.examples),
                    )
                )
        return params

    def body(self, operation: ir.Operation, response_types: list[str]) -> BodyView:
        """The request body's argument, media type choice and the Accept header per choice."""
        view = BodyView()
        if response_types:
            view.accept[""] = ", ".join(response_types)
        if operation.body is None:
            return view
        media = _schema_media(operation.body.media_types)
        body_type = media.type if media is not None else None
        if media is not None and (
            media.codec is Codec.BINARY or (body_type and body_type.is_binary)
        ):
            annotation = "bytes"
        elif body_type is not None:
            annotation = self.note_models(self.requests.annotation(body_type, accept_dict=True))
        elif media is not None and media.codec is Codec.TEXT:
            annotation = "str"
        else:
            annotation = "Any"
        if operation.body.required:
            view.positional.append(f"body: {annotation}")
        else:
            if not annotation.endswith("| None") and annotation != "Any":
                annotation += " | None"
            view.positional.append(f"body: {annotation} = None")
        view.doc.append(("body", operation.body.description or "The request body."))
        view.source = "body"
        view.has_body = "True" if operation.body.required else "body is not None"
        concrete = _concrete_media(operation.body.media_types) or ["application/json"]
        codecs = {m.codec for m in operation.body.media_types}
        if len(concrete) > 1 and len(codecs) > 1:
            choices = ", ".join(_s(c) for c in concrete)
            view.keyword.append(f"content_type: Literal[{choices}] = {_s(concrete[0])}")
            view.content_type = "content_type"
            view.doc.append(
                ("content_type", "Media type the body is sent as: " + ", ".join(concrete) + ".")
            )
            for choice in concrete:
                is_xml = ir.MediaType(choice, None).is_xml
                same = [t for t in response_types if ir.MediaType(t, None).is_xml == is_xml]
                view.accept[choice] = ", ".join(same or response_types)
        else:
            view.content_type = _s(concrete[0])
        return view

    def table(
        self, operation: ir.Operation, responses_source: list[str], accept: dict[str, str]
    ) -> str:
        """The operation's entry of the client's operation table (``Operation(...)``)."""
        xml_body = ""
        if operation.body is not None:
            media = _schema_media(operation.body.media_types)
            if (
                any(m.codec is Codec.XML for m in operation.body.media_types)
                and media is not None
                and media.type is not None
            ):
                xml_body = self.xml.document(media.type) or ""
        body_codecs = _codecs(operation.body.media_types if operation.body else ())
        security = _tuple(_tuple(_s(s) for s in requirement) for requirement in operation.security)
        declared = [h for h in sdk.request_id_headers(operation) if h not in sdk.REQUEST_ID_HEADERS]
        return (
            f"Operation({_s(operation.method.upper())}, {_s(operation.path)}, {security}, "
            "{" + ", ".join(responses_source) + "}"
            ", accept={"
            + ", ".join(f"{_s(k)}: {_s(v)}" for k, v in accept.items())
            + "}"
            + (
                ", body_codecs={"
                + ", ".join(f"{_s(k)}: {_s(v)}" for k, v in body_codecs.items())
                + "}"
                if body_codecs
                else ""
            )
            + (f", request_id_headers={_tuple(_s(h) for h in declared)}" if declared else "")
            + (f", xml_body={xml_body}" if xml_body else "")
            + ")"
        )

    def docstring(
        self,
        operation: ir.Operation,
        params: list[ParamView],
        body_doc: list[tuple[str, str]],
        success: list[ir.Response],
        returns: str,
    ) -> list[Code]:
        """The method's docstring lines: summary, description, Args and Returns."""
        doc = doc_lines(operation.summary or operation.operation_id, 8)
        if operation.description:
            doc += [Code(""), *doc_lines(operation.description, 8)]
        if operation.deprecated:
            doc += [Code(""), Code("Deprecated.")]
        arguments = [
            (p.name, p.description + (" Default: the client's." if p.client_level else ""))
            for p in params
        ]
        arguments[len([p for p in params if p.location == "path"]) : 0] = body_doc
        arguments.append(("request_options", "Per-request timeout, retries and headers."))
        doc += [Code(""), Code("Args:")]
        for arg, text in arguments:
            doc += _arg(arg, text)
        doc += [Code(""), Code("Returns:")]
        described = " ".join(r.description for r in success if r.description)
        doc += [
            Code(f"    {line}") if line else Code("")
            for line in doc_lines(described or returns, 12)
        ]
        return doc

    def example(self, name: str, operation: ir.Operation, params: list[ParamView]) -> str:
        """A call for the README, with the spec's example values where it has them."""
        pieces = []
        for p in params:
            if p.client_level or (p.default is not None and p.location != "path"):
                continue
            value = _sample(p)
            pieces.append(value if p.location == "path" else f"{p.name}={value}")
        if operation.body is not None:
            media = _schema_media(operation.body.media_types)
            example = next(iter(media.examples.values()), None) if media else None
            literal = _value(example) if example is not None else None
            pieces.insert(len([p for p in params if p.location == "path"]), literal or "{}")
        return f"client.{name}({', '.join(pieces)})"


def _split(annotation: str) -> list[str]:
    from specpipe.models import _split_union

    return _split_union(annotation)


def _value(value: Any, depth: int = 0) -> str | None:
    """A JSON value as Python source (strings escaped), or None when it cannot be one."""
    if depth > 16:
        return None
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            inner = _value(item, depth + 1)
            if inner is None:
                return None
            items.append(f"{_s(str(key))}: {inner}")
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        inner_items = [_value(item, depth + 1) for item in value]
        if any(i is None for i in inner_items):
            return None
        return "[" + ", ".join(i for i in inner_items if i is not None) + "]"
    return scalar(value)


def _sample(p: ParamView) -> str:
    if p.has_example:
        found = _value(p.example)
        if found is not None and not isinstance(p.example, (dict, list)):
            return found
    base = p.annotation.split(" | ")[0]
    return {"int": "1", "float": "1.0", "bool": "True", "str": '"1"'}.get(base, '"1"')


# ---------------------------------------------------------------------- entry points


def build_view(api: ir.Api, names: py.Names) -> ClientView:
    """Everything the templates need for ``api``."""
    builder = _Builder(api, names)
    constructor = Namespace(py.snake, py.CLIENT_RESERVED)
    credentials, schemes = builder.credentials(constructor)
    header_params = sorted(api.common_headers(), key=lambda p: p.wire_name.lower())
    client_headers = [
        ClientHeaderView(
            constructor.claim(p.wire_name),
            _s(p.wire_name),
            p.wire_name,
            escape.markdown.code(p.wire_name),
            Code(builder.requests.annotation(p.type.with_nullable(False))),
            Code(" ".join(doc_lines(p.description, 0, 10_000))),
            Code(
                _sample(
                    ParamView(
                        "",
                        p.wire_name,
                        "header",
                        "str",
                        None,
                        "",
                        False,
                        next(iter(p.examples.values()), None),
                        bool(p.examples),
                    )
                )
            ),
        )
        for p in header_params
    ]
    operations = [
        builder.build(op, {p.wire_name.lower() for p in header_params}) for op in api.operations
    ]
    retry = sdk.RETRY
    statuses = sorted(retry.statuses)
    idempotent = sorted(m.upper() for m in retry.methods)
    base_env = sdk.environment(api, "base url")
    view = ClientView(
        api=escape.markdown.code(f"spec/{api.name}/"),
        package=py.python_package(api.name),
        distribution=py.python_distribution(api.name),
        install=Code(
            f"generated/python/{api.name}"
            if re.fullmatch(r"[A-Za-z0-9_.-]+", api.name)
            else "path/to/this/folder"
        ),
        sync_doc=doc_block(f"Synchronous client of the {api.title}.", 4) or Code(""),
        async_doc=doc_block(f"Asynchronous client of the {api.title}.", 4) or Code(""),
        title_md=escape.markdown.inline(api.title),
        version_md=escape.markdown.code(api.version),
        summary_md=escape.markdown.text(api.summary) if api.summary else None,
        base_url=_s(_base_url(api)),
        base_url_md=escape.markdown.code(_base_url(api)),
        base_url_env=base_env,
        log_env=sdk.environment(api, "log"),
        credentials=credentials,
        schemes=schemes,
        client_headers=client_headers,
        operations=operations,
        uses_models=builder.uses_models,
        xml_objects=[(_s(k), Code(v)) for k, v in sorted(builder.xml.objects.items())],
        module_doc=doc_lines(
            f"Sync and async clients of the {api.title} (spec version {api.version}).", 0
        ),
        client_doc=_client_doc(credentials, client_headers, base_env, sdk.environment(api, "log")),
        init_doc=doc_lines(
            f"Typed client and models of the {api.title} (spec version {api.version}).", 0
        ),
        timeout=Code(repr(float(sdk.DEFAULT_TIMEOUT_SECONDS))),
        retry_statuses=Code("frozenset({" + ", ".join(str(s) for s in statuses) + "})"),
        retry_statuses_md=Code(", ".join(f"`{s}`" for s in statuses)),
        retry_connection_errors=Code(repr(retry.connection_errors)),
        retry_after_header=_s(retry.after_header),
        redacted_headers=Code(
            "frozenset({" + ", ".join(_s(h) for h in sdk.redacted_headers(api)) + "})"
        ),
        idempotent=Code("frozenset({" + ", ".join(_s(m) for m in idempotent) + "})"),
        idempotent_md=Code(", ".join(idempotent)),
        max_retries=retry.max_retries,
        retry_base=Code(repr(float(retry.base_delay_seconds))),
        retry_cap=Code(repr(float(retry.max_delay_seconds))),
        request_id_headers=_tuple(_s(h) for h in sdk.REQUEST_ID_HEADERS),
        log_value=_s(sdk.DEBUG_LOG_VALUE),
        log_value_md=sdk.DEBUG_LOG_VALUE,
        error_classes=[(cls, _s(status)) for status, cls in sdk.ERROR_CLASSES],
        error_rows=[(cls, Code(status.replace("XX", "xx"))) for status, cls in sdk.ERROR_CLASSES],
        error_fields=[(f.python, f.meaning) for f in sdk.ERROR_FIELDS],
        sample=Code(""),
    )
    if api.operations:
        index = _sample_index(api)
        view.sample = Code(_sample_code(view, index))
        example = view.operations[index].example
        view.sample_call = example
        view.sample_raw = Code("client.with_raw_response." + example.removeprefix("client."))
        view.sample_client = Code(
            "Client(" + ", ".join(f"{h.name}={h.sample}" for h in view.client_headers) + ")"
        )
    return view


def _sample_index(api: ir.Api) -> int:
    """The operation the README shows: a GET without path parameters, else any GET, else
    the first one."""
    for index, operation in enumerate(api.operations):
        if operation.method == "get" and not operation.parameters_in("path"):
            return index
    for index, operation in enumerate(api.operations):
        if operation.method == "get":
            return index
    return 0


def _sample_code(view: ClientView, index: int) -> str:
    op = view.operations[index]
    headers = ", ".join(f"{h.name}={h.sample}" for h in view.client_headers)
    return (
        f"from {view.package} import Client\n\n"
        f"with Client({headers}) as client:\n"
        f"    print({op.example})"
    )


def _client_doc(
    credentials: list[CredentialView],
    headers: list[ClientHeaderView],
    base_env: str,
    log_env: str,
) -> list[Code]:
    lines = [Code("Args:")]
    for credential in credentials:
        lines += _arg(
            credential.name,
            f"{credential.description} Default: the environment variable {credential.env}.",
        )
    for header in headers:
        lines += _arg(
            header.name,
            f"Sent as the {header.wire_doc} header on every call (a call may override it). "
            + header.description,
        )
    lines += _arg("base_url", f"Root URL of the API. Default: {base_env}, else DEFAULT_BASE_URL.")
    lines += _arg("timeout", "Seconds a request may take (or an httpx.Timeout).")
    lines += _arg(
        "max_retries",
        "Retries of idempotent requests on the retried statuses and connection errors, with "
        "exponential backoff and full jitter.",
    )
    lines += _arg("headers", "Extra headers sent on every call.")
    lines += _arg(
        "strict_responses",
        "Validate answers fully (unknown enum values, extra members of closed objects and "
        "broken rules raise APIResponseValidationError) instead of leniently.",
    )
    lines += _arg(
        "log",
        f"Log every request and answer at DEBUG level (credentials redacted). "
        f"Default: on when {log_env}=debug.",
    )
    return lines


def code_sample(api: ir.Api, operation: ir.Operation) -> str:
    """A short runnable snippet of one operation: the client from the environment (the
    credentials' variables, ``<API>_BASE_URL``), one call, the result printed."""
    from specpipe.models import names_of

    view = build_view(api, names_of(api))
    return _sample_code(view, api.operations.index(operation)) + "\n"


def render_sources(api: ir.Api, names: py.Names) -> dict[str, str]:
    """The client's files (paths relative to the package folder's parent), unformatted."""
    view = build_view(api, names)
    package = view.package
    sources = {
        f"{package}/{target}": render("python", template, view=view)
        for template, target in (
            ("_base.py.j2", "_base.py"),
            ("errors.py.j2", "errors.py"),
            ("client.py.j2", "client.py"),
            ("__init__.py.j2", "__init__.py"),
        )
    }
    sources["README.md"] = render("python", "README.md.j2", view=view)
    return sources
