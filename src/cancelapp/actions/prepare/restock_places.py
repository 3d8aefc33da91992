"""Where each cancelled item may go back into stock, as the approve preview offers it.

With the shop's locations (`Stocking`): the location the item was to ship from, then every
other active location that stocks it (those fulfilling online orders first), never a
fulfillment service's. When the location it was to ship from has been deactivated (Shopify
refuses to restock there), it goes back to the first of the others unless the merchant chooses
(`with_defaults`). Without them (no `read_locations`, or decided offline): the locations
the order ships from, and, when a scope is missing, a note saying why in the merchant's words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from cancelapp.actions.prepare.choices import ApproveChoices
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
    defaults: Mapping[str, str] = field(default_factory=dict)  # line -> instead of a closed own


def with_defaults(choices: ApproveChoices, places: RestockPlaces) -> ApproveChoices:
    """The chosen lines, each without a location of its own going back to its default."""
    if choices.lines is None or not places.defaults:
        return choices
    lines = tuple(
        replace(line, location_id=places.defaults.get(line.line_item_id))
        if line.location_id is None
        else line
        for line in choices.lines
    )
    return replace(choices, lines=lines)


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
    active = {loc.id for loc in stocking.locations}
    services = {fo.location_id for fo in order.fulfillment_orders if fo.fulfillment_service}
    per_line: dict[str, tuple[str, ...]] = {}
    defaults: dict[str, str] = {}
    for li in order.line_items:
        first = own.get(li.id)
        stocked = stocking.stocked_at.get(li.inventory_item_id or "", frozenset())
        others = [loc.id for loc in ranked if loc.id in stocked and loc.id != first]
        if first and first not in active and first not in services and others:
            per_line[li.id] = tuple(others)  # its own is closed
            defaults[li.id] = others[0]
            continue
        per_line[li.id] = tuple([*([first] if first else []), *others])
    return RestockPlaces(names, per_line, defaults=defaults)
