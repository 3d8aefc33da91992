"""Shopify Admin GraphQL: endpoint, credentials, typed errors and shop info, here; the client
(`cancelapp.shopify.client`, which brings httpx) and the documents (graphql-core) are imported
from their own modules by the code that opens a session."""

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
