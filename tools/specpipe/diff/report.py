"""Changes located in their files, acknowledgements, and the report in three formats."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specpipe.diff.compare import compare_documents
from specpipe.diff.kinds import KINDS, RULES
from specpipe.diff.normal import DanglingRef
from specpipe.errors import Location
from specpipe.loader import LoadedSpec

__all__ = [
    "Acknowledgement",
    "Change",
    "DiffError",
    "apply_acknowledgements",
    "compare",
    "load_acknowledgements",
    "render",
]


class DiffError(Exception):
    """A usage problem (bad ref, unreadable file, bad acknowledgement file): one line."""


@dataclass
class Change:
    kind: str
    pointer: str
    message: str
    context: list[str] = field(default_factory=list)
    file: str = ""
    line: int = 0
    side: str = "new"  # the revision `pointer` resolves in
    acknowledged: str | None = None  # the reason, when acknowledged
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def breaking(self) -> bool:
        return KINDS[self.kind]

    def as_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "kind": self.kind,
            "breaking": self.breaking,
            "pointer": self.pointer,
            "in": self.side,
            "location": f"{self.file}:{self.line}",
            "message": self.message,
            "rule": RULES[self.kind].rule,
            "context": self.context,
            "acknowledged": self.acknowledged,
        }
        if self.details:
            found["details"] = self.details
        return found


def compare(
    old: LoadedSpec, new: LoadedSpec, old_file: Callable[[str], str] | None = None
) -> list[Change]:
    """Every change from ``old`` to ``new``, breaking first, then by file and line.

    A change is located where its pointer is written: in the new revision, or, for what was
    removed, in the old one (its file name passed through ``old_file`` when given, e.g. to
    show ``REF:path`` for a revision extracted from git).
    """
    try:
        every = compare_documents(old.document, new.document)
    except DanglingRef as exc:
        raise DiffError(f"cannot compare: {exc.args[0]} (validate the revisions first)") from None
    except RecursionError:
        raise DiffError(
            "cannot compare: the schemas nest deeper than the comparison can follow"
        ) from None
    changes: list[Change] = []
    for found in every:
        spec = new if found.side == "new" else old
        location: Location = spec.locate(found.pointer)
        file = location.file
        if found.side == "old" and old_file is not None:
            file = old_file(file)
        changes.append(
            Change(
                kind=found.kind,
                pointer=found.pointer,
                message=found.message,
                context=found.context,
                file=file,
                line=location.line,
                side=found.side,
                details=found.details,
            )
        )
    return sorted(
        changes,
        key=lambda c: (not c.breaking, c.side != "new", c.file, c.line, c.pointer, c.kind),
    )


@dataclass(frozen=True)
class Acknowledgement:
    kind: str
    pointer: str
    reason: str
    file: str
    line: int


def load_acknowledgements(path: Path) -> list[Acknowledgement]:
    """The entries of an acknowledgement file (a missing file: none), each with its line."""
    import yaml

    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except OSError as exc:
        raise DiffError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise DiffError(f"{path}: not UTF-8 text: {exc.reason}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or exc
        raise DiffError(f"{where}: YAML syntax error: {' '.join(str(problem).split())}") from None
    entries: Any = None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "acknowledged":
                entries = value
    if not isinstance(entries, yaml.SequenceNode):
        raise DiffError(f"{path}: expected a mapping with an `acknowledged` list")
    found: list[Acknowledgement] = []
    for index, entry in enumerate(entries.value):
        line = entry.start_mark.line + 1
        fields: dict[str, str] = {}
        if isinstance(entry, yaml.MappingNode):
            for key, value in entry.value:
                if (
                    isinstance(key, yaml.ScalarNode)
                    and isinstance(value, yaml.ScalarNode)
                    and value.tag == "tag:yaml.org,2002:str"
                ):
                    fields[key.value] = value.value
        if not all(fields.get(k) for k in ("kind", "pointer", "reason")):
            raise DiffError(
                f"{path}:{line}: entry {index + 1} needs kind, pointer and reason (strings)"
            )
        if fields["kind"] not in KINDS:
            raise DiffError(f"{path}:{line}: entry {index + 1}: unknown kind {fields['kind']!r}")
        found.append(
            Acknowledgement(fields["kind"], fields["pointer"], fields["reason"], str(path), line)
        )
    return found


def apply_acknowledgements(
    changes: list[Change], acknowledgements: list[Acknowledgement]
) -> set[Acknowledgement]:
    """Mark the breaking changes an entry names; return the entries that matched a change."""
    by_key = {(a.kind, a.pointer): a for a in acknowledgements}
    used: set[Acknowledgement] = set()
    for change in changes:
        entry = by_key.get((change.kind, change.pointer))
        if entry is None:
            continue
        used.add(entry)
        if change.breaking:
            change.acknowledged = entry.reason
    return used


def render(name: str, changes: list[Change], form: str) -> str:
    """The report of one API's changes as ``text``, ``markdown`` or ``json``."""
    breaking = [c for c in changes if c.breaking and c.acknowledged is None]
    if form == "json":
        return json.dumps(
            {"api": name, "breaking": len(breaking), "changes": [c.as_json() for c in changes]},
            indent=2,
            ensure_ascii=False,
        )
    lines: list[str] = []
    if form == "markdown":
        verdict = (
            f"**{len(breaking)} unacknowledged breaking change(s)**"
            if breaking
            else "no unacknowledged breaking change"
        )
        lines.append(f"### `{name}`: {len(changes)} change(s), {verdict}")
        lines.append("")
        if changes:
            lines += ["| | kind | where | change | used by |", "|---|---|---|---|---|"]
            for c in changes:
                mark = "🔴 breaking" if c.breaking else "🟢"
                if c.breaking and c.acknowledged is not None:
                    mark = f"🟡 acknowledged: {_escape(c.acknowledged)}"
                used = "; ".join(c.context[:3]) + (" …" if len(c.context) > 3 else "")
                where = f"{_code(f'{c.file}:{c.line}')} {_code(c.pointer)}"
                cells = [mark, f"`{c.kind}`", where, _escape(c.message), _escape(used)]
                lines.append("| " + " | ".join(_cell(x) for x in cells) + " |")
        return "\n".join(lines).rstrip("\n")
    lines.append(f"{name}: {len(changes)} change(s), {len(breaking)} breaking")
    for c in changes:
        mark = "BREAKING" if c.breaking else "ok"
        if c.breaking and c.acknowledged is not None:
            mark = "ACKED"
        where = _line(f"{c.file}:{c.line}  {c.pointer}")
        lines.append(f"  {mark:8} {c.kind}  {where}  {_line(c.message)}")
    return "\n".join(lines)


def _line(text: str) -> str:
    """One line of plain text: whitespace runs collapsed, control characters escaped."""
    return "".join(
        f"\\x{ord(ch):02x}" if unicodedata.category(ch) == "Cc" else ch
        for ch in " ".join(text.split())
    )


def _cell(text: str) -> str:
    return _line(text).replace("|", "\\|")


def _escape(text: str) -> str:
    """Spec text as Markdown text: no markup, no HTML."""
    out = _line(text)
    for ch in "\\`*_[]<>#!~":
        out = out.replace(ch, "\\" + ch)
    return out


def _code(text: str) -> str:
    """A Markdown code span that holds ``text`` whatever backticks it contains."""
    text = _line(text)
    longest = max((len(run) for run in _runs(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _runs(text: str) -> list[str]:
    runs: list[str] = []
    current = ""
    for ch in text:
        if ch == "`":
            current += ch
        elif current:
            runs.append(current)
            current = ""
    if current:
        runs.append(current)
    return runs
