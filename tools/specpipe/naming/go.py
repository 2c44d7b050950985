"""Go identifiers: exported PascalCase with Go's initialisms, lower-case package names."""

from __future__ import annotations

from specpipe.naming.common import _WORD, words

RESERVED = frozenset(
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


def exported(text: str) -> str:
    """``planBenefitLevel_Key`` → ``PlanBenefitLevelKey``; ``activityID`` → ``ActivityID``.

    A word the source writes in capitals inside a mixed-case name stays in capitals
    (``apply_OON`` → ``ApplyOON``, ``ACMEResponse`` → ``ACMEResponse``), like the initialisms.
    """
    raw = _WORD.findall(text)
    mixed = any(c.islower() for c in text)
    parts = [w.lower() for w in raw] or ["value"]
    name = "".join(
        w.upper() if w in INITIALISMS or (mixed and len(r) > 1 and r.isupper()) else w.capitalize()
        for w, r in zip(parts, raw or ["value"], strict=True)
    )
    return "X" + name if name[0].isdigit() else name


def unexported(text: str) -> str:
    name = exported(text)
    parts = words(text) or ["value"]
    first = parts[0].upper() if parts[0] in INITIALISMS else parts[0].capitalize()
    name = parts[0].lower() + name[len(first) :]
    return name + "_" if name in RESERVED else name


def package(api: str) -> str:
    return "".join(words(api)) or "api"


MODULE_PREFIX = "example.com/specpipe"

# Exported identifiers of the client runtime every generated package holds; schema types,
# parameter structs, enum constants and options are named around them.
RUNTIME_NAMES = frozenset(
    [
        "APIError",
        "Client",
        "DefaultBaseURL",
        "ErrBadRequest",
        "ErrClientError",
        "ErrConflict",
        "ErrConnection",
        "ErrForbidden",
        "ErrNotFound",
        "ErrRateLimited",
        "ErrServerError",
        "ErrTimeout",
        "ErrUnauthorized",
        "ErrUnprocessable",
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
        "WithHTTPClient",
        "WithHeader",
        "WithMaxRetries",
        "WithResponse",
        "WithRetryBackoff",
        "WithTimeout",
    ]
)


def module_path(api: str) -> str:
    """The module path of an API's client: ``example.com/specpipe/<package>``."""
    return f"{MODULE_PREFIX}/{package(api)}"


def type_name(schema: str) -> str:
    return exported(schema)


def method_name(operation_id: str) -> str:
    return exported(operation_id)


def params_type(method: str) -> str:
    return f"{method}Params"


def option_name(credential: str) -> str:
    """``apiKey`` → ``WithAPIKey``; ``vbasoftware-database`` → ``WithVbasoftwareDatabase``."""
    return "With" + exported(credential)


def enum_constant(type_: str, value: object) -> str:
    text = str(value).lower() if isinstance(value, bool) else str(value)
    suffix = exported(text) if words(text) else "Empty"
    return type_ + suffix


def env_var(credential: str) -> str:
    """``apiKey`` → ``API_KEY``: the environment variable a README example reads it from."""
    return "_".join(words(credential)).upper() or "CREDENTIAL"
