"""Schemathesis hooks of the contract suite (loaded through `hooks` in schemathesis.toml).

**XML negations.** XML cannot carry every JSON type: a negated body such as
`{"case_billing_codes": ""}` is sent as `<case_billing_codes/>`, which is a valid empty list.
Schemathesis judges the value it generated, not the bytes it sent, so it would blame a correct
server for accepting it. `filter_failure` decodes the XML body actually sent, with the same
schema-driven codec the pipeline uses, and drops a "schema-violating request accepted" failure
only when what was sent is valid.

**Seeded records.** Generated keys almost never name a stored entity, so in the fuzzing phase
an item operation (get, update, delete of one entity) would only ever answer 404. When
`specpipe contract --sandbox` sets `SEED_VARIABLE`, the first such case creates records from
the spec's own request examples (each `x-sandbox` `create` operation with its examples, path
and header parameters from their examples), and `before_call` then sends valid cases of every
item operation of that resource to one of them (all in the examples and coverage phases, half
in the fuzzing phase): its keys in the path, its partition headers. A seed that a delete
removed is created again before it is used; the stateful phase is left to the spec's links.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import schemathesis
from schemathesis import Case, HookContext, Response
from schemathesis.core.failures import AcceptedNegativeData, Failure
from schemathesis.core.parameters import ParameterLocation

from specpipe.loader import escape_token, resolve_ref
from specpipe.schemas import SchemaSet
from specpipe.xmlcodec import XmlDecodeError, decode, is_xml_media_type

__all__ = ["SEED_VARIABLE", "before_call", "filter_failure", "seed_plan", "sent_xml_body_is_valid"]

SEED_VARIABLE = "SPECPIPE_CONTRACT_SEED"
PHASE_SHARE = {"examples": 1.0, "coverage": 1.0, "fuzzing": 0.5}

_SCHEMAS: dict[int, SchemaSet] = {}


def _schema_set(document: dict[str, Any]) -> SchemaSet:
    found = _SCHEMAS.get(id(document))
    if found is None or found.document is not document:
        found = _SCHEMAS[id(document)] = SchemaSet(document)
    return found


def sent_xml_body_is_valid(
    document: dict[str, Any], path: str, method: str, media_type: str, body: bytes | str
) -> bool:
    """Whether `body`, as the server reads it, is valid for the operation's media type."""
    schemas = _schema_set(document)
    tokens = [escape_token(path), method.lower(), "requestBody", "content"]
    pointer = "/paths/" + "/".join([*tokens, escape_token(media_type), "schema"])
    try:
        schema = schemas.resolve("#" + pointer)
        value = decode(body, schema, schemas.resolve)
    except (KeyError, XmlDecodeError):
        return False
    return not schemas.errors(value, pointer)


@schemathesis.hook
def filter_failure(
    context: HookContext, failure: Failure, case: Case[Any], response: Response
) -> bool:
    """Keep every failure except an accepted XML body that is valid once serialised."""
    media_type = (case.media_type or "").split(";", 1)[0].strip().lower()
    if not isinstance(failure, AcceptedNegativeData) or not is_xml_media_type(media_type):
        return True
    body = response.request.body
    if not isinstance(body, (bytes, str)) or case.meta is None:
        return True
    others = (ParameterLocation.PATH, ParameterLocation.QUERY, ParameterLocation.HEADER)
    if any(case.meta.is_negative_at(location) for location in others):
        return True
    operation = case.operation
    document = operation.schema.raw_schema
    return not sent_xml_body_is_valid(document, operation.path, operation.method, media_type, body)


# ---------------------------------------------------------------------- seeded records


def _example_value(holder: dict[str, Any], document: dict[str, Any]) -> tuple[bool, Any]:
    """The first example of a parameter or media type object (`example`, then `examples`,
    then the schema's `example`, `examples`, `default`), as (found, value)."""
    if "example" in holder:
        return True, holder["example"]
    for entry in (holder.get("examples") or {}).values():
        if isinstance(entry, dict) and "$ref" in entry:
            try:
                entry = resolve_ref(document, entry["$ref"])
            except KeyError:
                continue
        if isinstance(entry, dict) and "value" in entry:
            return True, entry["value"]
    schema = holder.get("schema")
    if isinstance(schema, dict) and "$ref" in schema:
        try:
            schema = resolve_ref(document, schema["$ref"])
        except KeyError:
            schema = None
    if isinstance(schema, dict):
        if "example" in schema:
            return True, schema["example"]
        if isinstance(schema.get("examples"), list) and schema["examples"]:
            return True, schema["examples"][0]
        if "default" in schema:
            return True, schema["default"]
    return False, None


