"""Help › About: the version, what it runs on, its licence and credits, and where the data is."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from cancelapp import __version__
from cancelapp.ui.detail.detail_pane import plain_label

LICENCE = "MIT"


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About CancelApp"))
        self.setAccessibleName(self.windowTitle())
        heading = plain_label(self.tr("CancelApp {version}").format(version=__version__))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        summary = plain_label(
            self.tr("Every cancellation request of your Shopify store in one window.")
        )
        self.rows = [
            (self.tr("Version"), __version__),
            (
                self.tr("Runs on"),
                self.tr("Qt {qt}, PySide6 {pyside}").format(
                    qt=qVersion(), pyside=PySide6.__version__
                ),
            ),
            (self.tr("Licence"), LICENCE),
            (
                self.tr("Credits"),
                self.tr(
                    "Shopify Admin API schema from @shopify/dev-mcp (ISC licence). "
                    "Qt for Python (LGPL)."
                ),
            ),
            (self.tr("Data folder"), str(data_dir)),
        ]
        form = QFormLayout()
        for name, value in self.rows:
            field = plain_label(value, selectable=True)
            field.setAccessibleName(name)
            form.addRow(plain_label(name), field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
