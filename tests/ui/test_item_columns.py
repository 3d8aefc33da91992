"""Sharing the detail's Items table out (`item_columns`), with one pixel a character."""

from __future__ import annotations

from cancelapp.ui.detail.item_columns import (
    NAME_WANTS_AT_MOST,
    NumberColumn,
    heading,
    share,
    two_line_width,
    two_lines,
)


def measure(text: str) -> int:
    return len(text)


def elide(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def test_a_name_wraps_onto_two_lines_then_is_elided() -> None:
    name = "Uldplaid Hygge, grå"
    assert two_line_width(name, measure) == len("Hygge, grå")
    assert two_lines(name, 19, measure, elide) == name
    assert two_lines(name, 15, measure, elide) == "Uldplaid Hygge,\ngrå"
    assert two_lines(name, 10, measure, elide) == "Uldplaid\nHygge, grå"
    assert two_lines(name, 9, measure, elide) == "Uldplaid\nHygge, g…"
    assert two_lines("Hørviskestykker", 6, measure, elide) == "Hørvi…"


def test_a_heading_is_whole_on_one_or_two_lines_or_elided_on_one() -> None:
    assert heading("Læg på lager igen", 20, measure, elide) == "Læg på lager igen"
    assert heading("Læg på lager igen", 12, measure, elide) == "Læg på lager\nigen"
    assert heading("Læg på lager igen", 6, measure, elide) == "Læg p…"
    assert heading("Cancelled", 4, measure, elide) == "Can…"


def test_the_name_gets_two_lines_first_then_the_headings_then_the_rest() -> None:
    numbers = [NumberColumn(least=4, wrapped=9, whole=9), NumberColumn(4, 5, 10)]
    # Narrow: the name its two lines, the headings elided over their numbers.
    assert share(40, fixed=12, name_least=8, name_wants=20, numbers=numbers) == (20, [4, 4])
    # Wider: the headings whole, on two lines, then on one; the rest to the name.
    assert share(48, 12, 8, 20, numbers) == (20, [9, 7])
    assert share(60, 12, 8, 20, numbers) == (29, [9, 10])
    # Too narrow even for two lines: the name never below its least.
    assert share(20, 12, 8, 20, numbers) == (8, [4, 4])
    # A name wanting more than two lines' worth of a long title gets no more first.
    assert share(1000, 0, 8, 10_000, [])[0] == 1000
    assert share(NAME_WANTS_AT_MOST, 0, 8, 10_000, numbers)[0] == NAME_WANTS_AT_MOST - 8
