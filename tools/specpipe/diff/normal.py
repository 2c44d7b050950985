"""The normalised form of a schema that the diff compares: one meaning per JSON value.

A :class:`Node` is a schema with its ``$ref`` chain followed and every ``allOf`` member that
is a *shape* merged in (``rules.role`` decides, as for the generators); the members that are
*rules* are lifted out with ``rules.split_rules`` and kept by their canonical form. Nullability
is one flag, however it is written (``nullable: true``, ``type: [T, 'null']``, or an
``anyOf``/``oneOf`` alternative that is only ``null``); a union left with one alternative is
that alternative. A typed ``oneOf``/``anyOf`` keeps its alternatives, each merged with the
keywords around the union (``{A, oneOf: [B, C]}`` is ``oneOf: [A∧B, A∧C]``), so that
alternatives can be matched by identity rather than position.

Every keyword remembers the pointer where it is written in its document, so that a change is
always reported at a node that exists in the old or the new revision. Properties, items and
``additionalProperties`` stay unnormalised lists of sources (schema, pointer) until the
comparison reaches them: the form is built lazily, once per schema node.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from specpipe.loader import join_pointer, resolve_pointer, resolve_ref
from specpipe.rules import APPLICATORS, Role, Rule, role, split_rules

__all__ = ["BOUNDS", "Node", "Side", "canonical"]

Source = tuple[Any, str]  # a schema and the pointer where it is written

# keyword -> (aspect, True when a larger value is tighter)
BOUNDS: dict[str, tuple[str, bool]] = {
    "minLength": ("length", True),
    "maxLength": ("length", False),
    "minItems": ("items", True),
    "maxItems": ("items", False),
    "minProperties": ("property-count", True),
    "maxProperties": ("property-count", False),
    "minimum": ("range", True),
    "maximum": ("range", False),
    "exclusiveMinimum": ("range", True),
    "exclusiveMaximum": ("range", False),
}
# kept as they are (the first one written wins when members are merged)
SCALARS = frozenset(
    {
        "format",
        "pattern",
        "multipleOf",
        "uniqueItems",
        "default",
        "readOnly",
        "writeOnly",
        "title",
        "description",
        "discriminator",
        "xml",
    }
)
# assertions the report does not analyse: any change is assumed to narrow
ASSERTIONS = frozenset(
    {
        "not",
        "contains",
        "minContains",
        "maxContains",
        "propertyNames",
        "patternProperties",
        "prefixItems",
        "additionalItems",
        "unevaluatedProperties",
        "unevaluatedItems",
        "contentMediaType",
        "contentEncoding",
        "contentSchema",
        "dependencies",
        "$dynamicRef",
        "$recursiveRef",
        "allOf+",  # a second typed union met while merging allOf members
    }
)
# without effect on what a value may be (for this comparison)
IGNORED = frozenset(
    {
        "example",
        "examples",
        "$comment",
        "externalDocs",
        "deprecated",
        "$defs",
        "definitions",
    }
)
_APPLICATORS = APPLICATORS
_SKIPPED = frozenset({"$ref", *_APPLICATORS, *IGNORED})


def canonical(value: Any) -> str:
    """One text per JSON value (keys sorted); a YAML date or a non-string key as a string."""
    try:
        return json.dumps(
            value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
        )
    except (TypeError, ValueError):  # keys of mixed types cannot be sorted; NaN…
        return json.dumps(_plain(value), sort_keys=True, ensure_ascii=False, default=str)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class DanglingRef(KeyError):
    """A ``$ref`` that does not resolve: the revision was not validated first."""


@dataclass(eq=False)
class Node:
    """One schema in normalised form (see the module docstring)."""

    pointer: str  # where the schema is written
    source: Any = None  # the schema as written at `pointer` (None for a merged node)
    ref: str | None = None  # the $ref written at `pointer`, if any
    target: str = ""  # where the $ref chain ends (a component, usually)
    raw: Any = None  # the schema at `target`, as written
    types: frozenset[str] | None = None  # None: any type; never holds "null"
    null_by_type: bool | None = None  # from `type`: None when no type is stated
    null_marked: bool = False  # `nullable: true`, or a null-only union alternative
    values: dict[str, Any] | None = None  # canonical -> value (enum, const); None: any
    keywords: dict[str, Any] = field(default_factory=dict)  # BOUNDS and SCALARS
    where: dict[str, str] = field(default_factory=dict)  # keyword -> its pointer
    properties: dict[str, list[Source]] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    additional: list[Source] = field(default_factory=list)
    items: list[Source] = field(default_factory=list)
    union: str = ""  # "oneOf" or "anyOf" when `members` is set
    members: list[Node] | None = None  # typed alternatives (see Side.alternatives)
    rules: dict[str, tuple[str, str]] = field(default_factory=dict)  # canonical -> (msg, ptr)
    others: dict[str, Any] = field(default_factory=dict)  # keywords not analysed here

    @property
    def nullable(self) -> bool | None:
        """True/False when the schema says; None when it states no type at all."""
        if self.null_marked:
            return True
        return self.null_by_type

    @property
    def closed(self) -> bool:
        """Whether the object forbids members it does not declare."""
        return any(schema is False for schema, _ in self.additional) or (
            self.others.get("unevaluatedProperties") is False
        )

    def is_null_only(self) -> bool:
        if self.values is not None:
            return set(self.values) == {"null"}
        return self.types == frozenset() and self.nullable is True and not self.properties

    def name(self) -> str:
        """How a person recognises this schema among alternatives."""
        if self.ref:
            return self.ref.rsplit("/", 1)[-1]
        title = self.keywords.get("title")
        if isinstance(title, str) and title:
            return repr(title)
        if self.values is not None and len(self.values) == 1:
            return f"const {next(iter(self.values))}"
        kind = "/".join(sorted(self.types)) if self.types else "any"
        if self.properties:
            names = sorted(self.properties)
            more = f", … ({len(names)} members)" if len(names) > 3 else ""
            kind = f"{kind} with {', '.join(names[:3])}{more}"
        return kind


def _intersect_types(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    both = set(a & b)
    if ("integer" in a and "number" in b) or ("number" in a and "integer" in b):
        both.add("integer")
    return frozenset(both)


class Side:
    """One revision: its bundled document and the normalised form of its schemas."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self._nodes: dict[tuple[int, str], Node] = {}
        self._merged: dict[tuple[tuple[int, str], ...], Node] = {}
        self._building: set[tuple[int, str]] = set()
        self._effective: dict[int, list[Node]] = {}
        self._keep: list[Node] = []  # nodes whose id() keys `_effective`
        self._roles: dict[str, Role] = {}
        self._empty: dict[str, Node] = {}

    def resolve(self, ref: str) -> dict[str, Any]:
        """The object ``ref`` points at (for ``rules``, which judge only objects)."""
        try:
            return resolve_ref(self.document, ref)
        except KeyError as exc:
            raise DanglingRef(exc.args[0] if exc.args else ref) from None

    def target(self, ref: str) -> Any:
        """The schema ``ref`` points at: an object, or in 3.1 a boolean schema."""
        if not ref.startswith("#"):
            raise DanglingRef(f"$ref {ref!r} is external: bundle the spec first")
        try:
            return resolve_pointer(self.document, ref[1:])
        except (KeyError, ValueError):
            raise DanglingRef(f"$ref {ref!r} does not resolve") from None

    def deref(self, node: Any, pointer: str) -> tuple[dict[str, Any], str]:
        """A non-schema object (parameter, response…) with its ``$ref`` chain followed."""
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                break
            seen.add(ref)
            node, pointer = self.resolve(ref), ref[1:]
        return (node if isinstance(node, dict) else {}), pointer

    # building ---------------------------------------------------------------------------

    def node(self, schema: Any, pointer: str) -> Node:
        key = (id(schema), pointer)
        found = self._nodes.get(key)
        if found is not None:
            return found
        if key in self._building:
            return self.empty(pointer)  # a schema that is its own member: no more
        self._building.add(key)
        try:
            built = self._build(schema, pointer)
        finally:
            self._building.discard(key)
        self._nodes[key] = built
        return built

    def empty(self, pointer: str) -> Node:
        """The node of "no schema" at ``pointer`` (no items, nothing to add): one per pointer,
        so that comparing with it ends like comparing with any other node."""
        found = self._empty.get(pointer)
        if found is None:
            found = self._empty[pointer] = Node(pointer, target=pointer)
        return found

    def merged(self, sources: list[Source], pointer: str) -> Node:
        """The node of several schemas that all apply (a property declared in two members)."""
        if not sources:
            return self.empty(pointer)
        if len(sources) == 1:
            return self.node(*sources[0])
        key = tuple((id(schema), where) for schema, where in sources)
        found = self._merged.get(key)
        if found is None:
            first = self.node(*sources[0])
            found = self._copy(first)
            for schema, where in sources[1:]:
                self._merge(found, self.node(schema, where))
            self._merged[key] = found
        return found

    def _build(self, schema: Any, pointer: str) -> Node:
        if schema is False:
            return Node(pointer, target=pointer, raw=False, types=frozenset(), null_by_type=False)
        if not isinstance(schema, dict):
            return Node(pointer, target=pointer, raw=schema)
        node = Node(pointer, source=schema, target=pointer, raw=schema)
        self._own(node, schema, pointer)
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = self.node(self.target(ref), ref[1:])
            node.ref, node.target, node.raw = ref, target.target, target.raw
            self._merge(node, target)
        if any(k in schema for k in _APPLICATORS):
            self._applicators(node, schema, pointer)
        return node

    def _own(self, node: Node, schema: dict[str, Any], pointer: str) -> None:
        """The keywords written in ``schema`` itself (one pass: this runs for every node)."""
        keywords, where = node.keywords, node.where
        for key, value in schema.items():
            if key in _SKIPPED:
                continue
            if key in BOUNDS:
                if not isinstance(value, bool):  # 3.0: `exclusiveMinimum: true` modifies
                    keywords[key] = value
                    where[key] = f"{pointer}/{key}"
            elif key in SCALARS:
                keywords[key] = value
                where[key] = f"{pointer}/{key}"
            elif key == "type":
                names = [value] if isinstance(value, str) else value
                if isinstance(names, list):
                    kinds = {str(n) for n in names}
                    node.types = frozenset(kinds - {"null"})
                    node.null_by_type = "null" in kinds
                    where["type"] = f"{pointer}/type"
                    if node.null_by_type:
                        where["nullable"] = where["type"]
            elif key == "properties":
                if isinstance(value, dict):
                    base = f"{pointer}/properties"
                    for name, sub in value.items():
                        node.properties.setdefault(name, []).append((sub, join_pointer(base, name)))
                    where["properties"] = base
            elif key == "required":
                if isinstance(value, list):
                    node.required |= {str(name) for name in value}
                    where["required"] = f"{pointer}/required"
            elif key == "items":
                if isinstance(value, list):  # draft-4 tuples: not analysed
                    node.others["prefixItems"] = value
                    where["prefixItems"] = f"{pointer}/items"
                else:
                    node.items.append((value, f"{pointer}/items"))
                    where["items"] = f"{pointer}/items"
            elif key == "additionalProperties":
                node.additional.append((value, f"{pointer}/additionalProperties"))
                where["additionalProperties"] = f"{pointer}/additionalProperties"
            elif key == "nullable":
                if value is True:
                    node.null_marked = True
                    where["nullable"] = f"{pointer}/nullable"
            elif key == "enum" or key == "const":
                values = [value] if key == "const" else value
                if isinstance(values, list) and (key == "const" or "const" not in schema):
                    node.values = {canonical(v): v for v in values}
                    where["enum"] = f"{pointer}/{key}"
            elif not key.startswith("x-"):
                node.others[key] = value
                where[key] = join_pointer(pointer, key)
        for key, base in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            if schema.get(key) is True and base in keywords:
                keywords[key] = keywords.pop(base)
                where[key] = where.pop(base)

    def _role(self, member: Any) -> Role:
        """``rules.role`` of an allOf/union member, remembered for a bare ``$ref``."""
        if isinstance(member, dict) and len(member) == 1 and isinstance(member.get("$ref"), str):
            found = self._roles.get(member["$ref"])
            if found is None:
                found = self._roles[member["$ref"]] = role(member, self.resolve)
            return found
        return role(member, self.resolve)

    def _applicators(self, node: Node, schema: dict[str, Any], pointer: str) -> None:
        # What each member brings is decided by `rules.role`, and the rules are lifted by
        # `rules.split_rules`, as for the generators. `split_rules` gets only the parts that
        # can hold rules (shape members blanked to `{}`, which it drops, so that the pointers
        # it builds keep their indices), since it copies what it is given.
        for_rules: dict[str, Any] = {}
        if "description" in schema:
            for_rules["description"] = schema["description"]  # a typeless union's message
        members = schema.get("allOf")
        roles = [self._role(m) for m in members] if isinstance(members, list) else []
        if Role.RULE in roles:
            assert isinstance(members, list)
            for_rules["allOf"] = [
                m if r is Role.RULE else {} for m, r in zip(members, roles, strict=True)
            ]
        unions: list[str] = []
        for keyword in ("oneOf", "anyOf"):
            alternatives = schema.get(keyword)
            if isinstance(alternatives, list):
                if any(self._role(m) is Role.SHAPE for m in alternatives):
                    unions.append(keyword)
                else:
                    for_rules[keyword] = alternatives
        if "not" in schema:
            if self._role(schema["not"]) is Role.SHAPE:
                node.others["not"] = schema["not"]
                node.where["not"] = f"{pointer}/not"
            else:
                for_rules["not"] = schema["not"]
        for keyword in ("if", "then", "else", "dependentRequired", "dependentSchemas"):
            if keyword in schema:
                for_rules[keyword] = schema[keyword]
        if len(for_rules) > ("description" in for_rules):
            _, rules = split_rules(for_rules, pointer, self.resolve)
            self._add_rules(node, rules)
        for index, found in enumerate(roles):
            if found is Role.SHAPE:
                assert isinstance(members, list)
                self._merge(node, self.node(members[index], f"{pointer}/allOf/{index}"))
        for keyword in unions:
            self._union(node, keyword, schema[keyword], pointer)

    def _add_rules(self, node: Node, rules: list[Rule]) -> None:
        for rule in rules:
            body = {k: v for k, v in rule.schema.items() if k != "description"}
            node.rules.setdefault(canonical(body), (rule.message, rule.pointer))

    def _union(self, node: Node, keyword: str, members: list[Any], pointer: str) -> None:
        base = join_pointer(pointer, keyword)
        alternatives: list[Node] = []
        for index, member in enumerate(members):
            alternative = self.node(member, join_pointer(base, index))
            if alternative.is_null_only():
                node.null_marked = True
                node.where.setdefault("nullable", alternative.pointer)
            else:
                alternatives.append(alternative)
        if len(alternatives) == 1:
            self._merge(node, alternatives[0])
            if alternatives[0].ref and node.ref is None:
                node.ref, node.target = alternatives[0].ref, alternatives[0].target
                node.raw = alternatives[0].raw
            return
        if not alternatives:
            node.types, node.null_by_type = frozenset(), True
            return
        if node.members is not None:
            node.others["allOf+"] = [node.union, keyword]
            node.where["allOf+"] = base
            return
        node.union = keyword
        node.where[keyword] = base
        node.members = alternatives

    def alternatives(self, node: Node) -> list[Node]:
        """The alternatives of a union node, each merged with the keywords around the union."""
        assert node.members is not None
        found = self._effective.get(id(node))
        if found is None:
            common = self._copy(node)
            common.union, common.members = "", None
            found = []
            for alternative in node.members:
                combined = self._copy(alternative)
                self._merge(combined, common)
                found.append(combined)
            self._effective[id(node)] = found
            self._keep.append(node)
        return found

    # merging ----------------------------------------------------------------------------

    @staticmethod
    def _copy(node: Node) -> Node:
        return Node(
            pointer=node.pointer,
            ref=node.ref,
            target=node.target,
            raw=node.raw,
            types=node.types,
            null_by_type=node.null_by_type,
            null_marked=node.null_marked,
            values=None if node.values is None else dict(node.values),
            keywords=dict(node.keywords),
            where=dict(node.where),
            properties={name: list(sources) for name, sources in node.properties.items()},
            required=set(node.required),
            additional=list(node.additional),
            items=list(node.items),
            union=node.union,
            members=None if node.members is None else list(node.members),
            rules=dict(node.rules),
            others=dict(node.others),
        )

    def _merge(self, into: Node, other: Node) -> None:
        """``into`` ∧ ``other``: both apply (an allOf member, a $ref target)."""
        if other.types is not None:
            into.types = (
                other.types if into.types is None else _intersect_types(into.types, other.types)
            )
            into.where.setdefault("type", other.where.get("type", other.pointer))
        if other.null_by_type is not None:
            into.null_by_type = (
                other.null_by_type
                if into.null_by_type is None
                else into.null_by_type and other.null_by_type
            )
        if other.null_marked:
            into.null_marked = True
        if "nullable" in other.where:
            into.where.setdefault("nullable", other.where["nullable"])
        if other.values is not None:
            if into.values is None:
                into.values = dict(other.values)
                into.where.setdefault("enum", other.where.get("enum", other.pointer))
            else:
                into.values = {k: v for k, v in into.values.items() if k in other.values}
        for key, value in other.keywords.items():
            if key in into.keywords and key in BOUNDS:
                _, larger_is_tighter = BOUNDS[key]
                mine = into.keywords[key]
                try:
                    tighter = value > mine if larger_is_tighter else value < mine
                except TypeError:
                    tighter = False
                if tighter:
                    into.keywords[key] = value
                    into.where[key] = other.where[key]
            elif key not in into.keywords:
                into.keywords[key] = value
                if key in other.where:
                    into.where[key] = other.where[key]
        for name, sources in other.properties.items():
            into.properties.setdefault(name, []).extend(sources)
        into.required |= other.required
        into.additional.extend(other.additional)
        into.items.extend(other.items)
        for key in ("properties", "required", "additionalProperties", "items"):
            if key in other.where:
                into.where.setdefault(key, other.where[key])
        for key, rule in other.rules.items():
            into.rules.setdefault(key, rule)
        for key, value in other.others.items():
            if key not in into.others:
                into.others[key] = value
                into.where[key] = other.where.get(key, other.pointer)
        if other.members is not None:
            if into.members is None:
                into.union, into.members = other.union, list(other.members)
                into.where[other.union] = other.where.get(other.union, other.pointer)
            else:
                into.others.setdefault("allOf+", [into.union, other.union])
                into.where.setdefault("allOf+", other.pointer)
