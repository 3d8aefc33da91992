"""Shopify Admin GraphQL client: endpoint, auth, pacing, retries, typed errors, documents.

The names below load their module on first use (PEP 562): `cancelapp.shopify.order_mapping`
and the errors are needed long before a request is sent, and importing the client eagerly
would pull httpx and graphql-core (about 0.25 s) into every start and first detail view.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cancelapp.shopify import documents as documents
    from cancelapp.shopify.client import ShopifyClient as ShopifyClient
    from cancelapp.shopify.credentials import (
        AccessToken as AccessToken,
    )
    from cancelapp.shopify.credentials import (
        ClientCredentials as ClientCredentials,
    )
    from cancelapp.shopify.credentials import (
        Credentials as Credentials,
    )
    from cancelapp.shopify.endpoint import Endpoint as Endpoint
    from cancelapp.shopify.errors import (
        AuthFailed as AuthFailed,
    )
    from cancelapp.shopify.errors import (
        Cancelled as Cancelled,
    )
    from cancelapp.shopify.errors import (
        InvalidShopDomain as InvalidShopDomain,
    )
    from cancelapp.shopify.errors import (
        MalformedResponse as MalformedResponse,
    )
    from cancelapp.shopify.errors import (
        MissingScopes as MissingScopes,
    )
    from cancelapp.shopify.errors import (
        NetworkDown as NetworkDown,
    )
    from cancelapp.shopify.errors import (
        OutcomeUnknown as OutcomeUnknown,
    )
    from cancelapp.shopify.errors import (
        QueryTooExpensive as QueryTooExpensive,
    )
    from cancelapp.shopify.errors import (
        RequestRejected as RequestRejected,
    )
    from cancelapp.shopify.errors import (
        ShopifyDown as ShopifyDown,
    )
    from cancelapp.shopify.errors import (
        ShopifyError as ShopifyError,
    )
    from cancelapp.shopify.errors import (
        ShopLocked as ShopLocked,
    )
    from cancelapp.shopify.errors import (
        ShopNotFound as ShopNotFound,
    )
    from cancelapp.shopify.errors import (
        Throttled as Throttled,
    )
    from cancelapp.shopify.errors import (
        UserErrorDetail as UserErrorDetail,
    )
    from cancelapp.shopify.errors import (
        UserErrors as UserErrors,
    )
    from cancelapp.shopify.shop_info import MissingScope as MissingScope
    from cancelapp.shopify.shop_info import ShopInfo as ShopInfo
    from cancelapp.shopify.version import (
        API_VERSION as API_VERSION,
    )

_HOMES = {
    "documents": "",
    "ShopifyClient": "client",
    "AccessToken": "credentials",
    "ClientCredentials": "credentials",
    "Credentials": "credentials",
    "Endpoint": "endpoint",
    "MissingScope": "shop_info",
    "ShopInfo": "shop_info",
    "API_VERSION": "version",
    **dict.fromkeys(
        (
            "AuthFailed",
            "Cancelled",
            "InvalidShopDomain",
            "MalformedResponse",
            "MissingScopes",
            "NetworkDown",
            "OutcomeUnknown",
            "QueryTooExpensive",
            "RequestRejected",
            "ShopifyDown",
            "ShopifyError",
            "ShopLocked",
            "ShopNotFound",
            "Throttled",
            "UserErrorDetail",
            "UserErrors",
        ),
        "errors",
    ),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if home == "":
        value: Any = importlib.import_module(f"{__name__}.{name}")
    else:
        value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
