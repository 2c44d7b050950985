"""Word splitting and the one naming mechanism every language's naming uses.

A generated identifier is made in two steps, the same for schemas, properties, operations,
parameters and enum members in every language:

1. :class:`Style` turns source text (a schema name, a wire name, an operationId, an enum
   value) into a candidate: the text is split into words (:func:`words`), joined in the
   language's case; no word at all gives the style's fallback (``value``, ``Model``); a
   leading digit gets the style's prefix; a keyword or built-in of the language gets a
   trailing ``_``.
2. :class:`Namespace` hands out unique names in one scope (a module, a class, a parameter
   list, an enum): a candidate already taken, by an earlier source that normalises alike
   (``user_id`` and ``userId``, ``list`` and ``List``) or by a name the scope reserves (the
   client's own members, a method's own arguments, the package's exported names), gets the
   next free numeric suffix (``2``, ``3``, …). Sources are claimed in document order, so
   the result is deterministic.

Wire names are never changed: the generated code maps each identifier to its wire name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[A-Z]+\d*(?=[A-Z][a-z])|[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d+")


def words(text: str) -> list[str]:
    """Split any identifier-ish text into lower-case ASCII words.

    ``planBenefitLevel_Key`` → plan benefit level key; ``SecDateTEntry`` → sec date t entry;
    ``activityID`` → activity id; ``x-api-key`` → x api key; ``api.v2010.account`` → api
    v2010 account. Characters outside ASCII letters and digits separate words.
    """
    return [w.lower() for w in _WORD.findall(text)]


@dataclass(frozen=True)
class Style:
    """How one kind of identifier of one language is spelled (step 1 above)."""

    join: Callable[[list[str]], str]  # lower-case words -> identifier in the language's case
    fallback: str  # the identifier of a text without a word
    keywords: frozenset[str] = frozenset()  # names that get a trailing "_"
    digit_prefix: str = "_"  # prepended to an identifier starting with a digit
    # text -> the words given to `join`; a language that keeps the source's capitals (Go's
    # `ApplyOON`) splits without lower-casing
    split: Callable[[str], list[str]] = words

    def __call__(self, text: str) -> str:
        name = self.join(self.split(text)) or self.fallback
        if name[0].isdigit():
            name = self.digit_prefix + name
        return name + "_" if name in self.keywords else name


class Namespace:
    """Hands out unique identifiers in one scope (step 2 above).

    ``make`` turns a source name into a candidate identifier (usually a :class:`Style`); a
    candidate already taken, or reserved by the scope, gets a numeric suffix, in the order
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

    def reserve(self, name: str) -> None:
        """Take ``name`` in this scope without giving it to a source."""
        self._taken.add(name)
