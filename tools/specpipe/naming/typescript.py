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
