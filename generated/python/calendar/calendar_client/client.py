"""Sync and async clients of the Patient appointment booking API (spec version 2)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, Self

from ._base import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    Decode,
    Operation,
    RawResponse,
    RequestOptions,
    Scheme,
    Timeout,
    Transport,
    env_log,
    present,
    send,
    send_async,
)

if TYPE_CHECKING:
    from types import TracebackType

    import httpx

    from . import models

__all__ = [
    "DEFAULT_BASE_URL",
    "AsyncClient",
    "AsyncClientWithRawResponse",
    "Client",
    "ClientWithRawResponse",
    "RawResponse",
    "RequestOptions",
]

DEFAULT_BASE_URL = "https://localhost"
"""The first server of the spec; override with ``base_url=`` or the environment variable
``CALENDAR_BASE_URL``."""
USER_AGENT = "calendar-client/0.1.0 (python; httpx)"

_SCHEMES: dict[str, Scheme] = {}


@cache
def _operations() -> dict[str, Operation]:
    """What the transport needs per operation (types are imported on first use)."""
    from . import models

    return {
        "patient_appointment_post_v2": Operation(
            "POST",
            "/api/Calendar/PatientAppointmentPost_v2",
            (),
            {
                "200": Decode(Any),
                "400": Decode(models.AspNetError),
                "408": Decode(models.AspNetError),
                "413": Decode(models.AspNetError),
                "415": Decode(models.AspNetError),
                "431": Decode(models.AspNetError),
                "503": Decode(models.AspNetError),
            },
            accept={"": "application/json, text/json"},
        ),
    }


class _ClientBase:
    def __init__(
        self,
        *,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        strict_responses: bool = False,
        log: bool | None = None,
    ) -> None:
        import os

        self._transport = Transport(
            base_url=base_url or os.environ.get("CALENDAR_BASE_URL") or DEFAULT_BASE_URL,
            credentials={},
            schemes=_SCHEMES,
            headers=present(
                {
                    "User-Agent": USER_AGENT,
                    **(headers or {}),
                }
            ),
            timeout=timeout,
            max_retries=max_retries,
            strict_responses=strict_responses,
            log=env_log("CALENDAR_LOG") if log is None else log,
            logger=__package__ or __name__,
        )

    def _prepare(
        self,
        key: str,
        *,
        path: Mapping[str, Any],
        query: Mapping[str, Any],
        headers: Mapping[str, Any],
        cookies: Mapping[str, Any],
        body: Any,
        has_body: bool,
        content_type: str | None,
        options: RequestOptions | None,
    ) -> tuple[Operation, httpx.Request]:
        operation = _operations()[key]
        request = self._transport.build(
            operation,
            path=path,
            query=query,
            headers=headers,
            cookies=cookies,
            body=body,
            has_body=has_body,
            content_type=content_type,
            options=options,
        )
        return operation, request


class Client(_ClientBase):
    """
    Synchronous client of the Patient appointment booking API.
    """

    def __init__(
        self,
        *,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        strict_responses: bool = False,
        log: bool | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Configure the client once; every call uses these settings.

        Args:
            base_url: Root URL of the API. Default: CALENDAR_BASE_URL, else DEFAULT_BASE_URL.
            timeout: Seconds a request may take (or an httpx.Timeout).
            max_retries: Retries of idempotent requests on the retried statuses and connection
                errors, with exponential backoff and full jitter.
            headers: Extra headers sent on every call.
            strict_responses: Validate answers fully (unknown enum values, extra members of
                closed objects and broken rules raise APIResponseValidationError) instead of
                leniently.
            log: Log every request and answer at DEBUG level (credentials redacted). Default: on
                when CALENDAR_LOG=debug.
            http_client: An ``httpx.Client`` to send with (proxies, TLS, transports).
        """
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            strict_responses=strict_responses,
            log=log,
        )
        self._http = http_client

    @property
    def _client(self) -> httpx.Client:
        if self._http is None:
            import httpx

            self._http = httpx.Client()
        return self._http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @cached_property
    def with_raw_response(self) -> ClientWithRawResponse:
        """The same methods, returning a ``RawResponse`` (status, headers, body, request id,
        parsed)."""
        return ClientWithRawResponse(self)

    def _call(
        self,
        key: str,
        *,
        path: Mapping[str, Any],
        query: Mapping[str, Any],
        headers: Mapping[str, Any],
        cookies: Mapping[str, Any],
        body: Any,
        has_body: bool,
        content_type: str | None,
        options: RequestOptions | None,
    ) -> RawResponse[Any]:
        operation, request = self._prepare(
            key,
            path=path,
            query=query,
            headers=headers,
            cookies=cookies,
            body=body,
            has_body=has_body,
            content_type=content_type,
            options=options,
        )
        return send(self._client, self._transport, operation, request, options)

    def patient_appointment_post_v2(
        self,
        body: models.AppointmentModel | Mapping[str, Any],
        *,
        request_options: RequestOptions | None = None,
    ) -> Any:
        """Book a patient appointment

        Books an appointment on `AppointmentOn` for the patient, with the provider,
        encounter type and service given, on behalf of the user `UserId` of the account
        `AccountId`.

        Args:
            body: The request body.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The appointment was booked. The vendor documents no body (the action returns
            `IHttpActionResult`); any JSON value may come back.
        """
        raw: RawResponse[Any] = self._call(
            "patient_appointment_post_v2",
            path={},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed


class AsyncClient(_ClientBase):
    """
    Asynchronous client of the Patient appointment booking API.
    """

    def __init__(
        self,
        *,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        strict_responses: bool = False,
        log: bool | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Configure the client once; every call uses these settings.

        Args:
            base_url: Root URL of the API. Default: CALENDAR_BASE_URL, else DEFAULT_BASE_URL.
            timeout: Seconds a request may take (or an httpx.Timeout).
            max_retries: Retries of idempotent requests on the retried statuses and connection
                errors, with exponential backoff and full jitter.
            headers: Extra headers sent on every call.
            strict_responses: Validate answers fully (unknown enum values, extra members of
                closed objects and broken rules raise APIResponseValidationError) instead of
                leniently.
            log: Log every request and answer at DEBUG level (credentials redacted). Default: on
                when CALENDAR_LOG=debug.
            http_client: An ``httpx.AsyncClient`` to send with.
        """
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            strict_responses=strict_responses,
            log=log,
        )
        self._http = http_client

    @property
    def _client(self) -> httpx.AsyncClient:
        if self._http is None:
            import httpx

            self._http = httpx.AsyncClient()
        return self._http

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    @cached_property
    def with_raw_response(self) -> AsyncClientWithRawResponse:
        """The same methods, returning a ``RawResponse`` (status, headers, body, request id,
        parsed)."""
        return AsyncClientWithRawResponse(self)

    async def _call(
        self,
        key: str,
        *,
        path: Mapping[str, Any],
        query: Mapping[str, Any],
        headers: Mapping[str, Any],
        cookies: Mapping[str, Any],
        body: Any,
        has_body: bool,
        content_type: str | None,
        options: RequestOptions | None,
    ) -> RawResponse[Any]:
        operation, request = self._prepare(
            key,
            path=path,
            query=query,
            headers=headers,
            cookies=cookies,
            body=body,
            has_body=has_body,
            content_type=content_type,
            options=options,
        )
        return await send_async(self._client, self._transport, operation, request, options)

    async def patient_appointment_post_v2(
        self,
        body: models.AppointmentModel | Mapping[str, Any],
        *,
        request_options: RequestOptions | None = None,
    ) -> Any:
        """Book a patient appointment

        Books an appointment on `AppointmentOn` for the patient, with the provider,
        encounter type and service given, on behalf of the user `UserId` of the account
        `AccountId`.

        Args:
            body: The request body.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The appointment was booked. The vendor documents no body (the action returns
            `IHttpActionResult`); any JSON value may come back.
        """
        raw: RawResponse[Any] = await self._call(
            "patient_appointment_post_v2",
            path={},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed


class ClientWithRawResponse:
    """The methods of :class:`Client`, each returning a ``RawResponse``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def patient_appointment_post_v2(
        self,
        body: models.AppointmentModel | Mapping[str, Any],
        *,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[Any]:
        """Book a patient appointment (the raw response).

        See :meth:`Client.patient_appointment_post_v2`.
        """
        return self._client._call(
            "patient_appointment_post_v2",
            path={},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )


class AsyncClientWithRawResponse:
    """The methods of :class:`AsyncClient`, each returning a ``RawResponse``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def patient_appointment_post_v2(
        self,
        body: models.AppointmentModel | Mapping[str, Any],
        *,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[Any]:
        """Book a patient appointment (the raw response).

        See :meth:`AsyncClient.patient_appointment_post_v2`.
        """
        return await self._client._call(
            "patient_appointment_post_v2",
            path={},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
