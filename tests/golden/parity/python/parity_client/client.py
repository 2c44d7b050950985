"""Sync and async clients of the Parity notes (spec version 1.0)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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

DEFAULT_BASE_URL = "https://api.notes.example/v1"
"""The first server of the spec; override with ``base_url=`` or the environment variable
``PARITY_BASE_URL``."""
USER_AGENT = "parity-client/0.1.0 (python; httpx)"

_SCHEMES: dict[str, Scheme] = {
    "apiKey": Scheme("header", "X-Api-Key", (("api_key", True),), ("api_key",)),
    "bearer": Scheme(
        "header", "Authorization", (("Bearer ", False), ("bearer", True)), ("bearer",)
    ),
}


@cache
def _operations() -> dict[str, Operation]:
    """What the transport needs per operation (types are imported on first use)."""
    from . import models

    return {
        "list_notes": Operation(
            "GET",
            "/notes",
            (("apiKey", "bearer"),),
            {
                "200": Decode(
                    list[models.Note],
                    data="data",
                    data_nullable=False,
                    request_id=("meta", "requestId"),
                ),
                "4XX": Decode(
                    models.ErrorEnvelope,
                    problem="error",
                    problem_type=models.Problem,
                    request_id=("meta", "requestId"),
                ),
            },
            accept={"": "application/json"},
            request_id_headers=("x-trace-request-id",),
        ),
        "create_note": Operation(
            "POST",
            "/notes",
            (("apiKey", "bearer"),),
            {
                "201": Decode(
                    models.Note, data="data", data_nullable=False, request_id=("meta", "requestId")
                ),
                "400": Decode(
                    models.ErrorEnvelope,
                    problem="error",
                    problem_type=models.Problem,
                    request_id=("meta", "requestId"),
                ),
                "409": Decode(
                    models.ErrorEnvelope,
                    problem="error",
                    problem_type=models.Problem,
                    request_id=("meta", "requestId"),
                ),
                "422": Decode(
                    models.ErrorEnvelope,
                    problem="error",
                    problem_type=models.Problem,
                    request_id=("meta", "requestId"),
                ),
            },
            accept={"": "application/json"},
        ),
        "get_note": Operation(
            "GET",
            "/notes/{noteId}",
            (("apiKey", "bearer"),),
            {
                "200": Decode(
                    models.Note, data="data", data_nullable=False, request_id=("meta", "requestId")
                ),
                "401": Decode(
                    models.ErrorEnvelope,
                    problem="error",
                    problem_type=models.Problem,
                    request_id=("meta", "requestId"),
                ),
                "404": Decode(
                    models.ErrorEnvelope,
                    problem="error",
                    problem_type=models.Problem,
                    request_id=("meta", "requestId"),
                ),
            },
            accept={"": "application/json"},
        ),
        "update_note": Operation(
            "PUT",
            "/notes/{noteId}",
            (("apiKey", "bearer"),),
            {
                "200": Decode(
                    models.Note, data="data", data_nullable=False, request_id=("meta", "requestId")
                ),
                "403": Decode(
                    models.ErrorEnvelope,
                    problem="error",
                    problem_type=models.Problem,
                    request_id=("meta", "requestId"),
                ),
                "404": Decode(
                    models.ErrorEnvelope,
                    problem="error",
                    problem_type=models.Problem,
                    request_id=("meta", "requestId"),
                ),
                "429": Decode(
                    models.ErrorEnvelope,
                    problem="error",
                    problem_type=models.Problem,
                    request_id=("meta", "requestId"),
                ),
                "5XX": Decode(
                    models.ErrorEnvelope,
                    problem="error",
                    problem_type=models.Problem,
                    request_id=("meta", "requestId"),
                ),
            },
            accept={"": "application/json"},
        ),
        "delete": Operation(
            "DELETE",
            "/notes/{noteId}",
            (("apiKey", "bearer"),),
            {
                "204": None,
                "404": Decode(
                    models.ErrorEnvelope,
                    problem="error",
                    problem_type=models.Problem,
                    request_id=("meta", "requestId"),
                ),
            },
            accept={},
        ),
    }


class _ClientBase:
    def __init__(
        self,
        *,
        api_key: str | None = None,
        bearer: str | None = None,
        x_tenant_id: str | None = None,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        strict_responses: bool = False,
        log: bool | None = None,
    ) -> None:
        import os

        self._transport = Transport(
            base_url=base_url or os.environ.get("PARITY_BASE_URL") or DEFAULT_BASE_URL,
            credentials={
                "api_key": (api_key if api_key is not None else os.environ.get("PARITY_API_KEY")),
                "bearer": (bearer if bearer is not None else os.environ.get("PARITY_BEARER")),
            },
            schemes=_SCHEMES,
            headers=present(
                {
                    "User-Agent": USER_AGENT,
                    "X-Tenant-Id": x_tenant_id,
                    **(headers or {}),
                }
            ),
            timeout=timeout,
            max_retries=max_retries,
            strict_responses=strict_responses,
            log=env_log("PARITY_LOG") if log is None else log,
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
    Synchronous client of the Parity notes.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        bearer: str | None = None,
        x_tenant_id: str | None = None,
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
            api_key: The team's key. Default: the environment variable PARITY_API_KEY.
            bearer: Credential of the bearer scheme. Default: the environment variable
                PARITY_BEARER.
            x_tenant_id: Sent as the X-Tenant-Id header on every call (a call may override it).
                The tenant every call works on.
            base_url: Root URL of the API. Default: PARITY_BASE_URL, else DEFAULT_BASE_URL.
            timeout: Seconds a request may take (or an httpx.Timeout).
            max_retries: Retries of idempotent requests on the retried statuses and connection
                errors, with exponential backoff and full jitter.
            headers: Extra headers sent on every call.
            strict_responses: Validate answers fully (unknown enum values, extra members of
                closed objects and broken rules raise APIResponseValidationError) instead of
                leniently.
            log: Log every request and answer at DEBUG level (credentials redacted). Default: on
                when PARITY_LOG=debug.
            http_client: An ``httpx.Client`` to send with (proxies, TLS, transports).
        """
        super().__init__(
            api_key=api_key,
            bearer=bearer,
            x_tenant_id=x_tenant_id,
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

    def list_notes(
        self,
        *,
        tag: Sequence[str] | None = None,
        status: models.Status | None = None,
        limit: int | None = None,
        class_: str | None = None,
        x_tenant_id: str | None = None,
        session: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.Note]:
        """List notes

        The notes of the tenant, filtered by tag and status.

        Args:
            tag: Tags a note must have (all of them).
            status: (undocumented)
            limit: (undocumented)
            class_: A keyword of every language as a wire name.
            x_tenant_id: The tenant every call works on. Default: the client's.
            session: The browser session the list is remembered in.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The notes.
        """
        raw: RawResponse[list[models.Note]] = self._call(
            "list_notes",
            path={},
            query={"tag": tag, "status": status, "limit": limit, "class": class_},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={"session": session},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    def create_note(
        self,
        body: models.NoteInput | Mapping[str, Any],
        *,
        x_tenant_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Note:
        """Create a note

        Args:
            body: The request body.
            x_tenant_id: The tenant every call works on. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The note as stored.
        """
        raw: RawResponse[models.Note] = self._call(
            "create_note",
            path={},
            query={},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    def get_note(
        self,
        note_id: int,
        *,
        x_tenant_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Note:
        """Get a note

        Args:
            note_id: The note.
            x_tenant_id: The tenant every call works on. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The note.
        """
        raw: RawResponse[models.Note] = self._call(
            "get_note",
            path={"noteId": note_id},
            query={},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    def update_note(
        self,
        note_id: int,
        body: models.NoteInput | Mapping[str, Any],
        *,
        x_tenant_id: str | None = None,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Note:
        """Update a note

        Args:
            note_id: The note.
            body: The request body.
            x_tenant_id: The tenant every call works on. Default: the client's.
            if_match: The version the update applies to.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The note as stored.
        """
        raw: RawResponse[models.Note] = self._call(
            "update_note",
            path={"noteId": note_id},
            query={},
            headers={"X-Tenant-Id": x_tenant_id, "If-Match": if_match},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    def delete(
        self,
        note_id: int,
        *,
        force: bool | None = None,
        x_tenant_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a note

        Args:
            note_id: The note.
            force: (undocumented)
            x_tenant_id: The tenant every call works on. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            Deleted.
        """
        self._call(
            "delete",
            path={"noteId": note_id},
            query={"force": force},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )


class AsyncClient(_ClientBase):
    """
    Asynchronous client of the Parity notes.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        bearer: str | None = None,
        x_tenant_id: str | None = None,
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
            api_key: The team's key. Default: the environment variable PARITY_API_KEY.
            bearer: Credential of the bearer scheme. Default: the environment variable
                PARITY_BEARER.
            x_tenant_id: Sent as the X-Tenant-Id header on every call (a call may override it).
                The tenant every call works on.
            base_url: Root URL of the API. Default: PARITY_BASE_URL, else DEFAULT_BASE_URL.
            timeout: Seconds a request may take (or an httpx.Timeout).
            max_retries: Retries of idempotent requests on the retried statuses and connection
                errors, with exponential backoff and full jitter.
            headers: Extra headers sent on every call.
            strict_responses: Validate answers fully (unknown enum values, extra members of
                closed objects and broken rules raise APIResponseValidationError) instead of
                leniently.
            log: Log every request and answer at DEBUG level (credentials redacted). Default: on
                when PARITY_LOG=debug.
            http_client: An ``httpx.AsyncClient`` to send with.
        """
        super().__init__(
            api_key=api_key,
            bearer=bearer,
            x_tenant_id=x_tenant_id,
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

    async def list_notes(
        self,
        *,
        tag: Sequence[str] | None = None,
        status: models.Status | None = None,
        limit: int | None = None,
        class_: str | None = None,
        x_tenant_id: str | None = None,
        session: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.Note]:
        """List notes

        The notes of the tenant, filtered by tag and status.

        Args:
            tag: Tags a note must have (all of them).
            status: (undocumented)
            limit: (undocumented)
            class_: A keyword of every language as a wire name.
            x_tenant_id: The tenant every call works on. Default: the client's.
            session: The browser session the list is remembered in.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The notes.
        """
        raw: RawResponse[list[models.Note]] = await self._call(
            "list_notes",
            path={},
            query={"tag": tag, "status": status, "limit": limit, "class": class_},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={"session": session},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    async def create_note(
        self,
        body: models.NoteInput | Mapping[str, Any],
        *,
        x_tenant_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Note:
        """Create a note

        Args:
            body: The request body.
            x_tenant_id: The tenant every call works on. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The note as stored.
        """
        raw: RawResponse[models.Note] = await self._call(
            "create_note",
            path={},
            query={},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    async def get_note(
        self,
        note_id: int,
        *,
        x_tenant_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Note:
        """Get a note

        Args:
            note_id: The note.
            x_tenant_id: The tenant every call works on. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The note.
        """
        raw: RawResponse[models.Note] = await self._call(
            "get_note",
            path={"noteId": note_id},
            query={},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    async def update_note(
        self,
        note_id: int,
        body: models.NoteInput | Mapping[str, Any],
        *,
        x_tenant_id: str | None = None,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Note:
        """Update a note

        Args:
            note_id: The note.
            body: The request body.
            x_tenant_id: The tenant every call works on. Default: the client's.
            if_match: The version the update applies to.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The note as stored.
        """
        raw: RawResponse[models.Note] = await self._call(
            "update_note",
            path={"noteId": note_id},
            query={},
            headers={"X-Tenant-Id": x_tenant_id, "If-Match": if_match},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    async def delete(
        self,
        note_id: int,
        *,
        force: bool | None = None,
        x_tenant_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a note

        Args:
            note_id: The note.
            force: (undocumented)
            x_tenant_id: The tenant every call works on. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            Deleted.
        """
        await self._call(
            "delete",
            path={"noteId": note_id},
            query={"force": force},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )


class ClientWithRawResponse:
    """The methods of :class:`Client`, each returning a ``RawResponse``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def list_notes(
        self,
        *,
        tag: Sequence[str] | None = None,
        status: models.Status | None = None,
        limit: int | None = None,
        class_: str | None = None,
        x_tenant_id: str | None = None,
        session: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.Note]]:
        """List notes (the raw response).

        See :meth:`Client.list_notes`.
        """
        return self._client._call(
            "list_notes",
            path={},
            query={"tag": tag, "status": status, "limit": limit, "class": class_},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={"session": session},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    def create_note(
        self,
        body: models.NoteInput | Mapping[str, Any],
        *,
        x_tenant_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.Note]:
        """Create a note (the raw response).

        See :meth:`Client.create_note`.
        """
        return self._client._call(
            "create_note",
            path={},
            query={},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    def get_note(
        self,
        note_id: int,
        *,
        x_tenant_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.Note]:
        """Get a note (the raw response).

        See :meth:`Client.get_note`.
        """
        return self._client._call(
            "get_note",
            path={"noteId": note_id},
            query={},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    def update_note(
        self,
        note_id: int,
        body: models.NoteInput | Mapping[str, Any],
        *,
        x_tenant_id: str | None = None,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.Note]:
        """Update a note (the raw response).

        See :meth:`Client.update_note`.
        """
        return self._client._call(
            "update_note",
            path={"noteId": note_id},
            query={},
            headers={"X-Tenant-Id": x_tenant_id, "If-Match": if_match},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    def delete(
        self,
        note_id: int,
        *,
        force: bool | None = None,
        x_tenant_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[None]:
        """Delete a note (the raw response).

        See :meth:`Client.delete`.
        """
        return self._client._call(
            "delete",
            path={"noteId": note_id},
            query={"force": force},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )


class AsyncClientWithRawResponse:
    """The methods of :class:`AsyncClient`, each returning a ``RawResponse``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def list_notes(
        self,
        *,
        tag: Sequence[str] | None = None,
        status: models.Status | None = None,
        limit: int | None = None,
        class_: str | None = None,
        x_tenant_id: str | None = None,
        session: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.Note]]:
        """List notes (the raw response).

        See :meth:`AsyncClient.list_notes`.
        """
        return await self._client._call(
            "list_notes",
            path={},
            query={"tag": tag, "status": status, "limit": limit, "class": class_},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={"session": session},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    async def create_note(
        self,
        body: models.NoteInput | Mapping[str, Any],
        *,
        x_tenant_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.Note]:
        """Create a note (the raw response).

        See :meth:`AsyncClient.create_note`.
        """
        return await self._client._call(
            "create_note",
            path={},
            query={},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    async def get_note(
        self,
        note_id: int,
        *,
        x_tenant_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.Note]:
        """Get a note (the raw response).

        See :meth:`AsyncClient.get_note`.
        """
        return await self._client._call(
            "get_note",
            path={"noteId": note_id},
            query={},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    async def update_note(
        self,
        note_id: int,
        body: models.NoteInput | Mapping[str, Any],
        *,
        x_tenant_id: str | None = None,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.Note]:
        """Update a note (the raw response).

        See :meth:`AsyncClient.update_note`.
        """
        return await self._client._call(
            "update_note",
            path={"noteId": note_id},
            query={},
            headers={"X-Tenant-Id": x_tenant_id, "If-Match": if_match},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    async def delete(
        self,
        note_id: int,
        *,
        force: bool | None = None,
        x_tenant_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[None]:
        """Delete a note (the raw response).

        See :meth:`AsyncClient.delete`.
        """
        return await self._client._call(
            "delete",
            path={"noteId": note_id},
            query={"force": force},
            headers={"X-Tenant-Id": x_tenant_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
