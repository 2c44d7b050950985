"""Word splitting and collision handling shared by every language's naming."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_WORD = re.compile(r"[A-Z]+\d*(?=[A-Z][a-z])|[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d+")


def words(text: str) -> list[str]:
    """Split any identifier-ish text into lower-case words.

    ``planBenefitLevel_Key`` → plan benefit level key; ``SecDateTEntry`` → sec date t entry;
    ``activityID`` → activity id; ``x-api-key`` → x api key.
    """
    return [w.lower() for w in _WORD.findall(text)]


class Namespace:
    """Hands out unique identifiers in one scope (a module, a class, a parameter list).

    ``make`` turns a source name into a candidate identifier; a candidate already taken (two
    wire names that normalise alike, or a reserved word) gets a numeric suffix, in the order
    names are claimed, so output is deterministic for a deterministic input order.
    """

    def __init__(self, make: Callable[[str], str], reserved: Iterable[str] = ()) -> None:
        self._make = make
        self._taken: set[str] = set(reserved)
        self._given: dict[str, str] = {}

    def claim(self, source: str) -> str:
        if source in self._given:
            return self._given[source]
        base = self._make(source)
        name, n = base, 2
        while name in self._taken:
            name, n = f"{base}{n}", n + 1
        self._taken.add(name)
        self._given[source] = name
        return name
