"""Whatever customers and spreadsheets send, parsing answers or says why; it never crashes."""

from datetime import UTC

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cancelapp.sources.csv_import import import_rows
from cancelapp.sources.csv_mapping import guess_mapping
from cancelapp.sources.csv_reading import CsvUnreadable, read_table
from cancelapp.sources.email_text import parse_email
from cancelapp.sources.html_text import html_to_text
from cancelapp.sources.intent import asks_to_cancel
from cancelapp.sources.order_names import find_order_names, order_name_in


@given(st.text(), st.integers(min_value=1000, max_value=99_999_999))
def test_an_order_name_written_with_a_hash_is_always_found(text: str, number: int) -> None:
    found = find_order_names(f"{text} #{number} ")
    assert f"#{number}" in found


@given(st.text(), st.text())
def test_order_names_and_intent_never_fail(subject: str, body: str) -> None:
    name, candidates = order_name_in(subject, body)
    assert name is None or name in candidates
    assert isinstance(asks_to_cancel(subject + body), bool)


@settings(max_examples=200)
@given(st.binary())
def test_any_bytes_parse_as_an_email(raw: bytes) -> None:
    parsed = parse_email(raw)
    assert isinstance(parsed.body, str)


@given(st.text())
def test_any_markup_becomes_text_without_tags(html: str) -> None:
    text = html_to_text(f"<div>{html}</div><script>secret()</script>")
    assert "secret()" not in text


@settings(max_examples=200)
@given(st.binary())
def test_any_bytes_import_or_say_why(data: bytes) -> None:
    try:
        table = read_table(b"Timestamp,Email,Order,Reason\n" + data)
    except CsvUnreadable as unreadable:
        assert unreadable.phrase.render_plain()
        return
    mapping = guess_mapping(table.headers)
    result = import_rows(table, mapping, UTC)
    assert len(result.requests) + len(result.bad_rows) == len(table.rows)


@pytest.mark.timeout(30)
def test_long_runs_of_whitespace_and_cancel_words_are_read_in_linear_time() -> None:
    """Both took minutes before (nested quantifiers; a split of the whole text per word), and
    the mailbox was stuck on such a message; now well under a second."""
    assert find_order_names("order" + " " * 5_000 + "x") == []
    assert find_order_names("Ordre nr. \n\n  #1001") == ["#1001"]
    assert not asks_to_cancel("I do not want to cancel. " * 8_000)
    assert asks_to_cancel("I do not want to cancel. " * 8_000 + "Please cancel #1001")
