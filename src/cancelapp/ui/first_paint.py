"""Running start-up work once the first rows are painted, not while they are.

A worker thread running Python holds the GIL for most of the time it runs, so a worker
started beside the first paint (reading the rest of the queue, the policy, the keychain)
slows every `data()` call the paint makes. `when_painted` waits for the widget's next paint.

A widget that says itself when it painted (`painted`, a signal) is listened to instead of
watched with an event filter: the queue's table does, because reaching its viewport from
Python (`viewport()`) makes PySide build the Python type of every QWidget subclass to name the
returned widget's type (QWizard, QFileDialog, ...: ~15 ms of CPU), which the first rows need not
wait for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget

# A shown window that does not paint (minimised at start) must not hold the start back.
PAINT_WAIT_MS = 250


class _AfterPaint(QObject):
    def __init__(
        self, widget: QWidget, callback: Callable[[], None], painted: SignalInstance | None
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        self._painted = painted
        self._done = False
        if painted is None:
            widget.installEventFilter(self)
        else:
            painted.connect(self._after_paint)
        QTimer.singleShot(PAINT_WAIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._after_paint()
        return False

    def _after_paint(self) -> None:
        QTimer.singleShot(0, self, self._run)  # once this paint is done

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        if self._painted is None:
            self._widget.removeEventFilter(self)
        else:
            self._painted.disconnect(self._after_paint)
        self.deleteLater()
        self._callback()


def when_painted(
    widget: QWidget, callback: Callable[[], None], painted: SignalInstance | None = None
) -> None:
    """Call `callback` once `widget` has painted next (or at once if it is not shown);
    `painted`: the widget's own signal for a paint, listened to instead of its events."""
    if widget.isVisible():
        _AfterPaint(widget, callback, painted)
    else:
        QTimer.singleShot(0, callback)
