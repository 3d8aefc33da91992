"""Where the money goes back, as the reply's `{method}` tells the customer in their language:
"your Visa card ending in 4242", "your gift card", "MobilePay", never Shopify's gateway
handle (QA walkthrough: "on its way back to you via shopify_payments"). Read from the order's
payments as the detail pane shows them (`Payment`), matched to the refund's gateways; money
the merchant pays back by hand (a bank transfer, cash) keeps the template's own words."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cancelapp.domain.order_view import Payment
from cancelapp.domain.payment_words import GATEWAYS, is_manual, wallet_name

_PAID = frozenset({"SALE", "CAPTURE", "AUTHORIZATION"})  # `OrderTransactionKind`
_WORDS = {
    "en": {
        "card": "your {card} card ending in {digits}",
        "card_only": "your {card} card",
        "some_card": "the card you paid with",
        "gift_card": "your gift card",
        "and": " and ",
    },
    "da": {
        "card": "dit {card}-kort, der ender på {digits}",
        "card_only": "dit {card}-kort",
        "some_card": "det kort, du betalte med",
        "gift_card": "dit gavekort",
        "and": " og ",
    },
}


def refunded_to(gateways: Iterable[str], payments: Sequence[Payment], language: str) -> str:
    """The ways back, joined ("your gift card and your Visa card ending in 4242"); "" when
    none has a name a customer knows (the template then says "your original payment
    method")."""
    words = _WORDS[language]
    named: list[str] = []
    for gateway in dict.fromkeys(gateways):
        if is_manual(gateway) or gateway == "bogus":  # bogus: Shopify's test gateway
            continue
        paid = [p for p in payments if p.gateway == gateway and p.kind in _PAID]
        named.extend(_named(gateway, paid, words))
    return words["and"].join(dict.fromkeys(named))


def _named(gateway: str, paid: Sequence[Payment], words: dict[str, str]) -> list[str]:
    cards = [
        words["card" if p.card_last_digits else "card_only"].format(
            card=p.card_company, digits=p.card_last_digits
        )
        for p in paid
        if p.card_company
    ]
    if cards:
        return cards
    wallets = [wallet_name(p.wallet) for p in paid if p.wallet]
    if wallets:
        return wallets
    if gateway == "gift_card":
        return [words["gift_card"]]
    if gateway == "shopify_payments":
        return [words["some_card"]]
    name = next((p.gateway_name for p in paid if p.gateway_name), None)
    return [GATEWAYS.get(gateway) or name or gateway.replace("_", " ")]
