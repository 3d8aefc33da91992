"""Errors and notices in a strip above the queue: never a modal dialog, never a stack of them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cancelapp.ui.retranslating import Retranslating
from cancelapp.ui.theme import banner_colors, is_dark


class Banner(Retranslating, QFrame):
    """`show_message(text, details)`; the same message again only bumps a counter."""

    dismissed = Signal()

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
        row.addWidget(self.details_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(row)
        layout.addWidget(self.details)
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

    def show_message(self, text: str, details: str | None = None) -> None:
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

    def dismiss(self) -> None:
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
