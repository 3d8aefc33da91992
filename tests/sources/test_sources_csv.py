"""CSV import: encodings, delimiters, Google Forms timestamps, bad and duplicate rows."""

import re
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from cancelapp.domain.request import RequestSource
from cancelapp.sources.csv_import import import_rows, row_key
from cancelapp.sources.csv_mapping import ColumnMapping, CsvField, guess_mapping, header_key
from cancelapp.sources.csv_reading import CELL_LIMIT, SHORTENED_MARK, CsvUnreadable, read_table
from cancelapp.sources.csv_timestamps import parse_timestamp

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

GOOGLE_FORMS = (
    "Timestamp,Email Address,Order number,Why do you want to cancel?\r\n"
    '2026/11/24 10:15:32 AM GMT+1,anna@example.dk,#1001,"Wrong size, sorry"\r\n'
    "2026/11/24 2:05:00 PM GMT+1,bo@example.com,1002,Changed my mind\r\n"
)

DANISH_EXCEL = (
    "Tidsstempel;E-mailadresse;Ordrenummer;Årsag\r\n"
    "24-11-2026 10:15:32;anna@example.dk;1001;Forkert størrelse\r\n"
    "24-11-2026 14:05;bo@example.com;Ordre 1002;Fortrudt\r\n"
)


def test_a_google_forms_export_is_read_and_mapped() -> None:
    table = read_table(GOOGLE_FORMS.encode("utf-8"))
    mapping = guess_mapping(table.headers)
    assert mapping == ColumnMapping(timestamp=0, email=1, order=2, reason=3)
    result = import_rows(table, mapping, COPENHAGEN)
    assert result.bad_rows == []
    first, second = result.requests
    assert first.source is RequestSource.CSV
    assert first.order_name == "#1001"
    assert first.customer_email == "anna@example.dk"
    assert first.text == "Wrong size, sorry"
    assert first.received_at == datetime(2026, 11, 24, 9, 15, 32, tzinfo=UTC)
    assert second.received_at == datetime(2026, 11, 24, 13, 5, tzinfo=UTC)
    assert second.order_name == "#1002"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_danish_excel_exports_with_semicolons_and_either_encoding(encoding: str) -> None:
    table = read_table(DANISH_EXCEL.encode(encoding))
    assert table.delimiter == ";"
    assert table.headers[0] == "Tidsstempel"  # no BOM left in the first header
    assert table.headers[3] == "Årsag"
    mapping = guess_mapping(table.headers)
    assert mapping == ColumnMapping(timestamp=0, email=1, order=2, reason=3)
    result = import_rows(table, mapping, COPENHAGEN)
    assert [r.text for r in result.requests] == ["Forkert størrelse", "Fortrudt"]
    assert [r.order_name for r in result.requests] == ["#1001", "#1002"]
    assert result.requests[1].received_at == datetime(2026, 11, 24, 14, 5, tzinfo=COPENHAGEN)


def test_tab_separated_utf16_unicode_text() -> None:
    text = "Timestamp\tEmail\tOrder\n2026-11-24T10:00:00Z\ta@b.dk\t1001\n"
    table = read_table(text.encode("utf-16"))
    assert (table.delimiter, table.encoding) == ("\t", "utf-16")
    result = import_rows(table, guess_mapping(table.headers), COPENHAGEN)
    assert result.requests[0].received_at == datetime(2026, 11, 24, 10, tzinfo=UTC)


def test_bad_rows_are_listed_with_line_and_reason_never_dropped() -> None:
    text = (
        "Timestamp,Email,Order,Reason\n"
        "2026/11/24 10:00:00,anna@example.dk,1001,ok\n"
        "2026/11/24 10:01:00,anna@example.dk,,no order\n"
        "yesterday,anna@example.dk,1003,bad time\n"
        "2026/11/24 10:03:00,not-an-email,1004,bad email\n"
        "2026/11/24 10:04:00,anna@example.dk\n"
        "\n"
        '2026/11/24 10:05:00,anna@example.dk,1006,"multi\nline reason"\n'
        "2026/11/24 10:00:00,anna@example.dk,1001,ok\n"
        "2026/11/24 10:07:00,anna@example.dk,sometime,bad order\n"
        "2026/11/24 10:08:00,anna@example.dk,1008,ok,extra\n"
        ",anna@example.dk,1009,no time\n"
        "2026/11/24 10:09:00,,,neither order nor email\n"
    )
    table = read_table(text.encode())
    result = import_rows(table, guess_mapping(table.headers), UTC)
    # An email without an order number is a request without an order (it lands unmatched).
    assert [r.order_name for r in result.requests] == ["#1001", None, "#1006"]
    assert result.requests[1].customer_email == "anna@example.dk"
    assert result.requests[2].text == "multi\nline reason"  # as the customer wrote it
    bad = {row.line: row.reason.render_plain() for row in result.bad_rows}
    assert bad == {
        4: "Not a date and time: yesterday",
        5: "Not an email address: not-an-email",
        6: "Row is too short: no order column",
        10: "Same as line 2",
        11: "Not an order number: sometime",
        12: "Row has 5 cells but the header has 4",
        13: "No timestamp",
        14: "No order number and no email",
    }
    assert len(result.requests) + len(result.bad_rows) == len(table.rows)


def test_importing_the_same_file_twice_adds_nothing() -> None:
    table = read_table(GOOGLE_FORMS.encode())
    mapping = guess_mapping(table.headers)
    first = import_rows(table, mapping, UTC)
    held = {r.external_id for r in first.requests}
    longer = read_table(
        (GOOGLE_FORMS + "2026/11/25 9:00:00 AM GMT+1,cy@example.dk,1003,Too slow\r\n").encode()
    )
    second = import_rows(longer, mapping, UTC, known_ids=held)
    assert second.already_imported == 2
    assert [r.order_name for r in second.requests] == ["#1003"]
    assert second.bad_rows == []
    assert row_key(table.rows[0]) == row_key(longer.rows[0])


