"""Go identifiers: exported PascalCase with Go's initialisms, lower-case package names.

Every identifier of a generated Go package is made by one of the styles below
(:class:`~specpipe.naming.common.Style`) and handed out by a
:class:`~specpipe.naming.common.Namespace` of its scope, so collisions get numeric suffixes
in claim order. Worked examples:

* :func:`exported` (types, fields, methods, constants): ``planBenefitLevel_Key`` →
  ``PlanBenefitLevelKey``; ``activityID`` → ``ActivityID``; ``user-url`` → ``UserURL``
  (Go's initialisms); a word the source writes in capitals inside a mixed-case name stays
  in capitals (``apply_OON`` → ``ApplyOON``, ``ACMEResponse`` → ``ACMEResponse``); a
  leading digit gets ``X`` (``1st`` → ``X1st``); no word at all gives ``Value``.
  Exported names never meet a keyword or a predeclared identifier (those are lower case).
* :data:`package_name`: ``open-dental`` → ``opendental``; ``1password`` → ``api1password``;
  keywords, predeclared identifiers (``string``, ``error``, ``len``…) and names that mean
  something to the go command (``main``, ``internal``, ``vendor``, ``testdata``) get ``_``.
* :func:`enum_constant`: the type's name and the value's words: ``BenefitType`` +
  ``CoInsurance`` → ``BenefitTypeCoInsurance``; ``""`` → ``BenefitTypeEmpty``; ``-1`` →
  ``LevelMinus1``; ``1.5`` → ``Level1_5``; values equal after normalisation (``a``, ``A``,
  ``a-``) get suffixes from the enum's namespace (``TA``, ``TA2``, ``TA3``).

Scopes and what they reserve: the package (schema types, enum constants, union types,
parameter structs and options, around :data:`RUNTIME_NAMES`); a struct's fields (around
:data:`STRUCT_METHODS`); a union's alternatives (around :data:`UNION_MEMBERS`); the
client's methods (around :data:`CLIENT_MEMBERS`); a parameter struct's fields (around
``Body`` when the operation has one).
"""

from __future__ import annotations

import math
import re
from functools import cache

from specpipe.naming.common import _WORD, Style

KEYWORDS = frozenset(
    [
        "break",
        "case",
        "chan",
        "const",
        "continue",
        "default",
        "defer",
        "else",
        "fallthrough",
        "for",
        "func",
        "go",
        "goto",
        "if",
        "import",
        "interface",
        "map",
        "package",
        "range",
        "return",
        "select",
        "struct",
        "switch",
        "type",
        "var",
    ]
)
PREDECLARED = frozenset(
    [
        "any",
        "bool",
        "byte",
        "comparable",
        "complex64",
        "complex128",
        "error",
        "float32",
        "float64",
        "int",
        "int8",
        "int16",
        "int32",
        "int64",
        "rune",
        "string",
        "uint",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "uintptr",
        "true",
        "false",
        "iota",
        "nil",
        "append",
        "cap",
        "clear",
        "close",
        "complex",
        "copy",
        "delete",
        "imag",
        "len",
        "make",
        "max",
        "min",
        "new",
        "panic",
        "print",
        "println",
        "real",
        "recover",
    ]
)
# names the go command gives a meaning as a package or a module path element
GO_COMMAND_NAMES = frozenset(["main", "internal", "vendor", "testdata"])

INITIALISMS = frozenset(
    [
        "acl",
        "api",
        "ascii",
        "cpu",
        "css",
        "dns",
        "eof",
        "guid",
        "html",
        "http",
        "https",
        "id",
        "ip",
        "json",
        "lhs",
        "qps",
        "ram",
        "rhs",
        "rpc",
        "sla",
        "smtp",
        "sql",
        "ssh",
        "tcp",
        "tls",
        "ttl",
        "udp",
        "ui",
        "uid",
        "uuid",
        "uri",
        "url",
        "utf8",
        "vm",
        "xml",
        "xmpp",
        "xsrf",
        "xss",
    ]
)


def _raw_words(text: str) -> list[str]:
    """The words of ``text`` as the source writes them (case kept), ASCII only."""
    return _WORD.findall(text)


