"""Transport shared by the sync and async clients: credentials, request building (JSON, XML,
forms, multipart, text and bytes), retries with backoff, response decoding (lenient by
default), request ids, the debug log and raw responses.

Nothing here is specific to one API; ``client.py`` describes each operation with the data
this module works on. ``httpx`` and ``pydantic`` are imported on first use, so importing the
package stays fast.
"""

from __future__ import annotations

import base64
import json
import logging
import math
import os
import random
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, Generic, TypedDict, TypeVar, Union
from urllib.parse import quote
from uuid import UUID

from .errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    status_error,
)

if TYPE_CHECKING:
    import httpx

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "LOG_VALUE",
    "Decode",
    "RawResponse",
    "RequestOptions",
    "Scheme",
    "Transport",
    "env_log",
    "present",
    "send",
    "send_async",
]

T = TypeVar("T")

DEFAULT_TIMEOUT = 60.0
"""Seconds a request may take (connect, read, write and pool), unless overridden."""
DEFAULT_MAX_RETRIES = 2
"""Retries after the first attempt of an idempotent request, unless overridden."""
RETRY_BASE = 0.5
"""Seconds of the first backoff step; each retry doubles it (full jitter)."""
RETRY_CAP = 8.0
"""Longest wait between two attempts, also for a server's ``Retry-After``."""
RETRY_STATUSES = frozenset({408, 429, 502, 503, 504})
RETRY_CONNECTION_ERRORS = True
"""Whether a failed connection or a timeout of an idempotent request is retried."""
RETRY_AFTER_HEADER = "retry-after"
"""The response header a server's own delay is read from (seconds or an HTTP date)."""
IDEMPOTENT_METHODS = frozenset({"DELETE", "GET", "HEAD", "OPTIONS", "PUT"})
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid")
"""Response headers read as a request id after the ones an operation declares."""
LOG_VALUE = "debug"
"""The value of the log environment variable that switches the debug log on."""
REDACTED_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
"""Headers the debug log never shows (lower case)."""
LENIENT = {"lenient": True}
"""The validation context of a lenient decode (see the models module)."""

XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"

Timeout = Union[float, "httpx.Timeout", None]


class RequestOptions(TypedDict, total=False):
    """Per-request overrides of the client's settings."""

    timeout: Timeout
    """Seconds (or an ``httpx.Timeout``); ``None`` waits forever."""
    max_retries: int
    """Retries after the first attempt (idempotent methods only); ``0`` disables them."""
    headers: Mapping[str, str]
    """Extra headers, sent after (and over) every other header."""


# ------------------------------------------------------------------ descriptions


@dataclass(frozen=True)
class Scheme:
    """How a security scheme puts credentials on a request."""

    location: str  # header, query or cookie
    name: str  # the header, query parameter or cookie
    pieces: tuple[tuple[str, bool], ...]  # (literal text or credential name, is credential)
    credentials: tuple[str, ...]
    basic: bool = False  # http basic: the filled ``user:password`` is base64-encoded

    def value(self, credentials: Mapping[str, str | None]) -> str:
        filled = "".join(credentials[t] or "" if is_name else t for t, is_name in self.pieces)
        if self.basic:
            return "Basic " + base64.b64encode(filled.encode("utf-8")).decode("ascii")
        return filled


@dataclass(frozen=True)
class XmlScalar:
    kind: str  # string, integer, number, boolean or any


@dataclass(frozen=True)
class XmlRef:
    name: str  # an XmlObject of the registry


@dataclass(frozen=True)
class XmlArray:
    items: XmlNode
    item_name: str
    wrapped: bool


XmlNode = XmlScalar | XmlRef | XmlArray


@dataclass(frozen=True)
class XmlMember:
    key: str  # JSON (wire) name
    element: str  # XML element or attribute name
    node: XmlNode
    attribute: bool = False
    namespace: str | None = None


@dataclass(frozen=True)
class XmlObject:
    members: tuple[XmlMember, ...]  # in the order they are written


@dataclass(frozen=True)
class XmlDocument:
    """A root element: its name and namespace, its content, and the objects it may hold."""

    element: str
    namespace: str | None
    node: XmlNode
    objects: Mapping[str, XmlObject]


