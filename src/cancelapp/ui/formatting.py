"""Money, dates, durations and core `Phrase`s in the merchant's chosen locale.

One `Formatter` per window, built from the chosen `QLocale` and the store's timezone. Money is
formatted from its Decimal digits (never through a float): the locale gives the separators and
where the currency symbol goes, e.g. `1.234,50 kr.` in Danish and `DKK 1,234.50` in English.
"""

from __future__ import annotations

import datetime as dt
import re
from datetime import UTC, datetime, timedelta, tzinfo
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone

from cancelapp.domain.money import Money
from cancelapp.domain.phrase import Phrase, PhraseArg
from cancelapp.ui.labels import status_words

_PLACEHOLDER = "¤"
_CONTEXT = "Formatter"


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, None, n)


class Formatter:
    def __init__(self, locale: QLocale, timezone: tzinfo | None = None) -> None:
        self.timezone = timezone  # the store's zone; None: the computer's own
        self.use_locale(locale)

    def use_locale(self, locale: QLocale) -> None:
        """Switch language and number formats (the merchant changed the language)."""
        self.locale = locale
        self._positive = locale.toCurrencyString(1, _PLACEHOLDER)
        self._negative = locale.toCurrencyString(-1, _PLACEHOLDER)
        self._own_currency = locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)

    # Money ---------------------------------------------------------------------------------------

    def money(self, money: Money) -> str:
        amount, places = money.shown()  # the currency's own places: JPY 0, KWD 3
        number = self.decimal(abs(amount), places)
        symbol = (
            self.locale.currencySymbol() if money.currency == self._own_currency else money.currency
        )
        pattern = self._negative if amount < 0 else self._positive
        if symbol[:1].isalpha() or symbol[-1:].isalpha():
            pattern = _space_out(pattern)
        return pattern.replace("1", number, 1).replace(_PLACEHOLDER, symbol)

    def decimal(self, value: Decimal, places: int) -> str:
        """A non-negative Decimal with the locale's grouping and decimal point."""
        text = format(value, f",.{places}f")
        whole, _, fraction = text.partition(".")
        whole = whole.replace(",", self.locale.groupSeparator())
        return f"{whole}{self.locale.decimalPoint()}{fraction}" if fraction else whole

    def parse_decimal(self, text: str) -> Decimal | None:
        """A non-negative number typed in the locale's format (`1.234,50` or `2,5` in
        Danish, `1,234.50` in English), or None. Group separators count only where they
        group thousands, so a Danish "2.5" is refused rather than read as 25."""
        cleaned = text.strip().replace("\u00a0", " ")
        group, point = self.locale.groupSeparator(), self.locale.decimalPoint()
        if group in {"\u00a0", "\u202f"}:
            group = " "
        g, p = re.escape(group), re.escape(point)
        if not re.fullmatch(rf"(\d+|\d{{1,3}}({g}\d{{3}})+)({p}\d+)?", cleaned):
            return None
        return Decimal(cleaned.replace(group, "").replace(point, "."))

    # Dates and times -----------------------------------------------------------------------------

    def local(self, moment: datetime) -> datetime:
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return aware.astimezone(self.timezone) if self.timezone else aware.astimezone()

    def date_time(self, moment: datetime) -> str:
        """Exact, e.g. `26.11.2026 09.15` (da) or `11/26/26 9:15 AM` (en_US)."""
        return self.locale.toString(_qdatetime(self.local(moment)), QLocale.FormatType.ShortFormat)

    def clock_time(self, moment: datetime) -> str:
        """The time of day to the second in the locale's own form: `14.32.05` (da),
        `2:32:05 PM` (en_US); for a moment seconds away, said once and true while shown."""
        pattern = self.locale.timeFormat(QLocale.FormatType.ShortFormat)
        if "s" not in pattern:
            pattern = re.sub(r"(\W)mm", r"\1mm\1ss", pattern, count=1)
        local = self.local(moment)
        return self.locale.toString(QTime(local.hour, local.minute, local.second), pattern)

    def date(self, moment: datetime) -> str:
        local = self.local(moment)
        qdate = QDate(local.year, local.month, local.day)
        return self.locale.toString(qdate, QLocale.FormatType.ShortFormat)

    def day(self, day: dt.date) -> str:
        """A calendar day as such (a legal deadline), in the locale's short form."""
        qdate = QDate(day.year, day.month, day.day)
        return self.locale.toString(qdate, QLocale.FormatType.ShortFormat)

    def relative(self, moment: datetime, now: datetime) -> str:
        """`just now`, `12 min ago`, `3 h ago`, `2 d ago`; the exact time goes in a tooltip."""
        seconds = (now - moment).total_seconds()
        if seconds < 60:
            return _tr("just now")
        minutes = int(seconds // 60)
        if minutes < 60:
            return _tr("%n min ago", minutes)
        hours = minutes // 60
        if hours < 48:
            return _tr("%n h ago", hours)
        return _tr("%n d ago", hours // 24)

    def relative_short(self, moment: datetime, now: datetime) -> str:
        """`relative` for the queue's Received column, in every tab and width alike: `now`,
        `12 min`, `3 h`, `2 d` (in Danish `nu`, `12 min`, `3 t`, `2 d`, where "for 12 min.
        siden" was cut, and showed beside "13 min" in another tab); the units are
        `duration`'s."""
        seconds = (now - moment).total_seconds()
        if seconds < 60:
            return _tr("now")
        minutes = int(seconds // 60)
        if minutes < 60:
            return _tr("{minutes} min").format(minutes=minutes)
        hours = minutes // 60
        if hours < 48:
            return _tr("{hours} h").format(hours=hours)
        return _tr("{days} d").format(days=hours // 24)

    def duration(self, delta: timedelta) -> str:
        """`3 h 12 min`, `2 d 4 h` (`2 t 4 h`... in the translation's unit symbols)."""
        minutes = int(abs(delta.total_seconds()) // 60)
        days, rest = divmod(minutes, 24 * 60)
        hours, mins = divmod(rest, 60)
        if days:
            if hours:
                return _tr("{days} d {hours} h").format(days=days, hours=hours)
            return _tr("{days} d").format(days=days)
        if hours:
            if mins:
                return _tr("{hours} h {minutes} min").format(hours=hours, minutes=mins)
            return _tr("{hours} h").format(hours=hours)
        return _tr("{minutes} min").format(minutes=mins)

    # Phrases from the core -----------------------------------------------------------------------

    def phrase(self, phrase: Phrase) -> str:
        """Translate the template in its context, then fill in locale-formatted arguments."""
        template = QCoreApplication.translate(phrase.context, phrase.template)
        values = {name: self.argument(value) for name, value in phrase.args.items()}
        try:
            return fill(template, **values)
        except (KeyError, IndexError, ValueError):
            # A translation with a broken placeholder must not hide the message.
            return fill(phrase.template, **values)

    def argument(self, value: PhraseArg) -> str:
        if isinstance(value, Phrase):
            return self.phrase(value)
        if isinstance(value, Money):
            return self.money(value)
        if isinstance(value, timedelta):
            return self.duration(value)
        if isinstance(value, datetime):
            return self.date_time(value)
        if isinstance(value, dt.date):
            return self.day(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return self.locale.toString(value)
        return status_words(str(value))


def fill(template: str, **values: str) -> str:
    """`template.format(**values)`, with one full stop where a value that ends a sentence has
    its own: "refunded {amount}." with "1.948,00 kr." reads "refunded 1.948,00 kr."."""
    for name, value in values.items():
        if value.endswith("."):
            template = template.replace("{" + name + "}.", "{" + name + "}")
    return template.format(**values)


_FIELD = re.compile(r"\{\w*\}")


def keep_together(template: str) -> str:
    """`template` (translated, not yet filled) with each `{value}` kept on the line of the word
    beside it when a label wraps: the space after it is made non-breaking when the word it
    counts follows ("{count} requests"), else the space before it ("paid): {count}"). A
    wrapped line never starts with a number alone."""
    chars = list(template)
    for field in _FIELD.finditer(template):
        start, end = field.span()
        if template[end : end + 1] == " " and template[end + 1 : end + 2] not in ("", "·", "{"):
            chars[end] = "\u00a0"
        elif start and template[start - 1] == " ":
            chars[start - 1] = "\u00a0"
    return "".join(chars)


def _space_out(pattern: str) -> str:
    """`¤1` becomes `¤ 1` (non-breaking) when the symbol is a code such as DKK."""
    if _PLACEHOLDER + "1" in pattern:
        return pattern.replace(_PLACEHOLDER + "1", _PLACEHOLDER + "\u00a01")
    if "1" + _PLACEHOLDER in pattern:
        return pattern.replace("1" + _PLACEHOLDER, "1\u00a0" + _PLACEHOLDER)
    return pattern


def _qdatetime(local: datetime) -> QDateTime:
    offset = local.utcoffset() or timedelta(0)
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second),
        QTimeZone.fromSecondsAheadOfUtc(int(offset.total_seconds())),
    )
