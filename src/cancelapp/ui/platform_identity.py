"""The app's name and icon as the platform shows them: the dock, the taskbar, the panel.

Windows groups taskbar buttons by an application user model id, and without one it shows the
Python interpreter's icon and name for a source run; Wayland and GNOME match the window to
`cancelapp.desktop` by the desktop file name; macOS takes the display name for its menu.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication, QIcon

APP_USER_MODEL_ID = "CancelApp.CancelApp"
DESKTOP_FILE = "cancelapp"


def present_as_cancelapp(app: QGuiApplication, icon: QIcon) -> None:
    """Before the first window shows."""
    app.setApplicationName("CancelApp")
    app.setApplicationDisplayName("CancelApp")
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(icon)
    if sys.platform == "win32":
        import ctypes  # Windows only: loading it elsewhere would only slow the start

        shell32 = ctypes.windll.shell32  # type: ignore[attr-defined,unused-ignore]
        shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
