"""The shop's locations and where items are stocked, read when an approve preview is built.

Locations rarely change, so they are kept for a while per open store (`LocationCache`, one per
action runner); which locations stock an item is kept per item the same way. Nothing is
written to disk: the preview needs Shopify anyway.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from cancelapp.domain.location import ShopLocation, Stocking
from cancelapp.shopify import documents
from cancelapp.shopify.batching import read_by_ids
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.errors import MalformedResponse

KEPT_SECONDS = 600.0  # a location opened or closed meanwhile shows within ten minutes


def location_of(node: Mapping[str, Any]) -> ShopLocation:
    try:
        return ShopLocation(
            id=str(node["id"]),
            name=str(node["name"]),
            fulfills_online_orders=bool(node.get("fulfillsOnlineOrders", True)),
            is_fulfillment_service=bool(node.get("isFulfillmentService", False)),
        )
    except (KeyError, TypeError) as exc:
        raise MalformedResponse(f"location: {exc!r}") from None


def stocked_at(node: Mapping[str, Any] | None) -> frozenset[str]:
    """The location ids of an `inventoryItem` with its `inventoryLevels`; none when Shopify
    has no such item."""
    if node is None:
        return frozenset()
    try:
        levels = node["inventoryLevels"]["nodes"]
        return frozenset(str(level["location"]["id"]) for level in levels)
    except (KeyError, TypeError) as exc:
        raise MalformedResponse(f"inventory levels: {exc!r}") from None


class LocationCache:
    """The shop's active locations and the items' stocking, read at most every
    `KEPT_SECONDS`. Safe to share between worker threads. Raises `MissingScopes` without
    `read_locations` or `read_inventory`."""

    def __init__(
        self,
        client: ShopifyClient,
        *,
        kept_seconds: float = KEPT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.kept_seconds = kept_seconds
        self.clock = clock
        self._lock = threading.Lock()
        self._locations: tuple[float, tuple[ShopLocation, ...]] | None = None
        self._items: dict[str, tuple[float, frozenset[str]]] = {}

    def stocking(
        self, item_ids: Iterable[str], *, cancel: threading.Event | None = None
    ) -> Stocking:
        """The active locations, and where each of `item_ids` is stocked."""
        locations = self._active_locations(cancel)
        wanted = list(dict.fromkeys(item_ids))
        now = self.clock()
        with self._lock:
            known = {
                item: where
                for item, (read_at, where) in self._items.items()
                if item in wanted and now - read_at < self.kept_seconds
            }
        missing = [item for item in wanted if item not in known]
        if missing:
            found = read_by_ids(
                self.client, documents.load("inventory_item_levels"), missing, cancel=cancel
            )
            read = {item: stocked_at(found.get(item)) for item in missing}
            with self._lock:
                self._items.update({item: (now, where) for item, where in read.items()})
            known.update(read)
        return Stocking(locations, known)

    def _active_locations(self, cancel: threading.Event | None) -> tuple[ShopLocation, ...]:
        now = self.clock()
        with self._lock:
            if self._locations is not None and now - self._locations[0] < self.kept_seconds:
                return self._locations[1]
        read = tuple(
            location_of(node)
            for page in self.client.paginate(
                documents.load("locations"), {"first": 50}, ("locations",), cancel=cancel
            )
            for node in page
            if node.get("isActive", True)
        )
        with self._lock:
            self._locations = (now, read)
        return read
