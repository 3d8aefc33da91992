"""SIGTERM (a logout, a shutdown, `kill`) ends CancelApp like Quit does, without asking
anything first (nobody may be there to answer, and the system kills a process that lingers):
the event loop returns, the workers stop and the database is checkpointed and closed, so no
data is left only in the -wal file.

Python runs signal handlers only between bytecodes, and Qt's event loop is C++: a timer wakes
the interpreter often enough for the handler to run.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QCoreApplication, QTimer

log = logging.getLogger(__name__)
WAKE_MS = 200


def quit_on_termination(app: QCoreApplication, unasked: Callable[[], None]) -> QTimer:
    """`unasked` closes, before the quit, what would otherwise ask before closing."""

    def quit_app(_signum: int, _frame: FrameType | None) -> None:
        # Posted, not done at once: a SIGTERM that lands before `app.exec()` runs (the log line
        # below comes just before it) quit a loop not yet running, which Qt ignores, and
        # CancelApp stayed until the system killed it (seen once in CI, under load).
        QTimer.singleShot(0, app, end)

    def end() -> None:
        unasked()
        app.quit()

    signal.signal(signal.SIGTERM, quit_app)
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(WAKE_MS)
    log.info("event loop starting; SIGTERM quits cleanly")
    return wake
