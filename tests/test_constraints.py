"""For each constraint and rule of the seeds: one accepted and one rejected instance.

Each instance is judged twice, by the spec's schema (what validators, the sandbox and the
fuzzer see) and by the generated Pydantic model (what client code sees); both must agree.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from pydantic import ValidationError
from specs import models, schemas

BENEFIT = {
    "BenefitNum": 236,
    "PlanNum": 12,
    "PatPlanNum": 0,
    "CovCatNum": 3,
    "BenefitType": "CoInsurance",
    "Percent": 30,
    "MonetaryAmt": -1.0,
    "TimePeriod": "None",
    "QuantityQualifier": "Visits",
    "Quantity": 2,
    "CodeNum": 0,
    "procCode": "",
    "CoverageLevel": "None",
    "SecDateTEntry": "2021-06-21 10:03:08",
    "SecDateTEdit": "2021-06-21 10:03:08",
    "CodeGroupNum": 0,
}
CREATE = {"PlanNum": 12, "BenefitType": "Deductible", "CoverageLevel": "Individual"}
LEVEL = {
    "planBenefitLevel_Key": 1,
    "benefit_Code": "DENT",
    "benefit_Level": "Network",
    "exclude": False,
}
MODIFIER = {
    "plan_ID": "PLAN01",
    "modifier": "50",
    "effective_Date": "2024-01-01T00:00:00Z",
    "apply_OON": True,
    "apply_UC": False,
}
APPOINTMENT = {
    "UserId": "84ef7a81-c643-4b8e-85e5-1ff52fc35f3d",
    "AccountId": "3faed728-f67f-4bc0-888f-a8410d31c7df",
    "AppointmentOn": "2026-02-03T21:04:03-06:00",
    "Reason": "Check-up",
}
LINE = {
    "id": 1,
    "date_of_service": "2026-05-01T21:13:44+00:00",
    "is90Cap": True,
    "amount": 1.0,
    "cpt_code": "99213",
}

DROP = object()


def _with(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    value = copy.deepcopy(base)
    for key, new in changes.items():
        if new is DROP:
            value.pop(key, None)
        else:
            value[key] = new
    return value


# (id, api, schema, accepted instance, rejected instance)
CASES: list[tuple[str, str, str, Any, Any]] = [
    # Open Dental: members
    ("BenefitType enum", "opendental", "Benefit", BENEFIT, _with(BENEFIT, BenefitType="Copay")),
    (
        "CoverageLevel enum",
        "opendental",
        "BenefitCreate",
        _with(CREATE, CoverageLevel="Family"),
        _with(CREATE, CoverageLevel="Everyone"),
    ),
    (
        "TimePeriod enum",
        "opendental",
        "BenefitUpdate",
        {"TimePeriod": "NumberInLast12Months"},
        {"TimePeriod": "Decade"},
    ),
    (
        "QuantityQualifier enum",
        "opendental",
        "BenefitUpdate",
        {"QuantityQualifier": "NumberOfServices"},
        {"QuantityQualifier": "Teeth"},
    ),
    ("Percent upper bound", "opendental", "BenefitUpdate", {"Percent": 100}, {"Percent": 101}),
    ("Percent -1 is empty", "opendental", "BenefitUpdate", {"Percent": -1}, {"Percent": -2}),
    ("Percent is an integer", "opendental", "BenefitUpdate", {"Percent": 50}, {"Percent": 50.5}),
    ("Quantity 0..100", "opendental", "BenefitUpdate", {"Quantity": 100}, {"Quantity": 101}),
    ("Quantity not negative", "opendental", "BenefitUpdate", {"Quantity": 0}, {"Quantity": -1}),
    (
        "Quantity is a number, not a string",
        "opendental",
        "BenefitUpdate",
        {"Quantity": 15},
        {"Quantity": "15"},
    ),
    (
        "BenefitType required on create",
        "opendental",
        "BenefitCreate",
        CREATE,
        _with(CREATE, BenefitType=DROP),
    ),
    (
        "CoverageLevel required on create",
        "opendental",
        "BenefitCreate",
        CREATE,
        _with(CREATE, CoverageLevel=DROP),
    ),
    (
        "SecDateTEntry format",
        "opendental",
        "Benefit",
        BENEFIT,
        _with(BENEFIT, SecDateTEntry="2021-06-21T10:03:08Z"),
    ),
    ("BenefitNum at least 1", "opendental", "Benefit", BENEFIT, _with(BENEFIT, BenefitNum=0)),
    (
        "every member of a returned benefit",
        "opendental",
        "Benefit",
        BENEFIT,
        _with(BENEFIT, CodeGroupNum=DROP),
    ),
    (
        "optional members are not null",
        "opendental",
        "BenefitUpdate",
        {"CovCatNum": 0},
        {"CovCatNum": None},
    ),
    # Open Dental: cross-field rules
    (
        "PlanNum or PatPlanNum (PatPlanNum)",
        "opendental",
        "BenefitCreate",
        _with(CREATE, PlanNum=DROP, PatPlanNum=29),
        _with(CREATE, PlanNum=DROP),
    ),
    (
        "PlanNum or PatPlanNum (0 is none)",
        "opendental",
        "BenefitCreate",
        CREATE,
        _with(CREATE, PlanNum=0),
    ),
    (
        "Percent only for CoInsurance (create)",
        "opendental",
        "BenefitCreate",
        _with(CREATE, BenefitType="CoInsurance", Percent=30),
        _with(CREATE, Percent=30),
    ),
    (
        "Percent -1 allowed for any type",
        "opendental",
        "BenefitCreate",
        _with(CREATE, Percent=-1),
        _with(CREATE, BenefitType="Limitations", Percent=0),
    ),
    (
        "Percent only for CoInsurance (update with both)",
        "opendental",
        "BenefitUpdate",
        {"Percent": 70},
        {"Percent": 70, "BenefitType": "Deductible"},
    ),
    (
        "Percent only for CoInsurance (stored benefit)",
        "opendental",
        "Benefit",
        BENEFIT,
        _with(BENEFIT, BenefitType="Exclusions"),
    ),
    (
        "WaitingPeriod needs Months or Years",
        "opendental",
        "BenefitCreate",
        _with(CREATE, BenefitType="WaitingPeriod", QuantityQualifier="Years", Quantity=1),
        _with(CREATE, BenefitType="WaitingPeriod", QuantityQualifier="Visits"),
    ),
    (
        "WaitingPeriod: the default None is not allowed",
        "opendental",
        "BenefitCreate",
        _with(CREATE, BenefitType="WaitingPeriod", QuantityQualifier="Months"),
        _with(CREATE, BenefitType="WaitingPeriod"),
    ),
    (
        "WaitingPeriod qualifier (update)",
        "opendental",
        "BenefitUpdate",
        {"BenefitType": "WaitingPeriod", "QuantityQualifier": "Months"},
        {"BenefitType": "WaitingPeriod", "QuantityQualifier": "AgeLimit"},
    ),
    (
        "AgeLimit needs Quantity above 0",
        "opendental",
        "BenefitCreate",
        _with(CREATE, QuantityQualifier="AgeLimit", Quantity=1),
        _with(CREATE, QuantityQualifier="AgeLimit", Quantity=0),
    ),
    (
        "AgeLimit: the default 0 is not allowed",
        "opendental",
        "BenefitCreate",
        _with(CREATE, QuantityQualifier="AgeLimit", Quantity=18),
        _with(CREATE, QuantityQualifier="AgeLimit"),
    ),
    (
        "AgeLimit quantity (update)",
        "opendental",
        "BenefitUpdate",
        {"QuantityQualifier": "AgeLimit", "Quantity": 13},
        {"QuantityQualifier": "AgeLimit", "Quantity": 0},
    ),
    (
        "CodeNum only if CovCatNum is 0",
        "opendental",
        "BenefitCreate",
        _with(CREATE, CovCatNum=0, CodeNum=158),
        _with(CREATE, CovCatNum=3, CodeNum=158),
    ),
    (
        "procCode only if CovCatNum is 0",
        "opendental",
        "BenefitUpdate",
        {"procCode": "D1110"},
        {"CovCatNum": 5, "procCode": "D1110"},
    ),
    (
        "CodeNum 0 and empty procCode are 'none'",
        "opendental",
        "Benefit",
        BENEFIT,
        _with(BENEFIT, CodeNum=150),
    ),
    # VBA plan benefit levels
    (
        "planBenefitLevel_Key required",
        "vba",
        "PlanBenefitLevel",
        LEVEL,
        _with(LEVEL, planBenefitLevel_Key=DROP),
    ),
    (
        "planBenefitLevel_Key is int32",
        "vba",
        "PlanBenefitLevel",
        _with(LEVEL, planBenefitLevel_Key=2**31 - 1),
        _with(LEVEL, planBenefitLevel_Key=2**31),
    ),
    (
        "benefit_Code 1..50",
        "vba",
        "PlanBenefitLevel",
        _with(LEVEL, benefit_Code="B" * 50),
        _with(LEVEL, benefit_Code="B" * 51),
    ),
    ("benefit_Code not empty", "vba", "PlanBenefitLevel", LEVEL, _with(LEVEL, benefit_Code="")),
    (
        "benefit_Level 1..32",
        "vba",
        "PlanBenefitLevel",
        _with(LEVEL, benefit_Level="L" * 32),
        _with(LEVEL, benefit_Level="L" * 33),
    ),
    ("exclude required", "vba", "PlanBenefitLevel", LEVEL, _with(LEVEL, exclude=DROP)),
    ("exclude is a boolean", "vba", "PlanBenefitLevel", LEVEL, _with(LEVEL, exclude="yes")),
    (
        "entry_User nullable, at most 20",
        "vba",
        "PlanBenefitLevel",
        _with(LEVEL, entry_User=None),
        _with(LEVEL, entry_User="U" * 21),
    ),
    (
        "extra_Value1 at most 128",
        "vba",
        "PlanBenefitLevel",
        _with(LEVEL, extra_Value1="x" * 128),
        _with(LEVEL, extra_Value1="x" * 129),
    ),
    (
        "from_Value at most 128",
        "vba",
        "PlanBenefitLevel",
        _with(LEVEL, from_Value=None),
        _with(LEVEL, from_Value="x" * 129),
    ),
    (
        "plan_ID nullable, at most 20",
        "vba",
        "PlanBenefitLevel",
        _with(LEVEL, plan_ID=None),
        _with(LEVEL, plan_ID="P" * 21),
    ),
    (
        "value_Type at most 32",
        "vba",
        "PlanBenefitLevel",
        _with(LEVEL, value_Type="t" * 32),
        _with(LEVEL, value_Type="t" * 33),
    ),
    (
        "entry_Date is a date-time",
        "vba",
        "PlanBenefitLevel",
        _with(LEVEL, entry_Date="2019-08-24T14:15:22Z"),
        _with(LEVEL, entry_Date="yesterday"),
    ),
    (
        "update_Date is not nullable",
        "vba",
        "PlanBenefitLevel",
        _with(LEVEL, update_Date="2019-08-24T14:15:22Z"),
        _with(LEVEL, update_Date=None),
    ),
    # VBA plan modifiers
    ("plan_ID 1..20 and required", "vba", "PlanModifier", MODIFIER, _with(MODIFIER, plan_ID="")),
    (
        "modifier at most 8",
        "vba",
        "PlanModifier",
        _with(MODIFIER, modifier="M" * 8),
        _with(MODIFIER, modifier="M" * 9),
    ),
    (
        "effective_Date required",
        "vba",
        "PlanModifier",
        MODIFIER,
        _with(MODIFIER, effective_Date=DROP),
    ),
    (
        "effective_Date not nullable",
        "vba",
        "PlanModifier",
        MODIFIER,
        _with(MODIFIER, effective_Date=None),
    ),
    ("apply_OON required", "vba", "PlanModifier", MODIFIER, _with(MODIFIER, apply_OON=DROP)),
    ("apply_UC required", "vba", "PlanModifier", MODIFIER, _with(MODIFIER, apply_UC=DROP)),
    (
        "fee_Percent nullable number",
        "vba",
        "PlanModifier",
        _with(MODIFIER, fee_Percent=None),
        _with(MODIFIER, fee_Percent="0.1"),
    ),
    (
        "term_Date nullable date-time",
        "vba",
        "PlanModifier",
        _with(MODIFIER, term_Date=None),
        _with(MODIFIER, term_Date="2019-13-45"),
    ),
    # VBA envelope
    ("Debug.activityID required", "vba", "Debug", {"activityID": "a1"}, {}),
    ("Debug.activityID not empty", "vba", "Debug", {"activityID": "a1"}, {"activityID": ""}),
    (
        "error envelope carries problem details",
        "vba",
        "ErrorVBAResponse",
        {"data": None, "error": {"status": 404}},
        {"data": None},
    ),
    (
        "problem status is an integer",
        "vba",
        "VBAProblemDetails",
        {"status": 400},
        {"status": "400"},
    ),
    (
        "batch result status is an integer",
        "vba",
        "MultiCodeResponse",
        {"id": [{"key": "plan_ID", "value": "P"}], "status": 201, "body": "Created"},
        {"status": "201"},
    ),
    # Calendar
    (
        "Reason required",
        "calendar",
        "AppointmentModel",
        APPOINTMENT,
        _with(APPOINTMENT, Reason=DROP),
    ),
    (
        "Reason not blank",
        "calendar",
        "AppointmentModel",
        _with(APPOINTMENT, Reason="x"),
        _with(APPOINTMENT, Reason="   "),
    ),
    (
        "Reason not empty",
        "calendar",
        "AppointmentModel",
        APPOINTMENT,
        _with(APPOINTMENT, Reason=""),
    ),
    (
        "Reason at most 250",
        "calendar",
        "AppointmentModel",
        _with(APPOINTMENT, Reason="r" * 250),
        _with(APPOINTMENT, Reason="r" * 251),
    ),
    (
        "Note at most 1000, nullable",
        "calendar",
        "AppointmentModel",
        _with(APPOINTMENT, Note=None),
        _with(APPOINTMENT, Note="n" * 1001),
    ),
    (
        "UserId required",
        "calendar",
        "AppointmentModel",
        APPOINTMENT,
        _with(APPOINTMENT, UserId=DROP),
    ),
    (
        "AccountId is a GUID",
        "calendar",
        "AppointmentModel",
        APPOINTMENT,
        _with(APPOINTMENT, AccountId="account-1"),
    ),
    (
        "AppointmentOn required",
        "calendar",
        "AppointmentModel",
        APPOINTMENT,
        _with(APPOINTMENT, AppointmentOn=DROP),
    ),
    (
        "AppointmentOn is a date-time",
        "calendar",
        "AppointmentModel",
        APPOINTMENT,
        _with(APPOINTMENT, AppointmentOn="2026-02-03"),
    ),
    (
        "MethodId is int32",
        "calendar",
        "AppointmentModel",
        _with(APPOINTMENT, MethodId=1),
        _with(APPOINTMENT, MethodId=2**31),
    ),
    (
        "PaidAmount is a number",
        "calendar",
        "AppointmentModel",
        _with(APPOINTMENT, PaidAmount=5.0),
        _with(APPOINTMENT, PaidAmount="5"),
    ),
    (
        "Reasons items carry GUIDs",
        "calendar",
        "AppointmentModel",
        _with(APPOINTMENT, Reasons=[{"ReasonId": "7b0d7dbd-2e54-48b9-a80d-fb468fda994e"}]),
        _with(APPOINTMENT, Reasons=[{"ReasonId": 7}]),
    ),
    (
        "value-type members are not null",
        "calendar",
        "AppointmentModel",
        APPOINTMENT,
        _with(APPOINTMENT, ProviderId=None),
    ),
    # LS Atlas
    ("id is int32", "lsatlas", "CaseBillingProcedureCodeModel", LINE, _with(LINE, id=2**31)),
    (
        "is90Cap is a boolean",
        "lsatlas",
        "CaseBillingProcedureCodeModel",
        LINE,
        _with(LINE, is90Cap="true"),
    ),
    (
        "date_of_service is a date-time",
        "lsatlas",
        "CaseBillingProcedureCodeModel",
        LINE,
        _with(LINE, date_of_service="May 1st"),
    ),
    (
        "amounts are numbers",
        "lsatlas",
        "CaseBillingProcedureCodeModel",
        LINE,
        _with(LINE, amount="1.0"),
    ),
    (
        "strings may be null",
        "lsatlas",
        "CaseBillingProcedureCodeModel",
        _with(LINE, cpt_code=None),
        _with(LINE, cpt_code=99213),
    ),
    (
        "case_billing_codes is a list",
        "lsatlas",
        "AddBillingCodeModel",
        {"case_billing_codes": [LINE]},
        {"case_billing_codes": LINE},
    ),
]


@pytest.mark.parametrize(
    ("case", "api", "schema", "accepted", "rejected"), CASES, ids=[c[0] for c in CASES]
)
def test_spec_schema(case: str, api: str, schema: str, accepted: Any, rejected: Any) -> None:
    pointer = f"/components/schemas/{schema}"
    assert schemas(api).errors(accepted, pointer) == []
    assert schemas(api).errors(rejected, pointer) != []


@pytest.mark.parametrize(
    ("case", "api", "schema", "accepted", "rejected"), CASES, ids=[c[0] for c in CASES]
)
def test_generated_model(case: str, api: str, schema: str, accepted: Any, rejected: Any) -> None:
    # Wire payloads are judged as JSON in strict mode: "15" is not an integer there. (The
    # default lax mode coerces it, as the vendors' own servers do.)
    model = getattr(models(api), schema)
    model.model_validate_json(json.dumps(accepted), strict=True)
    with pytest.raises(ValidationError):
        model.model_validate_json(json.dumps(rejected), strict=True)


def test_rule_violation_names_the_rule() -> None:
    with pytest.raises(ValidationError, match="only allowed if BenefitType is CoInsurance"):
        models("opendental").BenefitCreate.model_validate(_with(CREATE, Percent=30))


def test_models_accept_wire_and_python_names() -> None:
    create = models("opendental").BenefitCreate
    by_wire = create.model_validate(
        {"PatPlanNum": 29, "BenefitType": "Deductible", "CoverageLevel": "None"}
    )
    by_name = create(pat_plan_num=29, benefit_type="Deductible", coverage_level="None")
    assert by_wire == by_name
    assert by_name.model_dump(by_alias=True, exclude_unset=True, mode="json") == {
        "PatPlanNum": 29,
        "BenefitType": "Deductible",
        "CoverageLevel": "None",
    }
