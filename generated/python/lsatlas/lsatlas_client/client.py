"""Sync and async clients of the LS Atlas case billing API (spec version 1.0)."""

from __future__ import annotations

from collections.abc import Mapping
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

DEFAULT_BASE_URL = "https://localhost"
"""The first server of the spec; override with ``base_url=`` or the environment variable
``LSATLAS_BASE_URL``."""
USER_AGENT = "lsatlas-client/0.1.0 (python; httpx)"

_SCHEMES: dict[str, Scheme] = {}

_XML_OBJECTS: dict[str, XmlObject] = {
    "AddBillingCodeModel": XmlObject(
        (
            XmlMember(
                "case_billing_codes",
                "case_billing_codes",
                XmlArray(
                    XmlRef("CaseBillingProcedureCodeModel"), "CaseBillingProcedureCodeModel", True
                ),
            ),
        )
    ),
    "CaseBillingProcedureCodeModel": XmlObject(
        (
            XmlMember("amount", "amount", XmlScalar("number")),
            XmlMember("bill_amount", "bill_amount", XmlScalar("number")),
            XmlMember("bill_number", "bill_number", XmlScalar("string")),
            XmlMember("cpt_code", "cpt_code", XmlScalar("string")),
            XmlMember("date_of_service", "date_of_service", XmlScalar("string")),
            XmlMember("description", "description", XmlScalar("string")),
            XmlMember("fee_schedule", "fee_schedule", XmlScalar("number")),
            XmlMember("group_iteams", "group_iteams", XmlScalar("string")),
            XmlMember("id", "id", XmlScalar("integer")),
            XmlMember("is90Cap", "is90Cap", XmlScalar("boolean")),
            XmlMember("modifier", "modifier", XmlScalar("string")),
            XmlMember("paid_amount", "paid_amount", XmlScalar("number")),
            XmlMember("specialty", "specialty", XmlScalar("string")),
            XmlMember("val_desc", "val_desc", XmlScalar("string")),
            XmlMember("validation_type", "validation_type", XmlScalar("string")),
            XmlMember("write_off", "write_off", XmlScalar("number")),
        )
    ),
}


