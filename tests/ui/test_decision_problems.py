"""The banner's lines about decisions not made: which go when (`DecisionProblems`)."""

from __future__ import annotations

from cancelapp.ui.banner import Words
from cancelapp.ui.detail.decision_problems import DecisionProblems


def line(text: str) -> Words:
    return lambda: (text, None)


class Banner:
    """What the banner shows: the newest line, as `DecisionProblems` says it."""

    def __init__(self) -> None:
        self.text = ""

    def say(self, _before: Words | None, words: Words | None) -> None:
        self.text = "" if words is None else words()[0]


def test_a_line_goes_once_seen_with_its_order_and_left_but_offline_ones_stay() -> None:
    banner, shown = Banner(), ["#1001"]
    problems = DecisionProblems(banner.say, lambda: shown[0])
    problems.failed("#1002", line("#1002: offline"), unreachable=True)
    problems.failed("#1001", line("#1001: refused"), unreachable=False)  # on screen
    problems.failed("#1003", line("#1003: refused"), unreachable=False)  # said elsewhere
    assert banner.text == "#1003: refused"

    shown[0] = "#1002"
    problems.moved()  # #1001 was seen and left; #1003 never shown
    assert banner.text == "#1003: refused"
    shown[0] = "#1003"
    problems.moved()
    assert banner.text == "#1003: refused"  # seen now, still its order
    shown[0] = "#1001"
    problems.moved()
    assert banner.text == "#1002: offline"  # holds until Shopify answers
    problems.reachable()
    assert banner.text == ""
