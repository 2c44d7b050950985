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

import copy
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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


class RuleError(ValueError):
    """A rule uses a keyword the compiler does not support."""


@dataclass(frozen=True)
class Rule:
    """One cross-field rule of an object schema."""

    pointer: str  # where the rule is written, in the bundled document
    message: str  # what a violation means, for people
    schema: Schema  # the rule itself (refs not yet resolved)


def declares_type(schema: Any, resolve: Resolver) -> bool:
    """Whether ``schema`` (following ``$ref``) declares a ``type``."""
    seen: set[str] = set()
    while isinstance(schema, dict) and "$ref" in schema and "type" not in schema:
        ref = schema["$ref"]
        if ref in seen:
            return False
        seen.add(ref)
        schema = resolve(ref)
    return isinstance(schema, dict) and "type" in schema


def is_rules_only(schema: Any, resolve: Resolver) -> bool:
    """Whether ``schema`` holds nothing but rules (a typeless collection of assertions).

    Such a schema (``BenefitRules`` say) is referenced from ``allOf`` lists to share rules
    between shapes; it is not a type of its own.
    """
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    shape_keywords = {
        "type",
        "properties",
        "items",
        "prefixItems",
        "additionalProperties",
        "enum",
        "const",
        "format",
    }
    if shape_keywords & schema.keys():
        return False
    applied = [k for k in (*_APPLICATORS, "dependentRequired", "dependentSchemas") if k in schema]
    if not applied:
        return False
    members = [m for k in ("allOf", "anyOf", "oneOf") for m in schema.get(k, [])]
    return not any(declares_type(m, resolve) for m in members)


def split_rules(schema: Schema, pointer: str, resolve: Resolver) -> tuple[Schema, list[Rule]]:
    """Return ``schema`` without its rules, and the rules, for an object schema."""
    shape = copy.deepcopy(schema)
    rules: list[Rule] = []

    kept: list[Any] = []
    for index, member in enumerate(shape.get("allOf", [])):
        if declares_type(member, resolve):
            kept.append(member)
        else:
            rules.extend(_flatten(member, f"{pointer}/allOf/{index}", resolve))
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
    rest = {k: v for k, v in target.items() if k not in _ANNOTATIONS and k != "allOf"}
    if isinstance(nested, list) and not rest:
        for index, sub in enumerate(nested):
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
            if keyword in _ANNOTATIONS or keyword in ("then", "else"):
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
