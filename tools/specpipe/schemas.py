"""JSON Schema validation of values against the schemas of one bundled OpenAPI document.

One place builds the validators (OpenAPI 3.1 or 3.0 dialect, OpenAPI format checks, ``$ref``
resolution inside the document), so the lint rules, the tests and the sandbox all judge a
value the same way: jsonschema's validators (openapi-schema-validator's dialects) decide.

``SchemaSet.check``, the sandbox's path for every request, first asks a compiled validator
(jsonschema-rs, about a thousand times faster on a valid value) whether it accepts the value,
and returns no error when it does; otherwise jsonschema decides and words the errors. The
compiled validator is asked only where it cannot accept what jsonschema rejects (``_Gate``):
an OpenAPI 3.1 schema, ``pattern`` and every format the OpenAPI checker knows evaluated by the
very functions jsonschema uses, none of the constructs the two could read differently, and a
value of plain JSON whose numbers both compare exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator
from openapi_schema_validator import (
    OAS30Validator,
    OAS31Validator,
    oas30_format_checker,
    oas31_format_checker,
)
from referencing import Registry
from referencing.jsonschema import DRAFT4, DRAFT202012

from specpipe.loader import resolve_pointer, resolve_ref

BUNDLE_URI = "urn:specpipe:bundle"


class SchemaSet:
    """Validators for values against schemas of ``document`` (a bundled document)."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.v30 = str(document.get("openapi", "")).startswith("3.0")
        resource = (DRAFT4 if self.v30 else DRAFT202012).create_resource(document)
        self._registry: Registry[Any] = Registry().with_resource(BUNDLE_URI, resource)
        self._cached = lru_cache(maxsize=None)(self._build)
        self._gates = lru_cache(maxsize=None)(self._build_gate)
        self._rs_registry: Any = None

    def resolve(self, ref: str) -> dict[str, Any]:
        """The schema a document-internal ``$ref`` (``#/...``) points at."""
        return resolve_ref(self.document, ref)

    def _build(self, pointer: str) -> Validator:
        cls: Any = OAS30Validator if self.v30 else OAS31Validator
        checker = oas30_format_checker if self.v30 else oas31_format_checker
        try:
            schema = resolve_pointer(self.document, pointer)
            # the schema itself as the root, its references resolved against the whole
            # document: no lookup of `pointer` on every validation (jsonschema's `_resolver`)
            validator: Validator = cls(
                schema,
                registry=self._registry,
                format_checker=checker,
                _resolver=self._registry.resolver(BUNDLE_URI),
            )
            return validator
        except (KeyError, ValueError, TypeError):
            # no such node (reported when used), or a jsonschema without `_resolver`
            wrapper = {"$ref": f"{BUNDLE_URI}#{pointer}"}
            fallback: Validator = cls(wrapper, registry=self._registry, format_checker=checker)
            return fallback

    def validator(self, pointer: str) -> Validator:
        """A validator for the schema at ``pointer`` (a JSON pointer into the document)."""
        validator: Validator = self._cached(pointer)
        return validator

    def check(self, value: Any, pointer: str) -> Iterator[ValidationError]:
        """jsonschema's errors of ``value`` against the schema at ``pointer``, in its order;
        none, at once, when the compiled validator accepts the value (see the module's text)."""
        gate = self._gates(pointer)
        if gate is not None and gate.accepts(value):
            return iter(())
        return self.validator(pointer).iter_errors(value)

    def _build_gate(self, pointer: str) -> _Gate | None:
        if self.v30:  # openapi-schema-validator's 3.0 dialect redefines a dozen keywords
            return None
        try:
            schema = resolve_pointer(self.document, pointer)
        except (KeyError, ValueError, TypeError):
            return None
        reach = _reach(self.document, schema)
        if reach is None:
            return None
        if self._rs_registry is None:
            self._rs_registry = fast_registry([(BUNDLE_URI, self.document)])
        wrapper = {"$ref": f"{BUNDLE_URI}#{quote(pointer, safe=_POINTER_SAFE)}"}
        compiled = compile_like(wrapper, _PYTHON, self._rs_registry)
        if compiled is None:
            return None
        return _Gate(compiled, _INT32 if reach.int_formats else _EXACT)

    def iter_errors(self, value: Any, pointer: str) -> list[ValidationError]:
        """The validation errors of ``value`` against the schema at ``pointer``, in path order."""
        return sorted(
            self.validator(pointer).iter_errors(value),
            key=lambda e: [str(p) for p in e.absolute_path],
        )

    def errors(self, value: Any, pointer: str) -> list[str]:
        """Every reason ``value`` does not validate against the schema at ``pointer``."""
        found = self.iter_errors(value, pointer)
        return [
            f"{''.join(f'/{p}' for p in error.absolute_path) or '/'}: {error.message}"
            for error in found
        ]


