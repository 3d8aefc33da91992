"""Where each cancelled item may go back into stock, as the approve preview offers it.

With the shop's locations (`Stocking`): the location the item was to ship from, then every
other active location that stocks it (those fulfilling online orders first), never a
fulfillment service's. Without them (no `read_locations`, or decided offline): the locations
the order ships from, and, when a scope is missing, a note saying why in the merchant's words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cancelapp.actions.prepare.plan_common import location_names, phrase
from cancelapp.actions.prepare.preview import CONTEXT
from cancelapp.domain.location import Stocking
from cancelapp.domain.order import Order
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase

ONLY_OWN = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Only the locations this order ships from are offered: the app may not read your store's "
    "other locations ({scopes}). To put items back anywhere else, add that access scope to the "
    "app, release a new version and install it again.",
)


@dataclass(frozen=True)
class RestockPlaces:
    names: Mapping[str, str]  # location id -> name, for every location offered
    per_line: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # its own first
    note: Phrase | None = None  # why no more are offered


def own_locations(order: Order) -> dict[str, str | None]:
    """Where each line was to ship from."""
    return {
        line.line_item_id: fo.location_id for fo in order.fulfillment_orders for line in fo.lines
    }


def order_places(order: Order, missing_scopes: Sequence[str] = ()) -> RestockPlaces:
    """The locations the order ships from, offered for every line; `missing_scopes`: why
    no others are."""
    names = {lid: name or lid for lid, name in location_names(order).items()}
    own = own_locations(order)
    per_line: dict[str, tuple[str, ...]] = {}
    for li in order.line_items:
        first = own.get(li.id)
        per_line[li.id] = tuple(dict.fromkeys([*([first] if first else []), *names]))
    note = phrase(ONLY_OWN, scopes=", ".join(missing_scopes)) if missing_scopes else None
    return RestockPlaces(names, per_line, note)


def shop_places(order: Order, stocking: Stocking) -> RestockPlaces:
    """Per line, where it was to ship from and every active location stocking it."""
    names = {lid: name or lid for lid, name in location_names(order).items()}
    ranked = sorted(
        (loc for loc in stocking.locations if not loc.is_fulfillment_service),
        key=lambda loc: (not loc.fulfills_online_orders, loc.name.casefold()),
    )
    names.update({loc.id: loc.name for loc in stocking.locations})
    own = own_locations(order)
    per_line: dict[str, tuple[str, ...]] = {}
    for li in order.line_items:
        first = own.get(li.id)
        stocked = stocking.stocked_at.get(li.inventory_item_id or "", frozenset())
        others = [loc.id for loc in ranked if loc.id in stocked]
        per_line[li.id] = tuple(dict.fromkeys([*([first] if first else []), *others]))
    return RestockPlaces(names, per_line)
