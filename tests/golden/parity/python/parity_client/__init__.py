"""Typed client and models of the Parity notes (spec version 1.0).
``Client`` and ``AsyncClient`` (in ``.client``), the exceptions (in ``.errors``) and the
models (``.models``) are imported on first use, so ``import`` of the package stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import models
    from ._base import RawResponse, RequestOptions
    from .client import AsyncClient, Client
    from .errors import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        InternalServerError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        UnprocessableEntityError,
    )

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "Client",
    "RawResponse",
    "RequestOptions",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "models",
]

_HOMES = {
    "AsyncClient": ".client",
    "Client": ".client",
    "RawResponse": "._base",
    "RequestOptions": "._base",
    "models": ".models",
}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(_HOMES.get(name, ".errors"), __name__)
    value = module if name == "models" else getattr(module, name)
    globals()[name] = value
    return value
