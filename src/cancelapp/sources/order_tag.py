"""Orders tagged by an app or Shopify Flow: "this customer asked to cancel".

An order carrying the tag (default `cancel-request`) is one request. The customer's reason is
read from a custom attribute (note attribute, default `cancel_reason`), else from a metafield
(namespace and key, default `custom.cancel_reason`); the time asked from a
`cancel_requested_at` attribute when the app writes one, else the order's last update when
CancelApp first sees the tag. The order is named by Shopify itself: no email check is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cancelapp.domain.request import RequestSource
from cancelapp.shopify.client import ShopifyClient
from cancelapp.sources import documents
from cancelapp.sources.incoming import FetchResult, IncomingRequest
from cancelapp.sources.shopify_times import parse_time, search_time


@dataclass(frozen=True)
class OrderTagConfig:
    tag: str = "cancel-request"
    reason_attribute: str | None = "cancel_reason"
    reason_metafield: tuple[str, str] | None = ("custom", "cancel_reason")  # (namespace, key)
    requested_at_attribute: str | None = "cancel_requested_at"
    first_look_back: timedelta = timedelta(days=30)  # how far back the first fetch reaches


class OrderTagSource:
    name = RequestSource.ORDER_TAG

    def __init__(self, client: ShopifyClient, config: OrderTagConfig | None = None) -> None:
        self._client = client
        self.config = config or OrderTagConfig()

    def fetch(self, cursor: dict[str, Any]) -> FetchResult:
        since = parse_time(cursor.get("since")) or datetime.now(UTC) - self.config.first_look_back
        variables: dict[str, Any] = {"query": self.search(since)}
        if self.config.reason_metafield is not None:
            namespace, key = self.config.reason_metafield
            variables |= {"withMetafield": True, "namespace": namespace, "key": key}
        requests: list[IncomingRequest] = []
        latest = since
        for page in self._client.paginate(documents.load("tagged_orders"), variables):
            for node in page:
                latest = max(latest, parse_time(node.get("updatedAt")) or latest)
                request = self.request_from(node)
                if request is not None:
                    requests.append(request)
        return FetchResult(requests, [], {"since": latest.isoformat()})

    def search(self, since: datetime) -> str:
        tag = self.config.tag.replace("\\", "\\\\").replace('"', '\\"')
        # `>=`: orders updated in the same second as the last fetch are read again; their
        # provenance key makes that harmless, while `>` could miss one.
        return f"tag:\"{tag}\" updated_at:>='{search_time(since)}'"

    def request_from(self, node: dict[str, Any]) -> IncomingRequest | None:
        tags = {str(t).casefold() for t in node.get("tags") or []}
        if self.config.tag.casefold() not in tags:
            return None  # Shopify's search is looser than an exact tag
        attributes = {
            str(a.get("key")): str(a.get("value") or "") for a in node.get("customAttributes") or []
        }
        metafield = node.get("metafield") or {}
        reason = ""
        if self.config.reason_attribute and attributes.get(self.config.reason_attribute):
            reason = attributes[self.config.reason_attribute]
        elif isinstance(metafield, dict) and metafield.get("value"):
            reason = str(metafield["value"])
        asked_at = None
        if self.config.requested_at_attribute:
            asked_at = parse_time(attributes.get(self.config.requested_at_attribute))
        received_at = asked_at or parse_time(node.get("updatedAt")) or datetime.now(UTC)
        order_id = str(node["id"])
        return IncomingRequest(
            source=RequestSource.ORDER_TAG,
            external_id=f"tag:{order_id}",
            received_at=received_at,
            text=reason,
            order_name=str(node.get("name") or "") or None,
            customer_email=node.get("email"),
            order_id=order_id,
        )
