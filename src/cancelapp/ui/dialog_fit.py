"""Dialogs that fit the screen they open on: long content scrolls, the buttons stay in view.

Left to itself, Qt opens a dialog at its size hint cut to two thirds of the screen, and a
layout gives a wrapped label the height of its size hint rather than the height it needs at
the width it gets: a long form runs off a laptop's screen, or is squeezed until its texts are
drawn over each other. `ScrollingForm` holds a form in a scroll area that asks for the form's
whole height at the width it has (and scrolls when it gets less); `fit_to_screen`, called as
the dialog is shown, sizes the dialog to show everything, or as much as the screen's
available area less a title bar holds.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# Above the available area the window manager draws the dialog's title bar: Windows about
# 31 px, macOS 28, GNOME up to 37. The dialog's own frame is counted in this too.
TITLE_BAR = 40


class ScrollingForm(QScrollArea):
    """`form`, scrolled when the space given is less than the form needs.

    Its size hint is the form's whole height at the scroll area's own width (once a layout
    has given it one), so a dialog that has the room shows the form without scrolling. Tab
    focus moves through the form's fields as before (the area takes none itself) and scrolls
    the field reached into view."""

    def __init__(self, form: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.setWidget(form)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._laid_out_width = -1

    def sizeHint(self) -> QSize:
        form = self.form
        hint = form.sizeHint().expandedTo(form.minimumSizeHint())
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        height = hint.height()
        if form.hasHeightForWidth():
            # The width the form gets here; before any layout, the width it asks for.
            width = self.width() - frame - bar if self._laid_out_width > 0 else hint.width()
            height = max(form.heightForWidth(max(width, form.minimumSizeHint().width())), 0)
        return QSize(hint.width() + frame + bar, height + frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._laid_out_width:
            self._laid_out_width = event.size().width()
            self.updateGeometry()  # its size hint follows its width: the dialog asks again


def screen_budget(widget: QWidget) -> QSize:
    """The most a window opened over `widget` may take: its screen's available area (without
    task bar or dock) less a title bar."""
    anchor = widget.parentWidget() or widget
    available = anchor.screen().availableGeometry().size()
    return QSize(available.width(), available.height() - TITLE_BAR)


def fit_to_screen(dialog: QWidget, width: int = 0) -> None:
    """Size `dialog` to show all of its content at `width` (or the width it asks for), cut to
    the screen (what is cut scrolls). Called from the dialog's `showEvent`, before Qt places
    it."""
    layout = dialog.layout()
    if layout is None:
        return
    budget = screen_budget(dialog)
    wanted = max(width or dialog.sizeHint().width(), dialog.minimumSizeHint().width())
    width = min(wanted, budget.width())
    # Laid out at that width first: the scroll areas' hints follow the width they get.
    dialog.resize(width, budget.height())
    layout.activate()
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    height = max(min(needed, budget.height()), layout.totalMinimumSize().height())
    dialog.resize(width, min(height, budget.height()))
