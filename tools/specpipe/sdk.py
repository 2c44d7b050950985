"""What the generated SDKs do, decided once for all three languages.

The Python, TypeScript and Go generators render these decisions; none of them makes one of
its own. Each language spells a name its own way (``status_code``, ``status``,
``StatusCode``), through the tables here, never through a choice in a generator or a
template.

* **Transport**: the default timeout, the retry policy (statuses, idempotent methods,
  attempts, full-jitter backoff bounds, the header a server's delay is read from).
* **Envelopes** (``x-envelope`` on a response schema): which member holds the answer of a
  success, which the problem of a failure, and where a request id sits in the body; what a
  ``null`` or missing answer member means.
* **Errors**: the fields every API error carries, and the error class of each status.
* **Request ids**: the response headers read as a request id, in order.
* **Debug log**: the headers it never shows (:func:`redacted_headers`).
* **Settings from the environment**: credentials (``<API>_<CREDENTIAL>``, from
  :mod:`specpipe.credentials`), the base URL and the debug log (``<API>_LOG=debug``).
* **Decoding**: responses are decoded leniently by default (an unknown enum value or an
  extra member is kept, not refused); a client option asks for strict validation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from specpipe import ir
from specpipe.ir import Kind, SchemaKind
from specpipe.loader import split_pointer
from specpipe.naming import python as py

__all__ = [
    "DEBUG_LOG_VALUE",
    "DEFAULT_TIMEOUT_SECONDS",
    "ERROR_CLASSES",
    "ERROR_FIELDS",
    "REDACTED_HEADERS",
    "REQUEST_ID_HEADERS",
    "RETRY",
    "Envelope",
    "ErrorField",
    "Retry",
    "envelope",
    "environment",
    "error_class",
    "redacted_headers",
    "request_id_headers",
]

DEFAULT_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class Retry:
    """When a request is sent again, and how long a client waits before it does."""

    statuses: tuple[int, ...]  # answers worth another attempt
    methods: frozenset[str]  # only these methods are retried (their effect is idempotent)
    max_retries: int  # attempts after the first
    base_delay_seconds: float  # bound of the first delay; each retry doubles it (full jitter)
    max_delay_seconds: float  # bound of any delay, Retry-After included
    connection_errors: bool  # whether a failed connection or a timeout is retried
    after_header: str  # the answer's own delay (seconds or an HTTP date), lower case


RETRY = Retry(
    statuses=(408, 429, 502, 503, 504),
    methods=ir.IDEMPOTENT_METHODS,
    max_retries=2,
    base_delay_seconds=0.5,
    max_delay_seconds=8.0,
    connection_errors=True,
    after_header="retry-after",
)


@dataclass(frozen=True)
class ErrorField:
    """One field of every API error, with its name in each language."""

    meaning: str
    python: str
    typescript: str
    go: str


ERROR_FIELDS = (
    ErrorField("HTTP status of the answer", "status_code", "status", "StatusCode"),
    ErrorField("response headers", "headers", "headers", "Header"),
    ErrorField("the body as received (bytes)", "raw_body", "rawBody", "RawBody"),
    ErrorField("the body decoded as JSON or XML, or null", "body", "body", "Body"),
    ErrorField(
        "the problem, decoded as the spec types it, or null", "problem", "problem", "Problem"
    ),
    ErrorField("the answer's request id, or null", "request_id", "requestId", "RequestID"),
)

# The error class of each status (by the first matching entry); any other status of 400 or
# more is the base status error.
ERROR_CLASSES: tuple[tuple[str, str], ...] = (
    ("400", "BadRequestError"),
    ("401", "AuthenticationError"),
    ("403", "PermissionDeniedError"),
    ("404", "NotFoundError"),
    ("409", "ConflictError"),
    ("422", "UnprocessableEntityError"),
    ("429", "RateLimitError"),
    ("5XX", "InternalServerError"),
)

# Common request-id headers, read after the ones the operation's responses declare.
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid")

DEBUG_LOG_VALUE = "debug"  # <API>_LOG=debug switches the debug log on

# Headers the debug log never shows (lower case), besides those of the API's apiKey schemes.
REDACTED_HEADERS = ("authorization", "proxy-authorization", "cookie", "set-cookie")


@dataclass(frozen=True)
class Envelope:
    """An ``x-envelope`` response schema: the members a client reads.

    ``data`` holds the answer of a success; a client returns that member instead of the
    whole body. When ``data_nullable`` (the member is optional or admits null), a ``null`` or
    missing member is the language's null (``None``, ``null``, ``nil``); otherwise it is a
    decode error (the answer does not match the spec) in strict mode, and the language's
    null in lenient mode. ``error`` holds the problem of a failure, decoded into the error's
    ``problem``. ``request_id`` is the path (tokens of a JSON pointer) to a request id in the
    body, used when no response header carries one.
    """

    schema: str
    data: ir.Property | None
    error: ir.Property | None
    request_id: tuple[str, ...] | None

    @property
    def data_nullable(self) -> bool:
        return self.data is not None and (not self.data.required or self.data.type.nullable)


def envelope(api: ir.Api, kind: ir.Type | None) -> Envelope | None:
    """The envelope a response of type ``kind`` is, if its schema declares ``x-envelope``.

    ``x-envelope`` is a mapping: ``data`` and ``error`` name members of the schema, and
    ``request-id`` is a JSON pointer into the body (``/debug/activityID``).
    """
    if kind is None or kind.kind is not Kind.REF or kind.ref is None:
        return None
    schema = api.schema(kind.ref)
    marker = schema.extensions.get("x-envelope")
    if schema.kind is not SchemaKind.OBJECT or not isinstance(marker, Mapping):
        return None

    def member(key: str) -> ir.Property | None:
        wire = marker.get(key)
        if not isinstance(wire, str):
            return None
        found = next((p for p in schema.properties if p.wire_name == wire), None)
        if found is None:
            raise ir.IRError(
                f"{schema.pointer}/x-envelope: {key} names {wire!r}, which is not a member"
            )
        return found

    pointer = marker.get("request-id")
    path = tuple(split_pointer(pointer)) if isinstance(pointer, str) and pointer else None
    return Envelope(schema.name, member("data"), member("error"), path)


def request_id_headers(operation: ir.Operation) -> tuple[str, ...]:
    """Lower-case names of the response headers read as a request id, in order: those the
    operation's responses declare whose name says request or correlation id, then the
    common ones."""
    declared: list[str] = []
    for response in operation.responses:
        for header in response.headers:
            name = header.wire_name.lower()
            if ("request" in name or "correlation" in name) and "id" in name:
                declared.append(name)
    return tuple(dict.fromkeys([*declared, *REQUEST_ID_HEADERS]))


def redacted_headers(api: ir.Api) -> tuple[str, ...]:
    """Lower-case names of the headers the debug log shows redacted: the common ones, then
    the header of every apiKey scheme an operation uses."""
    used = {name for op in api.operations for requirement in op.security for name in requirement}
    schemes = [
        (s.parameter_name or s.name).lower()
        for s in api.security_schemes
        if s.name in used and s.type == "apiKey" and (s.location or "header") == "header"
    ]
    return tuple(dict.fromkeys([*REDACTED_HEADERS, *schemes]))


def environment(api: ir.Api, setting: str) -> str:
    """The environment variable of a client setting (``base url``, ``log``): ``<API>_<SETTING>``.

    Credentials use the same rule (:mod:`specpipe.credentials`)."""
    return py.environment_variable(api.name, setting)


def error_class(status: str) -> str | None:
    """The error class of a documented status (``404``, ``4XX``), or None for the base one."""
    for pattern, name in ERROR_CLASSES:
        if status == pattern or (pattern.endswith("XX") and status[:1] == pattern[:1]):
            return name
    return None
