"""Timestamps as fixed-width UTC text, so SQLite's text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime


def to_db_time(moment: datetime) -> str:
    """`2026-11-26T04:30:23.000000+00:00`; naive datetimes are refused (their zone is a guess)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the store keeps aware times only")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_db_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def optional_db_time(moment: datetime | None) -> str | None:
    return None if moment is None else to_db_time(moment)


def optional_from_db_time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)
