"""Seeded data: deterministic, realistic, and covering every case the app must handle."""

from __future__ import annotations

from datetime import UTC, datetime

from cancelapp.demoshop import accounts
from cancelapp.demoshop.cancel_requests import REQUEST_TAG
from cancelapp.demoshop.clock import Clock
from cancelapp.demoshop.ledger import Ledger
from cancelapp.demoshop.seed import seed_store
from cancelapp.demoshop.store import ShopStore
from cancelapp.domain.currency_table import MINOR_UNITS
from cancelapp.domain.money import Money

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def seeded(seed: int, size: int) -> ShopStore:
    store = ShopStore(Clock(), Ledger())
    seed_store(store, seed=seed, size=size, now=NOW)
    return store


def fingerprint(store: ShopStore) -> list[tuple[object, ...]]:
    return [
        (o.name, o.created_at, o.email, tuple(o.tags), o.note, accounts.original_total(o))
        for o in store.orders.values()
    ]


def test_same_seed_same_shop_other_seed_other_shop() -> None:
    assert fingerprint(seeded(3, 60)) == fingerprint(seeded(3, 60))
    assert fingerprint(seeded(3, 60)) != fingerprint(seeded(4, 60))


def test_orders_in_every_state_the_app_must_judge() -> None:
    store = seeded(1, 40)
    orders = list(store.orders.values())
    financial = {accounts.financial_status(o) for o in orders}
    assert {"PENDING", "AUTHORIZED", "PAID", "PARTIALLY_REFUNDED", "REFUNDED"} <= financial
    fulfilment = {accounts.fulfillment_status(o) for o in orders}
    assert {"UNFULFILLED", "PARTIALLY_FULFILLED", "FULFILLED", "ON_HOLD", "IN_PROGRESS"} <= (
        fulfilment
    )
    assert any(o.cancelled_at for o in orders)
    assert any(o.risk_level == "HIGH" for o in orders)
    assert any(o.test for o in orders)
    assert any(o.presentment_currency == "EUR" for o in orders)
    gateways = {g for o in orders for g in o.payment_gateway_names}
    assert {"shopify_payments", "mobilepay", "manual", "Cash on Delivery (COD)"} <= gateways
    locales = {o.customer.locale for o in orders if o.customer}
    assert {"da-DK", "en"} <= locales
    product_tags = {t for p in store.products.values() for t in p.tags}
    assert {"final-sale", "personalized", "preorder"} <= product_tags
    assert len(store.locations) == 5
    assert sum(not loc.is_active for loc in store.locations.values()) == 1
    assert any(loc.is_fulfillment_service for loc in store.locations.values())


def test_orders_in_currencies_of_every_precision_with_amounts_at_it() -> None:
    orders = list(seeded(1, 40).orders.values())
    currencies = {o.presentment_currency for o in orders}
    assert {"DKK", "EUR", "SEK", "JPY", "KWD"} <= currencies
    for order in orders:
        places = MINOR_UNITS[order.presentment_currency]
        amounts = [li.unit_price for li in order.line_items] + [order.shipping]
        amounts += [t.amount for t in order.transactions]
        assert all(Money(a, order.presentment_currency).fits_currency() for a in amounts), (
            order.presentment_currency,
            places,
            amounts,
        )


def test_payments_refunds_and_fulfilment_as_varied_as_a_real_shop() -> None:
    orders = list(seeded(1, 40).orders.values())
    financial = {accounts.financial_status(o) for o in orders}
    assert {"PARTIALLY_PAID", "EXPIRED"} <= financial
    assert "FULFILLMENT_NOT_REQUIRED" in {accounts.fulfillment_status(o) for o in orders}
    refund_statuses = {t.status for o in orders for r in o.refunds for t in r.transactions}
    assert {"SUCCESS", "PENDING", "FAILURE"} <= refund_statuses
    split = [o for o in orders if {"gift_card", "shopify_payments"} <= set(o.payment_gateway_names)]
    assert split and all(len(accounts.payments(o)) == 2 for o in split)
    captures = [t for o in orders for t in o.transactions if t.kind == "CAPTURE"]
    assert captures and all(
        any(
            a.id == c.parent_id and a.kind == "AUTHORIZATION"
            for o in orders
            for a in o.transactions
        )
        for c in captures
    )


def test_open_cancellation_requests_of_each_kind() -> None:
    orders = list(seeded(1, 40).orders.values())
    tagged = [o for o in orders if REQUEST_TAG in o.tags]
    with_attribute = [o for o in tagged if dict(o.custom_attributes).get("cancel_reason")]
    with_metafield = [o for o in tagged if any(m.key == "cancel_reason" for m in o.metafields)]
    without_reason = [o for o in tagged if o not in with_attribute and o not in with_metafield]
    assert with_attribute and with_metafield and without_reason
    assert {o.id for o in with_attribute} & {o.id for o in with_metafield}  # both at once
    edits = [e for o in orders for e in o.requested_edits]
    assert len(edits) >= 3
    reasons = [v for o in tagged for k, v in o.custom_attributes if k == "cancel_reason"]
    reasons += [m.value for o in tagged for m in o.metafields]
    assert any("<script>" in r or "<b>" in r for r in reasons)


def test_a_large_shop_carries_requests_on_about_five_percent() -> None:
    orders = list(seeded(2, 2000).orders.values())
    asking = [o for o in orders if REQUEST_TAG in o.tags or o.requested_edits]
    assert len(orders) == 2000
    assert 0.035 < len(asking) / len(orders) < 0.07
    numbers = [o.number for o in sorted(orders, key=lambda o: o.created_at)]
    assert numbers == sorted(numbers)  # order numbers follow time
