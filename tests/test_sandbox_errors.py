"""Bad input, missing credentials, wrong methods and unknown routes: 4xx in each vendor's shape."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from specpipe.sandbox import SandboxSpecError, create_app, load_bundled, run_in_thread
from specpipe.xmlcodec import XmlDecodeError, decode

OD = {"Authorization": "ODFHIR sandbox-developer/sandbox-customer"}
VBA = {
    "x-api-key": "sandbox-api-key",
    "Authorization": "Bearer sandbox-token",
    "vbasoftware-database": "demo",
}
OD_CREATE = "/opendental/benefits"
VBA_CREATE = "/vba/plans/P1/benefits/DENTAL/levels"
LSATLAS = "/lsatlas/api/case/C-1/treatment/7/cpt_code"
CALENDAR = "/calendar/api/Calendar/PatientAppointmentPost_v2"


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with run_in_thread(create_app()) as url, httpx.Client(base_url=url, timeout=10) as http:
        yield http


def assert_vba_error(answer: httpx.Response, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert body["data"] is None and body["debug"]["activityID"]
    assert body["error"]["status"] == status and body["error"]["detail"]
    return dict(body["error"])


def assert_od_error(answer: httpx.Response, status: int) -> str:
    assert answer.status_code == status, answer.text
    text = answer.json()
    assert isinstance(text, str) and text
    return text


def assert_aspnet_error(answer: httpx.Response, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert isinstance(body["Message"], str) and body["Message"]
    return dict(body)


# (url, headers, assert-shape) for the body-taking operation of each vendor
TARGETS = {
    "vba": (VBA_CREATE, VBA, assert_vba_error),
    "opendental": (OD_CREATE, OD, assert_od_error),
    "lsatlas": (LSATLAS, {}, assert_aspnet_error),
    "calendar": (CALENDAR, {}, assert_aspnet_error),
}


@pytest.mark.parametrize("api", sorted(TARGETS))
@pytest.mark.parametrize(
    ("content", "content_type", "status"),
    [
        (b'{"unclosed": ', "application/json", 400),
        (b"\xff\xfe{}", "application/json", 400),
        (b'{"a": NaN}', "application/json", 400),
        (b"[" * 100_000, "application/json", 400),
        (b"", "application/json", 400),
        (b"{}", None, 415),
        (b"{}", "text/plain", 415),
        (b"{}", "application/json; charset=latin-1", 415),
    ],
    ids=["malformed", "utf8", "nan", "deep", "empty", "no-type", "wrong-type", "charset"],
)
def test_bad_bodies_answer_4xx_in_the_vendor_shape(
    client: httpx.Client, api: str, content: bytes, content_type: str | None, status: int
) -> None:
    url, headers, check = TARGETS[api]
    sent = dict(headers)
    if content_type is not None:
        sent["Content-Type"] = content_type
    check(client.post(url, content=content, headers=sent), status)


@pytest.mark.parametrize("api", sorted(TARGETS))
def test_oversize_body_is_413(client: httpx.Client, api: str) -> None:
    url, headers, check = TARGETS[api]
    big = b'{"x": "' + b"a" * (1024 * 1024) + b'"}'
    check(
        client.post(url, content=big, headers={**headers, "Content-Type": "application/json"}), 413
    )


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (
            {"planBenefitLevel_Key": "1", "benefit_Code": "x", "benefit_Level": "y", "exclude": 0},
            "exclude",
        ),
        (
            {"benefit_Code": "x", "benefit_Level": "", "exclude": True, "planBenefitLevel_Key": 1},
            "benefit_Level",
        ),
        ([], "object"),
    ],
)
def test_vba_wrong_types_are_400(client: httpx.Client, body: Any, fragment: str) -> None:
    error = assert_vba_error(client.post(VBA_CREATE, json=body, headers=VBA), 400)
    assert fragment in error["detail"]


def test_vba_accepts_every_listed_json_media_type(client: httpx.Client) -> None:
    body = (
        b'{"planBenefitLevel_Key": 0, "benefit_Code": "x", "benefit_Level": "y", "exclude": true}'
    )
    for media_type in ("text/json", "application/vnd.vba+json", "application/json; charset=utf-8"):
        answer = client.post(VBA_CREATE, content=body, headers={**VBA, "Content-Type": media_type})
        assert answer.status_code == 200, media_type


def test_lsatlas_rejects_bad_xml(client: httpx.Client) -> None:
    for xml in (
        "<AddBillingCodeModel",
        "<Other/>",
        '<!DOCTYPE x [<!ENTITY a "b">]><AddBillingCodeModel/>',
        '<AddBillingCodeModel xmlns="http://schemas.datacontract.org/2004/07/LSAtlas_WebAPI.Models">'
        "<case_billing_codes><CaseBillingProcedureCodeModel><id>one</id>"
        "</CaseBillingProcedureCodeModel></case_billing_codes></AddBillingCodeModel>",
    ):
        answer = client.post(LSATLAS, content=xml, headers={"Content-Type": "application/xml"})
        body = assert_aspnet_error(answer, 400)
        assert body["ModelState"]


def test_xml_object_with_text_is_rejected() -> None:
    document = load_bundled()["lsatlas"]
    schema = {"$ref": "#/components/schemas/AddBillingCodeModel"}

    def resolve(ref: str) -> dict[str, Any]:
        node: Any = document
        for token in ref[2:].split("/"):
            node = node[token]
        return dict(node)

    text = '<AddBillingCodeModel xmlns="http://schemas.datacontract.org/2004/07/LSAtlas_WebAPI.Models">true</AddBillingCodeModel>'
    with pytest.raises(XmlDecodeError, match="found text"):
        decode(text, schema, resolve)


def test_calendar_model_state_names_members(client: httpx.Client) -> None:
    body = assert_aspnet_error(client.post(CALENDAR, json={"Reason": "x", "UserId": "nope"}), 400)
    assert "model.UserId" in body["ModelState"]
    assert any("AccountId" in m for m in body["ModelState"]["model"])


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/opendental/benefits", {"Unknown": "1"}),
        ("/opendental/benefits", [("PlanNum", "1"), ("PlanNum", "2")]),
        ("/opendental/benefits", {"PlanNum": "abc"}),
        ("/opendental/benefits", {"PlanNum": "-1"}),
        ("/opendental/benefits", {"PlanNum": "false"}),
    ],
    ids=["unknown", "repeated", "not-a-number", "below-minimum", "boolean"],
)
def test_bad_query_parameters_are_400(client: httpx.Client, url: str, params: Any) -> None:
    assert_od_error(client.get(url, params=params, headers=OD), 400)


def test_integral_float_is_an_integer(client: httpx.Client) -> None:
    assert (
        client.get("/opendental/benefits", params={"PlanNum": "1.0"}, headers=OD).status_code == 200
    )


def test_bad_path_and_header_parameters_are_400(client: httpx.Client) -> None:
    assert_od_error(client.put("/opendental/benefits/0", json={}, headers=OD), 400)
    assert_od_error(client.delete("/opendental/benefits/x", headers=OD), 400)
    assert_vba_error(client.get(f"/vba/plans/{'P' * 21}/modifiers", headers=VBA), 400)
    headers = {k: v for k, v in VBA.items() if k != "vbasoftware-database"}
    assert_vba_error(client.get("/vba/plans/P/modifiers", headers=headers), 400)
    assert_vba_error(
        client.get("/vba/plans/P/modifiers/50/effective-dates/yesterday", headers=VBA), 400
    )
    assert_vba_error(client.get("/vba/plans/%FF/modifiers", headers=VBA), 400)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"x-api-key": "sandbox-api-key", "vbasoftware-database": "demo"},
        {"Authorization": "Bearer sandbox-token", "vbasoftware-database": "demo"},
        {**VBA, "x-api-key": "wrong"},
        {**VBA, "Authorization": "Bearer wrong"},
        {**VBA, "Authorization": "Basic sandbox-token"},
    ],
    ids=["none", "no-token", "no-key", "wrong-key", "wrong-token", "not-bearer"],
)
def test_vba_needs_key_and_token(client: httpx.Client, headers: dict[str, str]) -> None:
    assert_vba_error(client.get("/vba/plans/P/modifiers", headers=headers), 401)


@pytest.mark.parametrize(
    "value",
    [None, "ODFHIR sandbox-developer", "ODFHIR wrong/sandbox-customer", "Bearer x", "odfhir"],
)
def test_opendental_needs_odfhir(client: httpx.Client, value: str | None) -> None:
    headers = {} if value is None else {"Authorization": value}
    assert_od_error(client.get("/opendental/benefits", headers=headers), 401)


def test_unsupported_method_is_405_with_allow(client: httpx.Client) -> None:
    answer = client.patch("/opendental/benefits/1", headers=OD)
    assert_od_error(answer, 405)
    assert answer.headers["allow"] == "PUT, DELETE"
    answer = client.delete(VBA_CREATE, headers=VBA)
    assert_vba_error(answer, 405)
    assert answer.headers["allow"] == "GET, POST"
    answer = client.get(LSATLAS)
    assert_aspnet_error(answer, 405)
    assert answer.headers["allow"] == "POST"


def test_unknown_routes_are_404(client: httpx.Client) -> None:
    assert_od_error(client.get("/opendental/nothing", headers=OD), 404)
    assert_vba_error(client.get("/vba/plans/P/benefits", headers=VBA), 404)
    assert_aspnet_error(client.get("/calendar/api/Calendar"), 404)
    assert client.get("/nowhere/at/all").status_code == 404
    assert client.get("/vba/plans/a%0Ab/modifiers", headers=VBA).status_code == 200


def test_a_document_without_the_extension_is_refused() -> None:
    document = dict(load_bundled()["calendar"])
    del document["x-sandbox"]
    with pytest.raises(SandboxSpecError, match="x-sandbox"):
        create_app({"calendar": document})


def test_a_client_gone_before_its_body_is_not_a_sandbox_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = create_app()
    scope = {
        "type": "http",
        "method": "POST",
        "path": CALENDAR,
        "raw_path": CALENDAR.encode(),
        "query_string": b"",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"2")],
    }
    sent: list[Any] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.disconnect"}

    async def send(message: Any) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    assert sent == [] and not caplog.records


def test_a_dangling_ref_is_refused_in_one_line() -> None:
    document = copy.deepcopy(load_bundled()["opendental"])
    document["paths"]["/benefits"]["get"]["parameters"][0] = {"$ref": "#/components/nope"}
    with pytest.raises(SandboxSpecError, match="#/components/nope' does not resolve"):
        create_app({"opendental": document})


def test_a_pattern_python_cannot_run_is_refused_at_start() -> None:
    """Validation would raise on every value checked against it (`\\p{L}` is ECMA-262, not
    Python's `re`): the sandbox refuses the bundle in one line instead of answering 500s."""
    for where in ("resource", "parameter"):
        document = copy.deepcopy(load_bundled()["opendental"])
        if where == "resource":  # a schema the stored records are validated against
            document["components"]["schemas"]["ProcCode"]["pattern"] = "^\\p{L}+$"
            expected = "/components/schemas/Benefit"
        else:  # a query parameter's own schema
            parameter = document["paths"]["/benefits"]["get"]["parameters"][0]
            parameter["schema"] = {"type": "string", "pattern": "^\\p{L}+$"}
            expected = "/paths/~1benefits/get/parameters/0/schema"
        with pytest.raises(SandboxSpecError) as raised:
            create_app({"opendental": document})
        message = str(raised.value)
        assert message.startswith(f"opendental: {expected}: a pattern"), message
        assert "\n" not in message and "\\p{L}" in message


def test_patterns_in_examples_and_enums_are_data() -> None:
    document = copy.deepcopy(load_bundled()["opendental"])
    schemas = document["components"]["schemas"]
    schemas["Benefit"]["example"] = {"pattern": "^\\p{L}+$"}
    schemas["ProcCode"]["default"] = {"pattern": "("}
    schemas["ProcCode"]["examples"] = [{"pattern": "("}]
    app = create_app({"opendental": document})
    app.state.store.close()