@dataclass(frozen=True)
class Decode:
    """How to read the body of one response status.

    ``type`` is what the body (or, for an envelope, its ``data`` member) is validated as;
    ``data_nullable``: a ``null`` or missing ``data`` member is ``None`` (otherwise it is an
    invalid answer in strict mode, and ``None`` in lenient mode); ``problem`` names the
    envelope member that holds the problem details of a failed call, validated as
    ``problem_type``; ``request_id`` is the path to a request id in the body; ``codecs``
    tells how each documented media type is read.
    """

    type: Any
    data: str | None = None
    data_nullable: bool = True
    problem: str | None = None
    problem_type: Any = None
    xml: XmlDocument | None = None
    codecs: Mapping[str, str] = field(default_factory=dict)
    request_id: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Operation:
    """What the transport needs to know about one operation."""

    method: str
    path: str
    security: tuple[tuple[str, ...], ...]
    responses: Mapping[str, Decode | None]  # status, "4XX" or "default" -> how to read it
    accept: Mapping[str, str] = field(default_factory=dict)  # content type -> Accept
    body_codecs: Mapping[str, str] = field(default_factory=dict)  # content type -> codec
    request_id_headers: tuple[str, ...] = ()
    xml_body: XmlDocument | None = None


# ------------------------------------------------------------------ raw responses


class RawResponse(Generic[T]):
    """A response as received, with the value the method would have returned."""

    def __init__(
        self, http_response: httpx.Response, parsed: T, retries: int, request_id: str | None
    ) -> None:
        self.http_response = http_response
        self.parsed = parsed
        self.retries_taken = retries
        self.request_id = request_id
        """The answer's request id (a response header, else the envelope's), or None."""

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def content(self) -> bytes:
        return self.http_response.content

    def json(self) -> Any:
        """The body as JSON (the whole envelope, when the API wraps its answers)."""
        return json.loads(self.http_response.content)

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] {self.parsed!r}>"


# ------------------------------------------------------------------ encoding