# ---------------------------------------------------------------------- the compiled gate

_POINTER_SAFE = "/~!$&'()*+,;=:@"
_INT32 = 2**31  # a larger integer may fail format int32 or int64, which jsonschema-rs skips
_EXACT = 2**53  # a larger integer is compared inexactly once it is a float
_ANNOTATIONS = frozenset({"enum", "const", "default", "example", "examples"})
# Where jsonschema and jsonschema-rs may read a schema differently: identifiers that move the
# base URI, regular expressions other than `pattern`, legacy array forms.
_UNSAFE_KEYWORDS = frozenset(
    {
        "$id",
        "$anchor",
        "$dynamicAnchor",
        "$dynamicRef",
        "$recursiveAnchor",
        "$recursiveRef",
        "$schema",
        "$vocabulary",
        "patternProperties",
        "additionalItems",
        "dependencies",
    }
)
_PYTHON = OAS31Validator({}, format_checker=oas31_format_checker)


def _conforms(checker: Any, name: str) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        try:
            return bool(checker.conforms(value, name))
        except Exception:  # not accepted here; jsonschema then decides and says why
            return False

    return check


def fast_registry(resources: list[tuple[str, Any]]) -> Any:
    """The jsonschema-rs registry of `resources` (URI, contents), for `compile_like`; False
    when jsonschema-rs refuses one (then nothing is compiled against it)."""
    import jsonschema_rs  # imported where a fast path is built, not by every command

    try:
        return jsonschema_rs.Registry(resources)
    except Exception:  # a resource jsonschema-rs cannot read: no fast path
        return False


def compile_like(schema: Any, python: Validator, registry: Any = None) -> Any | None:
    """`schema` compiled by jsonschema-rs to read values as the jsonschema validator `python`
    does: its draft (4 or 2020-12), its `pattern` keyword and every format its checker knows
    evaluated by the very same functions, no network; `$ref`s resolved in `registry`
    (`fast_registry`). None when jsonschema-rs refuses it. Where its yes may stand in for
    jsonschema's is the caller's to show (see `_Gate`)."""
    import jsonschema_rs

    if registry is False:
        return None
    checker = getattr(python, "format_checker", None)
    formats = {n: _conforms(checker, n) for n in checker.checkers} if checker else {}
    pattern = type("Pattern", (_Pattern,), {"python": python})
    draft4 = python.META_SCHEMA.get("$schema", "").startswith("http://json-schema.org/draft-04")
    compiler = jsonschema_rs.Draft4Validator if draft4 else jsonschema_rs.Draft202012Validator
    try:
        return compiler(
            schema,
            registry=registry,
            formats=formats,
            validate_formats=True,
            keywords={"pattern": pattern},
            offline=True,
        )
    except Exception:  # a schema jsonschema-rs refuses: jsonschema alone decides
        return None


def plain_json(value: Any, bound: int = 2**53) -> bool:
    """Whether `value` is plain JSON (str keys, finite numbers) whose integers lie strictly
    within `bound`, so that jsonschema-rs reads it exactly as Python does."""
    return _plain(value, bound)


