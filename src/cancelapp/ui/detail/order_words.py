"""Merchant words for what the order view shows: payment gateways and cards, transaction kinds
and statuses, and fulfillment hold reasons. Translated at display time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cancelapp.domain.order_view import Payment
from cancelapp.domain.payment_words import gateway_phrase, wallet_name
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase

_CONTEXT = "OrderWords"  # `payment_words.CONTEXT`: the gateway names are in it too
_DOTS = "\u2022\u2022\u2022\u2022"  # ••••

_KINDS = {
    "SALE": QT_TRANSLATE_NOOP(_CONTEXT, "Payment"),
    "CAPTURE": QT_TRANSLATE_NOOP(_CONTEXT, "Capture"),
    "AUTHORIZATION": QT_TRANSLATE_NOOP(_CONTEXT, "Authorization"),
    "EMV_AUTHORIZATION": QT_TRANSLATE_NOOP(_CONTEXT, "Authorization"),
    "REFUND": QT_TRANSLATE_NOOP(_CONTEXT, "Refund"),
    "VOID": QT_TRANSLATE_NOOP(_CONTEXT, "Void"),
    "CHANGE": QT_TRANSLATE_NOOP(_CONTEXT, "Change given"),
}

_STATUSES = {
    "PENDING": QT_TRANSLATE_NOOP(_CONTEXT, "pending"),
    "FAILURE": QT_TRANSLATE_NOOP(_CONTEXT, "failed"),
    "ERROR": QT_TRANSLATE_NOOP(_CONTEXT, "failed"),
    "AWAITING_RESPONSE": QT_TRANSLATE_NOOP(_CONTEXT, "awaiting the provider"),
    "UNKNOWN": QT_TRANSLATE_NOOP(_CONTEXT, "status unknown"),
}

_HOLD_REASONS = {
    "AWAITING_PAYMENT": QT_TRANSLATE_NOOP(_CONTEXT, "awaiting payment"),
    "AWAITING_RETURN_ITEMS": QT_TRANSLATE_NOOP(_CONTEXT, "awaiting returned items"),
    "HIGH_RISK_OF_FRAUD": QT_TRANSLATE_NOOP(_CONTEXT, "high risk of fraud"),
    "INCORRECT_ADDRESS": QT_TRANSLATE_NOOP(_CONTEXT, "incorrect address"),
    "INVENTORY_OUT_OF_STOCK": QT_TRANSLATE_NOOP(_CONTEXT, "out of stock"),
    "ONLINE_STORE_POST_PURCHASE_CROSS_SELL": QT_TRANSLATE_NOOP(
        _CONTEXT, "post-purchase offer shown"
    ),
    "UNKNOWN_DELIVERY_DATE": QT_TRANSLATE_NOOP(_CONTEXT, "delivery date unknown"),
    "OTHER": QT_TRANSLATE_NOOP(_CONTEXT, "other reason"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def gateway_words(gateway: str, shopify_name: str | None = None) -> str:
    """ "Shopify Payments", "MobilePay", "Manual payment": never the raw handle when Shopify
    or CancelApp has a name for it."""
    known = gateway_phrase(gateway)
    if isinstance(known, Phrase):
        return _tr(known.template)
    return shopify_name or known


def payment_method(payment: Payment) -> str:
    """ "Shopify Payments, Visa •••• 4242" ("…, Apple Pay (Visa •••• 4242)" through a
    wallet); the gateway alone without card details."""
    words = gateway_words(payment.gateway, payment.gateway_name)
    card = payment.card_company or ""
    if card and payment.card_last_digits:
        card = f"{card} {_DOTS} {payment.card_last_digits}"
    if payment.wallet:
        wallet = wallet_name(payment.wallet)
        card = f"{wallet} ({card})" if card else wallet
    return f"{words}, {card}" if card else words


def transaction_kind(kind: str) -> str:
    known = _KINDS.get(kind)
    return _tr(known) if known else kind.replace("_", " ").capitalize()


def transaction_status(status: str) -> str:
    """Empty for a successful transaction (the usual case needs no word)."""
    known = _STATUSES.get(status)
    return _tr(known) if known else ""


def hold_reason(reason: str) -> str:
    known = _HOLD_REASONS.get(reason)
    return _tr(known) if known else reason.replace("_", " ").lower()
