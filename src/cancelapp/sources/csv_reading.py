"""Reading a spreadsheet export whatever its encoding and delimiter.

Google Forms and Sheets write UTF-8 with commas; Excel in Denmark writes cp1252 (or UTF-8 with
a BOM) with semicolons; "Unicode text" is UTF-16 with tabs. Rows keep the line number where
they start in the file, so every problem can be pointed at.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.sources.incoming import CONTEXT

DELIMITERS = (",", ";", "\t")
# Python's csv refuses a whole file for one cell over 131,072 characters; read any cell the
# file holds (the reader is linear), then keep at most CELL_LIMIT characters of it.
FIELD_SIZE_LIMIT = 64 * 1024 * 1024
CELL_LIMIT = 20_000
SHORTENED_MARK = " […]"
# Files people pick by mistake, by their first bytes: what they are, in the merchant's words.
_NOT_CSV = (
    (
        b"PK\x03\x04",
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "This is an Excel file (or another zipped document), not a CSV file. "
            "Open it in Excel and save it with File > Save As > CSV, then import that file.",
        ),
    ),
    (
        b"\xd0\xcf\x11\xe0",
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "This is an old Excel (.xls) file, not a CSV file. Open it in Excel and "
            "save it with File > Save As > CSV, then import that file.",
        ),
    ),
    (
        b"%PDF-",
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "This is a PDF file, not a CSV file. Export the requests as CSV from the "
            "program that made it (Google Forms: Responses > Download responses).",
        ),
    ),
    (
        b"\x89PNG",
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "This is a picture (PNG), not a CSV file. Export the requests as CSV "
            "(Google Forms: Responses > Download responses).",
        ),
    ),
    (
        b"\xff\xd8\xff",
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "This is a picture (JPEG), not a CSV file. Export the requests as CSV "
            "(Google Forms: Responses > Download responses).",
        ),
    ),
)


class CsvUnreadable(ValueError):
    """The file is not a table CancelApp can read; `phrase` says why in the merchant's words."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(phrase.render_plain())
        self.phrase = phrase


@dataclass(frozen=True)
class CsvRow:
    line: int  # 1-based line in the file where the row starts
    cells: tuple[str, ...]


@dataclass(frozen=True)
class CsvTable:
    headers: tuple[str, ...]
    rows: tuple[CsvRow, ...]
    encoding: str
    delimiter: str
    shortened_lines: tuple[int, ...] = ()  # rows with a cell cut to CELL_LIMIT characters


def read_table(data: bytes) -> CsvTable:
    for magic, template in _NOT_CSV:
        if data.startswith(magic):
            raise CsvUnreadable(Phrase(CONTEXT, template))
    text, encoding = decode(data)
    if csv.field_size_limit() < FIELD_SIZE_LIMIT:
        csv.field_size_limit(FIELD_SIZE_LIMIT)
    delimiter = sniff_delimiter(text)
    # strict: an unclosed quote is an error, not the rest of the file swallowed into one cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[CsvRow] = []
    shortened: list[int] = []
    headers: tuple[str, ...] | None = None
    next_line = 1
    try:
        for cells in reader:
            start, next_line = next_line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue  # a blank line holds nothing to lose
            if any(len(cell) > CELL_LIMIT for cell in cells):
                cells = [_shorten(cell) for cell in cells]
                shortened.append(start)
            if headers is None:
                headers = tuple(cell.strip() for cell in cells)
            else:
                rows.append(CsvRow(start, tuple(cells)))
    except csv.Error as exc:
        raise CsvUnreadable(
            Phrase(
                CONTEXT,
                QT_TRANSLATE_NOOP(CONTEXT, "The file is not a valid CSV file near line {line}"),
                {"line": next_line},
            )
        ) from exc
    if headers is None:
        raise CsvUnreadable(Phrase(CONTEXT, QT_TRANSLATE_NOOP(CONTEXT, "The file is empty")))
    return CsvTable(headers, tuple(rows), encoding, delimiter, tuple(shortened))


def _shorten(cell: str) -> str:
    return cell if len(cell) <= CELL_LIMIT else cell[:CELL_LIMIT] + SHORTENED_MARK


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with: BOMs first, then UTF-8, then cp1252."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; those become U+FFFD rather than losing the row.
        return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the candidate it contains most, outside quotes."""
    header = _first_record(text)
    counts = {d: _unquoted_count(header, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _first_record(text: str) -> str:
    in_quotes = False
    for index, char in enumerate(text):
        if char == '"':
            in_quotes = not in_quotes
        elif char in "\r\n" and not in_quotes:
            return text[:index]
    return text


def _unquoted_count(line: str, delimiter: str) -> int:
    count, in_quotes = 0, False
    for char in line:
        if char == '"':
            in_quotes = not in_quotes
        elif char == delimiter and not in_quotes:
            count += 1
    return count
