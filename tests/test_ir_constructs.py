"""The IR on the constructs of real specs: every one builds, typed or with a warning."""

from __future__ import annotations

from typing import Any

import pytest

from specpipe import ir
from specpipe.ir import Codec, Kind, SchemaKind


def build(schemas: dict[str, Any] | None = None, **document: Any) -> ir.Api:
    base: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}}
    if schemas is not None:
        base["components"] = {"schemas": schemas}
    base.setdefault("paths", {})
    base.update(document)
    return ir.build("t", base)


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def wires(schema: ir.Schema) -> list[str]:
    return [p.wire_name for p in schema.properties]


def test_allof_of_several_typed_schemas_merges_properties_required_and_rules() -> None:
    api = build(
        {
            "Base": {
                "type": "object",
                "properties": {"id": {"type": "string"}},
                "required": ["id"],
            },
            "Mixin": {"properties": {"note": {"type": "string"}}},
            "Rules": {"dependentRequired": {"note": ["id"]}},
            "Thing": {
                "allOf": [ref("Base"), ref("Mixin"), ref("Rules"), {"example": {"id": "x"}}],
                "properties": {"size": {"type": "integer"}},
            },
        }
    )
    thing = api.schema("Thing")
    assert thing.kind is SchemaKind.OBJECT
    assert wires(thing) == ["size", "id", "note"]
    assert [p.required for p in thing.properties] == [False, True, False]
    assert [rule.pointer for rule in thing.rules] == ["/components/schemas/Rules"]
    assert not api.warnings


def test_allof_override_narrows_the_property_instead_of_conflicting() -> None:
    api = build(
        {
            "Base": {"type": "object", "properties": {"kind": {"type": "string"}}},
            "Cat": {"allOf": [ref("Base"), {"properties": {"kind": {"enum": ["cat"]}}}]},
        }
    )
    (kind,) = api.schema("Cat").properties
    assert kind.type.kind is Kind.STRING and kind.type.enum == ("cat",)


def test_allof_of_incompatible_types_is_any_with_a_warning() -> None:
    api = build({"Odd": {"allOf": [{"type": "string"}, {"type": "object", "properties": {}}]}})
    assert api.schema("Odd").alias_of == ir.Type(Kind.ANY, nullable=True)
    (warning,) = api.warnings
    assert warning.pointer == "/components/schemas/Odd" and "no value" in warning.message


def test_discriminated_union_and_children_that_include_their_parent() -> None:
    api = build(
        {
            "Pet": {
                "oneOf": [ref("Cat"), ref("Dog")],
                "discriminator": {
                    "propertyName": "kind",
                    "mapping": {"cat": "#/components/schemas/Cat"},
                },
                "properties": {"kind": {"type": "string"}},
                "required": ["kind"],
            },
            "Cat": {"allOf": [ref("Pet"), {"properties": {"claws": {"type": "boolean"}}}]},
            "Dog": {"allOf": [ref("Pet"), {"properties": {"bark": {"type": "string"}}}]},
        }
    )
    pet = api.schema("Pet").alias_of
    assert pet is not None and pet.kind is Kind.UNION
    assert pet.discriminator == ir.Discriminator("kind", (("cat", "Cat"), ("Dog", "Dog")))
    assert wires(api.schema("Cat")) == ["kind", "claws"]
    assert wires(api.schema("Dog")) == ["kind", "bark"]


def test_recursive_and_nullable_recursive_schemas() -> None:
    api = build(
        {
            "Node": {
                "type": ["object", "null"],
                "properties": {
                    "next": ref("Node"),
                    "children": {"type": "array", "items": ref("Node")},
                },
            }
        }
    )
    node = api.schema("Node")
    assert node.kind is SchemaKind.OBJECT and node.nullable
    assert node.properties[0].type == ir.Type(Kind.REF, nullable=True, ref="Node")


def test_null_type_arrays_and_openapi_30_nullable() -> None:
    api = build(
        {
            "T": {
                "type": "object",
                "properties": {
                    "nothing": {"type": "null"},
                    "either": {"type": ["string", "integer", "null"]},
                    "maybe": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                },
            }
        }
    )
    nothing, either, maybe = api.schema("T").properties
    assert nothing.type.kind is Kind.NULL
    assert either.type.kind is Kind.UNION and either.type.nullable
    assert maybe.type == ir.Type(Kind.STRING, nullable=True)
    old = ir.build(
        "t",
        {
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {},
            "components": {
                "schemas": {
                    "A": {"type": "object", "properties": {}},
                    "B": {
                        "type": "object",
                        "properties": {"a": {"nullable": True, "allOf": [ref("A")]}},
                    },
                }
            },
        },
    )
    assert old.schema("B").properties[0].type == ir.Type(Kind.REF, nullable=True, ref="A")


def test_additional_properties_forms() -> None:
    api = build(
        {
            "Closed": {"type": "object", "additionalProperties": False},
            "Map": {"type": "object", "additionalProperties": {"type": "integer"}},
            "Open": {"type": "object", "properties": {"a": {}}, "additionalProperties": True},
        }
    )
    closed = api.schema("Closed")
    assert (
        closed.kind is SchemaKind.OBJECT and closed.properties == () and closed.additional is None
    )
    assert api.schema("Map").additional == ir.Type(Kind.INTEGER)
    assert api.schema("Open").additional == ir.Type(Kind.ANY, nullable=True)


