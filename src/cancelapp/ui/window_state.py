"""The window as the merchant left it: size and place, the split between queue and detail,
the queue's column widths, order, hidden columns and sort.

Kept by Qt (`QSettings`, an INI file in the config folder beside settings.json), because it
is Qt's own binary state and no setting the merchant edits. A missing or damaged file gives
the default layout, never an error.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QMainWindow, QSplitter

from cancelapp.ui.queue.queue_index import Column
from cancelapp.ui.queue.queue_view import QueueView

STATE_FILE_NAME = "window.ini"
DEFAULT_SIZE = QSize(1280, 800)
# A title bar and frame the window manager adds around the window's own size.
_FRAME = QSize(16, 48)
# Saved column states carry the column count: a release with other columns starts afresh.
_COLUMNS_KEY = f"queue/columns-{len(Column)}"
# Which of them the merchant sized by hand (the others are measured again on each start).
_HAND_WIDTHS_KEY = f"queue/hand-widths-{len(Column)}"


def default_size(available: QSize) -> QSize:
    """The default size, shrunk to the screen's free area (never 800 px on a 768 px screen)."""
    return QSize(
        min(DEFAULT_SIZE.width(), available.width() - _FRAME.width()),
        min(DEFAULT_SIZE.height(), available.height() - _FRAME.height()),
    )


class WindowState:
    def __init__(self, config_dir: Path) -> None:
        self._settings = QSettings(str(config_dir / STATE_FILE_NAME), QSettings.Format.IniFormat)

    def restore(self, window: QMainWindow, splitter: QSplitter, queue: QueueView) -> None:
        """Last time's layout where saved; otherwise a size that fits the screen."""
        geometry = self._bytes("window/geometry")
        if geometry is None or not window.restoreGeometry(geometry):
            screen = window.screen()
            window.resize(default_size(screen.availableGeometry().size()))
        splitter_state = self._bytes("window/splitter")
        if splitter_state is not None:
            splitter.restoreState(splitter_state)
        columns = self._bytes(_COLUMNS_KEY)
        if columns is not None:
            queue.restore_columns(columns, self._hand_widths())

    def save(self, window: QMainWindow, splitter: QSplitter, queue: QueueView) -> None:
        self._settings.setValue("window/geometry", window.saveGeometry())
        self._settings.setValue("window/splitter", splitter.saveState())
        self._settings.setValue(_COLUMNS_KEY, queue.column_state())
        widths = " ".join(f"{column}:{width}" for column, width in queue.hand_widths.items())
        self._settings.setValue(_HAND_WIDTHS_KEY, widths)
        self._settings.sync()

    def _hand_widths(self) -> dict[int, int]:
        """The widths the merchant set by hand, "column:width" apart by spaces; a damaged
        entry is skipped."""
        value = self._settings.value(_HAND_WIDTHS_KEY)
        widths: dict[int, int] = {}
        for entry in value.split() if isinstance(value, str) else ():
            column, _, width = entry.partition(":")
            if column.isdigit() and width.isdigit():
                widths[int(column)] = int(width)
        return widths

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None
