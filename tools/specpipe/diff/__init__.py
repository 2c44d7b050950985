"""Compare two revisions of a spec and classify every change as breaking or not.

Both revisions are loaded with ``load_spec`` and checked first (``command.check_revision``).
Schemas are compared in a normalised form built with ``rules.role`` and ``rules.split_rules``,
the functions the generators split schemas with (``normal``); union alternatives are matched
by identity (``match``); every change is classified per direction (``kinds``: what widens
what a client sends is not breaking, what widens what it receives is breaking only where a
typed client would reject it).

A change is ``(kind, pointer)``: the pointer is the node in the new revision, or, for what was
removed, in the old one. Breaking changes are acknowledged in
``spec/<api>/breaking-changes.yaml``::

    acknowledged:
      - kind: response-property-removed
        pointer: /components/schemas/Benefit/properties/Note
        reason: The vendor dropped the member in 24.1; no client reads it.

An entry that matches no reported change is reported too (a warning, an error with
``--strict-acks``), so stale entries get cleaned up.
"""

from __future__ import annotations

from specpipe.diff.command import check_revision, register, usable_findings
from specpipe.diff.kinds import KINDS, RULES, Kind
from specpipe.diff.report import (
    Acknowledgement,
    Change,
    DiffError,
    apply_acknowledgements,
    compare,
    load_acknowledgements,
    render,
)

__all__ = [
    "KINDS",
    "RULES",
    "Acknowledgement",
    "Change",
    "DiffError",
    "Kind",
    "apply_acknowledgements",
    "check_revision",
    "compare",
    "load_acknowledgements",
    "register",
    "render",
    "usable_findings",
]