def _pascal(raw: list[str]) -> str:
    joined = "".join(raw)
    mixed = joined.upper() != joined  # the source has lower-case letters
    parts: list[str] = []
    for word in raw:
        low = word.lower()
        if low in INITIALISMS or (mixed and len(word) > 1 and word.isupper()):
            parts.append(word.upper())
        else:
            parts.append(low.capitalize())
    return "".join(parts)


_exported = Style(join=_pascal, fallback="Value", digit_prefix="X", split=_raw_words)


@cache
def exported(text: str) -> str:
    """The exported identifier of ``text`` (see the module's examples); remembered, as the
    same wire names recur across thousands of schemas."""
    return _exported(text)


package_name = Style(
    join="".join,
    fallback="api",
    keywords=KEYWORDS | PREDECLARED | GO_COMMAND_NAMES,
    digit_prefix="api",
)

MODULE_PREFIX = "example.com/specpipe"

# Exported identifiers the runtime files of every generated package declare (client.go,
# errors.go, encoding.go, nullable.go, xml.go); schema types, enum constants, union types,
# parameter structs and options are named around them. tests/test_client_go.py checks the
# list against the rendered runtime.
RUNTIME_NAMES = frozenset(
    [
        "APIError",
        "Client",
        "DecodeError",
        "DefaultBaseURL",
        "DefaultTimeout",
        "ErrConnection",
        "ErrTimeout",
        "NewClient",
        "NewNullable",
        "Null",
        "Nullable",
        "Option",
        "ProblemOf",
        "Ptr",
        "Response",
        "TransportError",
        "WithBaseURL",
        "WithContentType",
        "WithHTTPClient",
        "WithHeader",
        "WithLogger",
        "WithMaxRetries",
        "WithResponse",
        "WithRetryBackoff",
        "WithStrictDecoding",
        "WithTimeout",
    ]
)

# Members of a struct type other than its fields: methods the generator may give it.
STRUCT_METHODS = frozenset(["MarshalJSON", "UnmarshalJSON"])
# Members of a union type other than its alternatives.
UNION_MEMBERS = frozenset(["Raw", "Value", "MarshalJSON", "UnmarshalJSON", "IsZero"])
# Members of the Client type (its field and its methods other than the operations).
CLIENT_MEMBERS = frozenset(["cfg", "do"])


def module_path(api: str) -> str:
    """The module path of an API's client: ``example.com/specpipe/<package>``."""
    return f"{MODULE_PREFIX}/{package_name(api)}"


def params_type(method: str) -> str:
    return f"{method}Params"


def option_name(setting: str) -> str:
    """``apiKey`` → ``WithAPIKey``; ``vbasoftware-database`` → ``WithVbasoftwareDatabase``."""
    return "With" + exported(setting)


def sentinel_name(error_class: str) -> str:
    """``NotFoundError`` → ``ErrNotFound``: the sentinel of one of ``sdk.ERROR_CLASSES``."""
    return "Err" + exported(re.sub(r"Error$", "", error_class))


def enum_constant(type_: str, value: object) -> str:
    """The constant of one enum value (before its namespace resolves collisions)."""
    if isinstance(value, bool):
        return type_ + ("True" if value else "False")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            return type_ + "Value"
        text = repr(value) if isinstance(value, float) else str(value)
        text = text.replace("-", "Minus").replace("+", "").replace(".", "_")
        return type_ + text
    text = str(value)
    suffix = exported(text) if _raw_words(text) else "Empty"
    return type_ + suffix


def alternative_name(type_expression: str) -> str:
    """The field of a union alternative, from its Go type: ``*Cat`` → ``Cat``, ``string`` →
    ``String``, ``[]Cat`` → ``CatList``, ``map[string]int64`` → ``Int64Map``, ``any`` →
    ``Any``, ``time.Time`` → ``Time``, ``[]byte`` → ``Bytes``."""
    expression = type_expression.lstrip("*")
    if expression == "[]byte":
        return "Bytes"
    if expression.startswith("[]"):
        return alternative_name(expression[2:]) + "List"
    if expression.startswith("map[string]"):
        return alternative_name(expression[len("map[string]") :]) + "Map"
    if expression.startswith("Nullable["):
        return alternative_name(expression[len("Nullable[") : -1])
    return exported(expression.rsplit(".", 1)[-1])
