"""The intermediate representation: one language-neutral model of an API.

Built from a bundled OpenAPI 3.0 or 3.1 document, it is what the client generators and the
Markdown docs render from: operations with parameters by location, bodies per media type
(with their examples), responses per status, security requirements (with scopes), and named
schemas with their constraints and cross-field rules. Nothing here knows a language (naming
lives in :mod:`specpipe.naming`) or an API of ours (anything specific to one API is written in
its spec).

Anonymous object schemas (an inline object in a body or a property) are given a name from
where they sit, so every object a generator meets is a named :class:`Schema`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from specpipe.loader import resolve_ref
from specpipe.naming.common import words
from specpipe.rules import Role, Rule, is_rules_only, role, split_rules

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
IDEMPOTENT_METHODS = frozenset(["get", "head", "options", "put", "delete"])  # retried by clients
_SCHEMA_PREFIX = "#/components/schemas/"


class IRError(ValueError):
    """The document uses something the representation cannot express; says where."""


class Kind(StrEnum):
    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    ARRAY = "array"
    MAP = "map"  # an object with only additionalProperties: string keys to `items`
    REF = "ref"  # a named schema (object, enum or alias): `ref`
    ANY = "any"  # no constraint on the value (an empty schema)
    NULL = "null"  # only null
    UNION = "union"  # one of `variants`


@dataclass(frozen=True)
class Constraints:
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    min_items: int | None = None
    max_items: int | None = None
    unique_items: bool = False
    multiple_of: float | None = None

    def items(self) -> Iterator[tuple[str, Any]]:
        """The constraints that are set, as (JSON Schema keyword, value)."""
        names = {
            "min_length": "minLength",
            "max_length": "maxLength",
            "pattern": "pattern",
            "minimum": "minimum",
            "maximum": "maximum",
            "exclusive_minimum": "exclusiveMinimum",
            "exclusive_maximum": "exclusiveMaximum",
            "min_items": "minItems",
            "max_items": "maxItems",
            "unique_items": "uniqueItems",
            "multiple_of": "multipleOf",
        }
        for attribute, keyword in names.items():
            value = getattr(self, attribute)
            if value is not None and value is not False:
                yield keyword, value


@dataclass(frozen=True)
class Type:
    kind: Kind
    nullable: bool = False
    format: str | None = None  # date-time, date, uuid, int32, int64, float, double, byte…
    items: Type | None = None  # ARRAY items, MAP values
    ref: str | None = None  # REF: the name of a Schema of the Api
    variants: tuple[Type, ...] = ()  # UNION
    enum: tuple[Any, ...] | None = None  # inline enum of literals (not a named enum)
    constraints: Constraints = field(default_factory=Constraints)

    def with_nullable(self, nullable: bool = True) -> Type:
        return Type(
            self.kind,
            nullable,
            self.format,
            self.items,
            self.ref,
            self.variants,
            self.enum,
            self.constraints,
        )


@dataclass(frozen=True)
class Property:
    wire_name: str
    type: Type
    required: bool
    description: str = ""
    has_default: bool = False
    default: Any = None
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    xml: Mapping[str, Any] | None = None  # the member's `xml` hints (over its schema's)


class SchemaKind(StrEnum):
    OBJECT = "object"
    ENUM = "enum"
    ALIAS = "alias"  # a named array, primitive, union or free-form value


@dataclass(frozen=True)
class Schema:
    name: str  # the component name (or a synthesized one for an inline object)
    kind: SchemaKind
    pointer: str  # where it is defined in the bundled document
    title: str = ""
    description: str = ""
    properties: tuple[Property, ...] = ()  # OBJECT
    additional: Type | None = None  # OBJECT: type of extra members when the schema allows them
    enum_values: tuple[Any, ...] = ()  # ENUM
    enum_type: Kind = Kind.STRING  # ENUM: kind of the values
    alias_of: Type | None = None  # ALIAS
    rules: tuple[Rule, ...] = ()  # cross-field rules (typeless applicators)
    xml: Mapping[str, Any] | None = None
    extensions: Mapping[str, Any] = field(default_factory=dict)  # x-* members
    has_default: bool = False
    default: Any = None
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    examples: tuple[Any, ...] = ()  # the schema's `examples` (or its `example`)


@dataclass(frozen=True)
class Parameter:
    wire_name: str
    location: str  # path, query, header, cookie
    type: Type
    required: bool
    description: str = ""
    deprecated: bool = False
    style: str | None = None
    explode: bool | None = None
    examples: Mapping[str, Any] = field(default_factory=dict)  # name -> value ("example")
    has_default: bool = False  # the default of its schema
    default: Any = None


@dataclass(frozen=True)
class MediaType:
    name: str  # e.g. application/json, text/xml, application/*+json
    type: Type | None  # None: no schema (opaque body)
    examples: Mapping[str, Any] = field(default_factory=dict)  # name -> value
    summaries: Mapping[str, str] = field(default_factory=dict)  # example name -> its summary

    @property
    def is_json(self) -> bool:
        base = self.name.split(";")[0].strip().lower()
        return base in ("application/json", "text/json") or base.endswith("+json")

    @property
    def is_xml(self) -> bool:
        base = self.name.split(";")[0].strip().lower()
        return base in ("application/xml", "text/xml") or base.endswith("+xml")


@dataclass(frozen=True)
class Body:
    required: bool
    media_types: tuple[MediaType, ...]
    description: str = ""


@dataclass(frozen=True)
class Response:
    status: str  # "200", "4XX", "default"
    description: str
    media_types: tuple[MediaType, ...] = ()
    headers: tuple[Parameter, ...] = ()
    links: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_success(self) -> bool:
        return self.status.startswith("2")


@dataclass(frozen=True)
class SecurityScheme:
    name: str
    type: str  # apiKey, http, oauth2, openIdConnect, mutualTLS
    description: str = ""
    location: str | None = None  # apiKey: header, query, cookie
    parameter_name: str | None = None  # apiKey: the header/query/cookie name
    scheme: str | None = None  # http: bearer, basic, …
    bearer_format: str | None = None
    extensions: Mapping[str, Any] = field(default_factory=dict)  # x-* members


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str  # lower case
    path: str
    summary: str
    description: str
    tags: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    body: Body | None
    responses: tuple[Response, ...]
    security: tuple[tuple[str, ...], ...]  # alternatives; each lists schemes needed together
    deprecated: bool = False
    extensions: Mapping[str, Any] = field(default_factory=dict)
    # the scopes of each scheme of each alternative (same order as ``security``)
    security_scopes: tuple[tuple[tuple[str, ...], ...], ...] = ()

    def parameters_in(self, location: str) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)

    @property
    def is_idempotent(self) -> bool:
        """Whether a client may retry it: GET, HEAD, OPTIONS, PUT and DELETE."""
        return self.method in IDEMPOTENT_METHODS


@dataclass(frozen=True)
class Server:
    url: str
    description: str = ""
    variables: Mapping[str, Any] = field(default_factory=dict)

    def default_url(self) -> str:
        """The URL with each ``{variable}`` replaced by its default ("" when it has none)."""

        def value(match: re.Match[str]) -> str:
            variable = self.variables.get(match.group(1), {})
            return str(variable.get("default", "")) if isinstance(variable, Mapping) else ""

        return re.sub(r"\{([^{}]+)\}", value, self.url)


@dataclass(frozen=True)
class Api:
    name: str
    title: str
    version: str
    summary: str
    description: str
    servers: tuple[Server, ...]
    security_schemes: tuple[SecurityScheme, ...]
    schemas: tuple[Schema, ...]
    operations: tuple[Operation, ...]
    tags: tuple[tuple[str, str], ...]  # (name, description)
    openapi: str
    security: tuple[tuple[str, ...], ...] = ()  # the document's default requirements
    security_scopes: tuple[tuple[tuple[str, ...], ...], ...] = ()  # as Operation's
    # schemas that only hold cross-field rules (shared through allOf): not types of their own
    rules_only: tuple[Schema, ...] = ()
    component_order: tuple[str, ...] = ()  # names of the component schemas, in document order

    def schema(self, name: str) -> Schema:
        for schema in self.schemas:
            if schema.name == name:
                return schema
        raise KeyError(name)

    def concrete(self, kind: Type) -> Type:
        """``kind`` with references to alias schemas followed (nullability accumulates)."""
        seen: set[str] = set()
        while kind.kind is Kind.REF and kind.ref is not None and kind.ref not in seen:
            seen.add(kind.ref)
            schema = self.schema(kind.ref)
            if schema.kind is not SchemaKind.ALIAS or schema.alias_of is None:
                break
            kind = schema.alias_of.with_nullable(schema.alias_of.nullable or kind.nullable)
        return kind

    def common_headers(self) -> tuple[Parameter, ...]:
        """Header parameters every operation requires (names compared case-insensitively),
        in the order of the first operation: what a client can set once for all calls."""
        if not self.operations:
            return ()
        return tuple(
            p
            for p in self.operations[0].parameters_in("header")
            if p.required
            and all(
                any(q.required and q.wire_name.lower() == p.wire_name.lower() for q in headers)
                for headers in (o.parameters_in("header") for o in self.operations)
            )
        )

    def scheme(self, name: str) -> SecurityScheme:
        for scheme in self.security_schemes:
            if scheme.name == name:
                return scheme
        raise KeyError(name)


# ------------------------------------------------------------------------ building


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


class _Builder:
    def __init__(self, name: str, document: dict[str, Any]) -> None:
        self.name = name
        self.document = document
        self.v30 = str(document.get("openapi", "")).startswith("3.0")
        self.components: dict[str, Any] = document.get("components", {}).get("schemas", {}) or {}
        self.schemas: dict[str, Schema] = {}
        self._pending: list[tuple[str, dict[str, Any], str]] = []

    # references -----------------------------------------------------------------

    def resolve(self, ref: str) -> dict[str, Any]:
        try:
            return resolve_ref(self.document, ref)
        except KeyError as exc:
            raise IRError(str(exc.args[0])) from None

    def deref(self, node: Any) -> Any:
        seen: set[str] = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                raise IRError(f"{ref}: circular reference")
            seen.add(ref)
            node = self.resolve(ref)
        return node

    # types ---------------------------------------------------------------------

    def type_of(self, schema: Any, pointer: str, hint: str) -> Type:
        """The Type of a schema at ``pointer``; ``hint`` names an inline object if needed."""
        if schema is True or schema is None or schema == {}:
            return Type(Kind.ANY, nullable=True)
        if not isinstance(schema, dict):
            raise IRError(f"{pointer}: a schema must be an object")
        ref = schema.get("$ref")
        if isinstance(ref, str):
            if ref.startswith(_SCHEMA_PREFIX):
                target = _unescape(ref[len(_SCHEMA_PREFIX) :])
                if "/" not in target:
                    self._ensure(target)
                    return Type(Kind.REF, ref=target, nullable=self._nullable_ref(schema))
            return self.type_of(self.resolve(ref), ref[1:], hint)
        for keyword in ("anyOf", "oneOf"):
            members = schema.get(keyword)
            if isinstance(members, list) and members:
                return self._union(members, f"{pointer}/{keyword}", hint, schema)
        typed = [m for m in schema.get("allOf", []) if self._declares_type(m)]
        if typed and "type" not in schema and "properties" not in schema:
            if len(typed) == 1:
                return self.type_of(typed[0], f"{pointer}/allOf/0", hint)
            raise IRError(f"{pointer}: allOf of several typed schemas is not supported")
        kinds = schema.get("type")
        kind_list = [kinds] if isinstance(kinds, str) else list(kinds or [])
        nullable = "null" in kind_list or bool(self.v30 and schema.get("nullable"))
        kind_list = [k for k in kind_list if k != "null"]
        if not kind_list:
            if "properties" in schema or "additionalProperties" in schema:
                kind_list = ["object"]
            elif "items" in schema:
                kind_list = ["array"]
            elif "enum" in schema or "const" in schema:
                values = schema.get("enum", [schema.get("const")])
                kind_list = [_kind_of_value(values)]
            elif nullable:
                return Type(Kind.NULL, nullable=True)
            else:
                return Type(Kind.ANY, nullable=True)
        if len(kind_list) > 1:
            variants = tuple(self.type_of({**schema, "type": k}, pointer, hint) for k in kind_list)
            return Type(Kind.UNION, nullable=nullable, variants=variants)
        kind = kind_list[0]
        constraints = _constraints(schema)
        enum = schema.get("enum")
        if "const" in schema:
            enum = [schema["const"]]
        enum_values = tuple(v for v in enum if v is not None) if isinstance(enum, list) else None
        if enum is not None and None in enum:
            nullable = True
        if kind == "array":
            items = self.type_of(schema.get("items", {}), f"{pointer}/items", hint + " item")
            return Type(Kind.ARRAY, nullable, items=items, constraints=constraints)
        if kind == "object":
            if "properties" not in schema and "additionalProperties" in schema:
                extra = schema["additionalProperties"]
                values = self.type_of(
                    {} if extra is True else extra,
                    f"{pointer}/additionalProperties",
                    hint + " value",
                )
                return Type(Kind.MAP, nullable, items=values)
            if "properties" not in schema:
                return Type(Kind.MAP, nullable, items=Type(Kind.ANY, nullable=True))
            name = self._synthesize(schema, pointer, hint)
            return Type(Kind.REF, nullable, ref=name)
        if kind not in ("string", "integer", "number", "boolean"):
            raise IRError(f"{pointer}: unknown type {kind!r}")
        return Type(
            Kind(kind),
            nullable,
            format=schema.get("format"),
            enum=enum_values,
            constraints=constraints,
        )

    def _declares_type(self, schema: Any) -> bool:
        return role(schema, self.resolve) is Role.SHAPE

    def _nullable_ref(self, schema: dict[str, Any]) -> bool:
        return bool(self.v30 and schema.get("nullable"))

    def _union(self, members: list[Any], pointer: str, hint: str, parent: dict[str, Any]) -> Type:
        nullable = False
        variants: list[Type] = []
        for index, member in enumerate(members):
            target = self.deref(member)
            if isinstance(target, dict) and target.get("type") == "null":
                nullable = True
                continue
            variants.append(self.type_of(member, f"{pointer}/{index}", hint))
        if self.v30 and parent.get("nullable"):
            nullable = True
        if not variants:
            return Type(Kind.NULL, nullable=True)
        if len(variants) == 1:
            return variants[0].with_nullable(nullable or variants[0].nullable)
        return Type(Kind.UNION, nullable=nullable, variants=tuple(variants))

    # named schemas --------------------------------------------------------------

    def _ensure(self, name: str) -> None:
        if name in self.schemas or any(p[0] == name for p in self._pending):
            return
        if name not in self.components:
            raise IRError(f"{_SCHEMA_PREFIX}{name}: no such schema")
        self._pending.append((name, self.components[name], f"/components/schemas/{name}"))

    def _synthesize(self, schema: dict[str, Any], pointer: str, hint: str) -> str:
        for name, component in self.components.items():
            if component is schema:
                self._ensure(name)
                return name
        base = "".join(w.capitalize() for w in words(hint)) or "Inline"
        name, n = base, 2
        taken = set(self.components) | set(self.schemas) | {p[0] for p in self._pending}
        while name in taken:
            name, n = f"{base}{n}", n + 1
        self._pending.append((name, schema, pointer))
        return name

    def drain(self) -> None:
        while self._pending:
            name, schema, pointer = self._pending.pop(0)
            if name not in self.schemas:
                self.schemas[name] = self._named(name, schema, pointer)

    def _named(self, name: str, schema: Any, pointer: str, rules_only: bool = False) -> Schema:
        if not isinstance(schema, dict):
            raise IRError(f"{pointer}: a schema must be an object")
        common: dict[str, Any] = {
            "name": name,
            "pointer": pointer,
            "title": str(schema.get("title", "")),
            "description": str(schema.get("description", "")),
            "xml": schema.get("xml"),
            "extensions": {k: v for k, v in schema.items() if k.startswith("x-")},
            "has_default": "default" in schema,
            "default": schema.get("default"),
            "read_only": bool(schema.get("readOnly", False)),
            "write_only": bool(schema.get("writeOnly", False)),
            "deprecated": bool(schema.get("deprecated", False)),
            "examples": _schema_examples(schema),
        }
        if rules_only:
            _, rules = split_rules(schema, pointer, self.resolve)
            any_value = Type(Kind.ANY, nullable=True)
            return Schema(kind=SchemaKind.ALIAS, alias_of=any_value, rules=tuple(rules), **common)
        is_object = schema.get("type") == "object" or (
            "properties" in schema and "type" not in schema
        )
        if is_object:
            shape, rules = split_rules(schema, pointer, self.resolve)
            required = set(shape.get("required", []))
            properties = tuple(
                self._property(wire, sub, wire in required, f"{pointer}/properties/{wire}", name)
                for wire, sub in shape.get("properties", {}).items()
            )
            extra = shape.get("additionalProperties", True)
            additional = None
            if extra is not False:
                additional = self.type_of(
                    {} if extra is True else extra,
                    f"{pointer}/additionalProperties",
                    f"{name} value",
                )
            return Schema(
                kind=SchemaKind.OBJECT,
                properties=properties,
                additional=additional,
                rules=tuple(rules),
                **common,
            )
        if "enum" in schema and schema.get("type") != "array":
            values = tuple(v for v in schema["enum"] if v is not None)
            return Schema(
                kind=SchemaKind.ENUM,
                enum_values=values,
                enum_type=Kind(_kind_of_value(list(values))),
                **common,
            )
        alias = self.type_of(schema, pointer, name)
        return Schema(kind=SchemaKind.ALIAS, alias_of=alias, **common)

    def _property(self, wire: str, sub: Any, required: bool, pointer: str, owner: str) -> Property:
        target: dict[str, Any] = self.deref(sub) if isinstance(sub, dict) else {}
        local: dict[str, Any] = sub if isinstance(sub, dict) else {}
        description = str(local.get("description") or target.get("description") or "")
        has_default = "default" in local or "default" in target
        default = local.get("default", target.get("default"))
        return Property(
            wire_name=wire,
            type=self.type_of(sub, pointer, f"{owner} {wire}"),
            required=required,
            description=description,
            has_default=has_default,
            default=default,
            read_only=bool(local.get("readOnly", target.get("readOnly", False))),
            write_only=bool(local.get("writeOnly", target.get("writeOnly", False))),
            deprecated=bool(local.get("deprecated", target.get("deprecated", False))),
            xml=_merged_xml(target, local),
        )

    # operations ----------------------------------------------------------------

    def parameter(self, node: Any, pointer: str, hint: str) -> Parameter:
        param = self.deref(node)
        if not isinstance(param, dict) or "name" not in param or "in" not in param:
            raise IRError(f"{pointer}: a parameter needs a name and a location")
        schema = param.get("schema")
        examples = {n: self.deref(e).get("value") for n, e in (param.get("examples") or {}).items()}
        if schema is None and "content" in param:
            content: dict[str, Any] = param["content"]
            first: dict[str, Any] = next(iter(content.values()), {})
            schema = first.get("schema", {})
            examples.update(self._examples(first)[0])
        if "example" in param:
            examples.setdefault("example", param["example"])
        target = self.deref(schema) if isinstance(schema, dict) else {}
        local = schema if isinstance(schema, dict) else {}
        return Parameter(
            wire_name=str(param["name"]),
            location=str(param["in"]),
            type=self.type_of(schema or {}, f"{pointer}/schema", f"{hint} {param['name']}"),
            required=bool(param.get("required", param["in"] == "path")),
            description=str(param.get("description", "")),
            deprecated=bool(param.get("deprecated", False)),
            style=param.get("style"),
            explode=param.get("explode"),
            examples=examples,
            has_default="default" in local or "default" in target,
            default=local.get("default", target.get("default")),
        )

    def _examples(self, media: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """The examples of a media type (name -> value) and their summaries."""
        values: dict[str, Any] = {}
        summaries: dict[str, str] = {}
        for example_name, node in (media.get("examples") or {}).items():
            example = self.deref(node)
            values[example_name] = example.get("value")
            if example.get("summary"):
                summaries[example_name] = str(example["summary"])
        if "example" in media:
            values.setdefault("example", media["example"])
        return values, summaries

    def media_types(self, content: Any, pointer: str, hint: str) -> tuple[MediaType, ...]:
        found = []
        for name, media in (content or {}).items():
            media = media or {}
            schema = media.get("schema")
            token = _escape(name)
            kind = (
                None if schema is None else self.type_of(schema, f"{pointer}/{token}/schema", hint)
            )
            examples, summaries = self._examples(media)
            found.append(MediaType(name, kind, examples, summaries))
        return tuple(found)

    def operations(self) -> Iterator[Operation]:
        root_security = self.document.get("security", [])
        for path, item in (self.document.get("paths") or {}).items():
            item = self.deref(item)
            path_ptr = "/paths/" + _escape(path)
            shared = item.get("parameters", [])
            for method in HTTP_METHODS:
                operation = item.get(method)
                if not isinstance(operation, dict):
                    continue
                pointer = f"{path_ptr}/{method}"
                operation_id = operation.get("operationId") or "_".join([method, *words(path)])
                params: dict[tuple[str, str], Parameter] = {}
                for index, node in enumerate(shared):
                    p = self.parameter(node, f"{path_ptr}/parameters/{index}", operation_id)
                    params[(p.location, p.wire_name)] = p
                for index, node in enumerate(operation.get("parameters", [])):
                    p = self.parameter(node, f"{pointer}/parameters/{index}", operation_id)
                    params[(p.location, p.wire_name)] = p
                body = None
                if "requestBody" in operation:
                    request = self.deref(operation["requestBody"])
                    body = Body(
                        required=bool(request.get("required", False)),
                        media_types=self.media_types(
                            request.get("content"),
                            f"{pointer}/requestBody/content",
                            f"{operation_id} request",
                        ),
                        description=str(request.get("description", "")),
                    )
                responses = []
                for status, response in (operation.get("responses") or {}).items():
                    response = self.deref(response)
                    headers = tuple(
                        self.parameter(
                            {**self.deref(h), "name": n, "in": "header"},
                            f"{pointer}/responses/{status}/headers/{n}",
                            operation_id,
                        )
                        for n, h in (response.get("headers") or {}).items()
                    )
                    responses.append(
                        Response(
                            status=str(status),
                            description=str(response.get("description", "")),
                            media_types=self.media_types(
                                response.get("content"),
                                f"{pointer}/responses/{status}/content",
                                f"{operation_id} {status} response",
                            ),
                            headers=headers,
                            links={
                                k: self.deref(v) for k, v in (response.get("links") or {}).items()
                            },
                        )
                    )
                security = operation.get("security", root_security) or []
                yield Operation(
                    operation_id=str(operation_id),
                    method=method,
                    path=path,
                    summary=str(operation.get("summary", "")),
                    description=str(operation.get("description", "")),
                    tags=tuple(operation.get("tags", [])),
                    parameters=tuple(params.values()),
                    body=body,
                    responses=tuple(sorted(responses, key=lambda r: _status_order(r.status))),
                    security=tuple(tuple(requirement) for requirement in security),
                    deprecated=bool(operation.get("deprecated", False)),
                    extensions={k: v for k, v in operation.items() if k.startswith("x-")},
                    security_scopes=_scopes(security),
                )


def _scopes(requirements: list[dict[str, Any]]) -> tuple[tuple[tuple[str, ...], ...], ...]:
    return tuple(
        tuple(tuple(str(s) for s in scopes or ()) for scopes in requirement.values())
        for requirement in requirements
    )


def _schema_examples(schema: dict[str, Any]) -> tuple[Any, ...]:
    examples = schema.get("examples")
    if isinstance(examples, list):
        return tuple(examples)
    return (schema["example"],) if "example" in schema else ()


def _merged_xml(target: dict[str, Any], local: dict[str, Any]) -> Mapping[str, Any] | None:
    merged = {**(target.get("xml") or {}), **(local.get("xml") or {})}
    return merged or None


def _status_order(status: str) -> tuple[int, str]:
    if status == "default":
        return (999, status)
    return (int(re.sub(r"[Xx]", "9", status)), status)


def _kind_of_value(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "integer"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "number"
    return "string"


def _constraints(schema: dict[str, Any]) -> Constraints:
    def number(key: str) -> float | None:
        value = schema.get(key)
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    exclusive_min = number("exclusiveMinimum")
    exclusive_max = number("exclusiveMaximum")
    minimum, maximum = number("minimum"), number("maximum")
    if schema.get("exclusiveMinimum") is True:  # OpenAPI 3.0 spelling
        exclusive_min, minimum = minimum, None
    if schema.get("exclusiveMaximum") is True:
        exclusive_max, maximum = maximum, None
    return Constraints(
        min_length=schema.get("minLength"),
        max_length=schema.get("maxLength"),
        pattern=schema.get("pattern"),
        minimum=minimum,
        maximum=maximum,
        exclusive_minimum=exclusive_min,
        exclusive_maximum=exclusive_max,
        min_items=schema.get("minItems"),
        max_items=schema.get("maxItems"),
        unique_items=bool(schema.get("uniqueItems", False)),
        multiple_of=number("multipleOf"),
    )


def build(name: str, document: dict[str, Any]) -> Api:
    """The representation of one bundled document (named ``name``)."""
    builder = _Builder(name, document)
    operations = tuple(builder.operations())
    for schema_name, schema in builder.components.items():
        if not is_rules_only(schema, builder.resolve):
            builder._ensure(schema_name)
    builder.drain()
    rules_only = tuple(
        builder._named(schema_name, schema, f"/components/schemas/{_escape(schema_name)}", True)
        for schema_name, schema in builder.components.items()
        if schema_name not in builder.schemas and is_rules_only(schema, builder.resolve)
    )
    security = document.get("security") or []
    info = document.get("info", {})
    schemes = tuple(
        SecurityScheme(
            name=scheme_name,
            type=str(scheme.get("type", "")),
            description=str(scheme.get("description", "")),
            location=scheme.get("in"),
            parameter_name=scheme.get("name"),
            scheme=(str(scheme["scheme"]).lower() if "scheme" in scheme else None),
            bearer_format=scheme.get("bearerFormat"),
            extensions={k: v for k, v in scheme.items() if k.startswith("x-")},
        )
        for scheme_name, scheme in (
            (n, builder.deref(s))
            for n, s in (document.get("components", {}).get("securitySchemes") or {}).items()
        )
    )
    return Api(
        name=name,
        title=str(info.get("title", name)),
        version=str(info.get("version", "")),
        summary=str(info.get("summary", "")),
        description=str(info.get("description", "")),
        servers=tuple(
            Server(str(s.get("url", "/")), str(s.get("description", "")), s.get("variables") or {})
            for s in document.get("servers") or [{"url": "/"}]
        ),
        security_schemes=schemes,
        schemas=tuple(builder.schemas[n] for n in sorted(builder.schemas)),
        operations=operations,
        tags=tuple(
            (str(t.get("name")), str(t.get("description", ""))) for t in document.get("tags", [])
        ),
        openapi=str(document.get("openapi", "")),
        security=tuple(tuple(requirement) for requirement in security),
        security_scopes=_scopes(security),
        rules_only=rules_only,
        component_order=tuple(builder.components),
    )
