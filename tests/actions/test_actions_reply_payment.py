"""The reply's `{method}`: where the money goes back, in the customer's words, for what the
demo shop does not pay with (a wallet, a card without its details, another provider)."""

from __future__ import annotations

from cancelapp.actions.reply_payment import refunded_to
from cancelapp.domain.money import Money
from cancelapp.domain.order_view import Payment


def paid(gateway: str, **card: str | None) -> Payment:
    return Payment(
        kind="SALE",
        status="SUCCESS",
        gateway=gateway,
        gateway_name=card.pop("name", None),
        card_company=card.get("company"),
        card_last_digits=card.get("digits"),
        wallet=card.get("wallet"),
        amount=Money.of("100", "DKK"),
        processed_at=None,
    )


def test_a_wallet_a_card_without_details_and_another_provider_are_named() -> None:
    apple = paid("shopify_payments", wallet="APPLE_PAY")
    assert refunded_to(["shopify_payments"], [apple], "en") == "Apple Pay"
    assert refunded_to(["shopify_payments"], [], "da") == "det kort, du betalte med"
    visa = paid("shopify_payments", company="Visa")
    assert refunded_to(["shopify_payments"], [visa], "da") == "dit Visa-kort"
    stripe = paid("stripe", name="Stripe")
    assert refunded_to(["stripe"], [stripe], "en") == "Stripe"
    assert refunded_to(["some_wallet"], [], "en") == "some wallet"


def test_money_paid_back_by_hand_or_in_a_test_keeps_the_templates_words() -> None:
    for gateway in ("manual", "Cash on Delivery (COD)", "bank deposit", "bogus"):
        assert refunded_to([gateway], [paid(gateway)], "en") == ""
