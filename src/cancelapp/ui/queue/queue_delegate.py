"""The verdict cell: a coloured badge (Approve / Review / Deny) followed by the first reason.

Painted for every visible row on each repaint (a search repaints the whole table), so the
per-cell work is kept small: one model lookup, the row background drawn straight from the
view's option (no `initStyleOption`, which asks the model for a dozen roles), the badges
drawn once into pixmaps, and the reasons elided and laid out once per width (`ElidedTexts`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QStyleOptionViewItem

from cancelapp.ui.labels import BADGE_VALUES, outcome_label
from cancelapp.ui.queue.queue_cells import CellDelegate
from cancelapp.ui.queue.queue_model import VERDICT_ROLE
from cancelapp.ui.theme import badge_colors, is_dark

_PAD_X = 6
_GAP = 6
_INSET_X = 4  # between the cell's edge and the badge
_INSET_Y = 3

_CENTER = Qt.AlignmentFlag.AlignCenter
_NO_PEN = Qt.PenStyle.NoPen
_ANTIALIASING = QPainter.RenderHint.Antialiasing


class VerdictDelegate(CellDelegate):
    """`dark` follows the OS scheme: the window sets it when the scheme changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dark = is_dark()  # part of the badge cache's key: a change redraws them
        self._badges: dict[tuple[str, str, int, float, bool], QPixmap | None] = {}
        self._badge_widths: dict[str, int] = {}  # by label, in the current font

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        outcome, reason = index.data(VERDICT_ROLE) or (None, "")
        if self.begin_cell(painter, option):  # zoom, language: every badge is stale
            self._badges.clear()
            self._badge_widths.clear()
        cell = option.rect
        rect = cell.adjusted(_INSET_X, _INSET_Y, -_INSET_X, -_INSET_Y)
        x = rect.left()
        if outcome:
            badge = self._badge(outcome, rect.height(), painter.device().devicePixelRatioF())
            if badge is not None:
                ratio = badge.devicePixelRatio()
                wide = round(badge.width() / ratio)
                if wide <= rect.width():
                    painter.drawPixmap(x, rect.top(), badge)
                else:  # a column narrower than its badge: cut at the cell's edge, never over
                    shown = max(rect.width(), 0)  # the next column's text
                    painter.drawPixmap(
                        QRect(x, rect.top(), shown, round(badge.height() / ratio)),
                        badge,
                        QRect(0, 0, round(shown * ratio), badge.height()),
                    )
        if reason:
            left, width = self.reason_at(outcome, cell.width())
            self.texts.draw(
                painter, QRect(cell.left() + left, rect.top(), width, rect.height()), reason
            )

    def reason_at(self, outcome: str | None, cell_width: int) -> tuple[int, int]:
        """Where the reason starts beside `outcome`'s badge (from the cell's left edge) in a
        cell `cell_width` pixels wide, and how wide it may be (elided to it)."""
        label = outcome_label(outcome)
        left = _INSET_X + (self._badge_width(label) + _GAP if label else 0)
        return left, max(cell_width - _INSET_X - 1 - left, 0)

    def _badge_width(self, label: str) -> int:
        width = self._badge_widths.get(label)
        if width is None:
            width = self._badge_widths[label] = (
                self.texts.metrics.horizontalAdvance(label) + 2 * _PAD_X
            )
        return width

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(max(size.width(), 240), size.height())

    def badge_size_hint(self, font: QFont) -> QSize:
        """The cell the widest badge of the current language needs in `font`: the verdict
        column is never narrower (`verdict_width`)."""
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(outcome_label(value)) for value in BADGE_VALUES)
        return QSize(widest + 2 * (_PAD_X + _INSET_X), metrics.height() + 2 * _INSET_Y)

    def _badge(self, outcome: str, height: int, ratio: float) -> QPixmap | None:
        """The badge drawn once per label, size and scheme: an antialiased rounded rect
        per row and repaint costs more than the rest of the cell. The translated label is
        part of the key, so switching language redraws the badges."""
        label = outcome_label(outcome)
        key = (outcome, label, height, ratio, self.dark)
        if key in self._badges:
            return self._badges[key]
        pixmap = None
        if label:
            width = self._badge_width(label)
            pixmap = QPixmap(round(width * ratio), round(height * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            colors = badge_colors(outcome, self.dark)
            painter = QPainter(pixmap)
            painter.setRenderHint(_ANTIALIASING)
            painter.setFont(self.texts.font)
            painter.setPen(_NO_PEN)
            painter.setBrush(colors.background)
            painter.drawRoundedRect(QRectF(0, 0, width, height), height / 2, height / 2)
            painter.setPen(colors.text)
            painter.drawText(QRect(0, 0, width, height), _CENTER, label)
            painter.end()
        self._badges[key] = pixmap
        return pixmap
