"""specpipe diff on random schemas: never a crash, every pointer resolves in the revision it
names, no pointer gets contradictory verdicts, and a revision compared with itself has no
change. About 300 generated pairs, a few seconds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_diff import assert_well_formed

from specpipe.diff import compare
from specpipe.loader import LoadedSpec

NAMES = st.sampled_from(["a", "b", "c/d", "e~f", "é", "x y"])
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from(["s", "t", "", "1"])
)
REFS = st.sampled_from(["A", "B", "C"]).map(lambda n: {"$ref": f"#/components/schemas/{n}"})


def _schemas(depth: int) -> st.SearchStrategy[Any]:
    leaf = st.one_of(
        st.fixed_dictionaries(
            {},
            optional={
                "type": st.one_of(
                    st.sampled_from(["string", "integer", "number", "boolean", "null", "object"]),
                    st.lists(st.sampled_from(["string", "integer", "null"]), max_size=3),
                ),
                "enum": st.lists(SCALARS, max_size=3),
                "const": SCALARS,
                "format": st.sampled_from(["int32", "int64", "date", "uuid"]),
                "maxLength": st.integers(0, 5),
                "minimum": st.one_of(st.integers(-2, 2), st.booleans()),
                "exclusiveMinimum": st.booleans(),
                "pattern": st.sampled_from(["^a", "b$"]),
                "nullable": st.booleans(),
                "readOnly": st.booleans(),
                "default": SCALARS,
                "description": st.sampled_from(["d", "e"]),
                "x-y": SCALARS,
                "frobnicate": SCALARS,
                "$recursiveAnchor": st.booleans(),
            },
        ),
        REFS,
        st.booleans(),
    )
    if depth == 0:
        return leaf
    sub = _schemas(depth - 1)
    return st.one_of(
        leaf,
        st.fixed_dictionaries(
            {},
            optional={
                "type": st.sampled_from(["object", "array"]),
                "properties": st.dictionaries(NAMES, sub, max_size=3),
                "required": st.lists(NAMES, max_size=2),
                "additionalProperties": st.one_of(st.booleans(), sub),
                "items": sub,
                "allOf": st.lists(sub, max_size=2),
                "anyOf": st.lists(sub, max_size=3),
                "oneOf": st.lists(sub, max_size=3),
                "not": sub,
                "if": sub,
                "then": sub,
                "discriminator": st.just({"propertyName": "a"}),
                "$ref": st.sampled_from(["#/components/schemas/A", "#/components/schemas/B"]),
            },
        ),
    )


def _document(components: dict[str, Any], body: Any) -> dict[str, Any]:
    media = {"application/json": {"schema": body}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/x": {
                "post": {
                    "requestBody": {"content": media},
                    "responses": {"200": {"description": "ok", "content": media}},
                }
            }
        },
        "components": {"schemas": components},
    }


COMPONENTS = st.fixed_dictionaries({"A": _schemas(2), "B": _schemas(2), "C": _schemas(1)})


def _spec(document: dict[str, Any]) -> LoadedSpec:
    # an in-memory revision: every $ref is internal, so bundling would change nothing
    return LoadedSpec(root=Path("revision.yaml"), document=document, files=[])


@settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(old=COMPONENTS, new=COMPONENTS, old_body=_schemas(2), new_body=_schemas(2))
def test_random_revisions(
    old: dict[str, Any], new: dict[str, Any], old_body: Any, new_body: Any
) -> None:
    old_spec, new_spec = _spec(_document(old, old_body)), _spec(_document(new, new_body))
    changes = compare(old_spec, new_spec)
    assert_well_formed(changes, old_spec, new_spec)
    assert compare(new_spec, new_spec) == []
