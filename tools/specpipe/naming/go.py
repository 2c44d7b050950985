"""Go identifiers: exported PascalCase with Go's initialisms, lower-case package names."""

from __future__ import annotations

from specpipe.naming.common import words

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
        "oon",
        "uc",
    ]
)


def exported(text: str) -> str:
    """``planBenefitLevel_Key`` → ``PlanBenefitLevelKey``; ``activityID`` → ``ActivityID``."""
    parts = words(text) or ["value"]
    name = "".join(w.upper() if w in INITIALISMS else w.capitalize() for w in parts)
    return "X" + name if name[0].isdigit() else name


def unexported(text: str) -> str:
    name = exported(text)
    parts = words(text) or ["value"]
    first = parts[0].upper() if parts[0] in INITIALISMS else parts[0].capitalize()
    name = parts[0].lower() + name[len(first) :]
    return name + "_" if name in RESERVED else name


def package(api: str) -> str:
    return "".join(words(api)) or "api"
