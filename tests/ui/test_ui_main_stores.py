"""First run opens the connect wizard; with several stores, a switcher picks the queue."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.ui.connect.connect_wizard import ConnectWizard
from cancelapp.ui.main_window import MainWindow
from fixtures.danish import in_danish
from fixtures.main_window import open_window
from fixtures.wizard import on_to_check

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


def first_run_wizard(qtbot: QtBot, context: AppContext) -> tuple[MainWindow, ConnectWizard]:
    """The window of a first run, and the connect wizard it opens."""
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.stores_loaded, timeout=WAIT):
        window.start()
    wizard = window.findChild(ConnectWizard)
    assert wizard is not None
    return window, wizard


def test_typing_goes_into_the_wizards_first_empty_field_on_each_page(
    qtbot: QtBot, context: AppContext, demo_shop: DemoShop
) -> None:
    """Keyboard only, from the first run's wizard: each page takes the typing in its first
    empty field (the credentials page had it on its first radio button: typing was lost)."""
    _window, wizard = first_run_wizard(qtbot, context)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.shop_page.domain_edit)
    qtbot.keyClicks(QApplication.focusWidget(), demo_shop.base_url)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.guide_page
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    page = wizard.credentials_page
    assert wizard.currentPage() is page
    assert QApplication.focusWidget() is page.client_id_edit
    qtbot.keyClicks(QApplication.focusWidget(), demo_shop.client_id)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), demo_shop.client_secret)
    assert page.client_id_edit.text() == demo_shop.client_id
    assert page.client_secret_edit.text() == demo_shop.client_secret
    # Back and on again with the ID filled in: the secret, the first field still empty.
    page.client_secret_edit.clear()
    wizard.back()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.client_secret_edit
    # With the token chosen, its field.
    page.client_id_edit.clear()
    qtbot.keyClick(page.token_choice, Qt.Key.Key_Space)
    wizard.back()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.token_edit


def test_the_wizard_names_its_finish_button_as_the_button_reads_in_danish(
    qtbot: QtBot, context: AppContext, demo_shop: DemoShop
) -> None:
    """QA walkthrough: "Vælg Udfør for at gemme" beside a button that reads "Slut" (Qt's own
    Danish for Finish)."""
    window, wizard = first_run_wizard(qtbot, context)
    with in_danish(window):
        on_to_check(qtbot, wizard, demo_shop)
        qtbot.waitUntil(wizard.check_page.isComplete, timeout=WAIT)
        finish = wizard.button(QWizard.WizardButton.FinishButton).text().replace("&", "")
        assert finish == "Slut"
        assert f"Vælg {finish} for at gemme." in wizard.check_page.status.text()


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
