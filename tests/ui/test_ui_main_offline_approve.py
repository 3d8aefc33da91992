"""Approving from the cache (fourth QA walkthrough, shop stopped): the banner keeps one line
per order that could not be decided, naming it; a line goes once that order is decided or,
saying Shopify cannot be reached, once Shopify answers again, never for another order's
decision (a review found the first order's line replaced, and a queued decision withdrawing
another order's refusal). The approve dialog offers "Refund the shipping" from the cache
too, and the queued decision keeps the choice: once the shop is back, the refund leaves the
shipping out. Where the cache cannot prove the shipping (read before the shipping left was,
or prices excluding tax: Shopify would keep the shipping's tax too) the dialog says why the
shipping is refunded."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.money import Money
from cancelapp.domain.request import RequestState
from cancelapp.store.orders import VERDICT
from cancelapp.store.requests import get_request
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import WAIT, decline_with_reason, open_window, show_request, synced
from fixtures.order_snapshots import edit_snapshot

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
NOT_CACHED = (
    "{order}: Shopify cannot be reached and this order is not cached in full. "
    "Decide once CancelApp is online again."
)
NEEDS_CALCULATION = (
    "{order}: Shopify cannot be reached, and refunding part of an order needs its "
    "calculation. Approve it once CancelApp is online again."
)


def requested_order(shop: DemoShop, state: str = "paid") -> str:
    order_id = shop.create_order(state)  # in the shop's currency, with shipping
    shop.add_cancel_request(order_id, "Please cancel my order")
    return order_id


def approve(qtbot: QtBot, window: MainWindow, request_id: int) -> None:
    show_request(qtbot, window, request_id)
    qtbot.waitUntil(window.commands.approve.isEnabled, timeout=WAIT)
    window.commands.approve.trigger()


def request_state(context: AppContext, request_id: int) -> RequestState | None:
    with context.database.reading() as conn:
        request = get_request(conn, request_id)
    return None if request is None else request.state


def test_an_offline_approve_names_its_order_and_keeps_the_shipping_out_when_unticked(
    qtbot: QtBot, bare_context: AppContext, shop: DemoShop
) -> None:
    uncached, kept, older, taxed = (requested_order(shop) for _ in range(4))
    part = requested_order(shop, "partially_fulfilled")
    shop.order(taxed).taxes_included = False
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    connect_demo(bare_context, shop)
    window = open_window(qtbot, bare_context)
    orders = (uncached, kept, older, taxed, part)
    ids = [window.model.request_of_order(order_id) for order_id in orders]
    assert None not in ids
    uncached_rid, kept_rid, older_rid, taxed_rid, part_rid = (rid for rid in ids if rid)
    with bare_context.database.transaction() as conn:  # read since with a verdict's fields only
        conn.execute("UPDATE orders SET detail = ? WHERE gid = ?", (VERDICT, uncached))
    # As cached before CancelApp read the shipping left on it.
    edit_snapshot(bare_context.database, older, lambda node: node.pop("currentShippingPriceSet"))
    named = NOT_CACHED.format(order=shop.order(uncached).name)
    part_named = NEEDS_CALCULATION.format(order=shop.order(part).name)

    shop.stop()
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        window.sync_now()
    assert changed.args == [False]
    approve(qtbot, window, uncached_rid)
    qtbot.waitUntil(lambda: window.banner.text == named, timeout=WAIT)
    approve(qtbot, window, part_rid)  # a second order's line joins the first's
    qtbot.waitUntil(lambda: window.banner.text == part_named, timeout=WAIT)
    assert window.banner.details.text().split("\n") == [part_named, named]

    # Another order, from the cache: the shipping is offered, and left out.
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        approve(qtbot, window, kept_rid)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog) and dialog.panel is not None
    ordered = shop.order(kept)
    shipping = Money.of(ordered.shipping, ordered.presentment_currency)
    paid = dialog.preview.refund_total
    assert paid is not None and paid.amount > shipping.amount > 0
    check = dialog.panel.shipping_check
    fmt = window.formatter.money
    assert check.isVisibleTo(dialog) and check.isChecked()
    assert check.text() == f"Refund the shipping ({fmt(shipping)})"
    check.click()
    qtbot.waitUntil(lambda: dialog.settled and dialog.preview.refund_total != paid, timeout=WAIT)
    assert dialog.preview.refund_total == paid - shipping
    assert window.banner.text == part_named  # not decided yet
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "queued", finished.args[1].message
    assert window.banner.text == part_named  # the other orders' words still hold
    assert window.banner.details.text().split("\n") == [part_named, named]

    show_request(qtbot, window, part_rid)  # decided after all: its line goes, not the other
    confirm = decline_with_reason(qtbot, window, "Already packed")
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        confirm.confirm_button.click()
    assert finished.args[1].status.value == "queued", finished.args[1].message
    assert window.banner.text == named and not window.banner.details.text()

    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        approve(qtbot, window, older_rid)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog) and dialog.panel is not None
    assert not dialog.panel.shipping_check.isVisibleTo(dialog)
    assert dialog.panel.shipping_note.isVisibleTo(dialog)
    assert dialog.panel.shipping_note.text() == (
        "The cached copy of this order does not say what is left of its shipping, so the "
        "refund includes it. To keep the shipping, approve once CancelApp is online again."
    )
    dialog.reject()

    # Prices without tax: Shopify would keep the shipping's tax too, which the cache lacks.
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        approve(qtbot, window, taxed_rid)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog) and dialog.panel is not None
    assert not dialog.panel.shipping_check.isVisibleTo(dialog)
    assert dialog.panel.shipping_note.text() == (
        "Prices in this shop exclude tax, and the cached copy of this order does not say the "
        "tax on its shipping, so the refund includes the shipping. To keep the shipping, "
        "approve once CancelApp is online again."
    )
    taxed_order = shop.order(taxed)
    assert dialog.preview.refund_total == Money.of(
        sum(t.amount for t in taxed_order.transactions), taxed_order.presentment_currency
    )  # everything paid, the shipping included
    dialog.reject()

    approve(qtbot, window, uncached_rid)  # said again, until Shopify answers
    qtbot.waitUntil(lambda: window.banner.text == named, timeout=WAIT)

    shop.start()
    with synced(qtbot, window):
        window.sync_now()
        qtbot.waitUntil(
            lambda: request_state(bare_context, kept_rid) is RequestState.DONE, timeout=WAIT
        )
    assert named not in window.banner.text
    refunds = [r for r in shop.ledger.refunds if r.order_id == kept]
    assert sum(r.amount for r in refunds) == (paid - shipping).amount  # the shipping kept
    assert shop.order(kept).cancelled_at is not None
