"""Composition root: builds the application context and hands it to the window.

Everything a window uses is made here, once, and passed down explicitly: paths, the database,
settings, the secret store, the worker pool, translations, and per store a `StoreSession`
(client and action runner). `--demo` starts the in-process demo shop and connects to it
through the same client code as a real store; `--self-check` opens the cache, shows the first
rows and exits.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import cancelapp
from cancelapp import cli
from cancelapp.paths import AppPaths, resources_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from cancelapp.demoshop import DemoShop
    from cancelapp.keychain import SecretStore
    from cancelapp.settings import Settings
    from cancelapp.shopify import Credentials
    from cancelapp.store import Database, InstanceLock
    from cancelapp.store.stores import StoreRecord
    from cancelapp.sync import IntakeSettings
    from cancelapp.ui.i18n import Translations
    from cancelapp.ui.main_window import MainWindow
    from cancelapp.ui.queue_refresh import StoreSession
    from cancelapp.ui.workers import WorkerPool

log = logging.getLogger(__name__)
DEMO_AUTH_KIND = "demo"
SELF_CHECK_TIMEOUT_MS = 60_000


@dataclass
class AppContext:
    """Everything a window needs, built once here; no global lookups elsewhere."""

    paths: AppPaths
    options: cli.Options
    database: Database
    settings: Settings
    workers: WorkerPool
    secret_store: SecretStore | None = None  # found on first use: see `secrets`
    translations: Translations | None = None
    demo: DemoShop | None = None
    startup_notices: list[Any] = field(default_factory=list)  # Phrases for the banner
    # Credentials that live for this session only (the demo shop's token).
    session_credentials: dict[str, Credentials] = field(default_factory=dict)
    lock: InstanceLock | None = None
    # Sessions the windows are done with: closed once no worker can be using them any more.
    retired: list[StoreSession] = field(default_factory=list)
    _secrets_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def secrets(self) -> SecretStore:
        """The OS keychain, looked for on first use (usually in a worker: it can be slow)."""
        from cancelapp.keychain import SecretStore

        with self._secrets_lock:
            if self.secret_store is None:
                self.secret_store = SecretStore.for_system()
            return self.secret_store

    def open_session(self, store: StoreRecord) -> StoreSession | None:
        """Client and runner for `store`; None when its credentials are gone (connect again).

        Reads the keychain, which may block on an unlock prompt: call it in a worker.
        Raises `KeychainUnavailable` when the keychain is locked.
        """
        from cancelapp.actions import ActionRunner, ActionSettings
        from cancelapp.keychain import load_credentials
        from cancelapp.policy import load_policy, policy_path
        from cancelapp.shopify import Endpoint, ShopifyClient
        from cancelapp.ui.queue_refresh import StoreSession

        credentials = self.session_credentials.get(store.domain)
        if credentials is None and store.auth_kind != DEMO_AUTH_KIND:
            credentials = load_credentials(self.secrets, store.domain, store.auth_kind)
        if credentials is None:
            return None
        if store.domain.startswith(("127.0.0.1:", "[::1]:")):
            endpoint = Endpoint.loopback(f"http://{store.domain}")
        else:
            endpoint = Endpoint.for_shop(store.domain)
        client = ShopifyClient(endpoint, credentials)
        settings = self.settings
        runner = ActionRunner(
            self.database,
            client,
            settings.staff_name or None,
            settings=ActionSettings(undo_seconds=float(settings.undo_window_seconds)),
        )
        return StoreSession(
            store=store,
            database=self.database,
            client=client,
            runner=runner,
            policy=load_policy(policy_path(self.paths.config_dir, store.id)),
            intake=self.intake_for(store),
        )

    def intake_for(self, store: StoreRecord) -> IntakeSettings:
        """The store's request channels from the settings; the email password stays in the
        keychain and is read when the inbox is (in the sync's worker)."""
        from cancelapp.keychain import SecretKind
        from cancelapp.sync import IntakeSettings

        intake = self.settings.intake_for(store.domain)
        email = intake.email.config()

        def email_password() -> str:
            return self.secrets.load(store.domain, SecretKind.IMAP_PASSWORD) or ""

        return IntakeSettings(
            native=intake.native,
            tag=intake.tag,
            tag_name=intake.tag_name,
            email=email,
            email_password=email_password if email is not None else None,
        )

    def close(self) -> None:
        self.workers.shutdown()
        for session in self.retired:
            session.close()
        self.retired.clear()
        from cancelapp.store import StoreError

        try:
            self.database.checkpoint()  # the .sqlite3 file alone then holds everything
        except StoreError as error:
            log.error("checkpoint at exit failed: %s", error)
        self.database.close()
        if self.demo is not None:
            self.demo.stop()
        if self.lock is not None:
            self.lock.release()


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


def build_context(
    paths: AppPaths,
    options: cli.Options,
    *,
    secrets: SecretStore | None = None,
    synchronous_workers: bool = False,
) -> AppContext:
    """Open the database and settings; raises `StoreError` with a merchant message."""
    from cancelapp.settings import load_settings, settings_path
    from cancelapp.store import Database, InstanceLock
    from cancelapp.ui.workers import WorkerPool

    lock = InstanceLock(paths.data_dir)
    lock.acquire()
    try:
        # After a crash, a kill or a power cut every page is read before the data is trusted.
        database = Database.open(paths.database_path, verify=lock.previous_run_unclean)
    except BaseException:
        lock.release(clean=not lock.previous_run_unclean)  # still in doubt next time
        raise
    loaded = load_settings(settings_path(paths.config_dir))
    context = AppContext(
        paths=paths,
        options=options,
        database=database,
        settings=loaded.settings,
        secret_store=secrets,
        workers=WorkerPool(synchronous=synchronous_workers),
        lock=lock,
    )
    if loaded.notice is not None:
        context.startup_notices.append(loaded.notice)
    return context


def connect_demo(context: AppContext, shop: DemoShop | None = None) -> StoreRecord:
    """Save the demo shop as a store (its token for this session only); without `shop`,
    start one in this process, stopped with the context."""
    from cancelapp.demoshop import DemoShop
    from cancelapp.shopify import AccessToken, Endpoint, ShopifyClient
    from cancelapp.store.stores import get_store, save_store

    if shop is None:
        # Shopify Plus's rate limit (20,000 points, 1,000 a second): the demo syncs at once.
        shop = DemoShop(seed=7, size=40, bucket_size=20_000, restore_rate=1_000).start()
        context.demo = shop
    endpoint = Endpoint.loopback(shop.base_url)
    credentials = AccessToken(shop.access_token)
    with ShopifyClient(endpoint, credentials) as client:
        info = client.connect()
    with context.database.transaction() as conn:
        store_id = save_store(
            conn,
            endpoint.domain,
            name=info.name,
            currency=info.currency_code,
            timezone=info.iana_timezone,
            auth_kind=DEMO_AUTH_KIND,
            now=datetime.now(UTC),
        )
        record = get_store(conn, store_id)
    assert record is not None
    context.session_credentials[record.domain] = credentials
    return record


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    options = cli.parse(list(argv) if argv is not None else None)
    if options.self_check:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data_dir = options.data_dir
    if options.demo and data_dir is None and not os.environ.get("CANCELAPP_HOME"):
        # The demo never mixes its made-up orders into the merchant's real cache.
        import tempfile

        data_dir = tempfile.mkdtemp(prefix="cancelapp-demo-")
    paths = AppPaths.resolve(data_dir)
    from cancelapp.startup.error_box import asker
    from cancelapp.startup.log_files import setup_logging
    from cancelapp.startup.opening import explain_folder_failure, open_data
    from cancelapp.startup.problems import EXIT_CODE

    ask = asker(options)
    try:
        paths.create()
    except OSError as exc:
        explain_folder_failure(exc, paths, ask)
        return EXIT_CODE
    log_notice = setup_logging(paths)
    log.info("CancelApp %s starting, data in %s", cancelapp.__version__, paths.data_dir)
    install_qt_message_handler()
    sys.excepthook = _log_uncaught

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setApplicationName("CancelApp")
    app.setApplicationVersion(cancelapp.__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "cancelapp.svg")))
    context = open_data(paths, options, build_context, ask)
    if context is None:
        return EXIT_CODE
    if log_notice is not None:
        context.startup_notices.append(log_notice)
    try:
        return _run(app, context, started)
    finally:
        context.close()


