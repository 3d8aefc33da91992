"""The order as Shopify shows it after a step: an answer that cannot be true is refused in words."""

from __future__ import annotations

from typing import Any

import pytest

from cancelapp.actions.carry_out.order_state import OrderState
from cancelapp.shopify import ShopifyError
from cancelapp.shopify.errors import MalformedResponse


def _refund(n: int, amount: str, currency: str) -> dict[str, Any]:
    money = {"amount": amount, "currencyCode": currency}
    return {
        "id": f"gid://shopify/Refund/{n}",
        "note": None,
        "totalRefundedSet": {"presentmentMoney": money, "shopMoney": money},
        "transactions": {
            "nodes": [{"id": f"gid://shopify/OrderTransaction/{n}", "status": "SUCCESS"}]
        },
    }


def _order(*refunds: dict[str, Any]) -> dict[str, Any]:
    return {
        "order": {
            "id": "gid://shopify/Order/1",
            "cancelledAt": "2026-12-06T10:00:00Z",
            "note": "",
            "tags": [],
            "refunds": list(refunds),
            "fulfillmentOrders": {"nodes": []},
        }
    }


def test_refunds_in_one_currency_are_read() -> None:
    state = OrderState.from_data(_order(_refund(1, "10.00", "DKK"), _refund(2, "5.50", "DKK")))
    assert [str(r.amount.amount) for r in state.refunds] == ["10.00", "5.50"]


def test_refunds_in_two_currencies_are_a_garbled_answer_not_a_crash() -> None:
    # An order is paid in one presentment currency: adding these up would raise
    # CurrencyMismatch deep in the cancel step, an error with no words for the merchant.
    with pytest.raises(MalformedResponse) as refused:
        OrderState.from_data(_order(_refund(1, "10.00", "DKK"), _refund(2, "5.00", "EUR")))
    assert isinstance(refused.value, ShopifyError)
    assert "garbled" in str(refused.value)
