"""Compile one bundled OpenAPI document (plus its `x-sandbox` extension) into routing tables.

Nothing here knows an operation by name: routes, parameters, bodies, responses, security and
behaviour all come from the document, so a change to the spec changes the sandbox.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from specpipe import credentials
from specpipe.credentials import ApiCredentials, SchemeCredentials
from specpipe.ir import IRError
from specpipe.loader import HTTP_METHODS, escape_token, join_pointer, resolve_pointer, resolve_ref
from specpipe.schemas import SchemaSet, unusable_pattern

__all__ = [
    "Api",
    "BodySpec",
    "Operation",
    "Parameter",
    "Resource",
    "SandboxSpecError",
    "compile_api",
]

EXTENSION = "x-sandbox"
ACTIONS = ("list", "create", "read", "update", "delete", "upsert", "store")
ASSIGN_KINDS = ("sequence", "created", "modified")
DEFAULT_MAX_BODY = 1024 * 1024
DEFAULT_MAX_HEADER = 32 * 1024
_TEMPLATE = re.compile(r"{([^{}/]+)}")


class SandboxSpecError(ValueError):
    """The document (or its `x-sandbox` extension) cannot drive the sandbox."""


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    pointer: str  # JSON pointer of the parameter's schema
    schema: dict[str, Any]


@dataclass(frozen=True)
class BodySpec:
    media_type: str  # as listed, possibly with a wildcard (`application/*+json`)
    pointer: str  # JSON pointer of the media type's schema
    schema: dict[str, Any]


@dataclass(frozen=True)
class ResponseSpec:
    status: int
    media_types: tuple[str, ...]
    schemas: dict[str, dict[str, Any]]  # media type -> schema as written (may be a $ref)


@dataclass(frozen=True)
class Resource:
    """A stored entity: the schema it is validated against and how its members are owned."""

    name: str
    pointer: str
    members: tuple[str, ...]
    key: tuple[str, ...]
    assign: dict[str, str]
    timestamp_format: str | None
    defaults: dict[str, Any]
    datetime_members: frozenset[str]


@dataclass(frozen=True)
class Operation:
    method: str
    template: str
    operation_id: str
    parameters: tuple[Parameter, ...]
    body_required: bool
    bodies: tuple[BodySpec, ...]
    responses: dict[int, ResponseSpec]
    security: tuple[dict[str, list[str]], ...]
    action: str
    resource: Resource | None
    resource_name: str
    path_members: dict[str, str]
    query_members: dict[str, str]
    update_mode: str
    answer: Any
    body_members: tuple[str, ...]
    body_defaults: dict[str, Any]
    items_pointer: str | None
    page_limit: str | None = None  # query parameter bound to `page.limit` (lists)
    page_offset: str | None = None  # query parameter bound to `page.offset` (lists)

    @property
    def success_status(self) -> int:
        return min(s for s in self.responses if 200 <= s < 300)


@dataclass
class PathItem:
    template: str
    regex: re.Pattern[str]
    names: tuple[str, ...]
    literal_segments: int
    operations: dict[str, Operation] = field(default_factory=dict)

    def match(self, raw_path: str) -> dict[str, str] | None:
        found = self.regex.fullmatch(raw_path)
        if found is None:
            return None
        return {
            name: unquote(value, errors="strict")
            for name, value in zip(self.names, found.groups(), strict=True)
        }


@dataclass
class Api:
    name: str
    document: dict[str, Any]
    schemas: SchemaSet
    paths: list[PathItem]
    security_schemes: dict[str, SchemeCredentials]
    credentials: ApiCredentials
    body_template: Any
    error_template: Any
    max_body: int
    partition: tuple[str, ...]
    max_header_bytes: int = DEFAULT_MAX_HEADER

    def filtered_members(self) -> list[tuple[Resource, tuple[str, ...]]]:
        """Members of each resource that a list filters on (its path and query bindings):
        the store indexes them."""
        found: dict[str, tuple[Resource, set[str]]] = {}
        for item in self.paths:
            for operation in item.operations.values():
                if operation.action != "list" or operation.resource is None:
                    continue
                entry = found.setdefault(operation.resource.name, (operation.resource, set()))
                entry[1].update(operation.path_members)
                entry[1].update(operation.query_members)
        return [(resource, tuple(sorted(members))) for resource, members in found.values()]


def _deref(document: dict[str, Any], node: Any, pointer: str) -> tuple[dict[str, Any], str]:
    """Follow document-internal `$ref`s; returns the node and its pointer."""
    for _ in range(32):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return _dict(node), pointer
        ref: str = node["$ref"]
        try:
            node = resolve_ref(document, ref)
        except KeyError as exc:  # external, dangling, or not an object
            raise SandboxSpecError(f"{pointer}: {exc.args[0]}") from None
        pointer = ref[1:]
    raise SandboxSpecError(f"{pointer}: $ref cycle")


def _compile_template(template: str) -> tuple[re.Pattern[str], tuple[str, ...], int]:
    names: list[str] = []
    parts: list[str] = []
    position = 0
    for found in _TEMPLATE.finditer(template):
        parts.append(re.escape(template[position : found.start()]))
        parts.append("([^/]+)")
        names.append(found.group(1))
        position = found.end()
    parts.append(re.escape(template[position:]))
    literal = sum(1 for segment in template.split("/") if segment and "{" not in segment)
    return re.compile("".join(parts)), tuple(names), literal


def _parameters(
    document: dict[str, Any],
    path_item: dict[str, Any],
    operation: dict[str, Any],
    pointers: tuple[str, str],
) -> tuple[Parameter, ...]:
    found: dict[tuple[str, str], Parameter] = {}
    for raw, base in (
        (path_item.get("parameters"), pointers[0]),
        (operation.get("parameters"), pointers[1]),
    ):
        for index, item in enumerate(raw if isinstance(raw, list) else []):
            param, pointer = _deref(
                document, item, join_pointer(join_pointer(base, "parameters"), index)
            )
            schema_pointer = join_pointer(pointer, "schema")
            schema, _ = _deref(document, param.get("schema", {}), schema_pointer)
            location = str(param.get("in"))
            name = str(param.get("name"))
            found[(location, name.lower() if location == "header" else name)] = Parameter(
                name=name,
                location=location,
                required=bool(param.get("required")) or location == "path",
                pointer=schema_pointer,
                schema=schema,
            )
    return tuple(found.values())


def _resource(api: str, schemas: SchemaSet, name: str) -> Resource:
    pointer = f"/components/schemas/{escape_token(name)}"
    try:
        schema = schemas.resolve("#" + pointer)
    except KeyError:
        raise SandboxSpecError(f"{api}: x-sandbox resource {name!r} is not a schema") from None
    ext = _dict(schema.get(EXTENSION))
    assign = {str(k): str(v) for k, v in _dict(ext.get("assign")).items()}
    for member, kind in assign.items():
        if kind not in ASSIGN_KINDS:
            raise SandboxSpecError(f"{api}: {name}.{member}: unknown assign kind {kind!r}")
    members = tuple(_dict(schema.get("properties")))
    key = tuple(str(k) for k in ext.get("key", []))
    for member in (*key, *assign):
        if member not in members:
            raise SandboxSpecError(f"{api}: {name}: {member!r} is not a member of the schema")
    fmt = ext.get("timestamp-format")
    datetime_members = frozenset(
        member
        for member, prop in _dict(schema.get("properties")).items()
        if _deref(schemas.document, prop, pointer)[0].get("format") == "date-time"
    )
    return Resource(
        name=name,
        pointer=pointer,
        members=members,
        key=key,
        assign=assign,
        timestamp_format=str(fmt) if fmt is not None else None,
        defaults=dict(_dict(ext.get("defaults"))),
        datetime_members=datetime_members,
    )


def _operation(
    api: str,
    schemas: SchemaSet,
    document: dict[str, Any],
    template: str,
    method: str,
    path_item: dict[str, Any],
    raw: dict[str, Any],
) -> Operation:
    path_pointer = join_pointer("/paths", template)
    op_pointer = join_pointer(path_pointer, method)
    label = f"{api}: {method.upper()} {template}"
    ext = _dict(raw.get(EXTENSION))
    action = str(ext.get("action", ""))
    if action not in ACTIONS:
        raise SandboxSpecError(f"{label}: x-sandbox action must be one of {', '.join(ACTIONS)}")
    parameters = _parameters(document, path_item, raw, (path_pointer, op_pointer))
    body, body_pointer = _deref(
        document, raw.get("requestBody"), join_pointer(op_pointer, "requestBody")
    )
    bodies: list[BodySpec] = []
    for media_type, media in _dict(body.get("content")).items():
        schema_pointer = join_pointer(
            join_pointer(join_pointer(body_pointer, "content"), media_type), "schema"
        )
        bodies.append(
            BodySpec(media_type.lower(), schema_pointer, _dict(_dict(media).get("schema")))
        )
    responses: dict[int, ResponseSpec] = {}
    for status, response in _dict(raw.get("responses")).items():
        if not str(status).isdigit():
            continue
        resolved, _ = _deref(
            document, response, join_pointer(join_pointer(op_pointer, "responses"), status)
        )
        content = _dict(resolved.get("content"))
        schemas_by_type = {str(m): _dict(_dict(v).get("schema")) for m, v in content.items()}
        responses[int(status)] = ResponseSpec(int(status), tuple(schemas_by_type), schemas_by_type)
    if not any(200 <= status < 300 for status in responses):
        raise SandboxSpecError(f"{label}: no 2xx response documented")
    security_raw = raw.get("security", document.get("security", []))
    security = tuple(_dict(item) for item in security_raw if isinstance(item, dict))
    resource_name = str(ext.get("resource", ""))
    resource = None
    if action != "store":
        if not resource_name:
            raise SandboxSpecError(f"{label}: x-sandbox resource is required for {action}")
        resource = _resource(api, schemas, resource_name)
    path_members = {str(k): str(v) for k, v in _dict(ext.get("path")).items()}
    query_members = {str(k): str(v) for k, v in _dict(ext.get("query")).items()}
    known = {(p.location, p.name) for p in parameters}
    for member, param in path_members.items():
        if ("path", param) not in known:
            raise SandboxSpecError(f"{label}: x-sandbox path: {param!r} is not a path parameter")
        if resource is not None and member not in resource.members:
            raise SandboxSpecError(f"{label}: x-sandbox path: {member!r} is not a resource member")
    for param in query_members.values():
        if ("query", param) not in known:
            raise SandboxSpecError(f"{label}: x-sandbox query: {param!r} is not a query parameter")
    page = _dict(ext.get("page"))
    for role, param in page.items():
        if role not in ("limit", "offset"):
            raise SandboxSpecError(f"{label}: x-sandbox page: {role!r} is not limit or offset")
        found = next((p for p in parameters if p.location == "query" and p.name == param), None)
        if found is None:
            raise SandboxSpecError(f"{label}: x-sandbox page: {param!r} is not a query parameter")
        if found.schema.get("type") != "integer":
            raise SandboxSpecError(f"{label}: x-sandbox page: {param!r} must be an integer")
        if action != "list":
            raise SandboxSpecError(f"{label}: x-sandbox page is only for a list")
    update_mode = str(ext.get("update", "replace"))
    if update_mode not in ("replace", "merge"):
        raise SandboxSpecError(f"{label}: x-sandbox update must be replace or merge")
    body_members: tuple[str, ...] = ()
    body_defaults: dict[str, Any] = {}
    items_pointer: str | None = None
    if bodies:
        first, first_pointer = _deref(document, bodies[0].schema, bodies[0].pointer)
        if action == "upsert":
            items_pointer = join_pointer(first_pointer, "items")
            first, _ = _deref(document, first.get("items", {}), items_pointer)
        properties = _dict(first.get("properties"))
        body_members = tuple(properties)
        body_defaults = {m: p["default"] for m, p in properties.items() if "default" in _dict(p)}
    if action == "upsert" and items_pointer is None:
        raise SandboxSpecError(f"{label}: an upsert needs an array request body")
    return Operation(
        method=method,
        template=template,
        operation_id=str(raw.get("operationId", f"{method} {template}")),
        parameters=parameters,
        body_required=bool(body.get("required")),
        bodies=tuple(bodies),
        responses=responses,
        security=security,
        action=action,
        resource=resource,
        resource_name=resource_name,
        path_members=path_members,
        query_members=query_members,
        update_mode=update_mode,
        answer=ext.get("answer", "record"),
        body_members=body_members,
        body_defaults=body_defaults,
        items_pointer=items_pointer,
        page_limit=str(page["limit"]) if "limit" in page else None,
        page_offset=str(page["offset"]) if "offset" in page else None,
    )


def _credentials(api: str, document: dict[str, Any]) -> ApiCredentials:
    """The API's credentials; each needs a local value in its scheme's `x-sandbox.defaults`."""
    try:
        found = credentials.for_document(api, document)
    except IRError as exc:
        raise SandboxSpecError(f"{api}: {exc}") from None
    if found.unsupported:
        kinds = ", ".join(found.unsupported)
        raise SandboxSpecError(f"{api}: security scheme {kinds}: only apiKey and http supported")
    for scheme in found.schemes:
        missing = [c for c in scheme.credentials if c not in scheme.defaults]
        if missing:
            raise SandboxSpecError(
                f"{api}: security scheme {scheme.name}: x-sandbox defaults needs "
                + ", ".join(missing)
            )
    return found


def _check_patterns(name: str, document: dict[str, Any], paths: list[PathItem]) -> None:
    """Every schema a request or record is validated against must have regular expressions
    Python can run: otherwise each such request would fail inside validation (a 500)."""
    pointers: set[str] = set()
    for path in paths:
        for operation in path.operations.values():
            pointers.update(p.pointer for p in operation.parameters)
            pointers.update(b.pointer for b in operation.bodies)
            if operation.items_pointer is not None:
                pointers.add(operation.items_pointer)
            if operation.resource is not None:
                pointers.add(operation.resource.pointer)
    for pointer in sorted(pointers):
        try:
            schema = resolve_pointer(document, pointer)
        except (KeyError, ValueError):
            continue  # not a schema of the document: nothing to evaluate
        problem = unusable_pattern(document, schema)
        if problem is not None:
            raise SandboxSpecError(
                f"{name}: {pointer}: a pattern Python's re cannot compile: {problem}"
            )


def compile_api(name: str, document: dict[str, Any]) -> Api:
    """The routing tables of one API; raises SandboxSpecError with one line on a bad document."""
    schemas = SchemaSet(document)
    root = _dict(document.get(EXTENSION))
    if "body" not in root or "error" not in root:
        raise SandboxSpecError(f"{name}: the document needs x-sandbox body and error templates")
    paths: list[PathItem] = []
    for template, raw_item in _dict(document.get("paths")).items():
        item, _ = _deref(document, raw_item, join_pointer("/paths", template))
        regex, names, literal = _compile_template(template)
        path = PathItem(template, regex, names, literal)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                path.operations[method] = _operation(
                    name, schemas, document, template, method, item, item[method]
                )
        paths.append(path)
    paths.sort(key=lambda p: (-p.literal_segments, p.template))
    _check_patterns(name, document, paths)
    limits: dict[str, int] = {}
    for member, default in (
        ("max-body-bytes", DEFAULT_MAX_BODY),
        ("max-header-bytes", DEFAULT_MAX_HEADER),
    ):
        try:
            limits[member] = int(root.get(member, default))
        except (TypeError, ValueError):
            raise SandboxSpecError(f"{name}: x-sandbox {member} must be an integer") from None
    max_body = limits["max-body-bytes"]
    partition = root.get("partition", [])
    found = _credentials(name, document)
    return Api(
        name=name,
        document=document,
        schemas=schemas,
        paths=paths,
        security_schemes={s.name: s for s in found.schemes},
        credentials=found,
        body_template=root["body"],
        error_template=root["error"],
        max_body=max_body,
        max_header_bytes=limits["max-header-bytes"],
        partition=tuple(str(p).lower() for p in partition) if isinstance(partition, list) else (),
    )
