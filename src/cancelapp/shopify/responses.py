"""Reads Shopify's HTTP answers: the JSON envelope, status codes and GraphQL error codes."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from cancelapp.shopify.endpoint import Endpoint
from cancelapp.shopify.errors import (
    AuthFailed,
    MalformedResponse,
    MissingScopes,
    OutcomeUnknown,
    QueryTooExpensive,
    RequestRejected,
    ShopifyDown,
    ShopifyError,
    ShopLocked,
    ShopNotFound,
    UserErrorDetail,
    UserErrors,
)

# "This request is currently in progress, please try again": an earlier attempt with the same
# idempotency key is still running, so whether it changed the store is not known yet.
CONCURRENT_ATTEMPT = "IDEMPOTENCY_CONCURRENT_REQUEST"
_SCOPE = re.compile(r"\b((?:read|write)_[a-z_]+)\b")


@dataclass(frozen=True)
class Reply:
    data: dict[str, Any] | None
    errors: tuple[dict[str, Any], ...] = ()
    extensions: dict[str, Any] = field(default_factory=dict)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(_code(e) for e in self.errors)

    @property
    def requested_cost(self) -> float | None:
        cost = self.extensions.get("cost")
        value = cost.get("requestedQueryCost") if isinstance(cost, dict) else None
        return float(value) if isinstance(value, int | float) else None

    @property
    def actual_cost(self) -> float | None:
        cost = self.extensions.get("cost")
        value = cost.get("actualQueryCost") if isinstance(cost, dict) else None
        return float(value) if isinstance(value, int | float) else None


def decode(response: httpx.Response) -> Reply:
    """The GraphQL envelope of a 200 answer; HTML, truncated or odd JSON is `MalformedResponse`."""
    try:
        body = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        kind = response.headers.get("Content-Type", "?").split(";")[0]
        raise MalformedResponse(f"not JSON ({kind}, {len(response.content)} bytes)") from None
    if not isinstance(body, dict) or not ({"data", "errors"} & body.keys()):
        raise MalformedResponse("JSON without data or errors")
    data = body.get("data")
    errors = body.get("errors") or []
    extensions = body.get("extensions") or {}
    if (
        (data is not None and not isinstance(data, dict))
        or not isinstance(errors, list)
        or not all(isinstance(e, dict) for e in errors)
        or not isinstance(extensions, dict)
    ):
        raise MalformedResponse("unexpected shape of data, errors or extensions")
    return Reply(data, tuple(errors), extensions)


def status_failure(endpoint: Endpoint, response: httpx.Response) -> ShopifyError:
    """The error for a status the client does not retry (not 200, 401, 429 or 5xx)."""
    status = response.status_code
    detail = f"HTTP {status}"
    if status in {402, 423}:
        return ShopLocked(endpoint.domain, detail)
    if status == 403:
        return AuthFailed.forbidden(detail)
    if status == 404 or 300 <= status < 400:
        return ShopNotFound(endpoint.domain, detail)
    return RequestRejected((f"HTTP {status}",), detail)


def graphql_failure(reply: Reply) -> ShopifyError:
    """The error for GraphQL `errors` other than THROTTLED."""
    codes = reply.codes
    messages = tuple(str(e.get("message", "")) for e in reply.errors)
    detail = ", ".join(sorted(c for c in codes if c)) or "GraphQL errors"
    if "MAX_COST_EXCEEDED" in codes:
        return _too_expensive(reply, detail)
    if "ACCESS_DENIED" in codes:
        scopes = tuple(dict.fromkeys(s for m in messages for s in _SCOPE.findall(m)))
        return MissingScopes(scopes, detail)
    if "INTERNAL_SERVER_ERROR" in codes:
        return ShopifyDown(detail)
    if CONCURRENT_ATTEMPT in codes:
        return OutcomeUnknown(detail)
    return RequestRejected(messages, detail)


def payload_failure(payload: str, result: Mapping[str, Any]) -> ShopifyError | None:
    """The error a mutation's payload (`data[payload]`) reports, if any: `UserErrors` for its
    `userErrors` (or `…UserErrors`), but `OutcomeUnknown` when one says an attempt with the
    same idempotency key is still in progress: that is no refusal."""
    for name, value in result.items():
        if not (name == "userErrors" or name.endswith("UserErrors")) or not value:
            continue
        details = tuple(
            UserErrorDetail(
                message=str(e.get("message", "")),
                field=tuple(e.get("field") or ()),
                code=e.get("code"),
            )
            for e in value
        )
        if any(d.code == CONCURRENT_ATTEMPT for d in details):
            return OutcomeUnknown(f"{payload}: {CONCURRENT_ATTEMPT}")
        return UserErrors(payload, details)
    return None


def _too_expensive(reply: Reply, detail: str) -> QueryTooExpensive:
    """Shopify puts the refused cost and the cap in the error's extensions (`cost`, `maxCost`);
    the envelope's `requestedQueryCost` is the fallback for the cost."""
    cost: float | None = reply.requested_cost
    max_cost: float | None = None
    for error in reply.errors:
        extensions = error.get("extensions")
        if not isinstance(extensions, dict) or extensions.get("code") != "MAX_COST_EXCEEDED":
            continue
        cost = _number(extensions.get("cost")) or cost
        max_cost = _number(extensions.get("maxCost"))
    return QueryTooExpensive(detail, cost=cost, max_cost=max_cost)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    return float(value)


def _code(error: dict[str, Any]) -> str:
    extensions = error.get("extensions")
    code = extensions.get("code") if isinstance(extensions, dict) else None
    return code if isinstance(code, str) else ""
