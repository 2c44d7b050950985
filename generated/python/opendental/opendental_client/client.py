"""Sync and async clients of the Open Dental insurance benefits API (spec version 23.2.62)."""

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

DEFAULT_BASE_URL = "https://api.opendental.com/api/v1"
"""The first server of the spec; override with ``base_url=`` or the environment variable
``OPENDENTAL_BASE_URL``."""
USER_AGENT = "opendental-client/0.1.0 (python; httpx)"

_SCHEMES: dict[str, Scheme] = {
    "ODFHIR": Scheme(
        "header",
        "Authorization",
        (("ODFHIR ", False), ("developer_key", True), ("/", False), ("customer_key", True)),
        ("developer_key", "customer_key"),
    ),
}


@cache
def _operations() -> dict[str, Operation]:
    """What the transport needs per operation (types are imported on first use)."""
    from . import models

    return {
        "list_benefits": Operation(
            "GET",
            "/benefits",
            (("ODFHIR",),),
            {
                "200": Decode(list[models.Benefit]),
                "400": Decode(str),
                "401": Decode(str),
                "404": Decode(str),
                "431": Decode(str),
                "503": Decode(str),
            },
            accept={"": "application/json"},
        ),
        "create_benefit": Operation(
            "POST",
            "/benefits",
            (("ODFHIR",),),
            {
                "201": Decode(models.Benefit),
                "400": Decode(str),
                "401": Decode(str),
                "404": Decode(str),
                "408": Decode(str),
                "413": Decode(str),
                "415": Decode(str),
                "431": Decode(str),
                "503": Decode(str),
            },
            accept={"": "application/json"},
        ),
        "update_benefit": Operation(
            "PUT",
            "/benefits/{BenefitNum}",
            (("ODFHIR",),),
            {
                "200": Decode(models.Benefit),
                "400": Decode(str),
                "401": Decode(str),
                "404": Decode(str),
                "408": Decode(str),
                "413": Decode(str),
                "415": Decode(str),
                "431": Decode(str),
                "503": Decode(str),
            },
            accept={"": "application/json"},
        ),
        "delete_benefit": Operation(
            "DELETE",
            "/benefits/{BenefitNum}",
            (("ODFHIR",),),
            {
                "200": None,
                "400": Decode(str),
                "401": Decode(str),
                "404": Decode(str),
                "431": Decode(str),
                "503": Decode(str),
            },
            accept={},
        ),
    }


