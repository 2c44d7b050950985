"""Parity of the three client languages, read back from the generated code.

One spec (``tests/fixtures/clients/parity.yaml``) is generated into Python, TypeScript and
Go and compared byte for byte with ``tests/golden/parity/`` (``SPECPIPE_UPDATE_GOLDEN=1``
rewrites it). Then each package is read back: Python with ``ast``, TypeScript with
TypeScript 5's compiler API (``tests/typescript/parity.cjs``), Go with ``go/parser``
(``tests/go/parity``). From each comes the same record: the operations (method names mapped
back to the spec's operationIds), their parameters (wire name, location, name, required),
their error statuses with the error class of each, the error fields, the default timeout,
retries, backoff bounds, retried statuses and idempotent operations, the headers read for a
server's retry delay and for a request id, the headers the debug log redacts and the
environment variables. The three records must agree with each other (names compared after
folding snake_case, camelCase and PascalCase to one spelling) and with ``specpipe.sdk``.
A deliberately altered Go and TypeScript output must be told apart. Cost: a few seconds
(one small Go build with a warm cache, one Node run).
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from specs import ROOT
from test_client_python_golden import _tree
from toolchains import Go

from specpipe import credentials as creds
from specpipe import ir, sdk
from specpipe.clients import go as goclient
from specpipe.clients.typescript import generate_typescript
from specpipe.models import generate_python

FIXTURE = ROOT / "tests" / "fixtures" / "clients" / "parity.yaml"
GOLDEN = ROOT / "tests" / "golden" / "parity"
NAME = "parity"
LANGUAGES = ("python", "typescript", "go")
TS_EXTRACT = ROOT / "tests" / "typescript" / "parity.cjs"
GO_EXTRACT = ROOT / "tests" / "go" / "parity" / "main.go"


def fold(name: str) -> str:
    """One spelling of a name in any case convention: ``x_tenant_id``, ``xTenantId``,
    ``XTenantID`` and ``delete_`` become ``xtenantid`` and ``delete``."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


# ------------------------------------------------------------------ the common record


@dataclass(frozen=True, order=True)
class Param:
    location: str  # path, query, header, cookie or body
    wire: str  # the wire name ("" for the body)
    name: str  # the language's name, folded
    required: bool | None  # None: the language's code does not say (a nil-able Go type)


@dataclass(frozen=True)
class Operation:
    method_name: str  # as the language spells it (not compared)
    http_method: str
    path: str
    params: tuple[Param, ...]
    error_statuses: tuple[str, ...]
    idempotent: bool
    request_id_headers: tuple[str, ...]
    body_request_id: tuple[str, ...] | None  # the envelope's request id, a JSON path
    data_member: str | None  # the envelope member a success answers with


@dataclass
class Client:
    operations: dict[str, Operation]  # by operationId
    timeout_seconds: float
    max_retries: int
    retry_base_seconds: float
    retry_cap_seconds: float
    retry_statuses: tuple[int, ...]
    retry_connection_errors: bool
    retry_after_headers: tuple[str, ...]  # lower case, in the order they are read
    error_classes: tuple[tuple[str, str], ...]  # (status pattern, class without "Error")
    error_fields: tuple[str, ...]  # the language's names of sdk.ERROR_FIELDS' fields, folded
    redacted_headers: frozenset[str]  # lower case
    environment: dict[str, str] = field(default_factory=dict)  # setting -> variable
    log_value: str = ""


def _operation_id(method_name: str, ids: list[str]) -> str:
    matches = [i for i in ids if fold(i) == fold(method_name)]
    assert len(matches) == 1, f"{method_name} maps to {matches} of {ids}"
    return matches[0]


def _class_of(status: str, table: tuple[tuple[str, str], ...], base: str) -> str:
    """The class a language's table gives a documented status (``404``, ``4XX``)."""
    for pattern, name in table:
        if pattern == status or (pattern.endswith("XX") and status[0] == pattern[0]):
            return name
    return base