def _run(app: QApplication, context: AppContext, started: float) -> int:
    from cancelapp.startup.termination import quit_on_termination
    from cancelapp.ui.i18n import Translations
    from cancelapp.ui.main_window import MainWindow

    context.translations = Translations(app)
    context.translations.apply(context.settings.language)
    if context.options.demo:
        connect_demo(context)
    window = MainWindow(context)
    # The queue's rows live as long as the window: once they are in, the collector stops
    # walking them (a full collection over 50,000 rows pauses typing for 40-70 ms).
    window.queue_completed.connect(gc.freeze)
    if context.options.self_check:
        return _self_check(window, started)
    window.show()
    window.start()
    quit_on_termination(app)
    return app.exec()


def _self_check(window: MainWindow, started: float) -> int:
    """Open the cache like a real start, offline. Prints a first line once the first rows are
    painted, with the time from `main()` (the start-up benchmark reads it), and a second once
    every cached request is in the queue."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    reached: set[str] = set()
    problems: list[object] = []
    loop = QEventLoop()

    def note(*events: str) -> None:
        reached.update(events)
        loop.quit()

    def wait_for(event: str) -> None:
        while event not in reached and not problems and "timeout" not in reached:
            loop.exec()

    window.stores_loaded.connect(lambda: None if window.stores else note("first rows", "completed"))
    window.queue_loaded.connect(lambda: note("first rows"))
    window.queue_completed.connect(lambda: note("completed"))

    def failed(error: object) -> None:
        problems.append(error)
        loop.quit()

    window.store_sessions.problem.connect(failed)
    QTimer.singleShot(SELF_CHECK_TIMEOUT_MS, lambda: note("timeout"))
    window.show()
    window.start(open_session=False)
    wait_for("first rows")
    QApplication.processEvents()  # paint them
    first_rows_ms = (time.perf_counter() - started) * 1000
    version = cancelapp.__version__
    if "first rows" in reached and window.isVisible():
        print(
            f"CancelApp {version} self-check: first rows after {first_rows_ms:.0f} ms", flush=True
        )
    wait_for("completed")
    all_rows_ms = (time.perf_counter() - started) * 1000
    failure = _self_check_failure(window, reached, problems) or _damage(window)
    if failure:
        print(f"CancelApp self-check failed: {failure}", file=sys.stderr)
        return 1
    print(
        f"CancelApp {version} self-check: ok ({len(window.model.index_)} requests in the cache, "
        f"{window.model.rowCount()} shown, first rows after {first_rows_ms:.0f} ms, "
        f"all after {all_rows_ms:.0f} ms)"
    )
    # Frozen builds must still find keyring's platform backends (entry points PyInstaller
    # does not follow): say which keychain this process would keep secrets in.
    from cancelapp.keychain import backend_label, usable_backend

    print(f"CancelApp {version} self-check: keychain {backend_label(usable_backend())}")
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
