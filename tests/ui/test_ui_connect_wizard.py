"""The connect wizard, driven by qtbot against the demo shop over real HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from cancelapp.demoshop import DEFAULT_SCOPES, DemoShop
from cancelapp.keychain import SecretKind, SecretStore, usable_backend
from cancelapp.session.connect import ConnectedStore, optional_scopes, required_scopes
from cancelapp.store import Database
from cancelapp.store.stores import list_stores
from cancelapp.ui.connect.connect_wizard import ConnectWizard
from cancelapp.ui.workers import WorkerPool
from fixtures.keychain import MemoryKeyring, SecretServiceSession
from fixtures.wizard import WAIT, click_next, connect_shop, finish

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def workers(qtbot: QtBot) -> Iterator[WorkerPool]:
    pool = WorkerPool()
    yield pool
    pool.shutdown()


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "cancelapp.sqlite3")
    yield db
    db.close()


@pytest.fixture
def open_wizard(
    qtbot: QtBot, workers: WorkerPool, database: Database
) -> Callable[[SecretStore], ConnectWizard]:
    def make(secrets: SecretStore) -> ConnectWizard:
        wizard = ConnectWizard(workers, secrets, database)
        qtbot.addWidget(wizard)
        wizard.open()
        return wizard

    return make


def test_the_address_is_checked_and_normalised_as_it_is_typed(
    qtbot: QtBot, open_wizard: Callable[[SecretStore], ConnectWizard], secret_store: SecretStore
) -> None:
    wizard = open_wizard(secret_store)
    page = wizard.shop_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(page.domain_edit, "not a shop!")
    assert not next_button.isEnabled()
    assert "is not a Shopify store address" in page.feedback.text()
    page.domain_edit.clear()
    qtbot.keyClicks(page.domain_edit, "https://admin.shopify.com/store/Nordlys-Keramik/orders")
    assert next_button.isEnabled()
    assert page.feedback.text() == "CancelApp will connect to nordlys-keramik.myshopify.com."
    assert wizard.endpoint is not None and wizard.endpoint.shop == "nordlys-keramik"


def test_connect_with_client_id_and_secret(
    qtbot: QtBot,
    open_wizard: Callable[[SecretStore], ConnectWizard],
    demo_shop: DemoShop,
    memory_keyring: MemoryKeyring,
    database: Database,
) -> None:
    secrets = SecretStore(memory_keyring)
    wizard = open_wizard(secrets)
    qtbot.keyClicks(wizard.shop_page.domain_edit, "nordlys-keramik")
    wizard.use_loopback(demo_shop.base_url)  # the demo shop: by code, never typed
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.guide_page
    assert all(s in wizard.guide_page.required.text() for s in required_scopes())
    assert all(s in wizard.guide_page.optional.text() for s in optional_scopes())
    # How to get the customer's name, email and address (protected customer data).
    assert "protected customer data access" in wizard.guide_page.steps.text()
    assert "name, email and address" in wizard.guide_page.steps.text()
    qtbot.mouseClick(wizard.guide_page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().split(",")[:2] == ["read_orders", "write_orders"]
    click_next(qtbot, wizard)
    page = wizard.credentials_page
    assert page.app_choice.isChecked() and not page.keychain_label.isVisibleTo(wizard)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(page.client_id_edit, demo_shop.client_id)
    qtbot.keyClicks(page.client_secret_edit, demo_shop.client_secret)
    click_next(qtbot, wizard)
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=10_000)
    shop_name = wizard.check_page.shop_info.name if wizard.check_page.shop_info else ""
    status = wizard.check_page.status.text()
    assert shop_name and shop_name in status
    # "Hygge & Co. (demo) (DKK)" read as two asides (QA walkthrough).
    assert f"{shop_name}, which sells in DKK." in status and ") (" not in status
    connected = finish(qtbot, wizard)
    assert connected.name == shop_name and connected.notices == ()
    domain = connected.domain
    assert secrets.load(domain, SecretKind.CLIENT_ID) == demo_shop.client_id
    assert secrets.load(domain, SecretKind.CLIENT_SECRET) == demo_shop.client_secret
    assert set(memory_keyring.passwords) == {
        ("CancelApp", f"{domain}/client-id"),
        ("CancelApp", f"{domain}/client-secret"),
    }
    with database.reading() as conn:
        [store] = list_stores(conn)
    assert (store.id, store.domain, store.name, store.auth_kind) == (
        connected.store_id,
        domain,
        shop_name,
        "client_credentials",
    )
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_connect_with_an_access_token_and_no_keychain(
    qtbot: QtBot,
    open_wizard: Callable[[SecretStore], ConnectWizard],
    demo_shop: DemoShop,
) -> None:
    secrets = SecretStore(None)
    wizard = open_wizard(secrets)
    wizard.use_loopback(demo_shop.base_url)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    page = wizard.credentials_page
    assert page.keychain_label.text() == (
        "Your computer has no keychain CancelApp can use; the token will be forgotten when you "
        "quit."
    )
    assert page.subTitle() == "Paste what Shopify showed you."  # not "kept in your keychain"
    qtbot.mouseClick(page.token_choice, Qt.MouseButton.LeftButton)
    assert page.token_edit.isEnabled() and not page.client_id_edit.isEnabled()
    qtbot.keyClicks(page.token_edit, demo_shop.access_token)
    click_next(qtbot, wizard)
    connected = finish(qtbot, wizard)
    assert [n.render_plain() for n in connected.notices] == [page.keychain_label.text()]
    assert secrets.load(connected.domain, SecretKind.ACCESS_TOKEN) == demo_shop.access_token


def test_missing_scopes_are_shown_and_block_saving(
    qtbot: QtBot,
    open_wizard: Callable[[SecretStore], ConnectWizard],
    make_demo_shop: Callable[..., DemoShop],
    secret_store: SecretStore,
    database: Database,
) -> None:
    shop = make_demo_shop(scopes=DEFAULT_SCOPES - {"write_orders", "read_returns"})
    wizard = open_wizard(secret_store)
    wizard.use_loopback(shop.base_url)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    qtbot.mouseClick(wizard.credentials_page.token_choice, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(wizard.credentials_page.token_edit, shop.access_token)
    click_next(qtbot, wizard)
    page = wizard.check_page
    qtbot.waitUntil(lambda: page.shop_info is not None, timeout=10_000)
    assert "missing access scopes" in page.status.text()
    assert "Without write_orders, CancelApp cannot cancel or refund orders" in page.details.text()
    assert "Without read_returns (optional)" in page.details.text()
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with database.reading() as conn:
        assert list_stores(conn) == []


def test_a_refused_token_is_a_plain_message_and_can_be_corrected(
    qtbot: QtBot,
    open_wizard: Callable[[SecretStore], ConnectWizard],
    demo_shop: DemoShop,
    secret_store: SecretStore,
) -> None:
    wizard = open_wizard(secret_store)
    wizard.use_loopback(demo_shop.base_url)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    page = wizard.credentials_page
    qtbot.mouseClick(page.token_choice, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.token_edit, "shpat_wrong")
    click_next(qtbot, wizard)
    qtbot.waitUntil(
        lambda: "did not accept the access token" in wizard.check_page.status.text(), timeout=10_000
    )
    assert not wizard.check_page.isComplete()
    assert "shpat_wrong" not in wizard.check_page.status.text()
    wizard.back()
    page.token_edit.clear()
    qtbot.keyClicks(page.token_edit, demo_shop.access_token)
    click_next(qtbot, wizard)
    connected = finish(qtbot, wizard)
    assert secret_store.load(connected.domain, SecretKind.ACCESS_TOKEN) == demo_shop.access_token


def test_the_address_the_demo_shop_prints_is_accepted_as_a_demo_shop(
    qtbot: QtBot,
    open_wizard: Callable[[SecretStore], ConnectWizard],
    demo_shop: DemoShop,
    secret_store: SecretStore,
) -> None:
    wizard = open_wizard(secret_store)
    edit = wizard.shop_page.domain_edit
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    for refused in ("http://10.0.0.5:8080", "http://127.0.0.1", "http://127.0.0.1:80/x"):
        edit.clear()
        qtbot.keyClicks(edit, refused)
        assert wizard.endpoint is None and not next_button.isEnabled(), refused
    # What `python -m cancelapp.demoshop` prints: its address, and its Admin API URL.
    for printed in (demo_shop.base_url, demo_shop.graphql_url()):
        edit.clear()
        qtbot.keyClicks(edit, printed)
        assert wizard.endpoint is not None and wizard.endpoint.is_loopback, printed
        assert wizard.endpoint.base_url == demo_shop.base_url
        assert "demo shop on this computer" in wizard.shop_page.feedback.text()
    connected = connect_typed(qtbot, wizard, demo_shop)
    assert connected.domain == wizard.endpoint.domain


def connect_typed(qtbot: QtBot, wizard: ConnectWizard, shop: DemoShop) -> ConnectedStore:
    """On from the address page with Enter on every page: Enter is Next, never "Copy"."""
    qtbot.keyClick(wizard.shop_page.domain_edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.guide_page
    QGuiApplication.clipboard().setText("untouched")
    wizard.guide_page.copy_button.setFocus()
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.credentials_page
    assert QGuiApplication.clipboard().text() == "untouched"
    page = wizard.credentials_page
    qtbot.keyClicks(page.client_id_edit, shop.client_id)
    qtbot.keyClicks(page.client_secret_edit, shop.client_secret)
    qtbot.keyClick(page.client_secret_edit, Qt.Key.Key_Return)
    return finish(qtbot, wizard)


def test_return_on_the_check_page_waits_for_the_check_then_finishes_never_goes_back(
    qtbot: QtBot,
    open_wizard: Callable[[SecretStore], ConnectWizard],
    demo_shop: DemoShop,
    secret_store: SecretStore,
) -> None:
    """Once in QA, Return on the last page showed the token page again: the Back button had
    the focus there (the page's Check again is off while it checks), and Return presses the
    button that has the focus. Driven from the keyboard, the keys going where the focus is."""
    wizard = open_wizard(secret_store)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    wizard.use_loopback(demo_shop.base_url)

    def press_return() -> None:
        focused = QApplication.focusWidget()
        assert focused is not None and focused.window() is wizard
        qtbot.keyClick(focused, Qt.Key.Key_Return)

    press_return()
    press_return()
    page = wizard.credentials_page
    assert wizard.currentPage() is page
    qtbot.mouseClick(page.token_choice, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.token_edit, demo_shop.access_token)
    qtbot.keyClick(page.token_edit, Qt.Key.Key_Return)
    check = wizard.check_page
    assert wizard.currentPage() is check and not check.isComplete()  # checking
    back = wizard.button(QWizard.WizardButton.BackButton)
    assert not back.hasFocus()
    press_return()  # impatient: nothing until the store answers
    assert wizard.currentPage() is check
    qtbot.waitUntil(check.isComplete, timeout=WAIT)
    assert not back.hasFocus()
    # Check again, from the keyboard: off while it checks, the focus does not go to Back.
    check.check_again.setFocus()
    press_return()
    assert not check.isComplete() and not back.hasFocus()
    qtbot.waitUntil(check.isComplete, timeout=WAIT)
    with qtbot.waitSignal(wizard.store_connected, timeout=WAIT):
        press_return()
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_the_guide_scrolls_on_a_laptop_screen(
    qtbot: QtBot, open_wizard: Callable[[SecretStore], ConnectWizard], demo_shop: DemoShop
) -> None:
    wizard = open_wizard(SecretStore(None))
    wizard.use_loopback(demo_shop.base_url)
    wizard.resize(640, 420)  # smaller than the guide: a laptop, large fonts, Danish
    click_next(qtbot, wizard)
    guide = wizard.guide_page
    qtbot.waitUntil(lambda: guide.scroll_area.viewport().height() > 0)
    bar = guide.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0  # the steps and scopes scroll rather than being cut off
    guide.scroll_area.ensureWidgetVisible(guide.optional)
    assert bar.value() > 0
    assert guide.copy_button.isVisible()  # outside the scrolled part: always in reach


def test_an_unreachable_shop_on_a_first_run_says_nothing_is_saved(
    qtbot: QtBot, open_wizard: Callable[[SecretStore], ConnectWizard], demo_shop: DemoShop
) -> None:
    wizard = open_wizard(SecretStore(None))
    wizard.use_loopback(demo_shop.base_url)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    page = wizard.credentials_page
    qtbot.mouseClick(page.token_choice, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.token_edit, demo_shop.access_token)
    demo_shop.stop()
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: "cannot be reached" in wizard.check_page.status.text(), timeout=WAIT)
    text = wizard.check_page.status.text()
    assert "Nothing is saved until your store answers" in text
    assert "saved copy" not in text
    assert not wizard.check_page.isComplete()
    # It says what the button beside it does, not "press Back and Next" (QA walkthrough).
    button = wizard.check_page.check_again
    assert "Back and Next" not in text
    assert f"press {button.text().replace('&', '')} below" in text
    assert button.isVisible() and button.isEnabled()


@pytest.mark.keychain
@pytest.mark.timeout(60)
def test_connecting_puts_the_secret_in_the_real_keychain(
    qtbot: QtBot,
    open_wizard: Callable[[SecretStore], ConnectWizard],
    demo_shop: DemoShop,
    secret_service: SecretServiceSession,
) -> None:
    backend = usable_backend(secret_service.backend())
    assert backend is not None
    wizard = open_wizard(SecretStore(backend))
    connected = connect_shop(qtbot, wizard, demo_shop)
    assert connected.notices == ()
    # A later session reads it back from gnome-keyring.
    again = SecretStore(secret_service.backend())
    assert again.load(connected.domain, SecretKind.CLIENT_SECRET) == demo_shop.client_secret
    again.delete_store(connected.domain)
    assert again.load(connected.domain, SecretKind.CLIENT_ID) is None
