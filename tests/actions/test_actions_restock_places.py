"""Where the approve preview offers to put each cancelled item back (pure): the location it was
to ship from first, then every active location stocking it, never a fulfillment service's; the
order's own only, and why, when the app may not read the shop's locations. The plan sends the
units where the merchant chose, by refund or by stock adjustment."""

from __future__ import annotations

from actions_factories import line, order, request, suggested

from cancelapp.actions.prepare.approve import plan_approve
from cancelapp.actions.prepare.choices import ApproveChoices, LineChoice
from cancelapp.actions.prepare.restock_places import order_places, shop_places, with_defaults
from cancelapp.actions.prepare.steps import StepKind
from cancelapp.actions.prepare.suggested_refund import suggestion_variables
from cancelapp.domain.location import ShopLocation, Stocking
from cancelapp.domain.verdict import SuggestedAction

OWN = "gid://shopify/Location/1"  # "Warehouse", where the factory's order ships from
SHOP = ShopLocation("gid://shopify/Location/2", "Butik Aarhus")
POP_UP = ShopLocation("gid://shopify/Location/3", "Pop-up Odense", fulfills_online_orders=False)
SERVICE = ShopLocation("gid://shopify/Location/4", "Nordic Fulfilment", is_fulfillment_service=True)
ANNEX = ShopLocation("gid://shopify/Location/5", "Annex")
WAREHOUSE = ShopLocation(OWN, "Warehouse")
ITEMS = (line(1), line(2))
STOCKING = Stocking(
    (POP_UP, SHOP, SERVICE, WAREHOUSE, ANNEX),
    {
        "gid://shopify/InventoryItem/1": frozenset({OWN, SHOP.id, POP_UP.id, SERVICE.id}),
        "gid://shopify/InventoryItem/2": frozenset({OWN, ANNEX.id}),
    },
)


def test_each_item_is_offered_its_own_location_then_the_others_that_stock_it() -> None:
    places = shop_places(order(*ITEMS), STOCKING)
    first, second = ITEMS
    # online-order locations before a shop-only one, a fulfillment service's never
    assert places.per_line[first.id] == (OWN, SHOP.id, POP_UP.id)
    assert places.per_line[second.id] == (OWN, ANNEX.id)
    assert places.names[POP_UP.id] == "Pop-up Odense"
    assert places.note is None


def test_an_item_the_shop_does_not_track_goes_back_only_where_it_came_from() -> None:
    untracked = line(3)
    places = shop_places(order(untracked), Stocking((SHOP, WAREHOUSE)))
    assert places.per_line[untracked.id] == (OWN,)


def test_without_the_locations_scope_only_the_orders_own_are_offered_and_the_note_says_why() -> (
    None
):
    places = order_places(order(*ITEMS), ("read_locations",))
    assert places.per_line[ITEMS[0].id] == (OWN,)
    assert places.note is not None
    assert "read_locations" in places.note.render_plain()
    assert order_places(order(*ITEMS)).note is None  # offline: nothing missing to explain


def test_the_preview_offers_the_places_and_a_part_is_refunded_into_the_chosen_location() -> None:
    the_order = order(*ITEMS)
    chosen = ApproveChoices(
        lines=(LineChoice(ITEMS[0].id, 1, True, POP_UP.id), LineChoice(ITEMS[1].id, 0))
    )
    refund = suggested("200.00", lines=((ITEMS[0].id, 1),))
    places = shop_places(the_order, STOCKING)
    plan = plan_approve(
        the_order, request(), SuggestedAction(), refund, choices=chosen, places=places
    )
    (step,) = plan.steps
    (entry,) = step.variables["input"]["refundLineItems"]
    assert (entry["restockType"], entry["locationId"]) == ("CANCEL", POP_UP.id)
    assert plan.preview is not None
    (restock,) = plan.preview.restock
    assert restock.location_name == "Pop-up Odense"
    options = plan.preview.options
    assert options is not None and options.locations_note is None
    assert options.lines[0].locations == (OWN, SHOP.id, POP_UP.id)
    assert dict(options.locations)[ANNEX.id] == "Annex"


def test_a_whole_order_with_an_item_going_elsewhere_cancels_then_adjusts_stock_there() -> None:
    the_order = order(*ITEMS)
    chosen = ApproveChoices(
        lines=(LineChoice(ITEMS[0].id, 1, True, SHOP.id), LineChoice(ITEMS[1].id, 1, True))
    )
    plan = plan_approve(
        the_order,
        request(),
        SuggestedAction(),
        suggested("400.00"),
        choices=chosen,
        places=shop_places(the_order, STOCKING),
    )
    assert [s.kind for s in plan.steps] == [StepKind.CANCEL, StepKind.RESTOCK]
    assert plan.steps[0].variables["restock"] is False  # orderCancel would use its own
    changes = plan.steps[1].variables["input"]["changes"]
    assert [(c["inventoryItemId"], c["locationId"]) for c in changes] == [
        (ITEMS[0].inventory_item_id, SHOP.id),
        (ITEMS[1].inventory_item_id, OWN),
    ]
    assert plan.preview is not None
    assert [r.location_name for r in plan.preview.restock] == ["Butik Aarhus", "Warehouse"]


def test_without_places_the_plan_offers_the_orders_own_locations_as_before() -> None:
    plan = plan_approve(order(*ITEMS), request(), SuggestedAction(), suggested("400.00"))
    assert plan.preview is not None and plan.preview.options is not None
    options = plan.preview.options
    assert options.locations == ((OWN, "Warehouse"),)
    assert options.lines[0].locations == (OWN,)


def test_an_item_whose_location_was_closed_goes_back_to_an_open_one_by_default() -> None:
    """Shopify refuses to restock at a deactivated location: the plan cancels without restock
    and puts the units back at the first open location stocking them."""
    the_order = order(*ITEMS)
    open_only = Stocking((SHOP, POP_UP, ANNEX), STOCKING.stocked_at)  # the warehouse is closed
    places = shop_places(the_order, open_only)
    assert places.per_line[ITEMS[0].id] == (SHOP.id, POP_UP.id)
    assert places.defaults == {ITEMS[0].id: SHOP.id, ITEMS[1].id: ANNEX.id}
    plan = plan_approve(the_order, request(), SuggestedAction(), suggested("400.00"), places=places)
    assert plan.steps[0].variables["restock"] is False
    changes = plan.steps[1].variables["input"]["changes"]
    assert [c["locationId"] for c in changes] == [SHOP.id, ANNEX.id]
    assert plan.preview is not None and plan.preview.options is not None
    assert [line.location_id for line in plan.preview.options.lines] == [SHOP.id, ANNEX.id]
    chosen = with_defaults(ApproveChoices(lines=(LineChoice(ITEMS[0].id, 1),)), places)
    variables = suggestion_variables(the_order, chosen, whole=False)
    assert variables["refundLineItems"][0]["locationId"] == SHOP.id  # never the closed one
