from collections.abc import Callable
from dataclasses import replace
import pytest
from PySide6.QtCore import Qt
from cancelapp.context import connect_demo
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from fixtures.main_window import open_window
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

def test_scratch(qtbot, bare_context, make_demo_shop):
    shop = make_demo_shop(size=8, bucket_size=100_000, restore_rate=100_000)
    shop.set_fulfillment_service_answer("none")
    wid = shop.create_order("third_party_accepted")
    shop.add_cancel_request(wid, "Please cancel, I ordered twice.")
    pid = shop.create_order("paid")
    shop.add_cancel_request(pid, "Please cancel, I ordered twice.")
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    connect_demo(bare_context, shop)
    window = open_window(qtbot, bare_context)
    window.queue.show_tab(Tab.NEEDS_DECISION)
    m = window.model
    for r in range(m.rowCount()):
        q = m.queue_row(r)
        print(q.order_name, q.order_gid, m.index(r, Column.VERDICT).data(OUTCOME_ROLE), q.financial_status)
    rows = [r for r in range(m.rowCount()) if m.queue_row(r).order_gid in (wid, pid)]
    from cancelapp.session.bulk import prepare_bulk_approve
    bulk = prepare_bulk_approve(window.session, [m.request_id_at(r) for r in rows])
    print(bulk)
    assert False
