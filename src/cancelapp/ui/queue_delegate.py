"""The verdict cell: a coloured badge (Approve / Review / Deny) followed by the first reason."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from cancelapp.ui.queue_labels import outcome_label
from cancelapp.ui.queue_model import OUTCOME_ROLE, REASON_ROLE
from cancelapp.ui.theme import badge_colors, is_dark

_PAD_X = 6
_GAP = 6


_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft


class VerdictDelegate(QStyledItemDelegate):
    """`dark` follows the OS scheme: the queue view sets it when the scheme changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dark = is_dark()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        outcome = index.data(OUTCOME_ROLE)
        reason = index.data(REASON_ROLE) or ""
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        label = outcome_label(outcome) if outcome else ""
        rect = opt.rect.adjusted(4, 3, -4, -3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(opt.font)
        x = rect.left()
        if label:
            colors = badge_colors(outcome, self.dark)
            width = metrics.horizontalAdvance(label) + 2 * _PAD_X
            badge = QRect(x, rect.top(), width, rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.background)
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setPen(colors.text)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            x = badge.right() + _GAP
        if reason:
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            painter.setPen(opt.palette.color(role))
            text_rect = QRect(x, rect.top(), max(rect.right() - x, 0), rect.height())
            elided = metrics.elidedText(reason, Qt.TextElideMode.ElideRight, text_rect.width())
            painter.drawText(text_rect, _LEFT, elided)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(max(size.width(), 240), size.height())
