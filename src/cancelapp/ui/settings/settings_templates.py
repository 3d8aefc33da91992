"""The settings tab for the replies to customers: one text per outcome and language, edited
with a live preview of what a customer would read."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cancelapp.actions.reply import (
    DEFAULT_TEMPLATES,
    ReplyKind,
    ReplyTemplates,
    compose_reply,
)
from cancelapp.actions.reply_payment import refunded_to
from cancelapp.domain.money import Money
from cancelapp.settings import ReplyTexts
from cancelapp.ui.connect.connect_pages import plain_label
from cancelapp.ui.detail.reply_kind_names import KIND_NAMES
from cancelapp.ui.retranslating import Retranslating

# A customer language is named in its own words, like the window's languages.
_LANGUAGES = (("da", "Dansk"), ("en", "English"))
_SAMPLE_LOCALE = {"da": "da-DK", "en": "en"}
_SAMPLE_REASON = {"da": "ordren er allerede sendt.", "en": "the order has already been shipped."}


class TemplatesTab(Retranslating, QWidget):
    def __init__(self, texts: ReplyTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts: dict[tuple[str, ReplyKind], tuple[str, str]] = {
            (language, kind): ReplyTemplates.from_texts(texts).get(language, kind)
            for language in DEFAULT_TEMPLATES
            for kind in ReplyKind
        }
        self._shown: tuple[str, ReplyKind] | None = None
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        for code, name in _LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_label.setBuddy(self.language_combo)
        self.list = QListWidget()
        for kind in ReplyKind:
            self.list.addItem(QCoreApplication.translate("ReplyPreview", KIND_NAMES[kind]))
        # As wide as its longest name (`_fit_names`): nothing to scroll sideways to.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.subject_label = QLabel()
        self.subject_edit = QLineEdit()
        self.subject_label.setBuddy(self.subject_edit)
        self.body_label = QLabel()
        self.body_edit = QPlainTextEdit()
        self.body_edit.setTabChangesFocus(True)
        self.body_label.setBuddy(self.body_edit)
        self.hint = plain_label()
        self.restore_button = QPushButton()
        self.restore_button.setAutoDefault(False)
        self.preview_label = QLabel()
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview_label.setBuddy(self.preview)
        editor = QVBoxLayout()
        for widget in (
            self.subject_label,
            self.subject_edit,
            self.body_label,
            self.body_edit,
            self.hint,
            self.restore_button,
            self.preview_label,
            self.preview,
        ):
            editor.addWidget(widget)
        left = QVBoxLayout()
        left.addWidget(self.language_label)
        left.addWidget(self.language_combo)
        left.addWidget(self.list)
        columns = QHBoxLayout(self)
        columns.addLayout(left, 1)
        columns.addLayout(editor, 2)
        self.language_combo.currentIndexChanged.connect(self._show)
        self.list.currentRowChanged.connect(self._show)
        self.subject_edit.textEdited.connect(self._edited)
        self.body_edit.textChanged.connect(self._edited)
        self.restore_button.clicked.connect(self.restore)
        self.list.setCurrentRow(0)
        self.retranslate()
        self._show()

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("The customer's &language"))
        self.list.setAccessibleName(self.tr("Reply templates"))
        for row, kind in enumerate(ReplyKind):
            item = self.list.item(row)
            name = QCoreApplication.translate("ReplyPreview", KIND_NAMES[kind])
            item.setText(name)
            item.setToolTip(name)  # whole on hover too, should a small screen cut it
        self._fit_names()
        self.subject_label.setText(self.tr("&Subject"))
        self.body_label.setText(self.tr("&Text"))
        self.subject_edit.setAccessibleName(self.tr("Template subject"))
        self.body_edit.setAccessibleName(self.tr("Template text"))
        self.hint.setText(
            self.tr(
                "Filled in when the reply is written: {name} (the customer), {order}, "
                "{amount}, {fee}, {method} (how the money goes back), {expiry} (when store "
                "credit runs out), {days}, {reason} and {shop}. Plain text only."
            )
        )
        self.restore_button.setText(self.tr("&Restore the standard text"))
        self.preview_label.setText(self.tr("What a customer reads (an example):"))
        self.preview.setAccessibleName(self.tr("Preview of the reply"))
        self._preview()

    def _fit_names(self) -> None:
        """The list as wide as its longest name in this language, with room for its scroll
        bar (QA walkthrough: the Danish names were cut, "Annulleret, ingen refusi")."""
        names = self.list
        widest = names.sizeHintForColumn(0)
        scroll_bar = names.verticalScrollBar().sizeHint().width()
        names.setMinimumWidth(widest + scroll_bar + 2 * names.frameWidth())

    def texts(self) -> ReplyTexts:
        """The texts that differ from the standard ones, for the settings file."""
        edited: dict[str, dict[str, tuple[str, str]]] = {}
        for (language, kind), text in self._texts.items():
            if text != DEFAULT_TEMPLATES[language][kind]:
                edited.setdefault(language, {})[kind.value] = text
        return edited

    def restore(self) -> None:
        if self._shown is not None:
            language, kind = self._shown
            self._texts[self._shown] = DEFAULT_TEMPLATES[language][kind]
            self._show()

    def _show(self) -> None:
        row = self.list.currentRow()
        language = self.language_combo.currentData()
        kinds = list(ReplyKind)
        if not (0 <= row < len(kinds)) or not isinstance(language, str):
            return
        self._shown = None  # the edit signals below are not edits
        subject, body = self._texts[(language, kinds[row])]
        self.subject_edit.setText(subject)
        self.body_edit.setPlainText(body)
        self._shown = (language, kinds[row])
        self._preview()

    def _edited(self) -> None:
        if self._shown is not None:
            self._texts[self._shown] = (self.subject_edit.text(), self.body_edit.toPlainText())
            self._preview()

    def _preview(self) -> None:
        if self._shown is None:
            return
        language, kind = self._shown
        subject, body = self._texts[self._shown]
        reply = compose_reply(
            kind,
            locale=_SAMPLE_LOCALE[language],
            to=None,
            name="Anna Jensen",
            order_name="#1042",
            shop_name="Nordlys Keramik",
            amount=Money(Decimal("449.00"), "DKK"),
            fee=Money(Decimal("25.00"), "DKK"),
            method=refunded_to(["shopify_payments"], (), language),
            expires=date(2027, 12, 31),
            reason=_SAMPLE_REASON[language],
            templates=ReplyTemplates({language: {kind: (subject, body)}}),
        )
        self.preview.setPlainText(f"{reply.subject}\n\n{reply.body}")
