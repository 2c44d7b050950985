"""Sync and async clients of the VBA Software plan benefit levels and plan modifiers API
(spec version v1).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
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

DEFAULT_BASE_URL = "https://vbapi.vbasoftware.com/vbasoftware"
"""The first server of the spec; override with ``base_url=`` or the environment variable
``VBA_BASE_URL``."""
USER_AGENT = "vba-client/0.1.0 (python; httpx)"

_SCHEMES: dict[str, Scheme] = {
    "apiKeyAuth": Scheme("header", "x-api-key", (("api_key", True),), ("api_key",)),
    "bearerAuth": Scheme(
        "header", "Authorization", (("Bearer ", False), ("bearer_token", True)), ("bearer_token",)
    ),
}


@cache
def _operations() -> dict[str, Operation]:
    """What the transport needs per operation (types are imported on first use)."""
    from . import models

    return {
        "list_plan_benefit_level": Operation(
            "GET",
            "/plans/{planID}/benefits/{benefitCode}/levels",
            (("apiKeyAuth", "bearerAuth"),),
            {
                "200": Decode(
                    list[models.PlanBenefitLevel],
                    data="data",
                    data_nullable=True,
                    request_id=("debug", "activityID"),
                ),
                "400": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "401": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "431": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "503": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
            },
            accept={"": "application/json, text/json"},
        ),
        "create_plan_benefit_level": Operation(
            "POST",
            "/plans/{planID}/benefits/{benefitCode}/levels",
            (("apiKeyAuth", "bearerAuth"),),
            {
                "200": Decode(
                    models.PlanBenefitLevel,
                    data="data",
                    data_nullable=True,
                    request_id=("debug", "activityID"),
                ),
                "400": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "401": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "408": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "413": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "415": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "431": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "503": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
            },
            accept={"": "application/json, text/json"},
        ),
        "get_plan_benefit_level": Operation(
            "GET",
            "/plans/{planID}/benefits/{benefitCode}/levels/{planBenefitLevelKey}",
            (("apiKeyAuth", "bearerAuth"),),
            {
                "200": Decode(
                    models.PlanBenefitLevel,
                    data="data",
                    data_nullable=True,
                    request_id=("debug", "activityID"),
                ),
                "400": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "401": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "404": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "431": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "503": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
            },
            accept={"": "application/json, text/json"},
        ),
        "update_plan_benefit_level": Operation(
            "PUT",
            "/plans/{planID}/benefits/{benefitCode}/levels/{planBenefitLevelKey}",
            (("apiKeyAuth", "bearerAuth"),),
            {
                "200": Decode(
                    models.PlanBenefitLevel,
                    data="data",
                    data_nullable=True,
                    request_id=("debug", "activityID"),
                ),
                "400": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "401": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "404": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "408": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "413": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "415": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "431": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "503": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
            },
            accept={"": "application/json, text/json"},
        ),
        "delete_plan_benefit_level": Operation(
            "DELETE",
            "/plans/{planID}/benefits/{benefitCode}/levels/{planBenefitLevelKey}",
            (("apiKeyAuth", "bearerAuth"),),
            {
                "204": None,
                "400": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "401": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "404": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "431": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "503": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
            },
            accept={},
        ),
        "update_batch_plan_benefit_level": Operation(
            "PUT",
            "/plans/{planID}/benefits/{benefitCode}/levels-batch",
            (("apiKeyAuth", "bearerAuth"),),
            {
                "207": Decode(
                    list[models.MultiCodeResponse],
                    data="data",
                    data_nullable=True,
                    request_id=("debug", "activityID"),
                ),
                "400": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "401": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "408": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "413": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "415": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "431": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "503": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
            },
            accept={"": "application/json, text/json"},
        ),
        "list_plan_modifier": Operation(
            "GET",
            "/plans/{planID}/modifiers",
            (("apiKeyAuth", "bearerAuth"),),
            {
                "200": Decode(
                    list[models.PlanModifier],
                    data="data",
                    data_nullable=True,
                    request_id=("debug", "activityID"),
                ),
                "400": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "401": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "431": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "503": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
            },
            accept={"": "application/json, text/json"},
        ),
        "create_plan_modifier": Operation(
            "POST",
            "/plans/{planID}/modifiers",
            (("apiKeyAuth", "bearerAuth"),),
            {
                "200": Decode(
                    models.PlanModifier,
                    data="data",
                    data_nullable=True,
                    request_id=("debug", "activityID"),
                ),
                "400": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "401": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "408": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "409": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "413": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "415": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "431": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "503": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
            },
            accept={"": "application/json, text/json"},
        ),
        "get_plan_modifier": Operation(
            "GET",
            "/plans/{planID}/modifiers/{modifier}/effective-dates/{effectiveDate}",
            (("apiKeyAuth", "bearerAuth"),),
            {
                "200": Decode(
                    models.PlanModifier,
                    data="data",
                    data_nullable=True,
                    request_id=("debug", "activityID"),
                ),
                "400": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "401": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "404": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "431": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "503": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
            },
            accept={"": "application/json, text/json"},
        ),
        "update_plan_modifier": Operation(
            "PUT",
            "/plans/{planID}/modifiers/{modifier}/effective-dates/{effectiveDate}",
            (("apiKeyAuth", "bearerAuth"),),
            {
                "200": Decode(
                    models.PlanModifier,
                    data="data",
                    data_nullable=True,
                    request_id=("debug", "activityID"),
                ),
                "400": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "401": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "404": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "408": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "413": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "415": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "431": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "503": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
            },
            accept={"": "application/json, text/json"},
        ),
        "delete_plan_modifier": Operation(
            "DELETE",
            "/plans/{planID}/modifiers/{modifier}/effective-dates/{effectiveDate}",
            (("apiKeyAuth", "bearerAuth"),),
            {
                "204": None,
                "400": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "401": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "404": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "431": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "503": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
            },
            accept={},
        ),
        "update_batch_plan_modifier": Operation(
            "PUT",
            "/plans/{planID}/modifiers-batch",
            (("apiKeyAuth", "bearerAuth"),),
            {
                "207": Decode(
                    list[models.MultiCodeResponse],
                    data="data",
                    data_nullable=True,
                    request_id=("debug", "activityID"),
                ),
                "400": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "401": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "408": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "413": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "415": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "431": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
                "503": Decode(
                    models.ErrorVBAResponse,
                    problem="error",
                    problem_type=models.VBAProblemDetails,
                    request_id=("debug", "activityID"),
                ),
            },
            accept={"": "application/json, text/json"},
        ),
    }


class _ClientBase:
    def __init__(
        self,
        *,
        api_key: str | None = None,
        bearer_token: str | None = None,
        vbasoftware_database: str | None = None,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        strict_responses: bool = False,
        log: bool | None = None,
    ) -> None:
        import os

        self._transport = Transport(
            base_url=base_url or os.environ.get("VBA_BASE_URL") or DEFAULT_BASE_URL,
            credentials={
                "api_key": (api_key if api_key is not None else os.environ.get("VBA_API_KEY")),
                "bearer_token": (
                    bearer_token if bearer_token is not None else os.environ.get("VBA_BEARER_TOKEN")
                ),
            },
            schemes=_SCHEMES,
            headers=present(
                {
                    "User-Agent": USER_AGENT,
                    "vbasoftware-database": vbasoftware_database,
                    **(headers or {}),
                }
            ),
            timeout=timeout,
            max_retries=max_retries,
            strict_responses=strict_responses,
            log=env_log("VBA_LOG") if log is None else log,
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
    Synchronous client of the VBA Software plan benefit levels and plan modifiers API.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        bearer_token: str | None = None,
        vbasoftware_database: str | None = None,
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
            api_key: The API key VBA issues to the client. Default: the environment variable
                VBA_API_KEY.
            bearer_token: A bearer token (JWT) obtained from VBA's authentication endpoint.
                Default: the environment variable VBA_BEARER_TOKEN.
            vbasoftware_database: Sent as the vbasoftware-database header on every call (a call
                may override it). Name of the client database the call works on. Required on
                every call.
            base_url: Root URL of the API. Default: VBA_BASE_URL, else DEFAULT_BASE_URL.
            timeout: Seconds a request may take (or an httpx.Timeout).
            max_retries: Retries of idempotent requests on the retried statuses and connection
                errors, with exponential backoff and full jitter.
            headers: Extra headers sent on every call.
            strict_responses: Validate answers fully (unknown enum values, extra members of
                closed objects and broken rules raise APIResponseValidationError) instead of
                leniently.
            log: Log every request and answer at DEBUG level (credentials redacted). Default: on
                when VBA_LOG=debug.
            http_client: An ``httpx.Client`` to send with (proxies, TLS, transports).
        """
        super().__init__(
            api_key=api_key,
            bearer_token=bearer_token,
            vbasoftware_database=vbasoftware_database,
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

    def list_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.PlanBenefitLevel] | None:
        """List the benefit levels of a plan benefit

        Lists every benefit level of the benefit `benefitCode` of the plan `planID`.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            benefit_code: The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of
                the `benefit_Code` member it matches.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit levels (possibly none).
        """
        raw: RawResponse[list[models.PlanBenefitLevel] | None] = self._call(
            "list_plan_benefit_level",
            path={"planID": plan_id, "benefitCode": benefit_code},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    def create_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        body: models.PlanBenefitLevel | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.PlanBenefitLevel | None:
        """Create a plan benefit level

        Adds a benefit level to the benefit `benefitCode` of the plan `planID`. The
        vendor answers `200` (not `201`) with the stored level.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            benefit_code: The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of
                the `benefit_Code` member it matches.
            body: The request body.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit level as stored.
        """
        raw: RawResponse[models.PlanBenefitLevel | None] = self._call(
            "create_plan_benefit_level",
            path={"planID": plan_id, "benefitCode": benefit_code},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    def get_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        plan_benefit_level_key: int,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.PlanBenefitLevel | None:
        """Get a plan benefit level

        Returns the benefit level `planBenefitLevelKey` of the benefit `benefitCode` of
        the plan `planID`.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            benefit_code: The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of
                the `benefit_Code` member it matches.
            plan_benefit_level_key: Key of the benefit level.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit level.
        """
        raw: RawResponse[models.PlanBenefitLevel | None] = self._call(
            "get_plan_benefit_level",
            path={
                "planID": plan_id,
                "benefitCode": benefit_code,
                "planBenefitLevelKey": plan_benefit_level_key,
            },
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    def update_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        plan_benefit_level_key: int,
        body: models.PlanBenefitLevel | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.PlanBenefitLevel | None:
        """Update a plan benefit level

        Replaces the benefit level `planBenefitLevelKey` with the body. The whole entity
        is sent, with the same required members as on create.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            benefit_code: The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of
                the `benefit_Code` member it matches.
            plan_benefit_level_key: Key of the benefit level.
            body: The request body.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit level as stored after the change.
        """
        raw: RawResponse[models.PlanBenefitLevel | None] = self._call(
            "update_plan_benefit_level",
            path={
                "planID": plan_id,
                "benefitCode": benefit_code,
                "planBenefitLevelKey": plan_benefit_level_key,
            },
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    def delete_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        plan_benefit_level_key: int,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a plan benefit level

        Deletes the benefit level `planBenefitLevelKey`.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            benefit_code: The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of
                the `benefit_Code` member it matches.
            plan_benefit_level_key: Key of the benefit level.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit level was deleted.
        """
        self._call(
            "delete_plan_benefit_level",
            path={
                "planID": plan_id,
                "benefitCode": benefit_code,
                "planBenefitLevelKey": plan_benefit_level_key,
            },
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    def update_batch_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        body: Sequence[models.PlanBenefitLevel | Mapping[str, Any]],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.MultiCodeResponse] | None:
        """Create or update many plan benefit levels

        Upserts every benefit level in the body: a level whose key exists is updated,
        any other is created. Each item succeeds or fails on its own; the answer (`207`)
        has one result per item, in order.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            benefit_code: The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of
                the `benefit_Code` member it matches.
            body: The request body.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            One result per item.
        """
        raw: RawResponse[list[models.MultiCodeResponse] | None] = self._call(
            "update_batch_plan_benefit_level",
            path={"planID": plan_id, "benefitCode": benefit_code},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    def list_plan_modifier(
        self,
        plan_id: str,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.PlanModifier] | None:
        """List the modifier rules of a plan

        Lists every modifier rule of the plan `planID`.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The modifier rules (possibly none).
        """
        raw: RawResponse[list[models.PlanModifier] | None] = self._call(
            "list_plan_modifier",
            path={"planID": plan_id},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    def create_plan_modifier(
        self,
        plan_id: str,
        body: models.PlanModifier | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.PlanModifier | None:
        """Create a plan modifier rule

        Adds a modifier rule to the plan `planID`. A rule is identified by its plan, its
        `modifier` and its `effective_Date`. The vendor answers `200` (not `201`) with
        the stored rule, and `409` when a rule with the same key exists (the key is the
        table's primary key).

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            body: The request body.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The modifier rule as stored.
        """
        raw: RawResponse[models.PlanModifier | None] = self._call(
            "create_plan_modifier",
            path={"planID": plan_id},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    def get_plan_modifier(
        self,
        plan_id: str,
        modifier: str,
        effective_date: datetime,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.PlanModifier | None:
        """Get a plan modifier rule

        Returns the rule for `modifier` effective at `effectiveDate` of the plan
        `planID`.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            modifier: The modifier the rule applies to; 1 to 8 characters, like the `modifier`
                member.
            effective_date: When the rule becomes effective, as an RFC 3339 date-time
                (percent-encode `:` and `+` in the path).
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The modifier rule.
        """
        raw: RawResponse[models.PlanModifier | None] = self._call(
            "get_plan_modifier",
            path={"planID": plan_id, "modifier": modifier, "effectiveDate": effective_date},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    def update_plan_modifier(
        self,
        plan_id: str,
        modifier: str,
        effective_date: datetime,
        body: models.PlanModifier | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.PlanModifier | None:
        """Update a plan modifier rule

        Replaces the rule for `modifier` effective at `effectiveDate` with the body. The
        whole entity is sent, with the same required members as on create.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            modifier: The modifier the rule applies to; 1 to 8 characters, like the `modifier`
                member.
            effective_date: When the rule becomes effective, as an RFC 3339 date-time
                (percent-encode `:` and `+` in the path).
            body: The request body.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The modifier rule as stored after the change.
        """
        raw: RawResponse[models.PlanModifier | None] = self._call(
            "update_plan_modifier",
            path={"planID": plan_id, "modifier": modifier, "effectiveDate": effective_date},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    def delete_plan_modifier(
        self,
        plan_id: str,
        modifier: str,
        effective_date: datetime,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a plan modifier rule

        Deletes the rule for `modifier` effective at `effectiveDate`.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            modifier: The modifier the rule applies to; 1 to 8 characters, like the `modifier`
                member.
            effective_date: When the rule becomes effective, as an RFC 3339 date-time
                (percent-encode `:` and `+` in the path).
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The modifier rule was deleted.
        """
        self._call(
            "delete_plan_modifier",
            path={"planID": plan_id, "modifier": modifier, "effectiveDate": effective_date},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    def update_batch_plan_modifier(
        self,
        plan_id: str,
        body: Sequence[models.PlanModifier | Mapping[str, Any]],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.MultiCodeResponse] | None:
        """Create or update many plan modifier rules

        Upserts every modifier rule in the body: a rule whose key (plan, modifier,
        effective date) exists is updated, any other is created. Each item succeeds or
        fails on its own; the answer (`207`) has one result per item, in order.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            body: The request body.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            One result per item.
        """
        raw: RawResponse[list[models.MultiCodeResponse] | None] = self._call(
            "update_batch_plan_modifier",
            path={"planID": plan_id},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed


class AsyncClient(_ClientBase):
    """
    Asynchronous client of the VBA Software plan benefit levels and plan modifiers API.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        bearer_token: str | None = None,
        vbasoftware_database: str | None = None,
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
            api_key: The API key VBA issues to the client. Default: the environment variable
                VBA_API_KEY.
            bearer_token: A bearer token (JWT) obtained from VBA's authentication endpoint.
                Default: the environment variable VBA_BEARER_TOKEN.
            vbasoftware_database: Sent as the vbasoftware-database header on every call (a call
                may override it). Name of the client database the call works on. Required on
                every call.
            base_url: Root URL of the API. Default: VBA_BASE_URL, else DEFAULT_BASE_URL.
            timeout: Seconds a request may take (or an httpx.Timeout).
            max_retries: Retries of idempotent requests on the retried statuses and connection
                errors, with exponential backoff and full jitter.
            headers: Extra headers sent on every call.
            strict_responses: Validate answers fully (unknown enum values, extra members of
                closed objects and broken rules raise APIResponseValidationError) instead of
                leniently.
            log: Log every request and answer at DEBUG level (credentials redacted). Default: on
                when VBA_LOG=debug.
            http_client: An ``httpx.AsyncClient`` to send with.
        """
        super().__init__(
            api_key=api_key,
            bearer_token=bearer_token,
            vbasoftware_database=vbasoftware_database,
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

    async def list_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.PlanBenefitLevel] | None:
        """List the benefit levels of a plan benefit

        Lists every benefit level of the benefit `benefitCode` of the plan `planID`.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            benefit_code: The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of
                the `benefit_Code` member it matches.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit levels (possibly none).
        """
        raw: RawResponse[list[models.PlanBenefitLevel] | None] = await self._call(
            "list_plan_benefit_level",
            path={"planID": plan_id, "benefitCode": benefit_code},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    async def create_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        body: models.PlanBenefitLevel | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.PlanBenefitLevel | None:
        """Create a plan benefit level

        Adds a benefit level to the benefit `benefitCode` of the plan `planID`. The
        vendor answers `200` (not `201`) with the stored level.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            benefit_code: The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of
                the `benefit_Code` member it matches.
            body: The request body.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit level as stored.
        """
        raw: RawResponse[models.PlanBenefitLevel | None] = await self._call(
            "create_plan_benefit_level",
            path={"planID": plan_id, "benefitCode": benefit_code},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    async def get_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        plan_benefit_level_key: int,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.PlanBenefitLevel | None:
        """Get a plan benefit level

        Returns the benefit level `planBenefitLevelKey` of the benefit `benefitCode` of
        the plan `planID`.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            benefit_code: The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of
                the `benefit_Code` member it matches.
            plan_benefit_level_key: Key of the benefit level.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit level.
        """
        raw: RawResponse[models.PlanBenefitLevel | None] = await self._call(
            "get_plan_benefit_level",
            path={
                "planID": plan_id,
                "benefitCode": benefit_code,
                "planBenefitLevelKey": plan_benefit_level_key,
            },
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    async def update_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        plan_benefit_level_key: int,
        body: models.PlanBenefitLevel | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.PlanBenefitLevel | None:
        """Update a plan benefit level

        Replaces the benefit level `planBenefitLevelKey` with the body. The whole entity
        is sent, with the same required members as on create.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            benefit_code: The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of
                the `benefit_Code` member it matches.
            plan_benefit_level_key: Key of the benefit level.
            body: The request body.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit level as stored after the change.
        """
        raw: RawResponse[models.PlanBenefitLevel | None] = await self._call(
            "update_plan_benefit_level",
            path={
                "planID": plan_id,
                "benefitCode": benefit_code,
                "planBenefitLevelKey": plan_benefit_level_key,
            },
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    async def delete_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        plan_benefit_level_key: int,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a plan benefit level

        Deletes the benefit level `planBenefitLevelKey`.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            benefit_code: The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of
                the `benefit_Code` member it matches.
            plan_benefit_level_key: Key of the benefit level.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The benefit level was deleted.
        """
        await self._call(
            "delete_plan_benefit_level",
            path={
                "planID": plan_id,
                "benefitCode": benefit_code,
                "planBenefitLevelKey": plan_benefit_level_key,
            },
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    async def update_batch_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        body: Sequence[models.PlanBenefitLevel | Mapping[str, Any]],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.MultiCodeResponse] | None:
        """Create or update many plan benefit levels

        Upserts every benefit level in the body: a level whose key exists is updated,
        any other is created. Each item succeeds or fails on its own; the answer (`207`)
        has one result per item, in order.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            benefit_code: The plan benefit (`Benefit_Code`). 1 to 50 characters, the length of
                the `benefit_Code` member it matches.
            body: The request body.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            One result per item.
        """
        raw: RawResponse[list[models.MultiCodeResponse] | None] = await self._call(
            "update_batch_plan_benefit_level",
            path={"planID": plan_id, "benefitCode": benefit_code},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    async def list_plan_modifier(
        self,
        plan_id: str,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.PlanModifier] | None:
        """List the modifier rules of a plan

        Lists every modifier rule of the plan `planID`.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The modifier rules (possibly none).
        """
        raw: RawResponse[list[models.PlanModifier] | None] = await self._call(
            "list_plan_modifier",
            path={"planID": plan_id},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    async def create_plan_modifier(
        self,
        plan_id: str,
        body: models.PlanModifier | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.PlanModifier | None:
        """Create a plan modifier rule

        Adds a modifier rule to the plan `planID`. A rule is identified by its plan, its
        `modifier` and its `effective_Date`. The vendor answers `200` (not `201`) with
        the stored rule, and `409` when a rule with the same key exists (the key is the
        table's primary key).

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            body: The request body.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The modifier rule as stored.
        """
        raw: RawResponse[models.PlanModifier | None] = await self._call(
            "create_plan_modifier",
            path={"planID": plan_id},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    async def get_plan_modifier(
        self,
        plan_id: str,
        modifier: str,
        effective_date: datetime,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.PlanModifier | None:
        """Get a plan modifier rule

        Returns the rule for `modifier` effective at `effectiveDate` of the plan
        `planID`.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            modifier: The modifier the rule applies to; 1 to 8 characters, like the `modifier`
                member.
            effective_date: When the rule becomes effective, as an RFC 3339 date-time
                (percent-encode `:` and `+` in the path).
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The modifier rule.
        """
        raw: RawResponse[models.PlanModifier | None] = await self._call(
            "get_plan_modifier",
            path={"planID": plan_id, "modifier": modifier, "effectiveDate": effective_date},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )
        return raw.parsed

    async def update_plan_modifier(
        self,
        plan_id: str,
        modifier: str,
        effective_date: datetime,
        body: models.PlanModifier | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.PlanModifier | None:
        """Update a plan modifier rule

        Replaces the rule for `modifier` effective at `effectiveDate` with the body. The
        whole entity is sent, with the same required members as on create.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            modifier: The modifier the rule applies to; 1 to 8 characters, like the `modifier`
                member.
            effective_date: When the rule becomes effective, as an RFC 3339 date-time
                (percent-encode `:` and `+` in the path).
            body: The request body.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The modifier rule as stored after the change.
        """
        raw: RawResponse[models.PlanModifier | None] = await self._call(
            "update_plan_modifier",
            path={"planID": plan_id, "modifier": modifier, "effectiveDate": effective_date},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
        return raw.parsed

    async def delete_plan_modifier(
        self,
        plan_id: str,
        modifier: str,
        effective_date: datetime,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a plan modifier rule

        Deletes the rule for `modifier` effective at `effectiveDate`.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            modifier: The modifier the rule applies to; 1 to 8 characters, like the `modifier`
                member.
            effective_date: When the rule becomes effective, as an RFC 3339 date-time
                (percent-encode `:` and `+` in the path).
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            The modifier rule was deleted.
        """
        await self._call(
            "delete_plan_modifier",
            path={"planID": plan_id, "modifier": modifier, "effectiveDate": effective_date},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    async def update_batch_plan_modifier(
        self,
        plan_id: str,
        body: Sequence[models.PlanModifier | Mapping[str, Any]],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> list[models.MultiCodeResponse] | None:
        """Create or update many plan modifier rules

        Upserts every modifier rule in the body: a rule whose key (plan, modifier,
        effective date) exists is updated, any other is created. Each item succeeds or
        fails on its own; the answer (`207`) has one result per item, in order.

        Args:
            plan_id: The plan (`Plan_ID`). At most 20 characters, the length of the `plan_ID`
                member it matches.
            body: The request body.
            vbasoftware_database: Name of the client database the call works on. Required on
                every call. Default: the client's.
            request_options: Per-request timeout, retries and headers.

        Returns:
            One result per item.
        """
        raw: RawResponse[list[models.MultiCodeResponse] | None] = await self._call(
            "update_batch_plan_modifier",
            path={"planID": plan_id},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
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

    def list_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.PlanBenefitLevel] | None]:
        """List the benefit levels of a plan benefit (the raw response).

        See :meth:`Client.list_plan_benefit_level`.
        """
        return self._client._call(
            "list_plan_benefit_level",
            path={"planID": plan_id, "benefitCode": benefit_code},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    def create_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        body: models.PlanBenefitLevel | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.PlanBenefitLevel | None]:
        """Create a plan benefit level (the raw response).

        See :meth:`Client.create_plan_benefit_level`.
        """
        return self._client._call(
            "create_plan_benefit_level",
            path={"planID": plan_id, "benefitCode": benefit_code},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    def get_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        plan_benefit_level_key: int,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.PlanBenefitLevel | None]:
        """Get a plan benefit level (the raw response).

        See :meth:`Client.get_plan_benefit_level`.
        """
        return self._client._call(
            "get_plan_benefit_level",
            path={
                "planID": plan_id,
                "benefitCode": benefit_code,
                "planBenefitLevelKey": plan_benefit_level_key,
            },
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    def update_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        plan_benefit_level_key: int,
        body: models.PlanBenefitLevel | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.PlanBenefitLevel | None]:
        """Update a plan benefit level (the raw response).

        See :meth:`Client.update_plan_benefit_level`.
        """
        return self._client._call(
            "update_plan_benefit_level",
            path={
                "planID": plan_id,
                "benefitCode": benefit_code,
                "planBenefitLevelKey": plan_benefit_level_key,
            },
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    def delete_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        plan_benefit_level_key: int,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[None]:
        """Delete a plan benefit level (the raw response).

        See :meth:`Client.delete_plan_benefit_level`.
        """
        return self._client._call(
            "delete_plan_benefit_level",
            path={
                "planID": plan_id,
                "benefitCode": benefit_code,
                "planBenefitLevelKey": plan_benefit_level_key,
            },
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    def update_batch_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        body: Sequence[models.PlanBenefitLevel | Mapping[str, Any]],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.MultiCodeResponse] | None]:
        """Create or update many plan benefit levels (the raw response).

        See :meth:`Client.update_batch_plan_benefit_level`.
        """
        return self._client._call(
            "update_batch_plan_benefit_level",
            path={"planID": plan_id, "benefitCode": benefit_code},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    def list_plan_modifier(
        self,
        plan_id: str,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.PlanModifier] | None]:
        """List the modifier rules of a plan (the raw response).

        See :meth:`Client.list_plan_modifier`.
        """
        return self._client._call(
            "list_plan_modifier",
            path={"planID": plan_id},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    def create_plan_modifier(
        self,
        plan_id: str,
        body: models.PlanModifier | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.PlanModifier | None]:
        """Create a plan modifier rule (the raw response).

        See :meth:`Client.create_plan_modifier`.
        """
        return self._client._call(
            "create_plan_modifier",
            path={"planID": plan_id},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    def get_plan_modifier(
        self,
        plan_id: str,
        modifier: str,
        effective_date: datetime,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.PlanModifier | None]:
        """Get a plan modifier rule (the raw response).

        See :meth:`Client.get_plan_modifier`.
        """
        return self._client._call(
            "get_plan_modifier",
            path={"planID": plan_id, "modifier": modifier, "effectiveDate": effective_date},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    def update_plan_modifier(
        self,
        plan_id: str,
        modifier: str,
        effective_date: datetime,
        body: models.PlanModifier | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.PlanModifier | None]:
        """Update a plan modifier rule (the raw response).

        See :meth:`Client.update_plan_modifier`.
        """
        return self._client._call(
            "update_plan_modifier",
            path={"planID": plan_id, "modifier": modifier, "effectiveDate": effective_date},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    def delete_plan_modifier(
        self,
        plan_id: str,
        modifier: str,
        effective_date: datetime,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[None]:
        """Delete a plan modifier rule (the raw response).

        See :meth:`Client.delete_plan_modifier`.
        """
        return self._client._call(
            "delete_plan_modifier",
            path={"planID": plan_id, "modifier": modifier, "effectiveDate": effective_date},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    def update_batch_plan_modifier(
        self,
        plan_id: str,
        body: Sequence[models.PlanModifier | Mapping[str, Any]],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.MultiCodeResponse] | None]:
        """Create or update many plan modifier rules (the raw response).

        See :meth:`Client.update_batch_plan_modifier`.
        """
        return self._client._call(
            "update_batch_plan_modifier",
            path={"planID": plan_id},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
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

    async def list_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.PlanBenefitLevel] | None]:
        """List the benefit levels of a plan benefit (the raw response).

        See :meth:`AsyncClient.list_plan_benefit_level`.
        """
        return await self._client._call(
            "list_plan_benefit_level",
            path={"planID": plan_id, "benefitCode": benefit_code},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    async def create_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        body: models.PlanBenefitLevel | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.PlanBenefitLevel | None]:
        """Create a plan benefit level (the raw response).

        See :meth:`AsyncClient.create_plan_benefit_level`.
        """
        return await self._client._call(
            "create_plan_benefit_level",
            path={"planID": plan_id, "benefitCode": benefit_code},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    async def get_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        plan_benefit_level_key: int,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.PlanBenefitLevel | None]:
        """Get a plan benefit level (the raw response).

        See :meth:`AsyncClient.get_plan_benefit_level`.
        """
        return await self._client._call(
            "get_plan_benefit_level",
            path={
                "planID": plan_id,
                "benefitCode": benefit_code,
                "planBenefitLevelKey": plan_benefit_level_key,
            },
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    async def update_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        plan_benefit_level_key: int,
        body: models.PlanBenefitLevel | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.PlanBenefitLevel | None]:
        """Update a plan benefit level (the raw response).

        See :meth:`AsyncClient.update_plan_benefit_level`.
        """
        return await self._client._call(
            "update_plan_benefit_level",
            path={
                "planID": plan_id,
                "benefitCode": benefit_code,
                "planBenefitLevelKey": plan_benefit_level_key,
            },
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    async def delete_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        plan_benefit_level_key: int,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[None]:
        """Delete a plan benefit level (the raw response).

        See :meth:`AsyncClient.delete_plan_benefit_level`.
        """
        return await self._client._call(
            "delete_plan_benefit_level",
            path={
                "planID": plan_id,
                "benefitCode": benefit_code,
                "planBenefitLevelKey": plan_benefit_level_key,
            },
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    async def update_batch_plan_benefit_level(
        self,
        plan_id: str,
        benefit_code: str,
        body: Sequence[models.PlanBenefitLevel | Mapping[str, Any]],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.MultiCodeResponse] | None]:
        """Create or update many plan benefit levels (the raw response).

        See :meth:`AsyncClient.update_batch_plan_benefit_level`.
        """
        return await self._client._call(
            "update_batch_plan_benefit_level",
            path={"planID": plan_id, "benefitCode": benefit_code},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    async def list_plan_modifier(
        self,
        plan_id: str,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.PlanModifier] | None]:
        """List the modifier rules of a plan (the raw response).

        See :meth:`AsyncClient.list_plan_modifier`.
        """
        return await self._client._call(
            "list_plan_modifier",
            path={"planID": plan_id},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    async def create_plan_modifier(
        self,
        plan_id: str,
        body: models.PlanModifier | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.PlanModifier | None]:
        """Create a plan modifier rule (the raw response).

        See :meth:`AsyncClient.create_plan_modifier`.
        """
        return await self._client._call(
            "create_plan_modifier",
            path={"planID": plan_id},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    async def get_plan_modifier(
        self,
        plan_id: str,
        modifier: str,
        effective_date: datetime,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.PlanModifier | None]:
        """Get a plan modifier rule (the raw response).

        See :meth:`AsyncClient.get_plan_modifier`.
        """
        return await self._client._call(
            "get_plan_modifier",
            path={"planID": plan_id, "modifier": modifier, "effectiveDate": effective_date},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    async def update_plan_modifier(
        self,
        plan_id: str,
        modifier: str,
        effective_date: datetime,
        body: models.PlanModifier | Mapping[str, Any],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[models.PlanModifier | None]:
        """Update a plan modifier rule (the raw response).

        See :meth:`AsyncClient.update_plan_modifier`.
        """
        return await self._client._call(
            "update_plan_modifier",
            path={"planID": plan_id, "modifier": modifier, "effectiveDate": effective_date},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )

    async def delete_plan_modifier(
        self,
        plan_id: str,
        modifier: str,
        effective_date: datetime,
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[None]:
        """Delete a plan modifier rule (the raw response).

        See :meth:`AsyncClient.delete_plan_modifier`.
        """
        return await self._client._call(
            "delete_plan_modifier",
            path={"planID": plan_id, "modifier": modifier, "effectiveDate": effective_date},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=None,
            has_body=False,
            content_type=None,
            options=request_options,
        )

    async def update_batch_plan_modifier(
        self,
        plan_id: str,
        body: Sequence[models.PlanModifier | Mapping[str, Any]],
        *,
        vbasoftware_database: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> RawResponse[list[models.MultiCodeResponse] | None]:
        """Create or update many plan modifier rules (the raw response).

        See :meth:`AsyncClient.update_batch_plan_modifier`.
        """
        return await self._client._call(
            "update_batch_plan_modifier",
            path={"planID": plan_id},
            query={},
            headers={"vbasoftware-database": vbasoftware_database},
            cookies={},
            body=body,
            has_body=True,
            content_type="application/json",
            options=request_options,
        )
