"""The Python client of an API: view building from the IR, rendering, writing.

The package ``generated/python/<api>/<api>_client`` already holds the Pydantic models
(:mod:`specpipe.models`); this adds ``client.py`` (``Client`` and ``AsyncClient``),
``errors.py``, ``_base.py`` and a README. Every decision (names, annotations, which header is
set on the client, how a response is read) is taken here, from the IR; the templates in
``templates/python/`` only format.
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specpipe import credentials as creds
from specpipe import ir, naming
from specpipe.bundle import write_if_changed
from specpipe.ir import Kind, SchemaKind
from specpipe.naming import python as py
from specpipe.render import environment, render

__all__ = ["ClientView", "build_view", "generate_client", "package_init"]

# Names a method's own keyword arguments take; spec parameters that normalise to one get a
# suffix (naming.Namespace).
METHOD_RESERVED = ("self", "body", "content_type", "request_options")
CLIENT_RESERVED = ("self", "base_url", "timeout", "max_retries", "headers", "http_client")
_DOC_WIDTH = 88
_STANDARD_TYPES = {"datetime": "datetime", "date": "datetime", "UUID": "uuid"}  # name -> module


def _q(text: str) -> str:
    """A Python string literal with double quotes (stable, ruff-format friendly)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _doc(text: str) -> str:
    """Text that is safe inside a triple-quoted docstring."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def _wrap(text: str, indent: int, width: int = _DOC_WIDTH) -> list[str]:
    """Paragraphs of ``text`` wrapped to fit a docstring at ``indent`` spaces."""
    lines: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        flat = " ".join(paragraph.split())
        if not flat:
            continue
        if lines:
            lines.append("")
        lines.extend(
            textwrap.wrap(
                _doc(flat), width - indent, break_on_hyphens=False, break_long_words=False
            )
        )
    return lines


# ---------------------------------------------------------------------- types


@dataclass
class _Types:
    """Python annotations of IR types, and the imports they need."""

    api: ir.Api
    classes: frozenset[str]
    uses_models: bool = False
    imports: set[str] = field(default_factory=set)  # "datetime", "date", "UUID", ...

    def model(self, name: str) -> str | None:
        if name in self.classes:
            self.uses_models = True
            return f"models.{name}"
        return None

    def annotation(self, kind: ir.Type, *, accept_dict: bool = False, depth: int = 0) -> str:
        text = self._bare(kind, accept_dict, depth)
        if kind.nullable and kind.kind not in (Kind.NULL, Kind.ANY) and text != "Any":
            return f"{text} | None"
        return text

    def _bare(self, kind: ir.Type, accept_dict: bool, depth: int) -> str:
        if depth > 20:
            self.imports.add("Any")
            return "Any"
        if kind.kind is Kind.STRING:
            if kind.format == "date-time":
                self.imports.add("datetime")
                return "datetime"
            if kind.format == "date":
                self.imports.add("date")
                return "date"
            if kind.format == "uuid":
                self.imports.add("UUID")
                return "UUID"
            return "str"
        if kind.kind is Kind.INTEGER:
            return "int"
        if kind.kind is Kind.NUMBER:
            return "float"
        if kind.kind is Kind.BOOLEAN:
            return "bool"
        if kind.kind is Kind.NULL:
            return "None"
        if kind.kind is Kind.ANY:
            self.imports.add("Any")
            return "Any"
        if kind.kind is Kind.ARRAY:
            assert kind.items is not None
            item = self.annotation(kind.items, accept_dict=accept_dict, depth=depth + 1)
            if accept_dict:
                self.imports.add("Sequence")
                return f"Sequence[{item}]"
            return f"list[{item}]"
        if kind.kind is Kind.MAP:
            assert kind.items is not None
            value = self.annotation(kind.items, accept_dict=accept_dict, depth=depth + 1)
            if accept_dict:
                self.imports.add("Mapping")
                return f"Mapping[str, {value}]"
            return f"dict[str, {value}]"
        if kind.kind is Kind.UNION:
            parts: list[str] = []
            for variant in kind.variants:
                text = self.annotation(variant, accept_dict=accept_dict, depth=depth + 1)
                for part in text.split(" | "):
                    if part not in parts:
                        parts.append(part)
            return " | ".join(parts)
        assert kind.ref is not None
        schema = self.api.schema(kind.ref)
        if schema.kind is SchemaKind.ALIAS and schema.alias_of is not None:
            return self.annotation(schema.alias_of, accept_dict=accept_dict, depth=depth + 1)
        name = self.model(schema.name)
        if schema.kind is SchemaKind.ENUM:
            if name is not None:
                return name
            return {"integer": "int", "number": "float", "boolean": "bool"}.get(
                schema.enum_type.value, "str"
            )
        if name is None:
            self.imports.add("Any")
            return "dict[str, Any]"
        if accept_dict:
            self.imports.update({"Mapping", "Any"})
            return f"{name} | Mapping[str, Any]"
        return name


def _non_null(kind: ir.Type) -> ir.Type:
    return kind.with_nullable(False)


def _model_classes(source: str) -> frozenset[str]:
    tree = ast.parse(source)
    return frozenset(node.name for node in tree.body if isinstance(node, ast.ClassDef))


# ---------------------------------------------------------------------- XML


@dataclass
class _Xml:
    """Source text of the XML descriptions (see ``_base.py``) of the schemas an API sends."""

    api: ir.Api
    objects: dict[str, str] = field(default_factory=dict)  # schema name -> XmlObject source

    def node(self, kind: ir.Type, element: str, wrapped: bool = True, depth: int = 0) -> str:
        kind = self.api.concrete(kind)
        if depth > 20:
            return 'XmlScalar("any")'
        if kind.kind is Kind.UNION:
            present = [v for v in kind.variants if v.kind is not Kind.NULL]
            return self.node(present[0], element, wrapped, depth + 1) if present else _xs("any")
        if kind.kind is Kind.ARRAY:
            assert kind.items is not None
            item_name = self.element_of(kind.items) or element
            items = self.node(kind.items, item_name, True, depth + 1)
            return f"XmlArray({items}, {_q(item_name)}, {wrapped})"
        if kind.kind is Kind.REF and kind.ref is not None:
            schema = self.api.schema(kind.ref)
            if schema.kind is SchemaKind.ENUM:
                return _xs(schema.enum_type.value)
            if schema.kind is SchemaKind.OBJECT:
                self.object(schema, depth)
                return f"XmlRef({_q(schema.name)})"
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
                extra += f", namespace={_q(str(hints['namespace']))}"
            members.append(
                (element, f"XmlMember({_q(prop.wire_name)}, {_q(element)}, {node}{extra})")
            )
        if schema.extensions.get("x-xml-element-order") == "alphabetical":
            members.sort(key=lambda member: member[0])
        self.objects[schema.name] = f"XmlObject({_tuple(m for _, m in members)})"

    def document(self, kind: ir.Type) -> str | None:
        """The XmlDocument source of a body of type ``kind``; None when it has no element name."""
        hints: dict[str, Any] = {}
        element: str | None = None
        if kind.kind is Kind.REF and kind.ref is not None:
            schema = self.api.schema(kind.ref)
            hints = dict(schema.xml or {})
            element = str(hints.get("name") or schema.name)
        if element is None:
            return None
        namespace = hints.get("namespace")
        node = self.node(kind, element)
        ns = _q(str(namespace)) if namespace else "None"
        return f"XmlDocument({_q(element)}, {ns}, {node}, _XML_OBJECTS)"


def _tuple(items: Iterable[str]) -> str:
    """Source of a tuple (no trailing comma unless it has one member)."""
    parts = list(items)
    return "(" + parts[0] + ",)" if len(parts) == 1 else "(" + ", ".join(parts) + ")"


def _xs(kind: str) -> str:
    return f"XmlScalar({_q(kind)})"


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


@dataclass(frozen=True)
class CredentialView:
    name: str
    env: str
    description: str


@dataclass(frozen=True)
class SchemeView:
    name: str
    source: str  # Scheme(...) source


@dataclass(frozen=True)
class ClientHeaderView:
    name: str
    wire: str
    annotation: str
    description: str


@dataclass(frozen=True)
class OperationView:
    name: str
    operation_id: str
    method: str
    path: str
    summary: str
    doc: list[str]  # docstring lines (unindented)
    raw_doc: list[str]
    positional: list[str]  # signature pieces before `*`
    keyword: list[str]  # signature pieces after `*`
    call: str  # the keyword arguments of Transport.call, as source
    returns: str
    table: str  # Operation(...) source
    example: str  # README usage
    deprecated: bool


@dataclass(frozen=True)
class ClientView:
    api: str
    package: str
    distribution: str
    title: str
    version: str
    summary: str
    description: str
    header: str
    base_url: str
    base_url_env: str
    credentials: list[CredentialView]
    schemes: list[SchemeView]
    client_headers: list[ClientHeaderView]
    operations: list[OperationView]
    imports: list[str]  # `from … import …` lines of the annotations' standard types
    typing_imports: list[str]
    abc_imports: list[str]
    uses_models: bool
    xml_objects: list[tuple[str, str]]
    base_imports: list[str]
    module_doc: list[str]
    client_doc: list[str]


def _base_url(api: ir.Api) -> str:
    return api.servers[0].default_url() if api.servers else "http://localhost"


def _credentials(api: ir.Api) -> tuple[list[CredentialView], list[SchemeView]]:
    found = creds.for_api(api)
    env = found.env_of()
    descriptions = {s.name: s.description for s in api.security_schemes}
    credentials: dict[str, CredentialView] = {}
    schemes: list[SchemeView] = []
    # found.schemes: apiKey and http; oauth2, openIdConnect, mutualTLS are configured on the
    # http client
    for scheme in found.schemes:
        names = {p: py.snake(p) for p in scheme.credentials}
        python_template = "".join(
            "{" + names[text] + "}" if is_credential else text
            for is_credential, text in scheme.segments()
        )
        basic = scheme.base64  # the runtime encodes and adds `Basic `
        if not basic:
            python_template = scheme.prefix + python_template
        for placeholder, name in names.items():
            if name not in credentials:
                description = (
                    descriptions[scheme.name] or f"Credential of the {scheme.name} scheme."
                )
                credentials[name] = CredentialView(
                    name, env[placeholder], " ".join(description.split())
                )
        names_source = _tuple(_q(n) for n in dict.fromkeys(names.values()))
        source = (
            f"Scheme({_q(scheme.location)}, {_q(scheme.parameter)}, {_q(python_template)}, "
            + names_source
            + (", basic=True" if basic else "")
            + ")"
        )
        schemes.append(SchemeView(scheme.name, source))
    return list(credentials.values()), schemes


def _client_headers(api: ir.Api) -> list[ir.Parameter]:
    """Header parameters every operation requires: set once on the client."""
    return sorted(api.common_headers(), key=lambda p: p.wire_name.lower())


def _envelope(api: ir.Api, kind: ir.Type | None) -> tuple[ir.Schema, dict[str, str]] | None:
    if kind is None or kind.kind is not Kind.REF or kind.ref is None:
        return None
    schema = api.schema(kind.ref)
    members = schema.extensions.get("x-envelope")
    if schema.kind is SchemaKind.OBJECT and isinstance(members, dict):
        return schema, {str(k): str(v) for k, v in members.items()}
    return None


def _property(schema: ir.Schema, wire: str) -> ir.Property | None:
    return next((p for p in schema.properties if p.wire_name == wire), None)


def _schema_media(media_types: Sequence[ir.MediaType]) -> ir.MediaType | None:
    with_schema = [m for m in media_types if m.type is not None]
    json_first = sorted(with_schema, key=lambda m: not m.is_json)
    return json_first[0] if json_first else None


def _concrete_media(media_types: Iterable[ir.MediaType]) -> list[str]:
    return [m.name for m in media_types if "*" not in m.name]


class _OperationBuilder:
    def __init__(
        self,
        api: ir.Api,
        types: _Types,
        xml: _Xml,
        client_headers: set[str],
    ) -> None:
        self.api = api
        self.types = types
        self.xml = xml
        self.client_headers = client_headers

    def decode(self, response: ir.Response, success: bool) -> tuple[str, str | None]:
        """(Decode(...) source or "None", the annotation of the value for a success)."""
        media = _schema_media(response.media_types)
        if media is None or media.type is None:
            return "None", None
        xml_doc = None
        if any(m.is_xml for m in response.media_types):
            xml_doc = self.xml.document(media.type)
        extra = f", xml={xml_doc}" if xml_doc else ""
        envelope = _envelope(self.api, media.type)
        if envelope is not None:
            schema, members = envelope
            data = _property(schema, members.get("data", ""))
            problem = _property(schema, members.get("error", ""))
            if success and data is not None:
                annotation = self.types.annotation(_non_null(data.type))
                return f"Decode({annotation}, data={_q(data.wire_name)}{extra})", annotation
            if not success and problem is not None:
                whole = self.types.annotation(media.type)
                problem_type = self.types.annotation(_non_null(problem.type))
                return (
                    f"Decode({whole}, problem={_q(problem.wire_name)}, "
                    f"problem_type={problem_type}{extra})",
                    None,
                )
        annotation = self.types.annotation(media.type)
        return f"Decode({annotation}{extra})", annotation

    def build(self, operation: ir.Operation) -> OperationView:
        name = py.snake(operation.operation_id)
        scope = naming.Namespace(lambda key: py.snake(key.split(":", 1)[1]), METHOD_RESERVED)
        params: list[ParamView] = []
        for location in ("path", "query", "header", "cookie"):
            for p in operation.parameters_in(location):
                client_level = location == "header" and p.wire_name.lower() in self.client_headers
                pname = scope.claim(f"{location}:{p.wire_name}")
                annotation = self.types.annotation(p.type, accept_dict=True)
                required = p.required and not client_level
                if not required and not annotation.endswith("| None") and annotation != "Any":
                    annotation += " | None"
                params.append(
                    ParamView(
                        pname,
                        p.wire_name,
                        location,
                        annotation,
                        None if required else "None",
                        p.description,
                        client_level,
                    )
                )
        positional = [f"{p.name}: {p.annotation}" for p in params if p.location == "path"]
        keyword = [
            f"{p.name}: {p.annotation}" + (f" = {p.default}" if p.default else "")
            for p in params
            if p.location != "path"
        ]
        keyword.sort(key=lambda piece: "=" in piece)  # required keyword arguments first
        body_doc: list[tuple[str, str]] = []
        body_source = "None"
        has_body = "False"
        content_type = "None"
        xml_body = ""
        accept: dict[str, str] = {}
        success = [r for r in operation.responses if r.is_success]
        response_types = [m.name for r in success for m in r.media_types if "*" not in m.name]
        response_types = list(dict.fromkeys(response_types))
        if response_types:
            accept[""] = ", ".join(response_types)
        if operation.body is not None:
            media = _schema_media(operation.body.media_types)
            body_type = media.type if media is not None and media.type is not None else None
            annotation = self.types.annotation(body_type, accept_dict=True) if body_type else "Any"
            if body_type is None:
                self.types.imports.add("Any")
            if operation.body.required:
                positional.append(f"body: {annotation}")
            else:
                if not annotation.endswith("| None") and annotation != "Any":
                    annotation += " | None"
                positional.append(f"body: {annotation} = None")
            body_doc.append(("body", operation.body.description or "The request body."))
            body_source = "body"
            has_body = "True" if operation.body.required else "body is not None"
            concrete = _concrete_media(operation.body.media_types) or ["application/json"]
            kinds = {"xml" if m.is_xml else "json" for m in operation.body.media_types}
            if len(kinds) > 1:
                self.types.imports.add("Literal")
                choices = ", ".join(_q(c) for c in concrete)
                keyword.append(f"content_type: Literal[{choices}] = {_q(concrete[0])}")
                content_type = "content_type"
                body_doc.append(
                    ("content_type", "Media type the body is sent as: " + ", ".join(concrete) + ".")
                )
                for choice in concrete:
                    is_xml = choice.endswith("xml")
                    same = [t for t in response_types if t.endswith("xml") == is_xml]
                    accept[choice] = ", ".join(same or response_types)
            else:
                content_type = _q(concrete[0])
            if any(m.is_xml for m in operation.body.media_types) and body_type is not None:
                xml_body = self.xml.document(body_type) or ""
        keyword.append("request_options: RequestOptions | None = None")
        returns_parts: list[str] = []
        responses_source: list[str] = []
        for response in operation.responses:
            source, decoded = self.decode(response, response.is_success)
            responses_source.append(f"{_q(response.status)}: {source}")
            if response.is_success:
                part = decoded or "None"
                if part not in returns_parts:
                    returns_parts.append(part)
        returns = " | ".join(sorted(returns_parts, key=lambda t: t == "None")) or "None"
        security = _tuple(_tuple(_q(s) for s in requirement) for requirement in operation.security)
        table = (
            f"Operation({_q(operation.method.upper())}, {_q(operation.path)}, {security}, "
            "{"
            + ", ".join(responses_source)
            + "}"
            + (", accept={" + ", ".join(f"{_q(k)}: {_q(v)}" for k, v in accept.items()) + "}")
            + (f", xml_body={xml_body}" if xml_body else "")
            + ")"
        )

        def mapping(location: str) -> str:
            items = [f"{_q(p.wire)}: {p.name}" for p in params if p.location == location]
            return "{" + ", ".join(items) + "}"

        call = (
            f"{_q(name)}, path={mapping('path')}, query={mapping('query')}, "
            f"headers={mapping('header')}, cookies={mapping('cookie')}, body={body_source}, "
            f"has_body={has_body}, content_type={content_type}, options=request_options"
        )
        doc = [*_wrap(operation.summary or operation.operation_id, 0)]
        if operation.description:
            doc += ["", *_wrap(operation.description, 0)]
        if operation.deprecated:
            doc += ["", "Deprecated."]
        arguments = [
            (p.name, p.description + (" Default: the client's." if p.client_level else ""))
            for p in params
        ]
        arguments[len([p for p in params if p.location == "path"]) : 0] = body_doc
        arguments.append(("request_options", "Per-request timeout, retries and headers."))
        doc += ["", "Args:"]
        for arg, text in arguments:
            doc += _arg(arg, text)
        doc += ["", "Returns:"]
        described = [r.description for r in success if r.description]
        doc += [f"    {line}" if line else "" for line in _wrap(" ".join(described) or returns, 4)]
        return OperationView(
            name=name,
            operation_id=operation.operation_id,
            method=operation.method.upper(),
            path=operation.path,
            summary=operation.summary,
            doc=doc,
            raw_doc=_wrap(f"{operation.summary or name} (the raw response).", 8),
            positional=positional,
            keyword=keyword,
            call=call,
            returns=returns,
            table=table,
            example=self.example(name, operation, params),
            deprecated=operation.deprecated,
        )

    def example(self, name: str, operation: ir.Operation, params: list[ParamView]) -> str:
        """A call for the README, with example-ish values."""
        pieces = []
        for p in params:
            if p.client_level or (p.default is not None and p.location != "path"):
                continue
            value = _sample(p.annotation)
            pieces.append(value if p.location == "path" else f"{p.name}={value}")
        if operation.body is not None:
            media = _schema_media(operation.body.media_types)
            example = next(iter(media.examples.values()), None) if media else None
            pieces.insert(
                len([p for p in params if p.location == "path"]),
                _literal(example) if isinstance(example, (dict, list)) else "{...}",
            )
        return f"client.{name}({', '.join(pieces)})"


def _sample(annotation: str) -> str:
    base = annotation.split(" | ")[0]
    return {"int": "1", "float": "1.0", "bool": "True", "str": '"..."'}.get(base, "...")


def _literal(value: Any) -> str:
    return repr(value)


# ---------------------------------------------------------------------- entry points


def build_view(api: ir.Api, models_source: str) -> ClientView:
    """Everything the templates need for ``api``; ``models_source`` is its models module."""
    types = _Types(api, _model_classes(models_source))
    xml = _Xml(api)
    credentials, schemes = _credentials(api)
    header_params = _client_headers(api)
    constructor = naming.Namespace(py.snake, CLIENT_RESERVED)
    for credential in credentials:
        constructor.claim(credential.name)
    client_headers = [
        ClientHeaderView(
            constructor.claim(p.wire_name),
            p.wire_name,
            types.annotation(p.type.with_nullable(False)),
            p.description,
        )
        for p in header_params
    ]
    builder = _OperationBuilder(
        api,
        types,
        xml,
        {p.wire_name.lower() for p in header_params},
    )
    operations = [builder.build(op) for op in api.operations]
    imports = [
        f"from {_STANDARD_TYPES[name]} import {name}"
        for name in sorted(types.imports & _STANDARD_TYPES.keys())
    ]
    typing_imports = sorted(types.imports & {"Any", "Literal"})
    abc_imports = sorted(types.imports & {"Mapping", "Sequence"})
    base_imports = ["Decode", "Operation", "RawResponse", "RequestOptions", "Scheme", "Transport"]
    if xml.objects:
        base_imports += ["XmlArray", "XmlDocument", "XmlMember", "XmlObject", "XmlRef", "XmlScalar"]
    package = naming.python_package(api.name)
    return ClientView(
        api=api.name,
        package=package,
        distribution=naming.python_distribution(api.name),
        title=api.title,
        version=api.version,
        summary=api.summary,
        description=api.description,
        header=(
            f"# Generated by specpipe from spec/{api.name}/ "
            f"(bundled: generated/bundled/{api.name}.yaml).\n"
            "# Do not edit: change the spec and run `make generate`."
        ),
        base_url=_base_url(api),
        base_url_env=py.environment_variable(api.name, "base url"),
        credentials=credentials,
        schemes=schemes,
        client_headers=client_headers,
        operations=operations,
        imports=imports,
        typing_imports=typing_imports,
        abc_imports=abc_imports,
        uses_models=types.uses_models,
        xml_objects=sorted(xml.objects.items()),
        base_imports=sorted(base_imports),
        module_doc=_module_doc(api),
        client_doc=_client_doc(api.name, credentials, client_headers),
    )


def _module_doc(api: ir.Api) -> list[str]:
    lines = _wrap(f"Sync and async clients of the {api.title} (spec version {api.version}).", 0)
    if api.summary:
        lines += ["", *_wrap(api.summary, 0)]
    return lines


def _arg(name: str, text: str) -> list[str]:
    """One ``Args:`` entry of a docstring, wrapped (the docstring is indented 8 spaces)."""
    flat = _doc(" ".join(text.split())) or "(undocumented)"
    return textwrap.wrap(
        flat,
        _DOC_WIDTH,
        initial_indent=f"    {name}: ",
        subsequent_indent="        ",
        break_on_hyphens=False,
        break_long_words=False,
    )


def _client_doc(
    api: str, credentials: list[CredentialView], headers: list[ClientHeaderView]
) -> list[str]:
    lines = ["Args:"]
    for credential in credentials:
        lines += _arg(
            credential.name,
            f"{credential.description} Default: the environment variable ``{credential.env}``.",
        )
    for header in headers:
        lines += _arg(
            header.name,
            f"Sent as ``{header.wire}`` on every call (a call may override it). "
            + header.description,
        )
    base_env = py.environment_variable(api, "base url")
    lines += _arg(
        "base_url", f"Root URL of the API. Default: ``{base_env}``, else ``DEFAULT_BASE_URL``."
    )
    lines += _arg("timeout", "Seconds a request may take (or an ``httpx.Timeout``).")
    lines += _arg(
        "max_retries",
        "Retries of idempotent requests on 429, 502, 503, 504 and connection errors, with "
        "exponential backoff and full jitter.",
    )
    lines += _arg("headers", "Extra headers sent on every call.")
    return lines


def _render(template: str, **context: Any) -> str:
    env = environment("python")
    env.filters.setdefault("py", _q)
    return render("python", template, **context)


def package_init(api: ir.Api) -> str:
    """The package's ``__init__.py``: the client, errors and models, imported on first use."""
    doc = _wrap(f"Typed client and models of the {api.title} (spec version {api.version}).", 0)
    return _render("__init__.py.j2", doc=doc)


