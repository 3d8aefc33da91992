"""The status bar's sync progress says its phase on one line, elided to the bar, the whole
text in its tooltip (third QA walkthrough: "Reading the orders with requests in full in the
background: 20 of 22" wrapped onto two lines and was cut). The real window's first connect."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from fixtures.main_window import open_window, synced

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_sync_progress_is_one_line_elided_with_the_whole_text_on_hover(
    qtbot: QtBot, context: AppContext
) -> None:
    window = open_window(qtbot, context, start=False)
    window.resize(1024, 720)
    bar = window.status.progress
    said: list[tuple[str, str, str]] = []  # whole, shown, tooltip

    def progressed(_done: int, total: int, _phase: str) -> None:
        if total:  # counted (a busy bar shows no text)
            said.append((bar.format(), bar.text(), bar.toolTip()))

    window.sync.progressed.connect(progressed)
    with synced(qtbot, window):
        window.start()
    room = bar.contentsRect().width()
    metrics = bar.fontMetrics()
    assert any("in full in the background" in whole for whole, _s, _t in said)
    for whole, shown, tooltip in said:
        assert tooltip == whole
        assert "\n" not in shown
        assert metrics.horizontalAdvance(shown) < room  # one line: nothing left to wrap
        if metrics.horizontalAdvance(whole) < room - 12:
            assert shown == whole
        else:
            assert shown.endswith("…") and whole.startswith(shown[:-1].rstrip())
    assert any(shown != whole for whole, shown, _t in said)  # the long phase was elided
