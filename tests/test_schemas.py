"""`SchemaSet.check`: jsonschema's verdict, sped up by a compiled validator that may only say yes.

What a user of the sandbox relies on: a body or parameter the compiled validator (jsonschema-rs)
lets through is one jsonschema accepts too, so the faster path never stores what the slower
one refused; and on our own specs the fast path is really taken, which is where the sandbox's
create throughput comes from (`tools/bench_sandbox.py`).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from specs import APIS, examples, schemas

from specpipe.schemas import SchemaSet

# Where jsonschema-rs alone reads a schema differently from openapi-schema-validator's 3.1
# dialect: numeric OpenAPI formats, Python's `re` for `pattern`, float division, integers past
# 2**53, identifiers moving the base URI, regular expressions of `patternProperties`.
TRICKY: dict[str, dict[str, Any]] = {
    "Int32": {"type": "integer", "format": "int32"},
    "Int64": {"type": "integer", "format": "int64"},
    "Anchored": {"type": "string", "pattern": "^a$"},
    "Digits": {"type": "string", "pattern": r"^\d+$"},
    "Letter": {"type": "string", "pattern": r"^\p{L}$"},
    "Tenths": {"type": "number", "multipleOf": 0.1},
    "Huge": {"type": "integer", "maximum": 9007199254740992},
    "Uuid": {"type": "string", "format": "uuid"},
    "When": {"type": "string", "format": "date-time"},
    "Mail": {"type": "string", "format": "email"},
    "Keyed": {"type": "object", "patternProperties": {"^x$": {"type": "integer"}}},
    "Moved": {"$id": "https://example.com/moved", "type": "object"},
    "Tagged": {"type": "array", "uniqueItems": True},
    "Choice": {"enum": [1, "one", None]},
    "Record": {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"$ref": "#/components/schemas/Int64"},
            "code": {"$ref": "#/components/schemas/Anchored"},
            "at": {"$ref": "#/components/schemas/When"},
            "tags": {"type": "array", "items": {"type": "string", "maxLength": 3}},
        },
        "additionalProperties": False,
    },
}
DOCUMENT = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "paths": {},
    "components": {"schemas": TRICKY},
}
CASES = [
    ("Int32", 2**31),
    ("Int32", -(2**31) - 1),
    ("Int32", 2**31 - 1),
    ("Int64", 2**63),
    ("Anchored", "a\n"),
    ("Anchored", "a"),
    ("Digits", "\u0661\u0662"),
    ("Letter", "\u00e9"),
    ("Tenths", 0.3),
    ("Tenths", 0.5),
    ("Huge", 9007199254740993),
    ("Huge", 9007199254740992),
    ("Uuid", "not-a-uuid"),
    ("Uuid", "7d3c2a4e-5b8f-4c1d-9e2a-3b4c5d6e7f80"),
    ("When", "2026-13-01T00:00:00Z"),
    ("When", "2026-12-01T10:00:00Z"),
    ("Mail", "nobody"),
    ("Keyed", {"x": "not an integer"}),
    ("Moved", {}),
    ("Tagged", [1, 1.0]),
    ("Tagged", [1, True]),
    ("Choice", True),
    ("Choice", 1.0),
    ("Record", {"id": 2**63, "code": "a"}),
    ("Record", {"id": 5, "code": "a\n", "at": "2026-12-01T10:00:00Z", "tags": ["abc"]}),
    ("Record", {"id": 5, "tags": ["abcd"]}),
    ("Record", {"id": 5, "extra": 1}),
    ("Record", {"id": 5, "code": "\ud800"}),
]


def messages(schema_set: SchemaSet, value: Any, pointer: str, fast: bool) -> list[str]:
    """jsonschema's error messages, or the exception it raises (a pattern Python's `re`
    cannot compile, which jsonschema-rs would have compiled and matched)."""
    try:
        if fast:
            errors = list(schema_set.check(value, pointer))
        else:
            errors = list(schema_set.validator(pointer).iter_errors(value))
    except Exception as exc:
        return [f"raised {type(exc).__name__}"]
    return sorted(error.message for error in errors)


@pytest.mark.parametrize(("name", "value"), CASES, ids=[f"{n}-{v!r}"[:40] for n, v in CASES])
def test_check_gives_jsonschemas_errors_where_the_two_validators_differ(
    name: str, value: Any
) -> None:
    schema_set = SchemaSet(DOCUMENT)
    pointer = f"/components/schemas/{name}"
    assert messages(schema_set, value, pointer, fast=True) == messages(
        schema_set, value, pointer, fast=False
    )


def test_the_compiled_validator_is_not_asked_where_it_could_read_the_schema_differently() -> None:
    schema_set = SchemaSet(DOCUMENT)
    for name in ("Keyed", "Moved"):
        assert schema_set._gates(f"/components/schemas/{name}") is None
    for name in ("Int32", "Anchored", "Record"):
        assert schema_set._gates(f"/components/schemas/{name}") is not None
    document_30 = {**copy.deepcopy(DOCUMENT), "openapi": "3.0.3"}
    assert SchemaSet(document_30)._gates("/components/schemas/Record") is None


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.sampled_from([2**31 - 1, 2**31, -(2**31), 2**53, 2**53 + 1, 2**63 - 1, 2**63]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.1, 0.3, 1.0, 2.5, -0.0]),
    st.text(max_size=8),
    st.sampled_from(
        [
            "a",
            "a\n",
            "abcd",
            "\u0661",
            "2026-12-01T10:00:00Z",
            "2026-02-30",
            "7d3c2a4e-5b8f-4c1d-9e2a-3b4c5d6e7f80",
            "x@example.com",
            "10.0.0.1",
        ]
    ),
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(TRICKY)), value=JSON)
def test_a_value_the_fast_path_accepts_is_one_jsonschema_accepts(name: str, value: Any) -> None:
    schema_set = SchemaSet(DOCUMENT)
    pointer = f"/components/schemas/{name}"
    assert messages(schema_set, value, pointer, fast=True) == messages(
        schema_set, value, pointer, fast=False
    )


def _mutations(value: Any) -> st.SearchStrategy[Any]:
    """`value` with one member replaced by, or extended with, a drawn JSON value."""
    if not isinstance(value, dict) or not value:
        return JSON
    keys = sorted(value)
    return st.tuples(st.sampled_from(keys), JSON, st.booleans()).map(
        lambda t: {**value, t[0]: t[1]} if t[2] else {k: v for k, v in value.items() if k != t[0]}
    )


EXAMPLES = [e for api in APIS for e in examples(api) if e.media_type in (None, "application/json")]


@pytest.mark.parametrize("api", APIS)
def test_on_our_specs_every_documented_example_takes_the_fast_path(api: str) -> None:
    found = [e for e in EXAMPLES if e.api == api]
    assert found
    for example in found:
        gate = schemas(api)._gates(example.schema_pointer)
        assert gate is not None, example.id
        if not list(schemas(api).validator(example.schema_pointer).iter_errors(example.value)):
            assert gate.accepts(example.value), example.id


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), index=st.integers(min_value=0, max_value=len(EXAMPLES) - 1))
def test_on_our_specs_a_mutated_example_gets_jsonschemas_verdict(
    data: st.DataObject, index: int
) -> None:
    example = EXAMPLES[index]
    value = data.draw(_mutations(example.value))
    schema_set = schemas(example.api)
    assert messages(schema_set, value, example.schema_pointer, fast=True) == messages(
        schema_set, value, example.schema_pointer, fast=False
    )
