"""Which commands make sense for the selected request now (Qt-free, so it is easy to test).

A request is decidable when the store is online, it is open (or its last action failed),
nothing for its order is queued or on its way, and its order is cached in full: a verdict on
a lean summary would rest on an order without its line items. While a decision is being
prepared (its order read from Shopify), no other can start, on any row: one dialog at a time.
Hold is offered only where Shopify holds: an open fulfillment order no fulfillment service
has been sent (`FulfillmentOrder.holdable`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from cancelapp.domain.order import FulfillmentOrderStatus
from cancelapp.domain.request import RequestState
from cancelapp.session.detail import RequestDetail

_DECIDABLE = frozenset({RequestState.OPEN, RequestState.FAILED})


@dataclass(frozen=True)
class RequestCommands:
    approve: bool = False
    decline: bool = False
    hold: bool = False
    refresh: bool = False
    note: bool = False


def request_commands(
    detail: RequestDetail | None,
    *,
    online: bool,
    in_flight: Collection[int],
    preparing: bool = False,
) -> RequestCommands:
    if detail is None or detail.request.id is None:
        return RequestCommands()
    request, order = detail.request, detail.order
    free = not detail.busy and request.id not in in_flight
    known = order is not None and detail.complete
    decidable = online and free and known and request.state in _DECIDABLE and not preparing
    holdable = decidable and any(
        fo.status is FulfillmentOrderStatus.OPEN and fo.holdable
        for fo in (order.fulfillment_orders if order else ())
    )
    return RequestCommands(
        approve=decidable and not (order is not None and order.is_cancelled),
        decline=decidable,
        hold=holdable,
        refresh=online and order is not None and free,
        note=online and request.id not in in_flight,
    )
