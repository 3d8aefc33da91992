"""Timestamps as Google Forms, Sheets and Excel write them.

Seen in exports: `2026/11/25 10:15:32 AM GMT+1` (Forms response download), `11/25/2026 10:15:32`
(Sheets, US), `25/11/2026 10.15.32` and `25.11.2026 10:15:32` (Danish), `25-11-2026 10:15`,
ISO 8601 with or without an offset. A time without an offset is in the zone given: the
shop's, unless the merchant chose another in the mapping (`CsvZone`).
Whether `3/4/2026` is 3 April or 4 March is decided once per file (`day_first`).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo

_GMT_OFFSET = re.compile(r"(?:GMT|UTC)\s*+(?:([+-])(\d{1,2})(?::?(\d{2}))?)?\s*+$", re.I)
_YEAR_FIRST = re.compile(r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$")
_YEAR_LAST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?(?:\s*([AaPp])\.?[Mm]\.?)?$")


def parse_timestamp(value: str, tz: tzinfo, *, day_first: bool) -> datetime | None:
    """The moment a cell names, aware; None when it is not a timestamp."""
    text = value.strip()
    if not text:
        return None
    iso = _iso(text, tz)
    if iso is not None:
        return iso
    offset_tz: tzinfo | None = None
    offset = _GMT_OFFSET.search(text)
    if offset:
        text = text[: offset.start()]
        offset_tz = _offset(offset)
        if offset_tz is None:
            return None
    date_part, _, time_part = text.strip().partition(" ")
    date = _date(date_part, day_first=day_first)
    clock = _clock(time_part.strip()) if time_part.strip() else (0, 0, 0)
    if date is None or clock is None:
        return None
    try:
        return datetime(*date, *clock, tzinfo=offset_tz or tz)
    except ValueError:
        return None


def day_first_fits(values: list[str]) -> bool | None:
    """True if some date can only be day-first, False if only month-first, else None."""
    for value in values:
        date_part = value.strip().partition(" ")[0]
        match = _YEAR_LAST.match(date_part)
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            if first > 12 >= second:
                return True
            if second > 12 >= first:
                return False
    return None


def _iso(text: str, tz: tzinfo) -> datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", text):
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)


def _offset(match: re.Match[str]) -> tzinfo | None:
    """The zone of `GMT+1`, `UTC-05:30`; None for an offset no zone has (`GMT+99`)."""
    if match.group(1) is None:
        return UTC
    sign = -1 if match.group(1) == "-" else 1
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 18 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _date(text: str, *, day_first: bool) -> tuple[int, int, int] | None:
    match = _YEAR_FIRST.match(text)
    if match:
        return int(match.group(1)), int(match.group(2)), int(match.group(3))
    match = _YEAR_LAST.match(text)
    if match:
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        return (year, second, first) if day_first else (year, first, second)
    return None


def _clock(text: str) -> tuple[int, int, int] | None:
    match = _TIME.match(text)
    if not match:
        return None
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    meridiem = (match.group(4) or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    return hour, minute, second
