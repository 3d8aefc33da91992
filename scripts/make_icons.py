"""Render resources/icons/cancelapp.svg into the PNG, ICO and ICNS files the installers use.

Run after changing the SVG: `uv run python scripts/make_icons.py`. Uses Qt's own image plugins.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "cancelapp.svg"))
    if not renderer.isValid():
        print("cannot read cancelapp.svg", file=sys.stderr)
        return 1
    ok = render(renderer, 256).save(str(ICONS / "cancelapp.png"))
    ok &= render(renderer, 256).save(str(ICONS / "cancelapp.ico"))
    ok &= render(renderer, 512).save(str(ICONS / "cancelapp.icns"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