def test_enums_of_every_kind() -> None:
    api = build(
        {
            "Const": {"const": "only"},
            "Mixed": {"enum": [1, "one", None]},
            "Flags": {"type": "boolean", "enum": [True]},
            "Empty": {"type": "string", "enum": ["", "a", "A", "a-"]},
        }
    )
    assert api.schema("Const").alias_of == ir.Type(Kind.STRING, enum=("only",))
    mixed = api.schema("Mixed")
    assert mixed.kind is SchemaKind.ENUM and mixed.enum_type is Kind.ANY and mixed.nullable
    assert api.schema("Flags").enum_type is Kind.BOOLEAN
    assert api.schema("Empty").enum_values == ("", "a", "A", "a-")


def test_spec_without_components_with_inline_objects_and_odd_names() -> None:
    api = build(
        None,
        paths={
            "/things": {
                "post": {
                    "operationId": "make-thing",
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"x": {"type": "string"}},
                                }
                            }
                        }
                    },
                    "responses": {"204": {"description": "done"}},
                }
            }
        },
    )
    (schema,) = api.schemas
    assert schema.name == "MakeThingRequest" and wires(schema) == ["x"]
    dotted = build(
        {"api.v2010.account": {"type": "object", "properties": {}}, "1st": {"type": "string"}}
    )
    assert {s.name for s in dotted.schemas} == {"api.v2010.account", "1st"}


def test_webhooks_and_callbacks_are_noted_not_generated() -> None:
    api = build(
        {},
        webhooks={"ping": {"post": {"responses": {"200": {"description": "ok"}}}}},
        paths={
            "/subscribe": {
                "post": {
                    "callbacks": {"onEvent": {"{$request.body#/url}": {"post": {"responses": {}}}}},
                    "responses": {"201": {"description": "ok"}},
                }
            }
        },
    )
    assert [n.pointer for n in api.notes] == ["/paths/~1subscribe/post/callbacks", "/webhooks"]
    assert "1 webhook operation is not generated" in api.notes[1].message


@pytest.mark.parametrize(
    ("media", "schema", "codec"),
    [
        ("application/json", {"type": "object"}, Codec.JSON),
        ("application/problem+json", {"type": "object"}, Codec.JSON),
        ("text/xml", {"type": "object"}, Codec.XML),
        ("application/x-www-form-urlencoded", {"type": "object"}, Codec.FORM),
        ("multipart/form-data", {"type": "object"}, Codec.MULTIPART),
        ("application/octet-stream", {"type": "string", "format": "binary"}, Codec.BINARY),
        ("application/pdf", None, Codec.BINARY),
        ("image/png", {"type": "string"}, Codec.BINARY),
        ("text/plain", {"type": "string"}, Codec.TEXT),
        ("text/csv", {"type": "string", "format": "binary"}, Codec.BINARY),
        ("application/vnd.acme", {"type": "object", "properties": {}}, Codec.JSON),
    ],
)
def test_media_type_codec(media: str, schema: dict[str, Any] | None, codec: Codec) -> None:
    content: dict[str, Any] = {media: {} if schema is None else {"schema": schema}}
    api = build(
        {},
        paths={"/x": {"get": {"responses": {"200": {"description": "ok", "content": content}}}}},
    )
    assert api.operations[0].responses[0].media_types[0].codec is codec


def test_cookie_parameters_and_operation_refs_are_read() -> None:
    api = build(
        {},
        paths={
            "/x": {
                "get": {
                    "operationId": "getX",
                    "parameters": [
                        {"name": "session", "in": "cookie", "schema": {"type": "string"}}
                    ],
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    )
    (param,) = api.operations[0].parameters
    assert param.location == "cookie" and param.wire_name == "session"


def test_a_document_that_skipped_validation_still_builds() -> None:
    api = ir.build(
        "t",
        {
            "openapi": "3.1.0",
            "info": ["not", "a", "mapping"],
            "paths": {"/x": {"get": {"responses": [], "parameters": "nope", "tags": "x"}}},
            "components": {"schemas": {"A": {"type": "frobnicate"}, "B": False}},
            "servers": "nowhere",
        },
    )
    assert api.title == "t" and len(api.operations) == 1
    assert {str(w) for w in api.warnings} == {
        "/components/schemas/A: unknown type 'frobnicate'; typed as any value",
        "/components/schemas/B: not a schema object; typed as any value",
    }


def test_union_with_own_properties_distributes_and_keeps_the_mapping() -> None:
    api = build(
        {
            "Shape": {
                "type": "object",
                "properties": {"kind": {"type": "string"}, "id": {"type": "string"}},
                "oneOf": [ref("Circle"), ref("Square")],
                "discriminator": {"propertyName": "kind", "mapping": {"c": ref("Circle")["$ref"]}},
            },
            "Circle": {"type": "object", "properties": {"r": {"type": "number"}}},
            "Square": {"type": "object", "properties": {"side": {"type": "number"}}},
        }
    )
    union = api.schema("Shape").alias_of
    assert union is not None and union.kind is Kind.UNION
    assert [v.ref for v in union.variants] == ["ShapeCircle", "ShapeSquare"]
    assert wires(api.schema("ShapeCircle")) == ["kind", "id", "r"]
    assert union.discriminator == ir.Discriminator(
        "kind", (("c", "ShapeCircle"), ("Square", "ShapeSquare"))
    )


def test_only_null_is_null_not_a_string() -> None:
    api = build(
        {
            "T": {
                "type": "object",
                "properties": {
                    "const": {"const": None},
                    "enum": {"type": ["string", "null"], "enum": [None]},
                },
            },
            "Nothing": {"enum": [None]},
        }
    )
    assert [p.type for p in api.schema("T").properties] == [ir.Type(Kind.NULL, nullable=True)] * 2
    assert api.schema("Nothing").alias_of == ir.Type(Kind.NULL, nullable=True)
