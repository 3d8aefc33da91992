"""An exception nobody caught (in a slot, a timer, a virtual method) reaches the merchant.

A windowed build has no stderr: the exception is logged with its traceback and shown in the
window's banner, with the report behind Details and a button that copies it for support.
With `--no-error-dialogs` (smoke runs and tests) nothing is shown: the traceback goes to the
log and to stderr, where a smoke run notices it.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Signal, qVersion

import cancelapp

log = logging.getLogger(__name__)


def crash_report(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """What support needs: versions, platform and the traceback (no settings, no secrets)."""
    import platform  # only for a crash: not on the way to the first rows

    header = (
        f"CancelApp {cancelapp.__version__}, Python {platform.python_version()}, "
        f"Qt {qVersion()}, {platform.platform()}"
    )
    return header + "\n\n" + "".join(traceback.format_exception(kind, value, tb))


class UncaughtErrors(QObject):
    """`hook` replaces `sys.excepthook`; `raised` carries the report to the GUI thread."""

    raised = Signal(str)  # the crash report

    def __init__(self, *, show: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show = show

    def hook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        log.critical("uncaught exception", exc_info=(kind, value, tb))
        if self.show:
            self.raised.emit(crash_report(kind, value, tb))
        else:
            sys.__excepthook__(kind, value, tb)


def install(show: bool, shown_by: Callable[[str], None], parent: QObject) -> UncaughtErrors:
    """Route every uncaught exception to the log and, unless `show` is False, to `shown_by`
    (the window's banner). Returns the handler, owned by `parent`."""
    errors = UncaughtErrors(show=show, parent=parent)
    errors.raised.connect(shown_by)
    sys.excepthook = errors.hook
    return errors
