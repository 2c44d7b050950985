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
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from specpipe.loader import HTTP_METHODS, resolve_ref
from specpipe.naming.common import words
from specpipe.rules import Role, Rule, is_rules_only, role, split_rules

IDEMPOTENT_METHODS = frozenset(["get", "head", "options", "put", "delete"])  # retried by clients
_SCHEMA_PREFIX = "#/components/schemas/"


class GenerationError(ValueError):
    """A generator cannot render the document; the message says where and why (one line)."""


class IRError(GenerationError):
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
class Discriminator:
    """The member whose value tells the alternatives of a union apart."""

    property: str  # its wire name
    mapping: tuple[tuple[str, str], ...] = ()  # (value, schema name), explicit or implicit


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
    discriminator: Discriminator | None = None  # UNION: how its alternatives are told apart

    def with_nullable(self, nullable: bool = True) -> Type:
        return replace(self, nullable=nullable)

    @property
    def is_binary(self) -> bool:
        """Raw bytes (``format: binary``), as a body or a multipart part carries them."""
        return self.kind is Kind.STRING and self.format == "binary"


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
    nullable: bool = False  # the schema itself admits null (a nullable enum, say)


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


class Codec(StrEnum):
    JSON = "json"
    XML = "xml"
    FORM = "form"  # application/x-www-form-urlencoded
    MULTIPART = "multipart"  # multipart/form-data and other multipart types
    TEXT = "text"  # a string body
    BINARY = "binary"  # raw bytes


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

    @property
    def codec(self) -> Codec:
        """How a body of this media type is written and read: the one place it is decided.

        JSON and XML by name; ``application/x-www-form-urlencoded`` is a form, ``multipart/*``
        multipart; a ``text/*`` type is text; any other type is raw bytes unless its schema
        is an object or an array (a vendor's own ``application/vnd.x`` JSON), and a schema
        of ``format: binary`` makes any non-JSON type bytes.
        """
        base = self.name.split(";")[0].strip().lower()
        if self.is_json:
            return Codec.JSON
        if self.is_xml:
            return Codec.XML
        if base == "application/x-www-form-urlencoded":
            return Codec.FORM
        if base.startswith("multipart/"):
            return Codec.MULTIPART
        kind = self.type
        if kind is not None and kind.is_binary:
            return Codec.BINARY
        if base.startswith("text/"):
            return Codec.TEXT
        if kind is not None and kind.kind in (Kind.REF, Kind.ARRAY, Kind.MAP, Kind.UNION):
            return Codec.JSON
        return Codec.BINARY


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
class Notice:
    """A construct generated loosely or not at all, and where it is."""

    pointer: str  # where, in the bundled document
    message: str

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.message}"


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
    # constructs typed loosely (the language's any) or left out, each with its pointer: every
    # generator prints them, one line each
    warnings: tuple[Notice, ...] = ()
    notes: tuple[Notice, ...] = ()  # parts of the document no generator covers (webhooks…)
    _by_name: Mapping[str, Schema] = field(default_factory=dict, compare=False, repr=False)
    document: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {schema.name: schema for schema in self.schemas})

    def resolve(self, ref: str) -> dict[str, Any]:
        """The target of a local ``$ref`` in the bundled document (rules are compiled with it)."""
        try:
            return resolve_ref(self.document, ref)
        except KeyError as exc:
            raise IRError(str(exc.args[0])) from None

    def schema(self, name: str) -> Schema:
        return self._by_name[name]

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


def _mapping(value: Any) -> dict[str, Any]:
    """``value`` when it is a mapping, else an empty one (a document that skipped validation
    may hold anything anywhere; the builder never trusts a shape it did not check)."""
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


# keywords a merged allOf takes the tightest value of: (keyword, pick)
_TIGHTEST: tuple[tuple[str, Any], ...] = (
    ("minLength", max),
    ("maxLength", min),
    ("minimum", max),
    ("maximum", min),
    ("exclusiveMinimum", max),
    ("exclusiveMaximum", min),
    ("minItems", max),
    ("maxItems", min),
    ("minProperties", max),
    ("maxProperties", min),
)
_FIRST_WINS = ("format", "pattern", "multipleOf", "uniqueItems", "title", "xml", "discriminator")
_MAX_DEPTH = 64  # type_of calls in progress (nested inline schemas, merges of merges)
_TYPES = ("string", "integer", "number", "boolean", "array", "object", "null")


