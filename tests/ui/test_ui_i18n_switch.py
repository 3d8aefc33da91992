"""Choosing a language: translators, the default locale, and windows that follow."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from cancelapp.domain.money import Money
from cancelapp.domain.phrase import Phrase
from cancelapp.keychain import SecretKind, SecretStore
from cancelapp.session.connect import missing_optional_scopes
from cancelapp.settings import Language, Settings
from cancelapp.shopify import InvalidShopDomain, ShopInfo
from cancelapp.shopify.shop_info import missing_scopes
from cancelapp.store import Database
from cancelapp.ui.banner import Banner
from cancelapp.ui.connect.connect_pages import translated, translated_scope
from cancelapp.ui.connect.connect_wizard import ConnectWizard
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.i18n import Translations, locale_for, speaks_danish
from cancelapp.ui.queue.queue_delegate import VerdictDelegate
from cancelapp.ui.settings.settings_dialog import SettingsDialog
from cancelapp.ui.status_bar import StatusBar
from cancelapp.ui.workers import WorkerPool

DANISH = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
US_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    previous = QLocale()
    chosen = Translations(qapp)
    yield chosen
    chosen.apply(Language.ENGLISH, US_ENGLISH)
    QLocale.setDefault(previous)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "cancelapp.sqlite3")
    yield db
    db.close()


@pytest.mark.parametrize(
    ("language", "system", "expected", "danish"),
    [
        (Language.SYSTEM, DANISH, "da_DK", True),
        (Language.SYSTEM, GERMAN, "de_DE", False),
        (Language.ENGLISH, DANISH, "en_DK", False),
        (Language.ENGLISH, US_ENGLISH, "en_US", False),
        (Language.DANISH, US_ENGLISH, "da_DK", True),
        (Language.SYSTEM, QLocale.c(), "en_US", False),  # LANG=C: readable dates, not Qt's bare C
    ],
)
def test_language_and_locale_choice(
    language: Language, system: QLocale, expected: str, danish: bool
) -> None:
    assert locale_for(language, system).name() == expected
    assert speaks_danish(language, system) is danish


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_switching_to_danish_changes_texts_and_money(
    qtbot: QtBot, translations: Translations, tmp_path: Path
) -> None:
    translations.apply(Language.ENGLISH, US_ENGLISH)
    dialog = SettingsDialog(Settings(), tmp_path / "s.json", WorkerPool(), SecretStore(None))
    qtbot.addWidget(dialog)
    dialog.open()
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    money = Money(Decimal("1234.50"), "DKK")
    assert dialog.windowTitle() == "Settings"
    assert dialog.tabs.tabText(1) == "Reply templates"
    assert Formatter(QLocale()).money(money) == "DKK\u00a01,234.50"

    locale = translations.apply(Language.DANISH, US_ENGLISH)

    assert locale.name() == "da_DK" and QLocale().name() == "da_DK"
    assert translations.installed_count == 2  # ours and Qt's own
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Indstillinger")  # a posted event
    assert dialog.tabs.tabText(1) == "Svarskabeloner"
    assert cancel.text() == "Annuller"  # Qt's own buttons, from qtbase_da
    assert Formatter(QLocale()).money(money) == "1.234,50\u00a0kr."
    assert translated(InvalidShopDomain("x y").phrase).startswith("“x y” er ikke")

    translations.apply(Language.ENGLISH, US_ENGLISH)
    assert translations.installed_count == 1  # English's own plural forms
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Settings")


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_connect_wizard_and_the_builtin_templates_speak_danish(
    qtbot: QtBot, translations: Translations, database: Database, tmp_path: Path
) -> None:
    translations.apply(Language.ENGLISH, US_ENGLISH)
    wizard = ConnectWizard(WorkerPool(), SecretStore(None), database)
    qtbot.addWidget(wizard)
    wizard.open()
    qtbot.keyClicks(wizard.shop_page.domain_edit, "x y")
    assert wizard.shop_page.feedback.text().startswith("“x y” is not")

    translations.apply(Language.DANISH, US_ENGLISH)

    qtbot.waitUntil(lambda: wizard.windowTitle() == "Forbind en Shopify-butik")
    assert wizard.shop_page.title() == "Din butik"
    assert wizard.shop_page.feedback.text().startswith("“x y” er ikke en Shopify-butiks adresse")
    assert wizard.credentials_page.keychain_label.text().startswith(
        "Din computer har ingen nøglering"
    )
    dialog = SettingsDialog(Settings(), tmp_path / "s.json", WorkerPool(), SecretStore(None))
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(1) == "Svarskabeloner"
    assert dialog.templates_tab.list.accessibleName() == "Svarskabeloner"
    # The texts themselves are the customer's language, whatever the window speaks.
    assert dialog.templates_tab.body_edit.toPlainText().startswith("Kære {name}")


def test_missing_scope_messages_are_danish_through_and_through(
    translations: Translations,
) -> None:
    translations.apply(Language.DANISH, US_ENGLISH)
    info = ShopInfo(
        "Nordlys",
        "n.myshopify.com",
        "DKK",
        "Europe/Copenhagen",
        frozenset(),
        missing_scopes(frozenset({"read_orders"})),
    )
    required = [translated_scope(m.consequence) for m in info.missing_scopes]
    assert "Uden write_orders kan CancelApp ikke annullere eller refundere ordrer" in required[0]
    optional = [translated_scope(p) for p in missing_optional_scopes(info)]
    assert (
        "Uden read_returns (valgfri) kan CancelApp ikke se returneringer, der allerede er åbnet "
        "på en ordre."
    ) in optional


def test_policy_condition_texts_name_statuses_in_danish(translations: Translations) -> None:
    check = Phrase(
        "Policy",
        "payment status {status}; rule: {wanted}",
        {"status": "authorized", "wanted": "paid, authorized"},
    )
    tags = Phrase(
        "Policy", "payment status {status}; rule: {wanted}", {"status": "x", "wanted": "paid, vip"}
    )
    translations.apply(Language.DANISH, US_ENGLISH)
    formatter = Formatter(QLocale())
    assert "autoriseret" in formatter.phrase(check)
    assert "betalt, autoriseret" in formatter.phrase(check)
    # Anything that is not only status words (a tag, a gateway) stays as the merchant wrote it.
    assert "paid, vip" in formatter.phrase(tags)


def test_verdict_badges_are_redrawn_in_the_new_language(translations: Translations) -> None:
    delegate = VerdictDelegate()
    translations.apply(Language.ENGLISH, US_ENGLISH)
    english = delegate._badge("approve", 20, 1.0)
    translations.apply(Language.DANISH, US_ENGLISH)
    danish = delegate._badge("approve", 20, 1.0)
    assert english is not None and danish is not None
    assert danish is not english
    assert {key[1] for key in delegate._badges} == {"Approve", "Godkend"}


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_status_bar_says_the_api_budget_in_the_new_language(
    qtbot: QtBot, translations: Translations
) -> None:
    translations.apply(Language.DANISH, US_ENGLISH)
    status = StatusBar(Formatter(QLocale()))
    qtbot.addWidget(status)
    status.set_budget(1000, 1000)
    danish = status.budget.text()
    translations.apply(Language.ENGLISH, US_ENGLISH)
    status.retranslate()
    assert status.budget.text() == "API budget 100 %" != danish


def test_a_core_message_in_the_banner_is_said_again_in_the_new_language(
    qtbot: QtBot, translations: Translations
) -> None:
    translations.apply(Language.ENGLISH, US_ENGLISH)
    banner = Banner()
    qtbot.addWidget(banner)
    notice = SecretStore(None).no_keychain_notice(SecretKind.AUDIT_KEY)
    assert notice is not None
    formatter = Formatter(QLocale())
    banner.show_phrase(notice, [notice], render=formatter.phrase)
    english = banner.text
    assert english.startswith("Your computer has no keychain")
    translations.apply(Language.DANISH, US_ENGLISH)  # Qt posts the LanguageChange
    qtbot.waitUntil(lambda: banner.text != english)
    danish = banner.text
    assert "keychain" not in danish
    assert banner.details.text() == danish
    banner.show_message("Plain words")  # a message the window already translated stays as is
    translations.apply(Language.ENGLISH, US_ENGLISH)
    banner.retranslate()
    assert banner.text == "Plain words"


def test_a_linked_notice_put_away_comes_back_in_the_language_of_the_moment(
    qtbot: QtBot, translations: Translations
) -> None:
    translations.apply(Language.ENGLISH, US_ENGLISH)
    banner = Banner()
    qtbot.addWidget(banner)

    def words() -> tuple[str, str]:
        tr = QApplication.translate
        return (
            tr("UpdateNotice", "CancelApp {version} is available:").format(version="0.3"),
            tr("UpdateNotice", "what's new"),
        )

    banner.show_notice(words, "https://example.com/v0.3")
    shown = banner.put_away()  # another store is shown
    assert shown is not None and not banner.isVisible()
    translations.apply(Language.DANISH, US_ENGLISH)
    banner.bring_back(shown)
    assert banner.text == "CancelApp 0.3 er udkommet:"
    assert ">se hvad der er nyt<" in banner.link.text()
