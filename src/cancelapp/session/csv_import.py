"""Importing a form's CSV export: the file with the column mapping the merchant chose last
time for the same form (same headers), and remembering the one chosen now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

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