def to_wire(value: Any) -> Any:
    """A model, mapping or sequence as its JSON value with the spec's wire names."""
    if hasattr(value, "model_dump") and hasattr(value, "model_fields_set"):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): to_wire(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_wire(v) for v in value]
    if isinstance(value, Enum):
        return to_wire(value.value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value


def _text(value: Any) -> str:
    value = to_wire(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def _media_base(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def is_json(content_type: str) -> bool:
    base = _media_base(content_type)
    return base in ("application/json", "text/json") or base.endswith("+json")


def is_xml(content_type: str) -> bool:
    base = _media_base(content_type)
    return base in ("application/xml", "text/xml") or base.endswith("+xml")


def xml_encode(value: Any, document: XmlDocument) -> bytes:
    """``value`` (JSON form) as XML the way .NET's DataContractSerializer writes it."""
    attributes = []
    if document.namespace:
        attributes.append(("xmlns", document.namespace))
    if not isinstance(document.node, XmlScalar) or value is None:
        attributes.append(("xmlns:i", XSI_NAMESPACE))
    text = _xml_element(document.element, value, document.node, document.objects, attributes)
    return text.encode("utf-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _start(name: str, attributes: Sequence[tuple[str, str]]) -> str:
    quoted = (_escape(v).replace('"', "&quot;") for _, v in attributes)
    return "<" + name + "".join(f' {k}="{q}"' for (k, _), q in zip(attributes, quoted, strict=True))


def _xml_element(
    name: str,
    value: Any,
    node: XmlNode,
    objects: Mapping[str, XmlObject],
    attributes: Sequence[tuple[str, str]],
) -> str:
    if value is None:
        return _start(name, [*attributes, ("i:nil", "true")]) + "/>"
    attributes = list(attributes)
    if isinstance(node, XmlRef) and isinstance(value, Mapping):
        body = ""
        for member in objects[node.name].members:
            if member.key not in value:
                continue
            item = value[member.key]
            if member.attribute:
                if item is not None:
                    attributes.append((member.element, _text(item)))
                continue
            if isinstance(member.node, XmlArray) and not member.node.wrapped and item is not None:
                items = member.node
                body += "".join(
                    _xml_element(items.item_name, v, items.items, objects, []) for v in item
                )
                continue
            extra = [("xmlns", member.namespace)] if member.namespace else []
            body += _xml_element(member.element, item, member.node, objects, extra)
    elif isinstance(node, XmlArray) and isinstance(value, (list, tuple)):
        body = "".join(_xml_element(node.item_name, v, node.items, objects, []) for v in value)
    else:
        body = _escape(_text(value))
    if not body:
        return _start(name, attributes) + "/>"
    return f"{_start(name, attributes)}>{body}</{name}>"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def xml_decode(content: bytes, document: XmlDocument) -> Any:
    """The JSON value of an XML body (document type declarations are refused)."""
    from xml.etree import ElementTree

    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise ValueError("XML with a document type declaration is not accepted")
    root = ElementTree.fromstring(content)
    if _local(root.tag) != document.element:
        raise ValueError(f"root element is <{_local(root.tag)}>, expected <{document.element}>")
    return _xml_value(root, document.node, document.objects)


def _xml_value(element: Any, node: XmlNode, objects: Mapping[str, XmlObject]) -> Any:
    if element.get(f"{{{XSI_NAMESPACE}}}nil") == "true":
        return None
    if isinstance(node, XmlRef):
        children: dict[str, list[Any]] = {}
        for child in element:
            children.setdefault(_local(child.tag), []).append(child)
        result: dict[str, Any] = {}
        for member in objects[node.name].members:
            if member.attribute:
                raw = element.get(member.element)
                if raw is not None and isinstance(member.node, XmlScalar):
                    result[member.key] = _scalar(raw, member.node.kind)
            elif isinstance(member.node, XmlArray) and not member.node.wrapped:
                found = children.get(member.node.item_name, [])
                if found:
                    items = member.node.items
                    result[member.key] = [_xml_value(c, items, objects) for c in found]
            elif member.element in children:
                result[member.key] = _xml_value(children[member.element][0], member.node, objects)
        return result
    if isinstance(node, XmlArray):
        return [
            _xml_value(c, node.items, objects) for c in element if _local(c.tag) == node.item_name
        ]
    return _scalar(element.text or "", node.kind)


def _scalar(text: str, kind: str) -> Any:
    stripped = text.strip()
    if kind == "integer":
        return int(stripped)
    if kind == "number":
        number = float(stripped)
        return int(stripped) if stripped.lstrip("+-").isdigit() else number
    if kind == "boolean":
        return stripped == "true"
    return text


# ------------------------------------------------------------------ decoding


@cache
def _adapter(kind: Any) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(kind)


def _codec(content_type: str, codecs: Mapping[str, str]) -> str:
    base = _media_base(content_type)
    if base in codecs:
        return codecs[base]
    if is_json(content_type) or not content_type:
        return "json"
    if is_xml(content_type):
        return "xml"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base.startswith("multipart/"):
        return "multipart"
    if base.startswith("text/"):
        return "text"
    return "binary"


def _body_value(response: httpx.Response, spec: Decode | None) -> Any:
    """The body as a JSON value (JSON or XML), text or bytes, as its media type says."""
    content_type = response.headers.get("content-type", "")
    codec = _codec(content_type, spec.codecs if spec else {})
    if codec == "xml" and spec is not None and spec.xml is not None:
        return xml_decode(response.content, spec.xml)
    if codec == "json":
        return json.loads(response.content)
    if codec == "text":
        return response.text
    return response.content


def _lookup(responses: Mapping[str, Decode | None], status: int) -> Decode | None:
    for key in (str(status), f"{str(status)[0]}XX", "default"):
        if key in responses:
            return responses[key]
    return None


def _pointer(value: Any, path: tuple[str, ...] | None) -> str | None:
    for token in path or ():
        if not isinstance(value, dict):
            return None
        value = value.get(token)
    if isinstance(value, str) and value:
        return value
    return None


def request_id(
    response: httpx.Response, operation: Operation, spec: Decode | None, value: Any
) -> str | None:
    """The answer's request id: a header the operation declares or a common one, else the
    member of the body the envelope names."""
    for name in (*operation.request_id_headers, *REQUEST_ID_HEADERS):
        found = response.headers.get(name)
        if isinstance(found, str) and found:
            return found
    return _pointer(value, spec.request_id if spec else None)


def _validate(kind: Any, value: Any, strict: bool) -> Any:
    if kind is bytes or kind is str:
        return value
    return _adapter(kind).validate_python(value, context=None if strict else LENIENT)


def parse_success(
    response: httpx.Response, operation: Operation, strict: bool
) -> tuple[Any, str | None]:
    """(The value a method returns, the request id) of a success answer."""
    spec = _lookup(operation.responses, response.status_code)
    if spec is None or not response.content:
        return None, request_id(response, operation, spec, None)
    try:
        codec = _codec(response.headers.get("content-type", ""), spec.codecs)
        if codec == "json" and spec.data is None and spec.type not in (bytes, str):
            # the whole body, decoded and validated in one pass by pydantic-core
            adapter = _adapter(spec.type)
            parsed = adapter.validate_json(response.content, context=None if strict else LENIENT)
            return parsed, request_id(response, operation, spec, None)
        value = _body_value(response, spec)
        found = request_id(response, operation, spec, value)
        if spec.data is not None:
            data = value.get(spec.data) if isinstance(value, dict) else None
            if data is None:
                if strict and not spec.data_nullable:
                    raise ValueError(f"the answer's {spec.data!r} member is missing or null")
                return None, found
            value = data
        return _validate(spec.type, value, strict), found
    except ValueError as exc:  # includes JSON, XML and pydantic validation errors
        raise APIResponseValidationError(response, str(exc)) from exc


def status_exception(response: httpx.Response, operation: Operation) -> APIStatusError:
    """The typed exception of an error response, with its body parsed when documented."""
    spec = _lookup(operation.responses, response.status_code)
    problem: Any = None
    try:
        raw = _body_value(response, spec) if response.content else None
    except ValueError:
        raw = response.text
    body = raw
    if spec is not None and raw is not None:
        try:
            body = _validate(spec.type, raw, False)
        except ValueError:
            body = raw
        if spec.problem is not None and isinstance(raw, dict):
            found = raw.get(spec.problem)
            try:
                problem = _validate(spec.problem_type, found, False)
            except ValueError:
                problem = found
    return status_error(response, body, problem, request_id(response, operation, spec, raw))


# ------------------------------------------------------------------ retries


def _retry_after(response: httpx.Response | None) -> float | None:
    if response is None:
        return None
    value = response.headers.get(RETRY_AFTER_HEADER)
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        import email.utils

        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        seconds = when.timestamp() - time.time()
    if math.isnan(seconds):
        return None
    return min(max(seconds, 0.0), RETRY_CAP)


def backoff(attempt: int, response: httpx.Response | None) -> float:
    """Seconds to wait before retry ``attempt`` (0-based): ``Retry-After`` or full jitter."""
    told = _retry_after(response)
    if told is not None:
        return told
    return random.uniform(0.0, min(RETRY_CAP, RETRY_BASE * 2.0**attempt))


# ------------------------------------------------------------------ transport


def present(values: Mapping[str, str | None]) -> dict[str, str]:
    """``values`` without the members that are ``None``."""
    return {k: v for k, v in values.items() if v is not None}


class Transport:
    """Everything a request needs that is configured once on the client."""

    def __init__(
        self,
        *,
        base_url: str,
        credentials: Mapping[str, str | None],
        schemes: Mapping[str, Scheme],
        headers: Mapping[str, str],
        timeout: Timeout,
        max_retries: int,
        strict_responses: bool,
        log: bool,
        logger: str,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.credentials = dict(credentials)
        self.schemes = dict(schemes)
        self.headers = dict(headers)
        self.timeout = timeout
        self.max_retries = max_retries
        self.strict_responses = strict_responses
        self.logger = logging.getLogger(logger)
        self.log = log
        if log and not self.logger.handlers and not logging.getLogger().handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
            self.logger.addHandler(handler)
        if log and self.logger.getEffectiveLevel() > logging.DEBUG:
            self.logger.setLevel(logging.DEBUG)
        self.secret_headers = REDACTED_HEADERS
        # credential values found elsewhere (a query parameter): too short a value would
        # blank out unrelated text, and is redacted only where it is a header
        self.secret_values = frozenset(v for v in self.credentials.values() if v and len(v) > 3)

    def build(
        self,
        operation: Operation,
        *,
        path: Mapping[str, Any],
        query: Mapping[str, Any],
        headers: Mapping[str, Any],
        cookies: Mapping[str, Any],
        body: Any,
        has_body: bool,
        content_type: str | None,
        options: RequestOptions | None,
    ) -> httpx.Request:
        import httpx

        url = operation.path
        for name, value in path.items():
            url = url.replace("{" + name + "}", quote(_text(value), safe=""))
        params: list[tuple[str, str | int | float | bool | None]] = []
        for name, value in query.items():
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                params.extend((name, _text(v)) for v in value)
            else:
                params.append((name, _text(value)))
        sent: dict[str, str] = dict(self.headers)
        jar: dict[str, str] = {k: _text(v) for k, v in cookies.items() if v is not None}
        self._authorize(operation.security, sent, params, jar)
        sent.update({name: _text(v) for name, v in headers.items() if v is not None})
        content: bytes | None = None
        data: dict[str, Any] | None = None
        files: dict[str, Any] | None = None
        if has_body:
            media = content_type or "application/json"
            codec = _codec(media, operation.body_codecs)
            if codec == "binary":
                content = body if isinstance(body, bytes) else bytes(body)
                sent["Content-Type"] = media
            elif codec == "text":
                content = str(body).encode("utf-8")
                sent["Content-Type"] = media
            elif codec == "form":
                wire = to_wire(body)
                data = {k: _form_value(v) for k, v in dict(wire).items() if v is not None}
            elif codec == "multipart":
                wire = body if isinstance(body, Mapping) else _dump(body)
                data, files = {}, {}
                for key, value in dict(wire).items():
                    if isinstance(value, (bytes, bytearray)):
                        files[key] = (key, bytes(value))
                    elif value is not None:
                        data[key] = _form_value(to_wire(value))
            else:
                sent["Content-Type"] = media
                wire = to_wire(body)
                if codec == "xml" and operation.xml_body is not None:
                    content = xml_encode(wire, operation.xml_body)
                else:
                    content = json.dumps(wire, separators=(",", ":")).encode("utf-8")
        accept = operation.accept.get(content_type or "", operation.accept.get("", ""))
        if accept:
            sent["Accept"] = accept
        if jar:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
        if options and "headers" in options:
            sent.update(options["headers"])
        return httpx.Request(
            operation.method,
            self.base_url + url,
            params=params,
            headers={k: v for k, v in sent.items() if v},
            content=content,
            data=data,
            files=files or None,
        )

    def _authorize(
        self,
        security: tuple[tuple[str, ...], ...],
        headers: dict[str, str],
        params: list[tuple[str, str | int | float | bool | None]],
        cookies: dict[str, str],
    ) -> None:
        """Apply the first requirement whose credentials are all configured."""
        for requirement in security:
            schemes = [self.schemes[name] for name in requirement if name in self.schemes]
            if len(schemes) != len(requirement):
                continue
            if not all(self.credentials.get(c) for s in schemes for c in s.credentials):
                continue
            for scheme in schemes:
                value = scheme.value(self.credentials)
                if scheme.location == "query":
                    params.append((scheme.name, value))
                elif scheme.location == "cookie":
                    cookies[scheme.name] = value
                else:
                    headers[scheme.name] = value
            return

    def timeout_of(self, options: RequestOptions | None) -> Any:
        import httpx

        timeout = options["timeout"] if options and "timeout" in options else self.timeout
        return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)

    def retries_of(self, operation: Operation, options: RequestOptions | None) -> int:
        if operation.method not in IDEMPOTENT_METHODS:
            return 0
        if options and "max_retries" in options:
            return max(0, options["max_retries"])
        return self.max_retries

    # the debug log -------------------------------------------------------------

    def _redact(self, text: str) -> str:
        for secret in self.secret_values:
            text = text.replace(secret, "[redacted]")
        return text

    def log_request(self, request: httpx.Request, attempt: int) -> None:
        if not self.log:
            return
        headers = {
            k: "[redacted]" if k.lower() in self.secret_headers else self._redact(v)
            for k, v in request.headers.items()
        }
        self.logger.debug(
            "request %s %s%s headers=%s",
            request.method,
            self._redact(str(request.url)),
            f" (retry {attempt})" if attempt else "",
            headers,
        )

    def log_response(self, response: httpx.Response, elapsed: float) -> None:
        if not self.log:
            return
        self.logger.debug(
            "answer %s %s: %s in %.0f ms (%d bytes)",
            response.request.method,
            self._redact(str(response.request.url)),
            response.status_code,
            elapsed * 1000,
            len(response.content),
        )

    def log_failure(self, request: httpx.Request, error: Exception) -> None:
        if self.log:
            self.logger.debug(
                "no answer %s %s: %s", request.method, self._redact(str(request.url)), error
            )


def _dump(value: Any) -> Mapping[str, Any]:
    if hasattr(value, "model_dump") and hasattr(value, "model_fields_set"):
        dumped: Mapping[str, Any] = value.model_dump(by_alias=True, exclude_unset=True)
        return dumped
    return dict(value)


def _form_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_text(v) for v in value]
    if isinstance(value, (dict, Mapping)):
        return json.dumps(value, separators=(",", ":"))
    return _text(value)


def env_log(variable: str) -> bool:
    """Whether the debug log is switched on by the environment (``<API>_LOG=debug``)."""
    return os.environ.get(variable, "").strip().lower() == LOG_VALUE


def send(
    client: httpx.Client,
    transport: Transport,
    operation: Operation,
    request: httpx.Request,
    options: RequestOptions | None,
) -> RawResponse[Any]:
    """Send with retries; the raw response of a success, or the typed error."""
    import httpx

    retries = transport.retries_of(operation, options)
    timeout = transport.timeout_of(options)
    request.extensions["timeout"] = timeout.as_dict()
    attempt = 0
    while True:
        transport.log_request(request, attempt)
        started = time.perf_counter()
        try:
            response = client.send(request)
        except httpx.TimeoutException as exc:
            transport.log_failure(request, exc)
            if RETRY_CONNECTION_ERRORS and attempt < retries:
                time.sleep(backoff(attempt, None))
                attempt += 1
                continue
            raise APITimeoutError(request) from exc
        except httpx.TransportError as exc:
            transport.log_failure(request, exc)
            if RETRY_CONNECTION_ERRORS and attempt < retries:
                time.sleep(backoff(attempt, None))
                attempt += 1
                continue
            raise APIConnectionError(request, str(exc) or type(exc).__name__) from exc
        transport.log_response(response, time.perf_counter() - started)
        if response.status_code in RETRY_STATUSES and attempt < retries:
            response.close()
            time.sleep(backoff(attempt, response))
            attempt += 1
            continue
        return _finish(response, transport, operation, attempt)


async def send_async(
    client: httpx.AsyncClient,
    transport: Transport,
    operation: Operation,
    request: httpx.Request,
    options: RequestOptions | None,
) -> RawResponse[Any]:
    """The async twin of :func:`send`."""
    import asyncio

    import httpx

    retries = transport.retries_of(operation, options)
    timeout = transport.timeout_of(options)
    request.extensions["timeout"] = timeout.as_dict()
    attempt = 0
    while True:
        transport.log_request(request, attempt)
        started = time.perf_counter()
        try:
            response = await client.send(request)
            await response.aread()
        except httpx.TimeoutException as exc:
            transport.log_failure(request, exc)
            if RETRY_CONNECTION_ERRORS and attempt < retries:
                await asyncio.sleep(backoff(attempt, None))
                attempt += 1
                continue
            raise APITimeoutError(request) from exc
        except httpx.TransportError as exc:
            transport.log_failure(request, exc)
            if RETRY_CONNECTION_ERRORS and attempt < retries:
                await asyncio.sleep(backoff(attempt, None))
                attempt += 1
                continue
            raise APIConnectionError(request, str(exc) or type(exc).__name__) from exc
        transport.log_response(response, time.perf_counter() - started)
        if response.status_code in RETRY_STATUSES and attempt < retries:
            await response.aclose()
            await asyncio.sleep(backoff(attempt, response))
            attempt += 1
            continue
        return _finish(response, transport, operation, attempt)


def _finish(
    response: httpx.Response, transport: Transport, operation: Operation, retries: int
) -> RawResponse[Any]:
    if response.is_success:
        parsed, found = parse_success(response, operation, transport.strict_responses)
        return RawResponse(response, parsed, retries, found)
    raise status_exception(response, operation)
