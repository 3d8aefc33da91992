"""Start-up work waits for the first rows to be painted; the store opens after its queue."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.ui.first_paint import when_painted
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


class PaintCounter(QLabel):
    def __init__(self) -> None:
        super().__init__("rows")
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        super().paintEvent(event)


def test_work_waits_for_the_paint_of_a_shown_widget(qtbot: QtBot) -> None:
    label = PaintCounter()
    qtbot.addWidget(label)
    label.show()
    qtbot.waitUntil(lambda: label.paints > 0)
    painted_before: list[int] = []
    label.setText("first rows")
    label.update()
    when_painted(label, lambda: painted_before.append(label.paints))
    qtbot.waitUntil(lambda: bool(painted_before))
    assert painted_before[0] >= 2  # the paint after the new text, not only the first one


def test_a_hidden_widget_does_not_hold_the_work_back(qtbot: QtBot) -> None:
    label = PaintCounter()
    qtbot.addWidget(label)
    ran: list[bool] = []
    when_painted(label, lambda: ran.append(True))
    qtbot.waitUntil(lambda: bool(ran))
    assert label.paints == 0


@pytest.fixture
def context(bare_context: AppContext) -> AppContext:
    return bare_context


def test_the_store_opens_after_its_whole_queue_is_in(
    qtbot: QtBot, context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> None:
    connect_demo(context, make_demo_shop(size=40, bucket_size=100_000, restore_rate=100_000))
    window = open_window(qtbot, context)  # the first sync fills the cache
    cached = len(window.model.index_)
    window.close()
    again = open_window(qtbot, context, start=False)
    events: list[str] = []
    again.queue_loaded.connect(lambda: events.append("first rows"))
    again.queue_completed.connect(lambda: events.append(f"completed {len(again.model.index_)}"))
    again.session_ready.connect(lambda ready: events.append(f"session {ready}"))
    with qtbot.waitSignal(again.session_ready, timeout=WAIT):
        again.start()
    assert events == ["first rows", f"completed {cached}", "session True"]
    qtbot.waitUntil(lambda: again.policy.policy is not None)  # read after the first paint
    again.close()


class RowsAtEachPaint(QObject):
    """How many rows the table held each time the window painted."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.rows: list[int] = []
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rows.append(self.window.model.rowCount())
        return False


def test_a_start_paints_its_first_frame_once_with_the_cached_rows_in_it(
    qtbot: QtBot, context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> None:
    connect_demo(context, make_demo_shop(size=40, bucket_size=100_000, restore_rate=100_000))
    open_window(qtbot, context).close()  # the first sync fills the cache
    window = MainWindow(context)
    qtbot.addWidget(window)
    paints = RowsAtEachPaint(window)
    hidden_when_loaded: list[bool] = []
    window.queue_loaded.connect(lambda: hidden_when_loaded.append(window.isHidden()))
    with qtbot.waitSignal(window.first_rows_painted, timeout=WAIT):
        window.start(open_session=False)
        window.show_with_first_rows()
        assert window.isHidden()  # not shown empty while the first page is read
    assert hidden_when_loaded == [True]
    assert window.isVisible()
    assert paints.rows, "the window never painted"
    assert paints.rows[0] > 0  # its first frame already shows the rows
