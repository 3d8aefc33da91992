"""Re-verification: every change a decision rested on is named; none means go ahead."""

from __future__ import annotations

from dataclasses import replace

import pytest
from actions_factories import PLACED, line, order
from actions_harness import Harness

from cancelapp.actions import documents
from cancelapp.actions.carry_out.verify import Basis, changes_since
from cancelapp.demoshop.factory import ORDER_STATES
from cancelapp.domain.money import Money
from cancelapp.domain.order import (
    FinancialStatus,
    FulfillmentOrderStatus,
    FulfillmentStatus,
    ReturnStatus,
)
from cancelapp.shopify.order_mapping import order_from_node

REFUND = Money.of("449.00", "DKK")


def _changes(**changes: object) -> list[str]:
    seen = Basis.of(order(), REFUND)
    fresh = Basis.of(order(**changes), REFUND)
    return [c.render_plain() for c in changes_since(seen, fresh)]


def test_unchanged_order_has_no_changes() -> None:
    assert _changes() == []


def test_each_change_is_named_in_plain_words() -> None:
    assert _changes(cancelled_at=PLACED) == ["The order has been cancelled in the meantime."]
    assert _changes(line_items=(line(1, qty=2, unfulfilled=1, price="224.50"),)) == [
        "1 more item has been shipped."
    ]
    assert _changes(
        total_refunded=Money.of("50", "DKK"), financial_status=FinancialStatus.PARTIALLY_REFUNDED
    ) == ["A refund has been made: 50.00 DKK refunded so far."]
    assert _changes(return_status=ReturnStatus.RETURN_REQUESTED) == [
        "A return is now open on this order (RETURN_REQUESTED)."
    ]
    assert _changes(total=Money.of("500", "DKK")) == [
        "The order total changed from 449.00 DKK to 500.00 DKK."
    ]
    assert _changes(fulfillment_status=FulfillmentStatus.ON_HOLD) == [
        "Fulfillment changed from UNFULFILLED to ON_HOLD."
    ]


def test_a_different_suggested_refund_is_a_change() -> None:
    seen = Basis.of(order(), REFUND)
    fresh = Basis.of(order(), Money.of("400.00", "DKK"))
    assert [c.render_plain() for c in changes_since(seen, fresh)] == [
        "The refund would now be 400.00 DKK instead of 449.00 DKK."
    ]


def test_basis_survives_json() -> None:
    basis = Basis.of(order(total_refunded=None), REFUND)
    assert Basis.from_json(basis.to_json()) == basis
    assert replace(basis, refund_amount=None) == Basis.from_json(
        replace(basis, refund_amount=None).to_json()
    )


def test_changed_quantities_and_shipments_are_changes() -> None:
    edited = (line(1, qty=1, price="224.50"), line(2))
    assert "The items or quantities on the order have changed." in _changes(line_items=edited)
    held = _changes(fo_status=FulfillmentOrderStatus.ON_HOLD)
    assert held == ["A shipment changed from OPEN to ON_HOLD."]


def test_a_plan_journaled_without_quantities_meets_a_conflict_not_a_blind_send() -> None:
    seen = Basis.of(order(), REFUND).to_json()
    del seen["line_quantities"], seen["fulfillment_orders"]
    assert changes_since(Basis.from_json(seen), Basis.of(order(), REFUND)) != ()


@pytest.mark.parametrize("state", ORDER_STATES)
def test_the_lean_reverification_read_sees_the_order_as_the_full_read_does(
    harness: Harness, state: str
) -> None:
    """Both reads map through the same code, so an unchanged order is never a conflict."""
    h = harness
    order_id = h.shop.create_order(state)
    full = h.client.query(documents.client("order"), {"id": order_id})["order"]
    lean = h.client.query(documents.own("order_basis"), {"id": order_id, "withSuggestion": False})
    assert Basis.of(order_from_node(lean["order"]), None) == Basis.of(order_from_node(full), None)
