"""A quitting app gives the bulk cancels still under way a short time to go out, never more."""

from __future__ import annotations

import time

from cancelapp.demoshop import DemoShop, Fault
from cancelapp.shopify.client import ShopifyClient
from cancelapp.sync.bulk_cancels import BulkCancels


def test_a_cancel_is_waited_for_until_it_is_answered(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    demo_shop.faults.inject(Fault.slow_arrival(0.3), operation="BulkOperationCancel")
    cancels = BulkCancels()
    cancels.send(shop_client, "gid://shopify/BulkOperation/1")
    cancels.finish(time.monotonic() + 30)
    assert [op for op, _fault in demo_shop.faults.fired] == ["BulkOperationCancel"]
    assert demo_shop.stats.requests == 1  # it reached the shop before `finish` returned


def test_a_cancel_that_takes_too_long_is_left_at_the_deadline(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    demo_shop.faults.inject(Fault.slow_arrival(5.0), operation="BulkOperationCancel")
    cancels = BulkCancels()
    cancels.send(shop_client, "gid://shopify/BulkOperation/1")
    started = time.monotonic()
    cancels.finish(started + 0.2)
    assert time.monotonic() - started < 2.0  # the deadline, not the answer 5 s away
    assert demo_shop.stats.requests == 0
