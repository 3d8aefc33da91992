"""What every resolver can reach: the store and who is asking."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphql import GraphQLError, GraphQLResolveInfo

from cancelapp.demoshop.store import ShopStore

type Info = GraphQLResolveInfo[Any]


@dataclass
class RequestContext:
    store: ShopStore
    version: str
    scopes: frozenset[str]
    cancel_job_delay: float
    extensions: dict[str, Any] = field(default_factory=dict)
    bulk: Any = None  # the shop's `bulk_operations.BulkOperations` (which imports this)


def context_of(info: Info) -> RequestContext:
    context = info.context
    assert isinstance(context, RequestContext)
    return context


def store_of(info: Info) -> ShopStore:
    return context_of(info).store


def access_denied(field_name: str, scope: str) -> GraphQLError:
    """Shopify's answer when the token lacks a scope a field needs."""
    return GraphQLError(
        f"Access denied for {field_name} field. Required access: `{scope}` access scope.",
        extensions={
            "code": "ACCESS_DENIED",
            "documentation": "https://shopify.dev/api/usage/access-scopes",
            "requiredAccess": f"`{scope}` access scope.",
        },
    )
