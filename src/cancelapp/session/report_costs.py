"""Reading the cancelled orders whose costs the cache lacks, for Reports (run on a worker).

Reports work from the cache; an order never read in full since CancelApp began keeping costs,
or not read since it was decided, has unknown fees or refunded shipping. Reading it in full
again records them (`store.order_costs`, written by every full read).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import UTC, datetime

from cancelapp.session.refresh import StoreSession
from cancelapp.store.orders import FULL
from cancelapp.sync.details import read_orders


def read_order_costs(session: StoreSession, order_ids: Sequence[str]) -> None:
    """Read these orders in full from Shopify (raises `ShopifyError` when it cannot)."""
    read_orders(
        session.database,
        session.client,
        session.store_id,
        order_ids,
        FULL,
        clock=lambda: datetime.now(UTC),
        cancel=threading.Event(),
    )
