"""Words in the merchant's language and the right name (issue 14, point 7), through the real
window against the demo shop: what CancelApp writes on the order in Shopify goes through the
translation system, the staff name saved in Settings is used from the next decision on, an
outcome's message is translated when shown, and the rule form's values are translated.

The Danish catalogue gains these strings when the lead folds in the pending translations, so
a translator that marks every text it translates stands in for it (the catalogue is the
boundary; everything else is the real window and the real demo shop)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from cancelapp.actions.carry_out.outcome_words import PENDING
from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.policy import FulfilledItems
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog, TextDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.policy.policy_rule_form import PolicyRuleForm
from cancelapp.ui.queue.queue_index import Column
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from cancelapp.ui.settings.settings_dialog import SettingsDialog
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000
MARKED = ("ShopifyText", "ActionOutcome", "PolicyRuleForm")


class MarkingTranslator(QTranslator):
    """Translates the contexts under test to "[da] <source>"."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return f"[da] {source}" if context in MARKED else None  # None: not translated

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def translator(qapp: QCoreApplication) -> Iterator[MarkingTranslator]:
    translator = MarkingTranslator()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=30, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def window(
    qtbot: QtBot, bare_context: AppContext, shop: DemoShop, translator: MarkingTranslator
) -> Iterator[MainWindow]:
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    connect_demo(bare_context, shop)
    yield open_window(qtbot, bare_context)  # through the first sync and its backfill


def select_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    show_request(qtbot, window, window.model.request_id_at(row))  # maybe selected already


def save_staff_name(qtbot: QtBot, window: MainWindow, name: str) -> None:
    window.commands.settings.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.staff_edit.setText(name)
    with qtbot.waitSignal(dialog.settings_saved, timeout=WAIT):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def confirm(qtbot: QtBot, window: MainWindow, dialog: object) -> None:
    assert isinstance(dialog, ConfirmActionDialog)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message


def test_notes_written_to_shopify_are_translated_and_signed_with_the_saved_name(
    window: MainWindow, qtbot: QtBot, shop: DemoShop
) -> None:
    save_staff_name(qtbot, window, "Mette")  # no restart: the next decision uses it

    approve_row = next(
        r
        for r in range(window.model.rowCount())
        if window.model.index(r, Column.VERDICT).data(OUTCOME_ROLE) == "approve"
        and window.model.queue_row(r).financial_status == "PAID"
    )
    select_row(qtbot, window, approve_row)
    detail = window.current_detail()
    assert detail is not None and detail.order is not None
    approved = detail.order.id
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.approve.trigger()
    confirm(qtbot, window, opened.args[0])
    assert shop.order(approved).staff_note == (
        "[da] Cancelled at the customer's request; approved by Mette in CancelApp."
    )

    qtbot.waitUntil(lambda: window.commands.decline.isEnabled(), timeout=WAIT)
    select_row(qtbot, window, 0)
    detail = window.current_detail()
    assert detail is not None and detail.order is not None
    declined = detail.order.id
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.decline.trigger()
    reason = opened.args[0]
    assert isinstance(reason, TextDialog)
    reason.editor.setPlainText("Already packed.")
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        reason.confirm_button.click()
    confirm(qtbot, window, opened.args[0])
    assert "[da] Cancellation request declined: Already packed." in (
        shop.order(declined).note or ""
    )


def test_the_message_to_the_warehouse_is_in_the_merchants_language(
    window: MainWindow, qtbot: QtBot, shop: DemoShop
) -> None:
    shop.set_fulfillment_service_answer("none")
    order_id = shop.create_order("third_party_accepted")
    shop.add_cancel_request(order_id, "Please cancel.")
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    name = shop.order(order_id).name
    row = next(
        r for r in range(window.model.rowCount()) if window.model.queue_row(r).order_name == name
    )
    select_row(qtbot, window, row)
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.approve.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog) and dialog.message_edit is not None
    assert dialog.message_edit.toPlainText() == (
        f"[da] The customer asked to cancel order {name}. Please do not ship it."
    )
    dialog.reject()


def test_outcome_messages_and_rule_values_are_translated_when_shown(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.formatter.phrase(PENDING).startswith("[da] Shopify has not confirmed")

    form = PolicyRuleForm()
    qtbot.addWidget(form)
    items = form.conditions["fulfilled_items"]
    risk = form.conditions["risk_at_least"]
    assert isinstance(items, QComboBox) and isinstance(risk, QComboBox)
    assert items.itemText(items.findData(FulfilledItems.ANY.value)) == "[da] At least one"
    assert risk.itemText(risk.findData("low")) == "[da] Low"
    assert form.reason.itemText(form.reason.findData("customer")) == "[da] The customer asked"