# ------------------------------------------------------------------ Python, with ast


def _literal(node: ast.expr) -> Any:
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("frozenset", "set", "tuple")
        and node.args
    ):
        return ast.literal_eval(node.args[0])
    return ast.literal_eval(node)


def _assignments(tree: ast.Module) -> dict[str, ast.expr]:
    found: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = node.value
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            found[node.target.id] = node.value
    return found


def _classes(tree: ast.Module) -> dict[str, ast.ClassDef]:
    return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}


def _functions(node: ast.AST) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    body = getattr(node, "body", [])
    return {n.name: n for n in body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}


def _first_arguments(node: ast.AST, suffix: str) -> list[ast.expr]:
    """The first argument of every call to ``<anything>.<suffix>`` or ``suffix``."""
    found = []
    for call in ast.walk(node):
        if isinstance(call, ast.Call) and call.args:
            name = ast.unparse(call.func)
            if name == suffix or name.endswith("." + suffix):
                found.append(call.args[0])
    return found


def _strings_of_calls(node: ast.AST, suffix: str) -> list[str]:
    """The string first arguments of every call to ``<anything>.<suffix>`` or ``suffix``."""
    return [
        a.value
        for a in _first_arguments(node, suffix)
        if isinstance(a, ast.Constant) and isinstance(a.value, str)
    ]


def _python_signature(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
) -> tuple[str, dict[str, bool], dict[str, dict[str, str]], bool]:
    """(operation key, {argument: required}, {location: {wire: argument}}, has a body) of a
    client method, from its signature and its ``self._call(...)``."""
    args = function.args
    required: dict[str, bool] = {}
    positional = [a.arg for a in args.args if a.arg != "self"]
    defaults = len(args.defaults)
    for index, name in enumerate(positional):
        required[name] = index < len(positional) - defaults
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        required[arg.arg] = default is None
    call = next(
        c
        for c in ast.walk(function)
        if isinstance(c, ast.Call) and ast.unparse(c.func) in ("self._call", "self._client._call")
    )
    key = call.args[0]
    assert isinstance(key, ast.Constant)
    keywords = {k.arg: k.value for k in call.keywords}
    locations: dict[str, dict[str, str]] = {}
    for keyword, location in (
        ("path", "path"),
        ("query", "query"),
        ("headers", "header"),
        ("cookies", "cookie"),
    ):
        mapping = keywords[keyword]
        assert isinstance(mapping, ast.Dict)
        locations[location] = {
            _literal(k): ast.unparse(v)
            for k, v in zip(mapping.keys, mapping.values, strict=True)
            if k is not None
        }
    has_body = _literal(keywords["has_body"])
    return str(key.value), required, locations, bool(has_body)


