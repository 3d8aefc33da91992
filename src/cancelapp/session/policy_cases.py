"""What the policy editor previews against, read from the cache in a worker.

The live preview runs the edited policy over the undecided requests; the backtest over the
decided ones, compared with what the merchant did (cancelled: approve; declined: deny;
an order cancelled before the request came: nothing decided), each judged against the order
as it was when the merchant decided (`order_at_decision`).
Open requests whose order the cache holds only lean are left out of the preview: their
verdict would be judged on an order without its line items. Decided ones whose order then is
not known (cached lean, or decided outside CancelApp) are counted apart by the backtest.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from cancelapp.domain.order import Order
from cancelapp.domain.request import CancellationRequest, RequestState
from cancelapp.domain.verdict import Outcome
from cancelapp.policy import PastCase
from cancelapp.session.order_at_decision import order_at_decision
from cancelapp.store.database import Database
from cancelapp.store.orders import load_judged_order
from cancelapp.store.requests import list_requests

_OPEN = (RequestState.OPEN, RequestState.FAILED, RequestState.UNMATCHED)
_DECIDED = {RequestState.DONE: Outcome.APPROVE, RequestState.DECLINED: Outcome.DENY}


@dataclass(frozen=True)
class PolicyCases:
    requests: list[tuple[Order | None, CancellationRequest]]  # for the live preview
    past: list[PastCase]  # for the backtest


def load_policy_cases(database: Database, store_id: int) -> PolicyCases:
    requests: list[tuple[Order | None, CancellationRequest]] = []
    past: list[PastCase] = []
    with database.reading() as conn:
        for request in list_requests(conn, store_id, (*_OPEN, *_DECIDED)):
            if request.state in _DECIDED:
                if request.order_id is not None:  # else closed unmatched: no order decided
                    past.append(_past_case(conn, store_id, request, request.order_id))
                continue
            order = None
            if request.order_id is not None:
                order = load_judged_order(conn, store_id, request.order_id)
                if order is None:
                    continue  # cached lean, or not at all
            requests.append((order, request))
    return PolicyCases(requests, past)


def _past_case(
    conn: sqlite3.Connection, store_id: int, request: CancellationRequest, order_id: str
) -> PastCase:
    chose = _DECIDED[request.state]
    order = load_judged_order(conn, store_id, order_id)
    if order is None:
        return PastCase(None, request, chose)  # cached lean: can't tell
    if order.cancelled_at is not None and order.cancelled_at < request.received_at:
        return PastCase(order, request, None)  # nothing the merchant decided
    then = order_at_decision(conn, request, order)
    if then is None:
        return PastCase(None, request, chose)
    return PastCase(then.order, request, chose, then.decided_at)
