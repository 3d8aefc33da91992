"""Before the first rows are painted the window holds only what its first frame shows; the
detail pane, the flows and the menus' dialogs follow (`ui/window_flows.py`). A merchant who is
quicker than that still gets what they asked for, and sees no difference in the pane."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.ui.detail.pane_placeholder import DetailPlaceholder
from cancelapp.ui.dialogs.about_dialog import AboutDialog
from cancelapp.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_command_chosen_before_the_first_rows_builds_what_it_needs(
    qtbot: QtBot, bare_context: AppContext
) -> None:
    window = MainWindow(bare_context)
    qtbot.addWidget(window)
    window.show()
    placeholder = window.findChild(DetailPlaceholder)
    assert placeholder is not None and placeholder.isVisible()
    assert placeholder.hint.text() == "Select a request to see its order."
    place, hint = placeholder.parentWidget(), placeholder.hint.text()
    with qtbot.waitSignal(window.flows_built):
        window.commands.about.trigger()  # before start(): nothing painted yet
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    # The pane took the placeholder's place and says the same.
    qtbot.waitUntil(lambda: window.detail.isVisible())
    assert window.detail.parentWidget() is place
    assert window.detail.hint.text() == hint
    assert window.findChild(DetailPlaceholder) is None


def test_the_flows_are_built_once_the_first_frame_is_painted(
    qtbot: QtBot, bare_context: AppContext
) -> None:
    window = MainWindow(bare_context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.first_rows_painted), qtbot.waitSignal(window.flows_built):
        window.start(open_session=False)  # no store: the empty window is the first frame
    qtbot.waitUntil(lambda: window.detail.isVisible())
    assert not window.commands.approve.isEnabled()  # nothing selected to approve
    assert window.commands.settings.isEnabled()