class _ClientBase:
    def __init__(
        self,
        *,
        developer_key: str | None = None,
        customer_key: str | None = None,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        strict_responses: bool = False,
        log: bool | None = None,
    ) -> None:
        import os

        self._transport = Transport(
            base_url=base_url or os.environ.get("OPENDENTAL_BASE_URL") or DEFAULT_BASE_URL,
            credentials={
                "developer_key": (
                    developer_key
                    if developer_key is not None
                    else os.environ.get("OPENDENTAL_DEVELOPER_KEY")
                ),
                "customer_key": (
                    customer_key
                    if customer_key is not None
                    else os.environ.get("OPENDENTAL_CUSTOMER_KEY")
                ),
            },
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
            log=env_log("OPENDENTAL_LOG") if log is None else log,
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
    Synchronous client of the Open Dental insurance benefits API.
    """

    def __init__(
        self,
        *,
        developer_key: str | None = None,
        customer_key: str | None = None,
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
            developer_key: `Authorization: ODFHIR {DeveloperKey}/{CustomerKey}`: the word
                `ODFHIR`, a space, the developer key issued by Open Dental, a slash, and the
                customer key of the office. (`x-credentials.template` tells generated clients to
                take the two keys separately.) Default: the environment variable
                OPENDENTAL_DEVELOPER_KEY.
            customer_key: `Authorization: ODFHIR {DeveloperKey}/{CustomerKey}`: the word
                `ODFHIR`, a space, the developer key issued by Open Dental, a slash, and the
                customer key of the office. (`x-credentials.template` tells generated clients to
                take the two keys separately.) Default: the environment variable
                OPENDENTAL_CUSTOMER_KEY.
            base_url: Root URL of the API. Default: OPENDENTAL_BASE_URL, else DEFAULT_BASE_URL.
            timeout: Seconds a request may take (or an httpx.Timeout).
            max_retries: Retries of idempotent requests on the retried statuses and connection
                errors, with exponential backoff and full jitter.
            headers: Extra headers sent on every call.
            strict_responses: Validate answers fully (unknown enum values, extra members of
                closed objects and broken rules raise APIResponseValidationError) instead of
                leniently.
            log: Log every request and answer at DEBUG level (credentials redacted). Default: on
                when OPENDENTAL_LOG=debug.
            http_client: An ``httpx.Client`` to send with (proxies, TLS, transports).
        """
        super().__init__(
            developer_key=developer_key,
            customer_key=customer_key,
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

    def list_benefits(
        self,
        *,
        plan_num: int | None = None,
        pat_plan_num: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.Benefit]:
        """List the benefits of a plan or patient plan

        Lists the benefits of the insurance plan `PlanNum` or of the patient plan
        `PatPlanNum`. Both filters are optional since version 23.2.62 (one of them was
        required before). Empty `Percent` and `MonetaryAmt` are -1.

        Args:
            plan_num: Insurance plan whose benefits to list (FK to InsPlan.PlanNum).
            pat_plan_num: Patient plan whose benefits to list (FK to PatPlan.PatPlanNum).
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefits, in database order.
        """
        raw: RawResponse[list[models.Benefit]] = self._call(
            "list_benefits",
            path={},
            query={"PlanNum": plan_num, "PatPlanNum": pat_plan_num},
            headers={},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    def create_benefit(
        self,
        body: models.BenefitCreate | Mapping[str, Any],
        *,
        request_options: RequestOptions | None = None,
    ) -> models.Benefit:
        """Create a benefit

        Creates a benefit for the insurance plan `PlanNum` or the patient plan
        `PatPlanNum` (one of them is required). See the vendor's \"Edit Benefits - Row
        View\" for what each combination means. The server assigns `BenefitNum`,
        `SecDateTEntry` and `SecDateTEdit`.

        Args:
            body: The request body.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit as stored.
        """
        raw: RawResponse[models.Benefit] = self._call(
            "create_benefit",
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

    def update_benefit(
        self,
        benefit_num: int,
        body: models.BenefitUpdate | Mapping[str, Any],
        *,
        request_options: RequestOptions | None = None,
    ) -> models.Benefit:
        """Update a benefit

        Changes the members of the benefit `BenefitNum` that the body carries; the
        others keep their value. The cross-field rules hold for the benefit as stored
        after the change. `PlanNum`, `PatPlanNum` and `CodeGroupNum` cannot be changed.

        Args:
            benefit_num: The benefit's key.
            body: The request body.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit as stored after the change.
        """
        raw: RawResponse[models.Benefit] = self._call(
            "update_benefit",
            path={"BenefitNum": benefit_num},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    def delete_benefit(
        self,
        benefit_num: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a benefit

        Deletes the benefit `BenefitNum`. The vendor documents no response body.

        Args:
            benefit_num: The benefit's key.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit was deleted.
        """
        self._call(
            "delete_benefit",
            path={"BenefitNum": benefit_num},
            query={},
            headers={},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )


class AsyncClient(_ClientBase):
    """
    Asynchronous client of the Open Dental insurance benefits API.
    """

    def __init__(
        self,
        *,
        developer_key: str | None = None,
        customer_key: str | None = None,
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
            developer_key: `Authorization: ODFHIR {DeveloperKey}/{CustomerKey}`: the word
                `ODFHIR`, a space, the developer key issued by Open Dental, a slash, and the
                customer key of the office. (`x-credentials.template` tells generated clients to
                take the two keys separately.) Default: the environment variable
                OPENDENTAL_DEVELOPER_KEY.
            customer_key: `Authorization: ODFHIR {DeveloperKey}/{CustomerKey}`: the word
                `ODFHIR`, a space, the developer key issued by Open Dental, a slash, and the
                customer key of the office. (`x-credentials.template` tells generated clients to
                take the two keys separately.) Default: the environment variable
                OPENDENTAL_CUSTOMER_KEY.
            base_url: Root URL of the API. Default: OPENDENTAL_BASE_URL, else DEFAULT_BASE_URL.
            timeout: Seconds a request may take (or an httpx.Timeout).
            max_retries: Retries of idempotent requests on the retried statuses and connection
                errors, with exponential backoff and full jitter.
            headers: Extra headers sent on every call.
            strict_responses: Validate answers fully (unknown enum values, extra members of
                closed objects and broken rules raise APIResponseValidationError) instead of
                leniently.
            log: Log every request and answer at DEBUG level (credentials redacted). Default: on
                when OPENDENTAL_LOG=debug.
            http_client: An ``httpx.AsyncClient`` to send with.
        """
        super().__init__(
            developer_key=developer_key,
            customer_key=customer_key,
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

    async def list_benefits(
        self,
        *,
        plan_num: int | None = None,
        pat_plan_num: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.Benefit]:
        """List the benefits of a plan or patient plan

        Lists the benefits of the insurance plan `PlanNum` or of the patient plan
        `PatPlanNum`. Both filters are optional since version 23.2.62 (one of them was
        required before). Empty `Percent` and `MonetaryAmt` are -1.

        Args:
            plan_num: Insurance plan whose benefits to list (FK to InsPlan.PlanNum).
            pat_plan_num: Patient plan whose benefits to list (FK to PatPlan.PatPlanNum).
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefits, in database order.
        """
        raw: RawResponse[list[models.Benefit]] = await self._call(
            "list_benefits",
            path={},
            query={"PlanNum": plan_num, "PatPlanNum": pat_plan_num},
            headers={},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    async def create_benefit(
        self,
        body: models.BenefitCreate | Mapping[str, Any],
        *,
        request_options: RequestOptions | None = None,
    ) -> models.Benefit:
        """Create a benefit

        Creates a benefit for the insurance plan `PlanNum` or the patient plan
        `PatPlanNum` (one of them is required). See the vendor's \"Edit Benefits - Row
        View\" for what each combination means. The server assigns `BenefitNum`,
        `SecDateTEntry` and `SecDateTEdit`.

        Args:
            body: The request body.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit as stored.
        """
        raw: RawResponse[models.Benefit] = await self._call(
            "create_benefit",
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

    async def update_benefit(
        self,
        benefit_num: int,
        body: models.BenefitUpdate | Mapping[str, Any],
        *,
        request_options: RequestOptions | None = None,
    ) -> models.Benefit:
        """Update a benefit

        Changes the members of the benefit `BenefitNum` that the body carries; the
        others keep their value. The cross-field rules hold for the benefit as stored
        after the change. `PlanNum`, `PatPlanNum` and `CodeGroupNum` cannot be changed.

        Args:
            benefit_num: The benefit's key.
            body: The request body.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit as stored after the change.
        """
        raw: RawResponse[models.Benefit] = await self._call(
            "update_benefit",
            path={"BenefitNum": benefit_num},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    async def delete_benefit(
        self,
        benefit_num: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a benefit

        Deletes the benefit `BenefitNum`. The vendor documents no response body.

        Args:
            benefit_num: The benefit's key.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit was deleted.
        """
        await self._call(
            "delete_benefit",
            path={"BenefitNum": benefit_num},
            query={},
            headers={},
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

    def list_benefits(
        self,
        *,
        plan_num: int | None = None,
        pat_plan_num: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.Benefit]]:
        """List the benefits of a plan or patient plan (the raw response).

        See :meth:`Client.list_benefits`.
        """
        return self._client._call(
            "list_benefits",
            path={},
            query={"PlanNum": plan_num, "PatPlanNum": pat_plan_num},
            headers={},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    def create_benefit(
        self,
        body: models.BenefitCreate | Mapping[str, Any],
        *,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.Benefit]:
        """Create a benefit (the raw response).

        See :meth:`Client.create_benefit`.
        """
        return self._client._call(
            "create_benefit",
            path={},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    def update_benefit(
        self,
        benefit_num: int,
        body: models.BenefitUpdate | Mapping[str, Any],
        *,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.Benefit]:
        """Update a benefit (the raw response).

        See :meth:`Client.update_benefit`.
        """
        return self._client._call(
            "update_benefit",
            path={"BenefitNum": benefit_num},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    def delete_benefit(
        self,
        benefit_num: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[None]:
        """Delete a benefit (the raw response).

        See :meth:`Client.delete_benefit`.
        """
        return self._client._call(
            "delete_benefit",
            path={"BenefitNum": benefit_num},
            query={},
            headers={},
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

    async def list_benefits(
        self,
        *,
        plan_num: int | None = None,
        pat_plan_num: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.Benefit]]:
        """List the benefits of a plan or patient plan (the raw response).

        See :meth:`AsyncClient.list_benefits`.
        """
        return await self._client._call(
            "list_benefits",
            path={},
            query={"PlanNum": plan_num, "PatPlanNum": pat_plan_num},
            headers={},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    async def create_benefit(
        self,
        body: models.BenefitCreate | Mapping[str, Any],
        *,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.Benefit]:
        """Create a benefit (the raw response).

        See :meth:`AsyncClient.create_benefit`.
        """
        return await self._client._call(
            "create_benefit",
            path={},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    async def update_benefit(
        self,
        benefit_num: int,
        body: models.BenefitUpdate | Mapping[str, Any],
        *,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.Benefit]:
        """Update a benefit (the raw response).

        See :meth:`AsyncClient.update_benefit`.
        """
        return await self._client._call(
            "update_benefit",
            path={"BenefitNum": benefit_num},
            query={},
            headers={},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    async def delete_benefit(
        self,
        benefit_num: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[None]:
        """Delete a benefit (the raw response).

        See :meth:`AsyncClient.delete_benefit`.
        """
        return await self._client._call(
            "delete_benefit",
            path={"BenefitNum": benefit_num},
            query={},
            headers={},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
