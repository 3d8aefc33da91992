"""The language the window speaks and the locale its dates and money follow.

English is the source language, so English needs only its plural forms: a source text holds
one form of a count ("%n order(s)"), `cancelapp_en.qm` says "1 order" and "3 orders".
Installing or removing a translator sends every widget a `LanguageChange` event; widgets
re-read their texts then.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cancelapp.paths import resources_dir
from cancelapp.settings import Language

log = logging.getLogger(__name__)

TRANSLATIONS_SUBDIR = "translations"
APP_CATALOGUE = "cancelapp"
QT_CATALOGUE = "qtbase"  # Qt's own dialog buttons and context menus
ENGLISH_PLURALS = f"{APP_CATALOGUE}_en"  # the singular and plural of each English count


def translations_dir() -> Path:
    return resources_dir() / TRANSLATIONS_SUBDIR


def speaks_danish(language: Language, system: QLocale) -> bool:
    if language is Language.SYSTEM:
        return system.language() == QLocale.Language.Danish
    return language is Language.DANISH


def locale_for(language: Language, system: QLocale | None = None) -> QLocale:
    """The locale for dates and money: the computer's own unless the merchant chose a language.

    English keeps the computer's country where Qt knows that English (`en_DK`, `en_GB`), so a
    Danish shop in English still reads `1.234,50 kr.`-style numbers.
    """
    system = system or QLocale.system()
    if system.language() == QLocale.Language.C:  # no locale set (LANG=C): Qt's bare formats
        system = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    if language is Language.SYSTEM:
        return system
    if language is Language.DANISH:
        return QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, system.territory())


class Translations:
    """Owns the installed translators (Qt drops a translator that Python lets go of)."""

    def __init__(self, app: QCoreApplication, directory: Path | None = None) -> None:
        self._app = app
        self._directory = directory or translations_dir()
        self._installed: list[QTranslator] = []
        self.locale = QLocale.system()

    def apply(self, language: Language, system: QLocale | None = None) -> QLocale:
        """Switch the whole application to `language`; returns the locale now in effect."""
        system = system or QLocale.system()
        locale = locale_for(language, system)
        QLocale.setDefault(locale)
        self.locale = locale
        self._remove_all()
        if speaks_danish(language, system):
            qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
            self._install(QT_CATALOGUE, locale, qt_dir)
            self._install(APP_CATALOGUE, locale, self._directory)
        else:  # whatever the locale's country: the English file, by name
            translator = QTranslator(self._app)
            loaded = translator.load(ENGLISH_PLURALS, str(self._directory))
            self._keep(translator, loaded, f"{ENGLISH_PLURALS} in {self._directory}")
        return locale

    @property
    def installed_count(self) -> int:
        return len(self._installed)

    def _install(self, catalogue: str, locale: QLocale, directory: Path) -> None:
        translator = QTranslator(self._app)
        loaded = translator.load(locale, catalogue, "_", str(directory))
        self._keep(translator, loaded, f"{catalogue} for {locale.name()} in {directory}")

    def _keep(self, translator: QTranslator, loaded: bool, what: str) -> None:
        if not loaded:
            log.warning("no translation %s", what)
            return
        self._app.installTranslator(translator)
        self._installed.append(translator)

    def _remove_all(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._installed.clear()
