"""The form for one policy rule: name, verdict, conditions and the suggested action.

The form edits plain data shaped like the TOML file (`{"name": …, "when": {…}, …}`); the policy
parser validates it, so the editor and the file can never disagree on what is allowed.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cancelapp.domain.order import FinancialStatus, FulfillmentStatus, RiskLevel
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP
from cancelapp.domain.verdict import Outcome, RefundMethod
from cancelapp.policy import DEFAULT_RULE_WORDS, CancelReason, FulfilledItems
from cancelapp.ui.labels import status_word
from cancelapp.ui.policy.reply_choice import ReplyChoice
from cancelapp.ui.retranslating import Retranslating

_CONTEXT = "PolicyRuleForm"

# (key, label, kind): kinds are "text" (window, amount), "list" (comma-separated), "bool",
# or an enum whose values fill a drop-down.
CONDITION_ROWS: tuple[tuple[str, str, Any], ...] = (
    ("placed_within", QT_TRANSLATE_NOOP("PolicyRuleForm", "Asked within (of ordering)"), "text"),
    ("placed_outside", QT_TRANSLATE_NOOP("PolicyRuleForm", "Asked later than"), "text"),
    ("requested_within", QT_TRANSLATE_NOOP("PolicyRuleForm", "Request younger than"), "text"),
    ("requested_outside", QT_TRANSLATE_NOOP("PolicyRuleForm", "Request older than"), "text"),
    ("financial_status", QT_TRANSLATE_NOOP("PolicyRuleForm", "Payment status is one of"), "list"),
    ("fulfillment_status", QT_TRANSLATE_NOOP("PolicyRuleForm", "Fulfillment status is one of"),
     "list"),
    ("fulfilled_items", QT_TRANSLATE_NOOP("PolicyRuleForm", "Items fulfilled"), FulfilledItems),
    ("on_hold", QT_TRANSLATE_NOOP("PolicyRuleForm", "Fulfillment on hold"), "bool"),
    ("at_fulfillment_service", QT_TRANSLATE_NOOP("PolicyRuleForm", "At a fulfillment service"),
     "bool"),
    ("sent_to_fulfillment_service",
     QT_TRANSLATE_NOOP("PolicyRuleForm", "Sent to a fulfillment service (not accepted)"), "bool"),
    ("total_above", QT_TRANSLATE_NOOP("PolicyRuleForm", "Total above"), "text"),
    ("total_below", QT_TRANSLATE_NOOP("PolicyRuleForm", "Total below"), "text"),
    ("order_tags_any", QT_TRANSLATE_NOOP("PolicyRuleForm", "Order tagged with any of"), "list"),
    ("order_tags_none", QT_TRANSLATE_NOOP("PolicyRuleForm", "Order tagged with none of"), "list"),
    ("product_tags_any", QT_TRANSLATE_NOOP("PolicyRuleForm", "Items tagged with any of"), "list"),
    ("product_tags_none", QT_TRANSLATE_NOOP("PolicyRuleForm", "Items tagged with none of"),
     "list"),
    ("customer_tags_any", QT_TRANSLATE_NOOP("PolicyRuleForm", "Customer tagged with any of"),
     "list"),
    ("customer_tags_none", QT_TRANSLATE_NOOP("PolicyRuleForm", "Customer tagged with none of"),
     "list"),
    ("risk_at_least", QT_TRANSLATE_NOOP("PolicyRuleForm", "Risk at least"), RiskLevel),
    ("risk_at_most", QT_TRANSLATE_NOOP("PolicyRuleForm", "Risk at most"), RiskLevel),
    ("active_return", QT_TRANSLATE_NOOP("PolicyRuleForm", "Return open"), "bool"),
    ("cancelled", QT_TRANSLATE_NOOP("PolicyRuleForm", "Already cancelled"), "bool"),
    ("test", QT_TRANSLATE_NOOP("PolicyRuleForm", "Test order"), "bool"),
    ("gateway_any", QT_TRANSLATE_NOOP("PolicyRuleForm", "Paid with any of"), "list"),
)  # fmt: skip

_HINTS = {
    "text": QT_TRANSLATE_NOOP("PolicyRuleForm", "not checked"),
    "window": QT_TRANSLATE_NOOP("PolicyRuleForm", "e.g. 24h, 2d, shop, until fulfillment"),
}
# Status lists are typed in the merchant's words; the file keeps Shopify's values.
_STATUS_VALUES = {
    "financial_status": tuple(s.value.lower() for s in FinancialStatus),
    "fulfillment_status": tuple(s.value.lower() for s in FulfillmentStatus),
}
# A window's two words, typed and shown in the merchant's language ("butikkens" in Danish).
_WINDOW_WORDS = {
    "shop": QT_TRANSLATE_NOOP("PolicyRuleForm", "shop"),
    "until fulfillment": QT_TRANSLATE_NOOP("PolicyRuleForm", "until fulfillment"),
}
# Amounts and percentages are typed in the locale's format ("2,5" in Danish).
_NUMBERS = frozenset({"total_above", "total_below", "fee_percent", "fee_fixed"})
_NOT_CHECKED = QT_TRANSLATE_NOOP("PolicyRuleForm", "not checked")
_YES = QT_TRANSLATE_NOOP("PolicyRuleForm", "yes")
_NO = QT_TRANSLATE_NOOP("PolicyRuleForm", "no")
_VERDICTS = {
    Outcome.APPROVE: QT_TRANSLATE_NOOP("PolicyRuleForm", "Approve"),
    Outcome.REVIEW: QT_TRANSLATE_NOOP("PolicyRuleForm", "Review"),
    Outcome.DENY: QT_TRANSLATE_NOOP("PolicyRuleForm", "Deny"),
}
_REFUNDS = {
    RefundMethod.ORIGINAL: QT_TRANSLATE_NOOP("PolicyRuleForm", "To the original payment"),
    RefundMethod.STORE_CREDIT: QT_TRANSLATE_NOOP("PolicyRuleForm", "As store credit"),
    RefundMethod.NONE: QT_TRANSLATE_NOOP("PolicyRuleForm", "No refund"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


# The drop-downs' values in the merchant's words (the file keeps the values themselves).
_CHOICES: dict[Any, dict[str, str]] = {
    FulfilledItems: {
        "none": QT_TRANSLATE_NOOP("PolicyRuleForm", "None"),
        "any": QT_TRANSLATE_NOOP("PolicyRuleForm", "At least one"),
        "all": QT_TRANSLATE_NOOP("PolicyRuleForm", "All"),
    },
    RiskLevel: {
        "none": QT_TRANSLATE_NOOP("PolicyRuleForm", "Not assessed"),
        "pending": QT_TRANSLATE_NOOP("PolicyRuleForm", "Pending"),
        "low": QT_TRANSLATE_NOOP("PolicyRuleForm", "Low"),
        "medium": QT_TRANSLATE_NOOP("PolicyRuleForm", "Medium"),
        "high": QT_TRANSLATE_NOOP("PolicyRuleForm", "High"),
    },
}
_REASONS = {
    CancelReason.CUSTOMER: QT_TRANSLATE_NOOP("PolicyRuleForm", "The customer asked"),
    CancelReason.DECLINED: QT_TRANSLATE_NOOP("PolicyRuleForm", "Payment declined"),
    CancelReason.FRAUD: QT_TRANSLATE_NOOP("PolicyRuleForm", "Fraud"),
    CancelReason.INVENTORY: QT_TRANSLATE_NOOP("PolicyRuleForm", "Out of stock"),
    CancelReason.OTHER: QT_TRANSLATE_NOOP("PolicyRuleForm", "Other"),
    CancelReason.STAFF: QT_TRANSLATE_NOOP("PolicyRuleForm", "Staff error"),
}


def _words(kind: Any, value: str) -> str:
    text = _CHOICES.get(kind, {}).get(value)
    return value if text is None else _tr(text)


def default_words(text: str) -> str:
    """A default rule's name, why or reply in the merchant's language; their own as written."""
    return QCoreApplication.translate("Policy", text) if text in DEFAULT_RULE_WORDS else text


class PolicyRuleForm(Retranslating, QWidget):
    """Edits one rule's data; `edited` fires on every change the merchant makes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        # The texts as the file has them (default ones are shown translated, kept if untouched).
        self._as_written: dict[str, str] = {}
        self.name = QLineEdit()
        self.verdict = QComboBox()
        for outcome in Outcome:
            self.verdict.addItem("", outcome.value)
        self.why = QLineEdit()
        self.reply = ReplyChoice()
        self.conditions: dict[str, QLineEdit | QComboBox] = {}
        self._labels: dict[str, QLabel] = {}

        self.rule_box = QGroupBox()
        rule_form = QFormLayout(self.rule_box)
        rule_rows: list[tuple[str, QWidget]] = [
            ("name", self.name),
            ("verdict", self.verdict),
            ("why", self.why),
            ("reply", self.reply),
        ]
        self._add_rows(rule_form, rule_rows)

        self.when_box = QGroupBox()
        when_form = QFormLayout(self.when_box)
        for key, _label, kind in CONDITION_ROWS:
            self.conditions[key] = self._condition_widget(kind)
        self._add_rows(when_form, list(self.conditions.items()))

        self.action_box = QGroupBox()
        action_form = QFormLayout(self.action_box)
        self.refund = QComboBox()
        for method in RefundMethod:
            self.refund.addItem("", method.value)
        self.expiry_days = QSpinBox()
        self.expiry_days.setRange(0, 3650)
        self.restock = QCheckBox()
        self.notify = QCheckBox()
        self.reason = QComboBox()
        for reason in CancelReason:
            self.reason.addItem("", reason.value.lower())
        self.fee_percent = QLineEdit()
        self.fee_fixed = QLineEdit()
        action_rows: list[tuple[str, QWidget]] = [
            ("refund", self.refund),
            ("store_credit_expires_days", self.expiry_days),
            ("restock", self.restock),
            ("notify", self.notify),
            ("reason", self.reason),
            ("fee_percent", self.fee_percent),
            ("fee_fixed", self.fee_fixed),
        ]
        self._add_rows(action_form, action_rows)

        for line_edit in (self.name, self.why, self.fee_percent, self.fee_fixed):
            line_edit.textEdited.connect(self._changed)
        self.reply.editTextChanged.connect(self._changed)
        for combo in (self.verdict, self.refund, self.reason):
            combo.currentIndexChanged.connect(self._changed)
        self.expiry_days.valueChanged.connect(self._changed)
        self.restock.toggled.connect(self._changed)
        self.notify.toggled.connect(self._changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.rule_box)
        layout.addWidget(self.when_box)
        layout.addWidget(self.action_box)
        layout.addStretch(1)
        self.retranslate()

    def _add_rows(self, form: QFormLayout, rows: list[tuple[str, Any]]) -> None:
        for key, widget in rows:
            label = QLabel()
            label.setBuddy(widget)
            form.addRow(label, widget)
            self._labels[key] = label

    def _condition_widget(self, kind: Any) -> QLineEdit | QComboBox:
        if kind in ("text", "list"):
            line_edit = QLineEdit()
            line_edit.textEdited.connect(self._changed)
            return line_edit
        combo = QComboBox()
        combo.addItem("", None)
        if kind == "bool":
            values: list[Any] = [True, False]
        else:
            values = [member.value.lower() for member in kind]
        for value in values:
            combo.addItem("", value)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    # Loading and reading ---------------------------------------------------------------------

    def load(self, data: dict[str, Any]) -> None:
        """Show a rule's data without announcing it as an edit."""
        self._loading = True
        try:
            self._as_written = {key: str(data.get(key, "")) for key in ("name", "why", "reply")}
            self.name.setText(default_words(self._as_written["name"]))
            self.verdict.setCurrentIndex(max(self.verdict.findData(data.get("verdict")), 0))
            self.why.setText(default_words(self._as_written["why"]))
            self.reply.set_value(default_words(self._as_written["reply"]))
            when = data.get("when", {})
            for key, widget in self.conditions.items():
                value = when.get(key)
                if isinstance(widget, QLineEdit):
                    widget.setText(_shown(key, value))
                else:
                    widget.setCurrentIndex(max(widget.findData(_as_choice(value)), 0))
            action = data.get("action", {})
            refund = str(action.get("refund", "original")).lower()
            self.refund.setCurrentIndex(max(self.refund.findData(refund), 0))
            self.expiry_days.setValue(int(action.get("store_credit_expires_days", 0) or 0))
            self.restock.setChecked(bool(action.get("restock", True)))
            self.notify.setChecked(bool(action.get("notify", True)))
            reason = str(action.get("reason", "customer")).lower()
            self.reason.setCurrentIndex(max(self.reason.findData(reason), 0))
            self.fee_percent.setText(_shown("fee_percent", action.get("fee_percent")))
            self.fee_fixed.setText(_shown("fee_fixed", action.get("fee_fixed")))
        finally:
            self._loading = False
        self._show_fitting_parts()

    def data(self) -> dict[str, Any]:
        """The rule as TOML-shaped data; invalid entries are passed on for the parser to name."""
        verdict = self.verdict.currentData()
        data: dict[str, Any] = {"name": self._written("name", self.name), "verdict": verdict}
        if self.why.text().strip():
            data["why"] = self._written("why", self.why)
        reply = self.reply.value()
        if verdict == Outcome.DENY.value and reply:
            original = self._as_written.get("reply", "")
            data["reply"] = original if original and reply == default_words(original) else reply
        when: dict[str, Any] = {}
        for key, _label, kind in CONDITION_ROWS:
            widget = self.conditions[key]
            if isinstance(widget, QLineEdit):
                text = widget.text().strip()
                if text:
                    when[key] = _read(key, text, kind)
            elif widget.currentData() is not None:
                when[key] = widget.currentData()
        if when:
            data["when"] = when
        if verdict == Outcome.APPROVE.value:
            action: dict[str, Any] = {
                "refund": self.refund.currentData(),
                "restock": self.restock.isChecked(),
                "notify": self.notify.isChecked(),
                "reason": self.reason.currentData(),
            }
            if self.expiry_days.value():
                action["store_credit_expires_days"] = self.expiry_days.value()
            for key, line_edit in (
                ("fee_percent", self.fee_percent),
                ("fee_fixed", self.fee_fixed),
            ):
                if line_edit.text().strip():
                    action[key] = _read(key, line_edit.text().strip(), "text")
            data["action"] = action
        return data

    def _written(self, key: str, field: QLineEdit) -> str:
        """What the field holds; an untouched default text stays as the file has it."""
        text = field.text().strip()
        original = self._as_written.get(key, "")
        return original if original and text == default_words(original) else text

    def label_for(self, key: str) -> str:
        """The form's own label for a policy field ("fee_percent"), without its mnemonic."""
        label = self._labels.get(key)
        return label.text().replace("&", "") if label is not None else key

    def _changed(self) -> None:
        if self._loading:
            return
        self._show_fitting_parts()
        self.edited.emit()

    def _show_fitting_parts(self) -> None:
        verdict = self.verdict.currentData()
        self.action_box.setVisible(verdict == Outcome.APPROVE.value)
        self.reply.setEnabled(verdict == Outcome.DENY.value)
        self.expiry_days.setEnabled(self.refund.currentData() == RefundMethod.STORE_CREDIT.value)

    # Words -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.rule_box.setTitle(self.tr("Rule"))
        self.when_box.setTitle(self.tr("When all of these hold"))
        self.action_box.setTitle(self.tr("Suggested action"))
        texts = {
            "name": self.tr("&Name"),
            "verdict": self.tr("&Verdict"),
            "why": self.tr("&Why (shown to you)"),
            "reply": self.tr("&Reply to suggest"),
            "refund": self.tr("Refund"),
            "store_credit_expires_days": self.tr("Store credit expires after (days, 0: never)"),
            "restock": self.tr("Restock items"),
            "notify": self.tr("Notify the customer"),
            "reason": self.tr("Reason given to Shopify"),
            "fee_percent": self.tr("Keep a fee (percent)"),
            "fee_fixed": self.tr("Keep a fee (fixed, store currency)"),
        }
        texts.update({key: _tr(label) for key, label, _kind in CONDITION_ROWS})
        for key, label in self._labels.items():
            label.setText(texts[key])
        self.reply.retranslate()
        for index in range(self.verdict.count()):
            self.verdict.setItemText(index, _tr(_VERDICTS[Outcome(self.verdict.itemData(index))]))
        for index in range(self.refund.count()):
            method = RefundMethod(self.refund.itemData(index))
            self.refund.setItemText(index, _tr(_REFUNDS[method]))
        for index in range(self.reason.count()):
            reason = CancelReason(str(self.reason.itemData(index)).upper())
            self.reason.setItemText(index, _tr(_REASONS[reason]))
        for key, _label, kind in CONDITION_ROWS:
            widget = self.conditions[key]
            if isinstance(widget, QLineEdit):
                is_window = _is_window(key)
                if key in _STATUS_VALUES:
                    hint = ", ".join(status_word(v) for v in _STATUS_VALUES[key])
                else:
                    hint = _tr(_HINTS["window" if is_window else "text"])
                widget.setPlaceholderText(hint)
                continue
            widget.setItemText(0, _tr(_NOT_CHECKED))
            for index in range(1, widget.count()):
                value = widget.itemData(index)
                text = (
                    _tr(_YES if value is True else _NO) if kind == "bool" else _words(kind, value)
                )
                widget.setItemText(index, text)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _shown(key: str, value: Any) -> str:
    """A field's value from the file as the merchant reads it."""
    if value is None:
        return ""
    if key in _STATUS_VALUES and isinstance(value, list):
        return ", ".join(status_word(str(v)) for v in value)
    if key in _NUMBERS:
        return str(value).replace(".", QLocale().decimalPoint())
    if _is_window(key) and str(value) in _WINDOW_WORDS:
        return _tr(_WINDOW_WORDS[str(value)])
    return _as_text(value)