@cache
def _operations() -> dict[str, Operation]:
    """What the transport needs per operation (types are imported on first use)."""
    from . import models

    return {
        "add_case_treatment_cpt_codes": Operation(
            "POST",
            "/api/case/{caseId}/treatment/{treatmentId}/cpt_code",
            (),
            {
                "200": Decode(
                    bool,
                    xml=XmlDocument(
                        "boolean",
                        "http://schemas.microsoft.com/2003/10/Serialization/",
                        XmlScalar("boolean"),
                        _XML_OBJECTS,
                    ),
                ),
                "400": Decode(models.AspNetError),
                "408": Decode(models.AspNetError),
                "413": Decode(models.AspNetError),
                "415": Decode(models.AspNetError),
                "431": Decode(models.AspNetError),
                "503": Decode(models.AspNetError),
            },
            accept={
                "": "application/json, text/json, application/xml, text/xml",
                "application/json": "application/json, text/json",
                "text/json": "application/json, text/json",
                "application/xml": "application/xml, text/xml",
                "text/xml": "application/xml, text/xml",
            },
            xml_body=XmlDocument(
                "AddBillingCodeModel",
                "http://schemas.datacontract.org/2004/07/LSAtlas_WebAPI.Models",
                XmlRef("AddBillingCodeModel"),
                _XML_OBJECTS,
            ),
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
            base_url=base_url or os.environ.get("LSATLAS_BASE_URL") or DEFAULT_BASE_URL,
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
            log=env_log("LSATLAS_LOG") if log is None else log,
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
    Synchronous client of the LS Atlas case billing API.
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
            base_url: Root URL of the API. Default: LSATLAS_BASE_URL, else DEFAULT_BASE_URL.
            timeout: Seconds a request may take (or an httpx.Timeout).
            max_retries: Retries of idempotent requests on the retried statuses and connection
                errors, with exponential backoff and full jitter.
            headers: Extra headers sent on every call.
            strict_responses: Validate answers fully (unknown enum values, extra members of
                closed objects and broken rules raise APIResponseValidationError) instead of
                leniently.
            log: Log every request and answer at DEBUG level (credentials redacted). Default: on
                when LSATLAS_LOG=debug.
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

    def add_case_treatment_cpt_codes(
        self,
        case_id: str,
        treatment_id: int,
        body: models.AddBillingCodeModel | Mapping[str, Any],
        *,
        content_type: Literal[
            "application/json", "text/json", "application/xml", "text/xml"
        ] = "application/json",
        request_options: RequestOptions | None = None,
    ) -> bool:
        """Add CPT billing codes to a case treatment

        Attaches every billing procedure code in `case_billing_codes` to the treatment
        `treatmentId` of the case `caseId`. The answer is `true` when the codes were
        stored.

        Args:
            case_id: Identifier of the case.
            treatment_id: Identifier of the treatment within the case.
            body: The request body.
            content_type: Media type the body is sent as: application/json, text/json,
                application/xml, text/xml.
            request_options: Per-request timeout, retries and headers.

        Returns:
            Whether the codes were stored.
        """
        raw: RawResponse[bool] = self._call(
            "add_case_treatment_cpt_codes",
            path={"caseId": case_id, "treatmentId": treatment_id},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type=content_type,
            options=request_options,
        )
        return raw.parsed


class AsyncClient(_ClientBase):
    """
    Asynchronous client of the LS Atlas case billing API.
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
            base_url: Root URL of the API. Default: LSATLAS_BASE_URL, else DEFAULT_BASE_URL.
            timeout: Seconds a request may take (or an httpx.Timeout).
            max_retries: Retries of idempotent requests on the retried statuses and connection
                errors, with exponential backoff and full jitter.
            headers: Extra headers sent on every call.
            strict_responses: Validate answers fully (unknown enum values, extra members of
                closed objects and broken rules raise APIResponseValidationError) instead of
                leniently.
            log: Log every request and answer at DEBUG level (credentials redacted). Default: on
                when LSATLAS_LOG=debug.
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

    async def add_case_treatment_cpt_codes(
        self,
        case_id: str,
        treatment_id: int,
        body: models.AddBillingCodeModel | Mapping[str, Any],
        *,
        content_type: Literal[
            "application/json", "text/json", "application/xml", "text/xml"
        ] = "application/json",
        request_options: RequestOptions | None = None,
    ) -> bool:
        """Add CPT billing codes to a case treatment

        Attaches every billing procedure code in `case_billing_codes` to the treatment
        `treatmentId` of the case `caseId`. The answer is `true` when the codes were
        stored.

        Args:
            case_id: Identifier of the case.
            treatment_id: Identifier of the treatment within the case.
            body: The request body.
            content_type: Media type the body is sent as: application/json, text/json,
                application/xml, text/xml.
            request_options: Per-request timeout, retries and headers.

        Returns:
            Whether the codes were stored.
        """
        raw: RawResponse[bool] = await self._call(
            "add_case_treatment_cpt_codes",
            path={"caseId": case_id, "treatmentId": treatment_id},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type=content_type,
            options=request_options,
        )
        return raw.parsed


class ClientWithRawResponse:
    """The methods of :class:`Client`, each returning a ``RawResponse``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def add_case_treatment_cpt_codes(
        self,
        case_id: str,
        treatment_id: int,
        body: models.AddBillingCodeModel | Mapping[str, Any],
        *,
        content_type: Literal[
            "application/json", "text/json", "application/xml", "text/xml"
        ] = "application/json",
        request_options: RequestOptions | None = None,
    ) -> RawResponse[bool]:
        """Add CPT billing codes to a case treatment (the raw response).

        See :meth:`Client.add_case_treatment_cpt_codes`.
        """
        return self._client._call(
            "add_case_treatment_cpt_codes",
            path={"caseId": case_id, "treatmentId": treatment_id},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type=content_type,
            options=request_options,
        )


class AsyncClientWithRawResponse:
    """The methods of :class:`AsyncClient`, each returning a ``RawResponse``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def add_case_treatment_cpt_codes(
        self,
        case_id: str,
        treatment_id: int,
        body: models.AddBillingCodeModel | Mapping[str, Any],
        *,
        content_type: Literal[
            "application/json", "text/json", "application/xml", "text/xml"
        ] = "application/json",
        request_options: RequestOptions | None = None,
    ) -> RawResponse[bool]:
        """Add CPT billing codes to a case treatment (the raw response).

        See :meth:`AsyncClient.add_case_treatment_cpt_codes`.
        """
        return await self._client._call(
            "add_case_treatment_cpt_codes",
            path={"caseId": case_id, "treatmentId": treatment_id},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type=content_type,
            options=request_options,
        )
