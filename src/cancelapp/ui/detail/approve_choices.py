"""The approve preview's choices: how much is refunded and how, which items (how many of each)
are cancelled and where they go back into stock, shipping, and the customer's email.

Built from the preview's `ApproveOptions`; every change that makes sense emits `changed` with
plain `ApproveChoices` (the controller builds the plan again from them, off the GUI thread),
and a typed amount that does not is explained at once in `problem`. On a statutory withdrawal
the law's choices are fixed: the full amount, shipping included, by the original means unless
the merchant ticks that the consumer expressly agreed to store credit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cancelapp.actions.prepare.choices import (
    AmountChoice,
    ApproveChoices,
    ApproveOptions,
    LineChoice,
)
from cancelapp.domain.money import minor_units
from cancelapp.domain.verdict import RefundMethod
from cancelapp.ui.detail.detail_pane import plain_label
from cancelapp.ui.formatting import Formatter

DEFAULT_CREDIT_DAYS = 365


@dataclass
class LineWidgets:
    line_item_id: str
    quantity: QSpinBox
    restock: QCheckBox
    location: QComboBox


class ApproveChoicesPanel(QWidget):
    changed = Signal(object)  # ApproveChoices
    problem = Signal(str)  # a typed amount that cannot be refunded, in the merchant's words

    def __init__(
        self,
        options: ApproveOptions,
        formatter: Formatter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.formatter = formatter
        chosen = options.choices
        statutory = options.statutory
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if statutory:
            law = plain_label(
                self.tr(
                    "A statutory withdrawal: refunded in full, shipping included, to the "
                    "original means of payment. No fee may be kept."
                )
            )
            law.setAccessibleName(self.tr("Statutory withdrawal"))
            layout.addWidget(law)

        # How much
        amount_box = QGroupBox(self.tr("Refund"))
        amount_layout = QVBoxLayout(amount_box)
        self.amount_group = QButtonGroup(self)
        self.full_radio = QRadioButton()
        self.fee_radio = QRadioButton()
        self.typed_radio = QRadioButton(self.tr("Another amount:"))
        self.typed_edit = QLineEdit()
        self.typed_edit.setAccessibleName(self.tr("Amount to refund"))
        self.typed_edit.setPlaceholderText(self._typed_hint())
        for radio in (self.full_radio, self.fee_radio, self.typed_radio):
            self.amount_group.addButton(radio)
        amount_layout.addWidget(self.full_radio)
        amount_layout.addWidget(self.fee_radio)
        typed_row = QHBoxLayout()
        typed_row.addWidget(self.typed_radio)
        typed_row.addWidget(self.typed_edit, 1)
        amount_layout.addLayout(typed_row)
        self.typed_problem = plain_label()
        self.typed_problem.setAccessibleName(self.tr("Amount problem"))
        self.typed_problem.setVisible(False)
        amount_layout.addWidget(self.typed_problem)
        self.fee_radio.setVisible(options.fee is not None)
        self.typed_radio.setVisible(not statutory)
        self.typed_edit.setVisible(not statutory)
        {
            AmountChoice.FULL: self.full_radio,
            AmountChoice.FEE: self.fee_radio if options.fee is not None else self.full_radio,
            AmountChoice.TYPED: self.typed_radio,
        }[chosen.amount].setChecked(True)
        if chosen.typed is not None:
            self.typed_edit.setText(self.formatter.decimal(chosen.typed, self._places()))
        layout.addWidget(amount_box)

        # How
        method_box = QGroupBox(self.tr("Refund to"))
        method_layout = QVBoxLayout(method_box)
        self.method_group = QButtonGroup(self)
        self.original_radio = QRadioButton(self.tr("The original payment"))
        self.credit_radio = QRadioButton(self.tr("Store credit"))
        self.none_radio = QRadioButton(self.tr("No refund"))
        for radio in (self.original_radio, self.credit_radio, self.none_radio):
            self.method_group.addButton(radio)
            method_layout.addWidget(radio)
        self.none_radio.setVisible(chosen.method is RefundMethod.NONE and not statutory)
        self.agreed_check = QCheckBox(self.tr("The customer expressly agreed to store credit"))
        self.agreed_check.setVisible(statutory and options.store_credit)
        self.agreed_check.setChecked(chosen.consumer_agreed)
        method_layout.addWidget(self.agreed_check)
        expiry_row = QHBoxLayout()
        self.expires_check = QCheckBox(self.tr("Store credit expires on"))
        self.expires_edit = QDateEdit()
        self.expires_edit.setCalendarPopup(True)
        self.expires_edit.setAccessibleName(self.tr("Store credit expiry date"))
        self.expires_edit.setLocale(formatter.locale)
        today = QDate.currentDate()
        self.expires_edit.setMinimumDate(today.addDays(1))
        expires = chosen.store_credit_expires_at
        if expires is not None:
            local = formatter.local(expires)
            self.expires_edit.setDate(QDate(local.year, local.month, local.day))
        else:
            self.expires_edit.setDate(today.addDays(DEFAULT_CREDIT_DAYS))
        self.expires_check.setChecked(expires is not None)
        expiry_row.addWidget(self.expires_check)
        expiry_row.addWidget(self.expires_edit, 1)
        method_layout.addLayout(expiry_row)
        {
            RefundMethod.ORIGINAL: self.original_radio,
            RefundMethod.STORE_CREDIT: self.credit_radio,
            RefundMethod.NONE: self.none_radio,
        }[chosen.method].setChecked(True)
        layout.addWidget(method_box)

        # Which items
        items_box = QGroupBox(self.tr("Items to cancel"))
        grid = QGridLayout(items_box)
        for column, heading in enumerate(
            (self.tr("Item"), self.tr("Cancel"), self.tr("Restock"), self.tr("At"))
        ):
            grid.addWidget(plain_label(heading), 0, column)
        self.lines: list[LineWidgets] = []
        names = dict(options.locations)
        for row, line in enumerate(options.lines, start=1):
            title = line.title
            grid.addWidget(plain_label(title), row, 0)
            quantity = QSpinBox()
            quantity.setRange(0, line.available)
            quantity.setValue(line.chosen)
            quantity.setSuffix(self.tr(" of {count}").format(count=line.available))
            quantity.setAccessibleName(self.tr("Units of {item} to cancel").format(item=title))
            restock = QCheckBox()
            restock.setChecked(line.restock and line.restockable)
            restock.setEnabled(line.restockable)
            restock.setAccessibleName(self.tr("Restock {item}").format(item=title))
            location = QComboBox()
            for location_id in line.locations or names:
                location.addItem(names.get(location_id, location_id), location_id)
            if line.location_id is not None:
                if location.findData(line.location_id) < 0:
                    name = names.get(line.location_id, line.location_id)
                    location.addItem(name, line.location_id)
                location.setCurrentIndex(location.findData(line.location_id))
            location.setAccessibleName(self.tr("Where {item} goes back").format(item=title))
            grid.addWidget(quantity, row, 1)
            grid.addWidget(restock, row, 2)
            grid.addWidget(location, row, 3)
            self.lines.append(LineWidgets(line.line_item_id, quantity, restock, location))
        grid.setColumnStretch(0, 1)
        self.locations_note = plain_label(
            formatter.phrase(options.locations_note) if options.locations_note else ""
        )
        self.locations_note.setAccessibleName(self.tr("Locations offered"))
        self.locations_note.setVisible(options.locations_note is not None)
        grid.addWidget(self.locations_note, len(options.lines) + 1, 0, 1, 4)
        layout.addWidget(items_box)

        self.shipping_check = QCheckBox()
        self._shipping_chosen = False  # until ticked: the whole order's, a part's without
        self.shipping_check.setChecked(bool(chosen.refund_shipping) or statutory)
        self.shipping_check.setEnabled(not statutory)
        self.shipping_check.setVisible(options.shipping is not None)
        layout.addWidget(self.shipping_check)
        self.shipping_note = plain_label(
            formatter.phrase(options.shipping_note) if options.shipping_note else ""
        )
        self.shipping_note.setAccessibleName(self.tr("Shipping"))
        self.shipping_note.setVisible(options.shipping_note is not None and not statutory)
        layout.addWidget(self.shipping_note)
        self.notify_check = QCheckBox(self.tr("Let Shopify email the customer"))
        self.notify_check.setChecked(chosen.notify_customer)
        layout.addWidget(self.notify_check)
        layout.addStretch(1)
        self.show_amounts(options)

        for radio in (self.full_radio, self.fee_radio, self.typed_radio):
            radio.toggled.connect(self._radio_toggled)
        for radio in (self.original_radio, self.credit_radio, self.none_radio):
            radio.toggled.connect(self._radio_toggled)
        self.typed_edit.textEdited.connect(self._typed)
        self.agreed_check.toggled.connect(self._emit)
        self.expires_check.toggled.connect(self._emit)
        self.expires_edit.dateChanged.connect(self._emit)
        for widgets in self.lines:
            widgets.quantity.valueChanged.connect(self._emit)
            widgets.restock.toggled.connect(self._emit)
            widgets.location.currentIndexChanged.connect(self._emit)
        self.shipping_check.toggled.connect(self._shipping_toggled)
        self.notify_check.toggled.connect(self._emit)
        self._enable()

    def show_amounts(self, options: ApproveOptions) -> None:
        """The amounts of a new preview (other items or shipping change them)."""
        self.options = options
        money = self.formatter.money
        self.typed_edit.setPlaceholderText(self._typed_hint())
        self.full_radio.setText(self._full_text(options))
        if options.fee is not None:
            self.fee_radio.setText(
                self.tr("Keep the policy's fee of {fee}: refund {amount}").format(
                    fee=money(options.fee), amount=money(options.full - options.fee)
                )
            )
        if options.shipping is not None:
            self.shipping_check.setText(
                self.tr("Refund the shipping ({amount})").format(amount=money(options.shipping))
            )
        with QSignalBlocker(self.shipping_check):
            self.shipping_check.setChecked(bool(options.choices.refund_shipping))

    def _full_text(self, options: ApproveOptions) -> str:
        """What "everything" refunds: nothing at all when only authorised (QA walkthrough:
        "Full refund: DKK 0.00"), and not a full refund once the shipping is left out."""
        if options.full.is_zero():
            if options.authorized_only:
                return self.tr("Nothing was charged: the authorisation is voided")
            return self.tr("Nothing to refund: nothing was paid")
        amount = self.formatter.money(options.full)
        if options.shipping is not None and not options.choices.refund_shipping:
            return self.tr("Refund without the shipping: {amount}").format(amount=amount)
        return self.tr("Full refund: {amount}").format(amount=amount)

    def choices(self) -> ApproveChoices | None:
        """What is chosen now, or None while a typed amount cannot be refunded (`problem`
        says why)."""
        amount = AmountChoice.FULL
        typed = None
        if self.fee_radio.isChecked():
            amount = AmountChoice.FEE
        elif self.typed_radio.isChecked():
            amount = AmountChoice.TYPED
            typed = self.formatter.parse_decimal(self.typed_edit.text())
            message = self._typed_problem(typed)
            self.typed_problem.setText(message)
            self.typed_problem.setVisible(bool(message))
            if message:
                self.problem.emit(message)
                return None
        self.typed_problem.setVisible(False)
        method = RefundMethod.ORIGINAL
        if self.credit_radio.isChecked():
            method = RefundMethod.STORE_CREDIT
        elif self.none_radio.isChecked():
            method = RefundMethod.NONE
        lines = tuple(
            LineChoice(
                widgets.line_item_id,
                widgets.quantity.value(),
                widgets.restock.isChecked(),
                widgets.location.currentData(),
            )
            for widgets in self.lines
        )
        return ApproveChoices(
            amount=amount,
            typed=typed,
            method=method,
            store_credit_expires_at=self._expires()
            if method is RefundMethod.STORE_CREDIT
            else None,
            consumer_agreed=self.agreed_check.isChecked(),
            lines=lines,
            refund_shipping=self.shipping_check.isChecked() if self._shipping_chosen else None,
            notify_customer=self.notify_check.isChecked(),
        )

    def _typed_problem(self, typed: object) -> str:
        full = self.options.full
        if typed is None:
            return self.tr("Type the amount to refund, for example {example}.").format(
                example=self._typed_hint()
            )
        assert isinstance(typed, type(full.amount))
        places = self._places()
        exponent = typed.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > places:
            return self.tr("{currency} has {places} decimals.").format(
                currency=full.currency, places=places
            )
        if typed > full.amount:
            return self.tr("At most {amount} can be refunded for what is cancelled.").format(
                amount=self.formatter.money(full)
            )
        return ""

    def _typed_hint(self) -> str:
        return self.formatter.decimal(self.options.full.amount, self._places())

    def _places(self) -> int:
        places = minor_units(self.options.full.currency)
        return 2 if places is None else places

    def _expires(self) -> datetime | None:
        if not self.expires_check.isChecked():
            return None
        qdate = self.expires_edit.date()
        day = date(qdate.year(), qdate.month(), qdate.day())
        zone = self.formatter.timezone or datetime.now().astimezone().tzinfo
        return datetime.combine(day, time(23, 59, 59), zone).astimezone(UTC)

    def _shipping_toggled(self, _on: bool) -> None:
        self._shipping_chosen = True  # from now on as ticked, whole order or not
        self._emit()

    def _radio_toggled(self, on: bool) -> None:
        if on:  # each switch toggles two buttons: act once
            self._emit()

    def _typed(self, _text: str) -> None:
        if not self.typed_radio.isChecked():
            self.typed_radio.setChecked(True)  # emits through the toggle
            return
        self._emit()

    def _enable(self) -> None:
        statutory = self.options.statutory
        credit = self.options.store_credit and (not statutory or self.agreed_check.isChecked())
        self.credit_radio.setEnabled(credit)
        if not credit and self.credit_radio.isChecked():
            self.original_radio.setChecked(True)
        on_credit = self.credit_radio.isChecked()
        self.expires_check.setEnabled(on_credit)
        self.expires_edit.setEnabled(on_credit and self.expires_check.isChecked())
        for widgets in self.lines:  # where an item goes back matters only when it does
            restock = widgets.restock
            widgets.location.setEnabled(
                restock.isEnabled() and restock.isChecked() and widgets.location.count() > 1
            )

    def _emit(self, *_args: object) -> None:
        self._enable()
        chosen = self.choices()
        if chosen is not None:
            self.changed.emit(chosen)