class _Builder:
    def __init__(self, name: str, document: dict[str, Any]) -> None:
        self.name = name
        self.document = document
        self.v30 = str(document.get("openapi", "")).startswith("3.0")
        self.components: dict[str, Any] = _mapping(
            _mapping(document.get("components")).get("schemas")
        )
        self._component_of = {id(v): k for k, v in self.components.items()}
        self._inline_of: dict[int, str] = {}  # id of an inline object schema -> its name
        self.schemas: dict[str, Schema] = {}
        self._pending: list[tuple[str, Any, str, tuple[Rule, ...]]] = []
        self._pending_names: set[str] = set()
        self._merged: dict[int, tuple[dict[str, Any], tuple[Rule, ...]] | None] = {}
        self._resolving: list[str] = []
        self._depth = 0
        self._roles: dict[int, Role] = {}
        self._alive: list[Any] = []
        self.warnings: dict[tuple[str, str], Notice] = {}
        self.notes: dict[tuple[str, str], Notice] = {}

    def role(self, schema: Any) -> Role:
        """:func:`specpipe.rules.role`, remembered per schema object (kept alive here, so
        that an id is never reused while the builder runs)."""
        key = id(schema)
        found = self._roles.get(key)
        if found is None:
            found = self._roles[key] = role(schema, self.resolve)
            self._alive.append(schema)
        return found

    def warn(self, pointer: str, message: str) -> None:
        self.warnings.setdefault((pointer, message), Notice(pointer, message))

    def note(self, pointer: str, message: str) -> None:
        self.notes.setdefault((pointer, message), Notice(pointer, message))

    # references -----------------------------------------------------------------

    def resolve(self, ref: str) -> dict[str, Any]:
        try:
            return resolve_ref(self.document, ref)
        except KeyError as exc:
            raise IRError(str(exc.args[0])) from None

    def deref(self, node: Any) -> Any:
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                raise IRError(f"{ref}: circular reference")
            seen.add(ref)
            node = self.resolve(ref)
        return node

    def _admits_null(self, schema: Any, depth: int = 0) -> bool:
        """Whether a schema (a component, before it is built) admits ``null`` itself."""
        if not isinstance(schema, dict) or depth > 8:
            return False
        kinds = schema.get("type")
        if kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
            return True
        if self.v30 and schema.get("nullable") is True:
            return True
        if None in _list(schema.get("enum")) or ("const" in schema and schema["const"] is None):
            return True
        if isinstance(schema.get("$ref"), str):
            return self._admits_null(self.deref(schema), depth + 1)
        return any(
            self._admits_null(self.deref(member), depth + 1)
            for keyword in ("anyOf", "oneOf")
            for member in _list(schema.get(keyword))
        )

    # types ---------------------------------------------------------------------

    def type_of(self, schema: Any, pointer: str, hint: str) -> Type:
        """The Type of a schema at ``pointer``; ``hint`` names an inline object if needed."""
        if self._depth > _MAX_DEPTH:
            self.warn(pointer, f"schemas nested more than {_MAX_DEPTH} deep; typed as any value")
            return Type(Kind.ANY, nullable=True)
        self._depth += 1
        try:
            return self._type_of(schema, pointer, hint)
        finally:
            self._depth -= 1

    def _type_of(self, schema: Any, pointer: str, hint: str) -> Type:
        if schema is True or schema is None or schema == {}:
            return Type(Kind.ANY, nullable=True)
        if schema is False:
            self.warn(pointer, "a `false` schema (no value is valid) is typed as any value")
            return Type(Kind.ANY, nullable=True)
        if not isinstance(schema, dict):
            self.warn(pointer, "not a schema object; typed as any value")
            return Type(Kind.ANY, nullable=True)
        ref = schema.get("$ref")
        if isinstance(ref, str):
            return self._ref_type(schema, ref, pointer, hint)
        nullable = self._admits_null(schema)
        union = self._typed_union(schema)
        if union is not None:
            keyword, members = union
            rest = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}
            labels = [_ref_name(member) for member in members]
            if self.role(rest) is Role.SHAPE:
                # base & (A | B) is (base & A) | (base & B); an alternative that already
                # includes its base (`Cat: allOf [Pet, …]`) stays itself
                members = [
                    member if self._includes(member, "#" + pointer) else {"allOf": [rest, member]}
                    for member in members
                ]
            kind = self._union(members, f"{pointer}/{keyword}", hint, schema, labels)
            return kind.with_nullable(kind.nullable or nullable)
        shapes = [m for m in _list(schema.get("allOf")) if self.role(m) is Role.SHAPE]
        if len(shapes) == 1 and "type" not in schema and "properties" not in schema:
            # the common wrapper `{allOf: [$ref], description…}`: the member's type
            kind = self.type_of(shapes[0], f"{pointer}/allOf/0", hint)
            return kind.with_nullable(kind.nullable or nullable)
        if shapes:
            merged = self._merge(schema, pointer)
            if merged is None:
                return Type(Kind.ANY, nullable=True)
            shape, rules = merged
            if _is_object(shape):
                return Type(Kind.REF, nullable, ref=self._synthesize(shape, pointer, hint, rules))
            return self.type_of(shape, pointer, hint).with_nullable(nullable)
        return self._plain(schema, pointer, hint, nullable)

    def _ref_type(self, schema: dict[str, Any], ref: str, pointer: str, hint: str) -> Type:
        local = bool(self.v30 and schema.get("nullable") is True)
        if ref.startswith(_SCHEMA_PREFIX) and "/" not in ref[len(_SCHEMA_PREFIX) :]:
            target = _unescape(ref[len(_SCHEMA_PREFIX) :])
            self._ensure(target)
            nullable = local or self._admits_null(self.components[target])
            return Type(Kind.REF, ref=target, nullable=nullable)
        if ref in self._resolving:
            self.warn(pointer, f"$ref {ref!r} refers to itself; typed as any value")
            return Type(Kind.ANY, nullable=True)
        self._resolving.append(ref)
        try:
            kind = self.type_of(self.resolve(ref), ref[1:] if ref.startswith("#") else ref, hint)
        finally:
            self._resolving.pop()
        return kind.with_nullable(kind.nullable or local)

    def _typed_union(self, schema: dict[str, Any]) -> tuple[str, list[Any]] | None:
        """(keyword, members) of the schema's ``anyOf``/``oneOf`` when it is a union of
        types (a member is a shape), not a rule."""
        for keyword in ("oneOf", "anyOf"):
            members = _list(schema.get(keyword))
            if members and any(self.role(m) is Role.SHAPE for m in members):
                return keyword, members
        return None

    def _plain(self, schema: dict[str, Any], pointer: str, hint: str, nullable: bool) -> Type:
        """A schema without a union or a typed ``allOf``: by its ``type`` (or what it holds)."""
        values = _list(schema.get("enum")) if "enum" in schema else None
        if "const" in schema:
            values = [schema["const"]]
        if values and all(v is None for v in values):
            return Type(Kind.NULL, nullable=True)  # `const: null`, `enum: [null]`: only null
        kinds = schema.get("type")
        kind_list = [kinds] if isinstance(kinds, str) else [k for k in _list(kinds)]
        kind_list = [k for k in kind_list if k != "null"]
        unknown = [k for k in kind_list if k not in _TYPES]
        if unknown:
            self.warn(pointer, f"unknown type {unknown[0]!r}; typed as any value")
            return Type(Kind.ANY, nullable=True)
        if not kind_list:
            if "properties" in schema or "additionalProperties" in schema:
                kind_list = ["object"]
            elif "items" in schema or "prefixItems" in schema:
                kind_list = ["array"]
            elif "enum" in schema or "const" in schema:
                kind_list = [_kind_of_value(values or [])]
            elif nullable:
                return Type(Kind.NULL, nullable=True)
            else:
                return Type(Kind.ANY, nullable=True)
        if len(kind_list) > 1:
            variants = tuple(
                self._plain({**schema, "type": k}, pointer, hint, False) for k in kind_list
            )
            return Type(Kind.UNION, nullable=nullable, variants=variants)
        kind = kind_list[0]
        constraints = _constraints(schema)
        enum: list[Any] | None = _list(schema.get("enum")) if "enum" in schema else None
        if "const" in schema:
            enum = [schema["const"]]
        enum_values = tuple(v for v in enum if v is not None) if enum is not None else None
        if kind == "any":  # an enum of values of several kinds
            return Type(Kind.ANY, nullable, enum=enum_values)
        if kind == "array":
            prefix = _list(schema.get("prefixItems"))
            if prefix:
                parts = [*prefix] + (
                    [schema["items"]] if isinstance(schema.get("items"), dict) else []
                )
                items = self._union(parts, f"{pointer}/prefixItems", hint + " item", {})
                self.warn(pointer, "a tuple (prefixItems) is typed as a list of its item types")
            else:
                items = self.type_of(schema.get("items", {}), f"{pointer}/items", hint + " item")
            return Type(Kind.ARRAY, nullable, items=items, constraints=constraints)
        if kind == "object":
            return self._object_type(schema, pointer, hint, nullable)
        return Type(
            Kind(kind),
            nullable,
            format=schema["format"] if isinstance(schema.get("format"), str) else None,
            enum=enum_values,
            constraints=constraints,
        )

    def _object_type(self, schema: dict[str, Any], pointer: str, hint: str, nullable: bool) -> Type:
        if "properties" in schema or schema.get("additionalProperties") is False:
            return Type(Kind.REF, nullable, ref=self._synthesize(schema, pointer, hint))
        extra = schema.get("additionalProperties")
        if extra is None:
            patterns = list(_mapping(schema.get("patternProperties")).values())
            if len(patterns) == 1:
                values = self.type_of(patterns[0], f"{pointer}/patternProperties", hint + " value")
                return Type(Kind.MAP, nullable, items=values)
            return Type(Kind.MAP, nullable, items=Type(Kind.ANY, nullable=True))
        values = self.type_of(
            {} if extra is True else extra, f"{pointer}/additionalProperties", hint + " value"
        )
        return Type(Kind.MAP, nullable, items=values)

    def _includes(self, member: Any, ref: str, depth: int = 0) -> bool:
        """Whether ``member`` is, or includes through ``allOf``, the schema at ``ref``."""
        if not isinstance(member, dict) or depth > 16:
            return False
        own = member.get("$ref")
        if own == ref:
            return True
        target = self.deref(member) if isinstance(own, str) else member
        return any(
            self._includes(sub, ref, depth + 1) for sub in _list(_mapping(target).get("allOf"))
        )

    def _union(
        self,
        members: list[Any],
        pointer: str,
        hint: str,
        parent: dict[str, Any],
        labels: list[str | None] | None = None,
    ) -> Type:
        nullable = False
        variants: list[Type] = []
        named: dict[str, str] = {}  # schema name of an alternative -> its variant's REF name
        for index, member in enumerate(members):
            target = self.deref(member) if isinstance(member, dict) else member
            if isinstance(target, dict) and target.get("type") == "null":
                nullable = True
                continue
            if self.role(member) is not Role.SHAPE:
                continue  # a rule or annotation alternative adds no type of its own
            label = labels[index] if labels is not None else _ref_name(member)
            name = label or str(index + 1)
            kind = self.type_of(member, f"{pointer}/{index}", f"{hint} {name}")
            nullable = nullable or (kind.kind is Kind.NULL)
            if kind.kind is not Kind.NULL and kind not in variants:
                variants.append(kind)
                if label and kind.kind is Kind.REF and kind.ref is not None:
                    named[label] = kind.ref
        if self.v30 and parent.get("nullable") is True:
            nullable = True
        if not variants:
            return Type(Kind.NULL, nullable=True)
        if len(variants) == 1:
            return variants[0].with_nullable(nullable or variants[0].nullable)
        return Type(
            Kind.UNION,
            nullable=nullable,
            variants=tuple(variants),
            discriminator=self._discriminator(parent, variants, named),
        )

    def _discriminator(
        self, parent: dict[str, Any], variants: list[Type], named: dict[str, str]
    ) -> Discriminator | None:
        """The union's discriminator: explicit mapping values first (each naming the variant
        built from its target), then the schema name of each other named alternative."""
        found = _mapping(parent.get("discriminator"))
        name = found.get("propertyName")
        if not isinstance(name, str):
            return None
        mapping: list[tuple[str, str]] = []
        for value, target in _mapping(found.get("mapping")).items():
            if isinstance(target, str):
                ref = target if "/" in target or target.startswith("#") else _SCHEMA_PREFIX + target
                schema = _unescape(ref.rsplit("/", 1)[-1])
                mapping.append((str(value), named.get(schema, schema)))
        mapped = {schema for _, schema in mapping}
        for label, variant in named.items():
            if variant not in mapped:
                mapping.append((label, variant))
        return Discriminator(property=name, mapping=tuple(mapping))

    # allOf ---------------------------------------------------------------------

    def _merge(
        self, schema: dict[str, Any], pointer: str
    ) -> tuple[dict[str, Any], tuple[Rule, ...]] | None:
        """The shapes of ``schema`` and its ``allOf`` members as one schema, with the rules of
        every member (each at its own pointer); None (and a warning) when they conflict."""
        key = id(schema)
        if key not in self._merged:
            self._alive.append(schema)
            self._merged[key] = None  # a member that includes its own owner: no merge
            self._merged[key] = self._merge_parts(schema, pointer, frozenset({"#" + pointer}))
        return self._merged[key]

    def _merge_parts(
        self, schema: dict[str, Any], pointer: str, seen: frozenset[str]
    ) -> tuple[dict[str, Any], tuple[Rule, ...]] | None:
        own = {k: v for k, v in schema.items() if k != "allOf"}
        parts: list[dict[str, Any]] = [own]
        rules: list[Rule] = []
        for index, member in enumerate(_list(schema.get("allOf"))):
            where = f"{pointer}/allOf/{index}"
            found = self.role(member)
            if found is Role.RULE:
                rules.extend(split_rules({"allOf": [member]}, pointer, self.resolve)[1])
                continue
            if found is not Role.SHAPE:
                continue
            target, branch = member, seen  # the refs from the outermost schema to here
            if isinstance(member, dict) and isinstance(member.get("$ref"), str):
                ref = member["$ref"]
                if ref in seen:
                    self.warn(where, f"allOf includes {ref!r} within itself; left out")
                    continue
                branch = seen | {ref}
                target = self.deref(member)
                where = ref[1:] if ref.startswith("#") else ref
            if not isinstance(target, dict):
                continue
            union = self._typed_union(target)
            if union is not None and any(_ref_of(m) in branch for m in union[1]):
                # a parent whose alternatives are its own children (`Cat: allOf [Pet, …]`,
                # `Pet: oneOf [Cat, Dog]`): the child takes the parent's shape, not its union
                target = {k: v for k, v in target.items() if k != union[0]}
            if "allOf" in target:
                inner = self._merge_parts(target, where, branch)
                if inner is None:
                    return None
                target, inner_rules = inner
                rules.extend(inner_rules)
            shape, member_rules = split_rules(target, where, self.resolve)
            rules.extend(member_rules)
            parts.append(shape)
        own_shape, own_rules = split_rules(own, pointer, self.resolve)
        parts[0] = own_shape
        rules[:0] = own_rules
        merged = self._combine(parts, pointer)
        return None if merged is None else (merged, tuple(rules))

    def _combine(self, parts: list[dict[str, Any]], pointer: str) -> dict[str, Any] | None:
        merged: dict[str, Any] = {}
        declared: list[set[str]] = []
        for part in parts:
            kinds = part.get("type")
            found: set[str] | None = None
            if isinstance(kinds, str):
                found = {kinds}
            elif isinstance(kinds, list):
                found = {k for k in kinds if isinstance(k, str)}
            elif "properties" in part or "additionalProperties" in part:
                found = {"object"}
            if found is not None:
                declared.append(found | ({"null"} if self._admits_null(part) else set()))
        if declared:
            # a number may be an integer: integer and number intersect in integer
            allowed = set.intersection(*({"integer", *d} if "number" in d else d for d in declared))
            if "number" in allowed:
                allowed.discard("integer")
            allowed &= set(_TYPES)
            if not allowed:
                shown = " and ".join("/".join(sorted(d)) for d in declared)
                self.warn(pointer, f"allOf combines {shown}, which no value is; typed as any value")
                return None
            order = [k for k in _TYPES if k in allowed]
            merged["type"] = order[0] if len(order) == 1 else order
        properties: dict[str, list[Any]] = {}
        required: list[str] = []
        closed = [p.get("additionalProperties") is False for p in parts if "properties" in p]
        extra = [
            p["additionalProperties"]
            for p in parts
            if isinstance(p.get("additionalProperties"), dict)
        ]
        unions: list[dict[str, Any]] = []
        for part in parts:
            for wire, sub in _mapping(part.get("properties")).items():
                subs = properties.setdefault(wire, [])
                if sub not in subs:
                    subs.append(sub)
            required.extend(r for r in _list(part.get("required")) if r not in required)
            if self._typed_union(part) is not None:
                unions.append(part)
            for keyword, pick in _TIGHTEST:
                value = part.get(keyword)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    merged[keyword] = pick(merged[keyword], value) if keyword in merged else value
            for keyword in _FIRST_WINS:
                if keyword in part and keyword not in merged:
                    merged[keyword] = part[keyword]
            for keyword in ("description", "readOnly", "writeOnly", "deprecated", "default"):
                if keyword in part and keyword not in merged:
                    merged[keyword] = part[keyword]
            if "items" in part:
                merged["items"] = (
                    part["items"]
                    if "items" not in merged
                    else {"allOf": [merged["items"], part["items"]]}
                )
            enum = part.get("enum", [part["const"]] if "const" in part else None)
            if isinstance(enum, list):
                merged["enum"] = (
                    enum if "enum" not in merged else [v for v in merged["enum"] if v in enum]
                )
        if self.v30 and parts[0].get("nullable") is True:
            merged["nullable"] = True  # the 3.0 idiom of a nullable ref: {nullable, allOf: [ref]}
        if properties:
            merged["properties"] = {
                wire: subs[0] if len(subs) == 1 else {"allOf": subs}
                for wire, subs in properties.items()
            }
        if required:
            merged["required"] = required
        if closed and all(closed):
            merged["additionalProperties"] = False
        elif extra:
            merged["additionalProperties"] = extra[0]
        if len(unions) > 1:
            self.warn(pointer, "allOf of several unions: only the first one is typed")
        if unions:
            keyword, members = self._typed_union(unions[0]) or ("oneOf", [])
            merged[keyword] = members
            if "discriminator" in unions[0]:
                merged["discriminator"] = unions[0]["discriminator"]
        return merged

    # named schemas --------------------------------------------------------------

    def _ensure(self, name: str) -> None:
        if name in self.schemas or name in self._pending_names:
            return
        if name not in self.components:
            raise IRError(f"{_SCHEMA_PREFIX}{name}: no such schema")
        self._pending_names.add(name)
        self._pending.append(
            (name, self.components[name], f"/components/schemas/{_escape(name)}", ())
        )

    def _synthesize(
        self, schema: dict[str, Any], pointer: str, hint: str, rules: tuple[Rule, ...] = ()
    ) -> str:
        component = self._component_of.get(id(schema))
        if component is not None and self.components.get(component) is schema:
            self._ensure(component)
            return component
        known = self._inline_of.get(id(schema))
        if known is not None:
            return known
        base = "".join(w.capitalize() for w in words(hint)) or "Inline"
        name, n = base, 2
        while name in self.components or name in self.schemas or name in self._pending_names:
            name, n = f"{base}{n}", n + 1
        self._inline_of[id(schema)] = name
        self._alive.append(schema)
        self._pending_names.add(name)
        self._pending.append((name, schema, pointer, rules))
        return name

    def drain(self) -> None:
        while self._pending:
            name, schema, pointer, rules = self._pending.pop(0)
            if name not in self.schemas:
                self.schemas[name] = self._named(name, schema, pointer, rules=rules)

    def _named(
        self,
        name: str,
        schema: Any,
        pointer: str,
        rules_only: bool = False,
        rules: tuple[Rule, ...] = (),
    ) -> Schema:
        if not isinstance(schema, dict):
            self.warn(pointer, "not a schema object; typed as any value")
            schema = {}
        common: dict[str, Any] = {
            "name": name,
            "pointer": pointer,
            "title": str(schema.get("title", "")),
            "description": str(schema.get("description", "")),
            "xml": schema.get("xml") if isinstance(schema.get("xml"), dict) else None,
            "extensions": {k: v for k, v in schema.items() if k.startswith("x-")},
            "has_default": "default" in schema,
            "default": schema.get("default"),
            "read_only": schema.get("readOnly") is True,
            "write_only": schema.get("writeOnly") is True,
            "deprecated": schema.get("deprecated") is True,
            "examples": _schema_examples(schema),
            "nullable": self._admits_null(schema),
        }
        if rules_only:
            _, found = split_rules(schema, pointer, self.resolve)
            any_value = Type(Kind.ANY, nullable=True)
            return Schema(kind=SchemaKind.ALIAS, alias_of=any_value, rules=tuple(found), **common)
        shape, found_rules = schema, list(rules)
        if self._typed_union(schema) is None and any(
            self.role(m) is Role.SHAPE for m in _list(schema.get("allOf"))
        ):
            merged = self._merge(schema, pointer)
            if merged is None:
                return Schema(
                    kind=SchemaKind.ALIAS, alias_of=Type(Kind.ANY, nullable=True), **common
                )
            shape, merged_rules = merged
            found_rules.extend(merged_rules)
        elif self._typed_union(schema) is None:
            shape, own_rules = split_rules(schema, pointer, self.resolve)
            found_rules.extend(own_rules)
        if self._typed_union(shape) is None and _is_object(shape):
            return self._object_schema(shape, pointer, name, tuple(found_rules), common)
        enum_values = _list(shape.get("enum"))
        if enum_values and all(v is None for v in enum_values):
            shape = {**shape, "type": "null"}  # only null: an alias of null, not an enum
        elif "enum" in shape and shape.get("type") != "array" and self._typed_union(shape) is None:
            values = tuple(v for v in _list(shape["enum"]) if v is not None)
            return Schema(
                kind=SchemaKind.ENUM,
                enum_values=values,
                enum_type=Kind(_kind_of_value(list(values))),
                **common,
            )
        if shape is not schema:
            self._inline_of[id(shape)] = name
            self._alive.append(shape)
        alias = self.type_of(shape, pointer, name)
        if alias.kind is Kind.REF and alias.ref == name:
            alias = Type(Kind.ANY, nullable=True)  # a schema that is only itself
        return Schema(kind=SchemaKind.ALIAS, alias_of=alias, rules=tuple(found_rules), **common)

    def _object_schema(
        self,
        shape: dict[str, Any],
        pointer: str,
        name: str,
        rules: tuple[Rule, ...],
        common: dict[str, Any],
    ) -> Schema:
        required = set(r for r in _list(shape.get("required")) if isinstance(r, str))
        properties = tuple(
            self._property(
                str(wire), sub, wire in required, f"{pointer}/properties/{_escape(str(wire))}", name
            )
            for wire, sub in _mapping(shape.get("properties")).items()
        )
        extra = shape.get("additionalProperties", True)
        additional = None
        if extra is not False:
            additional = self.type_of(
                {} if extra is True or extra is None else extra,
                f"{pointer}/additionalProperties",
                f"{name} value",
            )
        return Schema(
            kind=SchemaKind.OBJECT,
            properties=properties,
            additional=additional,
            rules=rules,
            **common,
        )

    def _property(self, wire: str, sub: Any, required: bool, pointer: str, owner: str) -> Property:
        target: dict[str, Any] = _mapping(self.deref(sub)) if isinstance(sub, dict) else {}
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
            read_only=local.get("readOnly", target.get("readOnly", False)) is True,
            write_only=local.get("writeOnly", target.get("writeOnly", False)) is True,
            deprecated=local.get("deprecated", target.get("deprecated", False)) is True,
            xml=_merged_xml(target, local),
        )

    # operations ----------------------------------------------------------------

    def parameter(self, node: Any, pointer: str, hint: str) -> Parameter:
        param = self.deref(node)
        if not isinstance(param, dict) or "name" not in param or "in" not in param:
            raise IRError(f"{pointer}: a parameter needs a name and a location")
        schema = param.get("schema")
        examples = {
            str(n): _mapping(self.deref(e)).get("value")
            for n, e in _mapping(param.get("examples")).items()
        }
        if schema is None and "content" in param:
            content: dict[str, Any] = _mapping(param["content"])
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
        for example_name, node in _mapping(media.get("examples")).items():
            example = _mapping(self.deref(node))
            values[str(example_name)] = example.get("value")
            if example.get("summary"):
                summaries[example_name] = str(example["summary"])
        if "example" in media:
            values.setdefault("example", media["example"])
        return values, summaries

    def media_types(self, content: Any, pointer: str, hint: str) -> tuple[MediaType, ...]:
        found = []
        for name, media in _mapping(content).items():
            media = _mapping(media)
            schema = media.get("schema")
            token = _escape(str(name))
            kind = (
                None if schema is None else self.type_of(schema, f"{pointer}/{token}/schema", hint)
            )
            examples, summaries = self._examples(media)
            found.append(MediaType(str(name), kind, examples, summaries))
        return tuple(found)

    def operations(self) -> Iterator[Operation]:
        root_security = _list(self.document.get("security"))
        for path, item in _mapping(self.document.get("paths")).items():
            item = _mapping(self.deref(item))
            path_ptr = "/paths/" + _escape(str(path))
            shared = _list(item.get("parameters"))
            for method in HTTP_METHODS:
                operation = self.deref(item.get(method))
                if not isinstance(operation, dict):
                    continue
                pointer = f"{path_ptr}/{method}"
                if operation.get("callbacks"):
                    self.note(
                        f"{pointer}/callbacks",
                        "callbacks are not generated (the API "
                        "calls the client's server; see the reference docs)",
                    )
                operation_id = operation.get("operationId") or "_".join([method, *words(path)])
                params: dict[tuple[str, str], Parameter] = {}
                for index, node in enumerate(shared):
                    p = self.parameter(node, f"{path_ptr}/parameters/{index}", operation_id)
                    params[(p.location, p.wire_name)] = p
                for index, node in enumerate(_list(operation.get("parameters"))):
                    p = self.parameter(node, f"{pointer}/parameters/{index}", operation_id)
                    params[(p.location, p.wire_name)] = p
                body = None
                if "requestBody" in operation:
                    request = _mapping(self.deref(operation["requestBody"]))
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
                for status, response in _mapping(operation.get("responses")).items():
                    response = _mapping(self.deref(response))
                    headers = tuple(
                        self.parameter(
                            {**self.deref(h), "name": n, "in": "header"},
                            f"{pointer}/responses/{status}/headers/{n}",
                            operation_id,
                        )
                        for n, h in _mapping(response.get("headers")).items()
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
                                k: self.deref(v) for k, v in _mapping(response.get("links")).items()
                            },
                        )
                    )
                security = _list(operation.get("security", root_security))
                yield Operation(
                    operation_id=str(operation_id),
                    method=method,
                    path=path,
                    summary=str(operation.get("summary", "")),
                    description=str(operation.get("description", "")),
                    tags=tuple(str(t) for t in _list(operation.get("tags"))),
                    parameters=tuple(params.values()),
                    body=body,
                    responses=tuple(sorted(responses, key=lambda r: _status_order(r.status))),
                    security=tuple(tuple(_mapping(r)) for r in security),
                    deprecated=bool(operation.get("deprecated", False)),
                    extensions={k: v for k, v in operation.items() if k.startswith("x-")},
                    security_scopes=_scopes([_mapping(r) for r in security]),
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
    if all(isinstance(v, str) for v in present):
        return "string"
    return "any"  # values of several kinds (or arrays and objects): a generator's literal union


def _is_object(schema: dict[str, Any]) -> bool:
    """Whether a schema (without a union) describes an object with members."""
    kinds = schema.get("type")
    if kinds is None:
        return "properties" in schema
    kind_list = [kinds] if isinstance(kinds, str) else _list(kinds)
    return "object" in kind_list and all(k in ("object", "null") for k in kind_list)


def _ref_of(member: Any) -> str | None:
    ref = member.get("$ref") if isinstance(member, dict) else None
    return ref if isinstance(ref, str) else None


def _ref_name(member: Any) -> str | None:
    """The last token of a member's ``$ref`` (a schema's name), if it has one."""
    ref = _ref_of(member)
    return _unescape(ref.rsplit("/", 1)[-1]) if ref else None


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
    for key in ("webhooks", "x-webhooks"):
        hooks = _mapping(document.get(key))
        count = sum(
            1
            for item in hooks.values()
            for method in HTTP_METHODS
            if isinstance(_mapping(builder.deref(item)).get(method), dict)
        )
        if count:
            builder.note(
                f"/{key}",
                f"{count} webhook operation{'s are' if count != 1 else ' is'} not generated "
                "(the API calls the client's server; see the reference docs)",
            )
    security = _list(document.get("security"))
    info = _mapping(document.get("info"))
    schemes = tuple(
        SecurityScheme(
            name=str(scheme_name),
            type=str(scheme.get("type", "")),
            description=str(scheme.get("description", "")),
            location=_text_or_none(scheme.get("in")),
            parameter_name=_text_or_none(scheme.get("name")),
            scheme=(str(scheme["scheme"]).lower() if "scheme" in scheme else None),
            bearer_format=_text_or_none(scheme.get("bearerFormat")),
            extensions={k: v for k, v in scheme.items() if k.startswith("x-")},
        )
        for scheme_name, scheme in (
            (n, _mapping(builder.deref(s)))
            for n, s in _mapping(
                _mapping(document.get("components")).get("securitySchemes")
            ).items()
        )
    )
    servers = [_mapping(s) for s in _list(document.get("servers"))] or [{"url": "/"}]
    return Api(
        name=name,
        title=str(info.get("title", name)),
        version=str(info.get("version", "")),
        summary=str(info.get("summary", "")),
        description=str(info.get("description", "")),
        servers=tuple(
            Server(
                str(s.get("url", "/")),
                str(s.get("description", "")),
                _mapping(s.get("variables")),
            )
            for s in servers
        ),
        security_schemes=schemes,
        schemas=tuple(builder.schemas[n] for n in sorted(builder.schemas)),
        operations=operations,
        tags=tuple(
            (str(t.get("name")), str(t.get("description", "")))
            for t in (_mapping(t) for t in _list(document.get("tags")))
        ),
        openapi=str(document.get("openapi", "")),
        security=tuple(tuple(_mapping(requirement)) for requirement in security),
        security_scopes=_scopes([_mapping(r) for r in security]),
        rules_only=rules_only,
        component_order=tuple(builder.components),
        warnings=tuple(builder.warnings.values()),
        notes=tuple(builder.notes.values()),
        document=document,
    )


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)
