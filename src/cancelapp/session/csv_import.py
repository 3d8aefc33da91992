"""Importing a form's CSV export: the file with the column mapping the merchant chose last
time for the same form (same headers), remembering the one chosen now, and storing the rows
with what became of each (`CsvImported`): the window sums it up in one notice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cancelapp.domain.phrase import Phrase
from cancelapp.shopify.client import ShopifyClient
from cancelapp.sources.csv_import import BadRow, CsvImport
from cancelapp.sources.csv_mapping import ColumnMapping, header_key
from cancelapp.sources.csv_reading import CsvTable, read_table
from cancelapp.store.database import Database
from cancelapp.store.intake_state import load_csv_mapping, save_csv_mapping


@dataclass(frozen=True)
class CsvFile:
    table: CsvTable
    remembered: ColumnMapping | None  # the mapping chosen for this form before, if any


def open_csv(database: Database, store_id: int, path: Path) -> CsvFile:
    """Raises `CsvUnreadable` (with a merchant phrase) or `OSError`."""
    table = read_table(path.read_bytes())
    with database.reading() as conn:
        stored = load_csv_mapping(conn, store_id, header_key(table.headers))
    remembered = None if stored is None else ColumnMapping.from_json(stored, len(table.headers))
    return CsvFile(table, remembered)


def remember_mapping(database: Database, store_id: int, key: str, mapping: ColumnMapping) -> None:
    """Keep the merchant's mapping for the next export of the same form (`header_key`)."""
    with database.transaction() as conn:
        save_csv_mapping(conn, store_id, key, mapping.to_json(), now=datetime.now(UTC))


@dataclass(frozen=True)
class CsvImported:
    """What became of a file's rows once stored; lines as in the file."""

    request_ids: frozenset[int]  # every request stored or added to
    imported: int  # rows stored as new messages
    without_order: tuple[int, ...]  # rows with no order number: in Unmatched, to find by hand
    unmatched: tuple[tuple[int, Phrase], ...]  # rows naming an order not matched, and why
    bad_rows: tuple[BadRow, ...]  # rows that could not be read: not imported
    before: int  # rows held already (an earlier import, the same row twice)

    @property
    def matched(self) -> int:
        return self.imported - len(self.without_order) - len(self.unmatched)


def import_requests(
    database: Database, store_id: int, rows: CsvImport, client: ShopifyClient | None
) -> CsvImported:
    """Store the rows' requests (`store_requests`: an order the cache lacks is read from
    Shopify through `client`) and say what became of each row."""
    from cancelapp.session.refresh import store_requests

    outcome = store_requests(database, store_id, rows.requests, client)
    orderless = {r.external_id for r in rows.requests if r.order_name is None}
    why = sorted((rows.lines[key], key in orderless, reason) for key, reason in outcome.unmatched)
    return CsvImported(
        request_ids=outcome.request_ids,
        imported=outcome.new_messages,
        without_order=tuple(line for line, no_order, _why in why if no_order),
        unmatched=tuple((line, reason) for line, no_order, reason in why if not no_order),
        bad_rows=tuple(rows.bad_rows),
        before=rows.already_imported + len(rows.requests) - outcome.new_messages,
    )
