"""Errors and notices in a strip above the queue: never a modal dialog, never a stack of them.

A notice may carry a link (opened in the browser) or ask a yes/no question (`ask`)."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cancelapp.ui.retranslating import Retranslating
from cancelapp.ui.theme import banner_colors, is_dark


class Banner(Retranslating, QFrame):
    """`show_message(text, details)`; the same message again only bumps a counter."""

    dismissed = Signal()
    answered = Signal(bool)  # the answer to `ask`; not sent when dismissed unanswered

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        self.link = QLabel()
        self.link.setTextFormat(Qt.TextFormat.RichText)  # our own markup; its text is escaped
        self.link.setOpenExternalLinks(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.link.hide()
        self.yes_button = QPushButton()
        self.yes_button.clicked.connect(lambda: self._answer(True))
        self.no_button = QPushButton()
        self.no_button.clicked.connect(lambda: self._answer(False))
        self.details_button = QPushButton()
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self.details.setVisible)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.dismiss)
        self._text = ""
        self._repeats = 0

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.link)
        row.addStretch(0)  # takes the message's room when a link follows it
        self._row = row
        row.addWidget(self.yes_button)
        row.addWidget(self.no_button)
        row.addWidget(self.details_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(row)
        layout.addWidget(self.details)
        self._set_question(None)
        self._apply_colours()
        self.retranslate()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()
        super().changeEvent(event)  # the language, in Retranslating

    def retranslate(self) -> None:
        self.details_button.setText(self.tr("Details"))
        self.details_button.setAccessibleName(self.tr("Show error details"))
        self.close_button.setText(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.setAccessibleName(self.tr("Message"))

    def show_message(
        self, text: str, details: str | None = None, *, link: tuple[str, str] | None = None
    ) -> None:
        """`link`: (address, words), shown after the text; a question asked is withdrawn."""
        self._set_question(None)
        if link is None:
            self.link.clear()
        else:
            url, words = link
            self.link.setText(f'<a href="{html.escape(url)}">{html.escape(words)}</a>')
        self.link.setVisible(link is not None)
        self.message.setWordWrap(link is None)  # a short notice: on one line with its link
        self._row.setStretch(0, 0 if link else 1)
        self._row.setStretch(2, 1 if link else 0)
        if self.isVisible() and text == self._text:
            self._repeats += 1
            self.message.setText(
                self.tr("{message} (×{count})").format(message=text, count=self._repeats + 1)
            )
        else:
            self._text = text
            self._repeats = 0
            self.message.setText(text)
        self.details.setText(details or "")
        self.details_button.setVisible(bool(details))
        if not details:
            self.details_button.setChecked(False)
        self.show()

    def ask(self, question: str, yes: str, no: str) -> None:
        """A yes/no question in place of any message; the answer comes by `answered`."""
        self.show_message(question)
        self._set_question((yes, no))

    def _set_question(self, answers: tuple[str, str] | None) -> None:
        if answers is not None:
            self.yes_button.setText(answers[0])
            self.no_button.setText(answers[1])
        self.yes_button.setVisible(answers is not None)
        self.no_button.setVisible(answers is not None)

    def _answer(self, yes: bool) -> None:
        self.dismiss()
        self.answered.emit(yes)

    def dismiss(self) -> None:
        self._set_question(None)
        self.hide()
        self._text = ""
        self.details_button.setChecked(False)
        self.dismissed.emit()

    @property
    def text(self) -> str:
        return self.message.text() if self.isVisible() else ""

    def _apply_colours(self) -> None:
        colours = banner_colors(is_dark())
        sheet = (
            f"QFrame#banner {{ background: {colours.background.name()}; border-radius: 4px; }}"
            f" QFrame#banner > QLabel {{ color: {colours.text.name()}; }}"
        )
        if sheet != self.styleSheet():  # setting it sends another PaletteChange
            self.setStyleSheet(sheet)
