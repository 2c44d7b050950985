"""Which parts of two revisions are written the same way, references included.

Comparing two schemas that are written identically, and whose references all lead to
schemas written identically, can find nothing; the comparison skips such pairs (and such
operations), which is most of a pair of revisions a few weeks apart.
"""

from __future__ import annotations

import json
import re
from typing import Any

from specpipe.diff.normal import canonical
from specpipe.loader import resolve_pointer

__all__ = ["Stable", "refs_in", "refs_in_text"]

_WALK = 64  # containers walked in Python before the JSON text is searched instead
_REF = re.compile(r'"\$ref": "((?:[^"\\]|\\.)*)"')


def refs_in(value: Any) -> list[str]:
    """The ``$ref`` strings anywhere inside ``value`` (a ``$ref`` key inside an example is
    counted too: one reference more to check can only make a comparison happen).

    A small value is walked; a large one (a whole operation, a whole document) is searched
    in its JSON text, which is done in C.
    """
    found: list[str] = []
    todo = [value]
    budget = _WALK
    while todo:
        budget -= 1
        if budget < 0:
            return refs_in_text(value)
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                found.append(ref)
            todo.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            todo.extend(v for v in node if isinstance(v, (dict, list)))
    return found


def refs_in_text(value: Any) -> list[str]:
    """:func:`refs_in` for a value known to be large (searched in its JSON text)."""
    try:
        text = json.dumps(value, default=str)
    except (TypeError, ValueError):
        text = canonical(value)
    if '"$ref"' not in text:
        return []
    return [json.loads(f'"{m}"') if "\\" in m else m for m in _REF.findall(text)]


class Stable:
    """Which ``$ref`` targets are written identically in both revisions, and so is everything
    they reference: comparing such a pair can find nothing, so it is skipped.

    The reference graph may be cyclic (recursive schemas); Tarjan's algorithm finds its
    strongly connected components, and a component is stable when all its members are
    written identically and every reference out of it is stable. Identity is Python
    equality of the parsed values, where ``1 == 1.0`` (as in JSON Schema) but also
    ``1 == true``: swapping one for the other is not seen.
    """

    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old, self.new = old, new
        self.known: dict[str, bool] = {}

    def _children(self, ref: str) -> list[str] | None:
        """The references inside the target, or None when the target differs."""
        if not ref.startswith("#"):
            return None
        try:
            before = resolve_pointer(self.old, ref[1:])
            after = resolve_pointer(self.new, ref[1:])
        except (KeyError, ValueError):
            return None
        if before != after:
            return None
        return refs_in(before)

    def subtree(self, old: Any, new: Any) -> bool:
        return bool(old == new) and all(self.ref(r) for r in refs_in(old))

    def ref(self, start: str) -> bool:
        known = self.known
        if start in known:
            return known[start]
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        children: dict[str, list[str] | None] = {}
        stack: list[str] = []
        on_stack: set[str] = set()
        calls: list[tuple[str, int]] = [(start, 0)]
        while calls:
            ref, position = calls[-1]
            if position == 0 and ref not in index:
                index[ref] = low[ref] = len(index)
                stack.append(ref)
                on_stack.add(ref)
                children[ref] = self._children(ref)
            kids = children[ref] or []
            descended = False
            while position < len(kids):
                kid = kids[position]
                position += 1
                if kid in known:
                    continue
                if kid not in index:
                    calls[-1] = (ref, position)
                    calls.append((kid, 0))
                    descended = True
                    break
                if kid in on_stack:
                    low[ref] = min(low[ref], index[kid])
            if descended:
                continue
            calls.pop()
            if calls:
                parent = calls[-1][0]
                low[parent] = min(low[parent], low[ref])
            if low[ref] == index[ref]:
                members: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == ref:
                        break
                inside = set(members)
                stable = all(children[m] is not None for m in members) and all(
                    known.get(kid, True)
                    for m in members
                    for kid in children[m] or []
                    if kid not in inside
                )
                for member in members:
                    known[member] = stable
        return known[start]
