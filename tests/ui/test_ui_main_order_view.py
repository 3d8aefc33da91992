"""Issue 18, point 3: the order as the Shopify admin shows it, in the real window against the
demo shop: items with variant, SKU and image (kept on disk for offline review), shipping and
taxes in the money breakdown, payments in words, tracking and "Release hold", the customer
(and what Shopify withholds without protected customer data access), Shopify's own timeline
beside CancelApp's, and "Open in Shopify admin"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from decimal import Decimal

import httpx
import pytest
from PySide6.QtCore import QLocale, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.money import Money
from cancelapp.session.detail import RequestDetail
from cancelapp.session.product_images import FOLDER, cached_images
from cancelapp.settings import Language
from cancelapp.ui.i18n import Translations
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

WAIT = 30_000


class Browser(QObject):
    """Stands in for the merchant's browser: the URLs CancelApp asked the desktop to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser() -> Iterator[Browser]:
    handler = Browser()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, handler, "open")
    yield handler
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=8, bucket_size=100_000, restore_rate=100_000)


def with_request(
    shop: DemoShop, state: str, *, options: bool = False, age: timedelta = timedelta(0)
) -> str:
    """A new order in `state`, placed `age` ago, with a cancel request now; with `options`,
    one of its items comes in a size or colour."""
    for _ in range(40):
        order_id = shop.create_order(state, created_at=shop.store.now() - age)
        items = shop.order(order_id).line_items
        if not options or any(li.variant and li.variant.options for li in items):
            break
    shop.add_cancel_request(order_id, "Please cancel my order.")
    return order_id


@pytest.fixture
def orders(demo_shop: DemoShop) -> dict[str, str]:
    return {
        "paid": with_request(demo_shop, "paid", options=True),
        "mobilepay": with_request(demo_shop, "mobilepay"),
        "manual_paid": with_request(demo_shop, "manual_paid"),
        "on_hold": with_request(demo_shop, "on_hold"),
        "partially_fulfilled": with_request(
            demo_shop, "partially_fulfilled", age=timedelta(days=2)
        ),
    }


@pytest.fixture
def window(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop, orders: dict[str, str]
) -> MainWindow:
    connect_demo(bare_context, demo_shop)
    return open_window(qtbot, bare_context)


def show(qtbot: QtBot, window: MainWindow, order_id: str) -> RequestDetail:
    """Select the order's request and wait for its detail."""
    with window.context.database.reading() as conn:
        (request_id,) = conn.execute(
            "SELECT id FROM requests WHERE order_gid = ?", (order_id,)
        ).fetchone()
    show_request(qtbot, window, request_id)
    detail = window.current_detail()
    assert detail is not None and detail.order is not None and detail.complete
    return detail


def item_texts(window: MainWindow, row: int) -> list[str]:
    grid = window.detail.items.grid
    return [grid.itemAtPosition(row, c).widget().text() for c in range(1, grid.columnCount())]


def test_items_show_variant_sku_and_an_image_kept_for_offline_review(
    qtbot: QtBot,
    qapp: QApplication,
    window: MainWindow,
    demo_shop: DemoShop,
    orders: dict[str, str],
) -> None:
    order = demo_shop.order(orders["paid"])
    window.resize(1024, 720)  # a laptop's: narrower, the variant and SKU may be elided
    with qtbot.waitSignal(window.details.images_shown, timeout=WAIT):
        show(qtbot, window, orders["paid"])

    def variant_and_sku_shown() -> None:
        for row, item in enumerate(order.line_items, start=1):
            assert item.variant is not None
            title = " ".join(item_texts(window, row)[0].split())  # wrapped onto two lines
            assert title.startswith(item.title[:20])
            assert f"SKU {item.sku}" in title
            if item.variant.options:
                assert f"{item.variant.title} · SKU {item.sku}" in title

    qtbot.waitUntil(variant_and_sku_shown)  # once the pane has its width
    for row, _item in enumerate(order.line_items, start=1):
        image = window.detail.items.rows[row - 1][0]
        assert not image.pixmap().isNull() and image.pixmap().width() <= 40
    # At a laptop's width the items, long names and all, fit the pane: the prices show.
    window.resize(1366, 768)
    window.context.translations = Translations(qapp)
    try:
        window.use_language(Language.DANISH)  # the longest headers
        assert window.detail.items.headers[5].accessibleName() == "Læg på lager igen"
        pane = window.detail
        QApplication.processEvents()  # laid out in Danish
        assert pane.widget().width() <= pane.viewport().width()
        price = pane.items.rows[0][7]
        assert price.mapTo(pane.viewport(), price.rect().topRight()).x() <= pane.viewport().width()
    finally:
        window.context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
    cache = window.context.paths.cache_dir
    urls = window.current_detail().view.image_urls
    assert urls and set(cached_images(cache, urls)) == set(urls)
    assert all(p.parent == cache / FOLDER for p in cached_images(cache, urls).values())
    # Offline, the images come from the disk cache.
    demo_shop.stop()
    table = window.detail.items
    table._images.clear()  # the pane forgets what it showed: only the disk is left
    table._pixmaps.clear()
    with qtbot.waitSignal(window.details.images_shown, timeout=WAIT):
        window.details.reload()
    assert not table.rows[0][0].pixmap().isNull()


