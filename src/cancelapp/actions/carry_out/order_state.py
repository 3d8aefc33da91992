"""The order as an action left it (`order_outcome.graphql`): the source of truth after a send."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cancelapp.domain.money import Money
from cancelapp.shopify.errors import MalformedResponse

FAILED_TRANSACTION_STATUSES = frozenset({"FAILURE", "ERROR"})


class OrderGone(LookupError):
    """Shopify no longer has the order (deleted): what a step did there cannot be read."""


@dataclass(frozen=True)
class RefundRecord:
    id: str
    note: str | None
    amount: Money  # presentment currency
    transaction_ids: tuple[str, ...]
    transaction_statuses: tuple[str, ...]  # SUCCESS, PENDING, FAILURE, ERROR, …


@dataclass(frozen=True)
class FulfillmentOrderState:
    id: str
    status: str
    request_status: str
    holds: tuple[tuple[str, str | None], ...]  # (hold id, handle)


@dataclass(frozen=True)
class OrderState:
    id: str
    cancelled: bool
    note: str
    tags: tuple[str, ...]
    refunds: tuple[RefundRecord, ...]
    fulfillment_orders: tuple[FulfillmentOrderState, ...]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> OrderState:
        node = data["order"]
        if node is None:
            raise OrderGone("the order no longer exists in Shopify")
        refunds = tuple(_refund(r) for r in node.get("refunds") or ())
        if len({r.amount.currency for r in refunds}) > 1:
            # An order is paid in one presentment currency; refunds in two cannot be added up.
            raise MalformedResponse("the order's refunds are in more than one currency")
        return cls(
            id=str(node["id"]),
            cancelled=node.get("cancelledAt") is not None,
            note=str(node.get("note") or ""),
            tags=tuple(node.get("tags") or ()),
            refunds=refunds,
            fulfillment_orders=tuple(
                FulfillmentOrderState(
                    id=str(fo["id"]),
                    status=str(fo["status"]),
                    request_status=str(fo.get("requestStatus") or ""),
                    holds=tuple(
                        (str(h["id"]), h.get("handle")) for h in fo.get("fulfillmentHolds") or ()
                    ),
                )
                for fo in (node.get("fulfillmentOrders") or {}).get("nodes") or ()
            ),
        )

    def refund_with_reference(self, reference: str) -> RefundRecord | None:
        return next((r for r in self.refunds if reference in (r.note or "")), None)

    def fulfillment_order(self, fo_id: str) -> FulfillmentOrderState | None:
        return next((fo for fo in self.fulfillment_orders if fo.id == fo_id), None)

    def holds_by(self, handle: str) -> list[tuple[str, str]]:
        """(fulfillment order id, hold id) of every hold placed under `handle`."""
        return [
            (fo.id, hold_id)
            for fo in self.fulfillment_orders
            for hold_id, h in fo.holds
            if h == handle
        ]


def _refund(node: dict[str, Any]) -> RefundRecord:
    transactions = (node.get("transactions") or {}).get("nodes") or ()
    return RefundRecord(
        id=str(node["id"]),
        note=node.get("note"),
        amount=Money.from_shopify(node["totalRefundedSet"]["presentmentMoney"]),
        transaction_ids=tuple(str(t["id"]) for t in transactions),
        transaction_statuses=tuple(str(t["status"]) for t in transactions),
    )
