"""The sandbox's behaviour for all 18 operations, persistence, and concurrent writers, on both
stores (SQLite and PostgreSQL: the same answers)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from stores import KINDS, database

from specpipe.sandbox import Credentials, create_app, run_in_thread

OD = {"Authorization": "ODFHIR sandbox-developer/sandbox-customer"}
VBA = {
    "x-api-key": "sandbox-api-key",
    "Authorization": "Bearer sandbox-token",
    "vbasoftware-database": "demo",
}
OD_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@pytest.fixture(scope="module", params=KINDS)
def client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[httpx.Client]:
    folder = tmp_path_factory.mktemp(request.param)
    with (
        database(request.param, folder) as db,
        run_in_thread(create_app(db=db)) as url,
        httpx.Client(base_url=url, timeout=10) as http,
    ):
        yield http


@pytest.fixture(params=KINDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database(request.param, tmp_path) as found:
        yield found


def level(**changes: Any) -> dict[str, Any]:
    body = {
        "planBenefitLevel_Key": 0,
        "benefit_Code": "ignored",
        "benefit_Level": "Age by Service Date",
        "exclude": False,
        "from_Value": "0",
        "thru_Value": "18",
    }
    body.update(changes)
    return body


def modifier(**changes: Any) -> dict[str, Any]:
    body = {
        "plan_ID": "ignored",
        "modifier": "50",
        "effective_Date": "2024-01-01T00:00:00Z",
        "apply_OON": True,
        "apply_UC": False,
        "fee_Percent": 0.5,
    }
    body.update(changes)
    return body


# ---------------------------------------------------------------- Open Dental


def test_opendental_create_fills_defaults_and_server_members(client: httpx.Client) -> None:
    created = client.post(
        "/opendental/benefits",
        json={"PlanNum": 12, "BenefitType": "CoInsurance", "CoverageLevel": "None", "Percent": 80},
        headers=OD,
    )
    assert created.status_code == 201
    assert created.headers["content-type"].startswith("application/json")
    benefit = created.json()
    assert benefit["BenefitNum"] >= 1
    assert benefit["Percent"] == 80 and benefit["PatPlanNum"] == 0
    assert benefit["TimePeriod"] == "CalendarYear" and benefit["MonetaryAmt"] == -1
    assert OD_STAMP.match(benefit["SecDateTEntry"]) and OD_STAMP.match(benefit["SecDateTEdit"])


def test_opendental_create_list_update_delete_agree(client: httpx.Client) -> None:
    body = {"PatPlanNum": 777, "BenefitType": "Deductible", "CoverageLevel": "Family"}
    first = client.post("/opendental/benefits", json=body, headers=OD).json()
    second = client.post("/opendental/benefits", json=body, headers=OD).json()
    assert second["BenefitNum"] > first["BenefitNum"]

    listed = client.get("/opendental/benefits", params={"PatPlanNum": 777}, headers=OD)
    assert listed.status_code == 200
    assert [b["BenefitNum"] for b in listed.json()] == [first["BenefitNum"], second["BenefitNum"]]
    assert listed.json()[0] == first

    updated = client.put(
        f"/opendental/benefits/{first['BenefitNum']}", json={"MonetaryAmt": 50.0}, headers=OD
    )
    assert updated.status_code == 200
    merged = updated.json()
    assert merged["MonetaryAmt"] == 50.0
    assert merged["BenefitType"] == "Deductible" and merged["CoverageLevel"] == "Family"
    assert merged["SecDateTEntry"] == first["SecDateTEntry"]

    deleted = client.delete(f"/opendental/benefits/{first['BenefitNum']}", headers=OD)
    assert deleted.status_code == 200 and deleted.content == b""
    again = client.delete(f"/opendental/benefits/{first['BenefitNum']}", headers=OD)
    assert again.status_code == 404 and isinstance(again.json(), str)
    gone = client.put(f"/opendental/benefits/{first['BenefitNum']}", json={}, headers=OD)
    assert gone.status_code == 404
    remaining = client.get("/opendental/benefits", params={"PatPlanNum": 777}, headers=OD).json()
    assert [b["BenefitNum"] for b in remaining] == [second["BenefitNum"]]


def test_opendental_update_checks_rules_on_the_stored_benefit(client: httpx.Client) -> None:
    benefit = client.post(
        "/opendental/benefits",
        json={"PlanNum": 5, "BenefitType": "Deductible", "CoverageLevel": "None"},
        headers=OD,
    ).json()
    # Percent alone is valid, but not for a stored Deductible.
    rejected = client.put(
        f"/opendental/benefits/{benefit['BenefitNum']}", json={"Percent": 50}, headers=OD
    )
    assert rejected.status_code == 400
    assert "CoInsurance" in rejected.json()
    # Members outside BenefitUpdate (PlanNum) cannot be changed.
    kept = client.put(
        f"/opendental/benefits/{benefit['BenefitNum']}",
        json={"PlanNum": 99, "BenefitType": "CoInsurance", "Percent": 50},
        headers=OD,
    ).json()
    assert kept["PlanNum"] == 5 and kept["Percent"] == 50


def test_opendental_create_checks_cross_field_rules(client: httpx.Client) -> None:
    for body in (
        {"PlanNum": 1, "BenefitType": "Deductible", "CoverageLevel": "None", "Percent": 10},
        {"PlanNum": 1, "BenefitType": "WaitingPeriod", "CoverageLevel": "None"},
        {"BenefitType": "Deductible", "CoverageLevel": "None"},
    ):
        answer = client.post("/opendental/benefits", json=body, headers=OD)
        assert answer.status_code == 400, body
        assert isinstance(answer.json(), str)


# ---------------------------------------------------------------- VBA benefit levels


def test_vba_levels_crud(client: httpx.Client) -> None:
    base = "/vba/plans/PLAN01/benefits/DENTAL/levels"
    created = client.post(base, json=level(), headers=VBA)
    assert created.status_code == 200
    envelope = created.json()
    assert envelope["error"] is None and envelope["debug"]["activityID"]
    data = envelope["data"]
    key = data["planBenefitLevel_Key"]
    assert key >= 1
    assert data["plan_ID"] == "PLAN01" and data["benefit_Code"] == "DENTAL"  # path wins
    assert RFC3339.match(data["entry_Date"]) and RFC3339.match(data["update_Date"])

    got = client.get(f"{base}/{key}", headers=VBA)
    assert got.status_code == 200 and got.json()["data"] == data
    assert (
        client.get(f"/vba/plans/OTHER/benefits/DENTAL/levels/{key}", headers=VBA).status_code == 404
    )

    listed = client.get(base, headers=VBA).json()["data"]
    assert data in listed

    replaced = client.put(
        f"{base}/{key}", json=level(planBenefitLevel_Key=999, exclude=True), headers=VBA
    )
    assert replaced.status_code == 200
    new = replaced.json()["data"]
    assert new["planBenefitLevel_Key"] == key and new["exclude"] is True
    assert "from_Value" in new and new["entry_Date"] == data["entry_Date"]

    assert client.delete(f"{base}/{key}", headers=VBA).status_code == 204
    missing = client.get(f"{base}/{key}", headers=VBA)
    assert missing.status_code == 404
    assert missing.json()["data"] is None and missing.json()["error"]["status"] == 404
    assert client.put(f"{base}/{key}", json=level(), headers=VBA).status_code == 404
    assert client.delete(f"{base}/{key}", headers=VBA).status_code == 404


def test_vba_levels_batch_upsert_reports_each_item(client: httpx.Client) -> None:
    base = "/vba/plans/PLAN02/benefits/VISION"
    existing = client.post(f"{base}/levels", json=level(), headers=VBA).json()["data"]
    items = [
        level(planBenefitLevel_Key=existing["planBenefitLevel_Key"], exclude=True),
        {"benefit_Level": "Gender"},
        level(planBenefitLevel_Key=0, benefit_Level="Network"),
    ]
    answer = client.put(f"{base}/levels-batch", json=items, headers=VBA)
    assert answer.status_code == 207
    results = answer.json()["data"]
    assert [r["status"] for r in results] == [200, 400, 201]
    assert results[0]["body"] == "Updated" and results[2]["body"] == "Created"
    assert results[0]["id"] == [
        {"key": "planBenefitLevel_Key", "value": str(existing["planBenefitLevel_Key"])}
    ]
    assert "required" in results[1]["body"]
    stored = client.get(f"{base}/levels", headers=VBA).json()["data"]
    assert {s["benefit_Level"] for s in stored} == {"Age by Service Date", "Network"}
    assert next(s for s in stored if s["planBenefitLevel_Key"] == existing["planBenefitLevel_Key"])[
        "exclude"
    ]


# ---------------------------------------------------------------- VBA plan modifiers


def test_vba_modifiers_crud_with_date_key(client: httpx.Client) -> None:
    base = "/vba/plans/PLAN03/modifiers"
    created = client.post(base, json=modifier(), headers=VBA)
    assert created.status_code == 200
    data = created.json()["data"]
    assert data["plan_ID"] == "PLAN03"
    assert client.post(base, json=modifier(), headers=VBA).status_code == 409

    # The same instant written with an offset finds the same rule.
    item = f"{base}/50/effective-dates/2024-01-01T00%3A00%3A00%2B00%3A00"
    assert client.get(item, headers=VBA).json()["data"] == data
    updated = client.put(item, json=modifier(fee_Percent=0.75, modifier="XX"), headers=VBA)
    assert updated.status_code == 200
    assert updated.json()["data"]["fee_Percent"] == 0.75
    assert updated.json()["data"]["modifier"] == "50"  # path wins
    assert len(client.get(base, headers=VBA).json()["data"]) == 1
    assert client.delete(item, headers=VBA).status_code == 204
    assert client.get(item, headers=VBA).status_code == 404


def test_vba_modifiers_batch(client: httpx.Client) -> None:
    base = "/vba/plans/PLAN04"
    client.post(f"{base}/modifiers", json=modifier(), headers=VBA)
    answer = client.put(
        f"{base}/modifiers-batch",
        json=[modifier(fee_Percent=0.9), modifier(modifier="51"), modifier(modifier="")],
        headers=VBA,
    )
    assert answer.status_code == 207
    results = answer.json()["data"]
    assert [r["status"] for r in results] == [200, 201, 400]
    assert {"key": "modifier", "value": "51"} in results[1]["id"]
    assert len(client.get(f"{base}/modifiers", headers=VBA).json()["data"]) == 2


def test_vba_data_is_partitioned_by_database(client: httpx.Client) -> None:
    base = "/vba/plans/PLAN05/modifiers"
    client.post(base, json=modifier(), headers=VBA)
    other = {**VBA, "vbasoftware-database": "other"}
    assert client.get(base, headers=other).json()["data"] == []


# ---------------------------------------------------------------- lsatlas and calendar


def test_lsatlas_stores_json_and_xml(client: httpx.Client) -> None:
    url = "/lsatlas/api/case/C-1/treatment/7/cpt_code"
    answer = client.post(url, json={"case_billing_codes": [{"id": 1, "amount": 2.5}]})
    assert answer.status_code == 200 and answer.json() is True
    xml = (
        '<AddBillingCodeModel xmlns="http://schemas.datacontract.org/2004/07/LSAtlas_WebAPI.Models">'
        "<case_billing_codes><CaseBillingProcedureCodeModel><id>1</id>"
        "</CaseBillingProcedureCodeModel></case_billing_codes></AddBillingCodeModel>"
    )
    answer = client.post(
        url, content=xml, headers={"Content-Type": "text/xml", "Accept": "application/xml"}
    )
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/xml")
    assert "<boolean" in answer.text and ">true</boolean>" in answer.text


def test_calendar_books_and_answers_the_appointment(client: httpx.Client) -> None:
    body = {
        "UserId": "84ef7a81-c643-4b8e-85e5-1ff52fc35f3d",
        "AccountId": "3faed728-f67f-4bc0-888f-a8410d31c7df",
        "AppointmentOn": "2026-02-03T21:04:03.1544841-06:00",
        "Reason": "check-up",
    }
    answer = client.post("/calendar/api/Calendar/PatientAppointmentPost_v2", json=body)
    assert answer.status_code == 200 and answer.json() == body
    blank = client.post(
        "/calendar/api/Calendar/PatientAppointmentPost_v2", json={**body, "Reason": "   "}
    )
    assert blank.status_code == 400
    assert "model.Reason" in blank.json()["ModelState"]


# ---------------------------------------------------------------- state


def test_state_survives_a_restart(db: str) -> None:
    body = {"PlanNum": 3, "BenefitType": "Limitations", "CoverageLevel": "None"}
    with run_in_thread(create_app(db=db)) as url:
        created = httpx.post(f"{url}/opendental/benefits", json=body, headers=OD).json()
    with run_in_thread(create_app(db=db)) as url:
        listed = httpx.get(f"{url}/opendental/benefits", params={"PlanNum": 3}, headers=OD)
        assert listed.json() == [created]
        again = httpx.post(f"{url}/opendental/benefits", json=body, headers=OD).json()
        assert again["BenefitNum"] == created["BenefitNum"] + 1


def test_eight_concurrent_writers_lose_no_update(db: str) -> None:
    """Two sandboxes on one database (two stores), four writer threads each."""
    changes = [
        {"MonetaryAmt": 5.0},
        {"TimePeriod": "Lifetime"},
        {"Quantity": 3},
        {"CoverageLevel": "Family"},
        {"CodeNum": 7},
        {"procCode": "D0120"},
        {"Percent": 50},
        {"QuantityQualifier": "NumberOfServices"},
    ]
    with (
        run_in_thread(create_app(db=db)) as first,
        run_in_thread(create_app(db=db)) as second,
    ):
        seed = {"PlanNum": 8, "BenefitType": "CoInsurance", "CoverageLevel": "None"}
        target = httpx.post(f"{first}/opendental/benefits", json=seed, headers=OD).json()
        errors: list[str] = []
        created: list[int] = []
        lock = threading.Lock()

        def writer(index: int) -> None:
            url = first if index % 2 else second
            with httpx.Client(base_url=url, headers=OD, timeout=30) as http:
                answer = http.put(
                    f"/opendental/benefits/{target['BenefitNum']}", json=changes[index]
                )
                if answer.status_code != 200:
                    errors.append(answer.text)
                for _ in range(10):
                    made = http.post("/opendental/benefits", json={**seed, "PlanNum": 80})
                    with lock:
                        created.append(made.json()["BenefitNum"])

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors
        final = httpx.get(f"{second}/opendental/benefits", params={"PlanNum": 8}, headers=OD)
        stored = final.json()[0]
        for change in changes:
            for member, value in change.items():
                assert stored[member] == value, member
        assert len(set(created)) == 80
        listed = httpx.get(f"{first}/opendental/benefits", params={"PlanNum": 80}, headers=OD)
        assert sorted(b["BenefitNum"] for b in listed.json()) == sorted(created)


def test_credentials_are_configurable() -> None:
    credentials = Credentials.from_env(
        {"SANDBOX_VBA_BEARER_TOKEN": "from-env", "SANDBOX_VBA_API_KEY": "env-loses"},
        {"VBA_API_KEY": "from-flag"},
    )
    assert dict(credentials) == {"VBA_BEARER_TOKEN": "from-env", "VBA_API_KEY": "from-flag"}
    assert "from-flag" not in repr(credentials)
    with run_in_thread(create_app(credentials=credentials)) as url:
        headers = {**VBA, "x-api-key": "from-flag", "Authorization": "Bearer from-env"}
        ok = httpx.get(f"{url}/vba/plans/P/modifiers", headers=headers)
        assert ok.status_code == 200
        assert httpx.get(f"{url}/vba/plans/P/modifiers", headers=VBA).status_code == 401
        # a credential left unset keeps the spec's local default
        assert httpx.get(f"{url}/opendental/benefits", headers=OD).status_code == 200


def test_credentials_as_a_plain_mapping() -> None:
    accepted = {"OPENDENTAL_DEVELOPER_KEY": "dev", "OPENDENTAL_CUSTOMER_KEY": "office"}
    with run_in_thread(create_app(credentials=accepted)) as url:
        good = {"Authorization": "ODFHIR dev/office"}
        assert httpx.get(f"{url}/opendental/benefits", headers=good).status_code == 200
        assert httpx.get(f"{url}/opendental/benefits", headers=OD).status_code == 401
