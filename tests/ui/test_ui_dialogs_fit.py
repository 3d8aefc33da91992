"""The window's dialogs on a laptop's screen: the settings and the approve and decline
confirmations fit the screen's available area (less a title bar) and a 1366x768 one, their
buttons stay in view, long content scrolls, and no two texts or fields are drawn over each
other, in English and Danish, online and offline."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop
from cancelapp.settings import Language
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.dialog_fit import screen_budget
from cancelapp.ui.i18n import Translations
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.settings.settings_dialog import SettingsDialog
from fixtures.main_window import decline_with_reason, open_approve, open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000
LAPTOP = QSize(1366, 768 - 40)  # a 1366x768 screen less a title bar
FIELDS = (QLabel, QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton)


@pytest.fixture
def orders(shop: DemoShop) -> list[str]:
    """Paid orders, each asking to cancel: one per dialog a test opens."""
    made = [shop.create_order("paid") for _ in range(2)]
    for order_id in made:
        shop.add_cancel_request(order_id, "Please cancel my order, I ordered the wrong size")
    return made


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, orders: list[str]) -> MainWindow:
    return open_window(qtbot, context)


@contextmanager
def speaking(qapp: QApplication, window: MainWindow, language: Language) -> Iterator[None]:
    """The window in `language` (its dialogs made from then on too), English again after."""
    context = window.context
    context.translations = Translations(qapp)
    try:
        window.use_language(language)
        yield
    finally:
        context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
        context.translations = None


_SHOTS: list[Path] = []


@pytest.fixture(autouse=True)
def shots(tmp_path: Path) -> Iterator[None]:
    """Each test's screenshots go to its own pytest folder (`--basetemp` keeps them)."""
    _SHOTS.append(tmp_path)
    yield
    _SHOTS.pop()


def screenshot(widget: QWidget, name: str) -> None:
    widget.grab().save(str(_SHOTS[-1] / f"dialogs-{name}.png"))


def settle_layout() -> None:
    """Posted layout requests (a size hint that follows the width) done."""
    QApplication.sendPostedEvents()
    QApplication.processEvents()


def rect_in(widget: QWidget, dialog: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())


def fields_in(column: QWidget) -> list[QWidget]:
    """The visible texts and fields in `column`, not the parts inside a field (a spin box's
    line edit)."""
    found = [
        w
        for w in column.findChildren(QWidget)
        if isinstance(w, FIELDS) and w.isVisibleTo(column) and w.width() > 0
    ]
    return [w for w in found if not any(o is not w and o.isAncestorOf(w) for o in found)]


def assert_nothing_overlaps(dialog: QWidget, column: QWidget) -> None:
    fields = fields_in(column)
    assert fields
    for a, b in combinations(fields, 2):
        ra, rb = rect_in(a, dialog), rect_in(b, dialog)
        assert not ra.intersects(rb), (
            f"{type(a).__name__} {getattr(a, 'text', str)()!r} {ra} overlaps "
            f"{type(b).__name__} {getattr(b, 'text', str)()!r} {rb}"
        )
    for label in (w for w in fields if isinstance(w, QLabel) and w.wordWrap()):
        needed = label.heightForWidth(label.width())
        assert label.height() >= needed, f"{label.text()!r} is cut: {label.height()} < {needed}"


def assert_in_view(dialog: QWidget, widget: QWidget) -> None:
    """`widget` is inside the dialog and not in a scroll area: always seen."""
    assert widget.isVisible()
    assert dialog.rect().contains(rect_in(widget, dialog)), (rect_in(widget, dialog), dialog.rect())
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog:
        assert not isinstance(parent, QScrollArea), f"{widget} scrolls out of view"
        parent = parent.parentWidget()


def assert_fits(dialog: QDialog, budget: QSize) -> None:
    assert dialog.width() <= budget.width() and dialog.height() <= budget.height(), (
        dialog.size(),
        budget,
    )


