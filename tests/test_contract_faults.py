"""The contract suite catches faults: broken variants of the sandbox, each reported as a failure.

Each fault is an ASGI wrapper around the real sandbox, defined here (never in the product).
Every run is small (one or two operations, a few examples) and goes through `specpipe contract`
exactly as CI does.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from specpipe.cli import main
from specpipe.contract import merge_junit
from specpipe.credentials import for_document
from specpipe.sandbox import create_app, load_bundled, run_in_thread

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]
Rewrite = Callable[[Scope, int, dict[str, str], bytes], tuple[int, dict[str, str], bytes]]

OD_AUTH = b"ODFHIR sandbox-developer/sandbox-customer"
# The sandbox's local credential values, by environment variable (VBA_API_KEY, …).
SANDBOX_CREDENTIALS = {
    env: value
    for name, document in load_bundled().items()
    for env, value in for_document(name, document).defaults().items()
}


@pytest.fixture(autouse=True)
def _credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server started here accepts the sandbox's defaults; `contract` reads them from env."""
    for env, value in SANDBOX_CREDENTIALS.items():
        monkeypatch.setenv(env, value)


class RewriteResponse:
    """Buffers the sandbox's answer and lets `rewrite` change status, headers and body."""

    def __init__(self, app: App, rewrite: Rewrite) -> None:
        self.app = app
        self.rewrite = rewrite

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        headers = {k.decode().lower(): v.decode() for k, v in start.get("headers", [])}
        status, headers, body = self.rewrite(scope, start["status"], headers, b"".join(chunks))
        headers["content-length"] = str(len(body))
        raw = [(k.encode(), v.encode()) for k, v in headers.items()]
        await send({"type": "http.response.start", "status": status, "headers": raw})
        await send({"type": "http.response.body", "body": body})


def server_error_on_create(scope: Scope, status: int, headers: dict[str, str], body: bytes) -> Any:
    if scope["method"] == "POST" and status < 300:
        return 500, {"content-type": "application/json"}, b'"boom"'
    return status, headers, body


def drop_required_member(scope: Scope, status: int, headers: dict[str, str], body: bytes) -> Any:
    if scope["method"] == "POST" and status == 201:
        benefit = json.loads(body)
        del benefit["SecDateTEdit"]
        return status, headers, json.dumps(benefit).encode()
    return status, headers, body


def wrong_status(scope: Scope, status: int, headers: dict[str, str], body: bytes) -> Any:
    return (202 if status == 201 else status), headers, body


def wrong_content_type(scope: Scope, status: int, headers: dict[str, str], body: bytes) -> Any:
    if status == 200:
        return status, {**headers, "content-type": "text/html; charset=utf-8"}, body
    return status, headers, body


def accept_invalid_body(scope: Scope, status: int, headers: dict[str, str], body: bytes) -> Any:
    if status == 400:
        return 200, {"content-type": "application/json"}, b"true"
    return status, headers, body


