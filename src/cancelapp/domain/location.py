"""A shop's locations, and which of them stock an item: where a cancelled item can go back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ShopLocation:
    id: str
    name: str
    fulfills_online_orders: bool = True
    is_fulfillment_service: bool = False  # a 3PL's: its own stock, not the merchant's to adjust


@dataclass(frozen=True)
class Stocking:
    """The shop's active locations and, per inventory item, the ones stocking it (an item can
    only be restocked where it has an inventory level)."""

    locations: tuple[ShopLocation, ...]
    stocked_at: Mapping[str, frozenset[str]] = field(default_factory=dict)  # item -> locations
