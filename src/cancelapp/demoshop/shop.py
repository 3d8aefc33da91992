"""`DemoShop`: a running stand-in for one Shopify store, for tests, benchmarks and `--demo`."""

from __future__ import annotations

import random
import threading
from datetime import datetime, timedelta
from types import TracebackType

from cancelapp.demoshop import cancel_requests, factory, fulfillment
from cancelapp.demoshop.auth import TOKEN_LIFETIME_S, TokenBook
from cancelapp.demoshop.bulk_operations import REFUSALS, BulkOperations
from cancelapp.demoshop.clock import Clock
from cancelapp.demoshop.executor import GraphQLService
from cancelapp.demoshop.faults import Faults
from cancelapp.demoshop.http_server import DemoShopServer, RequestStats
from cancelapp.demoshop.ids import gid, gid_number
from cancelapp.demoshop.ledger import Ledger
from cancelapp.demoshop.model import Order
from cancelapp.demoshop.seed import seed_store
from cancelapp.demoshop.store import ShopStore
from cancelapp.demoshop.throttle import LeakyBucket

# What a store grants CancelApp by default. Not `read_all_orders`: the app does not ask for it
# (Shopify grants it only on request), so orders older than 60 days stay hidden, as they would.
DEFAULT_SCOPES = frozenset(
    {
        "read_orders",
        "write_orders",
        "read_customers",
        "write_inventory",
        "read_inventory",
        "read_locations",
        "read_merchant_managed_fulfillment_orders",
        "write_merchant_managed_fulfillment_orders",
        "read_third_party_fulfillment_orders",
        "write_third_party_fulfillment_orders",
        "read_returns",
        "write_returns",
        "read_legal_policies",
    }
)


