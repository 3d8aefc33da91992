"""Light and dark appearance following the OS, and colours that read well in both."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class BadgeColors:
    background: QColor
    text: QColor


# (light background, light text, dark background, dark text): tinted fills with strong text,
# contrast above 4.5:1 on both schemes.
_BADGES: dict[str, tuple[str, str, str, str]] = {
    "approve": ("#d3f0dc", "#0f5223", "#1f4d2c", "#c8f2d4"),
    "review": ("#fbe8c2", "#6b4700", "#5a4310", "#fde6b3"),
    "deny": ("#f9d4d2", "#7d1a14", "#5e2220", "#fbd0cd"),
    "message": ("#d6e4fb", "#0b3d91", "#1d3557", "#cfe0fb"),  # the customer wrote again
    "none": ("#e4e6ea", "#3b4048", "#3a3f47", "#d6d9de"),
}


def is_dark(app: QGuiApplication | None = None) -> bool:
    """The OS scheme when it says; otherwise judge by the window colour."""
    application = app or QGuiApplication.instance()
    if not isinstance(application, QGuiApplication):
        return False
    scheme = application.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return application.palette().color(QPalette.ColorRole.Window).lightness() < 128


@cache
def badge_colors(outcome: str | None, dark: bool) -> BadgeColors:
    light_bg, light_fg, dark_bg, dark_fg = _BADGES.get(outcome or "none", _BADGES["none"])
    if dark:
        return BadgeColors(QColor(dark_bg), QColor(dark_fg))
    return BadgeColors(QColor(light_bg), QColor(light_fg))


def banner_colors(dark: bool, *, info: bool = False) -> BadgeColors:
    """For the banner: an error in the `deny` tint, strong enough to notice, calm enough to
    read; a notice (`info`: nothing went wrong) in the calm `message` blue."""
    return badge_colors("message" if info else "deny", dark)


def apply_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Force light or dark (screenshots, a setting); Unknown follows the OS again.

    Where the platform has no dark palette of its own (offscreen, some Linux desktops), the
    Fusion style's palette is set explicitly so the whole window changes, not just the hints.
    """
    app.styleHints().setColorScheme(scheme)
    if scheme == Qt.ColorScheme.Unknown:
        return
    wanted_dark = scheme == Qt.ColorScheme.Dark
    if (app.palette().color(QPalette.ColorRole.Window).lightness() < 128) != wanted_dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if wanted_dark else light_palette())


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2d31",
        QPalette.ColorRole.WindowText: "#e6e7ea",
        QPalette.ColorRole.Base: "#1f2023",
        QPalette.ColorRole.AlternateBase: "#26282c",
        QPalette.ColorRole.ToolTipBase: "#3a3d42",
        QPalette.ColorRole.ToolTipText: "#e6e7ea",
        QPalette.ColorRole.PlaceholderText: "#8d9097",
        QPalette.ColorRole.Text: "#e6e7ea",
        QPalette.ColorRole.Button: "#34373c",
        QPalette.ColorRole.ButtonText: "#e6e7ea",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#3d6fb6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.Mid: "#44474d",
        QPalette.ColorRole.Dark: "#18191b",
        QPalette.ColorRole.Light: "#4a4d53",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    _grey_out_disabled(palette, "#7a7d83")
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#f3f4f6",
        QPalette.ColorRole.WindowText: "#1d1f23",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f6f7f9",
        QPalette.ColorRole.Text: "#1d1f23",
        QPalette.ColorRole.Button: "#e9ebee",
        QPalette.ColorRole.ButtonText: "#1d1f23",
        QPalette.ColorRole.Highlight: "#2f6fd0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#80848c",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    _grey_out_disabled(palette, "#9a9ea6")
    return palette


def _grey_out_disabled(palette: QPalette, colour: str) -> None:
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(disabled, role, QColor(colour))
