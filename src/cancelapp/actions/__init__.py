"""The money-moving pipeline: cancel, refund, restock, decline, hold. Qt-free.

The UI calls an `ActionRunner` from a worker thread (one runner per store, shared by workers;
it opens a SQLite connection per thread and holds the per-order lock):

    runner = ActionRunner(db_or_path, client, staff_name, settings=ActionSettings(...))
    runner.reconcile_unfinished()      # at start-up (and on reconnect): finish what was sending
    plan = runner.prepare_approve(request_id, verdict.action)    # reads the order fresh
    plan.preview                       # refund per transaction and gateway, restock per
                                       # location, e-mail or not, tag/note, warnings, and
                                       # confirm_label: Phrase("Cancel and refund {amount}")
    outcome = runner.execute(plan)     # DONE | FAILED | CONFLICT (nothing sent) | PENDING
                                       # (sent, unconfirmed) | BUSY | QUEUED (offline)
    queued = runner.enqueue(plan)      # undo window: sent by run_due() once
    runner.take_back(queued.action_id) #   settings.undo_seconds have passed, unless taken back
    runner.run_due()                   # from a timer, and on reconnect
    runner.prepare_decline(request_id, reason); runner.prepare_hold(request_id)
    runner.prepare_restock(order_id, store_id=…)
    plans, refused, summary = runner.prepare_bulk([(request_id, action), …])
    runner.execute(plan)               # per plan, after one confirmation showing `summary`:
                                       # one task per order on the window's worker pool;
    runner.enqueue(plan, held=True)    # or, with an undo window, queued first (run_due
    runner.send_queued(action_id)      #   skips it) and sent by the bulk once it is over
    runner.busy(store_id, order_id)    # disable the order's buttons while True
    runner.stop()                      # at shutdown: interrupts waits; the journal keeps the rest

Customer replies: `reply.compose_reply(kind, locale=…, …)` (Danish or English) and
`Reply.mailto_url`. The audit log: `cancelapp.store.audit.list_audit`, `audit.export_csv`.

Money safety, in order: every plan is previewed from Shopify's own `suggestedRefund` (never
more than its maximum refundable); right before sending, the order is read again in one lean
request (`runner.verify`: status, totals, refunds, line quantities, shipments and the
suggested refund) and any change that the decision rested on stops the plan with a
`Conflict` (nothing sent); the plan and its idempotency keys are committed to the journal
before the first request; each step is journaled as sending before it leaves and as done
after its outcome is confirmed; `orderCancel` is followed through its job and confirmed by
reading the order; a step whose answer was lost is resolved from the order's real state:
keyed calls go again with the same key, tags and notes only if missing, and a lost
`orderCancel` is looked for on the order until its grace period has passed and is sent again
only if the order is still not cancelled and re-verifies unchanged. One unfinished action per
order (database constraint, plus an in-process lock). Offline, `execute` queues the plan;
`run_due` sends it after re-verification on reconnect. Every step and result goes to the
audit log (who, when, what, amounts, Shopify ids), in the same transaction as the journal
state it describes.
"""

from cancelapp.actions.carry_out.verify import Conflict
from cancelapp.actions.outcome import Outcome, OutcomeStatus
from cancelapp.actions.prepare.action_plan import ActionPlan, ActionSettings, PlanRefused
from cancelapp.actions.prepare.preview import BulkSummary, Preview, RefundLine, RestockLine
from cancelapp.actions.runner import ActionRunner

__all__ = [
    "ActionPlan",
    "ActionRunner",
    "ActionSettings",
    "BulkSummary",
    "Conflict",
    "Outcome",
    "OutcomeStatus",
    "PlanRefused",
    "Preview",
    "RefundLine",
    "RestockLine",
]
