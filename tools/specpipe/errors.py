"""Findings about a spec, and the exception that carries them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file: path relative to the working directory, 1-based line, and the
    JSON pointer of the node inside that file."""

    file: str
    line: int
    pointer: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(order=True)
class Finding:
    """One problem found in a spec."""

    location: Location
    message: str = field(compare=False)
    rule: str

    def sort_key(self) -> tuple[str, int, str, str, str]:
        loc = self.location
        return (loc.file, loc.line, self.rule, loc.pointer, self.message)

    def __str__(self) -> str:
        loc = self.location
        pointer = loc.pointer or "/"
        return f"{loc.file}:{loc.line}: {pointer}: {self.message} [{self.rule}]"


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
