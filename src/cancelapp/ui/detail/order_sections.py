"""The detail pane's order sections as the Shopify admin shows them: items with image,
variant and SKU; the money breakdown with shipping, taxes and payments; shipments with
tracking and holds with "Release hold"; the customer's record.

Widgets are made once and reused (rows as more are needed): a selection only changes texts.
Every label is plain text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from math import ceil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cancelapp.domain.money import Money
from cancelapp.domain.order import Order
from cancelapp.domain.order_view import Hold, OrderView, Shipment
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP
from cancelapp.ui.detail.item_columns import (
    NAME_WANTS_AT_MOST,
    NumberColumn,
    heading,
    share,
    two_line_width,
    two_lines,
)
from cancelapp.ui.detail.order_words import (
    gateway_words,
    hold_reason,
    payment_method,
    transaction_kind,
    transaction_status,
)
from cancelapp.ui.formatting import Formatter

_CONTEXT = "OrderSections"
IMAGE_SIZE = 40
SHOWN_ITEMS = 50
_NUMBERS = range(2, 7)  # the grid's columns of Qty, Cancelled, Fulfilled, Unfulfilled, Restock
_PRICE = 7
ITEM_COLUMNS = (
    QT_TRANSLATE_NOOP("DetailPane", "Item"),
    QT_TRANSLATE_NOOP("DetailPane", "Qty"),
    QT_TRANSLATE_NOOP("DetailPane", "Cancelled"),
    QT_TRANSLATE_NOOP("DetailPane", "Fulfilled"),
    QT_TRANSLATE_NOOP("DetailPane", "Unfulfilled"),
    QT_TRANSLATE_NOOP("DetailPane", "Restock"),
    QT_TRANSLATE_NOOP("DetailPane", "Price"),
)


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, disambiguation, n)


def plain(text: str = "", *, wrap: bool = True, selectable: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ItemsTable(QWidget):
    """One row per line item: its image, title over variant and SKU, quantities, price.

    The columns are shared out by hand (`item_columns.share`) on every change of width: the
    name on at most two lines, then whole headings, never a cut price. Every label ignores
    its own width (a whole heading or name must not widen the pane); the table's narrowest
    width is that of its numbers, prices and a short name.
    """

    def __init__(self) -> None:
        super().__init__()
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)  # eight columns in a laptop-wide pane
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnMinimumWidth(0, IMAGE_SIZE)
        # Headings and names are wrapped and elided to their column's width (`_arrange`),
        # whole in their tooltips.
        self.headers = [_narrowable(plain(wrap=False)) for _ in ITEM_COLUMNS]
        self.grid.addWidget(self.headers[0], 0, 0, 1, 2)
        for column, label in enumerate(self.headers[1:], start=2):
            self.grid.addWidget(label, 0, column)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        # image, title, qty ordered, cancelled, fulfilled, unfulfilled, restock, price
        self.rows: list[list[QLabel]] = []
        self.row_images: list[str | None] = []  # the image URL each row shows
        self._names: list[tuple[str, str]] = []  # each shown row's title and variant · SKU
        self._arranged = -1  # the width the columns were shared for
        self._least = IMAGE_SIZE * 3  # the narrowest the table gets (`minimumSizeHint`)
        self.more = plain()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.more)
        self._pixmaps: dict[Path, QPixmap] = {}
        self._images: dict[str, Path] = {}

    def show_items(
        self,
        order: Order,
        view: OrderView,
        fmt: Formatter,
        restocked: Mapping[str, int] | None = None,
    ) -> None:
        """`restocked`: the units CancelApp put back per line, when it carried out a
        cancellation of this order; a cancelled line then says how many went back ("2
        restocked", "None") instead of whether they can ("Yes", "No")."""
        items = order.line_items[:SHOWN_ITEMS]
        while len(self.rows) < len(items):
            self._add_row()
        number = fmt.locale.toString
        self.row_images = []
        self._names = []
        for index, row in enumerate(self.rows):
            shown = index < len(items)
            for label in row:
                label.setVisible(shown)
            if not shown:
                continue
            item = items[index]
            look = view.items.get(item.id)
            details = [look.variant_title] if look and look.variant_title else []
            if item.sku:
                details.append(_tr("SKU {sku}").format(sku=item.sku))
            title = " ".join(item.title.split())
            self._names.append((title, " · ".join(details)))
            row[1].setToolTip("\n".join([item.title, " · ".join(details)]).strip())
            # As ordered, and what is no longer on the order (cancelled, removed or
            # refunded): a cancelled order's lines read "2 ordered, 2 cancelled", not "0".
            cancelled = max(item.quantity - item.current_quantity, 0)
            if restocked is not None and cancelled:  # how many went back
                back = restocked.get(item.id, 0)
                restock = (
                    _tr("{count} restocked").format(count=number(back))
                    if back
                    else QCoreApplication.translate("DetailPane", "None")
                )
            elif item.restockable:
                restock = QCoreApplication.translate("DetailPane", "Yes")
            else:
                restock = QCoreApplication.translate("DetailPane", "No")
            cells = (
                number(item.quantity),
                number(cancelled),
                number(item.fulfilled_quantity),
                number(item.unfulfilled_quantity),
                restock,
                fmt.money(item.unit_price),
            )
            for label, text in zip(row[2:], cells, strict=True):
                label.setText(text)
            url = look.image_url if look else None
            self.row_images.append(url)
            self._show_image(row[0], url)
        left_out = len(order.line_items) - len(items)
        self.more.setText(_tr("%n more items are not shown.", "", left_out) if left_out else "")
        self.more.setVisible(bool(left_out))
        self._arrange()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._least, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._arranged:
            self._arrange()

    def _arrange(self) -> None:
        """Share the width out (`item_columns.share`) and wrap and elide the headings and
        names to their columns."""
        # In fractions of a pixel, rounded up: a text measured 121 px whole and 121.4 px wide
        # was elided in its 121 px.
        metrics = QFontMetricsF(self.font())

        def measure(text: str) -> int:
            return ceil(metrics.horizontalAdvance(text))

        def elide(text: str, width: int) -> str:
            return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

        rows = self.rows[: len(self._names)]
        headings = [QCoreApplication.translate("DetailPane", name) for name in ITEM_COLUMNS]
        numbers = []
        for column in _NUMBERS:
            content = max((measure(row[column].text()) for row in rows), default=0)
            title = headings[column - 1]
            least = max(content, measure(title[:3] + "…") + 2)  # "Can…": elided, still read
            numbers.append(
                NumberColumn(
                    least,
                    max(least, two_line_width(title, measure)),
                    max(least, measure(title)),
                )
            )
        price = max([measure(row[_PRICE].text()) for row in rows] + [measure(headings[-1])])
        gaps = self.grid.horizontalSpacing() * _PRICE  # eight columns, seven gaps
        fixed = IMAGE_SIZE + price + gaps
        wants = max(
            (max(two_line_width(title, measure), measure(more)) for title, more in self._names),
            default=0,
        )
        width = self.width()
        name, widths = share(width, fixed, IMAGE_SIZE * 2, wants, numbers)
        self._arranged = width
        # Narrowest: numbers, prices and the names on two lines (headings elided); the pane
        # asks the queue for that much (`DetailPane.wants_width`).
        name_least = max(IMAGE_SIZE * 2, min(wants, NAME_WANTS_AT_MOST))
        least = fixed + name_least + sum(column.least for column in numbers)
        if least != self._least:
            self._least = least
            self.updateGeometry()
        self.grid.setColumnMinimumWidth(1, name)
        for column, column_width in zip(_NUMBERS, widths, strict=True):
            self.grid.setColumnMinimumWidth(column, column_width)
        self.grid.setColumnMinimumWidth(_PRICE, price)
        for label, title, column_width in zip(
            self.headers[1:], headings[1:], [*widths, price], strict=True
        ):
            label.setText(heading(title, column_width, measure, elide))
            label.setToolTip(title)
            label.setAccessibleName(title)
        self.headers[0].setText(headings[0])
        self.headers[0].setAccessibleName(headings[0])
        for row, (title, more) in zip(rows, self._names, strict=False):
            lines = [two_lines(title, name, measure, elide)]
            if more:
                lines.append(elide(more, name))
            row[1].setText("\n".join(lines))

    def show_images(self, images: dict[str, Path]) -> None:
        """Images fetched or found in the cache, by URL: shown in the rows that want them."""
        self._images.update(images)
        for row, url in zip(self.rows, self.row_images, strict=False):
            self._show_image(row[0], url)

    def _show_image(self, label: QLabel, url: str | None) -> None:
        path = self._images.get(url) if url else None
        pixmap = self._pixmap(path) if path is not None else None
        if pixmap is None:
            label.clear()
        else:
            label.setPixmap(pixmap)

    def _pixmap(self, path: Path) -> QPixmap | None:
        if path not in self._pixmaps:
            pixmap = QPixmap(str(path))
            if pixmap.isNull():
                return None
            self._pixmaps[path] = pixmap.scaled(
                IMAGE_SIZE,
                IMAGE_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        return self._pixmaps[path]

    def _add_row(self) -> None:
        grid_row = len(self.rows) + 1
        image = plain(wrap=False)  # shows a pixmap; never text
        image.setFixedSize(IMAGE_SIZE, IMAGE_SIZE)
        image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = _narrowable(plain(wrap=False, selectable=True))  # wrapped by `_arrange`
        row = [image, title] + [plain(wrap=False) for _ in range(len(ITEM_COLUMNS) - 1)]
        for column, label in enumerate(row):
            self.grid.addWidget(label, grid_row, column)
            if column >= 2:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.rows.append(row)


def _narrowable(label: QLabel) -> QLabel:
    """A label whose text does not set its width (its column's minimum does)."""
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class MoneyBreakdown(QWidget):
    """Subtotal, shipping, taxes, total and refunded, as names beside values; then each
    payment with its method in words."""

    def __init__(self) -> None:
        super().__init__()
        self.names = plain(wrap=False)
        self.values = plain(wrap=False, selectable=True)
        self.values.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.transactions = plain(selectable=True)
        sums = QHBoxLayout()
        sums.setContentsMargins(0, 0, 0, 0)
        sums.addWidget(self.names, 1)
        sums.addWidget(self.values)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(sums)
        layout.addWidget(self.transactions)

    def show_money(self, order: Order, view: OrderView, fmt: Formatter) -> None:
        """A cancelled order's current subtotal, shipping and taxes are all 0: they are left
        out (they read as if the order was free), its original total and what was refunded,
        the shipping among it, say what it was."""
        if order.is_cancelled:
            view = replace(view, subtotal=None, shipping=None, tax=None, tax_lines=())
        rows: list[tuple[str, str]] = []
        if view.subtotal is not None:
            rows.append((_tr("Subtotal"), fmt.money(view.subtotal)))
        if view.shipping is not None:
            titles = ", ".join(view.shipping_titles)
            name = _tr("Shipping ({method})").format(method=titles) if titles else _tr("Shipping")
            rows.append((name, fmt.money(view.shipping)))
        # The current taxes, as the subtotal, shipping and total beside them: a cancelled
        # order's VAT is 0, a partly refunded one's what is left.
        taxes: list[tuple[str, Money]] = []
        for tax in view.tax_lines:
            rate = f" {fmt.decimal(tax.rate_percent, 0)} %" if tax.rate_percent is not None else ""
            taxes.append((f"{tax.title or _tr('Taxes')}{rate}", tax.amount))
        if view.tax is not None and not taxes:
            taxes.append((_tr("Taxes"), view.tax))
        for name, amount in taxes:
            if view.taxes_included:
                name = _tr("{tax} (included)").format(tax=name)
            rows.append((name, fmt.money(amount)))
        # What the order was worth before refunds and returns, where that is not what is
        # left (a cancelled order's total is 0): beside what was refunded.
        original = order.original_total
        if original is not None and original != order.total:
            rows.append((_tr("Original total"), fmt.money(original)))
        rows.append((_tr("Total"), fmt.money(order.total)))
        if order.total_refunded is not None and not order.total_refunded.is_zero():
            rows.append((_tr("Refunded"), fmt.money(order.total_refunded)))
            shipping = order.refunded_shipping
            if order.is_cancelled and shipping is not None and not shipping.is_zero():
                rows.append((_tr("Of which shipping"), fmt.money(shipping)))
        self.names.setText("\n".join(name for name, _v in rows))
        self.values.setText("\n".join(value for _n, value in rows))
        lines = []
        for payment in view.payments:
            parts = [transaction_kind(payment.kind), payment_method(payment)]
            parts.append(fmt.money(payment.amount))
            status = transaction_status(payment.status)
            if status:
                parts.append(status)
            when = fmt.date_time(payment.processed_at) + "  " if payment.processed_at else ""
            lines.append(when + " · ".join(parts))
        if view.known and not view.payments and order.gateways:
            names = ", ".join(gateway_words(g) for g in order.gateways)
            lines.append(_tr("No payment recorded yet ({gateways})").format(gateways=names))
        self.transactions.setText("\n".join(lines))
        self.transactions.setVisible(bool(lines))


class ShipmentsAndHolds(QWidget):
    """Each shipment with its tracking (a button opens the carrier's page) and each hold with
    its reason and a "Release hold" button."""

    open_url = Signal(str)
    release_requested = Signal(object)  # Hold

    def __init__(self) -> None:
        super().__init__()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.shipment_rows: list[tuple[QLabel, QPushButton]] = []
        self.hold_rows: list[tuple[QLabel, QPushButton]] = []
        self._shipments: list[Shipment] = []
        self._holds: list[Hold] = []

    def show_view(self, view: OrderView, fmt: Formatter, *, can_release: bool) -> None:
        self._shipments = [s for s in view.shipments if s.number or s.company]
        self._holds = list(view.holds)
        while len(self.shipment_rows) < len(self._shipments):
            self.shipment_rows.append(self._add_row(self._track, len(self.shipment_rows)))
        while len(self.hold_rows) < len(self._holds):
            self.hold_rows.append(self._add_row(self._release, len(self.hold_rows)))
        for index, (label, button) in enumerate(self.shipment_rows):
            shown = index < len(self._shipments)
            label.setVisible(shown)
            button.setVisible(shown and bool(self._shipments[index].url))
            if not shown:
                continue
            shipment = self._shipments[index]
            parts = [
                fmt.date(shipment.shipped_at) if shipment.shipped_at else "",
                shipment.company or "",
                _tr("tracking number {number}").format(number=shipment.number)
                if shipment.number
                else _tr("no tracking number"),
            ]
            label.setText(_tr("Shipped: {what}").format(what=" · ".join(p for p in parts if p)))
            button.setText(_tr("Track shipment"))
            button.setToolTip(shipment.url or "")
        for index, (label, button) in enumerate(self.hold_rows):
            shown = index < len(self._holds)
            label.setVisible(shown)
            button.setVisible(shown)
            if not shown:
                continue
            hold = self._holds[index]
            reason = hold_reason(hold.reason)
            if hold.notes:
                reason += f" ({hold.notes})"
            where = hold.location or _tr("a location")
            label.setText(_tr("On hold at {where}: {reason}").format(where=where, reason=reason))
            button.setText(_tr("Release hold"))
            button.setEnabled(can_release)
            button.setToolTip(
                _tr("Let Shopify fulfill this part of the order again.")
                if can_release
                else _tr("Shopify must be reachable to release the hold.")
            )

    def _add_row(self, clicked: object, index: int) -> tuple[QLabel, QPushButton]:
        label = plain(selectable=True)
        button = QPushButton()
        button.clicked.connect(lambda: clicked(index))  # type: ignore[operator]
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(row)
        return label, button

    def _track(self, index: int) -> None:
        url = self._shipments[index].url if index < len(self._shipments) else None
        if url:
            self.open_url.emit(url)

    def _release(self, index: int) -> None:
        """Asked once: the button waits for the order to be shown again."""
        if index < len(self._holds):
            self.hold_rows[index][1].setEnabled(False)
            self.release_requested.emit(self._holds[index])


class CustomerCard(QWidget):
    """The customer's address, orders, amount spent, tags and note; or what Shopify withheld."""

    def __init__(self) -> None:
        super().__init__()
        self.text = plain(selectable=True)
        self.withheld = plain()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.withheld)

    def show_customer(self, order: Order, view: OrderView, fmt: Formatter) -> None:
        record = view.customer
        lines: list[str] = []
        withheld = ""
        if record is None:
            withheld = _tr(
                "No customer record on this order: a guest checkout, or CancelApp may not read "
                "customers (the read_customers access scope)."
            )
            if order.email:
                lines.append(order.email)
        else:
            if record.withheld:
                withheld = _tr(
                    "Shopify withholds the customer's name, email and address: CancelApp has no "
                    "access to protected customer data. Allow it in the Dev Dashboard (see "
                    "Connect a store's guide), then sync."
                )
            lines += [part for part in (record.name, record.email) if part]
            lines += list(record.address)
            if record.orders is not None:
                count = fmt.locale.toString(record.orders)
                if record.spent is not None:
                    lines.append(
                        _tr("Orders: {count} · spent in all: {spent}").format(
                            count=count, spent=fmt.money(record.spent)
                        )
                    )
                else:
                    lines.append(_tr("Orders: {count}").format(count=count))
            if record.tags:
                lines.append(_tr("Tags: {tags}").format(tags=", ".join(record.tags)))
            if record.note:
                lines.append(_tr("Note: {note}").format(note=record.note.replace("\n", " ")))
        self.text.setText("\n".join(lines))
        self.text.setVisible(bool(lines))
        self.withheld.setText(withheld)
        self.withheld.setVisible(bool(withheld))
