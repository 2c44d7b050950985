"""The generated Python clients against the sandbox: scripted scenarios per API.

Each scenario walks create, get, list, update, batch upsert and delete where the API has
them, then checks the failures a client must type: 404 after delete, 401 without
credentials, a validation error carrying the vendor's error body, and a retry after an
injected 503 (the harness's fail-once header).
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from harness import FailOnce, serve
from specs import APIS, ROOT

for _api in APIS:
    sys.path.insert(0, str(ROOT / "generated" / "python" / _api))

import calendar_client  # noqa: E402
import lsatlas_client  # noqa: E402
import opendental_client  # noqa: E402
import vba_client  # noqa: E402
from opendental_client import models as od_models  # noqa: E402
from vba_client import models as vba_models  # noqa: E402

VBA_KEYS = {"api_key": "sandbox-api-key", "bearer_token": "sandbox-token"}
OD_KEYS = {"developer_key": "sandbox-developer", "customer_key": "sandbox-customer"}
DATABASE = "demo"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[tuple[str, FailOnce]]:
    with serve() as (root, app):
        yield root, app


@pytest.fixture(autouse=True)
def _no_credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "VBA_API_KEY",
        "VBA_BEARER_TOKEN",
        "OPENDENTAL_DEVELOPER_KEY",
        "OPENDENTAL_CUSTOMER_KEY",
    ):
        monkeypatch.delenv(name, raising=False)


def _fail_once(app: FailOnce) -> tuple[dict[str, Any], bytes]:
    token = uuid.uuid4().hex
    return {"headers": {"x-sandbox-fail-once": token}}, token.encode()


def _vba(root: str, **overrides: Any) -> vba_client.Client:
    settings: dict[str, Any] = {**VBA_KEYS, "vbasoftware_database": DATABASE}
    settings.update(overrides)
    return vba_client.Client(base_url=f"{root}/vba", **settings)


# ------------------------------------------------------------------ VBA benefit levels


def test_vba_plan_benefit_levels(sandbox: tuple[str, FailOnce]) -> None:
    root, _ = sandbox
    plan, code = "PLAN-BL", "DENTAL"
    with _vba(root) as client:
        created = client.create_plan_benefit_level(
            plan,
            code,
            vba_models.PlanBenefitLevel(
                plan_benefit_level_key=0, benefit_code=code, benefit_level="Network", exclude=False
            ),
        )
        assert isinstance(created, vba_models.PlanBenefitLevel)
        key = created.plan_benefit_level_key
        assert created.benefit_level == "Network"

        fetched = client.get_plan_benefit_level(plan, code, key)
        assert fetched.plan_benefit_level_key == key

        listed = client.list_plan_benefit_level(plan, code)
        assert [level.plan_benefit_level_key for level in listed] == [key]

        changed = created.model_copy(update={"benefit_level": "Gender"})
        updated = client.update_plan_benefit_level(plan, code, key, changed)
        assert updated.benefit_level == "Gender"

        results = client.update_batch_plan_benefit_level(
            plan,
            code,
            [
                changed.model_copy(update={"benefit_level": "Modifier"}),
                {
                    "planBenefitLevel_Key": 0,
                    "benefit_Code": code,
                    "benefit_Level": "Age",
                    "exclude": True,
                },
            ],
        )
        assert all(isinstance(r, vba_models.MultiCodeResponse) for r in results)
        assert [r.status for r in results] == [200, 201]
        assert len(client.list_plan_benefit_level(plan, code)) == 2

        raw = client.with_raw_response.get_plan_benefit_level(plan, code, key)
        assert raw.status_code == 200
        assert raw.parsed.benefit_level == "Modifier"
        assert raw.json()["data"]["benefit_Level"] == "Modifier"  # the envelope stays reachable
        assert "application/json" in raw.headers["content-type"]

        assert client.delete_plan_benefit_level(plan, code, key) is None
        with pytest.raises(vba_client.NotFoundError) as missing:
            client.get_plan_benefit_level(plan, code, key)
        assert missing.value.status_code == 404
        assert isinstance(missing.value.body, vba_models.ErrorVBAResponse)
        assert isinstance(missing.value.problem, vba_models.VBAProblemDetails)
        assert missing.value.problem.status == 404


def test_vba_errors_are_typed(sandbox: tuple[str, FailOnce]) -> None:
    root, _ = sandbox
    with (
        vba_client.Client(base_url=f"{root}/vba", vbasoftware_database=DATABASE) as anonymous,
        pytest.raises(vba_client.AuthenticationError) as denied,
    ):
        anonymous.list_plan_benefit_level("PLAN-BL", "DENTAL")
    assert denied.value.status_code == 401
    assert isinstance(denied.value.problem, vba_models.VBAProblemDetails)

    with _vba(root) as client, pytest.raises(vba_client.BadRequestError) as invalid:
        too_long = {
            "planBenefitLevel_Key": 0,
            "benefit_Code": "DENTAL",
            "benefit_Level": "x" * 40,
            "exclude": False,
        }
        client.create_plan_benefit_level("PLAN-BL", "DENTAL", too_long)
    error = invalid.value
    assert isinstance(error, vba_client.APIStatusError)
    assert isinstance(error.body, vba_models.ErrorVBAResponse)
    assert isinstance(error.problem, vba_models.VBAProblemDetails)
    assert error.problem.status == 400
    assert error.problem.detail
    assert "400" in str(error)


def test_vba_credentials_and_database_from_the_client_and_the_environment(
    sandbox: tuple[str, FailOnce], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _ = sandbox
    monkeypatch.setenv("VBA_API_KEY", VBA_KEYS["api_key"])
    monkeypatch.setenv("VBA_BEARER_TOKEN", VBA_KEYS["bearer_token"])
    with vba_client.Client(base_url=f"{root}/vba", vbasoftware_database=DATABASE) as client:
        assert client.list_plan_modifier("PLAN-ENV") == []
        # a call may name another database than the client's
        assert client.list_plan_modifier("PLAN-ENV", vbasoftware_database="other") == []


def test_vba_retries_an_idempotent_call_after_a_503(sandbox: tuple[str, FailOnce]) -> None:
    root, app = sandbox
    options, token = _fail_once(app)
    with _vba(root) as client:
        raw = client.with_raw_response.list_plan_benefit_level(
            "PLAN-RETRY", "DENTAL", request_options={**options}
        )
    assert raw.status_code == 200
    assert raw.retries_taken == 1
    assert token in app.failed

    options, token = _fail_once(app)
    with _vba(root) as client, pytest.raises(vba_client.InternalServerError) as failed:
        client.list_plan_benefit_level(
            "PLAN-RETRY", "DENTAL", request_options={**options, "max_retries": 0}
        )
    assert failed.value.status_code == 503


# ------------------------------------------------------------------ VBA plan modifiers


def _modifier(plan: str, modifier: str, when: datetime, **extra: Any) -> vba_models.PlanModifier:
    return vba_models.PlanModifier(
        plan_id=plan,
        modifier=modifier,
        effective_date=when,
        apply_oon=False,
        apply_uc=True,
        **extra,
    )


def test_vba_plan_modifiers(sandbox: tuple[str, FailOnce]) -> None:
    root, app = sandbox
    plan, when = "PLAN-MOD", datetime(2024, 1, 1, tzinfo=UTC)
    with _vba(root) as client:
        created = client.create_plan_modifier(plan, _modifier(plan, "26", when))
        assert isinstance(created, vba_models.PlanModifier)
        assert created.modifier == "26"
        fetched = client.get_plan_modifier(plan, "26", when)
        assert fetched.plan_id == plan
        assert [m.modifier for m in client.list_plan_modifier(plan)] == ["26"]

        updated = client.update_plan_modifier(
            plan, "26", when, created.model_copy(update={"apply_oon": True})
        )
        assert updated.apply_oon is True

        results = client.update_batch_plan_modifier(plan, [updated, _modifier(plan, "TC", when)])
        assert [r.status for r in results] == [200, 201]

        options, token = _fail_once(app)
        again = client.get_plan_modifier(plan, "TC", when, request_options=options)
        assert again.modifier == "TC" and token in app.failed

        client.delete_plan_modifier(plan, "26", when)
        with pytest.raises(vba_client.NotFoundError):
            client.get_plan_modifier(plan, "26", when)
        with pytest.raises(vba_client.NotFoundError):
            client.delete_plan_modifier(plan, "26", when)


def test_vba_plan_modifiers_async(sandbox: tuple[str, FailOnce]) -> None:
    root, app = sandbox
    plan, when = "PLAN-ASYNC", datetime(2025, 6, 1, tzinfo=UTC)

    async def scenario() -> None:
        settings: dict[str, Any] = {**VBA_KEYS, "vbasoftware_database": DATABASE}
        async with vba_client.AsyncClient(base_url=f"{root}/vba", **settings) as client:
            created = await client.create_plan_modifier(plan, _modifier(plan, "59", when))
            assert created.modifier == "59"
            assert (await client.get_plan_modifier(plan, "59", when)).plan_id == plan
            assert len(await client.list_plan_modifier(plan)) == 1
            updated = await client.update_plan_modifier(
                plan, "59", when, created.model_copy(update={"apply_uc": False})
            )
            assert updated.apply_uc is False
            results = await client.update_batch_plan_modifier(
                plan, [updated, _modifier(plan, "25", when)]
            )
            assert [r.status for r in results] == [200, 201]
            options, token = _fail_once(app)
            raw = await client.with_raw_response.list_plan_modifier(plan, request_options=options)
            assert raw.retries_taken == 1 and len(raw.parsed) == 2 and token in app.failed
            await client.delete_plan_modifier(plan, "59", when)
            with pytest.raises(vba_client.NotFoundError):
                await client.get_plan_modifier(plan, "59", when)
            with pytest.raises(vba_client.BadRequestError) as invalid:
                await client.create_plan_modifier(plan, {"plan_ID": plan})
            assert isinstance(invalid.value.problem, vba_models.VBAProblemDetails)
        async with vba_client.AsyncClient(
            base_url=f"{root}/vba", vbasoftware_database=DATABASE
        ) as anonymous:
            with pytest.raises(vba_client.AuthenticationError):
                await anonymous.list_plan_modifier(plan)

    asyncio.run(scenario())


# ------------------------------------------------------------------ Open Dental


def test_opendental_benefits(sandbox: tuple[str, FailOnce]) -> None:
    root, app = sandbox
    with opendental_client.Client(base_url=f"{root}/opendental", **OD_KEYS) as client:
        created = client.create_benefit(
            od_models.BenefitCreate(
                plan_num=12,
                benefit_type=od_models.BenefitType.CO_INSURANCE,
                coverage_level=od_models.CoverageLevel.NONE,
                percent=30,
            )
        )
        assert isinstance(created, od_models.Benefit)
        number = created.benefit_num
        assert created.percent == 30

        listed = client.list_benefits(plan_num=12)
        assert number in [b.benefit_num for b in listed]

        updated = client.update_benefit(number, od_models.BenefitUpdate(percent=80))
        assert updated.percent == 80

        options, token = _fail_once(app)
        again = client.list_benefits(plan_num=12, request_options=options)
        assert [b.percent for b in again if b.benefit_num == number] == [80]
        assert token in app.failed

        assert client.delete_benefit(number) is None
        with pytest.raises(opendental_client.NotFoundError) as missing:
            client.update_benefit(number, {"Percent": 10})
        assert isinstance(missing.value.body, str) and missing.value.body
        assert number not in [b.benefit_num for b in client.list_benefits(plan_num=12)]

        with pytest.raises(opendental_client.BadRequestError) as invalid:
            client.create_benefit(
                {"PlanNum": 12, "BenefitType": "Deductible", "CoverageLevel": "None", "Percent": 50}
            )
        assert isinstance(invalid.value.body, str) and "BenefitType" in invalid.value.body

    with (
        opendental_client.Client(base_url=f"{root}/opendental") as anonymous,
        pytest.raises(opendental_client.AuthenticationError) as denied,
    ):
        anonymous.list_benefits(plan_num=12)
    assert isinstance(denied.value.body, str)


# ------------------------------------------------------------------ LS Atlas and calendar


def _billing_codes() -> Any:
    from lsatlas_client import models

    line = models.CaseBillingProcedureCodeModel(
        id=1,
        bill_number="B-1",
        bill_amount=120.5,
        cpt_code="99213",
        description="Office visit",
        specialty=None,
        date_of_service=datetime(2026, 5, 1, 21, 13, 44, tzinfo=UTC),
        amount=120.5,
        paid_amount=0,
        fee_schedule=100,
        write_off=20.5,
        is90_cap=False,
    )
    return models.AddBillingCodeModel(case_billing_codes=[line, line])


def test_lsatlas_json_and_xml(sandbox: tuple[str, FailOnce]) -> None:
    root, _ = sandbox
    with lsatlas_client.Client(base_url=f"{root}/lsatlas") as client:
        assert client.add_case_treatment_cpt_codes("C-1001", 7, _billing_codes()) is True
        raw = client.with_raw_response.add_case_treatment_cpt_codes(
            "C-1001", 7, _billing_codes(), content_type="application/xml"
        )
        assert raw.parsed is True
        assert "xml" in raw.headers["content-type"]
        request = raw.http_response.request
        assert request.headers["content-type"] == "application/xml"
        assert request.content.startswith(b"<AddBillingCodeModel xmlns=")
        # the explicit None of `specialty` is sent as DataContract's nil, in the XSI namespace
        assert b'<specialty i:nil="true"/>' in request.content
        assert b'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"' in request.content
        with pytest.raises(lsatlas_client.BadRequestError) as invalid:
            client.add_case_treatment_cpt_codes("C-1001", 7, {"case_billing_codes": [{"id": "x"}]})
        assert invalid.value.body.message


def test_calendar_booking(sandbox: tuple[str, FailOnce]) -> None:
    root, _ = sandbox
    from calendar_client import models

    appointment = models.AppointmentModel(
        user_id=uuid.uuid4(),
        account_id=uuid.uuid4(),
        appointment_on=datetime(2026, 2, 3, 21, 4, tzinfo=UTC),
        reason="Check-up",
    )
    with calendar_client.Client(base_url=f"{root}/calendar") as client:
        raw = client.with_raw_response.patient_appointment_post_v2(appointment)
        assert raw.status_code == 200
        with pytest.raises(calendar_client.BadRequestError) as invalid:
            client.patient_appointment_post_v2({"Reason": " "})
        assert invalid.value.status_code == 400
