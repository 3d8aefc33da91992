"""The action bar over the detail pane: a button per action on the selected request, and a
"more" button with a menu of the actions that do not fit.

It was a `QToolBar`, whose extension button ("››") only works inside a `QMainWindow`'s tool
bar area: over the detail pane it did nothing, and in a narrow window Refresh order, Add note,
Mark as read, Undo, Find the order and Export record could be reached from the Request menu
only (second QA walkthrough). Here the buttons that fit are laid out by hand on each resize
and text change, and the rest go in the "more" button's menu, the same `QAction`s the menus
hold. Enter and Return press a focused button, as Space does.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QMenu, QSizePolicy, QStyle, QToolButton, QWidget

_SPACING = 2
_MARGIN = 2
_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


class BarButton(QToolButton):
    """A tool button that Enter and Return press when it has the focus, as Space does (a
    `QPushButton` in a dialog takes Enter; a tool button took only Space)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modified = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier  # keypad Enter
        if event.key() in _ENTER_KEYS and not modified and not event.isAutoRepeat():
            self.animateClick()  # pressed, then released: a "more" button opens its menu
            event.accept()
            return
        super().keyPressEvent(event)


class ActionBar(QWidget):
    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[BarButton] = []
        for action in actions:
            button = BarButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAutoRaise(True)
            self.buttons.append(button)
            action.changed.connect(self._texts_changed)
        self.more_menu = QMenu(self)
        self.more = BarButton(self)
        self.more.setAutoRaise(True)
        self.more.setMenu(self.more_menu)
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ToolBarHorizontalExtensionButton)
        )
        self.more.hide()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_more_texts(self, name: str) -> None:
        """The "more" button's name and tip in the current language."""
        self.more.setAccessibleName(name)
        self.more.setToolTip(name)

    # Size and layout -----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        hints = [button.sizeHint() for button in self.buttons]
        width = sum(hint.width() for hint in hints) + _SPACING * max(len(hints) - 1, 0)
        return QSize(width + 2 * _MARGIN, self._height())

    def minimumSizeHint(self) -> QSize:
        """The "more" button alone: the window may be narrower than every button."""
        return QSize(self.more.sizeHint().width() + 2 * _MARGIN, self._height())

    def _height(self) -> int:
        tallest = max((b.sizeHint().height() for b in (*self.buttons, self.more)), default=0)
        return tallest + 2 * _MARGIN

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._texts_changed()
        return super().event(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._arrange()

    def _texts_changed(self) -> None:
        self.updateGeometry()
        if self.isVisible():  # hidden (the window being built), `showEvent` arranges once
            self._arrange()

    def _arrange(self) -> None:
        """The buttons that fit, left to right; the others in the "more" menu, whose button
        stands at the right edge."""
        hints = [button.sizeHint() for button in self.buttons]
        room = self.width() - 2 * _MARGIN
        needed = sum(hint.width() for hint in hints) + _SPACING * max(len(hints) - 1, 0)
        more = self.more.sizeHint()
        if needed > room:
            room -= more.width() + _SPACING
        x = _MARGIN
        left_out: list[QAction] = []
        for button, hint in zip(self.buttons, hints, strict=True):
            if not left_out and x + hint.width() <= _MARGIN + room:
                top = (self.height() - hint.height()) // 2
                button.setGeometry(x, top, hint.width(), hint.height())
                button.show()
                x += hint.width() + _SPACING
            else:
                button.hide()
                left_out.append(button.defaultAction())
        if self.more_menu.actions() != left_out:
            self.more_menu.clear()
            self.more_menu.addActions(left_out)
        self.more.setVisible(bool(left_out))
        if left_out:
            self.more.setGeometry(
                self.width() - _MARGIN - more.width(),
                (self.height() - more.height()) // 2,
                more.width(),
                more.height(),
            )
