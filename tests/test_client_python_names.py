"""Hostile text and colliding names through the Python generator.

``tests/fixtures/clients/python_hostile.yaml`` (an API named ``3d``, whose package is
``value_3_d_client``) is generated into a temporary folder: the package passes ``ruff`` and
``mypy --strict``, importing it runs no spec text, and every colliding name is distinct and
deterministic. Costs about 20 s (mypy).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
import yaml
from specs import ROOT

from specpipe import ir
from specpipe.models import generate_python

FIXTURE = ROOT / "tests" / "fixtures" / "clients" / "python_hostile.yaml"
BIN = Path(sys.executable).parent
PACKAGE = "value_3_d_client"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    document = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    out = tmp_path_factory.mktemp("hostile")
    generate_python(ir.build("3d", document), out)
    return out


@pytest.fixture(scope="module")
def package(generated: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(generated))
    import value_3_d_client
    import value_3_d_client.client
    import value_3_d_client.models

    yield value_3_d_client
    sys.path.remove(str(generated))


def test_hostile_package_passes_ruff_and_mypy(generated: Path, tmp_path: Path) -> None:
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
        [str(BIN / "mypy"), "--strict", "--cache-dir", str(tmp_path), PACKAGE],
        cwd=generated,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_spec_text_stays_text(generated: Path) -> None:
    for path in (generated / PACKAGE).glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "__import__"
        ]
        assert calls == [], path
    text = (generated / "pyproject.toml").read_text(encoding="utf-8")
    import tomllib

    assert tomllib.loads(text)["project"]["name"] == "value-3-d-client"


def test_names_are_distinct_and_the_clients_own_members_stay(package: ModuleType) -> None:
    models = package.models
    assert {"List", "List2", "Int", "Model1St"} <= set(dir(models))
    fields = models.List.model_fields
    assert {
        "user_id",
        "user_id2",
        "class_",
        "json_",
        "date_",
        "value_1_st",
        "model_config_",
    } == set(fields)
    assert [m.name for m in models.Model1St] == [
        "EMPTY",
        "A",
        "A2",
        "A_B",
        "A_B2",
        "NONE",
        "EMPTY2",
    ]
    client_class = package.client.Client
    assert callable(client_class.close2) and callable(client_class.with_raw_response2)
    assert callable(client_class.class_) and callable(package.client.AsyncClient.close2)
    assert isinstance(client_class.__dict__["with_raw_response"], property) or hasattr(
        client_class.__dict__["with_raw_response"], "func"
    )


def test_discriminated_union_recursion_binary_form_and_cookie(package: ModuleType) -> None:
    models = package.models
    from pydantic import TypeAdapter

    pets = TypeAdapter(list[models.Pet]).validate_python(
        [{"pet_type": "cat", "meows": True}, {"pet_type": "dog"}]
    )
    assert [type(p).__name__ for p in pets] == ["Cat", "Dog"]
    chain = models.List2.model_validate({"type": "a", "next": {"type": "b"}})
    assert chain.next is not None and chain.next.type_ == "b"
    with pytest.raises(ValueError):
        models.List2.model_validate({"type": "a", "extra": 1})  # closed object, strict
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/raw":
            return httpx.Response(
                200, content=b"\x00\x01", headers={"content-type": "application/octet-stream"}
            )
        if request.url.path == "/close":
            return httpx.Response(200, json={"user_id": 1})
        return httpx.Response(204)

    transport = httpx.Client(transport=httpx.MockTransport(handler))
    with package.Client(base_url="http://x", http_client=transport) as client:
        assert client.with_raw_response2() == b"\x00\x01"
        found = client.close2(session="s1")
        assert found.user_id == 1
        client.class_({"name": "a b"})
    assert seen[1].headers["cookie"] == "session=s1"
    assert seen[2].headers["content-type"] == "application/x-www-form-urlencoded"
    assert seen[2].content == b"name=a+b"
