"""Composition root: builds the application context (`context.py`) and hands it to the window.

`--demo` starts the in-process demo shop and connects to it
through the same client code as a real store; `--self-check` opens the cache, shows the first
rows and exits.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import cancelapp

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from cancelapp import cli
    from cancelapp.context import AppContext
    from cancelapp.ui.main_window import MainWindow

log = logging.getLogger(__name__)
SELF_CHECK_TIMEOUT_MS = 60_000


def install_qt_message_handler() -> None:
    """Qt's own warnings go to our log, not stderr (`--self-check` must print nothing else)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    # Automatic garbage collection is off from the start, not only once the GUI-thread
    # collector runs (`ui/collector.py`, started in `_run`): what the start allocates (modules,
    # classes, Qt's enums, the window) lives as long as the app, and ~30 young collections of
    # it cost ~15-25 ms of CPU before the first rows. Once they are painted it is frozen
    # (`_run`), so no later collection walks it either. So the start's modules are imported
    # here, after this; the Qt-free ones before PySide6 (see `context`).
    gc.disable()
    from cancelapp import cli
    from cancelapp.context import build_context
    from cancelapp.paths import AppPaths, resources_dir
    from cancelapp.startup.log_files import setup_logging
    from cancelapp.startup.opening import asker, explain_folder_failure, open_data
    from cancelapp.startup.problems import EXIT_CODE

    options = cli.parse(list(argv) if argv is not None else None)
    if options.remove_all_data:
        return _remove_all_data(options)
    if options.self_check:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data_dir = options.data_dir
    if options.demo and data_dir is None and not os.environ.get("CANCELAPP_HOME"):
        # The demo never mixes its made-up orders into the merchant's real cache.
        import tempfile

        data_dir = tempfile.mkdtemp(prefix="cancelapp-demo-")
    paths = AppPaths.resolve(data_dir)
    ask = asker(options)
    try:
        paths.create()
    except OSError as exc:
        explain_folder_failure(exc, paths, ask)
        return EXIT_CODE
    log_notice = setup_logging(paths)
    log.info("CancelApp starting, data in %s", paths.data_dir)  # its version: `_note_version`
    install_qt_message_handler()
    sys.excepthook = _log_uncaught

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from cancelapp.ui.platform_identity import present_as_cancelapp

    app = QApplication(sys.argv[:1])
    present_as_cancelapp(app, QIcon(str(resources_dir() / "icons" / "cancelapp.svg")))
    context = open_data(paths, options, build_context, ask)
    if context is None:
        return EXIT_CODE
    if log_notice is not None:
        context.startup_notices.append(log_notice)
    try:
        return _run(app, context, started)
    finally:
        context.close()


def _remove_all_data(options: cli.Options) -> int:
    """Before logging or Qt start: nothing may be open inside the folders it deletes."""
    from cancelapp.data_removal import remove_all_data
    from cancelapp.keychain import SecretStore
    from cancelapp.paths import AppPaths

    removal = remove_all_data(AppPaths.resolve(options.data_dir), SecretStore.for_system)
    print(removal.message, file=sys.stdout if removal.exit_code == 0 else sys.stderr)
    return removal.exit_code


def _run(app: QApplication, context: AppContext, started: float) -> int:
    from cancelapp.context import connect_demo
    from cancelapp.startup.termination import quit_on_termination
    from cancelapp.ui.collector import GuiThreadCollector
    from cancelapp.ui.i18n import Translations
    from cancelapp.ui.main_window import MainWindow

    collector = GuiThreadCollector(app)  # workers never collect Qt objects: see its docstring
    collector.start()
    context.translations = Translations(app)
    context.translations.apply(context.settings.language)
    if context.options.demo:
        connect_demo(context)
    window = MainWindow(context)
    window.flows_built.connect(lambda: _note_version(app))
    from cancelapp.ui.uncaught import install

    # From here on an exception in a slot shows in the window's banner (not with
    # --no-error-dialogs); before the window, `_log_uncaught` logs it.
    install(not context.options.no_error_dialogs, window.show_crash, window)
    # The queue's rows live as long as the window: once they are in, the collector stops
    # walking them (a full collection over 50,000 rows pauses typing for 40-70 ms). The same
    # for what the start allocated, once the first rows are painted (see `main`).
    window.first_rows_painted.connect(gc.freeze)
    window.queue_completed.connect(gc.freeze)
    if context.options.self_check:
        return _self_check(window, started)
    window.start()
    window.show_with_first_rows()
    quit_on_termination(app, window.end_for_the_system)
    return app.exec()


