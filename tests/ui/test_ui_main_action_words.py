"""The queue's Action column and the detail say what was decided (QA walkthrough: declined
requests and cancelled orders both read "Done", a queued one only "Queued"): "Cancelled",
"Partly cancelled", "Declined"; "Decline queued" while it waits; and the column is as wide as
its widest word, in English and in Danish."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.settings import Language
from cancelapp.ui.i18n import Translations
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from fixtures.main_window import decline_with_reason, open_approve, open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)


def requested(shop: DemoShop, state: str) -> str:
    order_id = shop.create_order(state)
    shop.add_cancel_request(order_id, "Please cancel")
    return order_id


def action_of(qtbot: QtBot, window: MainWindow, request_id: int, words: str) -> None:
    """Wait until the request's Action cell reads `words`."""

    def shown() -> str | None:
        row = window.model.row_of(request_id)
        return None if row is None else window.model.index(row, Column.ACTION).data()

    qtbot.waitUntil(lambda: shown() == words, timeout=WAIT)


def fits_its_words(qtbot: QtBot, window: MainWindow) -> None:
    """In a window with room for it, the Action column shows each of the tab's words whole."""
    window.resize(1600, 900)
    table, model = window.queue.table, window.model
    words = [model.index(r, Column.ACTION).data() for r in range(model.rowCount())]
    widest = max(table.fontMetrics().horizontalAdvance(w) for w in words if w)
    qtbot.waitUntil(lambda: table.columnWidth(Column.ACTION) >= widest, timeout=WAIT)


def decide(qtbot: QtBot, window: MainWindow, dialog_confirm: Callable[[], None]) -> int:
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog_confirm()
    return int(finished.args[0])


def test_the_done_tab_says_cancelled_partly_cancelled_or_declined(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    whole = requested(demo_shop, "paid")
    partly = requested(demo_shop, "partially_fulfilled")
    shipped = requested(demo_shop, "fulfilled")
    connect_demo(bare_context, demo_shop)
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    window = open_window(qtbot, bare_context)

    cancelled = decide(qtbot, window, open_approve(qtbot, window, whole).confirm_button.click)
    part = open_approve(qtbot, window, partly)
    assert part.preview.kind.value == "refund"  # the shipped item stays on the order
    partly_cancelled = decide(qtbot, window, part.confirm_button.click)
    shipped_request = window.model.request_of_order(shipped)
    assert shipped_request is not None
    show_request(qtbot, window, shipped_request)
    declined = decide(
        qtbot, window, decline_with_reason(qtbot, window, "It has shipped").confirm_button.click
    )

    window.queue.show_tab(Tab.DONE)
    action_of(qtbot, window, cancelled, "Cancelled")
    action_of(qtbot, window, partly_cancelled, "Partly cancelled")
    action_of(qtbot, window, declined, "Declined")
    fits_its_words(qtbot, window)


def test_a_queued_decision_names_itself_in_the_queue_and_the_detail(
    qtbot: QtBot, qapp: QApplication, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    order_id = requested(demo_shop, "fulfilled")
    connect_demo(bare_context, demo_shop)
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=600)
    window = open_window(qtbot, bare_context)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    show_request(qtbot, window, request_id)
    dialog = decline_with_reason(qtbot, window, "It has shipped")
    assert decide(qtbot, window, dialog.confirm_button.click) == request_id

    window.queue.show_tab(Tab.DONE)
    action_of(qtbot, window, request_id, "Decline queued")
    show_request(qtbot, window, request_id)
    assert window.detail.decision_note.text().startswith("Decline queued: CancelApp carries it")

    # In Danish the column still fits its widest word.
    bare_context.translations = Translations(qapp)
    try:
        window.use_language(Language.DANISH)
        fits_its_words(qtbot, window)
    finally:
        bare_context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
        bare_context.translations = None