def extract_python(root: Path, ids: list[str]) -> Client:
    package = next(root.glob("*_client"))
    client = ast.parse((package / "client.py").read_text(encoding="utf-8"))
    errors = ast.parse((package / "errors.py").read_text(encoding="utf-8"))
    base = ast.parse((package / "_base.py").read_text(encoding="utf-8"))
    constants = _assignments(base)
    classes = _classes(client)

    # what the transport knows per operation: {key: Operation(method, path, security, responses)}
    table = _functions(client)["_operations"]
    returned = next(n.value for n in ast.walk(table) if isinstance(n, ast.Return))
    assert isinstance(returned, ast.Dict)
    descriptors: dict[str, ast.Call] = {}
    for k, v in zip(returned.keys, returned.values, strict=True):
        assert isinstance(k, ast.Constant) and isinstance(v, ast.Call)
        descriptors[str(k.value)] = v

    # every client class has the same methods with the same parameters
    shapes: dict[str, dict[str, Any]] = {}
    for class_name in (
        "Client",
        "AsyncClient",
        "ClientWithRawResponse",
        "AsyncClientWithRawResponse",
    ):
        shapes[class_name] = {
            name: _python_signature(f)[:3]
            for name, f in _functions(classes[class_name]).items()
            if any(
                isinstance(c, ast.Call) and ast.unparse(c.func).endswith("._call")
                for c in ast.walk(f)
            )
            and not name.startswith("_")
        }
    assert all(shape == shapes["Client"] for shape in shapes.values()), shapes

    error_table = tuple(
        (pattern, name.removesuffix("Error"))
        for pattern, name in (
            (str(_literal(e.elts[0])), ast.unparse(e.elts[1]))
            for e in _assignments(errors)["_BY_STATUS"].elts  # type: ignore[attr-defined]
        )
    )
    idempotent_methods = frozenset(_literal(constants["IDEMPOTENT_METHODS"]))
    common_ids = tuple(_literal(constants["REQUEST_ID_HEADERS"]))

    operations: dict[str, Operation] = {}
    for name, function in _functions(classes["Client"]).items():
        if name not in shapes["Client"]:
            continue
        key, required, locations, has_body = _python_signature(function)
        descriptor = descriptors[key]
        http_method, path = _literal(descriptor.args[0]), _literal(descriptor.args[1])
        responses = descriptor.args[3]
        assert isinstance(responses, ast.Dict)
        statuses = [str(_literal(k)) for k in responses.keys if k is not None]
        decodes = {
            str(_literal(k)): v
            for k, v in zip(responses.keys, responses.values, strict=True)
            if k is not None and isinstance(v, ast.Call)
        }
        body_ids = {
            tuple(_literal(kw.value))
            for d in decodes.values()
            for kw in d.keywords
            if kw.arg == "request_id"
        }
        data = {
            _literal(kw.value)
            for status, d in decodes.items()
            if status.startswith("2")
            for kw in d.keywords
            if kw.arg == "data"
        }
        extra = {kw.arg: kw.value for kw in descriptor.keywords}
        declared = extra.get("request_id_headers")
        declared_ids = tuple(_literal(declared)) if declared is not None else ()
        params = [
            Param(location, wire, fold(argument), required[argument])
            for location, mapping in locations.items()
            for wire, argument in mapping.items()
        ]
        if has_body:
            params.append(Param("body", "", "body", required["body"]))
        assert len(body_ids) <= 1 and len(data) <= 1, (name, body_ids, data)
        operations[_operation_id(name, ids)] = Operation(
            method_name=name,
            http_method=http_method,
            path=path,
            params=tuple(sorted(params)),
            error_statuses=tuple(s for s in statuses if s[0] in "45"),
            idempotent=http_method in idempotent_methods,
            request_id_headers=(*declared_ids, *common_ids),
            body_request_id=next(iter(body_ids), None),
            data_member=next(iter(data), None),
        )

    status_error = _classes(errors)["APIStatusError"]
    init = _functions(status_error)["__init__"]
    attributes = [
        t.attr
        for n in ast.walk(init)
        if isinstance(n, ast.Assign)
        for t in n.targets
        if isinstance(t, ast.Attribute) and ast.unparse(t.value) == "self"
    ]

    transport = next(
        c
        for c in ast.walk(_functions(classes["_ClientBase"])["__init__"])
        if isinstance(c, ast.Call) and ast.unparse(c.func) == "Transport"
    )
    settings = {kw.arg: kw.value for kw in transport.keywords}
    environment = {
        "base url": _strings_of_calls(settings["base_url"], "environ.get")[0],
        "log": _strings_of_calls(settings["log"], "env_log")[0],
    }
    credentials = settings["credentials"]
    assert isinstance(credentials, ast.Dict)
    for k, v in zip(credentials.keys, credentials.values, strict=True):
        assert k is not None
        environment[f"credential {fold(_literal(k))}"] = _strings_of_calls(v, "environ.get")[0]

    return Client(
        operations=operations,
        timeout_seconds=float(_literal(constants["DEFAULT_TIMEOUT"])),
        max_retries=_literal(constants["DEFAULT_MAX_RETRIES"]),
        retry_base_seconds=float(_literal(constants["RETRY_BASE"])),
        retry_cap_seconds=float(_literal(constants["RETRY_CAP"])),
        retry_statuses=tuple(sorted(_literal(constants["RETRY_STATUSES"]))),
        retry_connection_errors=bool(_literal(constants["RETRY_CONNECTION_ERRORS"])),
        retry_after_headers=tuple(
            _literal(constants[a.id]) if isinstance(a, ast.Name) else _literal(a)
            for a in _first_arguments(_functions(base)["_retry_after"], "headers.get")
        ),
        error_classes=error_table,
        error_fields=tuple(fold(a) for a in attributes),
        redacted_headers=frozenset(_literal(constants["REDACTED_HEADERS"])),
        environment=environment,
        log_value=_literal(constants["LOG_VALUE"]),
    )