class IgnoreCredentials:
    """Lets every request in as if it carried valid Open Dental credentials."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"authorization"]
            scope = {**scope, "headers": [*headers, (b"authorization", OD_AUTH)]}
        await self.app(scope, receive, send)


class KeepDeleted:
    """Answers DELETE with 204 without deleting anything."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "DELETE":
            await send({"type": "http.response.start", "status": 204, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        await self.app(scope, receive, send)


def run_contract(
    app: Any,
    api: str,
    operations: list[str],
    extra: list[str],
    tmp_path: Path,
    flags: tuple[str, ...] | list[str] = (),
) -> tuple[int, str]:
    with run_in_thread(app) as url:
        argv = ["contract", "--api", api, "--base-url", f"{url}/{api}", "--seed", "1", *flags]
        for operation in operations:
            argv += ["--include-operation-id", operation]
        argv += ["--junit", str(tmp_path / "report.xml"), "--", *extra]
        code = main(argv)
    return code, (tmp_path / "report.xml").read_text(encoding="utf-8")


FAULTS = [
    pytest.param(
        lambda app: RewriteResponse(app, server_error_on_create),
        "opendental",
        ["CreateBenefit"],
        ["--phases", "examples", "--max-examples", "3"],
        "not_a_server_error",
        id="500-on-create",
    ),
    pytest.param(
        lambda app: RewriteResponse(app, drop_required_member),
        "opendental",
        ["CreateBenefit"],
        ["--phases", "examples", "--max-examples", "3"],
        "response_schema_conformance",
        id="missing-required-member",
    ),
    pytest.param(
        lambda app: RewriteResponse(app, wrong_status),
        "opendental",
        ["CreateBenefit"],
        ["--phases", "examples", "--max-examples", "3"],
        "status_code_conformance",
        id="wrong-status",
    ),
    pytest.param(
        lambda app: RewriteResponse(app, wrong_content_type),
        "opendental",
        ["ListBenefits"],
        ["--phases", "examples", "--max-examples", "3"],
        "content_type_conformance",
        id="wrong-content-type",
    ),
    pytest.param(
        IgnoreCredentials,
        "opendental",
        ["ListBenefits"],
        ["--phases", "examples", "--max-examples", "3"],
        "ignored_auth",
        id="credentials-ignored",
    ),
    pytest.param(
        KeepDeleted,
        "vba",
        ["CreatePlanModifier", "DeletePlanModifier", "GetPlanModifier"],
        ["--phases", "stateful", "--max-examples", "10"],
        "use_after_free",
        id="deleted-still-returned",
    ),
    pytest.param(
        lambda app: RewriteResponse(app, accept_invalid_body),
        "calendar",
        [],
        ["--phases", "coverage", "--max-examples", "5"],
        "negative_data_rejection",
        id="invalid-body-accepted",
    ),
]


@pytest.mark.parametrize(("wrap", "api", "operations", "extra", "check"), FAULTS)
def test_fault_is_reported(
    wrap: Callable[[Any], Any],
    api: str,
    operations: list[str],
    extra: list[str],
    check: str,
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    code, _ = run_contract(wrap(create_app()), api, operations, extra, tmp_path)
    output = capfd.readouterr().out
    assert code == 1, output[-3000:]
    summary = output.rsplit("=== contract summary", 1)[-1]
    assert summary.lstrip().startswith("FAILED") and check in summary, output[-3000:]
    last = output.rstrip().splitlines()[-1]
    assert re.fullmatch(r"contract: \d+ passed, [1-9]\d* failed", last), last


def test_clean_sandbox_passes(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    extra = ["--max-examples", "5"]
    code, junit = run_contract(create_app(), "opendental", [], extra, tmp_path)
    output = capfd.readouterr().out
    assert code == 0, output[-3000:]
    root = ElementTree.fromstring(junit)
    assert root.tag == "testsuites" and int(root.get("tests", "0")) >= 4
    assert root.get("failures") == "0" and root.get("errors") == "0"
    assert output.rstrip().splitlines()[-1] == f"contract: {root.get('tests')} passed, 0 failed"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["contract", "--api", "nope"],
        ["contract", "--rate-limit", "fast"],
        ["contract", "--base-url", "ftp://x"],
        ["contract", "--api", "calendar", "--base-url", "http://127.0.0.1:99999"],
        ["contract", "--include-operation-id", "NoSuchOperation"],
        ["contract", "--sandbox", "--base-url", "http://127.0.0.1:1"],
        ["contract", "--credential", "NO_SUCH_KEY=x"],
        ["contract", "--credential", "VBA_API_KEY"],
        ["contract", "--print-config"],
    ):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("specpipe: error: ") and err.count("\n") == 1, err


def test_unreachable_server_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["contract", "--api", "calendar", "--base-url", "http://127.0.0.1:9"]) == 1
    assert "cannot reach http://127.0.0.1:9" in capsys.readouterr().err


def test_read_only_skips_apis_without_safe_operations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["contract", "--api", "calendar", "--read-only"]) == 2
    captured = capsys.readouterr()
    assert "skip  calendar" in captured.out and "no operation to test" in captured.err


def test_junit_parts_merge(tmp_path: Path) -> None:
    for name, failures in (("a", "0"), ("b", "2")):
        (tmp_path / f"{name}.xml").write_text(
            f'<testsuites><testsuite name="schemathesis" tests="3" failures="{failures}" '
            'errors="0" skipped="0"/></testsuites>',
            encoding="utf-8",
        )
    parts = [(name, tmp_path / f"{name}.xml") for name in ("a", "b", "c")]
    merge_junit(parts, tmp_path / "all.xml")
    root = ElementTree.parse(tmp_path / "all.xml").getroot()
    assert [s.get("name") for s in root] == ["a", "b"]
    assert root.get("tests") == "6" and root.get("failures") == "2"


def test_read_only_tests_only_safe_methods(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with run_in_thread(KeepDeleted(create_app())) as url:
        argv = ["contract", "--api", "vba", "--base-url", f"{url}/vba", "--read-only"]
        code = main([*argv, "--max-examples", "3", "--junit", str(tmp_path / "r.xml")])
    output = capfd.readouterr().out
    assert code == 0, output[-3000:]
    assert "Selected: 4/12" in output


def test_credentials_are_required_without_the_sandbox(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("OPENDENTAL_CUSTOMER_KEY")
    argv = ["contract", "--api", "opendental", "--base-url", "http://127.0.0.1:9"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "OPENDENTAL_CUSTOMER_KEY" in err and "OPENDENTAL_DEVELOPER_KEY" not in err
    # a flag is enough (the server is then found unreachable: exit 1)
    assert main([*argv, "--credential", "OPENDENTAL_CUSTOMER_KEY=office"]) == 1


def test_credentials_from_flags_reach_the_server(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    for env in SANDBOX_CREDENTIALS:
        monkeypatch.delenv(env)
    accepted = {"OPENDENTAL_DEVELOPER_KEY": "dev", "OPENDENTAL_CUSTOMER_KEY": "office"}
    flags = [f"--credential={name}={value}" for name, value in accepted.items()]
    app = create_app(credentials=accepted)
    code, _ = run_contract(
        app, "opendental", ["ListBenefits"], ["--phases", "examples,coverage"], tmp_path, flags
    )
    assert code == 0, capfd.readouterr().out[-3000:]


def test_print_config_adds_the_auth_of_the_spec(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["contract", "--api", "opendental", "--print-config"]) == 0
    config = tomllib.loads(capsys.readouterr().out)
    assert config["auth"]["openapi"] == {
        "ODFHIR": {"api_key": "ODFHIR ${OPENDENTAL_DEVELOPER_KEY}/${OPENDENTAL_CUSTOMER_KEY}"}
    }
    assert config["workers"] == 1  # the project's own settings are kept
    assert main(["contract", "--api", "vba", "--print-config"]) == 0
    config = tomllib.loads(capsys.readouterr().out)
    assert config["auth"]["openapi"] == {
        "apiKeyAuth": {"api_key": "${VBA_API_KEY}"},
        "bearerAuth": {"bearer": "${VBA_BEARER_TOKEN}"},
    }


def test_a_spec_the_sandbox_cannot_serve_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = dict(load_bundled()["calendar"])
    del document["x-sandbox"]
    (tmp_path / "calendar.yaml").write_text(json.dumps(document), encoding="utf-8")
    assert main(["contract", "--sandbox", "--bundled-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("specpipe: error: calendar: ") and err.count("\n") == 1, err