class DemoShop:
    """Seeded shop data served over HTTP on 127.0.0.1 (a free port unless `port` is given).

    `cancel_job_delay` is how long an `orderCancel` job runs; `restore_rate` and `bucket_size`
    set the cost-based rate limit; `scopes` are what the app was granted; pass a `ManualClock`
    to move time by hand. A bulk query takes `bulk_start_delay` seconds plus its objects at
    `bulk_objects_per_second` (0: no wait); `bulk_operations` states the assumed real ones.
    """

    def __init__(
        self,
        *,
        seed: int = 1,
        size: int = 40,
        restore_rate: float = 100,
        bucket_size: float = 1000,
        cancel_job_delay: float = 0.2,
        bulk_start_delay: float = 0.0,
        bulk_objects_per_second: float = 0.0,
        token_lifetime: float = TOKEN_LIFETIME_S,
        scopes: frozenset[str] = DEFAULT_SCOPES,
        clock: Clock | None = None,
        now: datetime | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.clock = clock or Clock()
        self._ledger = Ledger()
        self.store = ShopStore(self.clock, self._ledger)
        seed_store(self.store, seed=seed, size=size, now=now or self.store.now())
        self.scopes = frozenset(scopes)
        self.tokens = TokenBook(self.clock, token_lifetime=token_lifetime)
        self.bucket = LeakyBucket(self.clock, size=bucket_size, restore_rate=restore_rate)
        self.bulk = BulkOperations(
            self.store,
            self.clock,
            start_delay=bulk_start_delay,
            objects_per_second=bulk_objects_per_second,
        )
        self.service = GraphQLService(
            self.store, self.bucket, cancel_job_delay=cancel_job_delay, bulk=self.bulk
        )
        self.faults = Faults(seed)
        self.stats = RequestStats()
        self._address = (host, port)
        self._server: DemoShopServer | None = None
        self._thread: threading.Thread | None = None

    # Running

    def start(self) -> DemoShop:
        if self._server is not None:
            return self
        self._server = DemoShopServer(self._address, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="demo-shop",
            daemon=True,
        )
        self._thread.start()
        self.store.base_url = self.base_url
        self.bulk.base_url = self.base_url
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        # Started again, it answers at the same address: the app's store is that address.
        self._address = (self._address[0], int(self._server.server_address[1]))
        self._server.shutdown()
        self._server.hang_up_all()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server, self._thread = None, None

    def __enter__(self) -> DemoShop:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the demo shop is not running; call start() first")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def graphql_url(self, version: str = "2026-10") -> str:
        return f"{self.base_url}/admin/api/{version}/graphql.json"

    @property
    def access_token(self) -> str:
        return self.tokens.access_token

    @property
    def client_id(self) -> str:
        return self.tokens.client_id

    @property
    def client_secret(self) -> str:
        return self.tokens.client_secret

    # What happened

    def settle(self) -> None:
        """Finish background work that is due (cancel jobs, fulfilment service answers)."""
        self.store.settle()

    @property
    def ledger(self) -> Ledger:
        self.settle()
        return self._ledger

    @property
    def throttled(self) -> int:
        """How many requests were refused with THROTTLED."""
        return self.bucket.throttled

    def order(self, order_id: str) -> Order:
        """The demo shop's own record of an order (read it, do not change it)."""
        self.settle()
        number = gid_number(order_id, "Order")
        found = self.store.orders.get(number) if number is not None else None
        if found is None:
            raise KeyError(order_id)
        return found

    def order_ids(self) -> list[str]:
        with self.store.lock:
            return [gid("Order", number) for number in sorted(self.store.orders)]

    def stock(self, inventory_item_id: str, location_id: str) -> int:
        item = gid_number(inventory_item_id, "InventoryItem")
        location = gid_number(location_id, "Location")
        with self.store.lock:
            return self.store.inventory.get((item or -1, location or -1), 0)

    # Making situations for tests

    def create_order(self, state: str = "paid", *, created_at: datetime | None = None) -> str:
        """A new order in one of `factory.ORDER_STATES`; returns its gid."""
        with self.store.lock:
            now = self.store.now()
            rng = random.Random(len(self.store.orders))
            order = factory.OrderFactory(self.store, rng, now).make(
                state, created_at=created_at or now
            )
            return gid("Order", order.id)

    def add_cancel_request(
        self,
        order_id: str,
        reason: str | None = "Please cancel my order.",
        *,
        via: str = "attribute",
    ) -> None:
        """Tag the order `cancel-request` with the reason in an attribute, metafield or both."""
        with self.store.lock:
            order = self.order(order_id)
            cancel_requests.add_tag_request(self.store, order, reason, via, self.store.now())

    def add_requested_edit(self, order_id: str, quantities: dict[str, int] | None = None) -> str:
        """A buyer's request to remove items (all unfulfilled ones by default); returns its gid."""
        with self.store.lock:
            order = self.order(order_id)
            numbers = (
                {gid_number(k, "LineItem") or -1: v for k, v in quantities.items()}
                if quantities is not None
                else None
            )
            edit = cancel_requests.add_requested_edit(self.store, order, self.store.now(), numbers)
            return gid("RequestedOrderEdit", edit.id)

    def refuse_bulk_operations(self, how: str | None = "ACCESS_DENIED") -> None:
        """Play a Shopify that will not run a bulk query, `how` (one of
        `bulk_operations.REFUSALS`: ACCESS_DENIED for a token that may not, OPERATION_IN_PROGRESS,
        LIMIT_REACHED, FAILED, CANCELED, GONE for a file that cannot be read); None runs them."""
        if how is not None and how not in REFUSALS:
            raise ValueError(f"how must be one of {REFUSALS}, not {how!r}")
        with self.store.lock:
            self.bulk.refusal = how

    def hold_bulk_operations(self) -> None:
        """Bulk queries started from now on wait (status CREATED) until `release_bulk_operations`:
        the shop can change while one is under way."""
        with self.store.lock:
            self.bulk.held = True

    def release_bulk_operations(self) -> None:
        with self.store.lock:
            self.bulk.release()

    def limit_bulk_operations(self, running: int) -> None:
        """Other apps hold the rest of the shop's five slots: a bulk query started while
        `running` run is refused with LIMIT_REACHED."""
        with self.store.lock:
            self.bulk.most_running = running

    def delete_order(self, order_id: str) -> None:
        """The order is gone, as after `orderDelete` in the admin: no search or id finds it."""
        with self.store.lock:
            self.store.forget(self.order(order_id))

    def ignore_search_field(self, name: str) -> None:
        """Answer searches as a Shopify that does not know the filter `name`: it is ignored,
        and every order matches it (as Shopify does with unknown search fields)."""
        with self.store.lock:
            self.store.ignored_search_fields = self.store.ignored_search_fields | {name}

    def fulfil(self, order_id: str, units: dict[str, int] | None = None) -> None:
        """The warehouse ships everything still open on the order, or `units` per line item
        gid."""
        with self.store.lock:
            order = self.order(order_id)
            now = self.store.now()
            for li in order.line_items:
                wanted = li.unfulfilled_quantity
                if units is not None:
                    wanted = min(units.get(gid("LineItem", li.id), 0), wanted)
                if wanted:
                    factory.fulfil(order, li, wanted, self.store.new_id(), now)
            self.store.register(order)

    def release_holds(self, order_id: str) -> None:
        """The merchant releases every hold on the order in the Shopify admin."""
        with self.store.lock:
            order = self.order(order_id)
            for fo in order.fulfillment_orders:
                if fo.status == "ON_HOLD":
                    fo.holds.clear()
                    fo.status = "OPEN"
            order.touch(self.store.now())

    def withhold_customer_data(self, withheld: bool = True) -> None:
        """As for an app without protected customer data access: customers' names, emails
        and addresses come back empty."""
        with self.store.lock:
            self.store.protected_customer_data = not withheld

    def ship_to(self, order_id: str, country: str, *, company: str | None = None) -> None:
        """Give the order a shipping address in `country` (a `CountryCode`), with a company."""
        with self.store.lock:
            order = self.order(order_id)
            order.shipping_country, order.company = country, company
            order.touch(self.store.now())

    def mark_delivered(self, order_id: str, at: datetime | None = None) -> None:
        """The carrier reports every shipment of the order delivered (`at`, else now)."""
        with self.store.lock:
            order = self.order(order_id)
            now = self.store.now()
            for shipment in order.fulfillments:
                shipment.delivered_at = at or now
            order.touch(now)

    def add_eu_withdrawals(self) -> list[str]:
        """Danish customers withdrawing: one order delivered three days ago, one not shipped;
        returns their gids."""
        delivered, unshipped = self.create_order("fulfilled"), self.create_order("paid")
        for order_id in (delivered, unshipped):
            self.ship_to(order_id, "DK")
            self.add_cancel_request(order_id, "Jeg fortryder mit køb, jf. fortrydelsesretten.")
        self.mark_delivered(delivered, self.store.now() - timedelta(days=3))
        return [delivered, unshipped]

    def charge_extra(self, field: str, points: int) -> None:
        """Charge `points` more for each `field` ("Type.field") a query selects than Shopify's
        published rules say, as Shopify's manual field costs do; 0 removes the surcharge."""
        if points:
            self.service.surcharges[field] = points
        else:
            self.service.surcharges.pop(field, None)

    def set_fulfillment_service_answer(self, answer: str, *, delay: float | None = None) -> None:
        """How the fulfilment service answers cancellation requests: accept, reject or none."""
        if answer not in {"accept", "reject", "none"}:
            raise ValueError(f"answer must be accept, reject or none, not {answer!r}")
        with self.store.lock:
            self.store.fulfillment_service_answer = answer
            if delay is not None:
                self.store.fulfillment_service_delay = delay

    def answer_cancellation_requests(self, answer: str) -> int:
        """The fulfilment service answers every cancellation request still waiting now (as a
        warehouse whose answer was set to "none" finally does); returns how many it answered."""
        if answer not in {"accept", "reject"}:
            raise ValueError(f"answer must be accept or reject, not {answer!r}")
        with self.store.lock:
            waiting = [
                fo
                for order in self.store.orders.values()
                for fo in order.fulfillment_orders
                if fo.request_status == "CANCELLATION_REQUESTED"
            ]
            for fo in waiting:
                fulfillment.answer_cancellation(self.store, fo, answer)
        return len(waiting)

    def accept_fulfillment_requests(self, order_id: str) -> int:
        """The fulfilment service accepts the order's requests still only submitted (its
        work starts: cancelling then needs its consent); returns how many it accepted."""
        order = self.order(order_id)
        with self.store.lock:
            submitted = [fo for fo in order.fulfillment_orders if fo.request_status == "SUBMITTED"]
            for fo in submitted:
                fulfillment.accept_fulfillment_request(self.store, fo)
        return len(submitted)

    def deactivate_location(self, location_id: str) -> None:
        with self.store.lock:
            self.store.locations[gid_number(location_id, "Location") or -1].is_active = False
