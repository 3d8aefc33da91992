"""Names for how an order was paid, so no one reads Shopify's gateway handle
("shopify_payments", "manual"): the merchant's words (`gateway_phrase`, translated by the UI
in the "OrderWords" context) and the groups a customer's reply tells apart (`is_manual`)."""

from __future__ import annotations

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase

CONTEXT = "OrderWords"

# Shopify's gateway handles (and the names `paymentGatewayNames` gives) in words.
GATEWAYS = {
    "shopify_payments": QT_TRANSLATE_NOOP(CONTEXT, "Shopify Payments"),
    "manual": QT_TRANSLATE_NOOP(CONTEXT, "Manual payment"),
    "gift_card": QT_TRANSLATE_NOOP(CONTEXT, "Gift card"),
    "mobilepay": QT_TRANSLATE_NOOP(CONTEXT, "MobilePay"),
    "paypal": QT_TRANSLATE_NOOP(CONTEXT, "PayPal"),
    "cash on delivery (cod)": QT_TRANSLATE_NOOP(CONTEXT, "Cash on delivery"),
    "cash_on_delivery": QT_TRANSLATE_NOOP(CONTEXT, "Cash on delivery"),
    "bank deposit": QT_TRANSLATE_NOOP(CONTEXT, "Bank transfer"),
    "bogus": QT_TRANSLATE_NOOP(CONTEXT, "Test payment (Bogus Gateway)"),
}

# `DigitalWallet` values: names of products, the same in every language.
WALLETS = {
    "APPLE_PAY": "Apple Pay",
    "GOOGLE_PAY": "Google Pay",
    "SHOPIFY_PAY": "Shop Pay",
    "ANDROID_PAY": "Android Pay",
    "FACEBOOK_PAY": "Meta Pay",
}

# Gateways where the merchant pays the money back themselves (a bank transfer, cash, an
# invoice): Shopify only records the refund.
MANUAL_GATEWAY_WORDS = ("manual", "cash", "cod", "bank", "money order", "invoice")


def gateway_phrase(gateway: str) -> Phrase | str:
    """The gateway as a person reads it: its translated name when CancelApp knows it, else
    the handle without underscores."""
    known = GATEWAYS.get(gateway.strip().lower())
    return Phrase(CONTEXT, known) if known is not None else gateway.replace("_", " ")


def wallet_name(wallet: str) -> str:
    return WALLETS.get(wallet, wallet.replace("_", " ").title())


def is_manual(gateway: str) -> bool:
    """Money the merchant sends back by hand, not a payment provider."""
    return any(word in gateway.lower() for word in MANUAL_GATEWAY_WORDS)
