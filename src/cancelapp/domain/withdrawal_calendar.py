"""Counting days the way EU law does (Regulation (EEC, Euratom) No 1182/71): working days,
public holidays and the zone a country's days are counted in.

Denmark's public holidays are computed exactly (helligdagsloven; Store Bededag abolished
from 2024). For the other EU/EEA countries CancelApp counts the holidays most of them share
(1 January, Good Friday, Easter Monday, 1 May, Ascension Day, Whit Monday, 25 and 26
December) as non-working days: counting a day too many only lengthens a period, which
favours the consumer.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded when first used: zoneinfo reads sysconfig, slowing the start
    from zoneinfo import ZoneInfo

# EU member states and the EEA's Iceland, Liechtenstein and Norway (ISO 3166-1 alpha-2, as
# Shopify's `CountryCode`), each with the zone its calendar days are counted in (mainland).
EU_EEA_ZONES: dict[str, str] = {
    "AT": "Europe/Vienna",
    "BE": "Europe/Brussels",
    "BG": "Europe/Sofia",
    "HR": "Europe/Zagreb",
    "CY": "Asia/Nicosia",
    "CZ": "Europe/Prague",
    "DK": "Europe/Copenhagen",
    "EE": "Europe/Tallinn",
    "FI": "Europe/Helsinki",
    "FR": "Europe/Paris",
    "DE": "Europe/Berlin",
    "GR": "Europe/Athens",
    "HU": "Europe/Budapest",
    "IE": "Europe/Dublin",
    "IT": "Europe/Rome",
    "LV": "Europe/Riga",
    "LT": "Europe/Vilnius",
    "LU": "Europe/Luxembourg",
    "MT": "Europe/Malta",
    "NL": "Europe/Amsterdam",
    "PL": "Europe/Warsaw",
    "PT": "Europe/Lisbon",
    "RO": "Europe/Bucharest",
    "SK": "Europe/Bratislava",
    "SI": "Europe/Ljubljana",
    "ES": "Europe/Madrid",
    "SE": "Europe/Stockholm",
    "IS": "Atlantic/Reykjavik",
    "LI": "Europe/Vaduz",
    "NO": "Europe/Oslo",
}


def is_eu_eea(country_code: str | None) -> bool:
    return country_code is not None and country_code.upper() in EU_EEA_ZONES


def zone_of(country_code: str) -> ZoneInfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(EU_EEA_ZONES.get(country_code.upper(), "Europe/Copenhagen"))


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def public_holidays(country_code: str, year: int) -> frozenset[date]:
    easter = easter_sunday(year)

    def after_easter(days: int) -> date:
        return easter + timedelta(days=days)

    if country_code.upper() == "DK":
        days = {
            date(year, 1, 1),  # Nytårsdag
            after_easter(-3),  # Skærtorsdag
            after_easter(-2),  # Langfredag
            easter,  # Påskedag
            after_easter(1),  # 2. påskedag
            after_easter(39),  # Kristi himmelfartsdag
            after_easter(49),  # Pinsedag
            after_easter(50),  # 2. pinsedag
            date(year, 12, 25),  # Juledag
            date(year, 12, 26),  # 2. juledag
        }
        if year < 2024:
            days.add(after_easter(26))  # Store bededag, abolished from 2024
        return frozenset(days)
    return frozenset(
        {
            date(year, 1, 1),
            after_easter(-2),
            after_easter(1),
            date(year, 5, 1),
            after_easter(39),
            after_easter(50),
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


def is_working_day(day: date, country_code: str) -> bool:
    return day.weekday() < 5 and day not in public_holidays(country_code, day.year)


def next_working_day_from(day: date, country_code: str) -> date:
    """`day` itself when it is a working day, else the first working day after it
    (Regulation 1182/71 Art. 3(4))."""
    while not is_working_day(day, country_code):
        day += timedelta(days=1)
    return day


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it has no such day
    (Regulation 1182/71 Art. 3(2)(c))."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")
