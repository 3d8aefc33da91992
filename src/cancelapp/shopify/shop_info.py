"""Who the shop is and what CancelApp may do there, read on connect."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.shopify.errors import MalformedResponse

_CONTEXT = "ShopScopes"

# Every scope a feature needs, with what the merchant cannot do without it.
REQUIRED_SCOPES: dict[str, str] = {
    "read_orders": QT_TRANSLATE_NOOP(
        _CONTEXT, "see your orders, so no request can be matched or judged"
    ),
    "write_orders": QT_TRANSLATE_NOOP(
        _CONTEXT, "cancel or refund orders, or tag them and add notes"
    ),
    "write_inventory": QT_TRANSLATE_NOOP(
        _CONTEXT, "put items back in stock by hand when a cancellation did not restock them"
    ),
    "read_locations": QT_TRANSLATE_NOOP(
        _CONTEXT,
        "see your other locations, so a cancelled item can only go back where it was to ship from",
    ),
    "read_customers": QT_TRANSLATE_NOOP(
        _CONTEXT, "see who placed an order, so email requests cannot be matched to customers"
    ),
    "read_merchant_managed_fulfillment_orders": QT_TRANSLATE_NOOP(
        _CONTEXT, "see whether an order is already being packed or is on hold"
    ),
    "write_merchant_managed_fulfillment_orders": QT_TRANSLATE_NOOP(
        _CONTEXT, "hold an order's shipping while you decide on a request"
    ),
    "write_returns": QT_TRANSLATE_NOOP(
        _CONTEXT, "open a return when a customer withdraws from a purchase that has shipped"
    ),
}


@dataclass(frozen=True)
class MissingScope:
    handle: str
    consequence: Phrase  # "CancelApp cannot …" in plain words

    @property
    def merchant_message(self) -> str:
        return self.consequence.render_plain()


@dataclass(frozen=True)
class ShopInfo:
    name: str
    domain: str  # name.myshopify.com
    currency_code: str
    iana_timezone: str
    scopes: frozenset[str]
    missing_scopes: tuple[MissingScope, ...]

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> ShopInfo:
        try:
            shop = data["shop"]
            handles = frozenset(s["handle"] for s in data["currentAppInstallation"]["accessScopes"])
            return cls(
                name=str(shop["name"]),
                domain=str(shop.get("myshopifyDomain") or ""),
                currency_code=str(shop["currencyCode"]),
                iana_timezone=str(shop["ianaTimezone"]),
                scopes=handles,
                missing_scopes=missing_scopes(handles),
            )
        except (KeyError, TypeError) as exc:
            raise MalformedResponse(f"shop info: {exc!r}") from None


def missing_scopes(granted: frozenset[str]) -> tuple[MissingScope, ...]:
    """Required scopes not granted; a `write_` scope includes its `read_` scope."""
    effective = granted | {"read_" + s.removeprefix("write_") for s in granted if "write_" in s}
    return tuple(
        MissingScope(
            handle,
            Phrase(
                _CONTEXT,
                QT_TRANSLATE_NOOP(_CONTEXT, "Without {scope}, CancelApp cannot {consequence}."),
                {"scope": handle, "consequence": consequence},
            ),
        )
        for handle, consequence in REQUIRED_SCOPES.items()
        if handle not in effective
    )
