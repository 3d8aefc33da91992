"""CSV import (Google Forms export and similar): rows to request candidates.

Every row either becomes a candidate or is listed as a bad row with its line number and the
reason; nothing is dropped silently. A row with an email but no order number is a candidate
without an order: it lands among the unmatched requests, for the merchant to find the order.
A row's provenance key is a hash of its cells, so the same row imported again (the same file
twice, or a later export of the same form) adds nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import tzinfo

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import RequestSource
from cancelapp.sources.csv_mapping import ColumnMapping, CsvField, headers_look_danish
from cancelapp.sources.csv_reading import CsvRow, CsvTable
from cancelapp.sources.csv_timestamps import day_first_fits, parse_timestamp
from cancelapp.sources.incoming import CONTEXT, IncomingRequest
from cancelapp.sources.order_names import normalise_order_name

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: Phrase
    cells: tuple[str, ...]


@dataclass(frozen=True)
class CsvImport:
    requests: list[IncomingRequest] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    already_imported: int = 0  # rows held from an earlier import: skipped, not bad
    lines: dict[str, int] = field(default_factory=dict)  # each request's line, by provenance key


def row_key(row: CsvRow) -> str:
    """Provenance key of a row: its cells, whatever the file, line or mapping."""
    normal = "\x1f".join(cell.strip() for cell in row.cells)
    return "csv:" + hashlib.sha256(normal.encode("utf-8")).hexdigest()[:32]


def resolve_day_first(table: CsvTable, mapping: ColumnMapping) -> bool:
    """The mapping's choice, else what the dates allow, else the headers' language."""
    if mapping.day_first is not None:
        return mapping.day_first
    column = mapping.timestamp
    if column is not None:
        values = [row.cells[column] for row in table.rows if column < len(row.cells)]
        fits = day_first_fits(values)
        if fits is not None:
            return fits
    return headers_look_danish(table.headers)


def import_rows(
    table: CsvTable, mapping: ColumnMapping, tz: tzinfo, known_ids: Collection[str] = ()
) -> CsvImport:
    """Candidates from every good row; `known_ids` are provenance keys already stored."""
    if mapping.missing():
        raise ValueError(f"mapping lacks {', '.join(f.value for f in mapping.missing())}")
    day_first = resolve_day_first(table, mapping)
    requests: list[IncomingRequest] = []
    bad_rows: list[BadRow] = []
    seen: dict[str, int] = {}
    already = 0
    for row in table.rows:
        key = row_key(row)
        if key in known_ids:
            already += 1
            continue
        if key in seen:
            bad_rows.append(_bad(row, _DUPLICATE, line=seen[key]))
            continue
        seen[key] = row.line
        outcome = _candidate(row, key, mapping, tz, day_first=day_first, width=len(table.headers))
        if isinstance(outcome, BadRow):
            bad_rows.append(outcome)
        else:
            requests.append(outcome)
    return CsvImport(
        requests, bad_rows, already, {r.external_id: seen[r.external_id] for r in requests}
    )


_DUPLICATE = QT_TRANSLATE_NOOP(CONTEXT, "Same as line {line}")
_TOO_MANY = QT_TRANSLATE_NOOP(CONTEXT, "Row has {count} cells but the header has {width}")
_NO_CELL = QT_TRANSLATE_NOOP(CONTEXT, "Row is too short: no {column} column")
_NO_ORDER = QT_TRANSLATE_NOOP(CONTEXT, "No order number and no email")
_BAD_ORDER = QT_TRANSLATE_NOOP(CONTEXT, "Not an order number: {value}")
_NO_TIME = QT_TRANSLATE_NOOP(CONTEXT, "No timestamp")
_BAD_TIME = QT_TRANSLATE_NOOP(CONTEXT, "Not a date and time: {value}")
_BAD_EMAIL = QT_TRANSLATE_NOOP(CONTEXT, "Not an email address: {value}")


def _bad(row: CsvRow, template: str, **args: str | int) -> BadRow:
    return BadRow(row.line, Phrase(CONTEXT, template, dict(args)), row.cells)


def _candidate(
    row: CsvRow,
    key: str,
    mapping: ColumnMapping,
    tz: tzinfo,
    *,
    day_first: bool,
    width: int,
) -> IncomingRequest | BadRow:
    cells = row.cells
    if len(cells) > width and any(c.strip() for c in cells[width:]):
        return _bad(row, _TOO_MANY, count=len(cells), width=width)
    for csv_field in CsvField:
        column = mapping.column(csv_field)
        if column is not None and column >= len(cells):
            return _bad(row, _NO_CELL, column=csv_field.value)

    def cell(csv_field: CsvField) -> str:
        column = mapping.column(csv_field)
        return cells[column] if column is not None else ""

    order_text = cell(CsvField.ORDER).strip()
    email = cell(CsvField.EMAIL).strip()
    order_name = normalise_order_name(order_text)
    if order_name is None and not email:
        return _bad(row, _NO_ORDER)
    if order_name is not None and not order_name.startswith("#"):
        return _bad(row, _BAD_ORDER, value=order_text)
    stamp_text = cell(CsvField.TIMESTAMP).strip()
    if not stamp_text:
        return _bad(row, _NO_TIME)
    received_at = parse_timestamp(stamp_text, tz, day_first=day_first)
    if received_at is None:
        return _bad(row, _BAD_TIME, value=stamp_text)
    if email and not _EMAIL.match(email):
        return _bad(row, _BAD_EMAIL, value=email)
    return IncomingRequest(
        source=RequestSource.CSV,
        external_id=key,
        received_at=received_at,
        text=cell(CsvField.REASON),
        order_name=order_name,
        customer_email=email.lower() or None,
    )
