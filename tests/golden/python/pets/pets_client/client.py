"""Sync and async clients of the Pet shelter (spec version 2.1)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, Literal, Self

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
    XmlArray,
    XmlDocument,
    XmlMember,
    XmlObject,
    XmlRef,
    XmlScalar,
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

DEFAULT_BASE_URL = "https://eu.shelter.example/api"
"""The first server of the spec; override with ``base_url=`` or the environment variable
``PETS_BASE_URL``."""
USER_AGENT = "pets-client/0.1.0 (python; httpx)"

_SCHEMES: dict[str, Scheme] = {
    "keyAuth": Scheme("header", "x-key", (("Key ", False), ("api_key", True)), ("api_key",)),
    "tokenAuth": Scheme(
        "header", "Authorization", (("Bearer ", False), ("token_auth", True)), ("token_auth",)
    ),
}

_XML_OBJECTS: dict[str, XmlObject] = {
    "Pet": XmlObject(
        (
            XmlMember("id", "id", XmlScalar("integer")),
            XmlMember("kind", "kind", XmlScalar("string")),
            XmlMember("name", "name", XmlScalar("string")),
            XmlMember("note", "note", XmlScalar("string")),
            XmlMember("tags", "tags", XmlArray(XmlScalar("string"), "tags", True)),
        )
    ),
    "PetEnvelope": XmlObject(
        (XmlMember("data", "data", XmlRef("Pet")), XmlMember("error", "error", XmlRef("Problem")))
    ),
    "Problem": XmlObject(
        (
            XmlMember("title", "title", XmlScalar("string")),
            XmlMember("status", "status", XmlScalar("integer")),
        )
    ),
}


@cache
def _operations() -> dict[str, Operation]:
    """What the transport needs per operation (types are imported on first use)."""
    from . import models

    return {
        "list_pets": Operation(
            "GET",
            "/pets",
            (("keyAuth", "tokenAuth"),),
            {
                "200": Decode(list[models.Pet], data="data", data_nullable=True),
                "4XX": Decode(models.ErrorEnvelope, problem="error", problem_type=models.Problem),
            },
            accept={"": "application/json"},
        ),
        "add_pet": Operation(
            "POST",
            "/pets",
            (("keyAuth", "tokenAuth"),),
            {
                "200": Decode(
                    models.Pet,
                    data="data",
                    data_nullable=True,
                    xml=XmlDocument("PetEnvelope", None, XmlRef("PetEnvelope"), _XML_OBJECTS),
                ),
                "400": Decode(models.ErrorEnvelope, problem="error", problem_type=models.Problem),
            },
            accept={
                "": "application/json, application/xml",
                "application/json": "application/json",
                "application/xml": "application/xml",
            },
            xml_body=XmlDocument("Pet", "http://shelter.example/ns", XmlRef("Pet"), _XML_OBJECTS),
        ),
        "delete_pet": Operation(
            "DELETE",
            "/pets/{petId}",
            (),
            {
                "204": None,
                "404": Decode(models.ErrorEnvelope, problem="error", problem_type=models.Problem),
            },
            accept={},
        ),
    }


class _ClientBase:
    def __init__(
        self,
        *,
        api_key: str | None = None,
        token_auth: str | None = None,
        x_shelter_id: str | None = None,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        strict_responses: bool = False,
        log: bool | None = None,
    ) -> None:
        import os

        self._transport = Transport(
            base_url=base_url or os.environ.get("PETS_BASE_URL") or DEFAULT_BASE_URL,
            credentials={
                "api_key": (api_key if api_key is not None else os.environ.get("PETS_API_KEY")),
                "token_auth": (
                    token_auth if token_auth is not None else os.environ.get("PETS_TOKEN_AUTH")
                ),
            },
            schemes=_SCHEMES,
            headers=present(
                {
                    "User-Agent": USER_AGENT,
                    "x-shelter-id": x_shelter_id,
                    **(headers or {}),
                }
            ),
            timeout=timeout,
            max_retries=max_retries,
            strict_responses=strict_responses,
            log=env_log("PETS_LOG") if log is None else log,
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
    Synchronous client of the Pet shelter.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        token_auth: str | None = None,
        x_shelter_id: str | None = None,
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
            api_key: The shelter's key. Default: the environment variable PETS_API_KEY.
            token_auth: Credential of the tokenAuth scheme. Default: the environment variable
                PETS_TOKEN_AUTH.
            x_shelter_id: Sent as the x-shelter-id header on every call (a call may override
                it). The shelter every call works on.
            base_url: Root URL of the API. Default: PETS_BASE_URL, else DEFAULT_BASE_URL.
            timeout: Seconds a request may take (or an httpx.Timeout).
            max_retries: Retries of idempotent requests on the retried statuses and connection
                errors, with exponential backoff and full jitter.
            headers: Extra headers sent on every call.
            strict_responses: Validate answers fully (unknown enum values, extra members of
                closed objects and broken rules raise APIResponseValidationError) instead of
                leniently.
            log: Log every request and answer at DEBUG level (credentials redacted). Default: on
                when PETS_LOG=debug.
            http_client: An ``httpx.Client`` to send with (proxies, TLS, transports).
        """
        super().__init__(
            api_key=api_key,
            token_auth=token_auth,
            x_shelter_id=x_shelter_id,
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

    def list_pets(
        self,
        *,
        kind: Sequence[models.Kind] | None = None,
        from_: int | None = None,
        x_shelter_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.Pet] | None:
        """List pets

        Lists the pets of the shelter, optionally of some kinds only.

        Args:
            kind: Kinds to keep.
            from_: A Python keyword as a wire name.
            x_shelter_id: The shelter every call works on. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The pets.
        """
        raw: RawResponse[list[models.Pet] | None] = self._call(
            "list_pets",
            path={},
            query={"kind": kind, "from": from_},
            headers={"x-shelter-id": x_shelter_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    def add_pet(
        self,
        body: models.Pet | Mapping[str, Any],
        *,
        x_shelter_id: str | None = None,
        content_type: Literal["application/json", "application/xml"] = "application/json",
        request_options: RequestOptions | None = None,
    ) -> models.Pet | None:
        """Add a pet

        Args:
            body: The request body.
            content_type: Media type the body is sent as: application/json, application/xml.
            x_shelter_id: The shelter every call works on. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The pet as stored.
        """
        raw: RawResponse[models.Pet | None] = self._call(
            "add_pet",
            path={},
            query={},
            headers={"x-shelter-id": x_shelter_id},
            cookies={},
            body=body,
            has_body=True,
            content_type=content_type,
            options=request_options,
        )
        return raw.parsed

    def delete_pet(
        self,
        pet_id: int,
        *,
        x_shelter_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a pet

        Args:
            pet_id: (undocumented)
            x_shelter_id: The shelter every call works on. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            Deleted.
        """
        self._call(
            "delete_pet",
            path={"petId": pet_id},
            query={},
            headers={"x-shelter-id": x_shelter_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )


class AsyncClient(_ClientBase):
    """
    Asynchronous client of the Pet shelter.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        token_auth: str | None = None,
        x_shelter_id: str | None = None,
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
            api_key: The shelter's key. Default: the environment variable PETS_API_KEY.
            token_auth: Credential of the tokenAuth scheme. Default: the environment variable
                PETS_TOKEN_AUTH.
            x_shelter_id: Sent as the x-shelter-id header on every call (a call may override
                it). The shelter every call works on.
            base_url: Root URL of the API. Default: PETS_BASE_URL, else DEFAULT_BASE_URL.
            timeout: Seconds a request may take (or an httpx.Timeout).
            max_retries: Retries of idempotent requests on the retried statuses and connection
                errors, with exponential backoff and full jitter.
            headers: Extra headers sent on every call.
            strict_responses: Validate answers fully (unknown enum values, extra members of
                closed objects and broken rules raise APIResponseValidationError) instead of
                leniently.
            log: Log every request and answer at DEBUG level (credentials redacted). Default: on
                when PETS_LOG=debug.
            http_client: An ``httpx.AsyncClient`` to send with.
        """
        super().__init__(
            api_key=api_key,
            token_auth=token_auth,
            x_shelter_id=x_shelter_id,
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

    async def list_pets(
        self,
        *,
        kind: Sequence[models.Kind] | None = None,
        from_: int | None = None,
        x_shelter_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.Pet] | None:
        """List pets

        Lists the pets of the shelter, optionally of some kinds only.

        Args:
            kind: Kinds to keep.
            from_: A Python keyword as a wire name.
            x_shelter_id: The shelter every call works on. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The pets.
        """
        raw: RawResponse[list[models.Pet] | None] = await self._call(
            "list_pets",
            path={},
            query={"kind": kind, "from": from_},
            headers={"x-shelter-id": x_shelter_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    async def add_pet(
        self,
        body: models.Pet | Mapping[str, Any],
        *,
        x_shelter_id: str | None = None,
        content_type: Literal["application/json", "application/xml"] = "application/json",
        request_options: RequestOptions | None = None,
    ) -> models.Pet | None:
        """Add a pet

        Args:
            body: The request body.
            content_type: Media type the body is sent as: application/json, application/xml.
            x_shelter_id: The shelter every call works on. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The pet as stored.
        """
        raw: RawResponse[models.Pet | None] = await self._call(
            "add_pet",
            path={},
            query={},
            headers={"x-shelter-id": x_shelter_id},
            cookies={},
            body=body,
            has_body=True,
            content_type=content_type,
            options=request_options,
        )
        return raw.parsed

    async def delete_pet(
        self,
        pet_id: int,
        *,
        x_shelter_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a pet

        Args:
            pet_id: (undocumented)
            x_shelter_id: The shelter every call works on. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            Deleted.
        """
        await self._call(
            "delete_pet",
            path={"petId": pet_id},
            query={},
            headers={"x-shelter-id": x_shelter_id},
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

    def list_pets(
        self,
        *,
        kind: Sequence[models.Kind] | None = None,
        from_: int | None = None,
        x_shelter_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.Pet] | None]:
        """List pets (the raw response).

        See :meth:`Client.list_pets`.
        """
        return self._client._call(
            "list_pets",
            path={},
            query={"kind": kind, "from": from_},
            headers={"x-shelter-id": x_shelter_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    def add_pet(
        self,
        body: models.Pet | Mapping[str, Any],
        *,
        x_shelter_id: str | None = None,
        content_type: Literal["application/json", "application/xml"] = "application/json",
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.Pet | None]:
        """Add a pet (the raw response).

        See :meth:`Client.add_pet`.
        """
        return self._client._call(
            "add_pet",
            path={},
            query={},
            headers={"x-shelter-id": x_shelter_id},
            cookies={},
            body=body,
            has_body=True,
            content_type=content_type,
            options=request_options,
        )

    def delete_pet(
        self,
        pet_id: int,
        *,
        x_shelter_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[None]:
        """Delete a pet (the raw response).

        See :meth:`Client.delete_pet`.
        """
        return self._client._call(
            "delete_pet",
            path={"petId": pet_id},
            query={},
            headers={"x-shelter-id": x_shelter_id},
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

    async def list_pets(
        self,
        *,
        kind: Sequence[models.Kind] | None = None,
        from_: int | None = None,
        x_shelter_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.Pet] | None]:
        """List pets (the raw response).

        See :meth:`AsyncClient.list_pets`.
        """
        return await self._client._call(
            "list_pets",
            path={},
            query={"kind": kind, "from": from_},
            headers={"x-shelter-id": x_shelter_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    async def add_pet(
        self,
        body: models.Pet | Mapping[str, Any],
        *,
        x_shelter_id: str | None = None,
        content_type: Literal["application/json", "application/xml"] = "application/json",
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.Pet | None]:
        """Add a pet (the raw response).

        See :meth:`AsyncClient.add_pet`.
        """
        return await self._client._call(
            "add_pet",
            path={},
            query={},
            headers={"x-shelter-id": x_shelter_id},
            cookies={},
            body=body,
            has_body=True,
            content_type=content_type,
            options=request_options,
        )

    async def delete_pet(
        self,
        pet_id: int,
        *,
        x_shelter_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[None]:
        """Delete a pet (the raw response).

        See :meth:`AsyncClient.delete_pet`.
        """
        return await self._client._call(
            "delete_pet",
            path={"petId": pet_id},
            query={},
            headers={"x-shelter-id": x_shelter_id},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