def test_mappings_are_remembered_per_header_set() -> None:
    table = read_table(GOOGLE_FORMS.encode())
    chosen = guess_mapping(table.headers).with_column(CsvField.REASON, None)
    stored = {header_key(table.headers): chosen.to_json()}
    again = read_table(GOOGLE_FORMS.replace("Timestamp", " timestamp ").encode())
    restored = ColumnMapping.from_json(stored[header_key(again.headers)], len(again.headers))
    assert restored == chosen
    assert ColumnMapping.from_json({"order": 9, "timestamp": "x"}, 4) == ColumnMapping()
    with pytest.raises(ValueError, match="timestamp"):
        import_rows(table, ColumnMapping(order=2), UTC)


def test_danish_headers_with_misleading_words_map_to_the_right_columns() -> None:
    headers = ("Tidsstempel", "Ordrenummer (se din bekræftelses-mail)", "Din e-mail", "Hvorfor?")
    assert guess_mapping(headers) == ColumnMapping(timestamp=0, email=2, order=1, reason=3)


@pytest.mark.parametrize(
    ("value", "day_first", "expected"),
    [
        ("2026/11/24 10:15:32 AM GMT+1", False, datetime(2026, 11, 24, 9, 15, 32, tzinfo=UTC)),
        (
            "2026/11/24 12:15:32 AM GMT-05:30",
            False,
            datetime(2026, 11, 24, 0, 15, 32, tzinfo=timezone(-timedelta(hours=5, minutes=30))),
        ),
        ("11/24/2026 14:05:00", False, datetime(2026, 11, 24, 13, 5, tzinfo=UTC)),
        ("24/11/2026 14.05.00", True, datetime(2026, 11, 24, 13, 5, tzinfo=UTC)),
        ("24.11.2026 14:05", True, datetime(2026, 11, 24, 13, 5, tzinfo=UTC)),
        ("2026-11-24 14:05:00", True, datetime(2026, 11, 24, 13, 5, tzinfo=UTC)),
        ("2026-11-24T14:05:00+02:00", True, datetime(2026, 11, 24, 12, 5, tzinfo=UTC)),
        ("31/02/2026 10:00", True, None),
        ("13:00 24/11/2026", True, None),
        ("2026/11/24 10:15:32 AM GMT+99", False, None),  # no such zone: a bad row, no crash
        ("2026/11/24 10:15:32 AM GMT+23:99", False, None),
    ],
)
def test_timestamp_formats(value: str, day_first: bool, expected: datetime | None) -> None:
    assert parse_timestamp(value, COPENHAGEN, day_first=day_first) == expected


def test_ambiguous_dates_follow_the_file() -> None:
    text = "Tidsstempel,Ordre\n03/04/2026 10:00,1001\n"
    table = read_table(text.encode())
    danish = import_rows(table, guess_mapping(table.headers), UTC)
    assert danish.requests[0].received_at.month == 4  # Danish form: day first
    english = read_table(b"Timestamp,Order\n03/04/2026 10:00,1001\n04/13/2026 10:00,1002\n")
    us = import_rows(english, guess_mapping(english.headers), UTC)
    assert us.requests[0].received_at.month == 3  # 04/13 shows month-first


def test_unreadable_files_say_why() -> None:
    with pytest.raises(CsvUnreadable, match="empty"):
        read_table(b"\n\n")
    with pytest.raises(CsvUnreadable, match="line"):
        read_table(b'Order,Email\n"1001,a@b.dk\n1002,c@d.dk\n')


def test_a_row_with_an_impossible_offset_is_listed_and_the_rest_imported() -> None:
    table = read_table(
        (GOOGLE_FORMS + "2026/11/25 9:00:00 AM GMT+99,cy@example.dk,1003,x\r\n").encode()
    )
    result = import_rows(table, guess_mapping(table.headers), COPENHAGEN)
    assert [r.order_name for r in result.requests] == ["#1001", "#1002"]
    (bad,) = result.bad_rows
    assert bad.line == 4
    assert bad.reason.render_plain() == "Not a date and time: 2026/11/25 9:00:00 AM GMT+99"


def test_a_cell_over_pythons_field_limit_is_shortened_not_the_file_refused() -> None:
    huge = "x" * 200_000  # Python's csv refuses cells over 131,072 characters by default
    table = read_table(
        (GOOGLE_FORMS + f'2026/11/25 9:00:00 AM GMT+1,cy@example.dk,1003,"{huge}"\r\n').encode()
    )
    assert table.shortened_lines == (4,)
    result = import_rows(table, guess_mapping(table.headers), COPENHAGEN)
    assert [r.order_name for r in result.requests] == ["#1001", "#1002", "#1003"]
    kept = result.requests[2].text
    assert kept.startswith("x" * CELL_LIMIT) and kept.endswith(SHORTENED_MARK)
    assert len(kept) == CELL_LIMIT + len(SHORTENED_MARK)


@pytest.mark.parametrize(
    ("start", "says"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", "This is an Excel file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Excel (.xls) file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "This is a PDF file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "picture (PNG)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "picture (JPEG)"),
    ],
    ids=["xlsx", "xls", "pdf", "png", "jpeg"],
)
def test_a_file_chosen_by_mistake_is_named_with_what_to_do(start: bytes, says: str) -> None:
    with pytest.raises(CsvUnreadable, match=re.escape(says)) as caught:
        read_table(start + bytes(range(256)) * 4)
    assert "CSV" in caught.value.phrase.render_plain()
