"""The OpenAPI 3.0.3 rendering of the bundles (`specpipe.openapi30`).

What a user of the rendering relies on: it is a valid 3.0 document; it accepts every example
the 3.1 document documents; it rejects what the 3.1 schema rejects wherever 3.0 has the words
for the rule; and what it cannot say is listed, never silently dropped. Cost: 15 s on a busy
2-core machine, most of it openapi-spec-validator on the 0.9 MB corpus spec.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate
from specs import APIS, ROOT, Example, examples, schemas, spec

from specpipe.bundle import dump_bundle
from specpipe.openapi30 import is_rendering, render, rendering_path
from specpipe.schemas import SchemaSet

CORPUS = ROOT.parent / "shared" / "corpus" / "specs"


@cache
def rendered(api: str) -> dict[str, Any]:
    return render(spec(api).document, source=f"{api}.yaml").document


@cache
def rendered_schemas(api: str) -> SchemaSet:
    return SchemaSet(rendered(api))


def schema_doc(schemas: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A minimal 3.1 document holding ``schemas`` as components."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
        **extra,
    }


def convert(schema: Any) -> Any:
    return render(schema_doc({"S": schema})).document["components"]["schemas"]["S"]


def accepts(document: dict[str, Any], value: Any, name: str = "S") -> bool:
    return not SchemaSet(document).errors(value, f"/components/schemas/{name}")


# ---------------------------------------------------------------------- the project's bundles


@pytest.mark.parametrize("api", APIS)
def test_the_rendering_is_a_valid_openapi_30_document(api: str) -> None:
    document = rendered(api)
    assert document["openapi"] == "3.0.3"
    validate(document)  # openapi-spec-validator picks the 3.0 schema from `openapi`


@pytest.mark.parametrize("api", APIS)
def test_the_committed_rendering_is_the_rendering_of_the_bundle(api: str) -> None:
    committed = ROOT / "generated" / "bundled" / f"{api}.openapi-3.0.yaml"
    assert committed == rendering_path(ROOT / "generated" / "bundled" / f"{api}.yaml")
    assert committed.read_text(encoding="utf-8") == dump_bundle(rendered(api))


ALL_EXAMPLES = [example for api in APIS for example in examples(api)]


@pytest.mark.parametrize("example", ALL_EXAMPLES, ids=lambda e: e.id)
def test_every_example_of_the_31_bundle_validates_against_the_30_schema(example: Example) -> None:
    assert schemas(example.api).errors(example.value, example.schema_pointer) == []
    assert rendered_schemas(example.api).errors(example.value, example.schema_pointer) == []


def test_every_api_has_examples_to_check() -> None:
    assert {example.api for example in ALL_EXAMPLES} == set(APIS)


@pytest.mark.parametrize(
    ("api", "schema", "value"),
    [
        # nullable members keep their type
        ("vba", "PlanBenefitLevel", {"entry_User": 5}),
        ("vba", "PlanModifier", {"term_Date": 5}),
        # a nullable $ref: null or the referenced shape, nothing else
        ("vba", "NullableProblemDetails", "not an object"),
        ("vba", "NullableProblemDetails", {"status": "400"}),
        # the error envelope's data is only ever null
        ("vba", "ErrorVBAResponse", {"error": {}, "data": {}}),
        ("vba", "ErrorVBAResponse", {"error": {}, "data": "x"}),
        ("vba", "ErrorVBAResponse", {"data": None}),
        # ranges and enums
        ("opendental", "Percent", 101),
        ("opendental", "BenefitType", "Unknown"),
        ("opendental", "PrimaryKey", 0),
        ("calendar", "AppointmentModel", {"UserId": "x"}),
    ],
)
def test_what_the_31_schema_rejects_the_30_schema_rejects(
    api: str, schema: str, value: Any
) -> None:
    assert not accepts(spec(api).document, value, schema)
    assert not accepts(rendered(api), value, schema)


def test_nullable_members_still_accept_null() -> None:
    document = rendered("vba")
    for member in ("entry_User", "term_Date", "fee_Percent"):
        assert accepts(document, None, f"PlanModifier/properties/{member}"), member
    assert accepts(document, None, "NullableProblemDetails")
    assert accepts(document, {"error": {}, "data": None}, "ErrorVBAResponse")


def test_the_lost_rules_are_listed_in_the_description_and_where_they_were() -> None:
    result = render(spec("opendental").document, source="opendental.yaml")
    pointers = [pointer for pointer, _ in result.lost]
    assert "/components/schemas/BenefitCreate/allOf/1/if" in pointers
    assert len(pointers) == 7  # four rules of BenefitRules, three of BenefitCreate
    description = result.document["info"]["description"]
    assert "`opendental.yaml` (OpenAPI 3.1) rendered in OpenAPI 3.0.3" in description
    for pointer, what in result.lost:
        assert f"* `{pointer}`: {what}" in description
    create = result.document["components"]["schemas"]["BenefitCreate"]
    assert "PlanNum or PatPlanNum is required. (`if`/`else`)" in create["description"]
    assert create["allOf"] == [{"$ref": "#/components/schemas/BenefitRules"}]
    # what is lost is not enforced: a benefit without PlanNum and PatPlanNum passes in 3.0 only
    body = {"BenefitType": "CoInsurance", "CoverageLevel": "None"}
    assert not accepts(spec("opendental").document, body, "BenefitCreate")
    assert accepts(result.document, body, "BenefitCreate")


@pytest.mark.parametrize("api", ["vba", "lsatlas", "calendar"])
def test_nothing_is_lost_where_30_can_say_everything(api: str) -> None:
    result = render(spec(api).document, source=f"{api}.yaml")
    assert result.lost == []
    assert "Nothing of the contract is lost." in result.document["info"]["description"]


def test_the_renderings_are_not_apis_of_their_own() -> None:
    from specpipe.sandbox import load_bundled

    bundled = ROOT / "generated" / "bundled"
    assert is_rendering(bundled / "vba.openapi-3.0.yaml")
    assert not is_rendering(bundled / "vba.yaml")
    assert sorted(load_bundled(bundled)) == sorted(APIS)


# ---------------------------------------------------------------------- schema by schema


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": ["string", "null"]}, {"type": "string", "nullable": True}),
        (
            {"type": ["null", "integer"], "minimum": 1},
            {"type": "integer", "minimum": 1, "nullable": True},
        ),
        ({"type": "null"}, {"type": "object", "nullable": True, "not": {"type": "object"}}),
        ({"const": None}, {"type": "object", "nullable": True, "not": {"type": "object"}}),
        ({"const": "A"}, {"enum": ["A"]}),
        ({"type": "string", "examples": ["a", "b"]}, {"type": "string", "example": "a"}),
        (
            {"type": "number", "exclusiveMinimum": 0},
            {"type": "number", "minimum": 0, "exclusiveMinimum": True},
        ),
        ({"type": "number", "exclusiveMaximum": 9, "maximum": 5}, {"type": "number", "maximum": 5}),
        (
            {"type": "number", "exclusiveMaximum": 5, "maximum": 9},
            {"type": "number", "maximum": 5, "exclusiveMaximum": True},
        ),
        (
            {"$ref": "#/components/schemas/T", "readOnly": True},
            {"allOf": [{"$ref": "#/components/schemas/T"}], "readOnly": True},
        ),
        (
            {"description": "d", "anyOf": [{"type": "string", "enum": ["a"]}, {"type": "null"}]},
            {"type": "string", "enum": ["a", None], "description": "d", "nullable": True},
        ),
        (
            {"anyOf": [{"$ref": "#/components/schemas/T"}, {"type": "null"}]},
            {
                "anyOf": [
                    {"$ref": "#/components/schemas/T"},
                    {"type": "object", "nullable": True, "enum": [None]},
                ]
            },
        ),
        ({"type": "array"}, {"type": "array", "items": {}}),
        (True, {}),
        (False, {"not": {}}),
        ({"type": "object", "required": []}, {"type": "object"}),
    ],
)
def test_schema_forms(schema: Any, expected: Any) -> None:
    assert convert(schema) == expected


def test_several_types_become_an_any_of_with_the_keywords_of_each() -> None:
    schema = {"type": ["string", "integer", "null"], "maxLength": 3, "minimum": 2, "title": "t"}
    assert convert(schema) == {
        "title": "t",
        "anyOf": [
            {"type": "string", "maxLength": 3, "nullable": True},
            {"type": "integer", "minimum": 2, "nullable": True},
        ],
    }


INSTANCES = [None, 0, 1, 2.5, -3, "", "ab", "abcd", [], [1, "a"], {}, {"a": 1}, {"b": None}, True]
EXACT = [
    {"type": ["string", "null"], "maxLength": 3},
    {"type": ["integer", "string"], "minimum": 1, "minLength": 2},
    {"type": "null"},
    {"const": None, "description": "only null"},
    {"const": 2.5},
    {"enum": ["ab", None], "type": ["string", "null"]},
    {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 2.5},
    {"anyOf": [{"type": "string"}, {"type": "null"}]},
    {"oneOf": [{"type": "integer"}, {"type": "null"}]},
    {"anyOf": [{"$ref": "#/components/schemas/T"}, {"type": "null"}]},
    {"type": "object", "required": ["a"], "properties": {"a": {"$ref": "#/components/schemas/T"}}},
    {
        "type": "object",
        "properties": {"b": {"type": ["array", "null"], "items": {"type": "integer"}}},
    },
    {"not": {"type": "object", "required": ["a"]}},
    {"type": "array", "items": False},
]
TARGET = {"type": "object", "properties": {"a": {"type": "integer", "minimum": 1}}}


@pytest.mark.parametrize("schema", EXACT, ids=json.dumps)
def test_exact_renderings_judge_every_value_alike(schema: Any) -> None:
    document = schema_doc({"S": schema, "T": TARGET})
    result = render(document)
    assert result.lost == []
    validate(result.document)
    for value in [*INSTANCES, {"a": 0}]:
        assert accepts(result.document, value) == accepts(document, value), value


LOSSY = [
    {"type": "object", "if": {"required": ["a"]}, "then": {"required": ["b"]}},
    {"type": "object", "dependentRequired": {"a": ["b"]}},
    {"type": "object", "patternProperties": {"^a": {"type": "string"}}},
    {"type": "array", "prefixItems": [{"type": "string"}]},
    {"not": {"if": {"required": ["a"]}, "then": {"required": ["b"]}}},
    {"oneOf": [{"type": "object", "dependentRequired": {"a": ["b"]}}, {"type": "object"}]},
    {
        "anyOf": [{"type": "object"}, {"type": "array"}],
        "oneOf": [{"type": "object", "dependentRequired": {"a": ["b"]}}, {"type": "integer"}],
    },
]


@pytest.mark.parametrize("schema", LOSSY, ids=json.dumps)
def test_lossy_renderings_only_ever_accept_more_and_say_what(schema: Any) -> None:
    document = schema_doc({"S": schema})
    result = render(document)
    assert result.lost, "the loss is listed"
    validate(result.document)
    text = json.dumps(result.document["components"]["schemas"]["S"])
    assert "Not enforced by this OpenAPI 3.0 schema" in text
    for value in [*INSTANCES, {"a": 1, "b": 2}, {"a": 1}, ["x"], [1]]:
        if accepts(document, value):
            assert accepts(result.document, value), value


def test_a_rule_only_member_of_all_of_goes_to_its_parent_in_prose() -> None:
    rule = {"description": "b with a.", "if": {"required": ["a"]}, "then": {"required": ["b"]}}
    schema = {"type": "object", "description": "Thing.", "allOf": [rule]}
    assert convert(schema) == {
        "type": "object",
        "description": "Thing.\n\nNot enforced by this OpenAPI 3.0 schema (OpenAPI 3.0 cannot "
        "express it):\n- b with a. (`if`/`then`)",
    }


# ---------------------------------------------------------------------- the document


def test_document_parts_that_30_lacks() -> None:
    document = {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "t",
            "version": "1",
            "summary": "Short.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "webhooks": {"ping": {"post": {"responses": {"200": {"description": "ok"}}}}},
        "paths": {
            "/a": {"$ref": "#/components/pathItems/A"},
            "/b": {
                "get": {
                    "security": [{"tls": []}, {"key": []}],
                    "responses": {"200": {"$ref": "#/components/responses/R", "description": "x"}},
                }
            },
        },
        "components": {
            "pathItems": {"A": {"get": {"responses": {"204": {"description": "none"}}}}},
            "responses": {"R": {"description": "r"}},
            "securitySchemes": {
                "tls": {"type": "mutualTLS"},
                "key": {"type": "apiKey", "in": "header", "name": "k"},
            },
        },
    }
    result = render(document)
    out = result.document
    validate(out)
    assert "jsonSchemaDialect" not in out and "webhooks" not in out
    assert out["info"]["description"].startswith("Short.\n\n**OpenAPI 3.0 rendering.**")
    assert out["info"]["license"] == {"name": "MIT"}
    assert out["paths"]["/a"] == document["components"]["pathItems"]["A"]
    assert "pathItems" not in out["components"]
    get_b = out["paths"]["/b"]["get"]
    assert get_b["responses"]["200"] == {"$ref": "#/components/responses/R"}
    assert get_b["security"] == [{}, {"key": []}]
    assert list(out["components"]["securitySchemes"]) == ["key"]
    assert [pointer for pointer, _ in result.lost] == [
        "/webhooks",
        "/components/securitySchemes/tls",
    ]


def test_a_30_document_is_left_as_it_is() -> None:
    document = {"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {}}
    result = render(document)
    assert result.document == document and result.document is not document
    assert result.lost == []


def test_rendering_does_not_change_the_31_document() -> None:
    document = spec("opendental").document
    before = json.dumps(document, sort_keys=True, default=str)
    render(document)
    assert json.dumps(document, sort_keys=True, default=str) == before


@pytest.mark.parametrize(
    "name",
    [
        "adyen-checkout-v71.json",
        "adyen-balanceplatform-configuration-notification-v2.yaml",
        "redocly-museum.yaml",
    ],
)
def test_real_31_specs_render_to_valid_30_documents(name: str) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{path} is not there (the shared corpus)")
    with path.open(encoding="utf-8") as handle:
        document = json.load(handle) if name.endswith(".json") else yaml.safe_load(handle)
    # the corpus README records each of these as valid 3.1; the rendering must be valid 3.0
    validate(render(document).document)


def test_the_cli_writes_the_rendering_beside_the_bundle(tmp_path: Path) -> None:
    from specpipe.cli import main

    assert main(["bundle", "vba", "--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["vba.openapi-3.0.yaml", "vba.yaml"]
    document = yaml.safe_load((tmp_path / "vba.openapi-3.0.yaml").read_text(encoding="utf-8"))
    assert document["openapi"] == "3.0.3"