def _note_version(app: QApplication) -> None:
    """Read once the first rows are painted: `importlib.metadata` costs ~50 ms of CPU."""
    app.setApplicationVersion(cancelapp.__version__)
    log.info("CancelApp %s", cancelapp.__version__)


def _self_check(window: MainWindow, started: float) -> int:
    """Open the cache like a real start, offline. Prints a first line once the first rows are
    painted, with the time from `main()` (the start-up benchmark reads it), and a second once
    every cached request is in the queue."""
    from PySide6.QtCore import QEventLoop, QTimer

    reached: set[str] = set()
    problems: list[object] = []
    loop = QEventLoop()
    first_rows_ms: list[float] = []

    def note(*events: str) -> None:
        reached.update(events)
        loop.quit()

    def wait_for(event: str) -> None:
        while event not in reached and not problems and "timeout" not in reached:
            loop.exec()

    def say_first_rows() -> None:
        """Said as they are painted, before the window builds the rest of itself."""
        if not first_rows_ms and window.isVisible():
            first_rows_ms.append((time.perf_counter() - started) * 1000)
            print(f"CancelApp self-check: first rows after {first_rows_ms[0]:.0f} ms", flush=True)
        note("first rows")

    window.stores_loaded.connect(lambda: None if window.stores else note("completed"))
    window.first_rows_painted.connect(say_first_rows)
    window.queue_completed.connect(lambda: note("completed"))

    def failed(error: object) -> None:
        problems.append(error)
        loop.quit()

    window.store_sessions.problem.connect(failed)
    QTimer.singleShot(SELF_CHECK_TIMEOUT_MS, lambda: note("timeout"))
    window.start(open_session=False)
    window.show_with_first_rows()
    wait_for("first rows")
    version = cancelapp.__version__
    wait_for("completed")
    all_rows_ms = (time.perf_counter() - started) * 1000
    failure = (
        _self_check_failure(window, reached, problems) or _damage(window) or _audit_chain(window)
    )
    if not failure and not first_rows_ms:
        failure = "the first rows were not painted"
    if failure:
        print(f"CancelApp self-check failed: {failure}", file=sys.stderr)
        return 1
    print(
        f"CancelApp {version} self-check: ok ({len(window.model.index_)} requests in the cache, "
        f"{window.model.rowCount()} shown, first rows after {first_rows_ms[0]:.0f} ms, "
        f"all after {all_rows_ms:.0f} ms)"
    )
    # Frozen builds must still find keyring's platform backends (entry points PyInstaller
    # does not follow) and, on Linux, what speaks to the Secret Service: say which keychain
    # this process would keep secrets in, through the store the app uses (it dials nothing yet).
    from cancelapp.keychain import SecretStore

    secrets = SecretStore.for_system()
    secrets.close()
    print(f"CancelApp {version} self-check: keychain {secrets.backend_name}")
    return 0


def _damage(window: MainWindow) -> str:
    """Every page read (SQLite's quick_check), after the timed first rows: damage anywhere in
    the file fails the check, not only damage the queue happened to read."""
    from cancelapp.store import StoreError

    try:
        window.context.database.verify()
    except StoreError as error:
        log.error("self-check: %s", error.merchant_message)
        return error.merchant_message
    return ""


def _audit_chain(window: MainWindow) -> str:
    """The audit log's seals, checked like at a start; a changed log fails the check and is
    also shown in the banner, in the merchant's words."""
    from cancelapp.session.audit_check import check_audit_chain
    from cancelapp.store import StoreError

    context = window.context
    try:
        report = check_audit_chain(context.database, context.secrets, seal=False)
    except StoreError as error:
        return error.merchant_message
    for notice in report.notices:
        window.banner.show_message(window.formatter.phrase(notice))
    if report.tampered:
        return window.formatter.phrase(report.notices[0])
    return ""


def _self_check_failure(window: MainWindow, reached: set[str], problems: list[object]) -> str:
    if problems:
        return str(getattr(problems[0], "merchant_message", None) or repr(problems[0]))
    if not window.isVisible():
        return "the main window did not open"
    if "completed" not in reached:
        return "the cached queue did not load in time"
    return ""


def _log_uncaught(kind: type[BaseException], value: BaseException, tb: Any) -> None:
    log.critical("uncaught exception", exc_info=(kind, value, tb))
    sys.__excepthook__(kind, value, tb)
