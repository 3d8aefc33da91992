"""Test set-up shared by every package's tests."""

import gc
import os
import sys
from collections.abc import Iterator

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
    "fixtures.smtp",
    "fixtures.mailbox",
    "fixtures.oauth_server",
    "fixtures.oauth_imap",
    "fixtures.release_feed",
]

RUN_SLOW_VARIABLE = "CANCELAPP_RUN_SLOW"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        default=os.environ.get(RUN_SLOW_VARIABLE) == "1",
        help=f"also run tests marked slow (the frozen build); {RUN_SLOW_VARIABLE}=1 does the same",
    )


# The real services these markers start exist as packages on Linux only; on Windows and macOS
# the platform's own keychain is tested instead (tests/keychain/test_keychain_platform.py).
_LINUX_ONLY = {
    "keychain": "needs gnome-keyring's Secret Service, which runs on Linux only",
    "imap": "needs a Dovecot IMAP server, which the tests start on Linux only",
}


@pytest.fixture(autouse=True)
def collect_on_the_test_thread() -> Iterator[None]:
    """As the app does (`cancelapp.ui.collector`): no worker thread ever runs Python's garbage
    collection, which could delete Qt objects from the wrong thread and crash the run; what is
    due is collected here, on the thread that runs the test."""
    from cancelapp.ui.collector import collect_due

    gc.disable()
    try:
        yield
    finally:
        collect_due()
        gc.enable()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests are skipped, visibly and with the way to run them, unless asked for; so are
    tests of services that exist on Linux only, elsewhere."""
    run_slow = config.getoption("--run-slow")
    slow = pytest.mark.skip(reason=f"slow: run with --run-slow or {RUN_SLOW_VARIABLE}=1")
    linux = sys.platform.startswith("linux")
    for item in items:
        if not run_slow and item.get_closest_marker("slow") is not None:
            item.add_marker(slow)
        if linux:
            continue
        for marker, reason in _LINUX_ONLY.items():
            if item.get_closest_marker(marker) is not None:
                item.add_marker(pytest.mark.skip(reason=reason))
