"""The approve preview offers every active location that stocks an item, not only the ones the
order ships from, and the units go back where the merchant chose: checked in the demo shop's
stock. Without `read_locations` the order's own locations are offered and the preview says
why (issue 18 point 3)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.catalogue import CLOSED, POP_UP, SHOP_FLOOR, THIRD_PARTY, WAREHOUSE
from cancelapp.demoshop.model import Location
from cancelapp.demoshop.shop import DEFAULT_SCOPES
from cancelapp.policy import policy_path
from cancelapp.store.stores import list_stores
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.detail.approve_choices import LineWidgets
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import open_approve, open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000

# Every request is looked at first, so each order waits for the merchant's approval.
REVIEW_POLICY = """\
version = 1
[[rules]]
name = "Look first"
verdict = "review"
why = "Look at every request first"
[[rules]]
name = "Approve"
verdict = "approve"
[rules.action]
refund = "original"
"""


def location(shop: DemoShop, name: str) -> Location:
    return next(loc for loc in shop.store.locations.values() if loc.name == name)


def stocked_at_pop_up(shop: DemoShop, items: int) -> str:
    """A paid order of at least `items` stocked items, all shipping from the warehouse, whose
    first item the pop-up shop stocks too."""
    pop_up = location(shop, POP_UP)
    while True:
        order_id = shop.create_order("paid")
        order = shop.order(order_id)
        lines = order.line_items
        if (
            len(lines) >= items
            and all(li.variant is not None for li in lines)
            and [fo.location.name for fo in order.fulfillment_orders] == [WAREHOUSE]
            and lines[0].variant is not None
            and (lines[0].variant.inventory_item_id, pop_up.id) in shop.store.inventory
        ):
            shop.add_cancel_request(order_id, "Please cancel")
            return order_id


def window_for(qtbot: QtBot, context: AppContext, shop: DemoShop) -> MainWindow:
    context.settings = replace(context.settings, undo_window_seconds=0)
    connect_demo(context, shop)
    with context.database.reading() as conn:
        (store,) = list_stores(conn)
    policy_path(context.paths.config_dir, store.id).write_text(REVIEW_POLICY, "utf-8")
    return open_window(qtbot, context)


def approve_preview(qtbot: QtBot, window: MainWindow, order_id: str) -> ConfirmActionDialog:
    dialog = open_approve(qtbot, window, order_id)
    assert dialog.panel is not None
    return dialog


def offered(widgets: LineWidgets) -> list[str]:
    return [widgets.location.itemText(i) for i in range(widgets.location.count())]


def confirm(qtbot: QtBot, window: MainWindow, dialog: ConfirmActionDialog) -> None:
    qtbot.waitUntil(lambda: dialog.settled, timeout=WAIT)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message


@pytest.mark.parametrize("part", [False, True], ids=["whole order", "part of it"])
def test_an_item_goes_back_to_another_location_that_stocks_it(
    qtbot: QtBot,
    bare_context: AppContext,
    make_demo_shop: Callable[..., DemoShop],
    part: bool,
) -> None:
    """The whole order: cancelled, then the stock adjusted at the chosen location; a part:
    refunded with the chosen location as where it is restocked."""
    shop = make_demo_shop(size=10, bucket_size=100_000, restore_rate=100_000)
    order_id = stocked_at_pop_up(shop, 2 if part else 1)
    window = window_for(qtbot, bare_context, shop)
    first = shop.order(order_id).line_items[0]
    assert first.variant is not None
    item = first.variant.inventory_item_id
    pop_up, warehouse = location(shop, POP_UP), location(shop, WAREHOUSE)
    before = dict(shop.store.inventory)

    dialog = approve_preview(qtbot, window, order_id)
    assert dialog.panel is not None
    first_line, *others = dialog.panel.lines
    names = offered(first_line)
    assert names[0] == WAREHOUSE  # where it was to ship from comes first
    assert POP_UP in names  # a shop no order ships from, stocking it
    assert CLOSED not in names and THIRD_PARTY not in names
    assert not dialog.panel.locations_note.isVisibleTo(dialog.panel)
    if part:
        others[-1].quantity.setValue(0)  # the last item still ships
    first_line.restock.click()
    assert not first_line.location.isEnabled()  # not restocked: nowhere to choose
    first_line.restock.click()
    assert first_line.location.isEnabled()
    first_line.location.setCurrentIndex(names.index(POP_UP))
    qtbot.waitUntil(lambda: dialog.settled, timeout=WAIT)
    restock = [value for label, value in dialog.rows() if label == "Restock"]
    assert f"{first.quantity} × {first.title} at {POP_UP}" in restock
    confirm(qtbot, window, dialog)

    after = shop.store.inventory
    assert after[(item, pop_up.id)] == before[(item, pop_up.id)] + first.quantity
    assert after[(item, warehouse.id)] == before[(item, warehouse.id)]
    assert (shop.order(order_id).cancelled_at is None) is part
    back = [r for r in shop.ledger.restocks if r.order_id == order_id]
    assert {r.location_id for r in back if r.inventory_item_id.endswith(f"/{item}")} == {
        f"gid://shopify/Location/{pop_up.id}"
    }


def test_without_read_locations_the_orders_own_locations_are_offered_and_why(
    qtbot: QtBot, bare_context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> None:
    shop = make_demo_shop(
        size=10,
        bucket_size=100_000,
        restore_rate=100_000,
        scopes=DEFAULT_SCOPES - {"read_locations"},
    )
    order_id = stocked_at_pop_up(shop, 1)
    window = window_for(qtbot, bare_context, shop)
    dialog = approve_preview(qtbot, window, order_id)
    panel = dialog.panel
    assert panel is not None
    assert all(offered(line) == [WAREHOUSE] for line in panel.lines)
    assert panel.locations_note.isVisibleTo(panel)
    note = panel.locations_note.text()
    assert "Only the locations this order ships from" in note and "read_locations" in note
    dialog.reject()


def test_an_order_from_a_closed_warehouse_is_cancelled_and_restocked_at_an_open_location(
    qtbot: QtBot, bare_context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> None:
    """Shopify refuses to restock a paid order at a deactivated location; the preview offers
    only open locations and puts the items back at the first one unless another is chosen."""
    shop = make_demo_shop(size=10, bucket_size=100_000, restore_rate=100_000)
    order_id = stocked_at_pop_up(shop, 1)
    warehouse, open_shop = location(shop, WAREHOUSE), location(shop, SHOP_FLOOR)
    warehouse.is_active = False  # closed after the order was placed
    window = window_for(qtbot, bare_context, shop)
    lines = shop.order(order_id).line_items
    before = dict(shop.store.inventory)

    dialog = approve_preview(qtbot, window, order_id)
    assert dialog.panel is not None
    for widgets in dialog.panel.lines:
        assert WAREHOUSE not in offered(widgets)
        assert widgets.location.currentText() == SHOP_FLOOR
    confirm(qtbot, window, dialog)

    assert shop.order(order_id).cancelled_at is not None
    for li in lines:
        assert li.variant is not None
        key = (li.variant.inventory_item_id, open_shop.id)
        assert shop.store.inventory[key] == before[key] + li.quantity
