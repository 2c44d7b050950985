"""Cross-field rules: find them in object schemas and compile them to Python.

A *rule* (an assertion) is an applicator subschema of an object schema that declares no
``type``: an ``allOf`` member, or the object's own ``if``/``then``/``else``, ``not``,
``anyOf``/``oneOf`` (when no member declares a type) or ``dependentRequired``. Such a
subschema adds no shape, it only constrains the instance, which is exactly what model
generators drop. This module separates rules from shape and turns each rule into a Python
boolean expression over the wire-form ``dict`` of an instance, so that generated models can
enforce what the spec says.

Only the keywords below are compiled; anything else inside a rule is a generation error,
so a rule is never silently ignored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

Schema = dict[str, Any]
Resolver = Callable[[str], Schema]

_APPLICATORS = ("allOf", "anyOf", "oneOf", "not", "if", "then", "else")
_ANNOTATIONS = frozenset(
    {
        "description",
        "title",
        "$comment",
        "examples",
        "default",
        "deprecated",
        "readOnly",
        "writeOnly",
    }
)


# the keywords split_rules may take rules from (the diff's normal form skips the same ones)
APPLICATORS = (
    "allOf",
    "anyOf",
    "oneOf",
    "not",
    "if",
    "then",
    "else",
    "dependentRequired",
    "dependentSchemas",
)
_RULE_CARRIERS = frozenset(APPLICATORS)


class RuleError(ValueError):
    """A rule uses a keyword the compiler does not support."""


@dataclass(frozen=True)
class Rule:
    """One cross-field rule of an object schema."""

    pointer: str  # where the rule is written, in the bundled document
    message: str  # what a violation means, for people
    schema: Schema  # the rule itself (refs not yet resolved)


# What a subschema of an ``allOf`` (or a union) brings, by keyword. A member that brings a
# shape keyword is part of the value's type; one that brings only assertions (``required``,
# ``if``/``then``, ``not``, value constraints such as ``minimum``) is a rule; one that brings
# only annotations (or nothing) changes neither. ``properties`` is a shape only when one of
# the properties it names is itself a shape: ``{properties: {PlanNum: {minimum: 1}}}``
# constrains a member the object already has, ``{properties: {note: {type: string}}}`` adds one.
SHAPE_KEYWORDS = frozenset(
    {
        "type",
        "patternProperties",
        "additionalProperties",
        "unevaluatedProperties",
        "items",
        "prefixItems",
        "enum",
        "const",
    }
)
ANNOTATION_KEYWORDS = frozenset(
    {
        *_ANNOTATIONS,
        "example",
        "externalDocs",
        "xml",
        "discriminator",
        "nullable",
        "$id",
        "$schema",
        "$anchor",
        "$dynamicAnchor",
        "$recursiveAnchor",
        "$defs",
        "definitions",
        "$vocabulary",
        "contentSchema",
    }
)


class Role(StrEnum):
    """What a subschema contributes where it is combined with others (``allOf`` members)."""

    SHAPE = "shape"  # a type, new properties, items, values, or a $ref to one
    RULE = "rule"  # only assertions (required, if/then, not, typeless unions, minimum…)
    ANNOTATION = "annotation"  # only annotations (description, example, readOnly…) or nothing


def role(schema: Any, resolve: Resolver) -> Role:
    """The role of ``schema`` (following ``$ref``): the one place this is decided.

    The generators (models, IR), the docs and the breaking-change report all split schemas
    with it, so that they agree on what is a shape and what is a rule. A ``$ref`` cycle, a
    boolean schema or anything that is not a schema object counts as a shape, so that it is
    never compiled as a rule.
    """
    return _role(schema, resolve, frozenset())


def _role(schema: Any, resolve: Resolver, seen: frozenset[str]) -> Role:
    if not isinstance(schema, dict):
        return Role.SHAPE
    found = Role.ANNOTATION
    ref = schema.get("$ref")
    if isinstance(ref, str):
        if ref in seen:
            return Role.SHAPE
        try:
            target = resolve(ref)
        except (KeyError, ValueError):
            return Role.SHAPE
        found = _role(target, resolve, seen | {ref})
        if found is Role.SHAPE:
            return found
    keys = {k for k in schema if k != "$ref" and not k.startswith("x-")}
    if keys & SHAPE_KEYWORDS:
        return Role.SHAPE
    properties = schema.get("properties")
    property_roles = (
        {_role(sub, resolve, seen) for sub in properties.values()}
        if isinstance(properties, dict)
        else set()
    )
    if Role.SHAPE in property_roles:
        return Role.SHAPE
    members = [
        member
        for keyword in ("allOf", "anyOf", "oneOf")
        if isinstance(schema.get(keyword), list)
        for member in schema[keyword]
    ]
    roles = {_role(member, resolve, seen) for member in members}
    if Role.SHAPE in roles:
        return Role.SHAPE
    asserted = keys - ANNOTATION_KEYWORDS - {"allOf", "anyOf", "oneOf"}
    if isinstance(properties, dict) and Role.RULE not in property_roles:
        asserted.discard("properties")  # properties that only annotate: examples, descriptions
    if asserted or Role.RULE in roles:
        return Role.RULE
    return found


def declares_type(schema: Any, resolve: Resolver) -> bool:
    """Whether ``schema`` (following ``$ref``) is a shape (see :func:`role`)."""
    return role(schema, resolve) is Role.SHAPE


def is_rules_only(schema: Any, resolve: Resolver) -> bool:
    """Whether ``schema`` holds nothing but rules (a typeless collection of assertions).

    Such a schema (``BenefitRules`` say) is referenced from ``allOf`` lists to share rules
    between shapes; it is not a type of its own.
    """
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    return role(schema, resolve) is Role.RULE


def split_rules(schema: Schema, pointer: str, resolve: Resolver) -> tuple[Schema, list[Rule]]:
    """Return ``schema`` without its rules, and the rules, for an object schema.

    ``schema`` is not changed; the shape shares its members' subschemas with it.
    """
    if not _RULE_CARRIERS.intersection(schema):
        return schema, []
    shape = dict(schema)
    rules: list[Rule] = []

    kept: list[Any] = []
    for index, member in enumerate(shape.get("allOf", [])):
        found = role(member, resolve)
        if found is Role.SHAPE:
            kept.append(member)
        elif found is Role.RULE:
            rules.extend(_flatten(member, f"{pointer}/allOf/{index}", resolve))
        # an annotation-only member (a description, an example) constrains nothing
    if "allOf" in shape:
        if kept:
            shape["allOf"] = kept
        else:
            del shape["allOf"]

    for keyword in ("anyOf", "oneOf"):
        members = shape.get(keyword)
        if isinstance(members, list) and not any(declares_type(m, resolve) for m in members):
            rules.append(_rule({keyword: members}, f"{pointer}/{keyword}", shape))
            del shape[keyword]
    if "not" in shape and not declares_type(shape["not"], resolve):
        rules.append(_rule({"not": shape.pop("not")}, f"{pointer}/not", {}))
    if "if" in shape:
        conditional: Schema = {k: shape.pop(k) for k in ("if", "then", "else") if k in shape}
        rules.append(_rule(conditional, f"{pointer}/if", {}))
    for keyword in ("dependentRequired", "dependentSchemas"):
        if keyword in shape:
            rules.append(_rule({keyword: shape.pop(keyword)}, f"{pointer}/{keyword}", {}))
    return shape, rules


def _flatten(member: Any, pointer: str, resolve: Resolver) -> Iterator[Rule]:
    """Yield the rules of one typeless ``allOf`` member, splitting nested ``allOf`` lists."""
    target, where = member, pointer
    if isinstance(member, dict) and "$ref" in member:
        target = resolve(member["$ref"])
        ref = member["$ref"]
        where = ref[1:] if ref.startswith("#") else ref
    if not isinstance(target, dict):
        raise RuleError(f"{pointer}: a rule must be a schema object")
    nested = target.get("allOf")
    rest = {k: v for k, v in target.items() if k not in ANNOTATION_KEYWORDS and k != "allOf"}
    if isinstance(nested, list) and not rest:
        for index, sub in enumerate(nested):
            if role(sub, resolve) is Role.RULE:
                yield from _flatten(sub, f"{where}/allOf/{index}", resolve)
        return
    yield _rule(target, where, target)


def _rule(schema: Schema, pointer: str, described_by: Schema) -> Rule:
    message = described_by.get("description") or schema.get("description")
    text = " ".join(str(message).split()) if message else f"violates the rule at {pointer}"
    return Rule(pointer=pointer, message=text, schema=schema)


class _Compiler:
    """Compile a JSON Schema subset to a Python expression over a JSON value."""

    def __init__(self, resolve: Resolver, objects: frozenset[str]) -> None:
        self._resolve = resolve
        self._objects = objects  # variables known to hold a JSON object

    def _guard(self, var: str, checks: str) -> str:
        if var in self._objects:
            return f"({checks})"
        return f"(not isinstance({var}, dict) or ({checks}))"

    def compile(self, schema: Any, var: str, pointer: str) -> str:
        if schema is True or schema == {}:
            return "True"
        if schema is False:
            return "False"
        if not isinstance(schema, dict):
            raise RuleError(f"{pointer}: a rule must be a schema object")
        parts: list[str] = []
        for keyword, value in schema.items():
            if keyword in ANNOTATION_KEYWORDS or keyword in ("then", "else"):
                continue
            if keyword.startswith("x-"):
                continue
            where = f"{pointer}/{keyword}"
            handler = getattr(self, "_kw_" + keyword.replace("$", "dollar_"), None)
            if handler is None:
                raise RuleError(f"{where}: the rule compiler does not support '{keyword}'")
            parts.append(handler(value, var, where, schema))
        if not parts:
            return "True"
        return parts[0] if len(parts) == 1 else "(" + " and ".join(parts) + ")"

    # keywords -----------------------------------------------------------------------

    def _kw_dollar_ref(self, ref: str, var: str, where: str, _: Schema) -> str:
        return self.compile(self._resolve(ref), var, where)

    def _kw_required(self, names: list[str], var: str, where: str, _: Schema) -> str:
        checks = " and ".join(f"{json.dumps(n)} in {var}" for n in names)
        return self._guard(var, checks or "True")

    def _kw_properties(self, props: dict[str, Any], var: str, where: str, _: Schema) -> str:
        checks = []
        for name, sub in props.items():
            key = json.dumps(name)
            inner = self.compile(sub, f"{var}[{key}]", f"{where}/{name}")
            if inner != "True":
                checks.append(f"({key} not in {var} or {inner})")
        if not checks:
            return "True"
        return self._guard(var, " and ".join(checks))

    def _kw_dependentRequired(
        self, deps: dict[str, list[str]], var: str, where: str, _: Schema
    ) -> str:
        checks = []
        for name, needed in deps.items():
            need = " and ".join(f"{json.dumps(n)} in {var}" for n in needed) or "True"
            checks.append(f"({json.dumps(name)} not in {var} or ({need}))")
        return self._guard(var, " and ".join(checks) or "True")

    def _kw_const(self, value: Any, var: str, where: str, _: Schema) -> str:
        return _equals(var, value, where)

    def _kw_enum(self, values: list[Any], var: str, where: str, _: Schema) -> str:
        if values and all(isinstance(v, str) for v in values):
            items = ", ".join(json.dumps(v) for v in values)
            return f"({var} in ({items}{',' if len(values) == 1 else ''}))"
        return (
            "(" + " or ".join(_equals(var, v, where) for v in values) + ")" if values else "False"
        )

    def _kw_not(self, sub: Any, var: str, where: str, _: Schema) -> str:
        return f"(not {self.compile(sub, var, where)})"

    def _kw_allOf(self, subs: list[Any], var: str, where: str, _: Schema) -> str:
        parts = [self.compile(s, var, f"{where}/{i}") for i, s in enumerate(subs)]
        return "(" + " and ".join(parts) + ")" if parts else "True"

    def _kw_anyOf(self, subs: list[Any], var: str, where: str, _: Schema) -> str:
        parts = [self.compile(s, var, f"{where}/{i}") for i, s in enumerate(subs)]
        return "(" + " or ".join(parts) + ")" if parts else "False"

    def _kw_oneOf(self, subs: list[Any], var: str, where: str, _: Schema) -> str:
        parts = [self.compile(s, var, f"{where}/{i}") for i, s in enumerate(subs)]
        return f"([{', '.join(parts)}].count(True) == 1)"

    def _kw_if(self, sub: Any, var: str, where: str, parent: Schema) -> str:
        cond = self.compile(sub, var, where)
        base = where.rsplit("/", 1)[0]
        then = self.compile(parent.get("then", True), var, f"{base}/then")
        if "else" not in parent:
            return f"(not {cond} or {then})"
        other = self.compile(parent["else"], var, f"{base}/else")
        return f"({then} if {cond} else {other})"

    def _number_check(self, op: str, limit: Any, var: str, where: str) -> str:
        if not isinstance(limit, (int, float)) or isinstance(limit, bool):
            raise RuleError(f"{where}: a numeric limit must be a number")
        return f"(not _is_number({var}) or {var} {op} {limit!r})"

    def _kw_minimum(self, limit: Any, var: str, where: str, _: Schema) -> str:
        return self._number_check(">=", limit, var, where)

    def _kw_maximum(self, limit: Any, var: str, where: str, _: Schema) -> str:
        return self._number_check("<=", limit, var, where)

    def _kw_exclusiveMinimum(self, limit: Any, var: str, where: str, _: Schema) -> str:
        return self._number_check(">", limit, var, where)

    def _kw_exclusiveMaximum(self, limit: Any, var: str, where: str, _: Schema) -> str:
        return self._number_check("<", limit, var, where)

    def _kw_minLength(self, limit: int, var: str, where: str, _: Schema) -> str:
        return f"(not isinstance({var}, str) or len({var}) >= {int(limit)})"

    def _kw_maxLength(self, limit: int, var: str, where: str, _: Schema) -> str:
        return f"(not isinstance({var}, str) or len({var}) <= {int(limit)})"

    def _kw_pattern(self, pattern: str, var: str, where: str, _: Schema) -> str:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise RuleError(f"{where}: invalid pattern: {exc}") from None
        return f"(not isinstance({var}, str) or _re.search({pattern!r}, {var}) is not None)"

    def _kw_type(self, kind: str | list[str], var: str, where: str, _: Schema) -> str:
        kinds = [kind] if isinstance(kind, str) else list(kind)
        checks = {
            "null": f"{var} is None",
            "boolean": f"isinstance({var}, bool)",
            "integer": f"(_is_number({var}) and float({var}).is_integer())",
            "number": f"_is_number({var})",
            "string": f"isinstance({var}, str)",
            "array": f"isinstance({var}, list)",
            "object": f"isinstance({var}, dict)",
        }
        unknown = [k for k in kinds if k not in checks]
        if unknown:
            raise RuleError(f"{where}: unknown type {unknown[0]!r}")
        return "(" + " or ".join(checks[k] for k in kinds) + ")"


def _equals(var: str, value: Any, where: str) -> str:
    """A JSON-equality test (``1 == true`` is false in JSON Schema, unlike Python)."""
    if value is None:
        return f"({var} is None)"
    if isinstance(value, bool):
        return f"({var} is {value!r})"
    if isinstance(value, (int, float)):
        return f"(_is_number({var}) and {var} == {value!r})"
    if isinstance(value, str):
        return f"({var} == {json.dumps(value)})"
    raise RuleError(f"{where}: only scalar const/enum values are supported in rules")


def compile_rule(rule: Rule, var: str, resolve: Resolver) -> str:
    """A Python expression that is true when ``var`` (a wire-form dict) satisfies ``rule``."""
    return _Compiler(resolve, frozenset({var})).compile(rule.schema, var, rule.pointer)


def uses_pattern(expression: str) -> bool:
    return "_re.search(" in expression


def uses_number(expression: str) -> bool:
    return "_is_number(" in expression


# ------------------------------------------------------------------------ rules in words


def describe(schema: Any, resolve: Resolver, quote: Callable[[str], str] = repr) -> str:
    """A rule in words, for people (``if `Percent` is present and is not -1, then …``).

    ``quote`` formats a member name or a JSON value (the docs pass their inline-code
    escaper); everything else is the describer's own words.
    """
    return _Describer(resolve, quote).clause(schema, 0)


class _Describer:
    def __init__(self, resolve: Resolver, quote: Callable[[str], str]) -> None:
        self._resolve = resolve
        self._quote = quote

    def value(self, value: Any) -> str:
        return self._quote(json.dumps(value, ensure_ascii=False))

    def clause(self, schema: Any, depth: int) -> str:
        """What an instance (an object) must satisfy."""
        if schema is True or schema == {}:
            return "anything"
        if schema is False or not isinstance(schema, dict) or depth > 6:
            return "nothing" if schema is False else "a rule"
        parts: list[str] = []
        for keyword, value in schema.items():
            part = self._keyword(keyword, value, schema, depth)
            if part:
                parts.append(part)
        return " and ".join(parts) or "anything"

    def _keyword(self, keyword: str, value: Any, schema: dict[str, Any], depth: int) -> str:
        if keyword == "$ref" and isinstance(value, str):
            try:
                return self.clause(self._resolve(value), depth + 1)
            except (KeyError, ValueError):
                return f"the rule at {self._quote(value)}"
        if keyword == "required" and isinstance(value, list) and value:
            names = ", ".join(self._quote(str(n)) for n in value)
            return f"{names} {'is' if len(value) == 1 else 'are'} present"
        if keyword == "properties" and isinstance(value, dict):
            clauses = [
                f"{self._quote(str(name))}, when present, {self.member(sub, depth + 1)}"
                for name, sub in value.items()
            ]
            return " and ".join(clauses)
        if keyword == "dependentRequired" and isinstance(value, dict):
            return " and ".join(
                f"when {self._quote(str(name))} is present, "
                + ", ".join(self._quote(str(n)) for n in needed)
                + (" is" if len(needed) == 1 else " are")
                + " present too"
                for name, needed in value.items()
                if isinstance(needed, list)
            )
        if keyword == "if":
            condition = self.clause(value, depth + 1)
            otherwise = schema.get("else", True)
            if schema.get("then", True) in (True, {}):  # `if A, else B` is "A or B"
                if otherwise in (True, {}):
                    return ""
                return f"unless {condition}, {self.clause(otherwise, depth + 1)}"
            text = f"if {condition}, then {self.clause(schema['then'], depth + 1)}"
            if otherwise not in (True, {}):
                text += f"; otherwise {self.clause(otherwise, depth + 1)}"
            return text
        if keyword == "not":
            return f"not ({self.clause(value, depth + 1)})"
        if keyword in ("anyOf", "oneOf", "allOf") and isinstance(value, list):
            clauses = [f"({self.clause(sub, depth + 1)})" for sub in value]
            lead = {"anyOf": "at least one of", "oneOf": "exactly one of", "allOf": "all of"}
            return f"{lead[keyword]}: " + "; ".join(clauses)
        return self.member({keyword: value}, depth) if keyword not in _DESCRIBED_ELSEWHERE else ""

    def member(self, schema: Any, depth: int) -> str:
        """What one member's value must satisfy."""
        if not isinstance(schema, dict) or depth > 6:
            return "is valid"
        parts: list[str] = []
        for keyword, value in schema.items():
            if keyword in ANNOTATION_KEYWORDS or keyword.startswith("x-"):
                continue
            text = _VALUE_WORDS.get(keyword)
            if keyword == "const":
                parts.append(f"is {self.value(value)}")
            elif keyword == "enum" and isinstance(value, list):
                parts.append("is one of " + ", ".join(self.value(v) for v in value))
            elif keyword == "not" and isinstance(value, dict) and list(value) == ["const"]:
                parts.append(f"is not {self.value(value['const'])}")
            elif keyword == "not" and isinstance(value, dict) and list(value) == ["enum"]:
                parts.append("is none of " + ", ".join(self.value(v) for v in value["enum"]))
            elif keyword == "not":
                parts.append(f"does not satisfy: {self.member(value, depth + 1)}")
            elif keyword == "type":
                kinds = [value] if isinstance(value, str) else list(value)
                parts.append(
                    "is " + " or ".join(f"a {k}" if k != "null" else "null" for k in kinds)
                )
            elif keyword == "pattern":
                parts.append(f"matches {self._quote(str(value))}")
            elif text is not None:
                parts.append(f"{text} {self.value(value)}")
            elif keyword in ("required", "properties", "if", "anyOf", "oneOf", "allOf", "$ref"):
                nested = {keyword: value, **_conditional(schema, keyword)}
                parts.append(f"satisfies: {self.clause(nested, depth + 1)}")
            elif keyword not in ("then", "else"):
                parts.append(f"meets {self._quote(keyword)} {self.value(value)}")
        return " and ".join(parts) or "is valid"


_DESCRIBED_ELSEWHERE = frozenset({"then", "else", *ANNOTATION_KEYWORDS})
_VALUE_WORDS = {
    "minimum": "is at least",
    "maximum": "is at most",
    "exclusiveMinimum": "is greater than",
    "exclusiveMaximum": "is less than",
    "minLength": "is at least this many characters long:",
    "maxLength": "is at most this many characters long:",
    "minItems": "has at least this many items:",
    "maxItems": "has at most this many items:",
    "multipleOf": "is a multiple of",
}


def _conditional(schema: dict[str, Any], keyword: str) -> dict[str, Any]:
    """The ``then``/``else`` that go with an ``if``."""
    if keyword != "if":
        return {}
    return {k: schema[k] for k in ("then", "else") if k in schema}