# ------------------------------------------------------------------ TypeScript, with tsc's parser


def _ts_status_table(ifs: list[list[str]]) -> tuple[tuple[str, str], ...]:
    found = []
    for condition, then in ifs:
        created = re.search(r"new (\w+)\(", then)
        assert created, then
        exact = re.fullmatch(r"status === (\d{3})", condition)
        span = re.fullmatch(r"status >= (\d)00 && status <= \1 ?99", condition)
        assert exact or span, condition
        pattern = exact.group(1) if exact else f"{span.group(1)}XX"  # type: ignore[union-attr]
        found.append((pattern, created.group(1).removesuffix("Error")))
    return tuple(found)


def extract_typescript(root: Path, ids: list[str]) -> Client:
    files = sorted(str(p) for p in (root / "src").glob("*.ts"))
    result = subprocess.run(
        ["node", str(TS_EXTRACT), *files], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    tree = json.loads(result.stdout)
    values, interfaces, classes = tree["values"], tree["interfaces"], tree["classes"]
    settings, table = values["client.SETTINGS"], values["client.OPERATIONS"]

    client_class = next(
        c
        for name, c in classes.items()
        if name.startswith("client.")
        and "constructor" in [m["name"] for m in c["members"]]
        and {m["name"] for m in c["members"]} >= set(table)
    )
    methods = {m["name"]: m for m in client_class["members"] if m["kind"] == "method"}
    raw = {m["name"]: m for m in interfaces["client.WithRawResponse"] if m["kind"] == "method"}
    assert set(methods) == set(table) == set(raw), (set(methods), set(table), set(raw))

    operations: dict[str, Operation] = {}
    for name, op in table.items():
        params_type = methods[name]["params"][0]["type"]
        assert params_type == raw[name]["params"][0]["type"], name
        members = {m["name"]: m for m in interfaces[f"client.{params_type}"]}
        params = [
            Param(location, wire, fold(field_name), not members[field_name]["optional"])
            for field_name, wire, location, *_ in op["parameters"]
        ]
        if "body" in op:
            params.append(Param("body", "", "body", not members["body"]["optional"]))
        named = {p[0] for p in op["parameters"]} | ({"body"} if "body" in op else set())
        assert set(members) == named, (name, set(members), named)
        responses = op["responses"]
        envelopes = [r["envelope"] for r in responses.values() if "envelope" in r]
        body_ids = {tuple(e["requestId"]) for e in envelopes if "requestId" in e}
        data = {
            r["envelope"]["data"][0]
            for status, r in responses.items()
            if status.startswith("2") and "envelope" in r
        }
        assert len(body_ids) <= 1 and len(data) <= 1, (name, body_ids, data)
        operations[_operation_id(name, ids)] = Operation(
            method_name=name,
            http_method=op["method"],
            path=op["path"],
            params=tuple(sorted(params)),
            error_statuses=tuple(s for s in responses if s[0] in "45"),
            idempotent=op["idempotent"],
            request_id_headers=tuple(op["requestIdHeaders"]),
            body_request_id=next(iter(body_ids), None),
            data_member=next(iter(data), None),
        )

    status_error = classes["errors.APIStatusError"]
    environment = {"base url": settings["env"]["baseUrl"], "log": settings["env"]["log"]}
    for credential, variable in settings["credentialEnv"].items():
        environment[f"credential {fold(credential)}"] = variable
    return Client(
        operations=operations,
        timeout_seconds=settings["defaultTimeout"] / 1000,
        max_retries=settings["maxRetries"],
        retry_base_seconds=settings["retryBaseDelay"] / 1000,
        retry_cap_seconds=settings["retryMaxDelay"] / 1000,
        retry_statuses=tuple(sorted(settings["retryStatuses"])),
        retry_connection_errors=settings["retryConnectionErrors"],
        retry_after_headers=tuple(
            settings["retryAfterHeader"] if c[1] == {"src": "name"} else c[1]
            for c in tree["functions"]["runtime.retryDelay"]["calls"]
            if c[0] == "headers.get"
        ),
        error_classes=_ts_status_table(tree["functions"]["errors.statusError"]["ifs"]),
        error_fields=tuple(
            fold(m["name"])
            for m in status_error["members"]
            if m["kind"] == "property" and m["name"] != "response"
        ),
        redacted_headers=frozenset(settings["redactedHeaders"]),
        environment=environment,
        log_value=settings["env"]["logValue"],
    )


# ------------------------------------------------------------------ Go, with go/parser


def _go_seconds(value: Any) -> float:
    units = {"time.Millisecond": 0.001, "time.Second": 1.0}
    assert isinstance(value, dict) and value.get("op") == "*", value
    return float(value["x"]) * units[value["y"]["src"]]


def _go_elements(value: Any) -> list[Any]:
    assert isinstance(value, dict) and "elements" in value, value
    return list(value["elements"])


def _go_fields(value: Any) -> dict[str, Any]:
    return {e["key"]["src"]: e["value"] for e in _go_elements(value)}


def _go_required(go_type: str) -> bool | None:
    if go_type.startswith("*"):
        return False
    if go_type.startswith(("[]", "map[")) or go_type == "any":
        return None  # nil-able: a required and an optional parameter look the same
    return True


def _go_path(value: Any) -> str:
    """``"/notes/"+pathParam(params.NoteID, "noteId", ...)`` as ``/notes/{noteId}``."""
    if isinstance(value, str):
        return value
    if value.get("op") == "+":
        return _go_path(value["x"]) + _go_path(value["y"])
    called = re.fullmatch(r'pathParam\(params\.\w+, "([^"]+)", .*\)', value["src"])
    assert called, value
    return "{" + called.group(1) + "}"


def extract_go(root: Path, tool: str, ids: list[str]) -> Client:
    result = subprocess.run([tool, str(root)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    tree = json.loads(result.stdout)
    values, structs, functions = tree["values"], tree["structs"], tree["functions"]

    # With<Option> functions that set one header every operation requires: wire -> option
    options = {
        key: name.removeprefix("With")
        for name, found in functions.items()
        if name.startswith("With")
        for fn in found
        for target, key in fn["indexes"]
        if target == "c.params"
    }

    operations: dict[str, Operation] = {}
    for name, found in functions.items():
        methods = [f for f in found if f["receiver"] == "*Client"]
        if not methods:
            continue
        calls = methods[0]["calls"]
        created = next((c for c in calls if c[0] == "newRequest"), None)
        if created is None:
            continue
        descriptor = _go_fields(values[created[1]["src"].removeprefix("&")])
        path = _go_path(created[2])
        struct = {
            f["name"]: f["type"]
            for p in methods[0]["params"]
            if p["name"] == "params"
            for f in structs[p["type"]]
        }
        params = [
            Param("header", wire, fold(options[wire]), False)
            for wire in _go_elements(descriptor.get("globals", {"elements": []}))
        ]
        seen = set()
        for call in calls:
            callee = call[0]
            if callee in ("r.inQuery", "r.inHeader", "r.inCookie"):
                location = {"r.inQuery": "query", "r.inHeader": "header", "r.inCookie": "cookie"}
                field_name = call[2]["src"].removeprefix("params.")
                params.append(
                    Param(
                        location[callee],
                        call[1],
                        fold(field_name),
                        _go_required(struct[field_name]),
                    )
                )
            elif callee == "pathParam":
                field_name = call[1]["src"].removeprefix("params.")
                params.append(Param("path", call[2], fold(field_name), True))
            elif callee == "r.setBody":
                field_name = call[1]["src"].removeprefix("params.")
                params.append(Param("body", "", fold(field_name), bool(call[2])))
            else:
                continue
            seen.add(field_name)
        assert seen == set(struct), (name, seen, struct)
        operations[_operation_id(str(descriptor["name"]), ids)] = Operation(
            method_name=name,
            http_method=descriptor["method"],
            path=path,
            params=tuple(sorted(params)),
            error_statuses=tuple(
                _go_fields(p)["status"]
                for p in _go_elements(descriptor.get("problems", {"elements": []}))
            ),
            idempotent=descriptor["idempotent"],
            request_id_headers=tuple(_go_elements(descriptor["requestIDs"])),
            body_request_id=(
                tuple(_go_elements(descriptor["bodyID"])) if "bodyID" in descriptor else None
            ),
            data_member=descriptor.get("dataMember"),
        )

    table = []
    for condition, sentinel in functions["statusSentinel"][0]["cases"]:
        exact = re.fullmatch(r"status == (\d{3})", condition)
        span = re.fullmatch(r"status/100 == (\d)", condition)
        assert exact or span, condition
        pattern = exact.group(1) if exact else f"{span.group(1)}XX"  # type: ignore[union-attr]
        table.append((pattern, sentinel.removeprefix("Err")))

    environment = {"base url": values["envBaseURL"], "log": values["envLog"]}
    for e in _go_elements(values["credentialEnv"]):
        environment[f"credential {fold(e['key'])}"] = e["value"]
    retry_after = functions["retryAfter"][0]["calls"]
    return Client(
        operations=operations,
        timeout_seconds=_go_seconds(values["DefaultTimeout"]),
        max_retries=int(values["defaultMaxRetries"]),
        retry_base_seconds=_go_seconds(values["defaultRetryBase"]),
        retry_cap_seconds=_go_seconds(values["defaultRetryCap"]),
        retry_statuses=tuple(
            sorted(int(e["key"]) for e in _go_elements(values["retryStatuses"]) if e["value"])
        ),
        retry_connection_errors=values["retryConnectionErrors"],
        retry_after_headers=tuple(c[1].lower() for c in retry_after if c[0] == "header.Get"),
        error_classes=tuple(table),
        error_fields=tuple(
            fold(f["name"]) for f in structs["APIError"] if f["name"] not in ("Method", "URL")
        ),
        redacted_headers=frozenset(h.lower() for h in _go_elements(values["redactedHeaders"])),
        environment=environment,
        log_value=values["logDebug"],
    )


# ------------------------------------------------------------------ generation and the tests


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    loaded = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def api(document: dict[str, Any]) -> ir.Api:
    return ir.build(NAME, document)


@pytest.fixture(scope="module")
def generated(api: ir.Api, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parity")
    generate_python(api, out / "python")
    generate_typescript(api, out / "typescript", compile=False)
    goclient.generate_go(api, out / "go")
    return out


@pytest.fixture(scope="module")
def go_extract(tmp_path_factory: pytest.TempPathFactory) -> str:
    try:
        binary = goclient.go_tool("go")
    except goclient.GoToolchainError as exc:
        pytest.fail(str(exc))
    go: Go = (str(binary), goclient.go_env(goclient.go_cache()))
    folder = tmp_path_factory.mktemp("goparity")
    shutil.copy(GO_EXTRACT, folder / "main.go")
    (folder / "go.mod").write_text(
        f"module example.com/parity\n\ngo {goclient.GO_LANGUAGE_VERSION}\n", encoding="utf-8"
    )
    subprocess.run([go[0], "build", "-o", "parity", "."], cwd=folder, env=go[1], check=True)
    return str(folder / "parity")


@pytest.fixture(scope="module")
def operation_ids(document: dict[str, Any]) -> list[str]:
    return [
        op["operationId"]
        for item in document["paths"].values()
        for method, op in item.items()
        if method != "parameters"
    ]


Extract = Callable[[Path], dict[str, Client]]


@pytest.fixture(scope="module")
def extract(go_extract: str, operation_ids: list[str]) -> Extract:
    def run(root: Path) -> dict[str, Client]:
        return {
            "python": extract_python(root / "python", operation_ids),
            "typescript": extract_typescript(root / "typescript", operation_ids),
            "go": extract_go(root / "go", go_extract, operation_ids),
        }

    return run


@pytest.fixture(scope="module")
def clients(extract: Extract, generated: Path) -> dict[str, Client]:
    return extract(generated)


def test_generated_matches_the_golden_files(generated: Path) -> None:
    fresh = _tree(generated)
    if os.environ.get("SPECPIPE_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(generated, GOLDEN)
    golden = _tree(GOLDEN)
    assert sorted(fresh) == sorted(golden), "set SPECPIPE_UPDATE_GOLDEN=1 to accept a change"
    drifted = [name for name in golden if golden[name] != fresh[name]]
    assert drifted == [], "set SPECPIPE_UPDATE_GOLDEN=1 to accept a deliberate change"


def disagreements(clients: dict[str, Client]) -> list[str]:
    """Every field on which the languages differ, as `field: language=value ...` lines."""
    found: list[str] = []

    def compare(label: str, values: dict[str, Any]) -> None:
        if len({json.dumps(v, sort_keys=True, default=_plain) for v in values.values()}) > 1:
            found.append(f"{label}: " + "  ".join(f"{k}={v!r}" for k, v in values.items()))

    first = clients["python"]
    for f in fields(Client):
        # each language names the error fields its own way (sdk.ERROR_FIELDS): checked there
        if f.name not in ("operations", "error_fields"):
            compare(f.name, {lang: getattr(c, f.name) for lang, c in clients.items()})
    compare("operations", {lang: sorted(c.operations) for lang, c in clients.items()})
    for operation_id in first.operations:
        for f in fields(Operation):
            if f.name == "method_name":
                continue
            values = {
                lang: getattr(c.operations[operation_id], f.name)
                for lang, c in clients.items()
                if operation_id in c.operations
            }
            if f.name == "params":
                # a parameter whose requiredness a language cannot show agrees with any
                values = {lang: _known(v, values.values()) for lang, v in values.items()}
            compare(f"{operation_id}.{f.name}", values)
    return found


def _plain(value: Any) -> Any:
    """A set as a sorted list, a record as its fields: what json.dumps can compare."""
    if isinstance(value, frozenset | set):
        return sorted(value)
    return repr(value)


def _known(params: tuple[Param, ...], every: Any) -> tuple[Param, ...]:
    unknown = {(p.location, p.wire) for ps in every for p in ps if p.required is None}
    return tuple(
        replace(p, required=None) if (p.location, p.wire) in unknown else p for p in params
    )


def test_the_three_languages_agree(clients: dict[str, Client]) -> None:
    found = disagreements(clients)
    assert found == [], "\n".join(found)


def test_every_operation_and_parameter_of_the_spec_is_there(
    clients: dict[str, Client], api: ir.Api
) -> None:
    common = {p.wire_name.lower() for p in api.common_headers()}
    for op in api.operations:
        expected = {
            (p.location, p.wire_name, p.required and p.wire_name.lower() not in common)
            for p in op.parameters
        }
        if op.body is not None:
            expected.add(("body", "", op.body.required))
        for language, client in clients.items():
            got = client.operations[op.operation_id]
            assert (got.http_method, got.path) == (op.method.upper(), op.path), language
            assert {
                (p.location, p.wire, p.required) for p in got.params if p.required is not None
            } <= expected, (language, op.operation_id)
            assert {(p.location, p.wire) for p in got.params} == {
                (loc, wire) for loc, wire, _ in expected
            }, (language, op.operation_id)


def test_the_languages_render_the_sdk_decisions(clients: dict[str, Client], api: ir.Api) -> None:
    retry = sdk.RETRY
    classes = tuple((pattern, name.removesuffix("Error")) for pattern, name in sdk.ERROR_CLASSES)
    environment = {
        "base url": sdk.environment(api, "base url"),
        "log": sdk.environment(api, "log"),
    } | {f"credential {fold(c.name)}": c.env for c in creds.for_api(api, tokens=True).credentials}
    field_names = {
        "python": tuple(fold(f.python) for f in sdk.ERROR_FIELDS),
        "typescript": tuple(fold(f.typescript) for f in sdk.ERROR_FIELDS),
        "go": tuple(fold(f.go) for f in sdk.ERROR_FIELDS),
    }
    for language, client in clients.items():
        assert client.timeout_seconds == sdk.DEFAULT_TIMEOUT_SECONDS, language
        assert client.max_retries == retry.max_retries, language
        assert client.retry_base_seconds == retry.base_delay_seconds, language
        assert client.retry_cap_seconds == retry.max_delay_seconds, language
        assert client.retry_statuses == tuple(sorted(retry.statuses)), language
        assert client.retry_connection_errors == retry.connection_errors, language
        assert client.error_classes == classes, language
        assert set(field_names[language]) <= set(client.error_fields), language
        assert client.environment == environment, language
        assert client.log_value == sdk.DEBUG_LOG_VALUE, language
        for op in api.operations:
            got = client.operations[op.operation_id]
            idempotent = {m.upper() for m in retry.methods}
            assert got.idempotent == (op.method.upper() in idempotent), (language, op)
            assert got.request_id_headers == sdk.request_id_headers(op), (language, op)
            answers = [sdk.envelope(api, m.type) for r in op.responses for m in r.media_types]
            paths = {e.request_id for e in answers if e is not None and e.request_id}
            assert got.body_request_id == next(iter(paths), None), (language, op)
            for status in got.error_statuses:
                base = "the base error"
                expected = sdk.error_class(status)
                assert _class_of(status, client.error_classes, base) == (
                    expected.removesuffix("Error") if expected else base
                ), (language, status)


def test_a_changed_output_is_told_apart(extract: Extract, generated: Path, tmp_path: Path) -> None:
    """The comparison can fail: a Go timeout and a TypeScript parameter made required
    differ from the other two languages."""
    copy = tmp_path / "changed"
    shutil.copytree(generated, copy)
    client_go = copy / "go" / "client.go"
    text = client_go.read_text(encoding="utf-8")
    assert "const DefaultTimeout = 60000 * time.Millisecond" in text
    client_go.write_text(text.replace("= 60000 * time.Millisecond", "= 30000 * time.Millisecond"))
    client_ts = copy / "typescript" / "src" / "client.ts"
    text = client_ts.read_text(encoding="utf-8")
    assert "  force?: boolean;" in text
    client_ts.write_text(text.replace("  force?: boolean;", "  force: boolean;"))
    found = disagreements(extract(copy))
    assert [line.split(":")[0] for line in found] == ["timeout_seconds", "delete.params"], found
