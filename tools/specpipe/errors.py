"""Findings about a spec, and the exception that carries them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Text from a spec (keys, values, file names) may hold line breaks or terminal controls; a
# finding is always printed as one line, so they are shown escaped.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

ERROR = "error"
WARNING = "warning"

# The project's own lint rules (see validate): each has a level, error, warn or off.
LINT_RULE_NAMES = (
    "operation-id-present",
    "operation-id-unique",
    "operation-summary",
    "operation-tags",
    "operation-2xx",
    "operation-4xx",
    "path-params",
    "example-valid",
    "component-unused",
    "security-scheme-defined",
    "link-target",
    "required-declared",
)
LEVELS = ("error", "warn", "off")


def one_line(text: str) -> str:
    """`text` with line breaks and control characters escaped (``\\n``, ``\\x1b``, ...)."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file: path relative to the working directory, 1-based line, and the
    JSON pointer of the node inside that file."""

    file: str
    line: int
    pointer: str

    def __str__(self) -> str:
        return f"{one_line(self.file)}:{self.line}"


@dataclass(order=True)
class Finding:
    """One problem found in a spec. An error stops generation; a warning is only printed."""

    location: Location
    message: str = field(compare=False)
    rule: str
    severity: str = field(default=ERROR, compare=False)

    def sort_key(self) -> tuple[str, int, str, str, str]:
        loc = self.location
        return (loc.file, loc.line, self.rule, loc.pointer, self.message)

    def __str__(self) -> str:
        loc = self.location
        pointer = one_line(loc.pointer or "/")
        word = "warning: " if self.severity == WARNING else ""
        return f"{loc}: {word}{pointer}: {one_line(self.message)} [{self.rule}]"


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Deterministic order: by file, line, rule (then pointer and message); duplicates dropped."""
    unique: dict[tuple[str, int, str, str, str], Finding] = {}
    for finding in findings:
        unique.setdefault(finding.sort_key(), finding)
    return [unique[key] for key in sorted(unique)]


class SpecError(Exception):
    """A spec could not be loaded; `findings` says where and why."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = sort_findings(findings)
        super().__init__("\n".join(str(f) for f in self.findings))
