"""The real window's set-up, shared by the main-window tests: a small demo shop, fast enough
that no test waits on the rate limit, and an application context, bare or connected to it."""

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cancelapp import cli
from cancelapp.context import AppContext, build_context, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.keychain import SecretStore
from cancelapp.paths import AppPaths
from cancelapp.ui.i18n import ENGLISH_PLURALS, translations_dir
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import open_window


@pytest.fixture(scope="session", autouse=True)
def english_counts(qapp: QApplication) -> Iterator[None]:
    """The window reads as an English merchant's does: "1 order", "3 orders", from the file
    the app's start installs for English (`ui/i18n.py`); a test that switches language
    installs its own translators on top."""
    translator = QTranslator(qapp)
    assert translator.load(ENGLISH_PLURALS, str(translations_dir()))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=30, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def bare_context(data_dir: Path, secret_store: SecretStore) -> Iterator[AppContext]:
    """No store connected yet: a first run."""
    paths = AppPaths.resolve()
    paths.create()
    context = build_context(paths, cli.parse([]), secrets=secret_store)
    # Answered, so the update question does not take the banner (test_ui_main_updates.py asks).
    context.settings = replace(context.settings, check_for_updates=False)
    yield context
    context.close()


@pytest.fixture
def context(bare_context: AppContext, shop: DemoShop) -> AppContext:
    connect_demo(bare_context, shop)
    return bare_context


@pytest.fixture
def window(qtbot: QtBot, context: AppContext) -> MainWindow:
    """The main window on `context`, through its first sync."""
    return open_window(qtbot, context)
