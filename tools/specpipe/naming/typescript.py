"""TypeScript identifiers: camelCase members and functions, PascalCase types."""

from __future__ import annotations

import re

from specpipe.naming.common import words

RESERVED = frozenset(
    [
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "as",
        "implements",
        "interface",
        "let",
        "package",
        "private",
        "protected",
        "public",
        "static",
        "yield",
        "any",
        "boolean",
        "constructor",
        "declare",
        "get",
        "module",
        "require",
        "number",
        "set",
        "string",
        "symbol",
        "type",
        "from",
        "of",
        "unknown",
        "never",
        "object",
        "await",
        "async",
    ]
)
_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def camel(text: str) -> str:
    parts = words(text) or ["value"]
    name = parts[0] + "".join(w.capitalize() for w in parts[1:])
    if name[0].isdigit():
        name = "_" + name
    return name + "_" if name in RESERVED else name


def pascal(text: str) -> str:
    name = "".join(w.capitalize() for w in words(text)) or "Model"
    return "_" + name if name[0].isdigit() else name


def property_key(wire_name: str) -> str:
    """A wire name as an object key: bare when it is an identifier, quoted otherwise."""
    return wire_name if _IDENTIFIER.match(wire_name) else '"' + wire_name.replace('"', '\\"') + '"'


def package_name(api: str) -> str:
    return "-".join(words(api)) + "-client"


def type_name(schema_name: str) -> str:
    """A schema's TypeScript type (interface, union or alias) name."""
    return pascal(schema_name)


def member_name(wire_name: str) -> str:
    """An object member, a parameter or a credential as a camelCase property."""
    return camel(wire_name)


def method_name(operation_id: str) -> str:
    """An operation's client method."""
    return camel(operation_id)


def params_type(operation_id: str) -> str:
    """The interface of one operation's parameters (and body)."""
    return pascal(operation_id) + "Params"


def to_wire_function(type_name: str) -> str:
    return camel(type_name) + "ToWire"


def from_wire_function(type_name: str) -> str:
    return camel(type_name) + "FromWire"


def enum_member(value: object) -> str:
    """A key of an enum's const object, from one of its values."""
    text = str(value)
    if not words(text):
        return "Empty" if text == "" else "Value"
    return pascal(text)


def client_class(api: str) -> str:
    """The client class of an API: ``vba`` → ``VbaClient``."""
    return pascal(api) + "Client"


# Names the generated package exports besides the schemas' types: claimed first, so that a
# schema called e.g. ``RequestOptions`` becomes ``RequestOptions2`` instead of clashing.
EXPORTED = (
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientOptions",
    "Codec",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RequestOptions",
    "UnprocessableEntityError",
    "WithRawResponse",
    "WithResponse",
)

# Members of the client class and of its options that operations or credentials must not take.
CLIENT_MEMBERS = ("constructor", "withRawResponse")
CLIENT_OPTIONS = (
    "baseUrl",
    "fetch",
    "headers",
    "maxRetries",
    "retryBaseDelay",
    "retryMaxDelay",
    "timeout",
)
REQUEST_OPTIONS = ("headers", "maxRetries", "signal", "timeout")


def package_version(api_version: str) -> str:
    """The npm version of a client: the API's version when it is semver, else ``0.0.0``."""
    if re.fullmatch(r"\d+\.\d+\.\d+", api_version):
        return api_version
    return "0.0.0"
