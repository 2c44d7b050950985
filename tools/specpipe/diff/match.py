"""Pair the alternatives of two unions (``oneOf``/``anyOf``) by identity, not position.

Passes, each over what the previous ones left unpaired: the same ``$ref`` target; a shared
discriminator value; the same ``title`` or the same single ``const``/``enum`` value; the same
content (a ``$ref`` renamed to an equal schema); then structural similarity (the Jaccard
index of types, member names, required names, values and format, at least one half). A
reorder therefore pairs every alternative with itself.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from specpipe.diff.normal import Node, canonical

__all__ = ["Alternative", "pair_alternatives"]

_SIMILAR = 0.5


@dataclass(eq=False)
class Alternative:
    node: Node
    values: frozenset[str]  # discriminator values that select it


def _features(node: Node) -> frozenset[str]:
    found = {f"type:{t}" for t in node.types or ()}
    found |= {f"property:{name}" for name in node.properties}
    found |= {f"required:{name}" for name in node.required}
    found |= {f"value:{value}" for value in node.values or ()}
    format_ = node.keywords.get("format")
    if isinstance(format_, str):
        found.add(f"format:{format_}")
    return frozenset(found)


def _title(node: Node) -> Hashable:
    title = node.keywords.get("title")
    if isinstance(title, str) and title:
        return ("title", title)
    if node.values is not None and len(node.values) == 1:
        return ("value", next(iter(node.values)))
    return None


def pair_alternatives(
    old: list[Alternative], new: list[Alternative]
) -> tuple[list[tuple[Alternative, Alternative]], list[Alternative], list[Alternative]]:
    """``(pairs, removed, added)``; pairs keep the old order."""
    left = list(range(len(old)))
    right = list(range(len(new)))
    pairs: dict[int, int] = {}

    def by_key(key: Callable[[Alternative], Hashable]) -> None:
        for i in list(left):
            mine = key(old[i])
            if mine is None:
                continue
            for j in right:
                if key(new[j]) == mine:
                    pairs[i] = j
                    left.remove(i)
                    right.remove(j)
                    break

    by_key(lambda a: a.node.ref)
    for i in list(left):  # a discriminator value both select
        if not old[i].values:
            continue
        for j in right:
            if old[i].values & new[j].values:
                pairs[i] = j
                left.remove(i)
                right.remove(j)
                break
    by_key(lambda a: _title(a.node))
    by_key(lambda a: canonical(a.node.raw) if a.node.ref else None)
    if left and right:
        scored: list[tuple[float, int, int]] = []
        features = {j: _features(new[j].node) for j in right}
        for i in left:
            mine = _features(old[i].node)
            for j in right:
                theirs = features[j]
                union = mine | theirs
                score = len(mine & theirs) / len(union) if union else 1.0
                if score >= _SIMILAR:
                    scored.append((-score, i, j))
        for _, i, j in sorted(scored):
            if i in left and j in right:
                pairs[i] = j
                left.remove(i)
                right.remove(j)
    return (
        [(old[i], new[pairs[i]]) for i in sorted(pairs)],
        [old[i] for i in left],
        [new[j] for j in right],
    )
