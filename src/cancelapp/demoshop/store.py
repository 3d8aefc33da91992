"""The demo shop's state: one store, its catalogue, stock, customers, orders and pending work.

All reads and writes happen under `lock` (the HTTP server is threaded). Work Shopify does in the
background (an `orderCancel` job, a fulfillment service answering) is scheduled with a due time
and carried out by `settle()`, which every request and every test accessor calls first, so the
outcome is the same as a background worker's without threads racing the tests.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from cancelapp.demoshop.clock import Clock
from cancelapp.demoshop.ids import gid
from cancelapp.demoshop.ledger import Ledger, LedgerRestock
from cancelapp.demoshop.model import Customer, Location, Order, Product, Variant

T = TypeVar("T")


@dataclass(frozen=True)
class ShopInfo:
    name: str = "Hygge & Co. (demo)"
    myshopify_domain: str = "hygge-demo.myshopify.com"
    email: str = "butik@hygge-demo.dk"
    currency_code: str = "DKK"
    iana_timezone: str = "Europe/Copenhagen"
    plan_name: str = "Basic"


@dataclass
class EditRules:
    """The default return policy profile's rules for buyer cancellation requests."""

    can_accept_edits: bool = True
    edit_window_minutes: int = 24 * 60  # -1: until fulfilment


@dataclass
class IdempotentCall:
    """The first outcome of a mutation sent with an `@idempotent` key."""

    fingerprint: str
    payload: dict[str, Any]


@dataclass(order=True)
class _Scheduled:
    due: float
    seq: int
    action: Callable[[], None] = field(compare=False)


class ShopStore:
    def __init__(self, clock: Clock, ledger: Ledger) -> None:
        self.lock = threading.RLock()
        self.clock = clock
        self.ledger = ledger
        self.info = ShopInfo()
        self.edit_rules = EditRules()
        self.fulfillment_service_answer = "accept"  # how the 3PL answers: accept, reject, none
        self.fulfillment_service_delay = 0.2  # seconds before it answers
        self.ignored_search_fields: frozenset[str] = frozenset()  # as if Shopify lacked them
        # False: the app lacks protected customer data access; names, emails and addresses
        # come back empty, as Shopify redacts them.
        self.protected_customer_data = True
        self.base_url = ""  # where the HTTP server answers: image URLs start with it
        self.locations: dict[int, Location] = {}
        self.products: dict[int, Product] = {}
        self.variants: dict[int, Variant] = {}
        self.inventory: dict[tuple[int, int], int] = {}  # (inventory item, location) -> available
        self.customers: dict[int, Customer] = {}
        self.orders: dict[int, Order] = {}
        self.customer_orders: dict[int, dict[int, Order]] = {}  # customer id -> their orders
        # lower-case tag -> ids of orders that carry or carried it: a superset, so a search by
        # tag looks at these only and still checks each (`register` and `tags_added` add)
        self._tagged: dict[str, set[int]] = {}
        self._owners: dict[int, tuple[Order, Any]] = {}  # sub-object id -> (order, object)
        self.jobs: dict[str, Any] = {}  # job uuid -> cancel job
        self.idempotent: dict[tuple[str, str], IdempotentCall] = {}
        self.objects: dict[str, Any] = {}  # gid -> payload objects reachable by node(id:)
        self._ids = itertools.count(5_100_000_001)
        self._numbers = itertools.count(1001)
        self._queue: list[_Scheduled] = []
        self._seq = itertools.count()

    def new_id(self) -> int:
        return next(self._ids)

    def new_order_number(self) -> int:
        return next(self._numbers)

    def now(self) -> datetime:
        """Whole seconds, as Shopify's timestamps are: a search by time finds what it shows."""
        return self.clock.now().replace(microsecond=0)

    def schedule(self, delay: float, action: Callable[[], None]) -> None:
        with self.lock:
            due = self.clock.monotonic() + max(delay, 0.0)
            heapq.heappush(self._queue, _Scheduled(due, next(self._seq), action))

    def settle(self) -> None:
        """Carry out the background work that is due by now."""
        with self.lock:
            now = self.clock.monotonic()
            while self._queue and self._queue[0].due <= now:
                heapq.heappop(self._queue).action()

    def register(self, order: Order) -> None:
        """Make an order and everything in it findable by id; call again after adding to it."""
        self.orders[order.id] = order
        self.tags_added(order)
        if order.customer is not None:
            self.customer_orders.setdefault(order.customer.id, {})[order.id] = order
        parts: list[Any] = [
            *order.line_items,
            *order.transactions,
            *order.fulfillment_orders,
            *order.refunds,
            *order.requested_edits,
            *order.metafields,
        ]
        parts += [line for edit in order.requested_edits for line in edit.lines]
        parts += [hold for fo in order.fulfillment_orders for hold in fo.holds]
        parts += [line for shipment in order.fulfillments for line in shipment.lines]
        parts += order.returns
        for part in parts:
            self._owners[part.id] = (order, part)

    def forget(self, order: Order) -> None:
        """Remove an order and everything in it (`register` undone)."""
        self.orders.pop(order.id, None)
        if order.customer is not None:
            self.customer_orders.get(order.customer.id, {}).pop(order.id, None)
        self._owners = {k: v for k, v in self._owners.items() if v[0] is not order}

    def tags_added(self, order: Order) -> None:
        """Call after giving an order a tag: a search by that tag must find it."""
        for tag in order.tags:
            self._tagged.setdefault(tag.lower(), set()).add(order.id)

    def tagged(self, tag: str) -> list[Order]:
        """Every order that may carry `tag` (any case): those that ever did."""
        found = (self.orders.get(number) for number in self._tagged.get(tag.lower(), ()))
        return [order for order in found if order is not None]

    def in_range(self, low: int, high: int) -> list[Order]:
        """The orders whose id is in `low <= id < high`."""
        return [order for number, order in self.orders.items() if low <= number < high]

    def owner(self, part_id: int) -> Order:
        return self._owners[part_id][0]

    def find(self, part_id: int | None, kind: type[T]) -> T | None:
        """The order's part with this id if it is a `kind`."""
        found = self._owners.get(part_id) if part_id is not None else None
        return found[1] if found is not None and isinstance(found[1], kind) else None

    def variant_for_item(self, inventory_item_id: int) -> Variant | None:
        return next(
            (v for v in self.variants.values() if v.inventory_item_id == inventory_item_id), None
        )

    def adjust_stock(
        self,
        inventory_item_id: int,
        location_id: int,
        delta: int,
        *,
        order: Order | None,
        idempotency_key: str | None = None,
    ) -> int:
        """Change available stock and write it in the ledger; returns the quantity after."""
        key = (inventory_item_id, location_id)
        self.inventory[key] = self.inventory.get(key, 0) + delta
        self.ledger.record_restock(
            LedgerRestock(
                inventory_item_id=gid("InventoryItem", inventory_item_id),
                location_id=gid("Location", location_id),
                delta=delta,
                order_id=gid("Order", order.id) if order else None,
                idempotency_key=idempotency_key,
                at=self.now(),
            )
        )
        return self.inventory[key]
