"""Approving through the real window an order paid in a three-decimal currency with a fee:
the confirmation shows fils, and the demo shop accepts the refund at that precision."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop
from cancelapp.domain.money import Money
from cancelapp.policy import policy_path
from cancelapp.store.stores import list_stores
from fixtures.main_window import open_approve, open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000

FEE_POLICY = """\
version = 1
[[rules]]
name = "Approve with a fee"
verdict = "approve"
[rules.action]
refund = "original"
fee_percent = 3.3
"""


def test_a_kwd_order_is_approved_with_a_fee_kept_to_the_fils(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    context.settings = replace(context.settings, undo_window_seconds=0)
    with context.database.reading() as conn:
        (store,) = list_stores(conn)
    policy_path(context.paths.config_dir, store.id).write_text(FEE_POLICY, "utf-8")
    order_id = shop.create_order("kwd")
    shop.add_cancel_request(order_id, "Please cancel")
    window = open_window(qtbot, context)  # the first connect's backfill included
    dialog = open_approve(qtbot, window, order_id)
    rows = dict(dialog.rows())
    point = re.escape(dialog.formatter.locale.decimalPoint())
    in_fils = re.compile(rf"(KWD\s)?[\d.,\s]*\d{point}\d{{3}}(\sKWD)?")  # three places
    assert in_fils.fullmatch(rows["Fee kept"]), rows
    refund_rows = [value for label, value in rows.items() if label.startswith("Refund via")]
    assert refund_rows and all(in_fils.fullmatch(v) for v in refund_rows), rows
    preview = dialog.preview
    assert preview.kept_fee is not None and preview.refund_total is not None
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    outcome = finished.args[1]
    assert outcome.status.value == "done", outcome.message
    (refund,) = [r for r in shop.ledger.refunds if r.order_id == order_id]
    assert (refund.amount, refund.currency) == (preview.refund_total.amount, "KWD")
    assert Money(refund.amount, "KWD").fits_currency()
    paid = sum(t.amount for t in shop.order(order_id).transactions if t.kind == "SALE")
    assert refund.amount + preview.kept_fee.amount == paid
    assert preview.kept_fee.amount == (paid * Decimal("0.033")).quantize(Decimal("0.001"))
    window.close()