def _is_window(key: str) -> bool:
    return key.endswith(("_within", "_outside"))


def _read(key: str, text: str, kind: Any) -> Any:
    """What the merchant typed as the file writes it; anything unrecognised is passed on
    unchanged for the policy parser to name."""
    if key in _STATUS_VALUES:
        values = {status_word(v).casefold(): v for v in _STATUS_VALUES[key]}
        values.update({v.replace("_", " "): v for v in _STATUS_VALUES[key]})
        return [values.get(part.casefold(), part) for part in _split(text)]
    if key in _NUMBERS:
        return locale_number(text, QLocale())
    if _is_window(key):
        words = {_tr(word).casefold(): value for value, word in _WINDOW_WORDS.items()}
        return words.get(" ".join(text.casefold().split()), text)
    return _split(text) if kind == "list" else text


def locale_number(text: str, locale: QLocale) -> str:
    """ "2,5" or "1.000,50" typed in Danish as "2.5" and "1000.50"; a point stays a decimal
    point unless it groups thousands ("2.5" in Danish is 2.5, "1.000" is a thousand)."""
    point, group = locale.decimalPoint(), locale.groupSeparator()
    text = text.replace(" ", "").replace("\u00a0", "")
    if group and group != point:
        grouped = rf"\d{{1,3}}({re.escape(group)}\d{{3}})+({re.escape(point)}\d*)?"
        if re.fullmatch(grouped, text):
            text = text.replace(group, "")
    if point != "." and text.count(point) == 1 and "." not in text:
        text = text.replace(point, ".")
    return text


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _as_choice(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value
