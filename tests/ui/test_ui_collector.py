"""Garbage collection runs on the GUI thread only (see cancelapp.ui.collector)."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from cancelapp.ui.collector import GuiThreadCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_cycles_are_collected_on_the_gui_thread_and_never_by_a_worker(qtbot: QtBot) -> None:
    collector = GuiThreadCollector()
    collector.start()
    try:
        assert not gc.isenabled()
        seen: list[str] = []

        def note(phase: str, _info: dict[str, int]) -> None:
            if phase == "start":
                seen.append(threading.current_thread().name)

        gc.callbacks.append(note)
        try:
            node = _Node()
            gone = weakref.ref(node)
            del node
            worker = threading.Thread(target=lambda: [_Node() for _ in range(50_000)])
            worker.start()  # allocates far past every threshold
            worker.join()
            qtbot.waitUntil(lambda: gone() is None, timeout=5000)
        finally:
            gc.callbacks.remove(note)
        assert seen and set(seen) == {threading.main_thread().name}
    finally:
        collector.stop()
    assert gc.isenabled()
