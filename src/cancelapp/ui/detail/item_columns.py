"""How the detail's Items table shares its width: the item's name first, then whole headings
over the numbers, then the name again.

At 1024 px the headings ("Cancelled", "Unfulfilled", "Læg på lager igen") held the number
columns several times wider than their one or two digits, and the names wrapped onto four
lines or more (fourth QA walkthrough). Here a number column is as wide as its numbers (its
heading elided, whole in its tooltip), a name wraps onto at most two lines and is then
elided, and the price never gives way. Plain functions over a text measure, so the sharing
is the same for every font and language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

Measure = Callable[[str], int]  # a text's width in pixels
Elide = Callable[[str, int], str]  # a text elided at its end to a width

# A name wider than this wants no more room: two lines of it hold most product titles.
NAME_WANTS_AT_MOST = 260


def two_line_width(text: str, measure: Measure) -> int:
    """The narrowest width in which `text` wraps onto two lines at most (at spaces)."""
    words = text.split()
    if len(words) < 2:
        return measure(text)
    return min(
        max(measure(" ".join(words[:cut])), measure(" ".join(words[cut:])))
        for cut in range(1, len(words))
    )


def two_lines(text: str, width: int, measure: Measure, elide: Elide) -> str:
    """`text` wrapped at spaces onto at most two lines of `width`, the second elided."""
    words = text.split()
    first: list[str] = []
    while words and (not first or measure(" ".join([*first, words[0]])) <= width):
        first.append(words.pop(0))
    line = " ".join(first)
    if measure(line) > width:  # one word wider than the column
        line = elide(line, width)
    if not words:
        return line
    return line + "\n" + elide(" ".join(words), width)


def heading(text: str, width: int, measure: Measure, elide: Elide) -> str:
    """A column's heading: on one line, or two if it fits whole on two, else elided on one
    ("Ikke se…" under "Ikke" read worse than "Ikke s…")."""
    if measure(text) <= width:
        return text
    if two_line_width(text, measure) <= width:
        return two_lines(text, width, measure, elide)
    return elide(text, width)


@dataclass(frozen=True)
class NumberColumn:
    least: int  # its numbers' width: never narrower
    wrapped: int  # its heading whole on two lines
    whole: int  # its heading whole on one line


def share(
    width: int, fixed: int, name_least: int, name_wants: int, numbers: Sequence[NumberColumn]
) -> tuple[int, list[int]]:
    """The name's width and each number column's, out of `width` less `fixed` (the image,
    the price and the gaps). The name gets up to what it wants (`name_wants`, two lines) and
    never less than `name_least`; then the headings grow whole, on two lines, then on one;
    the rest goes to the name."""
    widths = [column.least for column in numbers]
    spare = width - fixed - sum(widths)
    name = max(name_least, min(spare, min(name_wants, NAME_WANTS_AT_MOST)))
    spare -= name
    for targets in ([c.wrapped for c in numbers], [c.whole for c in numbers]):
        for index, target in enumerate(targets):
            grow = min(max(target - widths[index], 0), max(spare, 0))
            widths[index] += grow
            spare -= grow
    return name + max(spare, 0), widths
