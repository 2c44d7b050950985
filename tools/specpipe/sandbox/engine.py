"""The generic request engine: one ASGI app per API, interpreting its compiled spec.

Order of checks for a request: route (404), method, exactly as registered (405 with
`Allow`), header size (431), security (401), parameters (400), body size (413), content type
(415), body within the body timeout (408) and valid, as Unicode too (400), then the operation's
`x-sandbox` action against the store (see `store`; 404/409 for keys; 503 with
`Retry-After` when the database stays busy), then the answer in the documented shape and
media type.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import random
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fnmatch import fnmatchcase
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl, quote

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from specpipe.sandbox.spec import Api, BodySpec, Operation, Parameter, Resource
from specpipe.sandbox.store import Store, StoreBusy, StoreUnavailable, Transaction
from specpipe.xmlcodec import XmlDecodeError, decode, encode, is_xml_media_type

__all__ = ["ApiApp", "Credentials", "HttpError"]

log = logging.getLogger("specpipe.sandbox")

_RFC3339 = "%Y-%m-%dT%H:%M:%SZ"
_MAX_PROBLEMS = 20
DEFAULT_BODY_TIMEOUT = 30.0
_READ_ACTIONS = ("list", "read")


class Credentials(Mapping[str, str]):
    """The credential values the sandbox accepts, by the environment variable a client reads
    them from (`<API>_<CREDENTIAL>`, see `specpipe.credentials`). A credential without a
    value here is accepted with its local default from the spec (`x-sandbox.defaults`)."""

    PREFIX = "SANDBOX_"

    def __init__(self, values: Mapping[str, str] | None = None) -> None:
        self._values = {str(k): str(v) for k, v in (values or {}).items() if v}

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str], overrides: Mapping[str, str] | None = None
    ) -> Credentials:
        """`SANDBOX_<NAME>` variables of `environ` as `<NAME>`, then `overrides` on top."""
        values = {
            name[len(cls.PREFIX) :]: value
            for name, value in environ.items()
            if name.startswith(cls.PREFIX) and value
        }
        values.update({k: v for k, v in (overrides or {}).items() if v})
        return cls(values)

    def __getitem__(self, name: str) -> str:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Credentials({sorted(self._values)})"  # names only: values are secrets


@dataclass
class HttpError(Exception):
    """A request the sandbox refuses: rendered in the API's own error shape."""

    status: int
    detail: str
    problems: dict[str, list[str]] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


class _Omit:
    pass


_OMIT = _Omit()


def render(template: Any, values: Mapping[str, Any]) -> Any:
    """Fill a body template: a string that is exactly `{name}` becomes the value (any type);
    an object member whose placeholder has no value (None) is left out."""
    if isinstance(template, str):
        if template.startswith("{") and template.endswith("}") and template[1:-1] in values:
            value = values[template[1:-1]]
            return _OMIT if value is None else value
        return template
    if isinstance(template, list):
        return [v for v in (render(t, values) for t in template) if v is not _OMIT]
    if isinstance(template, dict):
        out = {k: render(v, values) for k, v in template.items()}
        return {k: v for k, v in out.items() if v is not _OMIT}
    return template


def _reject_constant(text: str) -> Any:
    raise ValueError(f"{text} is not valid JSON")


def _parse_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"number out of range: {text}")
    return number


