"""Test set-up shared by every package's tests."""

import os

import pytest

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

RUN_SLOW_VARIABLE = "CANCELAPP_RUN_SLOW"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        default=os.environ.get(RUN_SLOW_VARIABLE) == "1",
        help=f"also run tests marked slow (the frozen build); {RUN_SLOW_VARIABLE}=1 does the same",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests are skipped, visibly and with the way to run them, unless asked for."""
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason=f"slow: run with --run-slow or {RUN_SLOW_VARIABLE}=1")
    for item in items:
        if item.get_closest_marker("slow"):
            item.add_marker(skip)
