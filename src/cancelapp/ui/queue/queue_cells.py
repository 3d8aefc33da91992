"""The queue's plain text cells, painted with one call into the model and text laid out once.

A search repaints every visible cell. Qt's own delegate asks the model for seven roles per
cell (seven calls into Python) and lays the text out again (itemize, shape, elide) on every
repaint; together that was most of a keystroke's time at 100,000 requests. Here a cell costs
one lookup of its text, the row background drawn by the style, and a `QStaticText` made once
per text and width (elided to fit, always plain text: customer names are never markup).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from shiboken6 import isValid

_KEPT_TEXTS = 400  # (text, width) pairs: a tall screenful of cells; more costs memory
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
_PLAIN = Qt.TextFormat.PlainText
_ITEM = QStyle.ControlElement.CE_ItemViewItem
_SELECTED = QStyle.StateFlag.State_Selected
_ENABLED = QStyle.StateFlag.State_Enabled
_ACTIVE = QStyle.StateFlag.State_Active
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_NORMAL = QPalette.ColorGroup.Normal
_INACTIVE = QPalette.ColorGroup.Inactive
_DISABLED = QPalette.ColorGroup.Disabled
_COLOUR_STATES = (_ENABLED | _ACTIVE | _SELECTED).value
_STYLED_STATES = (
    _SELECTED | QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_MouseOver
).value
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate.value
_ALTERNATE_BASE = QPalette.ColorRole.AlternateBase
_Rect = tuple[int, int, int, int]
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


class ElidedTexts:
    """Texts elided to a width and laid out once, for the font they were made with."""

    def __init__(self, limit: int = _KEPT_TEXTS) -> None:
        self._limit = limit
        self.font = QFont()
        self.metrics = QFontMetrics(self.font)
        self.line_height = self.metrics.height()
        self._texts: dict[tuple[str, int], tuple[QStaticText, int]] = {}

    def use_font(self, font: QFont) -> bool:
        """Switch to `font` (zoom, language, theme); True if it changed."""
        if font == self.font:
            return False
        self.font = QFont(font)
        self.metrics = QFontMetrics(self.font)
        self.line_height = self.metrics.height()
        self._texts.clear()
        return True

    def get(self, text: str, width: int) -> tuple[QStaticText, int]:
        """The text as shown in `width` pixels, and its own width in pixels."""
        key = (text, width)
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) >= self._limit:
                self._texts.clear()
            line = text.translate(_LINE_BREAKS)
            static = QStaticText(self.metrics.elidedText(line, _ELIDE_RIGHT, max(width, 0)))
            static.setTextFormat(_PLAIN)
            static.prepare(QTransform(), self.font)
            found = (static, round(static.size().width()))
            self._texts[key] = found
        return found

    def draw(self, painter: QPainter, rect: QRect, text: str) -> None:
        """`text` in `rect`, elided, vertically centred, at its left edge."""
        static, _width = self.get(text, rect.width())
        top = rect.top() + (rect.height() - self.line_height) // 2
        painter.drawStaticText(rect.left(), top, static)


class CellDelegate(QStyledItemDelegate):
    """Paints a cell's background as Qt's own delegate does, without asking the model for
    roles; keeps what each cell would otherwise look up again (each lookup through PySide
    costs microseconds, and a repaint has a few hundred cells): the style, the text margin
    and the text colours, renewed when the palette or the font changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.texts = ElidedTexts()
        self._palette_key: int | None = None
        self._style: QStyle | None = None
        self._colours: dict[int, tuple[QColor, QBrush]] = {}  # text, alternate base
        self.margin = 4

    def begin_cell(self, painter: QPainter, option: QStyleOptionViewItem) -> bool:
        """Draw the background, alternate colour, selection and focus frame (no text) and
        set the text colour. True if the font changed since the last cell.

        The style draws the selected, focused and hovered cells; a plain cell is the view's
        base, and an alternate row one `fillRect` of the palette's alternate base, as the
        style itself would paint it (a style call per cell costs more than its text)."""
        palette_key = option.palette.cacheKey()
        style = self._style
        if palette_key != self._palette_key or style is None or not isValid(style):
            style = self._renew(option, palette_key)
        state = option.state.value
        colours = self._colours.get(state & _COLOUR_STATES)
        if colours is None:
            colours = self._colours[state & _COLOUR_STATES] = _colours(option)
        widget = option.widget
        if widget is not None:
            if state & _STYLED_STATES:
                style.drawControl(_ITEM, option, painter, widget)
            elif option.features.value & _ALTERNATE:
                painter.fillRect(option.rect, colours[1])
        painter.setPen(colours[0])
        if option.font == self.texts.font:
            return False
        self.texts.use_font(option.font)
        self.margin = _text_margin(style, widget)
        return True

    def _renew(self, option: QStyleOptionViewItem, palette_key: int) -> QStyle:
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        self._style = style
        self._palette_key = palette_key
        self._colours.clear()
        self.margin = _text_margin(style, widget)
        return style


def _colours(option: QStyleOptionViewItem) -> tuple[QColor, QBrush]:
    """The text colour Qt's own delegate writes a cell in, and the alternate rows' base."""
    state = option.state
    group = (_NORMAL if state & _ACTIVE else _INACTIVE) if state & _ENABLED else _DISABLED
    role = _HIGHLIGHTED_TEXT if state & _SELECTED else _TEXT
    palette = option.palette
    return palette.color(group, role), palette.brush(group, _ALTERNATE_BASE)


class TextDelegate(CellDelegate):
    """Plain text cells of a table whose texts `text_at(row, column)` gives; the columns in
    `right_aligned` are aligned right (amounts)."""

    def __init__(
        self,
        text_at: Callable[[int, int], str],
        right_aligned: frozenset[int] = frozenset(),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._text_at = text_at
        self._right = right_aligned

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        column = index.column()
        self.begin_cell(painter, option)
        x, y, width, height = cast(_Rect, option.rect.getRect())  # one call, not four
        text = self._text_at(index.row(), column)
        if text:
            margin = self.margin
            texts = self.texts
            static, shown = texts.get(text, width - 2 * margin)
            left = x + width - margin - shown if column in self._right else x + margin
            painter.drawStaticText(left, y + (height - texts.line_height) // 2, static)


def _text_margin(style: QStyle, widget: QWidget | None) -> int:
    """Qt's own space between a cell's edge and its text."""
    return style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