def _normalise(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _canonical_datetime(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return value
    if parsed.tzinfo is None:
        return value
    return parsed.astimezone(UTC).isoformat()


def _json_path(path: Any) -> str:
    out = "model"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _media_base(value: str) -> tuple[str, dict[str, str]]:
    base, _, rest = value.partition(";")
    params: dict[str, str] = {}
    for item in rest.split(";"):
        name, sep, val = item.partition("=")
        if sep:
            params[name.strip().lower()] = val.strip().strip('"')
    return base.strip().lower(), params


def _invalid_text(value: Any) -> str | None:
    """The first string (member name or value) of a decoded body that is not valid Unicode
    (a lone surrogate such as the JSON escape `\\ud800`), shortened; None when all are."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return item.encode("utf-8", "backslashreplace").decode("ascii")[:60]
    return None


def _json_bytes(content: Any) -> bytes:
    """JSON of an answer as UTF-8; a string that is not valid Unicode (which no request can
    store any more) is written as a JSON escape, so the answer never fails."""
    try:
        return json.dumps(content, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(content, ensure_ascii=True, allow_nan=False).encode("ascii")


def canonical(resource: Resource, member: str, value: Any) -> str:
    """The text a member's value is compared by in lists (and indexed by in the store): JSON
    of the value, integral floats as integers, date-times as UTC instants."""
    value = _normalise(value)
    if member in resource.datetime_members:
        value = _canonical_datetime(value)
    return json.dumps(value, sort_keys=True)


class ApiApp:
    """ASGI app serving one API under a prefix."""

    def __init__(
        self,
        api: Api,
        store: Store,
        credentials: Mapping[str, str],
        prefix: str,
        body_timeout: float = DEFAULT_BODY_TIMEOUT,
    ) -> None:
        self.api = api
        self.store = store
        self.prefix = prefix
        self.body_timeout = body_timeout
        for resource, members in api.filtered_members():
            store.register(
                api.name, resource.name, members, self._fields_function(resource, members)
            )
        values = {
            c.name: credentials.get(c.env) or c.default or "" for c in api.credentials.credentials
        }
        self.accepted = {
            name: scheme.wire_value(values) for name, scheme in api.security_schemes.items()
        }

    @staticmethod
    def _fields_function(
        resource: Resource, members: tuple[str, ...]
    ) -> Callable[[Mapping[str, Any]], dict[str, str]]:
        def fields(record: Mapping[str, Any]) -> dict[str, str]:
            return {m: canonical(resource, m, record.get(m)) for m in members}

        return fields

    # ------------------------------------------------------------------ ASGI

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        activity = f"{random.getrandbits(64):016X}"  # a correlation id, not a secret
        operation: Operation | None = None
        try:
            operation, path_values = self._route(scope)
            self._check_header_size(scope)
            response = await self._handle(request, operation, path_values, activity)
        except HttpError as error:
            response = self._error(request, operation, error, activity)
        except ClientDisconnect:  # gone before its body arrived: nobody to answer
            return
        except Exception:  # a bug: answer in the vendor's shape, log the traceback
            log.exception("sandbox error on %s %s", scope.get("method"), scope.get("path"))
            failure = HttpError(500, "The sandbox failed to handle the request.")
            response = self._error(request, operation, failure, activity)
        await response(scope, receive, send)

    def _relative_path(self, scope: Scope) -> str:
        raw = scope.get("raw_path")
        text = raw.decode("latin-1") if isinstance(raw, bytes) else quote(str(scope["path"]))
        text = text.split("?", 1)[0]
        return text[len(self.prefix) :] if text.startswith(self.prefix) else text

    def _check_header_size(self, scope: Scope) -> None:
        limit = self.api.max_header_bytes
        size = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        size += sum(len(name) + len(value) + 4 for name, value in scope.get("headers", ()))
        if size > limit:
            raise HttpError(
                431,
                f"The request line and headers are larger than the limit of {limit} bytes.",
                headers={"Connection": "close"},
            )

    def _route(self, scope: Scope) -> tuple[Operation, dict[str, str]]:
        path = self._relative_path(scope)
        sent = str(scope["method"])
        # Method names are case-sensitive (RFC 9110): `get` is not GET.
        method = sent.lower() if sent.isupper() else ""
        for item in self.api.paths:
            try:
                values = item.match(path)
            except UnicodeDecodeError:
                raise HttpError(400, "The path is not valid UTF-8 once percent-decoded.") from None
            if values is None:
                continue
            operation = item.operations.get(method)
            if operation is None:
                allow = ", ".join(m.upper() for m in item.operations)
                raise HttpError(
                    405,
                    f"The method {sent[:20]} is not allowed here; allowed: {allow}.",
                    headers={"Allow": allow},
                )
            return operation, values
        raise HttpError(404, f"No resource matches the path {path}.")

    # ------------------------------------------------------------------ request

    async def _handle(
        self, request: Request, operation: Operation, path_values: dict[str, str], activity: str
    ) -> Response:
        self._authorise(request, operation)
        params = self._parameters(request, operation, path_values)
        body = await self._body(request, operation)
        partition = json.dumps([params.get(("header", h)) for h in self.api.partition])

        def work(tx: Transaction) -> Any:
            return self._act(tx, operation, params, body, partition)

        retry = str(max(1, math.ceil(self.store.busy_timeout)))
        try:
            if operation.action in _READ_ACTIONS:
                result = await self._read(operation, params, partition)
            else:
                result = await self.store.write(self.api.name, work)
        except StoreBusy:
            raise HttpError(
                503,
                f"The database is busy; nothing was changed. Retry in {retry} s.",
                headers={"Retry-After": retry},
            ) from None
        except StoreUnavailable as exc:
            log.warning("sandbox database unavailable: %s", exc)
            raise HttpError(
                503,
                f"The database cannot be reached; nothing was changed. Retry in {retry} s.",
                headers={"Retry-After": retry},
            ) from None
        status = operation.success_status
        spec = operation.responses[status]
        if not spec.media_types:
            return Response(status_code=status)
        values = {"result": result, "activity": activity, "status": status}
        return self._encode(request, status, spec.media_types, spec.schemas, values, {})

    def _authorise(self, request: Request, operation: Operation) -> None:
        if not operation.security:
            return
        reasons: list[str] = []
        for requirement in operation.security:
            missing = [name for name in requirement if not self._credential_ok(request, name)]
            if not missing:
                return
            reasons.append(" and ".join(missing))
        raise HttpError(
            401,
            "Missing or invalid credentials: "
            + "; or ".join(f"{r} required" for r in reasons)
            + ".",
        )

    def _credential_ok(self, request: Request, name: str) -> bool:
        scheme = self.api.security_schemes.get(name)
        if scheme is None:
            return False
        expected = self.accepted[name]
        if scheme.type == "http":
            header = request.headers.get("authorization", "")
            word, _, token = header.partition(" ")
            wanted_word, _, wanted_token = expected.partition(" ")
            if not wanted_token:  # an http scheme whose value has no `<Scheme> ` prefix
                return header == expected
            return word.lower() == wanted_word.lower() and token.strip() == wanted_token
        if scheme.location == "header":
            value = request.headers.get(scheme.parameter)
        elif scheme.location == "query":
            value = request.query_params.get(scheme.parameter)
        else:
            value = request.cookies.get(scheme.parameter)
        return value is not None and value == expected

    def _parameters(
        self, request: Request, operation: Operation, path_values: dict[str, str]
    ) -> dict[tuple[str, str], Any]:
        try:
            raw_query = request.scope.get("query_string", b"").decode("latin-1")
            pairs = parse_qsl(raw_query, keep_blank_values=True, errors="strict")
        except (UnicodeDecodeError, ValueError):
            raise HttpError(400, "The query string is not valid UTF-8.") from None
        declared = {p.name for p in operation.parameters if p.location == "query"}
        query: dict[str, str] = {}
        problems: dict[str, list[str]] = {}
        for name, value in pairs:
            if name not in declared:
                problems.setdefault(name, []).append(f"unknown query parameter {name!r}")
            elif name in query:
                problems.setdefault(name, []).append(f"query parameter {name!r} is repeated")
            query[name] = value
        values: dict[tuple[str, str], Any] = {}
        for param in operation.parameters:
            if param.location == "path":
                raw: str | None = path_values.get(param.name)
            elif param.location == "query":
                raw = query.get(param.name)
            elif param.location == "header":
                raw = request.headers.get(param.name)
            else:
                raw = request.cookies.get(param.name)
            if raw is None:
                if param.required:
                    problems.setdefault(param.name, []).append(
                        f"the {param.location} parameter {param.name!r} is required"
                    )
                continue
            value = self._convert(param, raw)
            errors = list(self.api.schemas.check(value, param.pointer))
            for error in errors[:_MAX_PROBLEMS]:
                problems.setdefault(param.name, []).append(f"{param.name}: {error.message}")
            values[(param.location, param.name)] = value
        if problems:
            raise HttpError(400, "One or more parameters are not valid.", problems)
        return values

    @staticmethod
    def _convert(param: Parameter, raw: str) -> Any:
        declared = param.schema.get("type")
        types = [declared] if isinstance(declared, str) else list(declared or [])
        text = raw.strip()
        for kind in types:
            if kind == "integer":
                try:
                    return int(text)
                except ValueError:
                    try:
                        number = float(text)
                    except ValueError:
                        continue
                    if math.isfinite(number) and number.is_integer():
                        return int(number)
            elif kind == "number":
                try:
                    number = float(text)
                except ValueError:
                    continue
                if math.isfinite(number):
                    return int(number) if number.is_integer() and "." not in text else number
            elif kind == "boolean" and text in ("true", "false"):
                return text == "true"
            elif kind == "null" and text in ("", "null"):
                return None
        return raw

    async def _body(self, request: Request, operation: Operation) -> Any:
        if not operation.bodies:
            return None
        limit = self.api.max_body
        length = request.headers.get("content-length")
        if length is not None and length.strip().isdigit() and int(length) > limit:
            raise HttpError(413, f"The body is larger than the limit of {limit} bytes.")
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(self.body_timeout):
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > limit:
                        raise HttpError(413, f"The body is larger than the limit of {limit} bytes.")
                    chunks.append(chunk)
        except TimeoutError:
            raise HttpError(
                408,
                f"The body did not arrive within {self.body_timeout:g} s; nothing was changed.",
                headers={"Connection": "close"},
            ) from None
        data = b"".join(chunks)
        if not data:
            if operation.body_required:
                raise HttpError(400, "A request body is required.", {"model": ["required"]})
            return None
        content_type = request.headers.get("content-type")
        listed = ", ".join(b.media_type for b in operation.bodies)
        if not content_type:
            raise HttpError(415, f"The Content-Type header is required; use one of: {listed}.")
        base, params = _media_base(content_type)
        spec = next((b for b in operation.bodies if fnmatchcase(base, b.media_type)), None)
        if spec is None:
            raise HttpError(415, f"The media type {base!r} is not supported; use one of: {listed}.")
        charset = params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            raise HttpError(415, f"The charset {charset!r} is not supported; use utf-8.")
        value = self._decode(data, spec)
        bad = _invalid_text(value)
        if bad is not None:
            raise HttpError(
                400,
                "The body holds text that is not valid Unicode (a lone surrogate).",
                {"model": [f"invalid Unicode: {bad}"]},
            )
        if operation.action == "upsert":
            if not isinstance(value, list):
                raise HttpError(400, "The body must be an array.", {"model": ["must be an array"]})
            return value
        self._validate(value, spec.pointer, "The request body is not valid.")
        return value

    def _decode(self, data: bytes, spec: BodySpec) -> Any:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise HttpError(
                400, "The body is not valid UTF-8.", {"model": ["invalid UTF-8"]}
            ) from None
        if is_xml_media_type(spec.media_type):
            try:
                return decode(text, spec.schema, self.api.schemas.resolve)
            except XmlDecodeError as exc:
                raise HttpError(400, "The body is not valid XML.", {"model": [str(exc)]}) from None
        try:
            return json.loads(text, parse_constant=_reject_constant, parse_float=_parse_float)
        except (ValueError, RecursionError) as exc:
            message = str(exc).splitlines()[0][:200] if str(exc) else "malformed JSON"
            raise HttpError(400, "The body is not valid JSON.", {"model": [message]}) from None

    def _problems(self, value: Any, pointer: str) -> dict[str, list[str]]:
        problems: dict[str, list[str]] = {}
        errors = self.api.schemas.check(value, pointer)
        for count, error in enumerate(errors):
            if count >= _MAX_PROBLEMS:
                break
            problems.setdefault(_json_path(error.absolute_path), []).append(error.message[:300])
        return problems

    def _validate(self, value: Any, pointer: str, summary: str) -> None:
        problems = self._problems(value, pointer)
        if problems:
            raise HttpError(400, summary, problems)

    # ------------------------------------------------------------------ actions

    async def _read(
        self, operation: Operation, params: dict[tuple[str, str], Any], partition: str
    ) -> Any:
        """The answer of a list or a read: one query of the store."""
        resource = operation.resource
        assert resource is not None
        path = {m: params[("path", p)] for m, p in operation.path_members.items()}
        if operation.action == "read":
            key = self._key(resource, path)
            found = await self.store.get(self.api.name, resource.name, partition, key)
            return _found(resource, found, path)
        wanted = dict(path)
        for member, param in operation.query_members.items():
            if ("query", param) in params:
                wanted[member] = params[("query", param)]
        filters = {m: canonical(resource, m, v) for m, v in wanted.items()}
        limit = params.get(("query", operation.page_limit)) if operation.page_limit else None
        offset = params.get(("query", operation.page_offset), 0) if operation.page_offset else 0
        return await self.store.list(
            self.api.name,
            resource.name,
            partition,
            filters,
            limit=None if limit is None else max(0, int(limit)),
            offset=max(0, int(offset or 0)),
        )

    def _act(
        self,
        tx: Transaction,
        operation: Operation,
        params: dict[tuple[str, str], Any],
        body: Any,
        partition: str,
    ) -> Any:
        """The work of a write, in its transaction."""
        path = {m: params[("path", p)] for m, p in operation.path_members.items()}
        if operation.action == "store":
            name = operation.resource_name or operation.operation_id
            stored = {"path": {k[1]: v for k, v in params.items() if k[0] == "path"}, "body": body}
            tx.put(name, partition, str(tx.next_value(name)), stored)
            return body if operation.answer == "record" else operation.answer
        resource = operation.resource
        assert resource is not None
        if operation.action == "create":
            record = self._build(tx, operation, resource, body, path, None)
            key = self._key(resource, record)
            if tx.get(resource.name, partition, key) is not None:
                raise HttpError(409, f"A {resource.name} with this key already exists.")
            tx.put(resource.name, partition, key, record)
            return record
        if operation.action == "upsert":
            return [
                self._upsert_item(tx, operation, resource, item, path, partition) for item in body
            ]
        key = self._key(resource, path)
        existing = _found(resource, tx.get(resource.name, partition, key), path)
        if operation.action == "delete":
            tx.delete(resource.name, partition, key)
            return None
        record = self._build(tx, operation, resource, body, path, existing)
        tx.put(resource.name, partition, key, record)
        return record

    def _upsert_item(
        self,
        tx: Transaction,
        operation: Operation,
        resource: Resource,
        item: Any,
        path: dict[str, Any],
        partition: str,
    ) -> dict[str, Any]:
        given = {m: item[m] for m in resource.key if isinstance(item, dict) and m in item}
        ident = [
            {"key": m, "value": str(_normalise(v))}
            for m, v in {**given, **path}.items()
            if m in resource.key
        ] or None
        assert operation.items_pointer is not None
        problems = self._problems(item, operation.items_pointer)
        if problems:
            return {
                "id": ident,
                "status": 400,
                "body": _flatten("The item is not valid.", problems),
            }
        existing = None
        key = ""
        if not any(resource.assign.get(m) == "sequence" for m in resource.key) or given:
            key = self._key(resource, {**item, **path})
            existing = tx.get(resource.name, partition, key)
            if existing is not None and not _in_scope(resource, existing, path):
                existing = None
        try:
            record = self._build(tx, operation, resource, item, path, existing)
        except HttpError as error:
            return {
                "id": ident,
                "status": error.status,
                "body": _flatten(error.detail, error.problems),
            }
        key = self._key(resource, record)
        tx.put(resource.name, partition, key, record)
        ident = [{"key": m, "value": str(_normalise(record[m]))} for m in resource.key]
        if existing is None:
            return {"id": ident, "status": 201, "body": "Created"}
        return {"id": ident, "status": 200, "body": "Updated"}

    def _build(
        self,
        tx: Transaction,
        operation: Operation,
        resource: Resource,
        body: Any,
        path: dict[str, Any],
        existing: dict[str, Any] | None,
    ) -> dict[str, Any]:
        body = body if isinstance(body, dict) else {}
        if existing is not None and operation.update_mode == "merge":
            record = dict(existing)
            record.update({m: body[m] for m in operation.body_members if m in body})
        else:
            record = {m: body[m] for m in resource.members if m in body}
        if existing is None:
            for member, default in {**resource.defaults, **operation.body_defaults}.items():
                record.setdefault(member, default)
        record.update(path)
        now = datetime.now(UTC)
        for member, kind in resource.assign.items():
            if existing is not None and kind in ("sequence", "created") and member in existing:
                record[member] = existing[member]
            elif kind == "sequence":
                record[member] = tx.next_value(f"{resource.name}.{member}")
            else:
                stamp = now if resource.timestamp_format is None else now.astimezone()
                record[member] = stamp.strftime(resource.timestamp_format or _RFC3339)
        record = {m: record[m] for m in resource.members if m in record}
        self._validate(record, resource.pointer, f"The {resource.name} would not be valid.")
        return record

    @staticmethod
    def _key(resource: Resource, values: Mapping[str, Any]) -> str:
        parts = []
        for member in resource.key:
            value = _normalise(values.get(member))
            if member in resource.datetime_members:
                value = _canonical_datetime(value)
            parts.append(value)
        return json.dumps(parts, sort_keys=True)

    # ------------------------------------------------------------------ responses

    def _encode(
        self,
        request: Request,
        status: int,
        media_types: tuple[str, ...],
        schemas: Mapping[str, dict[str, Any]],
        values: dict[str, Any],
        headers: dict[str, str],
    ) -> Response:
        template = self.api.body_template if status < 400 else self.api.error_template
        content = render(template, values)
        media_type = _negotiate(
            request.headers.get("accept", ""), media_types or ("application/json",)
        )
        if is_xml_media_type(media_type):
            schema = schemas.get(media_type, {})
            text = encode(content, schema, self.api.schemas.resolve)
            data = text.encode("utf-8", "replace")
            return Response(data, status, headers, media_type=f"{media_type}; charset=utf-8")
        data = _json_bytes(content)
        return Response(data, status, headers, media_type=f"{media_type}; charset=utf-8")

    def _error(
        self, request: Request, operation: Operation | None, error: HttpError, activity: str
    ) -> Response:
        spec = operation.responses.get(error.status) if operation is not None else None
        media_types = spec.media_types if spec is not None else ()
        schemas = spec.schemas if spec is not None else {}
        media_types = tuple(m for m in media_types if not is_xml_media_type(m)) or media_types
        title = (
            HTTPStatus(error.status).phrase if error.status in HTTPStatus._value2member_map_ else ""
        )
        values = {
            "status": error.status,
            "title": title,
            "message": error.detail,
            "detail": _flatten(error.detail, error.problems),
            "modelState": error.problems or None,
            "instance": request.url.path,
            "activity": activity,
        }
        return self._encode(request, error.status, media_types, schemas, values, error.headers)


def _found(
    resource: Resource, record: dict[str, Any] | None, path: Mapping[str, Any]
) -> dict[str, Any]:
    """The record of an item operation's key; 404 when there is none under this path."""
    if record is None or not _in_scope(resource, record, path):
        raise HttpError(404, f"No {resource.name} has this key.")
    return record


def _in_scope(resource: Resource, record: Mapping[str, Any], path: Mapping[str, Any]) -> bool:
    """Whether every member bound to the path has the path's value in `record`."""
    for member, value in path.items():
        stored, wanted = _normalise(record.get(member)), _normalise(value)
        if member in resource.datetime_members:
            stored, wanted = _canonical_datetime(stored), _canonical_datetime(wanted)
        if stored != wanted:
            return False
    return True


def _flatten(detail: str, problems: Mapping[str, list[str]]) -> str:
    if not problems:
        return detail
    parts = [
        f"{where}: {msg}" if not msg.startswith(f"{where}:") else msg
        for where, messages in problems.items()
        for msg in messages
    ]
    return f"{detail} " + "; ".join(parts)


def _negotiate(accept: str, media_types: tuple[str, ...]) -> str:
    """The first documented media type the client names in Accept, else the first one."""
    wanted = [_media_base(item)[0] for item in accept.split(",") if item.strip()]
    for item in wanted:
        if item in media_types:
            return item
    return media_types[0]
