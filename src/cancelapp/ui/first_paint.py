"""Running start-up work once the first rows are painted, not while they are.

A worker thread running Python holds the GIL for most of the time it runs, so a worker
started beside the first paint (reading the rest of the queue, the policy, the keychain)
slows every `data()` call the paint makes. `when_painted` waits for the widget's next paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A shown window that does not paint (minimised at start) must not hold the start back.
PAINT_WAIT_MS = 250


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        self._done = False
        widget.installEventFilter(self)
        QTimer.singleShot(PAINT_WAIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._run)  # once this paint is done
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._widget.removeEventFilter(self)
        self.deleteLater()
        self._callback()


def when_painted(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once `widget` has painted next (or at once if it is not shown)."""
    if widget.isVisible():
        _AfterPaint(widget, callback)
    else:
        QTimer.singleShot(0, callback)
