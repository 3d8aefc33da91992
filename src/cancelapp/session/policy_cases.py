"""What the policy editor previews against, read from the cache in a worker.

The live preview runs the edited policy over the undecided requests; the backtest over the
decided ones, compared with what the merchant did (cancelled: approve; declined: deny;
an order cancelled before the request came: nothing decided).
Requests whose order the cache holds only lean are left out: their verdict would be judged on
an order without its line items.
"""

from __future__ import annotations

from dataclasses import dataclass

from cancelapp.domain.order import Order
from cancelapp.domain.request import CancellationRequest, RequestState
from cancelapp.domain.verdict import Outcome
from cancelapp.policy import PastCase
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
            order = None
            if request.order_id is not None:
                order = load_judged_order(conn, store_id, request.order_id)
                if order is None:
                    continue  # cached lean, or not at all
            if request.state not in _DECIDED:
                requests.append((order, request))
            elif order is not None:
                past.append(PastCase(order, request, _merchant_choice(order, request)))
    return PolicyCases(requests, past)


def _merchant_choice(order: Order, request: CancellationRequest) -> Outcome | None:
    """None for an order cancelled before the request came: nothing the merchant decided."""
    if order.cancelled_at is not None and order.cancelled_at < request.received_at:
        return None
    return _DECIDED[request.state]
