"""Asking a fulfillment service to cancel, as the approve preview offers it: the request goes
with the merchant's message, then the order is read again so the pane shows it waiting at
once. The next syncs follow the fulfillment orders' `requestStatus`; approving again then
cancels and refunds, or says the warehouse refused (`actions/prepare/warehouse.py`)."""

from __future__ import annotations

from cancelapp.actions import Outcome, OutcomeStatus
from cancelapp.domain.action import ActionKind
from cancelapp.session.refresh import StoreSession, refresh_order


def read_after_asking(session: StoreSession, outcome: Outcome) -> None:
    """A request to the warehouse was sent: cache the order as it now stands."""
    if outcome.kind is ActionKind.CANCELLATION_REQUEST and outcome.status is OutcomeStatus.DONE:
        refresh_order(session, outcome.order_id)