def _examples(holder: dict[str, Any], document: dict[str, Any]) -> list[Any]:
    values = [holder["example"]] if "example" in holder else []
    for entry in (holder.get("examples") or {}).values():
        if isinstance(entry, dict) and "$ref" in entry:
            try:
                entry = resolve_ref(document, entry["$ref"])
            except KeyError:
                continue
        if isinstance(entry, dict) and "value" in entry:
            values.append(entry["value"])
    return values


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _result_path(template: Any) -> list[str] | None:
    """Where `{result}` sits in the document's success template (`[]`: the whole body)."""
    if template == "{result}":
        return []
    if isinstance(template, dict):
        for key, value in template.items():
            found = _result_path(value)
            if found is not None:
                return [str(key), *found]
    return None


@dataclass
class Seed:
    """One record created from an example, and how to create it again."""

    create_path: str
    path_values: dict[str, str]  # record member <- path value of the create
    headers: dict[str, str]
    body: Any
    media_type: str
    record: dict[str, Any] = field(default_factory=dict)
    alive: bool = False


@dataclass
class Target:
    """An item operation that seeded records feed: path parameter <- record member."""

    resource: str
    path_members: dict[str, str]  # path parameter -> record member
    fixed_path: dict[str, str]  # path parameters not bound to a member, from the create
    headers: tuple[str, ...]  # header parameters to copy from the seed (the partition)


@dataclass
class SeedPlan:
    seeds: dict[str, list[Seed]]  # resource -> seeds
    targets: dict[str, Target]  # "METHOD /path" -> target
    result_path: list[str]


def seed_plan(name: str, document: dict[str, Any]) -> SeedPlan:
    """What to create (every example of every `x-sandbox` create) and which item operations
    the created records feed, from the document alone."""
    from specpipe.sandbox.spec import compile_api

    api = compile_api(name, document)
    seeds: dict[str, list[Seed]] = {}
    create_values: dict[str, dict[tuple[str, str], str]] = {}
    for item in api.paths:
        for operation in item.operations.values():
            if operation.action != "create" or operation.resource is None:
                continue
            raw = document["paths"][item.template][operation.method]
            values: dict[tuple[str, str], str] = {}
            for param in operation.parameters:
                holder = _parameter_object(document, item.template, operation.method, param.name)
                found, value = _example_value(holder, document)
                if found:
                    values[(param.location, param.name)] = _text(value)
            if any(p.required and (p.location, p.name) not in values for p in operation.parameters):
                continue
            path = item.template
            for (location, param_name), value in values.items():
                if location == "path":
                    path = path.replace("{" + param_name + "}", quote(value, safe=""))
            body = raw.get("requestBody") or {}
            if "$ref" in body:
                body = resolve_ref(document, body["$ref"])
            content = body.get("content") or {}
            media_type = next((m for m in content if "json" in m and "*" not in m), None)
            if media_type is None:
                continue
            headers = {n: v for (loc, n), v in values.items() if loc == "header"}
            members = {
                member: values[("path", param)]
                for member, param in operation.path_members.items()
                if ("path", param) in values
            }
            for example in _examples(content[media_type], document):
                seeds.setdefault(operation.resource.name, []).append(
                    Seed(path, members, headers, example, media_type)
                )
            create_values[operation.resource.name] = {
                key: value for key, value in values.items() if key[0] in ("path", "header")
            }
    targets: dict[str, Target] = {}
    for item in api.paths:
        for operation in item.operations.values():
            resource = operation.resource
            if operation.action not in ("read", "update", "delete") or resource is None:
                continue
            if resource.name not in seeds:
                continue
            bound = {param: member for member, param in operation.path_members.items()}
            created = create_values.get(resource.name, {})
            fixed = {
                p.name: created[("path", p.name)]
                for p in operation.parameters
                if p.location == "path" and p.name not in bound and ("path", p.name) in created
            }
            copied = tuple(
                p.name
                for p in operation.parameters
                if p.location == "header" and ("header", p.name) in created
            )
            targets[f"{operation.method.upper()} {item.template}"] = Target(
                resource.name, bound, fixed, copied
            )
    return SeedPlan(seeds, targets, _result_path(api.body_template) or [])


