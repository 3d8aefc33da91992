"""Test set-up shared by every package's tests."""

import os
import sys

import pytest

# Qt must not look for a display; set before anything imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.platform.startswith("linux"):  # elsewhere Qt finds the system's fonts by itself
    os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts")

pytest_plugins = [
    "fixtures.common",
    "fixtures.database",
    "fixtures.demoshop",
    "fixtures.keychain",
    "fixtures.imap",
    "fixtures.release_feed",
]

# The real services these markers start exist as packages on Linux only; on Windows and macOS
# the platform's own keychain is tested instead (tests/keychain/test_keychain_platform.py).
_LINUX_ONLY = {
    "keychain": "needs gnome-keyring's Secret Service, which runs on Linux only",
    "imap": "needs a Dovecot IMAP server, which the tests start on Linux only",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if sys.platform.startswith("linux"):
        return
    for item in items:
        for marker, reason in _LINUX_ONLY.items():
            if item.get_closest_marker(marker) is not None:
                item.add_marker(pytest.mark.skip(reason=reason))
