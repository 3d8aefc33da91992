"""The banner's word on decisions that could not be made, one line per order.

An order's line goes when that order is decided (or its decision comes back), and a line
saying Shopify cannot be reached goes when Shopify answers again; the other orders' lines
stay, as they still hold. The newest line is the banner's text, all of them its details.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cancelapp.ui.banner import Words

# (what the banner said for these problems before, what it says now; None: nothing)
Say = Callable[["Words | None", "Words | None"], None]


class DecisionProblems:
    def __init__(self, say: Say) -> None:
        self._say = say
        self._lines: dict[str, tuple[Words, bool]] = {}  # order name -> words, unreachable
        self._shown: Words | None = None

    def failed(self, order: str, words: Words, *, unreachable: bool) -> None:
        """`order`'s decision could not be made; `unreachable`: because Shopify could not be
        reached (the line goes when it answers)."""
        self._lines.pop(order, None)  # its newer word replaces it, and is the newest
        self._lines[order] = (words, unreachable)
        self._update()

    def decided(self, order: str) -> None:
        if self._lines.pop(order, None) is not None:
            self._update()

    def reachable(self) -> None:
        """Shopify answers: what it alone stood in the way of can be decided again."""
        kept = {order: line for order, line in self._lines.items() if not line[1]}
        if len(kept) != len(self._lines):
            self._lines = kept
            self._update()

    def _update(self) -> None:
        before = self._shown
        self._shown = _together([words for words, _ in self._lines.values()])
        self._say(before, self._shown)


def _together(lines: list[Words]) -> Words | None:
    if not lines:
        return None
    if len(lines) == 1:
        return lines[0]

    def words() -> tuple[str, str | None]:
        said = [line()[0] for line in lines]
        return said[-1], "\n".join(reversed(said))  # the newest first

    return words
