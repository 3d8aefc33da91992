"""One place where a widget learns that the language changed: Qt sends it a LanguageChange
event (`Translations.apply` installs the new catalogue) and the widget rewrites its texts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

if TYPE_CHECKING:  # the mixin sits before a QWidget subclass; mypy needs to know whose super
    from PySide6.QtWidgets import QWidget

    _Widget = QWidget
else:
    _Widget = object


class Retranslating(_Widget):
    """Mix in first (`class Banner(Retranslating, QFrame)`) and write `retranslate`; call it
    once at the end of `__init__` for the first texts."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
