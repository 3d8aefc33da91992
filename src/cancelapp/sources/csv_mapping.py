"""Which column holds what: guessed from English and Danish headers, confirmed by the merchant.

A mapping is remembered per set of headers (`header_key`), so the next export of the same form
opens with the merchant's own choice. The caller stores `ColumnMapping.to_json()` under it.
With it goes the zone of the file's times that carry none (`CsvZone`): a form's export
writes the form owner's clock, which need not be the shop's.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class CsvField(StrEnum):
    TIMESTAMP = "timestamp"
    EMAIL = "email"
    ORDER = "order"
    REASON = "reason"


class CsvZone(StrEnum):
    """Whose clock a time without a zone of its own was written by."""

    SHOP = "shop"
    COMPUTER = "computer"  # this computer's
    UTC = "utc"


REQUIRED_FIELDS = (CsvField.TIMESTAMP, CsvField.ORDER)

# Whole words of a header (lower-case) that point at each field, English and Danish.
_HEADER_WORDS: dict[CsvField, tuple[str, ...]] = {
    CsvField.TIMESTAMP: (
        "timestamp",
        "tidsstempel",
        "tidspunkt",
        "date",
        "dato",
        "time",
        "submitted",
        "indsendt",
        "received",
        "modtaget",
        "created",
    ),
    CsvField.EMAIL: (
        "email",
        "e-mail",
        "mail",
        "emailadresse",
        "e-mailadresse",
        "mailadresse",
        "email-adresse",
        "e-mail-adresse",
    ),
    CsvField.ORDER: (
        "order",
        "ordre",
        "ordrenummer",
        "ordrenr",
        "ordernummer",
        "bestilling",
        "bestillingsnummer",
        "ordernumber",
        "order#",
    ),
    CsvField.REASON: (
        "reason",
        "årsag",
        "begrundelse",
        "why",
        "hvorfor",
        "comment",
        "comments",
        "kommentar",
        "kommentarer",
        "message",
        "besked",
        "note",
        "bemærkning",
        "bemærkninger",
    ),
}
_DANISH_WORDS = frozenset({"tidsstempel", "tidspunkt", "dato", "indsendt", "modtaget"})


@dataclass(frozen=True)
class ColumnMapping:
    """Column index per field; None when the file has no such column."""

    timestamp: int | None = None
    email: int | None = None
    order: int | None = None
    reason: int | None = None
    day_first: bool | None = None  # for dates like 3/4/2026; None: decided from the data
    zone: CsvZone = CsvZone.SHOP  # for times without a zone

    def column(self, field: CsvField) -> int | None:
        value: int | None = getattr(self, field.value)
        return value

    def with_column(self, field: CsvField, index: int | None) -> ColumnMapping:
        columns = {f.value: self.column(f) for f in CsvField}
        columns[field.value] = index
        return ColumnMapping(**columns, day_first=self.day_first, zone=self.zone)

    def missing(self) -> list[CsvField]:
        return [f for f in REQUIRED_FIELDS if self.column(f) is None]

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {f.value: self.column(f) for f in CsvField}
        data["day_first"] = self.day_first
        data["zone"] = self.zone.value
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any], column_count: int) -> ColumnMapping:
        """A stored mapping; indexes outside the file's columns are dropped."""

        def index(value: Any) -> int | None:
            ok = isinstance(value, int) and 0 <= value < column_count
            return value if ok else None

        day_first = data.get("day_first")
        zone = data.get("zone")
        return cls(
            **{f.value: index(data.get(f.value)) for f in CsvField},
            day_first=day_first if isinstance(day_first, bool) else None,
            zone=CsvZone(zone) if zone in set(CsvZone) else CsvZone.SHOP,
        )


def header_key(headers: tuple[str, ...]) -> str:
    """Identifies a form's export by its headers, ignoring case and spacing."""
    normal = "\x1f".join(" ".join(h.casefold().split()) for h in headers)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:24]


def guess_mapping(headers: tuple[str, ...]) -> ColumnMapping:
    mapping = ColumnMapping()
    taken: set[int] = set()
    for field in (CsvField.TIMESTAMP, CsvField.EMAIL, CsvField.ORDER, CsvField.REASON):
        for index, header in enumerate(headers):
            if index not in taken and _words(header) & set(_HEADER_WORDS[field]):
                mapping = mapping.with_column(field, index)
                taken.add(index)
                break
    return mapping


def headers_look_danish(headers: tuple[str, ...]) -> bool:
    """Google Forms writes headers and dates in the form owner's language."""
    return any(_words(h) & _DANISH_WORDS for h in headers)


def _words(header: str) -> set[str]:
    return set(re.findall(r"[\w#@-]+", header.casefold()))
