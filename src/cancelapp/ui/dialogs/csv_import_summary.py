"""What a CSV import did, in one notice: how many requests came in, how many found their
order, which rows wait in Unmatched and which could not be read, by their row numbers.

Rows without an order number are no error: they wait in Unmatched for the merchant to find
the order by hand. Only rows that could not be read make the notice an error."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from cancelapp.session.csv_import import CsvImported
from cancelapp.ui.formatting import Formatter

_CONTEXT = "CsvImportSummary"
_ROWS_NAMED = 10  # rows named in the message; the details name every one


def _tr(text: str, n: int) -> str:
    return QCoreApplication.translate(_CONTEXT, text, "", n)


def import_summary(imported: CsvImported, fmt: Formatter) -> tuple[str, str | None]:
    """The notice's text and its details: a line for each row that did not find its order
    or was not imported."""
    what: list[str] = []
    if imported.matched:
        what.append(
            _tr("%n matched to an order", imported.matched)
            if imported.matched == 1
            else _tr("%n matched to orders", imported.matched)
        )
    if lines := imported.without_order:
        what.append(
            (
                _tr("%n without an order number is in Unmatched (row {rows})", len(lines))
                if len(lines) == 1
                else _tr("%n without an order number are in Unmatched (rows {rows})", len(lines))
            ).format(rows=_row_numbers(lines))
        )
    if unmatched := imported.unmatched:
        what.append(
            (
                _tr(
                    "%n whose order could not be matched is in Unmatched (row {rows})",
                    len(unmatched),
                )
                if len(unmatched) == 1
                else _tr(
                    "%n whose orders could not be matched are in Unmatched (rows {rows})",
                    len(unmatched),
                )
            ).format(rows=_row_numbers([line for line, _why in unmatched]))
        )
    sentences: list[str] = []
    if imported.imported:
        head = (
            _tr("Imported %n request", imported.imported)
            if imported.imported == 1
            else _tr("Imported %n requests", imported.imported)
        )
        sentences.append(f"{head}: {', '.join(what)}" if what else head)
    if bad := imported.bad_rows:
        sentences.append(
            (
                _tr("%n row could not be read and was not imported (row {rows})", len(bad))
                if len(bad) == 1
                else _tr("%n rows could not be read and were not imported (rows {rows})", len(bad))
            ).format(rows=_row_numbers([row.line for row in bad]))
        )
    if imported.before:
        sentences.append(
            _tr("%n row was imported before", imported.before)
            if imported.before == 1
            else _tr("%n rows were imported before", imported.before)
        )
    text = sentences[0] if len(sentences) == 1 else ". ".join(sentences) + "."
    in_unmatched = QCoreApplication.translate(_CONTEXT, "Row {line}: {why}; it is in Unmatched")
    no_order = QCoreApplication.translate(_CONTEXT, "no order number")
    said = [(line, in_unmatched.format(line=line, why=no_order)) for line in imported.without_order]
    said += [
        (line, in_unmatched.format(line=line, why=fmt.phrase(why)))
        for line, why in imported.unmatched
    ]
    not_imported = QCoreApplication.translate(_CONTEXT, "Row {line}: {why}; not imported")
    said += [
        (row.line, not_imported.format(line=row.line, why=fmt.phrase(row.reason)))
        for row in imported.bad_rows
    ]
    return text, "\n".join(line for _n, line in sorted(said)) or None


def _row_numbers(lines: Sequence[int]) -> str:
    """ "4, 6 and 9"; a long list cut short."""
    named = [str(line) for line in lines[:_ROWS_NAMED]]
    if len(lines) > _ROWS_NAMED:
        return ", ".join(named) + ", …"
    if len(named) == 1:
        return named[0]
    return QCoreApplication.translate(_CONTEXT, "{first} and {last}").format(
        first=", ".join(named[:-1]), last=named[-1]
    )