def assert_no_sideways_scrolling(scroll: QScrollArea) -> None:
    """Every text in `scroll` is seen to its end without scrolling sideways."""
    assert scroll.horizontalScrollBar().maximum() == 0, (
        scroll.widget().width(),
        scroll.viewport().width(),
    )


def assert_reachable(scroll: QScrollArea, widget: QWidget) -> None:
    """`widget` is shown whole in `scroll`, or the scroll bar reaches all of it."""
    content = scroll.widget()
    bottom = rect_in(widget, content).bottom()
    assert bottom <= scroll.viewport().height() + scroll.verticalScrollBar().maximum()


def tab_chain(dialog: QWidget) -> list[QWidget]:
    """The widgets Tab stops at, in order."""
    chain: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    while widget is not dialog:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(dialog):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def check_confirmation(dialog: ConfirmActionDialog, name: str, *, offline: bool) -> None:
    """At the size it opens at, on a 1366x768 laptop, and at the smallest it can be made."""
    settle_layout()
    screenshot(dialog, name)
    assert_fits(dialog, screen_budget(dialog))
    assert (dialog.read_at is not None) is offline
    reply = dialog.reply_preview
    assert reply is not None
    body = reply.body_edit
    lines = body.fontMetrics().lineSpacing()
    # Tab goes through the fields as they read, left column first; a scroll area is no stop.
    chain = tab_chain(dialog)
    assert not any(isinstance(w, QScrollArea) for w in chain)
    expected = [reply.kind_combo, reply.subject_edit, body, dialog.confirm_button]
    if dialog.panel is not None:
        expected.insert(0, dialog.panel.full_radio)
    assert sorted(expected, key=chain.index) == expected
    opened = dialog.size()
    for size in (opened, opened.boundedTo(LAPTOP), dialog.minimumSizeHint()):
        dialog.resize(size)
        settle_layout()
        if size != dialog.minimumSizeHint():  # made as small as it goes, it scrolls sideways
            assert_no_sideways_scrolling(dialog.facts_scroll)
            if dialog.choices_scroll is not None:
                assert_no_sideways_scrolling(dialog.choices_scroll)
        assert_in_view(dialog, dialog.confirm_button)
        assert_in_view(dialog, dialog.heading)
        assert_nothing_overlaps(dialog, dialog.facts_column)
        if dialog.panel is not None:
            assert_nothing_overlaps(dialog, dialog.panel)
        assert body.viewport().height() >= 5 * lines  # the reply is read, not peeked at
        assert_reachable(dialog.facts_scroll, body)
        assert_reachable(dialog.facts_scroll, reply.shopify_label)
    dialog.resize(opened.boundedTo(LAPTOP))
    settle_layout()
    screenshot(dialog, f"{name}-laptop")
    assert dialog.minimumSizeHint().height() <= LAPTOP.height()
    assert dialog.minimumSizeHint().width() <= LAPTOP.width()


def approve(qtbot: QtBot, window: MainWindow, order_id: str) -> ConfirmActionDialog:
    dialog = open_approve(qtbot, window, order_id)
    qtbot.waitExposed(dialog)
    return dialog


def decline(qtbot: QtBot, window: MainWindow, order_id: str) -> ConfirmActionDialog:
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    show_request(qtbot, window, request_id)
    qtbot.waitUntil(window.commands.decline.isEnabled, timeout=WAIT)
    dialog = decline_with_reason(qtbot, window, "Everything in the order is made to measure.")
    qtbot.waitExposed(dialog)
    return dialog


def go_offline(qtbot: QtBot, window: MainWindow, shop: DemoShop) -> None:
    shop.stop()
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        window.sync_now()
    assert changed.args == [False]


