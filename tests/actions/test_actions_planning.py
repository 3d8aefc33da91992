"""Plans and previews built from an order, a request and Shopify's suggested refund."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from actions_factories import PLACED, line, order, request, suggested
from hypothesis import given
from hypothesis import strategies as st

from cancelapp.actions.prepare.action_plan import (
    ActionPlan,
    ActionSettings,
    HeldFulfillment,
    PlanRefused,
)
from cancelapp.actions.prepare.approve import plan_approve, take_fee
from cancelapp.actions.prepare.decline_hold_restock import plan_decline, plan_hold, plan_restock
from cancelapp.actions.prepare.preview import summarise
from cancelapp.actions.prepare.steps import StepKind
from cancelapp.domain.action import ActionKind
from cancelapp.domain.money import Money
from cancelapp.domain.order import FulfillmentOrderStatus, ReturnStatus
from cancelapp.domain.verdict import ProcessingFee, RefundMethod, SuggestedAction

DKK = "DKK"


def test_whole_order_is_one_cancel_with_refund_restock_and_notification() -> None:
    plan = plan_approve(
        order(), request(), SuggestedAction(), suggested("449.00"), staff_note="x" * 300
    )
    assert [s.kind for s in plan.steps] == [StepKind.CANCEL]
    variables = plan.steps[0].variables
    assert variables["refundMethod"] == {"originalPaymentMethodsRefund": True}
    assert variables["restock"] is True and variables["notifyCustomer"] is True
    assert variables["reason"] == "CUSTOMER"
    assert len(variables["staffNote"]) == 255
    preview = plan.preview
    assert preview is not None
    assert [(r.gateway, r.amount) for r in preview.refunds] == [
        ("shopify_payments", Money.of("449.00", DKK))
    ]
    assert preview.confirm_label.template == "Cancel and refund {amount}"
    assert preview.confirm_label.args == {"amount": Money.of("449.00", DKK)}
    assert [(r.quantity, r.location_name) for r in preview.restock] == [(2, "Warehouse")]
    assert preview.notify_customer
    assert plan.refund_total == Money.of("449.00", DKK)


def test_store_credit_carries_its_expiry_and_needs_a_customer() -> None:
    expires = datetime(2027, 6, 1, tzinfo=UTC)
    action = SuggestedAction(
        refund_method=RefundMethod.STORE_CREDIT, store_credit_expires_at=expires
    )
    plan = plan_approve(order(), request(), action, suggested("449.00"))
    assert plan.steps[0].variables["refundMethod"] == {
        "storeCreditRefund": {"expiresAt": expires.isoformat()}
    }
    assert plan.preview is not None
    assert plan.preview.store_credit == Money.of("449.00", DKK)
    assert plan.preview.store_credit_expires_at == expires
    with pytest.raises(PlanRefused, match="customer account"):
        plan_approve(order(customer=None), request(), action, suggested("449.00"))


def test_kept_fee_cancels_without_refund_then_refunds_the_rest_with_a_key() -> None:
    action = SuggestedAction(fee=ProcessingFee(percent=Decimal("5")))
    plan = plan_approve(order(), request(), action, suggested("449.00"))
    assert [s.kind for s in plan.steps] == [StepKind.CANCEL, StepKind.REFUND]
    assert plan.steps[0].variables["refundMethod"] is None
    refund = plan.steps[1]
    assert refund.idempotency_key
    refund_input = refund.variables["input"]
    assert refund_input["currency"] == DKK
    assert refund_input["transactions"] == [
        {
            "orderId": "gid://shopify/Order/1001",
            "kind": "REFUND",
            "gateway": "shopify_payments",
            "amount": "426.55",
            "parentId": "gid://shopify/OrderTransaction/1",
        }
    ]
    assert refund.idempotency_key in refund_input["note"]
    assert "refundLineItems" not in refund_input  # the cancel restocks; never twice
    assert plan.preview is not None
    assert plan.preview.kept_fee == Money.of("22.45", DKK)
    assert plan.preview.confirm_label.args["amount"] == Money.of("426.55", DKK)
    assert plan.refund_total == Money.of("426.55", DKK)


def test_fee_is_taken_from_the_largest_transaction_first() -> None:
    refund = suggested("449.00", ("gift_card", "100.00"), ("shopify_payments", "349.00"))
    lines = take_fee(refund.transactions, Money.of("22.45", DKK))
    assert [(r.gateway, r.amount.amount) for r in lines] == [
        ("gift_card", Decimal("100.00")),
        ("shopify_payments", Decimal("326.55")),
    ]
    spill = take_fee(refund.transactions, Money.of("400.00", DKK))
    assert [(r.gateway, r.amount.amount) for r in spill] == [("gift_card", Decimal("49.00"))]


def test_fixed_fee_in_another_currency_is_refused() -> None:
    action = SuggestedAction(fee=ProcessingFee(fixed=Money.of("5", "EUR")))
    with pytest.raises(PlanRefused, match="EUR"):
        plan_approve(order(), request(), action, suggested("449.00"))


def test_partly_shipped_order_refunds_only_unshipped_lines_and_releases_our_holds() -> None:
    shipped = line(1, qty=2, unfulfilled=0)
    waiting = line(2, qty=1, price="99.00")
    refund = suggested("99.00", lines=((waiting.id, 1),))
    hold = HeldFulfillment(
        "gid://shopify/FulfillmentOrder/1", "gid://shopify/FulfillmentHold/9", "Warehouse"
    )
    plan = plan_approve(order(shipped, waiting), request(), SuggestedAction(), refund, holds=[hold])
    assert plan.kind is ActionKind.REFUND
    assert [s.kind for s in plan.steps] == [StepKind.REFUND, StepKind.RELEASE_HOLD]
    refund_input = plan.steps[0].variables["input"]
    assert refund_input["refundLineItems"] == [
        {
            "lineItemId": waiting.id,
            "quantity": 1,
            "restockType": "CANCEL",
            "locationId": "gid://shopify/Location/1",
        }
    ]
    assert refund_input["transactions"][0]["amount"] == "99.00"
    assert plan.steps[1].variables == {"id": hold.fulfillment_order_id, "holdIds": [hold.hold_id]}
    assert plan.preview is not None
    assert plan.preview.confirm_label.template == "Refund {amount} for unshipped items"
    assert [(r.title, r.quantity, r.location_name) for r in plan.preview.restock] == [
        ("Soap 2", 1, "Warehouse")
    ]


def test_partial_without_restock_or_refund_still_removes_the_lines() -> None:
    shipped = line(1, qty=1, unfulfilled=0)
    waiting = line(2)
    action = SuggestedAction(refund_method=RefundMethod.NONE, restock=False)
    plan = plan_approve(
        order(shipped, waiting), request(), action, suggested("200.00", lines=((waiting.id, 1),))
    )
    refund_input = plan.steps[0].variables["input"]
    assert refund_input["refundLineItems"][0]["restockType"] == "NO_RESTOCK"
    assert "transactions" not in refund_input
    assert plan.preview is not None and plan.preview.refund_total is None


def test_everything_shipped_is_refused() -> None:
    with pytest.raises(PlanRefused, match="shipped"):
        plan_approve(order(line(1, unfulfilled=0)), request(), SuggestedAction(), suggested("0.00"))


def test_native_request_is_resolved_after_the_cancel() -> None:
    plan = plan_approve(
        order(),
        request(native="gid://shopify/RequestedEdit/5"),
        SuggestedAction(),
        suggested("449.00"),
    )
    assert [s.kind for s in plan.steps] == [StepKind.CANCEL, StepKind.RESOLVE_NATIVE]


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"cancelled_at": PLACED}, "already been cancelled"),
        ({"return_status": ReturnStatus.IN_PROGRESS}, "return"),
    ],
)
def test_closed_orders_are_refused(changes: dict[str, object], words: str) -> None:
    with pytest.raises(PlanRefused, match=words):
        plan_approve(order(**changes), request(), SuggestedAction(), suggested("449.00"))


def test_decline_tags_notes_declines_native_and_releases_holds() -> None:
    hold = HeldFulfillment("gid://shopify/FulfillmentOrder/1", None, "Warehouse")
    plan = plan_decline(
        order(),
        request(native="gid://shopify/RequestedEdit/5"),
        "it has already been packed",
        settings=ActionSettings(decline_tag="nope"),
        holds=[hold],
    )
    assert [s.kind for s in plan.steps] == [
        StepKind.TAG,
        StepKind.NOTE,
        StepKind.DECLINE_NATIVE,
        StepKind.RELEASE_HOLD,
    ]
    assert plan.steps[0].variables["tags"] == ["nope"]
    assert "already been packed" in plan.steps[1].variables["line"]
    assert plan.preview is not None
    assert plan.preview.tags_added == ("nope",)
    assert plan.preview.holds == ("Warehouse",)
    default = plan_decline(order(), request(), "late", settings=ActionSettings())
    assert default.steps[0].variables["tags"] == ["cancel-declined"]
    assert [s.kind for s in default.steps] == [StepKind.TAG, StepKind.NOTE]


def test_a_reason_longer_than_shopify_takes_is_refused_never_cut() -> None:
    native = request(native="gid://shopify/RequestedEdit/5")
    fits = plan_decline(order(), native, "x" * 500, settings=ActionSettings())
    (decline,) = [s for s in fits.steps if s.kind is StepKind.DECLINE_NATIVE]
    assert decline.variables["declineNote"] == "x" * 500
    assert fits.preview is not None and fits.preview.notify_customer  # Shopify emails it
    with pytest.raises(PlanRefused, match="at most 500 characters; this one has 501"):
        plan_decline(order(), native, "x" * 501, settings=ActionSettings())
    own = plan_decline(order(), request(), "x" * 501, settings=ActionSettings())
    assert own.preview is not None and not own.preview.notify_customer  # only on the note


def test_a_reason_that_would_overflow_the_order_note_is_refused_not_cut() -> None:
    full = order(note="x" * 4900)
    fits = plan_decline(full, request(), "y" * 40, settings=ActionSettings())
    assert [s.kind for s in fits.steps] == [StepKind.TAG, StepKind.NOTE]
    with pytest.raises(PlanRefused, match="Shorten the reason, or the order's note"):
        plan_decline(full, request(), "y" * 200, settings=ActionSettings())


def test_hold_uses_a_hold_or_asks_the_fulfillment_service() -> None:
    settings = ActionSettings()
    held = plan_hold(order(), request(), settings=settings)
    assert [s.kind for s in held.steps] == [StepKind.HOLD]
    assert held.steps[0].variables["handle"] == settings.hold_handle
    service = plan_hold(
        order(service="acme-3pl", request_status="ACCEPTED"), request(), settings=settings
    )
    assert [s.kind for s in service.steps] == [StepKind.SUBMIT_CANCELLATION]
    with pytest.raises(PlanRefused, match="Nothing"):
        plan_hold(order(fo_status=FulfillmentOrderStatus.ON_HOLD), request(), settings=settings)


def test_restock_after_a_cancel_without_restock_goes_where_the_items_came_from() -> None:
    soap = replace(line(1, qty=3), current_quantity=0, unfulfilled_quantity=0)
    card = replace(line(2), current_quantity=0, unfulfilled_quantity=0, restockable=False)
    plan = plan_restock(order(soap, card, cancelled_at=PLACED), None, store_id=1)
    step = plan.steps[0]
    assert step.kind is StepKind.RESTOCK and step.idempotency_key
    assert step.variables["input"] == {
        "name": "available",
        "reason": "restock",
        "referenceDocumentUri": "gid://shopify/Order/1001",
        "changes": [
            {
                "inventoryItemId": soap.inventory_item_id,
                "locationId": "gid://shopify/Location/1",
                "delta": 3,
                "changeFromQuantity": None,
            }
        ],
    }
    assert plan.preview is not None
    assert plan.preview.confirm_label.args == {"count": 3}
    with pytest.raises(PlanRefused, match="nothing to restock"):
        plan_restock(order(), None, store_id=1)


def test_plan_survives_the_journal_round_trip() -> None:
    action = SuggestedAction(fee=ProcessingFee(fixed=Money.of("10", DKK)))
    plan = plan_approve(order(), request(), action, suggested("449.00"))
    back = ActionPlan.from_json(plan.to_json())
    assert back.steps == plan.steps
    assert back.basis == plan.basis
    assert back.suggestion == plan.suggestion
    assert back.idempotency_keys == plan.idempotency_keys != ()
    assert back.refund_total == Money.of("439.00", DKK)


def test_warnings_name_manual_gateways_and_test_orders() -> None:
    plan = plan_approve(
        order(test=True),
        request(),
        SuggestedAction(),
        suggested("449.00", ("Cash on Delivery (COD)", "449.00")),
    )
    assert plan.preview is not None
    texts = [w.render_plain() for w in plan.preview.warnings]
    assert any("Cash on delivery does not send money back" in t for t in texts)  # in words
    assert "This is a test order." in texts


def test_bulk_summary_adds_per_currency_and_counts_units_and_emails() -> None:
    a = plan_approve(order(), request(), SuggestedAction(), suggested("449.00"))
    b = plan_approve(
        order(), request(), SuggestedAction(notify_customer=False), suggested("100.00")
    )
    c = plan_approve(order(), request(), SuggestedAction(), suggested("20.00", currency="EUR"))
    summary = summarise(p.preview for p in (a, b, c) if p.preview)
    assert summary.orders == 3
    assert summary.refund_totals == (Money.of("549.00", DKK), Money.of("20.00", "EUR"))
    assert summary.units_restocked == 6
    assert summary.customers_emailed == 2
    assert summary.confirm_label.args == {"count": 3}


@given(
    amounts=st.lists(st.decimals("0.01", "5000", places=2), min_size=1, max_size=4),
    fee=st.decimals("0", "10000", places=2),
)
def test_taking_a_fee_never_refunds_more_or_less_than_the_rest(
    amounts: list[Decimal], fee: Decimal
) -> None:
    refund = suggested(str(sum(amounts)), *((f"gateway{i}", str(a)) for i, a in enumerate(amounts)))
    lines = take_fee(refund.transactions, Money(fee, DKK))
    refunded = sum((line.amount.amount for line in lines), Decimal(0))
    assert refunded == max(sum(amounts) - fee, Decimal(0))
    by_gateway = {f"gateway{i}": a for i, a in enumerate(amounts)}
    assert all(0 < line.amount.amount <= by_gateway[line.gateway] for line in lines)


def test_never_plans_more_than_shopify_says_is_refundable() -> None:
    capped = replace(suggested("449.00"), maximum_refundable=Money.of("400.00", DKK))
    with pytest.raises(PlanRefused, match=r"at most 400\.00 DKK"):
        plan_approve(order(), request(), SuggestedAction(), capped)
    fee = SuggestedAction(fee=ProcessingFee(percent=Decimal("20")))  # 359.20 after the fee
    assert plan_approve(order(), request(), fee, capped).refund_total == Money.of("359.20", DKK)


def test_a_warehouse_that_agreed_to_cancel_restocks_its_units_there_and_none_twice() -> None:
    """Once a fulfillment service agrees to cancel, Shopify closes its fulfillment order; the
    cancel's restock still puts those never-shipped units back at its location. Should Shopify
    keep a replacement order for the same work beside it, no unit is listed twice."""
    agreed = order(
        line(1, qty=2),
        service="nordic-fulfilment",
        request_status="CANCELLATION_ACCEPTED",
        fo_status=FulfillmentOrderStatus.CLOSED,
    )
    plan = plan_approve(agreed, request(), SuggestedAction(), suggested("400.00"))
    assert plan.preview is not None
    assert [(r.quantity, r.location_name) for r in plan.preview.restock] == [(2, "Warehouse")]
    (closed,) = agreed.fulfillment_orders
    replacement = replace(
        closed,
        id="gid://shopify/FulfillmentOrder/2",
        status=FulfillmentOrderStatus.OPEN,
        request_status="UNSUBMITTED",
        location_name="Shop",
    )
    both = replace(agreed, fulfillment_orders=(closed, replacement))
    plan = plan_approve(both, request(), SuggestedAction(), suggested("400.00"))
    assert plan.preview is not None
    assert [(r.quantity, r.location_name) for r in plan.preview.restock] == [(2, "Shop")]
