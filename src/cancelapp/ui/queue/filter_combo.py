"""The queue's filter combo boxes: narrower than their longest choice when the queue is.

At 1024 px the three filters kept their longest choice's width ("Partially refunded"), left
the search field about five characters ("Sear…") and held the queue at 463 px or more,
starving the detail pane (fourth QA walkthrough). Here a filter may shrink to a few
characters: its current choice is elided ("Any pay…"), and whole in its tooltip and in the
list it opens.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

# The narrowest a filter gets, in characters of Qt's measure (the width of an "X"): about
# nine of the choice's own letters and the ellipsis.
NARROWEST_CHARACTERS = 5
_COMBO = QStyle.ComplexControl.CC_ComboBox
_FIELD = QStyle.SubControl.SC_ComboBoxEditField
_LABEL = QStyle.ControlElement.CE_ComboBoxLabel


class FilterCombo(QComboBox):
    """A combo box that prefers the width of its current choice, elides it to the width it
    is given (Qt's own clips it) and then says it whole in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumContentsLength(NARROWEST_CHARACTERS)  # Qt's minimum size hint
        self.currentIndexChanged.connect(self.updateGeometry)  # another choice, another hint

    def sizeHint(self) -> QSize:
        """The current choice whole (Qt's own hint is the longest choice's: "Any payment"
        asked for the room of "Partially refunded")."""
        least = super().minimumSizeHint()
        metrics = self.fontMetrics()
        chrome = least.width() - NARROWEST_CHARACTERS * metrics.horizontalAdvance("X")
        width = chrome + metrics.horizontalAdvance(self.currentText())
        return QSize(max(width, least.width()), super().sizeHint().height())

    def _elided(self, option: QStyleOptionComboBox) -> str:
        field = self.style().subControlRect(_COMBO, option, _FIELD, self)
        metrics = self.fontMetrics()
        return metrics.elidedText(option.currentText, Qt.TextElideMode.ElideRight, field.width())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(_COMBO, option)
        whole = option.currentText
        option.currentText = self._elided(option)
        tip = whole if option.currentText != whole else ""
        if self.toolTip() != tip:
            self.setToolTip(tip)
        painter.drawControl(_LABEL, option)
        painter.end()
