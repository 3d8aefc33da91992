"""Two small charts drawn with QPainter (no chart library): stacked weekly bars, and labelled
horizontal bars. Colours come from the palette, so light and dark themes both read; each
chart also describes its figures in text for screen readers and tooltips."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

_MARGIN = 6
_BAR_HEIGHT = 18
_LABEL_SHARE = 0.45  # of a bar list's width, for the labels; more for a longer one,
_LABEL_MOST = 0.6  # up to this, so the bars keep room


def series_colours(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """Cancelled, declined, open: the highlight, a muted red and the mid tone."""
    return (
        palette.color(QPalette.ColorRole.Highlight),
        QColor(196, 78, 82),
        palette.color(QPalette.ColorRole.Mid),
    )


class WeekChart(QWidget):
    """One bar per week, stacked by series (cancelled, declined, open), weeks under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.values: list[tuple[int, ...]] = []
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: Sequence[str], values: Sequence[tuple[int, ...]]) -> None:
        self.labels, self.values = list(labels), list(values)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 200)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_height = self.fontMetrics().height()
        area = QRectF(self.rect()).adjusted(_MARGIN, _MARGIN + text_height, -_MARGIN, -_MARGIN)
        area.setBottom(area.bottom() - text_height - 2)
        top = max((sum(v) for v in self.values), default=0)
        if not self.values or top == 0:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.accessibleName())
            return
        slot = area.width() / len(self.values)
        colours = series_colours(palette)
        painter.setPen(Qt.PenStyle.NoPen)
        for index, series in enumerate(self.values):
            left = area.left() + index * slot + slot * 0.15
            bottom = area.bottom()
            for value, colour in zip(series, colours, strict=False):
                height = area.height() * value / top
                painter.fillRect(QRectF(left, bottom - height, slot * 0.7, height), colour)
                bottom -= height
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        step = max(1, round(len(self.labels) * 60 / max(area.width(), 1)))  # labels may not touch
        for index, label in enumerate(self.labels):
            if index % step == 0:
                left = area.left() + index * slot
                box = QRectF(left, area.bottom() + 2, slot * step, text_height)
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft, label)
        painter.drawText(
            QRectF(area.left(), _MARGIN, area.width(), text_height),
            Qt.AlignmentFlag.AlignLeft,
            QLocale().toString(top),
        )


class BarList(QWidget):
    """Labelled horizontal bars, largest first, the count at the end of each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, rows: Sequence[tuple[str, int]]) -> None:
        self.rows = list(rows)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, _MARGIN * 2 + max(len(self.rows), 1) * (_BAR_HEIGHT + 4))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _label_width(self) -> float:
        """The labels' share of the width, widened (within `_LABEL_MOST`) to the longest."""
        width = self.width() - 2 * _MARGIN
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(label) for label, _n in self.rows), default=0)
        return min(max(width * _LABEL_SHARE, longest + 12), width * _LABEL_MOST)

    def shown_labels(self) -> list[str]:
        """Each row's label as drawn at the present width: elided only when too long."""
        room = int(self._label_width()) - 6
        metrics = self.fontMetrics()
        return [
            metrics.elidedText(label, Qt.TextElideMode.ElideRight, room) for label, _n in self.rows
        ]

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        if not self.rows:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.accessibleName())
            return
        width = self.width() - 2 * _MARGIN
        label_width = self._label_width()
        count_width = self.fontMetrics().horizontalAdvance("00000")
        bar_room = max(width - label_width - count_width - 8, 1)
        top = max(count for _label, count in self.rows) or 1
        text = palette.color(QPalette.ColorRole.WindowText)
        bar = palette.color(QPalette.ColorRole.Highlight)
        for index, ((_label, count), shown) in enumerate(
            zip(self.rows, self.shown_labels(), strict=True)
        ):
            y = _MARGIN + index * (_BAR_HEIGHT + 4)
            painter.setPen(text)
            painter.drawText(
                QRectF(_MARGIN, y, label_width - 6, _BAR_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                shown,
            )
            length = bar_room * count / top
            painter.fillRect(QRectF(_MARGIN + label_width, y + 2, length, _BAR_HEIGHT - 4), bar)
            painter.drawText(
                QRectF(_MARGIN + label_width + length + 4, y, count_width, _BAR_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                QLocale().toString(count),
            )
