"""Test set-up shared by every package's tests."""

import os

# Qt must not look for a display; set before anything imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts")

pytest_plugins = [
    "fixtures.common",
    "fixtures.database",
    "fixtures.demoshop",
    "fixtures.keychain",
    "fixtures.imap",
]
