"""The policy editor, driven by qtbot: default rules, editing, preview, backtest, saving."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from cancelapp.domain.money import Money
from cancelapp.domain.order import FinancialStatus, FulfillmentStatus, LineItem, Order, RiskLevel
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.domain.verdict import Outcome
from cancelapp.policy import DEFAULT_POLICY_TOML, PastCase, default_policy, read_policy
from cancelapp.policy.fields import CONDITION_FIELDS, parse_window
from cancelapp.settings import Language
from cancelapp.ui.i18n import Translations
from cancelapp.ui.policy.policy_editor import PolicyEditor
from cancelapp.ui.policy.policy_rule_form import CONDITION_ROWS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PLACED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
NOW = PLACED + timedelta(days=3)


def _order(n: int, **changes: object) -> Order:
    item = LineItem(f"l{n}", "Mug", None, 1, 1, 1, 1, True, Money(Decimal("100"), "DKK"))
    values: dict[str, object] = {
        "id": f"gid://shopify/Order/{n}",
        "name": f"#{n}",
        "created_at": PLACED,
        "updated_at": PLACED,
        "financial_status": FinancialStatus.PAID,
        "fulfillment_status": FulfillmentStatus.UNFULFILLED,
        "total": Money(Decimal("100"), "DKK"),
        "presentment_currency": "DKK",
        "customer": None,
        "email": None,
        "line_items": (item,),
        "risk_level": RiskLevel.LOW,
    }
    values.update(changes)
    return Order(**values)


def _request(n: int, after: timedelta) -> CancellationRequest:
    message = RequestMessage(RequestSource.EMAIL, PLACED + after, "cancel please")
    return CancellationRequest(
        n, 1, f"gid://shopify/Order/{n}", f"#{n}", None, RequestState.OPEN, (message,)
    )


# 2 in time (approve), 1 late (review), 1 cancelled (deny)
REQUESTS = [
    (_order(1), _request(1, timedelta(hours=2))),
    (_order(2), _request(2, timedelta(hours=5))),
    (_order(3), _request(3, timedelta(hours=30))),
    (_order(4, cancelled_at=PLACED + timedelta(hours=1)), _request(4, timedelta(hours=2))),
]
PAST = [PastCase(_order(5), _request(5, timedelta(hours=1)), Outcome.APPROVE)]


def _editor(qtbot: QtBot, path: Path) -> PolicyEditor:
    dialog = PolicyEditor(path, now=NOW, requests=REQUESTS, past=PAST)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _select(dialog: PolicyEditor, name: str) -> None:
    for row in range(dialog.rule_list.count()):
        if dialog.rule_list.item(row).text().endswith(f": {name}"):
            dialog.rule_list.setCurrentRow(row)
            return
    raise AssertionError(f"no rule {name}")


def _type(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)


def _save(qtbot: QtBot, dialog: PolicyEditor) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def test_ui_policy_editor_writes_the_commented_default_on_first_save(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "policy-1.toml"
    dialog = _editor(qtbot, path)
    assert dialog.rule_list.count() == len(default_policy().rules)
    assert dialog.preview_label.text() == (
        "With these rules, the 4 open requests: approve 2 · review 1 · deny 1 · verdict changed 0"
    )
    assert dialog.backtest_label.text() == (
        "Backtest over the 1 requests you have decided: agrees with you 1 · differs 0 · "
        "would ask you to look 0"
    )
    assert dialog.changes_list.isHidden()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        _save(qtbot, dialog)
    assert path.read_text(encoding="utf-8") == DEFAULT_POLICY_TOML
    assert saved.args == [default_policy()]


def test_ui_policy_editor_previews_an_edit_and_keeps_comments(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "policy-1.toml"
    path.write_text(DEFAULT_POLICY_TOML, encoding="utf-8")
    dialog = _editor(qtbot, path)
    _select(dialog, "In time")
    window = dialog.form.conditions["placed_within"]
    assert isinstance(window, QLineEdit) and window.text() == "shop"
    _type(qtbot, window, "3h")
    qtbot.waitUntil(lambda: "verdict changed 1" in dialog.preview_label.text(), timeout=5000)
    assert "approve 1 · review 2 · deny 1" in dialog.preview_label.text()
    # Which request changed, and what it would become.
    assert [dialog.changes_list.item(i).text() for i in range(dialog.changes_list.count())] == [
        "#2: now Approve, would be Review"
    ]
    with qtbot.waitSignal(dialog.open_request, timeout=5000) as wanted:
        dialog.changes_list.itemActivated.emit(dialog.changes_list.item(0))
    assert wanted.args == [2]

    with qtbot.waitSignal(dialog.saved, timeout=5000):
        _save(qtbot, dialog)
    text = path.read_text(encoding="utf-8")
    assert 'placed_within = "3h"' in text
    assert text.replace('placed_within = "3h"', 'placed_within = "shop"') == DEFAULT_POLICY_TOML


def test_ui_policy_editor_names_the_bad_field_and_blocks_saving(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _editor(qtbot, tmp_path / "policy-1.toml")
    _select(dialog, "High value")
    _type(qtbot, dialog.form.conditions["total_above"], "-5")
    # The rule by its number and name, the field by the form's own label.
    assert dialog.error_label.text() == (
        'Rule 10 "High value", Total above: an amount can\'t be negative: -5'
    )
    assert not dialog.save_button.isEnabled()
    _type(qtbot, dialog.form.conditions["total_above"], "800")
    assert dialog.error_label.text() == "" and dialog.save_button.isEnabled()


def test_ui_policy_editor_add_reorder_remove_and_confirm_lost_comments(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "policy-1.toml"
    path.write_text(DEFAULT_POLICY_TOML, encoding="utf-8")
    dialog = _editor(qtbot, path)
    _select(dialog, "Everything else")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.rule_list.currentItem().text() == "Review: New rule 15"
    verdict = dialog.form.verdict
    assert isinstance(verdict, QComboBox)
    verdict.setCurrentIndex(verdict.findData("deny"))
    _type(qtbot, dialog.form.reply.lineEdit(), "Sorry, too late")
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert dialog.rule_list.currentRow() == 13
    _select(dialog, "Too late")
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)  # drops no comment
    _select(dialog, "In time")
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)  # drops its comments

    _save(qtbot, dialog)
    box = dialog.confirm_box
    assert box is not None and box.isVisible()
    assert "removes 4 comments" in box.text()
    assert path.read_text(encoding="utf-8") == DEFAULT_POLICY_TOML  # nothing written yet
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        box.button(QMessageBox.StandardButton.Save).click()
    names = [rule.name for rule in read_policy(path).rules]
    assert names[-2:] == ["New rule 15", "Everything else"]
    assert "Too late" not in names and "In time" not in names
    assert read_policy(path).rules[-2].reply == "Sorry, too late"


def test_a_deny_rules_reply_is_picked_by_the_templates_name(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "policy-1.toml"
    path.write_text(DEFAULT_POLICY_TOML, encoding="utf-8")
    dialog = _editor(qtbot, path)
    _select(dialog, "Already shipped")
    reply = dialog.form.reply
    assert reply.currentText() == "Declined: already shipped"  # the file says already_shipped
    names = [reply.itemText(index) for index in range(reply.count())]
    assert names == [
        "",
        "Declined, with the reason",
        "Declined: already cancelled",
        "Declined: a return is open",
        "Declined: already shipped",
    ]
    reply.setCurrentIndex(names.index("Declined, with the reason"))
    _select(dialog, "Already cancelled")
    _type(qtbot, reply.lineEdit(), "Nothing to do, it is cancelled")
    _save(qtbot, dialog)
    box = dialog.confirm_box
    if box is not None and box.isVisible():
        box.button(QMessageBox.StandardButton.Save).click()
    replies = {rule.name: rule.reply for rule in read_policy(path).rules}
    assert replies["Already shipped"] == "declined"
    assert replies["Already cancelled"] == "Nothing to do, it is cancelled"
    assert replies["Return open"] == "return_open"  # untouched, as written


def test_ui_policy_editor_replacing_a_broken_file_is_confirmed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "policy-1.toml"
    broken = "version = 1\n[[rules]]\nname = 'x'\nverdict = 'maybe'\n"
    path.write_text(broken, encoding="utf-8")
    dialog = _editor(qtbot, path)
    assert dialog.problem_label.isVisibleTo(dialog)
    assert "policy-1.toml, 4" in dialog.problem_label.text()
    assert '"maybe" is not one of' in dialog.problem_label.text()
    _save(qtbot, dialog)
    box = dialog.confirm_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert path.read_text(encoding="utf-8") == broken
    assert dialog.isVisible()


def test_ui_policy_editor_form_offers_every_condition() -> None:
    assert [key for key, _label, _kind in CONDITION_ROWS] == list(CONDITION_FIELDS)


@pytest.fixture
def danish() -> Iterator[QLocale]:
    before = QLocale()
    locale = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
    QLocale.setDefault(locale)
    yield locale
    QLocale.setDefault(before)


def test_ui_policy_editor_reads_numbers_in_the_merchants_format(
    qtbot: QtBot, tmp_path: Path, danish: QLocale
) -> None:
    path = tmp_path / "policy-1.toml"
    dialog = _editor(qtbot, path)
    _select(dialog, "In time")
    _type(qtbot, dialog.form.fee_percent, "2,5")
    _type(qtbot, dialog.form.fee_fixed, "1.000,50")
    assert dialog.error_label.text() == ""
    assert dialog.form.data()["action"]["fee_percent"] == "2.5"
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        _save(qtbot, dialog)
    in_time = next(rule for rule in saved.args[0].rules if rule.name == "In time")
    assert in_time.action.fee_percent == Decimal("2.5")
    assert in_time.action.fee_fixed == Decimal("1000.50")
    # Shown again as the merchant typed it.
    reopened = _editor(qtbot, path)
    _select(reopened, "In time")
    assert reopened.form.fee_percent.text() == "2,5"
    _type(qtbot, reopened.form.fee_percent, "to")
    assert reopened.error_label.text() == (
        'Rule 12 "In time", Keep a fee (percent): "to" is not an amount'
    )


def test_ui_policy_editor_status_lists_in_the_merchants_words(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _editor(qtbot, tmp_path / "policy-1.toml")
    _select(dialog, "In time")
    statuses = dialog.form.conditions["financial_status"]
    assert isinstance(statuses, QLineEdit)
    assert statuses.text() == "authorized, paid"
    assert "partially paid" in statuses.placeholderText()
    _type(qtbot, statuses, "paid, partially paid")
    assert dialog.form.data()["when"]["financial_status"] == ["paid", "partially_paid"]
    assert dialog.error_label.text() == ""


@pytest.fixture
def in_danish(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    translations = Translations(qapp)
    translations.apply(Language.DANISH)
    yield
    translations.apply(
        Language.ENGLISH, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    QLocale.setDefault(before)


def test_ui_policy_editor_speaks_danish_and_keeps_the_file_as_written(
    qtbot: QtBot, tmp_path: Path, in_danish: None
) -> None:
    path = tmp_path / "policy-1.toml"
    dialog = _editor(qtbot, path)
    _select(dialog, "I tide")  # the default rule's name, in Danish
    form = dialog.form
    assert form.name.text() == "I tide"
    assert form.why.text() != "Unfulfilled, paid and asked in time"  # its words in Danish too
    window = form.conditions["placed_within"]
    assert isinstance(window, QLineEdit) and window.text() == "butikkens"
    assert "indtil afsendelse" in form.conditions["placed_outside"].placeholderText()  # type: ignore[union-attr]
    # Untouched, everything is written as the file had it.
    data = form.data()
    assert (data["name"], data["when"]["placed_within"]) == ("In time", "shop")
    assert data["why"] == "Unfulfilled, paid and asked in time"
    # Typed in Danish: the window's words and its units.
    _type(qtbot, window, "indtil afsendelse")
    assert form.data()["when"]["placed_within"] == "until fulfillment"
    _type(qtbot, window, "36 timer")
    assert dialog.error_label.text() == ""
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        _save(qtbot, dialog)
    in_time = next(rule for rule in saved.args[0].rules if rule.name == "In time")
    assert in_time.when.placed_within == parse_window("36h")
