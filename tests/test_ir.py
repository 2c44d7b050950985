"""The intermediate representation captures what generators need, for any 3.0/3.1 document."""

from __future__ import annotations

from typing import Any

import pytest
from specs import APIS, spec

from specpipe import ir
from specpipe.ir import Kind, SchemaKind


def _api(api: str) -> ir.Api:
    return ir.build(api, spec(api).document)


def test_every_seed_operation_is_represented() -> None:
    counts = {api: len(_api(api).operations) for api in APIS}
    assert counts == {"calendar": 1, "lsatlas": 1, "opendental": 4, "vba": 12}
    assert sum(counts.values()) == 18


def test_parameters_by_location_and_type() -> None:
    api = _api("vba")
    get = next(o for o in api.operations if o.operation_id == "GetPlanBenefitLevel")
    assert [p.wire_name for p in get.parameters_in("path")] == [
        "planID",
        "benefitCode",
        "planBenefitLevelKey",
    ]
    key = get.parameters_in("path")[2]
    assert (key.type.kind, key.type.format, key.required) == (Kind.INTEGER, "int32", True)
    (database,) = get.parameters_in("header")
    assert database.wire_name == "vbasoftware-database" and database.required
    modifier = next(o for o in api.operations if o.operation_id == "GetPlanModifier")
    effective = modifier.parameters_in("path")[2]
    assert (effective.type.kind, effective.type.format) == (Kind.STRING, "date-time")


def test_security_requirements_keep_and_versus_or() -> None:
    vba, od, ls = _api("vba"), _api("opendental"), _api("lsatlas")
    assert {o.security for o in vba.operations} == {(("apiKeyAuth", "bearerAuth"),)}
    assert vba.scheme("apiKeyAuth").parameter_name == "x-api-key"
    assert vba.scheme("bearerAuth").scheme == "bearer"
    assert od.scheme("ODFHIR").location == "header"
    assert {o.security for o in ls.operations} == {()}


def test_bodies_per_media_type_and_responses_per_status() -> None:
    api = _api("lsatlas")
    (operation,) = api.operations
    assert operation.body is not None and operation.body.required
    assert [m.name for m in operation.body.media_types] == [
        "application/json",
        "text/json",
        "application/xml",
        "text/xml",
    ]
    assert [m.is_xml for m in operation.body.media_types] == [False, False, True, True]
    assert [r.status for r in operation.responses][:2] == ["200", "400"]
    assert api.concrete(operation.responses[0].media_types[0].type).kind is Kind.BOOLEAN  # type: ignore[arg-type]
    batch = next(o for o in _api("vba").operations if o.operation_id == "UpdateBatchPlanModifier")
    assert [r.status for r in batch.responses][:3] == ["207", "400", "401"]
    listing = next(o for o in _api("opendental").operations if o.operation_id == "ListBenefits")
    answer = listing.responses[0].media_types[0].type
    assert answer is not None and answer.kind is Kind.ARRAY and answer.items is not None
    assert answer.items.ref == "Benefit"


def test_schemas_with_constraints_nullability_and_rules() -> None:
    od = _api("opendental")
    names = {s.name for s in od.schemas}
    assert "BenefitRules" not in names  # rules-only: not a type
    create = od.schema("BenefitCreate")
    assert create.kind is SchemaKind.OBJECT and len(create.rules) == 7
    percent = next(p for p in create.properties if p.wire_name == "Percent")
    assert percent.has_default and percent.default == -1 and not percent.required
    concrete = od.concrete(percent.type)
    assert (concrete.kind, concrete.constraints.minimum, concrete.constraints.maximum) == (
        Kind.INTEGER,
        -1,
        100,
    )
    assert od.schema("BenefitType").kind is SchemaKind.ENUM
    assert "WaitingPeriod" in od.schema("BenefitType").enum_values
    level = _api("vba").schema("PlanBenefitLevel")
    by_name = {p.wire_name: p for p in level.properties}
    assert (
        by_name["entry_User"].type.nullable
        and by_name["entry_User"].type.constraints.max_length == 20
    )
    assert not by_name["entry_Date"].type.nullable
    envelope = _api("vba").schema("PlanBenefitLevelVBAResponse")
    data = next(p for p in envelope.properties if p.wire_name == "data")
    assert (data.type.kind, data.type.ref, data.type.nullable) == (
        Kind.REF,
        "PlanBenefitLevel",
        True,
    )


def _inline(document: dict[str, Any]) -> ir.Api:
    base: dict[str, Any] = {"info": {"title": "t", "version": "1"}, "paths": {}}
    return ir.build("inline", {**base, **document})


