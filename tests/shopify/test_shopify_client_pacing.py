"""Cost-based pacing against the demo shop's leaky bucket: long runs are never throttled."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.clock import ManualClock
from cancelapp.shopify import Cancelled, documents
from cancelapp.shopify.client import ShopifyClient

Client = Callable[..., ShopifyClient]
ShopFactory = Callable[..., DemoShop]

# What a sync reads for its order list: a few scalars and objects, 50 orders a page.
SYNC_PAGE = """
query SyncPage($first: Int = 50, $after: String) {
  orders(first: $first, after: $after, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name updatedAt displayFinancialStatus displayFulfillmentStatus tags
      currentTotalPriceSet { shopMoney { amount currencyCode } }
      customer { id displayName }
    }
  }
}
"""


def _manual_time(clock: ManualClock) -> dict[str, Any]:
    """Client clock and sleep on the demo shop's hand-driven clock: time passes only while the
    client waits, so the run is as tight as pacing can be and takes no real waiting."""

    def sleep(seconds: float, cancel: threading.Event | None) -> bool:
        if cancel is not None and cancel.is_set():
            return True
        clock.advance(seconds)
        return False

    return {"clock": clock.monotonic, "sleep": sleep}


def _sync(client: ShopifyClient, document: str) -> list[str]:
    return [node["id"] for page in client.paginate(document, {}) for node in page]


@pytest.mark.parametrize(
    "document",
    [SYNC_PAGE, pytest.param(documents.load("orders"), marks=pytest.mark.slow)],
    ids=["sync-page", "full-orders"],
)
def test_a_2000_order_sync_runs_at_the_restore_rate_without_being_throttled(
    make_demo_shop: ShopFactory,
    client_for: Client,
    capsys: pytest.CaptureFixture[str],
    document: str,
) -> None:
    clock = ManualClock()
    shop = make_demo_shop(size=2000, clock=clock, restore_rate=100, bucket_size=1000)
    client = client_for(shop, **_manual_time(clock))
    started = clock.monotonic()

    ids = _sync(client, document)

    elapsed = clock.monotonic() - started
    assert len(set(ids)) == 2000
    assert shop.throttled == 0
    assert client.stats.throttled == 0
    # The bucket started full; what was spent beyond what it gave up had to be restored.
    final = client.throttle.status
    assert final is not None
    restored_and_spent = client.stats.actual_cost - (1000 - final.currently_available)
    fraction = restored_and_spent / (100 * elapsed)
    with capsys.disabled():
        print(
            f"\n2,000-order sync: {client.stats.requests} requests, "
            f"{client.stats.actual_cost:.0f} points in {elapsed:.1f} s of shop time, "
            f"{fraction:.1%} of the restore rate"
        )
    assert fraction > 0.95


def test_without_pacing_the_same_shop_throttles(make_demo_shop: ShopFactory) -> None:
    """The control for the test above: the bucket is tight enough to matter."""
    clock = ManualClock()
    shop = make_demo_shop(size=2000, clock=clock, restore_rate=100, bucket_size=1000)
    after = None
    with httpx.Client() as http:
        for _ in range(10):
            body = http.post(
                shop.graphql_url(),
                json={"query": SYNC_PAGE, "variables": {"after": after}},
                headers={"X-Shopify-Access-Token": shop.access_token},
            ).json()
            clock.advance(0.05)  # a quick client
            if body.get("data"):
                after = body["data"]["orders"]["pageInfo"]["endCursor"]
    assert shop.throttled > 0


def test_full_order_pages_are_paced_in_real_time(
    make_demo_shop: ShopFactory, client_for: Client
) -> None:
    """The real `orders` document on the real clock: requested 877 of a 1,000 bucket each."""
    shop = make_demo_shop(size=60, restore_rate=2000, bucket_size=1000)
    client = client_for(shop)
    ids = _sync(client, documents.load("orders"))
    assert len(set(ids)) == 60
    assert shop.throttled == 0
    assert client.stats.throttled == 0
    assert client.throttle.waited_s > 0  # it did have to pace


def test_a_paced_wait_stops_when_the_sync_is_cancelled(
    make_demo_shop: ShopFactory, client_for: Client
) -> None:
    shop = make_demo_shop(restore_rate=1, bucket_size=1000)
    client = client_for(shop)
    page = {"first": 4}  # about 940 points requested
    client.query(documents.load("orders"), page)  # leaves less: the next page waits minutes
    cancel = threading.Event()
    timer = threading.Timer(0.1, cancel.set)
    timer.start()
    with pytest.raises(Cancelled):
        client.query(documents.load("orders"), page, cancel=cancel)
    timer.join()
    assert client.stats.requests == 1


def test_closing_the_client_stops_its_waits(
    make_demo_shop: ShopFactory, client_for: Client
) -> None:
    shop = make_demo_shop(restore_rate=1, bucket_size=1000)
    client = client_for(shop)
    page = {"first": 4}  # about 940 points requested: the second page waits minutes
    client.query(documents.load("orders"), page)
    timer = threading.Timer(0.1, client.close)
    timer.start()
    with pytest.raises(Cancelled):
        client.query(documents.load("orders"), page)
    timer.join()


def test_a_second_client_on_the_same_store_is_throttled_and_recovers(
    make_demo_shop: ShopFactory, client_for: Client
) -> None:
    """Two windows on one store share Shopify's bucket but not their projections: THROTTLED
    answers happen, and each client waits as the reported budget says and carries on."""
    clock = ManualClock()
    shop = make_demo_shop(size=200, clock=clock, restore_rate=100, bucket_size=1000)
    first, second = (client_for(shop, **_manual_time(clock)) for _ in range(2))
    for _ in range(6):
        for client in (first, second):
            assert len(client.query(SYNC_PAGE)["orders"]["nodes"]) == 50
    assert shop.throttled > 0
    assert first.stats.throttled + second.stats.throttled == shop.throttled


def test_with_budget_to_spare_a_sync_does_not_wait_while_a_merchant_reads(
    make_demo_shop: ShopFactory, client_for: Client
) -> None:
    """While a merchant's read was open (a bulk's preparation, for all its orders), every
    other request waited, however full the bucket: a sync, and a decision whose undo window
    was over. Only a merchant's request waiting for the budget holds them back now."""
    clock = ManualClock()
    shop = make_demo_shop(size=5, clock=clock, restore_rate=100, bucket_size=1000)
    paced = _manual_time(clock)
    hour = clock.monotonic() + 3600

    def sleep(seconds: float, cancel: threading.Event | None) -> bool:
        if clock.monotonic() > hour:
            return True  # an hour of simulated waiting: it gives up (`Cancelled`)
        return bool(paced["sleep"](seconds, cancel))

    client = client_for(shop, clock=clock.monotonic, sleep=sleep)
    client.connect()  # a reading: the bucket is nearly full
    opened, closing = threading.Event(), threading.Event()

    def merchant() -> None:
        with client.merchant_waiting():
            opened.set()
            closing.wait(10)

    reader = threading.Thread(target=merchant)
    reader.start()
    try:
        assert opened.wait(5)
        assert len(_sync(client, SYNC_PAGE)) == 5
    finally:
        closing.set()
        reader.join(5)
    assert client.throttle.waited_s == 0
