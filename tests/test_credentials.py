"""Credentials from security schemes: names, variables, wire values, Schemathesis auth."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from specpipe import ir
from specpipe.contract import auth_config, run_config
from specpipe.credentials import for_api, for_document, parse_assignments
from specpipe.sandbox import load_bundled


def _document(schemes: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Pets", "version": "1"},
        "paths": {},
        "components": {"securitySchemes": schemes},
    }


SCHEMES = {
    "keyed": {
        "type": "apiKey",
        "in": "query",
        "name": "key",
        "x-credentials": {"template": "Token {appId}/{appSecret}"},
        "x-sandbox": {"defaults": {"appId": "app", "appSecret": "secret"}},
    },
    "signed": {
        "type": "apiKey",
        "in": "header",
        "name": "x-signature",
        "x-credentials": {"template": "{appSecret}"},
    },
    "login": {"type": "http", "scheme": "basic"},
    "token": {"type": "http", "scheme": "bearer"},
    "oauth": {"type": "oauth2", "flows": {}},
}


def test_names_environment_variables_and_schemes() -> None:
    found = for_document("pet store", _document(SCHEMES))
    assert [(c.name, c.env, c.schemes, c.default) for c in found.credentials] == [
        ("appId", "PET_STORE_APP_ID", ("keyed",), "app"),
        ("appSecret", "PET_STORE_APP_SECRET", ("keyed", "signed"), "secret"),
        ("username", "PET_STORE_USERNAME", ("login",), None),
        ("password", "PET_STORE_PASSWORD", ("login",), None),
        ("token", "PET_STORE_TOKEN", ("token",), None),
    ]
    assert found.unsupported == ("oauth",)
    assert found.defaults() == {"PET_STORE_APP_ID": "app", "PET_STORE_APP_SECRET": "secret"}


def test_wire_values_are_what_a_client_sends() -> None:
    found = for_document("pets", _document(SCHEMES))
    values = {"appId": "a", "appSecret": "s", "username": "u", "password": "p", "token": "t"}
    wire = {s.name: (s.location, s.parameter, s.wire_value(values)) for s in found.schemes}
    assert wire == {
        "keyed": ("query", "key", "Token a/s"),
        "signed": ("header", "x-signature", "s"),
        "login": ("header", "Authorization", "Basic dTpw"),
        "token": ("header", "Authorization", "Bearer t"),
    }


def test_template_pieces_prefixes_and_tokens() -> None:
    schemes = {
        **SCHEMES,
        "negotiated": {"type": "http", "scheme": "negotiate"},
        "mtls": {"type": "mutualTLS"},
    }
    document = _document(schemes)
    document["paths"] = {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "security": [{"keyed": []}, {"oauth": []}, {"mtls": []}],
                "responses": {"200": {"description": "ok"}},
            }
        }
    }
    found = for_document("pets", document)
    keyed = found.scheme("keyed")
    assert keyed is not None
    assert keyed.segments() == [
        (False, "Token "),
        (True, "appId"),
        (False, "/"),
        (True, "appSecret"),
    ]
    assert [(s.name, s.prefix, s.base64) for s in found.schemes] == [
        ("keyed", "", False),
        ("signed", "", False),
        ("login", "Basic ", True),
        ("token", "Bearer ", False),
        ("negotiated", "negotiate ", False),
    ]
    assert found.unsupported == ("oauth", "mtls")
    negotiated = found.scheme("negotiated")
    assert negotiated is not None
    assert negotiated.wire_value({"negotiated": "n"}) == "negotiate n"

    tokens = for_api(ir.build("pets", document), tokens=True, used_only=True)
    assert [(s.name, s.template, s.prefix, s.parameter) for s in tokens.schemes] == [
        ("keyed", "Token {appId}/{appSecret}", "", "key"),
        ("oauth", "{oauth}", "Bearer ", "Authorization"),
    ]
    assert tokens.unsupported == ("mtls",)
    assert [(c.name, c.schemes) for c in tokens.credentials] == [
        ("appId", ("keyed",)),
        ("appSecret", ("keyed",)),
        ("oauth", ("oauth",)),
    ]


def test_schemathesis_auth_uses_environment_placeholders() -> None:
    found = for_document("pets", _document(SCHEMES))
    assert auth_config(found) == {
        "keyed": {"api_key": "Token ${PETS_APP_ID}/${PETS_APP_SECRET}"},
        "signed": {"api_key": "${PETS_APP_SECRET}"},
        "login": {"username": "${PETS_USERNAME}", "password": "${PETS_PASSWORD}"},
        "token": {"bearer": "${PETS_TOKEN}"},
    }
    project = 'workers = 1\n\n[auth.openapi.token]\nbearer = "${MY_TOKEN}"\n'
    config = tomllib.loads(run_config(project, found))
    assert config["workers"] == 1
    assert config["auth"]["openapi"]["token"] == {"bearer": "${MY_TOKEN}"}  # the project's wins
    assert config["auth"]["openapi"]["keyed"] == {
        "api_key": "Token ${PETS_APP_ID}/${PETS_APP_SECRET}"
    }


def test_the_bundled_specs_name_the_clients_variables() -> None:
    names = {
        api: sorted(c.env for c in for_document(api, document).credentials)
        for api, document in load_bundled().items()
    }
    assert names == {
        "calendar": [],
        "lsatlas": [],
        "opendental": ["OPENDENTAL_CUSTOMER_KEY", "OPENDENTAL_DEVELOPER_KEY"],
        "vba": ["VBA_API_KEY", "VBA_BEARER_TOKEN"],
    }


def test_assignments() -> None:
    known = {"A_KEY", "B_KEY"}
    assert parse_assignments(["A_KEY=x=y", "B_KEY="], known) == {"A_KEY": "x=y", "B_KEY": ""}
    for bad in ("A_KEY", "=x", "C_KEY=x"):
        with pytest.raises(ValueError):
            parse_assignments([bad], known)


def test_a_scheme_name_with_braces_is_one_credential() -> None:
    from specpipe import ir
    from specpipe.credentials import for_api

    api = ir.build(
        "t",
        {
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {},
            "components": {
                "securitySchemes": {"a{b}c": {"type": "apiKey", "in": "header", "name": "X"}}
            },
        },
    )
    (scheme,) = for_api(api).schemes
    assert scheme.segments() == [(True, "abc")] and scheme.credentials == ("abc",)
