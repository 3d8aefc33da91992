"""Shopify Admin GraphQL: endpoint, credentials, typed errors and shop info, here; the client
(`cancelapp.shopify.client`, which brings httpx) and the documents (graphql-core) are imported
from their own modules by the code that opens a session.

The names load on first use (PEP 562): the window's first rows need `Endpoint` only, not the
credentials' and shop info's dataclasses (issue 19)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cancelapp.shopify.credentials import AccessToken, ClientCredentials, Credentials
    from cancelapp.shopify.endpoint import Endpoint
    from cancelapp.shopify.errors import (
        AuthFailed,
        Cancelled,
        InvalidShopDomain,
        MalformedResponse,
        MissingScopes,
        NetworkDown,
        OutcomeUnknown,
        QueryTooExpensive,
        RequestRejected,
        ShopifyDown,
        ShopifyError,
        ShopLocked,
        ShopNotFound,
        Throttled,
        UserErrorDetail,
        UserErrors,
    )
    from cancelapp.shopify.shop_info import MissingScope, ShopInfo
    from cancelapp.shopify.version import API_VERSION

_MODULE_OF = {
    "API_VERSION": "cancelapp.shopify.version",
    "AccessToken": "cancelapp.shopify.credentials",
    "AuthFailed": "cancelapp.shopify.errors",
    "Cancelled": "cancelapp.shopify.errors",
    "ClientCredentials": "cancelapp.shopify.credentials",
    "Credentials": "cancelapp.shopify.credentials",
    "Endpoint": "cancelapp.shopify.endpoint",
    "InvalidShopDomain": "cancelapp.shopify.errors",
    "MalformedResponse": "cancelapp.shopify.errors",
    "MissingScope": "cancelapp.shopify.shop_info",
    "MissingScopes": "cancelapp.shopify.errors",
    "NetworkDown": "cancelapp.shopify.errors",
    "OutcomeUnknown": "cancelapp.shopify.errors",
    "QueryTooExpensive": "cancelapp.shopify.errors",
    "RequestRejected": "cancelapp.shopify.errors",
    "ShopInfo": "cancelapp.shopify.shop_info",
    "ShopLocked": "cancelapp.shopify.errors",
    "ShopNotFound": "cancelapp.shopify.errors",
    "ShopifyDown": "cancelapp.shopify.errors",
    "ShopifyError": "cancelapp.shopify.errors",
    "Throttled": "cancelapp.shopify.errors",
    "UserErrorDetail": "cancelapp.shopify.errors",
    "UserErrors": "cancelapp.shopify.errors",
}

__all__ = [
    "API_VERSION",
    "AccessToken",
    "AuthFailed",
    "Cancelled",
    "ClientCredentials",
    "Credentials",
    "Endpoint",
    "InvalidShopDomain",
    "MalformedResponse",
    "MissingScope",
    "MissingScopes",
    "NetworkDown",
    "OutcomeUnknown",
    "QueryTooExpensive",
    "RequestRejected",
    "ShopInfo",
    "ShopLocked",
    "ShopNotFound",
    "ShopifyDown",
    "ShopifyError",
    "Throttled",
    "UserErrorDetail",
    "UserErrors",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
