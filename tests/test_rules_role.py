"""`rules.role`: the one decision of what an `allOf` member (or union member) brings."""

from __future__ import annotations

from typing import Any

import pytest

from specpipe.loader import resolve_ref
from specpipe.rules import Role, is_rules_only, role, split_rules

DOCUMENT: dict[str, Any] = {
    "components": {
        "schemas": {
            "Typed": {"type": "object", "properties": {"a": {"type": "string"}}},
            # properties without `type`: still a shape (the issue of mixins in real specs)
            "Mixin": {"properties": {"b": {"type": "integer"}}, "required": ["b"]},
            "Rules": {"allOf": [{"if": {"required": ["a"]}, "then": {"required": ["b"]}}]},
            "Alias": {"$ref": "#/components/schemas/Mixin"},
            "Loop": {"$ref": "#/components/schemas/Loop"},
            "Note": {"description": "only words", "example": {"a": "x"}},
        }
    }
}


def resolve(ref: str) -> dict[str, Any]:
    return resolve_ref(DOCUMENT, ref)


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        (ref("Typed"), Role.SHAPE),
        (ref("Mixin"), Role.SHAPE),
        (ref("Alias"), Role.SHAPE),
        ({"properties": {"note": {"type": "string"}}}, Role.SHAPE),
        ({"enum": ["a", "b"]}, Role.SHAPE),
        ({"anyOf": [ref("Typed"), {"type": "null"}]}, Role.SHAPE),
        (ref("Rules"), Role.RULE),
        ({"required": ["a"]}, Role.RULE),
        ({"properties": {"a": {"minimum": 1}}, "required": ["a"]}, Role.RULE),
        ({"anyOf": [{"required": ["a"]}, {"required": ["b"]}]}, Role.RULE),
        ({"not": {"required": ["a", "b"]}}, Role.RULE),
        ({"maxLength": 3}, Role.RULE),
        ({"example": {"a": 1}, "description": "d", "readOnly": True}, Role.ANNOTATION),
        # cloudflare: an allOf member that only gives its members examples constrains nothing
        ({"properties": {"errors": {"example": []}, "ok": {"example": False}}}, Role.ANNOTATION),
        ({"properties": {"a": {}}}, Role.ANNOTATION),
        ({"properties": {"a": {"example": 1}}, "required": ["a"]}, Role.RULE),
        ({"properties": {"subnets": {"required": ["ipv4"]}}}, Role.RULE),
        ({"x-internal": True, "deprecated": True}, Role.ANNOTATION),
        (ref("Note"), Role.ANNOTATION),
        ({}, Role.ANNOTATION),
        (ref("Loop"), Role.SHAPE),  # a cycle is never taken for a rule
        (ref("Missing"), Role.SHAPE),  # neither is a dangling reference
        (True, Role.SHAPE),
    ],
)
def test_role(schema: Any, expected: Role) -> None:
    assert role(schema, resolve) is expected


def test_split_keeps_shapes_drops_annotations_and_lifts_rules() -> None:
    schema = {
        "type": "object",
        "allOf": [ref("Mixin"), {"example": {"b": 1}}, ref("Rules"), {"required": ["a"]}],
    }
    shape, rules = split_rules(schema, "/components/schemas/X", resolve)
    assert shape["allOf"] == [ref("Mixin")]
    assert [rule.pointer for rule in rules] == [
        "/components/schemas/Rules/allOf/0",
        "/components/schemas/X/allOf/3",
    ]


def test_rules_only() -> None:
    assert is_rules_only(DOCUMENT["components"]["schemas"]["Rules"], resolve)
    assert not is_rules_only(DOCUMENT["components"]["schemas"]["Mixin"], resolve)
    assert not is_rules_only(DOCUMENT["components"]["schemas"]["Note"], resolve)
