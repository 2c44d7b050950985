"""Golden files of the Python client generator, and the generated code executed.

A small inline spec (``tests/fixtures/clients/python_pets.yaml``) is generated into a
temporary folder and compared byte for byte with ``tests/golden/python/pets/`` (set
``UPDATE_GOLDEN=1`` to rewrite them); the result must pass ``ruff`` and ``mypy --strict``, and
is imported and called against an ``httpx.MockTransport``.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml
from specs import ROOT

from specpipe import ir
from specpipe.models import generate_python

FIXTURE = ROOT / "tests" / "fixtures" / "clients" / "python_pets.yaml"
GOLDEN = ROOT / "tests" / "golden" / "python" / "pets"
BIN = Path(sys.executable).parent


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and "__pycache__" not in p.parts
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    document = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    out = tmp_path_factory.mktemp("pets")
    generate_python(ir.build("pets", document), out)
    return out


@pytest.fixture(scope="module")
def pets(generated: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(generated))
    import pets_client
    import pets_client.client

    yield pets_client
    sys.path.remove(str(generated))


def test_generated_matches_the_golden_files(generated: Path) -> None:
    fresh = _tree(generated)
    if os.environ.get("UPDATE_GOLDEN"):
        for name, content in fresh.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(content)
    golden = _tree(GOLDEN)
    assert sorted(fresh) == sorted(golden)
    assert [n for n in golden if golden[n] != fresh[n]] == []


def test_generating_twice_is_byte_identical(generated: Path, tmp_path: Path) -> None:
    document = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    generate_python(ir.build("pets", document), tmp_path)
    assert _tree(tmp_path) == {k: v for k, v in _tree(generated).items()}


def test_generated_passes_ruff_and_mypy_strict(generated: Path, tmp_path: Path) -> None:
    for command in (["ruff", "check", "."], ["ruff", "format", "--check", "."]):
        result = subprocess.run(
            [str(BIN / command[0]), *command[1:], "--no-cache"],
            cwd=generated,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--cache-dir", str(tmp_path), "pets_client"],
        cwd=generated,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


Handler = Callable[[httpx.Request], httpx.Response]


def _client(pets: ModuleType, handler: Handler, **settings: Any) -> Any:
    defaults: dict[str, Any] = {"api_key": "k", "token_auth": "t", "x_shelter_id": "s1"}
    return pets.Client(
        http_client=httpx.Client(transport=httpx.MockTransport(handler)), **{**defaults, **settings}
    )


def _json(value: Any, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=value, headers=headers)


PET = {"id": 7, "name": "Tom", "kind": "cat", "note": None, "tags": ["old"]}


def test_a_call_carries_credentials_client_headers_and_query(pets: ModuleType) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _json({"data": [PET], "error": None})

    with _client(pets, handler) as client:
        found = client.list_pets(kind=["cat", "dog"], from_=3)
    assert [p.name for p in found] == ["Tom"]
    assert isinstance(found[0], pets.models.Pet)
    request = seen[0]
    assert request.url.path == "/api/pets"
    assert request.url.host == "eu.shelter.example"
    assert request.url.query == b"kind=cat&kind=dog&from=3"
    assert request.headers["x-key"] == "Key k"
    assert request.headers["authorization"] == "Bearer t"
    assert request.headers["x-shelter-id"] == "s1"
    assert request.headers["accept"] == "application/json"


def test_per_call_header_override_and_environment(
    pets: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    monkeypatch.setenv("PETS_API_KEY", "from-env")
    monkeypatch.setenv("PETS_TOKEN_AUTH", "tok")
    client = pets.Client(
        x_shelter_id="s1", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    client.list_pets(x_shelter_id="s2", request_options={"headers": {"x-extra": "1"}})
    assert seen[0].headers["x-key"] == "Key from-env"
    assert seen[0].headers["x-shelter-id"] == "s2"
    assert seen[0].headers["x-extra"] == "1"
    assert client.delete_pet(7) is None
    assert "x-key" not in seen[1].headers  # the operation needs no credentials
    monkeypatch.delenv("PETS_API_KEY")
    pets.Client(http_client=httpx.Client(transport=httpx.MockTransport(handler))).list_pets()
    assert "x-key" not in seen[2].headers and "authorization" not in seen[2].headers


def test_xml_body_and_xml_answer(pets: ModuleType) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = (
            b'<PetEnvelope><data><id>8</id><kind>dog</kind><name>Rex</name><note i:nil="true" '
            b'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"/><tags><tags>a</tags></tags>'
            b"</data></PetEnvelope>"
        )
        return httpx.Response(200, content=body, headers={"content-type": "application/xml"})

    pet = pets.models.Pet(name="Rex", kind="dog", note=None, tags=["a", "b"])
    with _client(pets, handler) as client:
        stored = client.add_pet(pet, content_type="application/xml")
    assert stored.id == 8 and stored.note is None and stored.tags == ["a"]
    assert seen[0].headers["content-type"] == "application/xml"
    assert seen[0].headers["accept"] == "application/xml"
    assert seen[0].content == (
        b'<Pet xmlns="http://shelter.example/ns" '
        b'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><kind>dog</kind><name>Rex</name>'
        b'<note i:nil="true"/><tags><tags>a</tags><tags>b</tags></tags></Pet>'
    )


def test_errors_are_typed_with_the_parsed_problem(pets: ModuleType) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "DELETE":
            return _json({"data": None, "error": {"title": "Not Found", "status": 404}}, 404)
        if request.method == "POST":
            return _json({"data": None, "error": {"title": "Bad name", "status": 400}}, 400)
        return _json({"data": None, "error": {"title": "Conflict", "status": 409}}, 409)

    with _client(pets, handler) as client:
        with pytest.raises(pets.NotFoundError) as missing:
            client.delete_pet(1)
        assert missing.value.problem.title == "Not Found"
        assert isinstance(missing.value.body, pets.models.ErrorEnvelope)
        with pytest.raises(pets.BadRequestError) as invalid:
            client.add_pet({"name": "", "kind": "cat"})
        assert "Bad name" in str(invalid.value)
        with pytest.raises(pets.ConflictError) as conflict:  # from the 4XX response
            client.list_pets()
        assert isinstance(conflict.value, pets.APIStatusError)
        assert conflict.value.problem.status == 409


def test_retries_idempotent_calls_only(pets: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    from pets_client import _base

    waits: list[float] = []
    monkeypatch.setattr(_base.time, "sleep", waits.append)
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        if len(calls) % 2 == 1:
            return httpx.Response(503, headers={"retry-after": "1"})
        return _json({"data": [], "error": None})

    with _client(pets, handler) as client:
        raw = client.with_raw_response.list_pets()
        assert raw.parsed == [] and raw.retries_taken == 1 and waits == [1.0]
        calls.clear()
        with pytest.raises(pets.InternalServerError):
            client.add_pet({"name": "a", "kind": "cat"})
        assert calls == ["POST"]

    def always_down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    waits.clear()
    with _client(pets, always_down) as client, pytest.raises(pets.APIConnectionError):
        client.list_pets(request_options={"max_retries": 3})
    assert len(waits) == 3 and all(0 <= w <= _base.RETRY_CAP for w in waits)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with _client(pets, slow, max_retries=0) as client, pytest.raises(pets.APITimeoutError):
        client.list_pets(request_options={"timeout": 0.01})


def test_backoff_honours_retry_after_and_caps_it(pets: ModuleType) -> None:
    from pets_client import _base

    def answer(value: str) -> httpx.Response:
        return httpx.Response(503, headers={"retry-after": value})

    assert _base.backoff(0, answer("2")) == 2.0
    assert _base.backoff(0, answer("3600")) == _base.RETRY_CAP
    assert _base.backoff(0, answer("Wed, 21 Oct 2015 07:28:00 GMT")) == 0.0
    assert 0 <= _base.backoff(5, None) <= _base.RETRY_CAP


def test_async_client(pets: ModuleType) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return _json({"data": json.loads(request.content), "error": None})

    async def scenario() -> Any:
        transport = httpx.MockTransport(handler)
        async with pets.AsyncClient(
            api_key="k", token_auth="t", http_client=httpx.AsyncClient(transport=transport)
        ) as client:
            raw = await client.with_raw_response.add_pet({"name": "Mia", "kind": "cat"})
            return raw

    raw = asyncio.run(scenario())
    assert raw.parsed.name == "Mia" and raw.status_code == 200
    assert raw.json()["error"] is None


# ------------------------------------------------------------------ lenient and strict answers


def test_answers_are_decoded_leniently_by_default(pets: ModuleType) -> None:
    answer = {"data": [{"name": "Tom", "kind": "hamster", "colour": "grey"}], "error": None}

    def handler(request: httpx.Request) -> httpx.Response:
        return _json(answer, **{"x-request-id": "req-1"})

    with _client(pets, handler) as client:
        raw = client.with_raw_response.list_pets()
    (pet,) = raw.parsed
    assert pet.kind == "hamster"  # an enum value the spec does not list yet, kept
    assert pet.model_extra == {"colour": "grey"}  # a member the spec does not define, kept
    assert pet.id is None and pet.note is None and pet.tags is None  # missing optional members
    assert raw.request_id == "req-1"
    assert pet.model_dump(mode="json", by_alias=True, exclude_unset=True) == answer["data"][0]


def test_strict_responses_refuse_what_the_spec_does_not_list(pets: ModuleType) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return _json({"data": [{"name": "Tom", "kind": "hamster"}], "error": None})

    with (
        _client(pets, handler, strict_responses=True) as client,
        pytest.raises(pets.APIResponseValidationError),
    ):
        client.list_pets()
    with pytest.raises(ValueError):  # requests (models a user builds) are always strict
        pets.models.Pet(name="Tom", kind="hamster")
    with pytest.raises(ValueError):  # optional, but not null
        pets.models.Pet(name="Tom", kind="cat", tags=None)


def test_a_null_data_member_is_none(pets: ModuleType) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return _json({"data": None, "error": None})

    with _client(pets, handler) as client:
        assert client.list_pets() is None


def test_errors_carry_the_request_id_and_the_raw_body(pets: ModuleType) -> None:
    body = {"data": None, "error": {"title": "Not Found", "status": 404}}

    def handler(request: httpx.Request) -> httpx.Response:
        return _json(body, 404, **{"x-request-id": "req-404"})

    with _client(pets, handler) as client, pytest.raises(pets.NotFoundError) as missing:
        client.delete_pet(1)
    error = missing.value
    assert error.request_id == "req-404" and "req-404" in str(error)
    assert json.loads(error.raw_body) == body
    assert error.headers["x-request-id"] == "req-404"


def test_debug_log_redacts_credentials(
    pets: ModuleType, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return _json({"data": [], "error": None})

    monkeypatch.setenv("PETS_LOG", "debug")
    secrets = {"api_key": "secret-key", "token_auth": "secret-token"}
    with caplog.at_level("DEBUG", logger="pets_client"), _client(pets, handler, **secrets) as c:
        c.list_pets()
    text = caplog.text
    assert "request GET https://eu.shelter.example/api/pets" in text
    assert "answer GET" in text and ": 200 in" in text
    assert "secret" not in text and "[redacted]" in text
    caplog.clear()
    monkeypatch.delenv("PETS_LOG")
    with caplog.at_level("DEBUG", logger="pets_client"), _client(pets, handler) as client:
        client.list_pets()
    assert caplog.text == ""
