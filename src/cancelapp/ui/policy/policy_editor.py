"""The policy editor: the store's rules, a live preview over the cached requests and a
backtest over past ones.

Opened with `open()`; answers with `saved(Policy)` once the file is written (atomically,
comments kept), or `rejected` when closed without saving. Losing comments, or replacing a
broken file, is confirmed first in a message box that is itself opened with `open()`; so is
closing with unsaved edits (Esc, Cancel or the window's close button).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cancelapp.domain.verdict import Outcome
from cancelapp.policy import (
    DEFAULT_POLICY_TOML,
    PastCase,
    Policy,
    PolicyError,
    backtest,
    default_policy,
    load_policy,
    lost_comments,
    outcomes,
    policy_from_data,
    render_policy,
    save_policy_text,
    tally,
)
from cancelapp.policy.document import rule_data
from cancelapp.policy.preview import Case
from cancelapp.ui.connect.connect_pages import plain_label
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.policy.policy_rule_form import PolicyRuleForm, default_words
from cancelapp.ui.retranslating import Retranslating

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 150  # typing pauses this long before the preview is recomputed


@dataclass
class _Entry:
    data: dict[str, Any]  # TOML-shaped, possibly invalid while being typed
    origin: int | None  # index of the rule in the file as read; None for a new rule


_REQUEST_ID = Qt.ItemDataRole.UserRole
_WHERE = re.compile(r"rule (\d+)(?: \(.*\))?(?:, (?:\w+\.)*(\w+))?$")


class PolicyEditor(Retranslating, QDialog):
    """Opened modeless, so that a request listed under "what would change" can be looked at
    in the queue while the editor stays open."""

    saved = Signal(object)  # the Policy now in the file
    open_request = Signal(int)  # a request id the merchant asked to see

    def __init__(
        self,
        path: Path,
        *,
        now: datetime,
        requests: Sequence[Case] = (),
        past: Sequence[PastCase] = (),
        shop_edit_window: timedelta | None = None,
        in_force: Policy | None = None,
        formatter: Formatter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`requests` are the cached open requests for the live preview, `past` the decided
        ones for the backtest; `in_force` is the policy the app uses now (the last good one
        when the file is broken), which "changed" is counted against."""
        super().__init__(parent)
        self._path = path
        self._now = now
        self._requests = list(requests)
        self._past = list(past)
        self._shop_window = shop_edit_window
        self._format = formatter or Formatter(QLocale())
        loaded = load_policy(path)
        # What the policy in force says today, to count what an edit changes.
        self._baseline = outcomes(
            self._requests, in_force or loaded.policy, now, shop_edit_window=shop_edit_window
        )
        self._problem = loaded.problem  # the file on disk is broken
        if loaded.problem is None and loaded.text is not None:
            self._base_text = loaded.text
            rules = loaded.policy.rules
        else:  # no file yet, or one we cannot read: start from the commented default
            self._base_text = DEFAULT_POLICY_TOML
            rules = default_policy().rules
        self._entries = [_Entry(rule_data(rule), i) for i, rule in enumerate(rules)]
        self._as_opened = self._rules_now()
        self._policy: Policy | None = None
        self.confirm_box: QMessageBox | None = None
        self.discard_box: QMessageBox | None = None  # asked when closing with unsaved edits
        self._build()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._update_preview)
        self.retranslate()
        self._fill_list(0)
        self._revalidate()
        self._update_preview()

    # Layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.problem_label = plain_label()
        self.problem_label.setVisible(self._problem is not None)
        self.rule_list = QListWidget()
        self.rule_list.currentRowChanged.connect(self._show_rule)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.add_button.clicked.connect(self._add_rule)
        self.remove_button.clicked.connect(self._remove_rule)
        self.up_button.clicked.connect(lambda: self._move_rule(-1))
        self.down_button.clicked.connect(lambda: self._move_rule(1))
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            list_buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.rule_list)
        left_layout.addLayout(list_buttons)

        self.form = PolicyRuleForm()
        self.form.edited.connect(self._rule_edited)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 2)

        self.error_label = plain_label()
        self.preview_label = plain_label()
        self.backtest_label = plain_label()
        self.changes_heading = QLabel()
        self.changes_list = QListWidget()
        self.changes_list.itemActivated.connect(self._open_item)
        self.changes_list.setMaximumHeight(120)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.problem_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.backtest_label)
        layout.addWidget(self.changes_heading)
        layout.addWidget(self.changes_list)
        layout.addWidget(self.buttons)
        self.resize(900, 700)

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    # Rule list ---------------------------------------------------------------------------------

    def _fill_list(self, select: int) -> None:
        self.rule_list.blockSignals(True)
        self.rule_list.clear()
        for entry in self._entries:
            self.rule_list.addItem(self._list_text(entry.data))
        self.rule_list.blockSignals(False)
        if self._entries:
            self.rule_list.setCurrentRow(min(max(select, 0), len(self._entries) - 1))
        self._show_rule(self.rule_list.currentRow())

    def _list_text(self, data: dict[str, Any]) -> str:
        verdicts = {
            "approve": self.tr("Approve"),
            "review": self.tr("Review"),
            "deny": self.tr("Deny"),
        }
        name = default_words(str(data.get("name") or "")) or self.tr("(no name)")
        return f"{verdicts.get(str(data.get('verdict')), '?')}: {name}"

    def _show_rule(self, row: int) -> None:
        has_rule = 0 <= row < len(self._entries)
        self.form.setEnabled(has_rule)
        self.remove_button.setEnabled(has_rule)
        self.up_button.setEnabled(has_rule and row > 0)
        self.down_button.setEnabled(has_rule and row < len(self._entries) - 1)
        if has_rule:
            self.form.load(self._entries[row].data)

    def _rule_edited(self) -> None:
        row = self.rule_list.currentRow()
        if not 0 <= row < len(self._entries):
            return
        self._entries[row].data = self.form.data()
        item = self.rule_list.item(row)
        item.setText(self._list_text(self._entries[row].data))
        self._changed()

    def _add_rule(self) -> None:
        row = self.rule_list.currentRow() + 1
        names = {str(e.data.get("name")) for e in self._entries}
        number = len(self._entries) + 1
        while self.tr("New rule %n", "", number) in names:
            number += 1
        data = {
            "name": self.tr("New rule %n", "", number),
            "verdict": Outcome.REVIEW.value,
            "why": self.tr("Check this request"),
        }
        self._entries.insert(row, _Entry(data, None))
        self._fill_list(row)
        self._changed()

    def _remove_rule(self) -> None:
        row = self.rule_list.currentRow()
        if 0 <= row < len(self._entries):
            del self._entries[row]
            self._fill_list(row)
            self._changed()

    def _move_rule(self, step: int) -> None:
        row = self.rule_list.currentRow()
        target = row + step
        if 0 <= row < len(self._entries) and 0 <= target < len(self._entries):
            entries = self._entries
            entries[row], entries[target] = entries[target], entries[row]
            self._fill_list(target)
            self._changed()

    # Validation and preview --------------------------------------------------------------------

    def _changed(self) -> None:
        self._revalidate()
        self._preview_timer.start()

    def _revalidate(self) -> None:
        data = {"version": 1, "rules": [entry.data for entry in self._entries]}
        try:
            self._policy = policy_from_data(data, self._path.name)
            self.error_label.clear()
        except PolicyError as error:
            self._policy = None
            self.error_label.setText(self._error_text(error))
        self.save_button.setEnabled(self._policy is not None)

    def _error_text(self, error: PolicyError) -> str:
        """ "Rule 11 "I tide", Keep a fee (percent): "abc" is not an amount": the rule's
        number and name as the list shows them, the field by the form's own label."""
        problem = self._format.phrase(error.problem)
        where = _WHERE.match(error.field or "")
        if where is None:
            return self.tr("{field}: {problem}").format(field=error.field or "", problem=problem)
        row = int(where.group(1)) - 1
        name = ""
        if 0 <= row < len(self._entries):
            name = default_words(str(self._entries[row].data.get("name") or ""))
        rule = self.tr('Rule {number} "{name}"').format(
            number=self._format.locale.toString(row + 1), name=name
        )
        if where.group(2) is None:
            return self.tr("{rule}: {problem}").format(rule=rule, problem=problem)
        return self.tr("{rule}, {field}: {problem}").format(
            rule=rule, field=self.form.label_for(where.group(2)), problem=problem
        )

    def _update_preview(self) -> None:
        if self._policy is None:
            return  # the last good preview stays while the merchant fixes the rule
        number = self._format.locale.toString
        current = outcomes(
            self._requests, self._policy, self._now, shop_edit_window=self._shop_window
        )
        counts = tally(current, self._baseline)
        self.preview_label.setText(
            self.tr(
                "With these rules, the {count} open requests: approve {approve} · review "
                "{review} · deny {deny} · verdict changed {changed}"
            ).format(
                count=number(len(self._requests)),
                approve=number(counts.approve),
                review=number(counts.review),
                deny=number(counts.deny),
                changed=number(len(counts.changed)),
            )
        )
        self.changes_list.clear()
        for position in counts.changed:
            order, request = self._requests[position]
            name = (order.name if order else None) or request.order_name or "?"
            self._add_change(
                request.id,
                self.tr("{order}: now {before}, would be {after}").format(
                    order=name,
                    before=self._outcome_words(self._baseline[position]),
                    after=self._outcome_words(current[position]),
                ),
            )
        self._update_backtest(number)
        shown = self.changes_list.count() > 0
        self.changes_heading.setVisible(shown)
        self.changes_list.setVisible(shown)

    def _update_backtest(self, number: Any) -> None:
        if not self._past or self._policy is None:
            self.backtest_label.setText(self.tr("No past requests to backtest against yet."))
            return
        result = backtest(self._past, self._policy, shop_edit_window=self._shop_window)
        text = self.tr(
            "Backtest over the {count} requests you have decided: agrees with you {agreed} · "
            "differs {disagreed} · would ask you to look {review}"
        ).format(
            count=number(len(self._past)),
            agreed=number(result.agreed),
            disagreed=number(result.disagreed),
            review=number(result.to_review),
        )
        if result.undecided:
            text += self.tr(" · cancelled before the request came {undecided}").format(
                undecided=number(result.undecided)
            )
        if result.unknown:
            text += self.tr(" · can't tell {unknown}").format(unknown=number(result.unknown))
        self.backtest_label.setText(text)
        self.backtest_label.setToolTip(
            self.tr(
                "Each request is judged against the order as it was when you decided. "
                "Can't tell: requests decided outside CancelApp, or whose order then is not "
                "known, are not judged."
            )
            if result.unknown
            else self.tr("Each request is judged against the order as it was when you decided.")
        )
        for position in result.differing:
            case = self._past[position]
            you = (
                self.tr("you cancelled it")
                if case.decided is Outcome.APPROVE
                else self.tr("you declined it")
            )
            would = (
                self.tr("the rules would approve")
                if case.decided is Outcome.DENY
                else self.tr("the rules would deny")
            )
            self._add_change(
                case.request.id,
                self.tr("{order}: {you}, {would}").format(
                    order=(case.order.name if case.order else None)
                    or case.request.order_name
                    or "?",
                    you=you,
                    would=would,
                ),
            )

    def _add_change(self, request_id: int | None, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(_REQUEST_ID, request_id)
        item.setToolTip(self.tr("Double-click or press Enter to show this request"))
        self.changes_list.addItem(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        request_id = item.data(_REQUEST_ID)
        if isinstance(request_id, int):
            self.open_request.emit(request_id)

    def _outcome_words(self, outcome: Outcome) -> str:
        return {
            Outcome.APPROVE: self.tr("Approve"),
            Outcome.REVIEW: self.tr("Review"),
            Outcome.DENY: self.tr("Deny"),
        }[outcome]

    # Closing -----------------------------------------------------------------------------------

    def _rules_now(self) -> list[tuple[int | None, dict[str, Any]]]:
        return [(entry.origin, deepcopy(entry.data)) for entry in self._entries]

    def has_unsaved_edits(self) -> bool:
        """The rules differ from those the editor opened with (an edit undone by hand is
        none)."""
        return self._rules_now() != self._as_opened

    def reject(self) -> None:
        """Esc, Cancel and the window's close button (QDialog's closeEvent calls this): with
        unsaved edits, ask first; Keep editing is the default and Esc's answer."""
        if not self.has_unsaved_edits():
            super().reject()
            return
        if self.discard_box is not None:
            self.discard_box.raise_()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Cancellation policy"))
        box.setText(self.tr("Discard your changes to the policy?"))
        box.setInformativeText(self.tr("The rules stay as they were before you opened the editor."))
        box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.buttonClicked.connect(
            lambda button: self._discard_answered(
                box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole
            )
        )
        self.discard_box = box
        box.open()

    def drop_edits(self) -> None:
        """The system is ending CancelApp (a logout, a shutdown): nobody is there to answer the
        question, and a refused close would only keep the system waiting until it kills us."""
        if self.has_unsaved_edits():
            log.warning("the system ended CancelApp: unsaved policy edits were not saved")
        if self.discard_box is not None:
            self.discard_box.done(0)
            self.discard_box = None
        super().reject()

    def _discard_answered(self, discard: bool) -> None:
        self.discard_box = None
        if discard:
            super().reject()

    # Saving ------------------------------------------------------------------------------------

    def _save_clicked(self) -> None:
        if self._policy is None:
            return
        text = render_policy(self._base_text, self._policy, [e.origin for e in self._entries])
        lost = lost_comments(self._base_text, text)
        if not lost and self._problem is None:
            self._write(text)
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Save the policy?"))
        if self._problem is not None:
            box.setText(
                self.tr("The policy file has a problem and will be replaced by these rules.")
            )
        else:
            box.setText(
                self.tr("Saving removes %n comment from the policy file.", "", len(lost))
                if len(lost) == 1
                else self.tr("Saving removes %n comments from the policy file.", "", len(lost))
            )
        if lost:
            box.setDetailedText("\n".join(lost))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self._confirmed(box, button, text))
        self.confirm_box = box
        box.open()

    def _confirmed(self, box: QMessageBox, button: QAbstractButton, text: str) -> None:
        self.confirm_box = None
        if box.standardButton(button) == QMessageBox.StandardButton.Save:
            self._write(text)

    def _write(self, text: str) -> None:
        try:
            save_policy_text(self._path, text)
        except OSError as error:
            self.error_label.setText(
                self.tr("The policy could not be saved: {detail}").format(
                    detail=error.strerror or type(error).__name__
                )
            )
            return
        policy = self._policy
        self.saved.emit(policy)
        self.accept()

    # Words -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cancellation policy"))
        self.add_button.setText(self.tr("&Add rule"))
        self.remove_button.setText(self.tr("&Remove"))
        self.up_button.setText(self.tr("Move &up"))
        self.down_button.setText(self.tr("Move &down"))
        self.changes_heading.setText(self.tr("Requests whose verdict these rules would change:"))
        if self._problem is not None:
            self.problem_label.setText(
                self.tr(
                    "The policy file has a problem, so the editor starts from the default rules: "
                    "{problem}"
                ).format(problem=self._problem_text())
            )
        for row, entry in enumerate(self._entries):
            item = self.rule_list.item(row)
            if item is not None:
                item.setText(self._list_text(entry.data))
        if self._policy is not None:
            self._update_preview()

    def _problem_text(self) -> str:
        problem = self._problem
        if problem is None:
            return ""
        where = ", ".join(str(p) for p in (problem.file, problem.line, problem.field) if p)
        return f"{where}: {self._format.phrase(problem.problem)}"