def _format(source: str, filename: str) -> str:
    from specpipe.models import _ruff

    source = _ruff(
        source, "check", "--fix", "--quiet", "--select", "I,F401,UP", "--stdin-filename", filename
    )
    source = _ruff(source, "format", "--stdin-filename", filename)
    return source if source.endswith("\n") else source + "\n"


def _format_markdown(text: str) -> str:
    """The README with its Python examples formatted as the package's ``ruff format`` wants."""
    from specpipe.models import _ruff

    return _ruff(text, "format", "--stdin-filename", "README.md")


def _write(path: Path, text: str) -> Path:
    write_if_changed(path, text)
    return path


def generate_client(api: ir.Api, out_dir: Path) -> list[Path]:
    """Write the client modules and README of ``api`` into ``out_dir`` (beside its models)."""
    package = naming.python_package(api.name)
    models_source = (out_dir / package / "models.py").read_text(encoding="utf-8")
    view = build_view(api, models_source)
    written = []
    for template, target in (
        ("_base.py.j2", "_base.py"),
        ("errors.py.j2", "errors.py"),
        ("client.py.j2", "client.py"),
    ):
        source = _format(_render(template, view=view, header=view.header), target)
        written.append(_write(out_dir / package / target, source))
    readme = _format_markdown(_render("README.md.j2", view=view))
    written.append(_write(out_dir / "README.md", readme))
    return written
