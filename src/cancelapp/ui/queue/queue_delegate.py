"""The verdict cell: a coloured badge (Approve / Review / Deny) followed by the first reason.

Painted for every visible row on each repaint (a search repaints the whole table), so the
per-cell work is kept small: one model lookup, the row background drawn straight from the
view's option (no `initStyleOption`, which asks the model for a dozen roles), the badges
drawn once into pixmaps, and elided reasons remembered per width.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from cancelapp.ui.labels import outcome_label
from cancelapp.ui.queue.queue_model import VERDICT_ROLE
from cancelapp.ui.theme import badge_colors, is_dark

_PAD_X = 6
_GAP = 6
_KEPT_ELIDED = 2000  # distinct (reason, width) pairs: reasons repeat across rows

_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
_CENTER = Qt.AlignmentFlag.AlignCenter
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
_SELECTED = QStyle.StateFlag.State_Selected
_ITEM = QStyle.ControlElement.CE_ItemViewItem
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_NO_PEN = Qt.PenStyle.NoPen
_ANTIALIASING = QPainter.RenderHint.Antialiasing


class VerdictDelegate(QStyledItemDelegate):
    """`dark` follows the OS scheme: the window sets it when the scheme changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dark = is_dark()  # part of the badge cache's key: a change redraws them
        self._font = QFont()
        self._metrics = QFontMetrics(self._font)
        self._badges: dict[tuple[str, str, int, float, bool], QPixmap | None] = {}
        self._elided: dict[tuple[str, int], str] = {}

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        outcome, reason = index.data(VERDICT_ROLE) or (None, "")
        widget = option.widget
        if widget is not None:  # background, alternate colour and selection, without text
            widget.style().drawControl(_ITEM, option, painter, widget)
        self._metrics_for(option.font)
        rect = option.rect.adjusted(4, 3, -4, -3)
        x = rect.left()
        if outcome:
            badge = self._badge(outcome, rect.height(), painter.device().devicePixelRatioF())
            if badge is not None:
                painter.drawPixmap(x, rect.top(), badge)
                x += round(badge.width() / badge.devicePixelRatio()) + _GAP
        if reason:
            role = _HIGHLIGHTED_TEXT if option.state & _SELECTED else _TEXT
            painter.setPen(option.palette.color(role))
            width = max(rect.right() - x, 0)
            painter.drawText(
                QRect(x, rect.top(), width, rect.height()), _LEFT, self._elide(reason, width)
            )

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(max(size.width(), 240), size.height())

    def _metrics_for(self, font: QFont) -> QFontMetrics:
        if font != self._font:  # a new font (zoom, language): every remembered width is stale
            self._font = QFont(font)
            self._metrics = QFontMetrics(font)
            self._badges.clear()
            self._elided.clear()
        return self._metrics

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
            width = self._metrics.horizontalAdvance(label) + 2 * _PAD_X
            pixmap = QPixmap(round(width * ratio), round(height * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            colors = badge_colors(outcome, self.dark)
            painter = QPainter(pixmap)
            painter.setRenderHint(_ANTIALIASING)
            painter.setFont(self._font)
            painter.setPen(_NO_PEN)
            painter.setBrush(colors.background)
            painter.drawRoundedRect(QRectF(0, 0, width, height), height / 2, height / 2)
            painter.setPen(colors.text)
            painter.drawText(QRect(0, 0, width, height), _CENTER, label)
            painter.end()
        self._badges[key] = pixmap
        return pixmap

    def _elide(self, text: str, width: int) -> str:
        elided = self._elided.get((text, width))
        if elided is None:
            if len(self._elided) >= _KEPT_ELIDED:
                self._elided.clear()
            elided = self._metrics.elidedText(text, _ELIDE_RIGHT, width)
            self._elided[(text, width)] = elided
        return elided