@pytest.mark.parametrize("online", [True, False], ids=["online", "offline"])
def test_approve_and_decline_fit_and_nothing_overlaps(
    qtbot: QtBot,
    qapp: QApplication,
    window: MainWindow,
    shop: DemoShop,
    orders: list[str],
    online: bool,
) -> None:
    where = "online" if online else "offline"
    if not online:
        go_offline(qtbot, window, shop)
    for language in (Language.ENGLISH, Language.DANISH):  # Danish: the longer words
        with speaking(qapp, window, language):
            check_approve(qtbot, window, orders[0], f"{where}-{language.value}", not online)
            dialog = decline(qtbot, window, orders[1])
            check_confirmation(dialog, f"decline-{where}-{language.value}", offline=not online)
            close(qtbot, window, dialog)


def check_approve(
    qtbot: QtBot, window: MainWindow, order_id: str, name: str, offline: bool
) -> None:
    dialog = approve(qtbot, window, order_id)
    assert dialog.panel is not None  # the choices beside what will happen
    check_confirmation(dialog, f"approve-{name}", offline=offline)
    # Another choice, another preview (store credit's rows): it fits the same dialog.
    with qtbot.waitSignal(dialog.preview_shown, timeout=WAIT):
        dialog.panel.credit_radio.click()
    qtbot.waitUntil(lambda: dialog.settled, timeout=WAIT)
    assert dialog.preview.store_credit is not None
    check_confirmation(dialog, f"approve-credit-{name}", offline=offline)
    close(qtbot, window, dialog)


def close(qtbot: QtBot, window: MainWindow, dialog: ConfirmActionDialog) -> None:
    dialog.reject()  # nothing is done: the request can be opened again
    qtbot.waitUntil(lambda: window.actions_.dialog is None, timeout=WAIT)


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    window.commands.settings.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(SettingsDialog)), timeout=WAIT)
    (dialog,) = window.findChildren(SettingsDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_settings_fit_the_screen_and_save_stays_in_view(
    qtbot: QtBot, qapp: QApplication, window: MainWindow
) -> None:
    for language in (Language.ENGLISH, Language.DANISH):
        with speaking(qapp, window, language):
            dialog = open_settings(qtbot, window)
            assert not dialog.message.isVisible()  # nothing to say: no gap above the buttons
            check_settings(dialog, language)
            dialog.reject()
            dialog.deleteLater()
            qtbot.waitUntil(lambda: not window.findChildren(SettingsDialog), timeout=WAIT)


def check_settings(dialog: SettingsDialog, language: Language) -> None:
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    budget = screen_budget(dialog)
    assert dialog.minimumSizeHint().height() <= LAPTOP.height()
    assert dialog.minimumSizeHint().width() <= LAPTOP.width()
    opened = dialog.size()
    for index in range(dialog.tabs.count()):
        dialog.resize(opened)
        dialog.tabs.setCurrentIndex(index)
        settle_layout()
        screenshot(dialog, f"settings-{index}-{language.value}")
        assert_fits(dialog, budget)
        page = dialog.tabs.currentWidget()
        assert isinstance(page, QScrollArea)  # a long tab scrolls under the tab bar
        for size in (opened, opened.boundedTo(LAPTOP), dialog.minimumSizeHint()):
            dialog.resize(size)
            settle_layout()
            assert_in_view(dialog, save)
            assert_in_view(dialog, dialog.tabs.tabBar())
            lowest = max(fields_in(page.widget()), key=lambda w: rect_in(w, page.widget()).bottom())
            assert_reachable(page, lowest)
    dialog.resize(opened)
    settle_layout()
    assert_nothing_overlaps(dialog, dialog.general)
    dialog.tabs.setCurrentIndex(1)
    settle_layout()
    assert_names_whole(dialog.templates_tab.list)


def assert_names_whole(names: QListWidget) -> None:
    """Every reply template's name whole in its list, no sideways scrolling (QA walkthrough:
    "Annulleret, ingen refusi…" in Danish); the full name on hover too."""
    room = names.viewport().width()
    for row in range(names.count()):
        item = names.item(row)
        assert names.visualItemRect(item).width() <= room, item.text()
        assert names.fontMetrics().horizontalAdvance(item.text()) < room, item.text()
        assert item.toolTip() == item.text()
    assert not names.horizontalScrollBar().isVisible()
