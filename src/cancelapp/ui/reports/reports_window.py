"""The Reports window: what cancellations cost and why they happen, at a glance.

Read from the local cache on a worker (offline too), for the last 4, 12 or 52 weeks: requests
per week by what became of them, the reasons customers gave (the merchant may merge two),
refunded and kept amounts per currency, what the cancelled orders cost besides (shipping refunded,
payment fees kept by Shopify), the products most often cancelled, and the median time from
request to decision. Exportable as CSV for the merchant's spreadsheet.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cancelapp.domain.cancel_reasons import CONTEXT as REASON_CONTEXT
from cancelapp.domain.cancel_reasons import LABELS, CancelReason
from cancelapp.domain.money import Money
from cancelapp.session.audit_csv import CsvStyle
from cancelapp.ui.connect.connect_pages import plain_label
from cancelapp.ui.file_folders import FileFolders, FileKind
from cancelapp.ui.formatting import Formatter, keep_together
from cancelapp.ui.reports.charts import BarList, WeekChart, series_colours
from cancelapp.ui.retranslating import Retranslating
from cancelapp.ui.workers import Lane, WorkerPool

if TYPE_CHECKING:
    from cancelapp.session.refresh import StoreSession
    from cancelapp.session.reports import CancellationReport
    from cancelapp.store.database import Database

PERIOD_WEEKS = (4, 12, 52)


def reason_words(reason: str) -> str:
    label = LABELS.get(CancelReason(reason)) if reason in CancelReason else None
    return QCoreApplication.translate(REASON_CONTEXT, label) if label else reason


class ReportsWindow(Retranslating, QWidget):
    """A window of its own beside the queue; `loaded` fires after each report is shown."""

    loaded = Signal()
    problem = Signal(object)

    def __init__(
        self,
        workers: WorkerPool,
        database: Database,
        config_dir: Path,
        store_id: int,
        formatter: Formatter,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        session: Callable[[], StoreSession | None] = lambda: None,
        folders: FileFolders | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.workers = workers
        self.database = database
        self.config_dir = config_dir
        self.store_id = store_id
        self.formatter = formatter
        self._now = now
        self._session = session  # the store's session when online, to read unknown costs
        self.report: CancellationReport | None = None
        self.merges: dict[str, str] = {}
        self.save_dialog: QFileDialog | None = None
        self.folders = folders  # where the export's dialog opens

        self.period = QComboBox()
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for weeks in PERIOD_WEEKS:
            self.period.addItem("", weeks)
        self.period.setCurrentIndex(0)
        self.period.currentIndexChanged.connect(lambda _i: self.load())
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.choose_export)
        self.summary = plain_label()
        self.money = plain_label()
        self.costs = plain_label()
        self.read_button = QPushButton()
        self.read_button.clicked.connect(self.read_unknown_costs)
        self.read_button.hide()
        self.week_chart = WeekChart()
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)  # our own words and colours only
        self.reasons = BarList()
        self.products = BarList()
        self.merge_from = QComboBox()
        self.merge_into = QComboBox()
        for combo in (self.merge_from, self.merge_into):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self._merge)
        self.unmerge_button = QPushButton()
        self.unmerge_button.clicked.connect(self._unmerge)

        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addStretch()
        top.addWidget(self.export_button)
        self.weeks_box = QGroupBox()
        weeks_layout = QVBoxLayout(self.weeks_box)
        weeks_layout.addWidget(self.week_chart)
        weeks_layout.addWidget(self.legend)
        self.reasons_box = QGroupBox()
        reasons_layout = QVBoxLayout(self.reasons_box)
        reasons_layout.addWidget(self.reasons)
        # "Count [reason] / as [reason] / [Merge] [Undo merges]": one line each, so both
        # choices show their longest reason in half the window, in Danish too.
        merge_rows = QGridLayout()
        self.merge_label = QLabel()
        self.into_label = QLabel()
        merge_rows.addWidget(self.merge_label, 0, 0)
        merge_rows.addWidget(self.merge_from, 0, 1, Qt.AlignmentFlag.AlignLeft)
        merge_rows.addWidget(self.into_label, 1, 0)
        merge_rows.addWidget(self.merge_into, 1, 1, Qt.AlignmentFlag.AlignLeft)
        merge_buttons = QHBoxLayout()
        merge_buttons.addWidget(self.merge_button)
        merge_buttons.addWidget(self.unmerge_button)
        merge_buttons.addStretch()
        merge_rows.addLayout(merge_buttons, 2, 1)
        merge_rows.setColumnStretch(1, 1)
        reasons_layout.addLayout(merge_rows)
        self.products_box = QGroupBox()
        QVBoxLayout(self.products_box).addWidget(self.products)
        content = QWidget()
        grid = QGridLayout(content)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(self.money, 1, 0, 1, 2)
        costs_row = QHBoxLayout()
        costs_row.addWidget(self.costs, 1)
        costs_row.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(costs_row, 2, 0, 1, 2)
        grid.addWidget(self.weeks_box, 3, 0, 1, 2)
        grid.addWidget(self.reasons_box, 4, 0)
        grid.addWidget(self.products_box, 4, 1)
        grid.setRowStretch(5, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        top.addWidget(self.close_button)
        closing = QAction(self)  # Esc and the platform's close-window keys, as in a dialog
        closing.setShortcuts(
            [
                QKeySequence(Qt.Key.Key_Escape),
                *QKeySequence.keyBindings(QKeySequence.StandardKey.Close),
            ]
        )
        closing.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        closing.triggered.connect(self.close)
        self.addAction(closing)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.resize(1000, 680)
        self.retranslate()

    # Loading ---------------------------------------------------------------------------------

    def period_range(self) -> tuple[datetime, datetime]:
        """From the Monday `weeks` weeks back (the merchant's time) up to now."""
        weeks = int(self.period.currentData())
        now = self._now()
        local = self.formatter.local(now)
        monday = local.date() - timedelta(days=local.weekday(), weeks=weeks - 1)
        since = datetime(monday.year, monday.month, monday.day, tzinfo=local.tzinfo)
        return since, now + timedelta(microseconds=1)

    def load(self) -> None:
        from cancelapp.session.reports import store_report

        since, until = self.period_range()
        zone = self.formatter.local(until).tzinfo or UTC
        task = self.workers.run(
            store_report, self.database, self.config_dir, self.store_id, since, until, zone
        )
        task.succeeded.connect(lambda result: self._show(*result))
        task.failed.connect(self.problem)

    def _show(self, report: CancellationReport, merges: dict[str, str]) -> None:
        self.report, self.merges = report, merges
        self._fill()
        self.loaded.emit()

    def _fill(self) -> None:
        report = self.report
        if report is None:
            return
        number = self.formatter.locale.toString
        outcomes = report.outcomes
        text = keep_together(
            self.tr(
                "{requests} requests: {cancelled} cancelled, {declined} declined, {open} still open"
            )
        ).format(
            requests=number(report.requests),
            cancelled=number(outcomes["cancelled"]),
            declined=number(outcomes["declined"]),
            open=number(outcomes["open"]),
        )
        text += " · " + keep_together(
            self.tr("{withdrawals} statutory withdrawals, {goodwill} goodwill cancellations")
        ).format(withdrawals=number(report.withdrawals), goodwill=number(report.goodwill))
        median = report.median_decision_hours
        if median is not None:
            text += " · " + keep_together(self.tr("median time to a decision: {time}")).format(
                time=self.formatter.duration(timedelta(hours=median))
            )
        self.summary.setText(text)
        self.money.setText(self._money_text(report))
        self.costs.setText(self._costs_text(report))
        self.read_button.setVisible(
            bool(report.costs_to_read) and self._store_session() is not None
        )
        self.week_chart.set_data(
            [self._day(w.start, "d MMM") for w in report.weeks],
            [tuple(w.counts[o] for o in ("cancelled", "declined", "open")) for w in report.weeks],
        )
        self.week_chart.setToolTip(
            "\n".join(
                self.tr(
                    "Week of {week}: {cancelled} cancelled, {declined} declined, {open} open"
                ).format(
                    week=self._day(w.start, "d MMM yyyy"),
                    cancelled=number(w.counts["cancelled"]),
                    declined=number(w.counts["declined"]),
                    open=number(w.counts["open"]),
                )
                for w in report.weeks
            )
        )
        self.reasons.set_data([(reason_words(r), n) for r, n in report.reasons])
        self.products.set_data(list(report.products))
        self._fill_merge_choices()

    def _money_text(self, report: CancellationReport) -> str:
        """What CancelApp refunded and kept, per currency; cancelled orders it sent no refund
        for are counted, so the shipping and fees below (over every cancelled order) never
        seem to contradict it."""
        currencies = sorted(set(report.refunded) | set(report.kept))
        text = " · ".join(
            keep_together(self.tr("Refunded through CancelApp {refunded}, kept {kept}")).format(
                refunded=self.formatter.money(Money(report.refunded.get(c, Decimal(0)), c)),
                kept=self.formatter.money(Money(report.kept.get(c, Decimal(0)), c)),
            )
            for c in currencies
        ) or self.tr("Nothing refunded through CancelApp in this period.")
        if report.cancelled_without_refund:
            text += " · " + keep_together(
                self.tr(
                    "cancelled orders with no refund through CancelApp (cancelled in Shopify, "
                    "or nothing was paid): {count}"
                )
            ).format(count=self.formatter.locale.toString(report.cancelled_without_refund))
        return text

    def _costs_text(self, report: CancellationReport) -> str:
        """Shipping refunded and payment fees kept, per currency, and how many cancelled
        orders are not in them."""
        shipping, fees = report.refunded_shipping, report.payment_fees
        text = " · ".join(
            keep_together(
                self.tr("Shipping refunded {shipping}, payment fees kept by Shopify {fees}")
            ).format(
                shipping=self.formatter.money(Money(shipping.get(c, Decimal(0)), c)),
                fees=self.formatter.money(Money(fees.get(c, Decimal(0)), c)),
            )
            for c in sorted(set(shipping) | set(fees))
        ) or self.tr("No shipping refunded and no payment fees kept in this period.")
        if report.fees_unknown:
            text += " · " + keep_together(
                self.tr("orders with payment fees unknown: {count}")
            ).format(count=self.formatter.locale.toString(report.fees_unknown))
        if report.shipping_unknown:
            text += " · " + keep_together(
                self.tr("orders with refunded shipping unknown: {count}")
            ).format(count=self.formatter.locale.toString(report.shipping_unknown))
        return text

    def _day(self, day: date, pattern: str) -> str:
        return self.formatter.locale.toString(QDate(day.year, day.month, day.day), pattern)

    def _fill_merge_choices(self) -> None:
        for combo in (self.merge_from, self.merge_into):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for reason in CancelReason:
                combo.addItem(reason_words(reason.value), reason.value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
            self._fit_to_longest(combo)
        self.unmerge_button.setEnabled(bool(self.merges))

    def _fit_to_longest(self, combo: QComboBox) -> None:
        """Never narrower than its longest reason (a layout short of room would cut it to
        "Forkert størr"), but within half the screen."""
        screen = self.screen()
        most = screen.availableGeometry().width() // 2 if screen is not None else 10_000
        combo.setMinimumWidth(min(combo.sizeHint().width(), most))

    def _store_session(self) -> StoreSession | None:
        """This window's store's session (None offline or when another store is open)."""
        session = self._session()
        return session if session is not None and session.store_id == self.store_id else None

    def read_unknown_costs(self) -> None:
        """Read the cancelled orders whose costs the cache lacks from Shopify, then again
        the report."""
        report, session = self.report, self._store_session()
        if report is None or session is None or not report.costs_to_read:
            return
        from cancelapp.session.report_costs import read_order_costs

        self.read_button.setEnabled(False)
        task = self.workers.run_on(
            Lane.NETWORK, read_order_costs, session, list(report.costs_to_read)
        )
        task.succeeded.connect(lambda _none: self.load())
        task.failed.connect(self.problem)
        task.finished.connect(lambda: self.read_button.setEnabled(True))

    # Merging reasons -------------------------------------------------------------------------

    def _merge(self) -> None:
        from cancelapp.session.reports import merge_reasons

        reason, into = self.merge_from.currentData(), self.merge_into.currentData()
        if reason == into:
            return
        task = self.workers.run(merge_reasons, self.config_dir, self.store_id, reason, into)
        task.succeeded.connect(lambda _none: self.load())
        task.failed.connect(self.problem)

    def _unmerge(self) -> None:
        from cancelapp.session.reports import undo_merges

        task = self.workers.run(undo_merges, self.config_dir, self.store_id)
        task.succeeded.connect(lambda _none: self.load())
        task.failed.connect(self.problem)

    # Export ----------------------------------------------------------------------------------

    def choose_export(self) -> None:
        chooser = QFileDialog(self, self.tr("Export the report"))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("csv")
        chooser.setNameFilter(self.tr("CSV files (*.csv)"))
        if self.folders is not None:
            self.folders.open_in(chooser, FileKind.REPORT)
        chooser.fileSelected.connect(self.export_to)
        self.save_dialog = chooser
        chooser.open()

    def export_to(self, name: str) -> None:
        report = self.report
        if report is None or not name:
            return
        from cancelapp.session.report_csv import write_report_csv

        style = CsvStyle(decimal=self.formatter.locale.decimalPoint())
        words = {
            "week": self.tr("Week"),
            "cancelled": self.tr("Cancelled"),
            "declined": self.tr("Declined"),
            "open": self.tr("Open"),
            "reason": self.tr("Reason"),
            "requests": self.tr("Requests"),
            "currency": self.tr("Currency"),
            "refunded": self.tr("Refunded"),
            "kept": self.tr("Kept"),
            "shipping": self.tr("Shipping refunded"),
            "fees": self.tr("Payment fees kept by Shopify"),
            "cancelled_orders": self.tr("Cancelled orders"),
            "fees_unknown": self.tr("Cancelled orders with payment fees unknown"),
            "shipping_unknown": self.tr("Cancelled orders with refunded shipping unknown"),
            "product": self.tr("Product"),
            "units": self.tr("Units"),
            "median_hours": self.tr("Median hours to a decision"),
            "kind": self.tr("Kind"),
            "withdrawals": self.tr("Statutory withdrawals"),
            "goodwill": self.tr("Goodwill cancellations"),
        }
        labels = {reason.value: reason_words(reason.value) for reason in CancelReason}

        def write() -> None:
            with Path(name).open("w", encoding="utf-8", newline="") as out:
                write_report_csv(
                    report, out, style=style, words=words, reason_words=lambda r: labels.get(r, r)
                )

        task = self.workers.run(write)
        task.failed.connect(self.problem)

    # Words -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reports: what cancellations cost"))
        names = {
            4: self.tr("Last 4 weeks"),
            12: self.tr("Last 12 weeks"),
            52: self.tr("Last 12 months"),
        }
        for index in range(self.period.count()):
            self.period.setItemText(index, names[int(self.period.itemData(index))])
        self.period.setAccessibleName(self.tr("Period"))
        self.export_button.setText(self.tr("&Export CSV…"))
        self.close_button.setText(self.tr("Close"))
        self.read_button.setText(self.tr("&Read the unknown from Shopify"))
        self.read_button.setToolTip(
            self.tr(
                "Read the cancelled orders whose costs are not in the saved copy from Shopify"
                " again. Fees of other providers than Shopify Payments stay unknown."
            )
        )
        self.costs.setToolTip(
            self.tr(
                "Shipping refunded: the shipping charge cancelled orders gave back to their"
                " customers; the carrier or label is paid all the same once an order was"
                " labelled. Payment fees: what Shopify Payments charged on the payments of"
                " cancelled orders, which it keeps when they are refunded. Unknown: an order"
                " paid another way than Shopify Payments (Shopify reports no other provider's"
                " fees), or not read in full from Shopify since it was decided (refresh the"
                " order to read it)."
            )
        )
        self.weeks_box.setTitle(self.tr("Requests per week"))
        colours = series_colours(self.palette())
        words = (self.tr("cancelled"), self.tr("declined"), self.tr("still open"))
        self.legend.setText(
            "&nbsp;&nbsp;&nbsp;".join(
                f'<span style="color:{colour.name()}">&#9632;</span>&nbsp;{html.escape(word)}'
                for colour, word in zip(colours, words, strict=True)
            )
        )
        self.week_chart.setAccessibleName(self.tr("No requests in this period"))
        self.reasons_box.setTitle(self.tr("Why customers cancel"))
        self.reasons.setAccessibleName(self.tr("No reasons yet"))
        self.products_box.setTitle(self.tr("Products most often cancelled"))
        self.products.setAccessibleName(self.tr("No cancelled orders yet"))
        self.merge_label.setText(self.tr("Count"))
        self.into_label.setText(self.tr("as"))
        self.merge_button.setText(self.tr("&Merge"))
        self.unmerge_button.setText(self.tr("&Undo merges"))
        self._fill()
