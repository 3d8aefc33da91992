"""What each cached order cost the shop besides the goods (schema v8 `order_costs`).

Written from every full read of an order (`upsert_orders`), kept when a lean read replaces
the snapshot; read by Reports for the cancelled orders.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from cancelapp.domain.cancellation_costs import payment_fees
from cancelapp.domain.order import Order
from cancelapp.store.times import from_db_time, to_db_time


@dataclass(frozen=True)
class OrderCosts:
    payment_fees: Mapping[str, Decimal] | None  # by currency; None: unknown
    refunded_shipping: Mapping[str, Decimal] | None  # by currency; None: unknown
    read_at: datetime  # the full read they come from (shipping counts only once refunded)


def save_order_costs(
    conn: sqlite3.Connection, store_id: int, orders: Iterable[tuple[Order, datetime]]
) -> None:
    """Record the costs of orders read in full at the given moments; an older read never
    replaces a newer one."""
    conn.executemany(
        """INSERT INTO order_costs (order_id, payment_fees, refunded_shipping, read_at)
           SELECT id, ?, ?, ? FROM orders WHERE store_id = ? AND gid = ?
           ON CONFLICT (order_id) DO UPDATE SET payment_fees = excluded.payment_fees,
               refunded_shipping = excluded.refunded_shipping, read_at = excluded.read_at
           WHERE excluded.read_at >= order_costs.read_at""",
        [
            (
                _amounts(payment_fees(order)),
                _amounts(
                    None
                    if order.refunded_shipping is None
                    else {order.refunded_shipping.currency: order.refunded_shipping.amount}
                ),
                to_db_time(read_at),
                store_id,
                order.id,
            )
            for order, read_at in orders
        ],
    )


def load_order_costs(
    conn: sqlite3.Connection, store_id: int, gids: Iterable[str]
) -> dict[str, OrderCosts]:
    """The recorded costs of these orders; an order never read in full since v8 is missing."""
    wanted = list(dict.fromkeys(gids))
    costs: dict[str, OrderCosts] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for gid, fees, shipping, read_at in conn.execute(
            "SELECT o.gid, c.payment_fees, c.refunded_shipping, c.read_at FROM orders o"  # noqa: S608
            f" JOIN order_costs c ON c.order_id = o.id WHERE o.store_id = ? AND o.gid IN ({marks})",
            (store_id, *chunk),
        ):
            costs[gid] = OrderCosts(_parsed(fees), _parsed(shipping), from_db_time(read_at))
    return costs


def _amounts(amounts: Mapping[str, Decimal] | None) -> str | None:
    if amounts is None:
        return None
    return json.dumps({currency: format(amount, "f") for currency, amount in amounts.items()})


def _parsed(text: str | None) -> dict[str, Decimal] | None:
    if text is None:
        return None
    return {str(currency): Decimal(amount) for currency, amount in json.loads(text).items()}