def _parameter_object(
    document: dict[str, Any], template: str, method: str, name: str
) -> dict[str, Any]:
    path_item = document["paths"][template]
    for raw in [*(path_item[method].get("parameters") or []), *(path_item.get("parameters") or [])]:
        param = resolve_ref(document, raw["$ref"]) if "$ref" in raw else raw
        if isinstance(param, dict) and param.get("name") == name:
            return param
    return {}


def _auth(name: str, document: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """Headers and query parameters carrying every credential (values from the environment,
    as `specpipe contract` sets them)."""
    from specpipe.credentials import for_document

    found = for_document(name, document)
    values = {c.name: os.environ.get(c.env, "") for c in found.credentials}
    headers: dict[str, str] = {}
    query: dict[str, str] = {}
    for scheme in found.schemes:
        value = scheme.wire_value(values)
        if scheme.location == "query":
            query[scheme.parameter] = value
        else:
            headers[scheme.parameter] = value
    return headers, query


class _Seeder:
    def __init__(self, base_url: str, document: dict[str, Any]) -> None:
        import httpx

        name = os.environ.get(SEED_VARIABLE, "")
        self.plan = seed_plan(name, document)
        self.base_url = base_url.rstrip("/")
        self.auth_headers, self.auth_query = _auth(name, document)
        self.http = httpx.Client(timeout=10)
        self.random = random.Random(0)

    def _create(self, seed: Seed) -> None:
        answer = self.http.post(
            self.base_url + seed.create_path,
            params=self.auth_query,
            headers={**self.auth_headers, **seed.headers, "Content-Type": seed.media_type},
            content=json.dumps(seed.body).encode("utf-8"),
        )
        if not 200 <= answer.status_code < 300:
            if answer.status_code == 409:  # already there (an earlier phase created it)
                seed.record = self._identity(seed)
                seed.alive = True
            return
        record: Any = answer.json()
        for key in self.plan.result_path:
            record = record.get(key) if isinstance(record, dict) else None
        if isinstance(record, dict):
            seed.record = record
            seed.alive = True

    def _identity(self, seed: Seed) -> dict[str, Any]:
        """The record an example names: the example with the create's path values on top
        (path keys win over the body)."""
        record = dict(seed.body) if isinstance(seed.body, dict) else {}
        record.update(seed.path_values)
        return record

    def pick(self, target: Target) -> Seed | None:
        candidates = self.plan.seeds.get(target.resource, [])
        if not candidates:
            return None
        seed = self.random.choice(candidates)
        if not seed.alive:
            self._create(seed)
        return seed if seed.alive else None


_SEEDERS: dict[str, _Seeder] = {}
_APPLIED: dict[int, Seed] = {}  # id(case) -> the seed before_call pointed it at


def _seeder(case: Case[Any]) -> _Seeder:
    operation = case.operation
    base_url = operation.schema.get_base_url()
    found = _SEEDERS.get(base_url)
    if found is None:
        found = _SEEDERS[base_url] = _Seeder(base_url, operation.schema.raw_schema)
    return found


@schemathesis.hook
def before_call(context: HookContext, case: Case[Any], kwargs: dict[str, Any]) -> None:
    """Point the valid item-operation cases at a seeded record: every one in the examples and
    coverage phases, half of them in the fuzzing phase (the other half keeps its generated
    keys); the stateful phase follows the spec's links instead."""
    if not os.environ.get(SEED_VARIABLE) or case.meta is None:
        return
    share = PHASE_SHARE.get(str(case.meta.phase.name), 0.0)
    if not share or case.meta.is_negative_at(ParameterLocation.PATH):
        return
    seeder = _seeder(case)
    target = seeder.plan.targets.get(f"{case.operation.method.upper()} {case.operation.path}")
    if target is None or seeder.random.random() >= share:
        return
    seed = seeder.pick(target)
    if seed is None:
        return
    values = {p: _text(seed.record.get(member)) for p, member in target.path_members.items()}
    if case.path_parameters is None:
        case.path_parameters = {}
    case.path_parameters.update({**target.fixed_path, **values})
    if not case.meta.is_negative_at(ParameterLocation.HEADER):
        headers = {name: seed.headers[name] for name in target.headers if name in seed.headers}
        if case.headers is None:
            case.headers = {}
        case.headers.update(headers)
    _APPLIED[id(case)] = seed


@schemathesis.hook
def after_call(context: HookContext, case: Case[Any], response: Response) -> None:
    """A seeded record that a delete removed is created again before its next use."""
    seed = _APPLIED.pop(id(case), None)
    deleted = case.operation.method.upper() == "DELETE" and 200 <= response.status_code < 300
    if seed is not None and deleted:
        seed.alive = False
