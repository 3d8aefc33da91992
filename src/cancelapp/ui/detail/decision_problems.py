"""The banner's word on decisions that could not be made, one line per order.

An order's line goes when that order is decided (or its decision comes back), and a line
saying Shopify cannot be reached goes when Shopify answers again; the other orders' lines
stay, as they still hold. Any other line (the order refused, say) also goes once the merchant
has seen it with its order shown and moved on to another: the order's detail says what stands
in its way, and its request waits in the queue, so the banner need not say it for minutes
(seventh QA walkthrough). The newest line is the banner's text, all of them its details.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cancelapp.ui.banner import Words

# (what the banner said for these problems before, what it says now; None: nothing)
Say = Callable[["Words | None", "Words | None"], None]


class DecisionProblems:
    def __init__(self, say: Say, on_screen: Callable[[], str] = lambda: "") -> None:
        self._say = say
        self._on_screen = on_screen  # the name of the order shown now ("" for none)
        self._lines: dict[str, tuple[Words, bool]] = {}  # order name -> words, unreachable
        self._seen: set[str] = set()  # orders whose line was said while they were shown
        self._shown: Words | None = None

    def failed(self, order: str, words: Words, *, unreachable: bool) -> None:
        """`order`'s decision could not be made; `unreachable`: because Shopify could not be
        reached (the line goes when it answers)."""
        self._lines.pop(order, None)  # its newer word replaces it, and is the newest
        self._lines[order] = (words, unreachable)
        self._seen.discard(order)
        if order == self._on_screen():
            self._seen.add(order)
        self._update()

    def decided(self, order: str) -> None:
        self._seen.discard(order)
        if self._lines.pop(order, None) is not None:
            self._update()

    def moved(self) -> None:
        """The merchant shows another order: the lines they saw with their order, and left,
        go, but for those saying Shopify cannot be reached (they hold for every order)."""
        now = self._on_screen()
        left = {order for order in self._seen if order != now and not self._lines[order][1]}
        self._seen -= left
        if now in self._lines:
            self._seen.add(now)
        if left:
            self._lines = {o: line for o, line in self._lines.items() if o not in left}
            self._update()

    def reachable(self) -> None:
        """Shopify answers: what it alone stood in the way of can be decided again."""
        kept = {order: line for order, line in self._lines.items() if not line[1]}
        if len(kept) != len(self._lines):
            self._lines = kept
            self._seen &= kept.keys()
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
