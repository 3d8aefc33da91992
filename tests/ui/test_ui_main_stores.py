"""First run opens the connect wizard; with several stores, a switcher picks the queue."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.ui.connect.connect_wizard import ConnectWizard
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def context(bare_context: AppContext) -> AppContext:
    return bare_context


def test_first_run_opens_the_connect_wizard(qtbot: QtBot, context: AppContext) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.stores_loaded, timeout=WAIT):
        window.start()
    assert window.empty_hint.isVisibleTo(window)
    assert window.findChild(ConnectWizard) is not None
    assert window.store_switcher.isHidden()


def test_store_switcher_shows_each_stores_queue(
    qtbot: QtBot, context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> None:
    big = make_demo_shop(seed=7, size=40, bucket_size=100_000, restore_rate=100_000)
    small = make_demo_shop(seed=3, size=12, bucket_size=100_000, restore_rate=100_000)
    first = connect_demo(context, big)
    second = connect_demo(context, small)
    window = open_window(qtbot, context, store_id=second.id)
    assert window.store is not None and window.store.id == second.id
    assert not window.store_switcher.isHidden()
    assert window.store_switcher.combo.count() == 2
    small_queue = len(window.model.index_)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.store_switcher.combo.setCurrentIndex(window.store_switcher.combo.findData(first.id))
    assert window.store.id == first.id
    assert len(window.model.index_) != small_queue
    assert window.windowTitle().endswith(f"{first.name} ({first.domain}) – CancelApp")  # same names


def test_connect_store_opens_with_the_address_of_the_store_shown_and_offers_the_others(
    qtbot: QtBot, context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> None:
    """QA walkthrough: reconnecting a store whose credentials were lost began with an empty
    address (screenshot 43)."""
    first = connect_demo(context, make_demo_shop(seed=3, size=6))
    second = connect_demo(context, make_demo_shop(seed=5, size=6))
    window = open_window(qtbot, context, store_id=second.id)
    window.commands.connect_store.trigger()
    wizard = window.findChild(ConnectWizard)
    assert wizard is not None and wizard.isVisible()
    page = wizard.shop_page
    assert page.domain_edit.text() == second.endpoint.base_url  # as the demo shop prints it
    assert page.isComplete() and page.endpoint == second.endpoint
    completer = page.domain_edit.completer()
    assert completer is not None
    known = completer.model()
    offered = [known.index(row, 0).data() for row in range(known.rowCount())]
    assert offered == [first.endpoint.base_url, second.endpoint.base_url]
    wizard.reject()
