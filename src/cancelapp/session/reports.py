"""What cancellations cost and why they happen, from the local cache alone (offline too).

One pass over the requests received in a period: each gets its week, the reason its customer
gave (`domain.cancel_reasons`, after the merchant's merges), what became of it, what was
refunded (the audit log's confirmed refund and cancel steps, as Shopify reported them), what
the merchant kept (Shopify's suggested refund, as previewed, less what was refunded: a fee or
an amount the merchant chose), how long the decision took, which products it cancelled (the
units its carried-out plans took off the order, as journaled: a later sync or a later refund
of a return changes nothing; for an order cancelled in Shopify itself, the units the cached
order no longer holds), and
whether it was an EU consumer's statutory withdrawal in time (its refund deadline is kept with
the verdict, `requests.refund_due_on`) or a cancellation the shop grants by its own terms.
What the cancelled orders cost besides the goods comes from the costs kept at each order's last
full read (`store.order_costs`): the shipping refunded (the customer's shipping charge given
back, while the carrier or label was paid all the same once the order was labelled), known
from a read after the decision, and the payment fees Shopify Payments kept; an order whose
fees or shipping are unknown is counted, never taken as zero.
Amounts stay per currency: a store may sell in several, and they are never added together.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any

from cancelapp.actions.carry_out.verify import Basis
from cancelapp.actions.prepare.steps import StepKind
from cancelapp.domain.cancel_reasons import classify, merged
from cancelapp.domain.request import RequestState
from cancelapp.session.reason_merges import load_merges, merges_path, save_merges
from cancelapp.store.database import Database
from cancelapp.store.order_costs import OrderCosts, load_order_costs
from cancelapp.store.orders import load_listed_order
from cancelapp.store.times import from_db_time, to_db_time

CANCELLED = "cancelled"
DECLINED = "declined"
OPEN = "open"
OUTCOMES = (CANCELLED, DECLINED, OPEN)
_OUTCOME_OF_STATE = {RequestState.DONE.value: CANCELLED, RequestState.DECLINED.value: DECLINED}
_MONEY_STEPS = ("cancel", "refund")  # audit entries of confirmed steps that send money back
TOP_PRODUCTS = 10


@dataclass(frozen=True)
class WeekRow:
    start: date  # the Monday, in the merchant's time zone
    counts: Mapping[str, int]  # by outcome: cancelled, declined, open


@dataclass(frozen=True)
class CancellationReport:
    since: datetime
    until: datetime
    requests: int
    outcomes: Mapping[str, int]
    weeks: tuple[WeekRow, ...]
    reasons: tuple[tuple[str, int], ...]  # most frequent first, after the merchant's merges
    refunded: Mapping[str, Decimal]  # by currency
    kept: Mapping[str, Decimal]  # by currency: fees and amounts not refunded
    products: tuple[tuple[str, int], ...]  # title, units cancelled; most first
    decision_hours: tuple[float, ...] = field(default=())  # request to decision, each decided
    withdrawals: int = 0  # statutory withdrawals in time (Directive 2011/83/EU Art. 9)
    cancelled_orders: int = 0  # distinct orders of cancelled requests
    refunded_shipping: Mapping[str, Decimal] = field(default_factory=dict)  # by currency
    payment_fees: Mapping[str, Decimal] = field(default_factory=dict)  # kept by Shopify Payments
    fees_unknown: int = 0  # cancelled orders whose payment fees are unknown
    shipping_unknown: int = 0  # cancelled orders whose refunded shipping is unknown
    costs_to_read: tuple[str, ...] = ()  # orders a full read would tell more of
    # Cancelled orders CancelApp sent no refund for (cancelled in Shopify itself, or nothing
    # was paid): their refunds, if any, are not in `refunded`, which is CancelApp's own.
    cancelled_without_refund: int = 0

    @property
    def goodwill(self) -> int:
        """Requests the shop answers by its own cancellation terms, not by the law."""
        return self.requests - self.withdrawals

    @property
    def median_decision_hours(self) -> float | None:
        return statistics.median(self.decision_hours) if self.decision_hours else None


def load_report(
    database: Database,
    store_id: int,
    since: datetime,
    until: datetime,
    *,
    merges: Mapping[str, str],
    zone: tzinfo,
) -> CancellationReport:
    """The report over requests received in [since, until) (run on a worker)."""
    with database.reading() as conn:
        return _report(conn, store_id, since, until, merges, zone)


def _report(
    conn: sqlite3.Connection,
    store_id: int,
    since: datetime,
    until: datetime,
    merges: Mapping[str, str],
    zone: tzinfo,
) -> CancellationReport:
    rows = conn.execute(
        "SELECT id, state, received_at, order_gid, refund_due_on FROM requests"
        " WHERE store_id = ? AND received_at >= ? AND received_at < ? ORDER BY received_at",
        (store_id, to_db_time(since), to_db_time(until)),
    ).fetchall()
    ids = [row[0] for row in rows]
    texts = _message_texts(conn, ids)
    refunded_by_request = _refunded(conn, ids)
    suggested = _suggested_refunds(conn, ids)
    decided = _first_decisions(conn, ids)
    cancelled_units = _cancelled_units(conn, ids)

    outcomes: Counter[str] = Counter()
    weeks: dict[date, Counter[str]] = defaultdict(Counter)
    reasons: Counter[str] = Counter()
    refunded: dict[str, Decimal] = defaultdict(Decimal)
    kept: dict[str, Decimal] = defaultdict(Decimal)
    products: Counter[str] = Counter()
    hours: list[float] = []
    withdrawals = 0
    cancelled_orders: dict[str, datetime | None] = {}  # order, when first decided
    refunded_orders: set[str] = set()  # of those, the ones CancelApp refunded
    read_from_order: set[str] = set()  # orders whose products were counted from the cache
    for request_id, state, received_text, order_gid, refund_due in rows:
        withdrawals += refund_due is not None
        received = from_db_time(received_text)
        outcome = _OUTCOME_OF_STATE.get(state, OPEN)
        outcomes[outcome] += 1
        weeks[_monday(received, zone)][outcome] += 1
        reasons[merged(classify(texts.get(request_id, ())).value, merges)] += 1
        for currency, amount in refunded_by_request.get(request_id, {}).items():
            refunded[currency] += amount
        if outcome == CANCELLED:
            _add_kept(kept, suggested.get(request_id), refunded_by_request.get(request_id, {}))
            if order_gid is not None:
                units = cancelled_units.get(request_id)
                if units or order_gid not in read_from_order:
                    if not units:
                        read_from_order.add(order_gid)
                    _add_products(conn, store_id, order_gid, units or None, products)
                cancelled_orders.setdefault(order_gid, decided.get(request_id))
                if refunded_by_request.get(request_id):
                    refunded_orders.add(order_gid)
        if (decided_at := decided.get(request_id)) is not None:
            hours.append(max((decided_at - received).total_seconds(), 0) / 3600)

    costs = _Costs.of(load_order_costs(conn, store_id, cancelled_orders), cancelled_orders)
    return CancellationReport(
        since=since,
        until=until,
        requests=len(rows),
        outcomes={outcome: outcomes[outcome] for outcome in OUTCOMES},
        weeks=tuple(
            WeekRow(week, {o: weeks[week][o] for o in OUTCOMES})
            for week in _weeks(since, until, zone)
        ),
        reasons=tuple(reasons.most_common()),
        refunded=dict(refunded),
        kept={currency: amount for currency, amount in kept.items() if amount > 0},
        products=tuple(products.most_common(TOP_PRODUCTS)),
        decision_hours=tuple(hours),
        withdrawals=withdrawals,
        cancelled_orders=len(cancelled_orders),
        refunded_shipping=costs.shipping,
        payment_fees=costs.fees,
        fees_unknown=costs.fees_unknown,
        shipping_unknown=costs.shipping_unknown,
        costs_to_read=costs.to_read,
        cancelled_without_refund=len(cancelled_orders.keys() - refunded_orders),
    )


@dataclass(frozen=True)
class _Costs:
    shipping: dict[str, Decimal]
    fees: dict[str, Decimal]
    fees_unknown: int
    shipping_unknown: int
    to_read: tuple[str, ...]  # never read in full since v8, or not since the decision

    @classmethod
    def of(cls, known: Mapping[str, OrderCosts], orders: Mapping[str, datetime | None]) -> _Costs:
        """Summed per currency over the orders; unknown ones counted. The shipping refunded
        is known only from a read after the decision (before it, none was refunded yet)."""
        shipping: dict[str, Decimal] = defaultdict(Decimal)
        fees: dict[str, Decimal] = defaultdict(Decimal)
        fees_unknown = shipping_unknown = 0
        to_read: list[str] = []
        for gid, decided_at in orders.items():
            costs = known.get(gid)
            if costs is None or costs.payment_fees is None:
                fees_unknown += 1
            else:
                for currency, amount in costs.payment_fees.items():
                    fees[currency] += amount
            stale = costs is not None and decided_at is not None and costs.read_at < decided_at
            if costs is None or stale:
                to_read.append(gid)
            if costs is None or costs.refunded_shipping is None or stale:
                shipping_unknown += 1
            else:
                for currency, amount in costs.refunded_shipping.items():
                    shipping[currency] += amount
        return cls(
            {c: a for c, a in shipping.items() if a > 0},
            {c: a for c, a in fees.items() if a > 0},
            fees_unknown,
            shipping_unknown,
            tuple(to_read),
        )


def _in_chunks(ids: list[int]) -> list[list[int]]:
    return [ids[start : start + 500] for start in range(0, len(ids), 500)]


def _message_texts(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[str]]:
    texts: dict[int, list[str]] = defaultdict(list)
    for chunk in _in_chunks(ids):
        marks = ",".join("?" * len(chunk))
        for request_id, text in conn.execute(
            f"SELECT request_id, text FROM request_messages WHERE request_id IN ({marks})",  # noqa: S608
            chunk,
        ):
            texts[request_id].append(text)
    return texts


def _refunded(conn: sqlite3.Connection, ids: list[int]) -> dict[int, dict[str, Decimal]]:
    """Per request and currency, what confirmed steps sent back."""
    refunded: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for chunk in _in_chunks(ids):
        marks = ",".join("?" * len(chunk))
        for request_id, amount, currency in conn.execute(
            "SELECT request_id, amount, currency FROM audit_log"  # noqa: S608
            f" WHERE request_id IN ({marks}) AND what IN ('cancel', 'refund')"
            " AND amount IS NOT NULL AND currency IS NOT NULL",
            chunk,
        ):
            refunded[request_id][currency] += Decimal(amount)
    return refunded


def _suggested_refunds(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[str, Decimal]]:
    """Per request, Shopify's suggested refund as the merchant previewed it, from the plan
    journaled for the cancel or refund that was carried out."""
    suggested: dict[int, tuple[str, Decimal]] = {}
    for chunk in _in_chunks(ids):
        marks = ",".join("?" * len(chunk))
        for request_id, params in conn.execute(
            "SELECT request_id, params FROM actions"  # noqa: S608
            f" WHERE request_id IN ({marks}) AND state = 'done' AND kind IN ('cancel', 'refund')"
            " ORDER BY id",
            chunk,
        ):
            basis = _basis(params)
            if basis is not None and basis.refund_amount is not None:
                money = basis.refund_amount
                suggested[request_id] = (money.currency, money.amount)
    return suggested


def _basis(params: str) -> Basis | None:
    try:
        data: Any = json.loads(params)
        return Basis.from_json(data["basis"])
    except (ValueError, KeyError, TypeError):
        return None  # a step journaled on its own, without the plan's basis


def _cancelled_units(conn: sqlite3.Connection, ids: list[int]) -> dict[int, Counter[str]]:
    """Per request, the units per line item its carried-out cancels and refunds took off
    the order, from the journaled plans."""
    units: dict[int, Counter[str]] = defaultdict(Counter)
    for chunk in _in_chunks(ids):
        marks = ",".join("?" * len(chunk))
        for request_id, params in conn.execute(
            "SELECT request_id, params FROM actions"  # noqa: S608
            f" WHERE request_id IN ({marks}) AND state = 'done' AND kind IN ('cancel', 'refund')",
            chunk,
        ):
            units[request_id].update(_plan_units(params))
    return units


def _plan_units(params: str) -> Counter[str]:
    """An `orderCancel` takes every unit the order held when decided (the plan's basis); a
    `refundCreate` the units it names (none when it only sends money after a cancel)."""
    found: Counter[str] = Counter()
    try:
        data: Any = json.loads(params)
        for step in data["steps"]:
            if step["kind"] == StepKind.CANCEL:
                found.update(dict(Basis.from_json(data["basis"]).line_quantities))
            elif step["kind"] == StepKind.REFUND:
                for line in step["variables"]["input"].get("refundLineItems") or ():
                    found[str(line["lineItemId"])] += int(line["quantity"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return Counter()  # a plan journaled without what it took off: read from the order
    return found


def _first_decisions(conn: sqlite3.Connection, ids: list[int]) -> dict[int, datetime]:
    decided: dict[int, datetime] = {}
    for chunk in _in_chunks(ids):
        marks = ",".join("?" * len(chunk))
        for request_id, at in conn.execute(
            "SELECT request_id, min(decided_at) FROM decisions"  # noqa: S608
            f" WHERE request_id IN ({marks}) GROUP BY request_id",
            chunk,
        ):
            decided[request_id] = from_db_time(at)
    return decided


def _add_kept(
    kept: dict[str, Decimal],
    suggested: tuple[str, Decimal] | None,
    refunded: Mapping[str, Decimal],
) -> None:
    if suggested is None:
        return
    currency, amount = suggested
    kept[currency] += max(amount - refunded.get(currency, Decimal(0)), Decimal(0))


def _add_products(
    conn: sqlite3.Connection,
    store_id: int,
    order_gid: str,
    units: Mapping[str, int] | None,
    products: Counter[str],
) -> None:
    """The cancelled `units` per line item counted under their products' titles; None: the
    units the cached order no longer holds (cancelled, removed or refunded), cancelled in
    Shopify itself. An order cached lean has no line items: nothing is counted."""
    order = load_listed_order(conn, store_id, order_gid)
    if order is None:
        return
    for line in order.line_items:
        gone = line.quantity - line.current_quantity if units is None else units.get(line.id, 0)
        if gone > 0:
            products[line.title] += gone


def _monday(moment: datetime, zone: tzinfo) -> date:
    day = moment.astimezone(zone).date()
    return day - timedelta(days=day.weekday())


def _weeks(since: datetime, until: datetime, zone: tzinfo) -> list[date]:
    """Every week the period touches, the empty ones too."""
    first, last = _monday(since, zone), _monday(until - timedelta(microseconds=1), zone)
    return [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]


def store_report(
    database: Database,
    config_dir: Path,
    store_id: int,
    since: datetime,
    until: datetime,
    zone: tzinfo,
) -> tuple[CancellationReport, dict[str, str]]:
    """The report with the store's reason merges, and those merges (run on a worker)."""
    merges = load_merges(merges_path(config_dir, store_id))
    return load_report(database, store_id, since, until, merges=merges, zone=zone), merges


def merge_reasons(config_dir: Path, store_id: int, reason: str, into: str) -> None:
    """Count `reason` as `into` from now on (both stay in the file: merges can be undone)."""
    path = merges_path(config_dir, store_id)
    merges = load_merges(path)
    if reason != into:
        merges[reason] = into
    save_merges(path, merges)


def undo_merges(config_dir: Path, store_id: int) -> None:
    save_merges(merges_path(config_dir, store_id), {})