def test_openapi_30_nullable_and_exclusive_bounds() -> None:
    api = _inline(
        {
            "openapi": "3.0.3",
            "components": {
                "schemas": {
                    "T": {
                        "type": "object",
                        "properties": {
                            "a": {"type": "string", "nullable": True},
                            "n": {"type": "number", "minimum": 0, "exclusiveMinimum": True},
                        },
                    }
                }
            },
        }
    )
    props = {p.wire_name: p for p in api.schema("T").properties}
    assert props["a"].type.nullable
    assert props["n"].type.constraints.exclusive_minimum == 0
    assert props["n"].type.constraints.minimum is None


def test_inline_objects_get_names_from_where_they_sit() -> None:
    api = _inline(
        {
            "openapi": "3.1.0",
            "paths": {
                "/things": {
                    "post": {
                        "operationId": "makeThing",
                        "requestBody": {
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "inner": {
                                                "type": "object",
                                                "properties": {"x": {"type": "integer"}},
                                            }
                                        },
                                    }
                                }
                            }
                        },
                        "responses": {"204": {"description": "made"}},
                    }
                }
            },
        }
    )
    body = api.operations[0].body
    assert body is not None
    ref = body.media_types[0].type
    assert ref is not None and ref.kind is Kind.REF
    outer = api.schema(ref.ref or "")
    inner = outer.properties[0].type
    assert inner.kind is Kind.REF and api.schema(inner.ref or "").properties[0].wire_name == "x"
    assert outer.name == "MakeThingRequest"


@pytest.mark.parametrize(
    ("schema", "kind"),
    [
        ({"type": ["string", "integer"]}, Kind.UNION),
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, Kind.STRING),
        ({"additionalProperties": {"type": "integer"}}, Kind.MAP),
        ({}, Kind.ANY),
        ({"enum": [1, 2]}, Kind.INTEGER),
    ],
)
def test_type_shapes(schema: dict[str, Any], kind: Kind) -> None:
    api = _inline(
        {
            "openapi": "3.1.0",
            "components": {"schemas": {"T": {"type": "object", "properties": {"v": schema}}}},
        }
    )
    assert api.schema("T").properties[0].type.kind is kind


def test_what_the_reference_docs_show() -> None:
    od = _api("opendental")
    assert od.security == (("ODFHIR",),) and od.security_scopes == (((),),)
    assert [s.name for s in od.rules_only] == ["BenefitRules"]
    assert len(od.rules_only[0].rules) == 4 and "BenefitRules" not in {s.name for s in od.schemas}
    assert od.component_order[:2] == ("ForeignKey", "Benefit")
    assert od.schema("SecDateTime").read_only
    listing = next(o for o in od.operations if o.operation_id == "ListBenefits")
    plan = next(p for p in listing.parameters if p.wire_name == "PlanNum")
    assert plan.examples == {"example": 12}
    (media,) = listing.responses[0].media_types
    assert media.summaries["seed"].startswith("Benefits of plan 12")
    aspnet = _api("calendar").schema("AspNetError")
    assert aspnet.examples and aspnet.examples[0]["Message"] == "The request is invalid."


def test_security_scopes_follow_the_requirements() -> None:
    api = _inline(
        {
            "openapi": "3.1.0",
            "security": [{"oauth": ["read", "write"], "key": []}, {}],
            "paths": {"/a": {"get": {"security": [{"oauth": ["read"]}], "responses": {"204": {}}}}},
        }
    )
    assert api.security == (("oauth", "key"), ())
    assert api.security_scopes == ((("read", "write"), ()), ())
    assert api.operations[0].security_scopes == ((("read",),),)


def test_headers_every_operation_requires_and_the_default_server_url() -> None:
    def header(name: str, required: bool = True, where: str = "header") -> dict[str, Any]:
        return {"name": name, "in": where, "required": required, "schema": {"type": "string"}}

    api = _inline(
        {
            "openapi": "3.1.0",
            "servers": [
                {
                    "url": "https://{host}/v{major}",
                    "variables": {"host": {"default": "h"}, "major": {"default": "2"}},
                }
            ],
            "paths": {
                "/a": {
                    "get": {
                        "parameters": [
                            header("X-Tenant"),
                            header("X-Trace"),
                            header("X-Opt", False),
                        ],
                        "responses": {"204": {}},
                    }
                },
                "/b": {
                    "post": {
                        "parameters": [
                            header("x-tenant"),
                            header("X-Trace", where="query"),
                            header("X-Opt"),
                        ],
                        "responses": {"204": {}},
                    }
                },
            },
        }
    )
    assert [p.wire_name for p in api.common_headers()] == ["X-Tenant"]
    assert api.servers[0].default_url() == "https://h/v2"
    assert [o.is_idempotent for o in api.operations] == [True, False]
