"""Connect a Shopify store: address, guide, credentials, a live check, then save.

Opened with `open()`; answers with `store_connected(ConnectedStore)` once the secrets are in the
keychain (or kept for the session, with a notice) and the store row is saved. Network, keychain
and database work run in the worker pool, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.keychain import KeychainUnavailable, SecretStore
from cancelapp.session.connect import ConnectedStore, check_connection, save_connection
from cancelapp.shopify import Endpoint, ShopifyError, ShopInfo
from cancelapp.shopify.errors import NetworkDown
from cancelapp.store import Database, StoreError
from cancelapp.ui.connect.connect_pages import (
    CheckPage,
    CredentialsPage,
    GuidePage,
    RetranslatedPage,
    ShopPage,
)
from cancelapp.ui.retranslating import Retranslating
from cancelapp.ui.workers import Lane, Task, WorkerPool

_UNREACHABLE = QT_TRANSLATE_NOOP(
    "ConnectWizard",
    "Shopify cannot be reached. Check the internet connection, then press Check again below "
    "to ask your store once more. Nothing is saved until your store answers.",
)
_UNEXPECTED = QT_TRANSLATE_NOOP(
    "ConnectWizard",
    "Something unexpected went wrong while connecting. The details are in CancelApp's log.",
)


class ConnectWizard(Retranslating, QWizard):
    store_connected = Signal(object)  # ConnectedStore

    def __init__(
        self,
        workers: WorkerPool,
        secrets: SecretStore,
        database: Database,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        known: Sequence[Endpoint] = (),
        current: Endpoint | None = None,
    ) -> None:
        """`known`: the stores connected before, offered for the address; `current`: the
        store the window shows, its address filled in (`ShopPage.offer`)."""
        super().__init__(parent)
        self._workers = workers
        self._secrets = secrets
        self._database = database
        self._clock = clock
        self._check_task: Task | None = None
        self._save_task: Task | None = None
        self.shop_page = ShopPage()
        self.guide_page = GuidePage()
        self.credentials_page = CredentialsPage(secrets.no_keychain_notice())
        self.check_page = CheckPage()
        for page in (self.shop_page, self.guide_page, self.credentials_page, self.check_page):
            self.addPage(page)
        self.shop_page.offer(known, current)
        self.check_page.recheck_requested.connect(self.start_check)
        self.currentIdChanged.connect(self._page_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect a Shopify store"))

    def use_loopback(self, base_url: str) -> None:
        """Connect to the local demo shop (tests and `--demo`); raises for any other address."""
        self.shop_page.use_loopback(Endpoint.loopback(base_url))

    @property
    def endpoint(self) -> Endpoint | None:
        return self.shop_page.endpoint

    def start_check(self) -> None:
        endpoint = self.shop_page.endpoint
        if endpoint is None or self._check_task is not None:
            return
        self.check_page.show_checking()
        task = self._workers.run_on(
            Lane.NETWORK, check_connection, endpoint, self.credentials_page.credentials()
        )
        self._check_task = task
        task.succeeded.connect(self._checked)
        task.failed.connect(self._check_failed)
        task.finished.connect(self._check_finished)

    def accept(self) -> None:
        """Finish: save, then close once saved (the wizard stays open if saving fails)."""
        info, endpoint = self.check_page.shop_info, self.shop_page.endpoint
        if self._save_task is not None or info is None or endpoint is None:
            return
        self.check_page.show_saving(True)
        task = self._workers.run_on(
            Lane.DATABASE_WRITE,
            save_connection,
            self._database,
            self._secrets,
            endpoint,
            self.credentials_page.credentials(),
            info,
            self._clock(),
        )
        self._save_task = task
        task.succeeded.connect(self._saved)
        task.failed.connect(self._save_failed)

    def _page_changed(self, page_id: int) -> None:
        page = self.page(page_id)
        if isinstance(page, RetranslatedPage):
            page.focus_first_empty_field()
        if page is self.check_page:
            self.start_check()

    def _checked(self, info: ShopInfo) -> None:
        self.check_page.show_result(info)

    def _check_failed(self, error: Exception) -> None:
        self.check_page.show_error(_merchant_phrase(error))

    def _check_finished(self) -> None:
        self._check_task = None

    def _saved(self, connected: ConnectedStore) -> None:
        self._save_task = None
        self.check_page.show_saving(False)
        self.store_connected.emit(connected)
        super().accept()

    def _save_failed(self, error: Exception) -> None:
        self._save_task = None
        self.check_page.show_saving(False)
        self.check_page.show_error(_merchant_phrase(error))


def _merchant_phrase(error: Exception) -> Phrase:
    if isinstance(error, NetworkDown):  # nothing is saved yet: there is no copy to work from
        return Phrase("ConnectWizard", _UNREACHABLE)
    if isinstance(error, ShopifyError | StoreError | KeychainUnavailable):
        return error.phrase
    return Phrase("ConnectWizard", _UNEXPECTED)
