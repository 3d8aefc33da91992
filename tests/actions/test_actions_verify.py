"""Re-verification: every change a decision rested on is named; none means go ahead."""

from __future__ import annotations

from dataclasses import replace

from actions_factories import PLACED, line, order

from cancelapp.actions.verify import Basis, changes_since
from cancelapp.domain.money import Money
from cancelapp.domain.order import FinancialStatus, FulfillmentStatus, ReturnStatus

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
        "1 more item(s) have been shipped."
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
