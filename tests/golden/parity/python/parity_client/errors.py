"""The exceptions every call may raise.

``APIError`` is the base of all of them: ``APIConnectionError`` (and its
``APITimeoutError``) when no answer came, ``APIStatusError`` (and a subclass per status) when
the server answered with an error status, ``APIResponseValidationError`` when an answer does
not match the spec.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
]


class APIError(Exception):
    """Base of every error of this client."""

    def __init__(self, message: str, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """No answer: the connection failed or broke (after every retry)."""

    def __init__(self, request: httpx.Request, message: str = "Connection error.") -> None:
        super().__init__(message, request)


class APITimeoutError(APIConnectionError):
    """No answer within the timeout (after every retry)."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(request, "Request timed out.")


class APIResponseValidationError(APIError):
    """An answer whose body does not match the spec."""

    def __init__(self, response: httpx.Response, detail: str) -> None:
        super().__init__(f"invalid answer ({response.status_code}): {detail}", response.request)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The server answered with an error status.

    ``status_code``: HTTP status of the answer.
    ``headers``: response headers.
    ``raw_body``: the body as received (bytes).
    ``body``: the body decoded as JSON or XML, or null.
    ``problem``: the problem, decoded as the spec types it, or null.
    ``request_id``: the answer's request id, or null.

    ``body`` is the error body parsed as the spec documents it for this status (a model, or
    the JSON value or text when it is not documented or does not match); ``problem`` is the
    problem details the body carries when the API wraps its answers in an envelope.
    """

    def __init__(
        self,
        message: str,
        response: httpx.Response,
        body: Any,
        problem: Any,
        request_id: str | None,
    ) -> None:
        super().__init__(message, response.request)
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.raw_body = response.content
        self.body = body
        self.problem = problem
        self.request_id = request_id


class BadRequestError(APIStatusError):
    """Status "400"."""


class AuthenticationError(APIStatusError):
    """Status "401"."""


class PermissionDeniedError(APIStatusError):
    """Status "403"."""


class NotFoundError(APIStatusError):
    """Status "404"."""


class ConflictError(APIStatusError):
    """Status "409"."""


class UnprocessableEntityError(APIStatusError):
    """Status "422"."""


class RateLimitError(APIStatusError):
    """Status "429"."""


class InternalServerError(APIStatusError):
    """Status "5XX"."""


_BY_STATUS: tuple[tuple[str, type[APIStatusError]], ...] = (
    ("400", BadRequestError),
    ("401", AuthenticationError),
    ("403", PermissionDeniedError),
    ("404", NotFoundError),
    ("409", ConflictError),
    ("422", UnprocessableEntityError),
    ("429", RateLimitError),
    ("5XX", InternalServerError),
)


def _detail(body: Any, problem: Any) -> str:
    for source in (problem, body):
        for member in ("detail", "title", "message"):
            value = getattr(source, member, None)
            if value is None and isinstance(source, dict):
                value = source.get(member)
            if isinstance(value, str) and value:
                return value
        if isinstance(source, str) and source:
            return source[:200]
    return ""


def status_error(
    response: httpx.Response, body: Any, problem: Any, request_id: str | None
) -> APIStatusError:
    """The exception class of ``response``'s status, carrying its parsed body."""
    status = str(response.status_code)
    kind = next(
        (
            cls
            for pattern, cls in _BY_STATUS
            if pattern == status or (pattern.endswith("XX") and pattern[0] == status[0])
        ),
        APIStatusError,
    )
    detail = _detail(body, problem)
    message = f"{status} {response.reason_phrase}" + (f": {detail}" if detail else "")
    if request_id:
        message += f" (request id {request_id})"
    return kind(message, response, body, problem, request_id)