class _Pattern:
    """`pattern`, evaluated by the keyword function of the jsonschema validator `python`."""

    python: Any = _PYTHON

    def __init__(self, parent: Any, value: Any, path: Any) -> None:
        self.pattern = value
        self.schema = parent

    def validate(self, instance: Any) -> None:
        keyword = self.python.VALIDATORS["pattern"]
        for error in keyword(self.python, self.pattern, instance, self.schema) or ():
            raise ValueError(error.message)


class _Reach:
    def __init__(self) -> None:
        self.int_formats = False


_UNRESOLVED = object()  # a `$ref` that is not local or does not resolve


def _schema_members(document: dict[str, Any], schema: Any) -> Iterator[tuple[str, Any]]:
    """(keyword, value) of every member of every object reachable from `schema`, local
    `$ref`s followed, annotations (`enum`, `const`, `default`, examples: data, not schemas)
    and extensions left out; a `$ref` that is not local or does not resolve comes as
    ``("$ref", _UNRESOLVED)``."""
    seen: set[int] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        for key, value in node.items():
            if key in _ANNOTATIONS or key.startswith("x-"):
                continue
            if key == "$ref" and isinstance(value, str):
                try:
                    if not value.startswith("#"):
                        raise KeyError(value)
                    stack.append(resolve_ref(document, value))
                except (KeyError, ValueError, TypeError):
                    value = _UNRESOLVED
            elif isinstance(value, (dict, list)):
                stack.append(value)
            yield key, value


def _reach(document: dict[str, Any], schema: Any) -> _Reach | None:
    """What the gate must know of every schema reachable from `schema`, or None when one of
    them holds a construct the two validators could read differently."""
    found = _Reach()
    for key, value in _schema_members(document, schema):
        if key in _UNSAFE_KEYWORDS or value is _UNRESOLVED:
            return None
        if key == "multipleOf" and isinstance(value, float) and not value.is_integer():
            return None  # float division: the two round differently
        if key == "items" and isinstance(value, list):
            return None
        if key == "format" and value in ("int32", "int64"):
            found.int_formats = True
    return found


def unusable_pattern(document: dict[str, Any], schema: Any) -> str | None:
    """The first regular expression of a schema reachable from `schema` (a `pattern`, or a key
    of `patternProperties`) that Python's `re`, which jsonschema evaluates them with, cannot
    compile (``\\p{L}``, valid in ECMA-262), as ``'<pattern>': <why>``; None when there is
    none."""
    for key, value in _schema_members(document, schema):
        expressions: list[Any] = []
        if key == "pattern" and isinstance(value, str):
            expressions = [value]
        elif key == "patternProperties" and isinstance(value, dict):
            expressions = list(value)
        for expression in expressions:
            try:
                re.compile(expression)
            except (re.error, RecursionError, OverflowError) as exc:
                return f"{expression[:80]!r}: {exc}"
    return None


class _Gate:
    """A compiled validator, asked only about values of plain JSON whose integers lie within
    `bound`: for those, it accepts nothing jsonschema rejects."""

    def __init__(self, compiled: Any, bound: int) -> None:
        self.compiled = compiled
        self.bound = bound

    def accepts(self, value: Any) -> bool:
        if not _plain(value, self.bound):
            return False
        try:
            return bool(self.compiled.is_valid(value))
        except (ValueError, TypeError, OverflowError, UnicodeError):
            return False


def _plain(value: Any, bound: int) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str or kind is bool or item is None:
            continue
        if kind is int:
            if not -bound < item < bound:
                return False
        elif kind is float:
            if item != item or item in (float("inf"), float("-inf")):
                return False
        elif kind is dict:
            for key, member in item.items():
                if type(key) is not str:
                    return False
                stack.append(member)
        elif kind is list:
            stack.extend(item)
        else:
            return False
    return True
