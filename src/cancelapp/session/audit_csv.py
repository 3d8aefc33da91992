"""Audit entries for every action and result, and the log exported as CSV.

Who: the staff name from settings, else the operating-system user. The log itself is the
store's append-only `audit_log` table (`cancelapp.store.audit`), sealed as a chain
(`cancelapp.store.audit_chain`); the chain's head is the export's last row, so a printed or
mailed copy can be held against the file later.

The CSV opens as a table in the merchant's spreadsheet: UTF-8 with a BOM (Excel otherwise
guesses a legacy code page), and where the decimal separator is a comma (Danish) the fields
are separated by `;` and amounts written with a comma, so Excel reads them as numbers.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TextIO

from cancelapp.domain.money import Money
from cancelapp.domain.shopify_ids import short_id
from cancelapp.store.audit import AuditEntry, audit_parties, list_audit
from cancelapp.store.audit_chain import ChainHead
from cancelapp.store.database import Database

CSV_COLUMNS = (
    "time_utc",
    "who",
    "what",
    "what_words",  # `what` in the merchant's language; `what` stays the code, for programs
    "order",
    "customer",
    "amount",
    "currency",
    "shopify_ids",
    "request_id",
    "action_id",
    "detail",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHAIN_HEAD = "audit chain head"
BOM = "\ufeff"


@dataclass(frozen=True)
class CsvStyle:
    """How the merchant's spreadsheet reads numbers: `decimal` "," goes with `;` fields."""

    decimal: str = "."

    @property
    def separator(self) -> str:
        return ";" if self.decimal == "," else ","


def export_csv(
    db: Database,
    out: TextIO,
    store_id: int | None = None,
    *,
    head: ChainHead | None,
    style: CsvStyle = CsvStyle(),
    words: Mapping[str, str] | None = None,
) -> int:
    """Write the whole log, oldest first, then the chain's head; returns the entries written.
    `words`: each code's words in the merchant's language (a code without them is written as
    it is)."""
    with db.reading() as conn:
        entries = list_audit(conn, store_id, limit=-1)  # SQLite: a negative LIMIT means none
        parties = audit_parties(conn, store_id)
    return write_csv(reversed(entries), parties, out, head=head, style=style, words=words)


def write_csv(
    entries: Iterable[AuditEntry],
    parties: dict[int, tuple[str, str]],
    out: TextIO,
    *,
    head: ChainHead | None,
    style: CsvStyle,
    words: Mapping[str, str] | None = None,
) -> int:
    out.write(BOM)
    words = words or {}
    writer = csv.writer(out, delimiter=style.separator, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    rows = 0
    for entry in entries:
        order, customer = parties.get(entry.id or 0, ("", ""))
        order = order or short_id(entry.order_gid or "")
        writer.writerow(
            [
                entry.at.strftime("%Y-%m-%d %H:%M:%S"),
                spreadsheet_text(entry.who),
                spreadsheet_text(entry.what),
                spreadsheet_text(words.get(entry.what, entry.what)),
                spreadsheet_text(order),
                spreadsheet_text(customer),
                "" if entry.amount is None else _number(entry.amount, style),
                "" if entry.amount is None else entry.amount.currency,
                spreadsheet_text(" ".join(short_id(gid) for gid in entry.shopify_ids)),
                "" if entry.request_id is None else entry.request_id,
                "" if entry.action_id is None else entry.action_id,
                spreadsheet_text(json.dumps(entry.detail, ensure_ascii=False, sort_keys=True)),
            ]
        )
        rows += 1
    sealed = "not sealed (no key)" if head is None else head.as_text()
    head_row = [""] * len(CSV_COLUMNS)
    head_row[1], head_row[2], head_row[-1] = "CancelApp", CHAIN_HEAD, sealed
    writer.writerow(head_row)
    return rows


def _number(money: Money, style: CsvStyle) -> str:
    """At the currency's own places (DKK 648.00, JPY 500), with the spreadsheet's separator."""
    amount, places = money.shown()
    return format(amount, f".{places}f").replace(".", style.decimal)


def spreadsheet_text(text: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: quote them as text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
