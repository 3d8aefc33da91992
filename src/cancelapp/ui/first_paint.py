"""Running start-up work once the first rows are painted, not while they are.

A worker thread running Python holds the GIL for most of the time it runs, so a worker
started beside the first paint (reading the rest of the queue, the policy, the keychain)
slows every `data()` call the paint makes. `when_painted` waits for the window's next repaint.

It watches the top-level window, not the widget that shows the rows: Qt paints every changed
child of a window in one pass while the window handles its `UpdateRequest`, and the window
already has its Python wrapper. Asking PySide for a child such as a table's viewport (a plain
QWidget) makes it build the Python type of every QWidget subclass to name it, ~15 ms of CPU
before the first rows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A shown window that does not paint (minimised at start) must not hold the start back.
PAINT_WAIT_MS = 250


class _AfterPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._callback = callback
        self._done = False
        window.installEventFilter(self)
        QTimer.singleShot(PAINT_WAIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            QTimer.singleShot(0, self, self._run)  # once this repaint is done
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        self.deleteLater()
        self._callback()


def when_painted(window: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once top-level `window` has repainted what changed in it (or at once if
    it is not shown)."""
    if window.isVisible():
        _AfterPaint(window, callback)
    else:
        QTimer.singleShot(0, callback)
