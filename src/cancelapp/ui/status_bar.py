"""Online or offline, when the cache was last synced, sync progress, the API budget left.

Each says only what holds: a store without saved credentials cannot sign in (that is not
being offline), a sync under way before Shopify answered is still connecting, and a store's
first read (the requests, then the backfill it leaves) is said as such until it has ended,
not as "Never synced" nor as "Last synced just now"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from cancelapp.ui.formatting import Formatter
from cancelapp.ui.retranslating import Retranslating

_TEXT_MARGIN = 6  # each side of the progress text, inside the bar


class OneLineProgressBar(QProgressBar):
    """Its text on one line, elided to the bar's width; the whole text is the tooltip (the
    style wrapped a long phase onto two lines and cut both)."""

    def text(self) -> str:
        whole = super().text()
        width = self.contentsRect().width() - 2 * _TEXT_MARGIN
        return self.fontMetrics().elidedText(whole, Qt.TextElideMode.ElideRight, max(width, 0))

    def setFormat(self, template: str) -> None:
        super().setFormat(template)
        self.setToolTip(template)  # the phases' texts hold no placeholders


def _plain() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class StatusBar(Retranslating, QStatusBar):
    def __init__(
        self,
        formatter: Formatter,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.formatter = formatter
        self._now = now
        self.online: bool | None = None  # None: not tried yet
        self.refused = False  # online, but the token or the app refused
        self.signed_out = False  # the store's credentials are missing: no sync can sign in
        self.last_sync: datetime | None = None
        self.syncing = False  # a sync is under way
        self.first_read = False  # the store's first read (and the backfill it left) runs
        self.connection = _plain()
        self.synced = _plain()
        self.budget = _plain()
        self._budget: tuple[float, float] | None = None
        self._reading = ""  # the read now shown (`show_reading`)
        self.messageChanged.connect(self._keep_reading)
        self.progress = OneLineProgressBar()
        self.progress.setMaximumWidth(320)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.addWidget(self.connection)
        self.addWidget(self.synced)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.budget)
        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self._show_synced)
        self._tick.start()
        self.retranslate()

    def retranslate(self) -> None:
        self.connection.setAccessibleName(self.tr("Connection"))
        self.synced.setAccessibleName(self.tr("Last sync"))
        self.budget.setAccessibleName(self.tr("Shopify API budget"))
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self._show_connection()
        self._show_synced()
        if self._budget is not None:
            self.set_budget(*self._budget)

    def store_opened(self, last_sync: datetime | None) -> None:
        """Another store (or the same one again) opens: its own last sync; what was said of
        the one before (signed out, its sync or first read) no longer holds."""
        self.signed_out = False
        self.sync_finished()  # and no first read under way
        self.set_last_sync(last_sync)

    def set_signed_out(self) -> None:
        """No saved credentials for the store: nothing can sign in until it is connected again."""
        self.signed_out = True
        self._show_connection()

    def set_online(self, online: bool | None) -> None:
        self.online = online
        self.refused = False  # until a sync says so again (`set_refused`)
        self._show_connection()

    def set_refused(self, refused: bool) -> None:
        """Shopify answers but refuses CancelApp's token or app: "Online" alone misled."""
        self.refused = refused
        self._show_connection()

    def set_last_sync(self, moment: datetime | None) -> None:
        self.last_sync = moment
        self._show_synced()
        self._show_connection()  # offline says whether there is a saved copy

    def set_budget(self, available: float, maximum: float) -> None:
        self._budget = (available, maximum)  # said again in another language
        percent = round(100 * available / maximum) if maximum > 0 else 0
        self.budget.setText(self.tr("API budget {percent} %").format(percent=percent))
        self.budget.setToolTip(
            self.tr("{available} of {maximum} points left").format(
                available=int(available), maximum=int(maximum)
            )
        )

    def show_reading(self, text: str) -> None:
        """A read the merchant waits on: shown until it ends (""), and again whenever what was
        said over it meanwhile goes (a menu's status tips wiped "Reading 26 orders… Esc
        stops." for good: eighth walkthrough)."""
        shown, self._reading = self._reading, text
        if text:
            self.showMessage(text)
        elif shown and self.currentMessage() == shown:
            self.clearMessage()

    def _keep_reading(self, message: str) -> None:
        if not message and self._reading:
            self.showMessage(self._reading)

    def sync_started(self) -> None:
        self.syncing = True
        if self.last_sync is None and self.online is not False:  # not a retry while offline
            self.first_read = True
        self._show_connection()
        self._show_synced()
        self.progress.setRange(0, 0)  # busy until the first page says more
        self.progress.setFormat(self.tr("Syncing…"))
        self.progress.show()

    def sync_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.progress.setFormat(text or self.tr("Syncing…"))

    def sync_finished(self, *, more: bool = False) -> None:
        """`more`: the sync left a backfill that runs next (a first read goes on)."""
        self.syncing = False
        self.first_read = more
        self.progress.hide()
        self._show_connection()
        self._show_synced()

    def _show_connection(self) -> None:
        if self.signed_out:
            self.connection.setText(
                self.tr("Not signed in to Shopify: connect the store again (File › Connect store…)")
            )
        elif self.online is None and self.syncing:  # Shopify has not answered yet
            self.connection.setText(self.tr("Connecting to Shopify…"))
        elif self.online is None:
            self.connection.setText(self.tr("Not connected"))
        elif self.online and self.refused:
            self.connection.setText("\u25cf " + self.tr("Online, but Shopify refuses access"))
        elif self.online:
            self.connection.setText("\u25cf " + self.tr("Online"))
        elif self.last_sync is None:  # nothing read yet: there is no saved copy to work from
            self.connection.setText("\u25cb " + self.tr("Offline: nothing read from Shopify yet"))
        else:
            self.connection.setText("\u25cb " + self.tr("Offline: working from the cache"))

    def _show_synced(self) -> None:
        if self.first_read:
            self.synced.setText(self.tr("Reading your store for the first time…"))
            self.synced.setToolTip("")
            return
        if self.last_sync is None:
            self.synced.setText(self.tr("Never synced"))
            self.synced.setToolTip("")
            return
        when = self.formatter.relative(self.last_sync, self._now())
        self.synced.setText(self.tr("Last synced {when}").format(when=when))
        self.synced.setToolTip(self.formatter.date_time(self.last_sync))
