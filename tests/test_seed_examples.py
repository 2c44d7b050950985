"""Every example of the seeds is in the spec, validates, and round-trips through the models."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pytest
from pydantic import TypeAdapter
from specs import APIS, Example, examples, models, schemas, spec

ALL = [example for api in APIS for example in examples(api)]

# The seeds' examples, by operation and by where they sit (request body or answer).
SEED_EXAMPLES = {
    ("lsatlas", "AddCaseTreatmentCptCodes", "request"): {"seed"},
    ("lsatlas", "AddCaseTreatmentCptCodes", "200"): {"seed"},
    ("opendental", "ListBenefits", "200"): {"seed"},
    ("opendental", "CreateBenefit", "request"): {
        "coInsurance",
        "deductible",
        "waitingPeriod",
        "limitation",
    },
    ("opendental", "CreateBenefit", "201"): {
        "coInsurance",
        "deductible",
        "waitingPeriod",
        "limitation",
    },
    ("opendental", "UpdateBenefit", "request"): {"percent", "activeCoverage", "quantity"},
    ("opendental", "UpdateBenefit", "200"): {"activeCoverage", "quantity"},
    ("vba", "CreatePlanBenefitLevel", "request"): {"seed"},
    ("vba", "UpdatePlanBenefitLevel", "request"): {"seed"},
    ("vba", "UpdateBatchPlanBenefitLevel", "request"): {"seed"},
    ("vba", "CreatePlanModifier", "request"): {"seed"},
    ("vba", "UpdatePlanModifier", "request"): {"seed"},
    ("vba", "UpdateBatchPlanModifier", "request"): {"seed"},
    ("calendar", "PatientAppointmentPostV2", "request"): {"seed"},
}


def _operation_examples(api: str, operation_id: str, where: str) -> dict[str, set[str]]:
    """Example names per media type of one operation's request body or answer."""
    for item in spec(api).document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                holder = (
                    operation["requestBody"]
                    if where == "request"
                    else operation["responses"][where]
                )
                return {
                    media: set(content.get("examples", {}))
                    for media, content in holder["content"].items()
                }
    raise AssertionError(f"{api} has no operation {operation_id}")


@pytest.mark.parametrize(("api", "operation_id", "where"), sorted(SEED_EXAMPLES))
def test_every_seed_example_is_in_the_spec(api: str, operation_id: str, where: str) -> None:
    per_media = _operation_examples(api, operation_id, where)
    assert per_media, "no media type"
    for media, names in per_media.items():
        assert names >= SEED_EXAMPLES[(api, operation_id, where)], media


def test_opendental_examples_carry_the_seed_values() -> None:
    bodies = [e.value for e in examples("opendental") if e.name in {"deductible", "waitingPeriod"}]
    quantities = sorted(b["Quantity"] for b in bodies)
    # The seed sends "15" and "6" as strings; the spec sends the numbers (a written decision).
    assert quantities == [6, 6, 15, 15]
    assert all(isinstance(q, int) for q in quantities)


@pytest.mark.parametrize("example", ALL, ids=lambda e: e.id)
def test_example_validates_against_its_schema(example: Example) -> None:
    assert schemas(example.api).errors(example.value, example.schema_pointer) == []


def test_xml_and_json_samples_agree() -> None:
    by_media = {(e.pointer.rsplit("/", 1)[0], e.media_type): e.value for e in examples("lsatlas")}
    pairs = 0
    for (holder, media), value in by_media.items():
        if media in ("application/xml", "text/xml"):
            assert value == by_media[(holder, "application/json")]
            pairs += 1
    assert pairs == 4  # request and answer, each in two XML media types


_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _instants(value: Any) -> Any:
    """Date-times as instants at microsecond precision (what Python's datetime holds)."""
    if isinstance(value, str) and _DATE_TIME.match(value):
        text = re.sub(r"(\.\d{6})\d+", r"\1", value)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    if isinstance(value, dict):
        return {k: _instants(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_instants(v) for v in value]
    return value


def _adapter(example: Example) -> TypeAdapter[Any]:
    module = models(example.api)
    prefix = "/components/schemas/"
    if example.schema_pointer.startswith(prefix):
        return TypeAdapter(getattr(module, example.schema_pointer[len(prefix) :]))
    schema = spec(example.api).document
    for token in example.schema_pointer.strip("/").split("/"):
        schema = schema[token.replace("~1", "/").replace("~0", "~")]
    assert schema["type"] == "array", example.schema_pointer
    item = getattr(module, schema["items"]["$ref"].rsplit("/", 1)[1])
    return TypeAdapter(list[item])  # type: ignore[valid-type]


@pytest.mark.parametrize("example", ALL, ids=lambda e: e.id)
def test_example_round_trips_through_the_model(example: Example) -> None:
    adapter = _adapter(example)
    model = adapter.validate_python(example.value)
    wire = adapter.dump_python(model, mode="json", by_alias=True, exclude_unset=True)
    assert _instants(wire) == _instants(example.value)


def test_round_trip_keeps_date_times_to_the_microsecond() -> None:
    appointment = next(e for e in examples("calendar") if e.name == "seed").value
    model = models("calendar").AppointmentModel.model_validate(appointment)
    wire = model.model_dump(mode="json", by_alias=True, exclude_unset=True)
    # .NET writes 100 ns ticks (7 digits); Python's datetime keeps microseconds.
    assert appointment["AppointmentOn"] == "2026-02-03T21:04:03.1544841-06:00"
    assert wire["AppointmentOn"] == "2026-02-03T21:04:03.154484-06:00"
    assert {k: v for k, v in wire.items() if "AppointmentOn" not in k} == {
        k: v for k, v in appointment.items() if "AppointmentOn" not in k
    }
