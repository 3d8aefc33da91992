"""Deterministic seeded data: the same seed, size and `now` always give the same shop."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from cancelapp.demoshop.cancel_requests import (
    REASONS,
    TAG_KINDS,
    add_requested_edit,
    add_tag_request,
)
from cancelapp.demoshop.catalogue import build_catalogue
from cancelapp.demoshop.factory import OrderFactory
from cancelapp.demoshop.store import ShopStore

# One order of each kind first, each with the request that makes it interesting:
# (order state, request kind or None). "edit" is a full requested edit, "edit_partial" a partial.
SCENARIOS: list[tuple[str, str | None]] = [
    ("paid", "attribute"),
    ("mobilepay", "metafield"),
    ("authorized", "both"),
    ("pending_cod", "tag_only"),
    ("pending_manual", None),
    ("manual_paid", "attribute"),
    ("pending_authorization", "attribute"),
    ("partially_fulfilled", "attribute"),
    ("fulfilled", "attribute"),
    ("partially_refunded", None),
    ("refunded", None),
    ("cancelled", "attribute"),
    ("high_risk", "attribute"),
    ("test", "metafield"),
    ("third_party_accepted", "both"),
    ("third_party_submitted", "edit"),
    ("on_hold", "attribute"),
    ("eur", "metafield"),
    ("return_requested", None),
    ("paid", "edit"),
    ("paid", "edit_partial"),
    ("authorized", "edit"),
    ("paid", None),
    ("mobilepay", None),
    ("sek", "attribute"),
    ("jpy", "attribute"),
    ("kwd", "metafield"),
    ("gift_card_split", "attribute"),
    ("captured", "attribute"),
    ("partially_paid", "attribute"),
    ("expired", "attribute"),
    ("digital", "attribute"),
    ("refund_pending", "attribute"),
    ("refund_failed", None),
]

# The rest of the shop: mostly ordinary paid orders, like a real one.
WEIGHTS = {
    "paid": 40, "mobilepay": 12, "fulfilled": 25, "partially_fulfilled": 3, "pending_cod": 3,
    "pending_manual": 2, "manual_paid": 2, "authorized": 4, "partially_refunded": 2,
    "refunded": 1, "cancelled": 2, "high_risk": 1, "test": 1, "third_party_accepted": 2, "eur": 2,
}  # fmt: skip
REQUEST_SHARE = 0.05
REQUEST_KINDS = (*TAG_KINDS, "edit", "edit_partial")
OPEN_STATES = ("paid", "mobilepay", "authorized", "pending_cod", "eur", "third_party_accepted")
_OPEN_SHARE = sum(WEIGHTS[s] for s in OPEN_STATES) / sum(WEIGHTS.values())


@dataclass(frozen=True)
class _Plan:
    state: str
    created_at: datetime
    request: str | None
    request_after: timedelta


def seed_store(store: ShopStore, *, seed: int, size: int, now: datetime) -> None:
    """Fill an empty store with `size` orders (at least one of each scenario)."""
    rng = random.Random(seed)
    build_catalogue(store, customers=min(max(size // 3, 30), 3000))
    plans = _plan(rng, size, now)
    factory = OrderFactory(store, rng, now)
    reasons = iter(REASONS * (size // len(REASONS) + 2))
    for plan in sorted(plans, key=lambda p: p.created_at):
        order = factory.make(plan.state, created_at=plan.created_at)
        if plan.request is None:
            continue
        asked = min(plan.created_at + plan.request_after, now)
        if plan.request in TAG_KINDS:
            reason = None if plan.request == "tag_only" else next(reasons)
            add_tag_request(store, order, reason, plan.request, asked)
        elif any(li.unfulfilled_quantity for li in order.line_items):
            partial = plan.request == "edit_partial" and len(order.line_items) > 1
            quantities = {order.line_items[0].id: 1} if partial else None
            add_requested_edit(store, order, asked, quantities)


def _plan(rng: random.Random, size: int, now: datetime) -> list[_Plan]:
    plans = []
    for index in range(size):
        if index < len(SCENARIOS):
            state, request = SCENARIOS[index]
            age = timedelta(minutes=rng.randint(30, 36 * 60))
        else:
            state = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
            asks = state in OPEN_STATES and rng.random() < REQUEST_SHARE / _OPEN_SHARE
            request = rng.choice(REQUEST_KINDS) if asks else None
            age = timedelta(minutes=rng.randint(20, 30 * 24 * 60))
        request_after = timedelta(minutes=rng.randint(5, 6 * 60))
        plans.append(_Plan(state, now - age, request, request_after))
    return plans