def test_money_breakdown_names_shipping_and_taxes_and_adds_up(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    detail = show(qtbot, window, orders["paid"])
    view, money = detail.view, window.detail.money
    names = money.names.text().splitlines()
    values = money.values.text().splitlines()
    fmt = window.formatter.money
    rows = dict(zip(names, values, strict=True))
    assert rows["Shipping (PostNord MyPack Collect)"] == fmt(Money.of("49.00", "DKK"))
    assert view.subtotal is not None and view.shipping is not None and view.tax is not None
    assert view.subtotal + view.shipping == detail.order.total
    assert rows["Total"] == fmt(detail.order.total)
    vat = (detail.order.total.amount / 5).quantize(Decimal("0.01"))  # 25 % included
    assert rows["Moms 25 % (included)"] == fmt(Money.of(vat, "DKK"))
    assert rows["Subtotal"] == fmt(view.subtotal)


@pytest.mark.parametrize(
    ("state", "words"),
    [
        ("paid", "Payment · Shopify Payments, Visa \u2022\u2022\u2022\u2022 4242 · "),
        ("mobilepay", "Payment · MobilePay · "),
        ("manual_paid", "Payment · Manual payment · "),
    ],
)
def test_payments_name_the_gateway_in_words(
    qtbot: QtBot, window: MainWindow, orders: dict[str, str], state: str, words: str
) -> None:
    detail = show(qtbot, window, orders[state])
    text = window.detail.money.transactions.text()
    assert words in text
    assert window.formatter.money(detail.view.payments[0].amount) in text
    assert "shopify_payments" not in text and "manual" not in text.replace("Manual", "")


def test_tracking_opens_the_carrier_and_the_admin_button_opens_the_order(
    qtbot: QtBot,
    window: MainWindow,
    demo_shop: DemoShop,
    orders: dict[str, str],
    browser: Browser,
) -> None:
    order = demo_shop.order(orders["partially_fulfilled"])
    show(qtbot, window, orders["partially_fulfilled"])
    label, track = window.detail.shipments.shipment_rows[0]
    shipment = order.fulfillments[0]
    assert f"PostNord · tracking number {shipment.tracking_number}" in label.text()
    assert not track.isHidden()
    with qtbot.waitSignal(window.detail.url_opened, timeout=WAIT):
        track.click()
    assert browser.opened == [shipment.tracking_url]
    with qtbot.waitSignal(window.detail.url_opened, timeout=WAIT):
        window.detail.admin_button.click()
    admin = f"{demo_shop.base_url}/admin/orders/{order.id}"
    assert browser.opened[-1] == admin
    assert order.name in httpx.get(admin).text  # the demo shop's stand-in for the admin page


def test_release_hold_lets_the_order_ship(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    show(qtbot, window, orders["on_hold"])
    label, release = window.detail.shipments.hold_rows[0]
    assert label.text() == "On hold at Lager København: awaiting payment"
    # Said once (QA walkthrough: "On hold · on hold (other reason)").
    held = window.detail.fulfillment.text()
    assert "Lager København: On hold (awaiting payment)" in held.splitlines()
    assert held.lower().count("on hold") == 1
    assert release.isEnabled() and release.text() == "Release hold"
    with qtbot.waitSignal(window.details.hold_released, timeout=WAIT):
        release.click()
    qtbot.waitUntil(lambda: window.detail.shipments.hold_rows[0][0].isHidden(), timeout=WAIT)
    assert all(fo.status == "OPEN" for fo in demo_shop.order(orders["on_hold"]).fulfillment_orders)
    assert "on hold" not in window.detail.fulfillment.text().lower()
    assert "Release the hold" in window.detail.timeline.text()


def test_a_hold_shopify_refuses_to_release_is_said_on_screen(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    show(qtbot, window, orders["on_hold"])
    demo_shop.release_holds(orders["on_hold"])  # released in Shopify meanwhile
    with qtbot.waitSignal(window.details.problem, timeout=WAIT):
        window.detail.shipments.hold_rows[0][1].click()
    qtbot.waitUntil(lambda: bool(window.banner.text), timeout=WAIT)
    assert "not on hold" in window.banner.text


def test_customer_record_and_what_is_withheld_without_protected_data(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    customer = demo_shop.order(orders["paid"]).customer
    assert customer is not None
    show(qtbot, window, orders["paid"])
    card = window.detail.customer
    lines = card.text.text().splitlines()
    assert lines[:2] == [customer.display_name, customer.email]
    assert customer.address[0] in lines and customer.address[1] in lines
    assert any(line.startswith("Orders: ") and "spent in all: " in line for line in lines)
    assert card.withheld.isHidden()
    demo_shop.withhold_customer_data()
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT):
        window.commands.refresh.trigger()
    qtbot.waitUntil(lambda: not card.withheld.isHidden(), timeout=WAIT)
    assert "protected customer data" in card.withheld.text()
    assert customer.address[0] not in card.text.text()
    assert customer.display_name not in card.text.text()


def test_shopify_timeline_events_sit_beside_cancelapps_in_time_order(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    order = demo_shop.order(orders["partially_fulfilled"])
    show(qtbot, window, orders["partially_fulfilled"])
    lines = window.detail.timeline.text().splitlines()
    placed = next(i for i, t in enumerate(lines) if "placed this order on Online Store." in t)
    fulfilled = next(i for i, t in enumerate(lines) if "Shopify · Lager København fulfilled" in t)
    received = next(i for i, t in enumerate(lines) if "Request received" in t)
    assert lines[placed].endswith(f"Shopify · {order.customer.display_name} placed this order "
                                  "on Online Store.")  # fmt: skip
    assert placed < fulfilled < received  # the request came after the shipment
