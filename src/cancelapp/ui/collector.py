"""Python's garbage collection, run on the GUI thread only.

CPython collects in whichever thread happens to allocate past a threshold. When that is a
worker, the cycles it frees may hold Qt wrappers whose objects belong to the GUI thread, and
Qt then deletes them from the wrong thread: a crash (seen in the suite, a worker collecting
while reading a policy file). As qutebrowser does, automatic collection is switched off and
the same generational collection is run here, on a timer on the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


def collect_due() -> int:
    """The collection CPython would have run by now: the oldest generation past its
    threshold (objects found unreachable)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            return gc.collect(generation)
    return 0


class GuiThreadCollector(QObject):
    """Owns the switch: `start()` turns automatic collection off, `stop()` back on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
