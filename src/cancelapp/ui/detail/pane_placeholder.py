"""What the detail pane's place shows until the pane is built (once the first rows are painted,
`ui/window_flows.py`): the empty pane's own hint, laid out as the pane lays it out, so the
first frame shows what the pane would and nothing moves when it takes its place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from cancelapp.ui.retranslating import Retranslating


class DetailPlaceholder(Retranslating, QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(9, 9, 9, 9)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.setWidget(content)
        self.retranslate()

    def retranslate(self) -> None:  # the pane's texts, in the pane's translation context
        self.setAccessibleName(QCoreApplication.translate("DetailPane", "Request details"))
        self.hint.setText(
            QCoreApplication.translate("DetailPane", "Select a request to see its order.")
        )
