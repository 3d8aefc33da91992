"""Asking a fulfillment service to cancel, as the approve preview offers it: send the request,
then read the order again, so the pane shows it waiting at once. The next syncs follow the
fulfillment orders' `requestStatus`; approving again then cancels and refunds, or says the
warehouse refused (`actions/prepare/warehouse.py`)."""

from __future__ import annotations

from cancelapp.actions import ActionPlan, Outcome
from cancelapp.actions.outcome import OutcomeStatus
from cancelapp.session.refresh import StoreSession, refresh_order


def ask_warehouse(session: StoreSession, plan: ActionPlan) -> Outcome:
    outcome = session.runner.execute(plan)
    if outcome.status is OutcomeStatus.DONE:
        refresh_order(session, plan.order_id)
    return outcome
