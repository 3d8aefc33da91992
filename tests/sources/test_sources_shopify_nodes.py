"""How order nodes become candidates: requested edits (full or partial) and tagged orders."""

from datetime import UTC, datetime
from typing import Any

from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.sources.native_edits import requests_of_order, settled_request
from cancelapp.sources.order_tag import OrderTagConfig, OrderTagSource


def order_node(edits: list[dict[str, Any]], *, more_lines: bool = False) -> dict[str, Any]:
    return {
        "id": "gid://shopify/Order/1",
        "name": "#1001",
        "email": "anna@example.dk",
        "updatedAt": "2026-11-24T10:00:00Z",
        "lineItems": {
            "pageInfo": {"hasNextPage": more_lines},
            "nodes": [
                {"id": "L1", "currentQuantity": 2, "unfulfilledQuantity": 2},
                {"id": "L2", "currentQuantity": 1, "unfulfilledQuantity": 1},
                {"id": "L3", "currentQuantity": 0, "unfulfilledQuantity": 0},  # removed before
            ],
        },
        "requestedOrderEdits": {"nodes": edits},
    }


def edit(status: str = "REQUESTED", **quantities: int) -> dict[str, Any]:
    return {
        "id": f"gid://shopify/RequestedOrderEdit/{status}{len(quantities)}",
        "status": status,
        "requestedAt": "2026-11-24T09:30:00Z",
        "lineItems": {
            "removals": {
                "nodes": [
                    {"quantity": q, "resolvedQuantity": 0, "lineItem": {"id": line}}
                    for line, q in quantities.items()
                ]
            }
        },
    }


def test_asking_for_every_remaining_unit_is_a_full_cancellation() -> None:
    (request,) = requests_of_order(order_node([edit(L1=2, L2=1)]))
    assert request.line_item_ids == ()
    assert request.source is RequestSource.SHOPIFY
    assert request.order_id == "gid://shopify/Order/1"
    assert request.native_edit_id == request.external_id
    assert request.received_at == datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    assert request.settled is None


def test_fewer_units_or_lines_is_a_partial_cancellation() -> None:
    fewer_units, fewer_lines = requests_of_order(order_node([edit(L1=1, L2=1), edit(L1=2)]))
    assert fewer_units.line_item_ids == ("L1", "L2")
    assert fewer_lines.line_item_ids == ("L1",)


def test_a_truncated_order_keeps_the_request_partial() -> None:
    (request,) = requests_of_order(order_node([edit(L1=2, L2=1)], more_lines=True))
    assert request.line_item_ids == ("L1", "L2")


def test_declined_and_resolved_edits_arrive_settled() -> None:
    declined, resolved = requests_of_order(order_node([edit("DECLINED", L1=2), edit("RESOLVED")]))
    assert declined.settled is RequestState.DECLINED
    assert resolved.settled is RequestState.DONE


def test_a_known_request_settles_from_its_status_alone() -> None:
    order = {"id": "gid://shopify/Order/1"}
    declined = settled_request(
        {"id": "E1", "status": "DECLINED", "requestedAt": "2026-11-24T09:30:00Z"}, order
    )
    assert declined is not None
    assert declined.settled is RequestState.DECLINED
    assert (declined.order_id, declined.native_edit_id, declined.external_id) == (
        order["id"],
        "E1",
        "E1",
    )
    # the unstable API's DENIED is no status of 2026-10: nothing is guessed from it
    assert settled_request({"id": "E3", "status": "DENIED", "requestedAt": "x"}, order) is None
    assert settled_request({"id": "E2", "status": "REQUESTED", "requestedAt": "x"}, order) is None


def tagged(**extra: Any) -> dict[str, Any]:
    return {
        "id": "gid://shopify/Order/7",
        "name": "#1007",
        "email": "bo@example.com",
        "updatedAt": "2026-11-24T11:00:00Z",
        "tags": ["VIP", "Cancel-Request"],
        "customAttributes": [],
        **extra,
    }


class NoClient:
    """`request_from` reads nodes only; the client is never called here."""


def test_a_tagged_order_reads_its_reason_and_time() -> None:
    source = OrderTagSource(NoClient(), OrderTagConfig())  # type: ignore[arg-type]
    node = tagged(
        customAttributes=[
            {"key": "cancel_reason", "value": "<b>Forkert</b> størrelse"},
            {"key": "cancel_requested_at", "value": "2026-11-24T08:00:00Z"},
        ]
    )
    request = source.request_from(node)
    assert request is not None
    assert request.text == "<b>Forkert</b> størrelse"  # as written; shown as plain text
    assert request.received_at == datetime(2026, 11, 24, 8, tzinfo=UTC)
    assert request.external_id == "tag:gid://shopify/Order/7"


def test_the_metafield_is_read_when_no_attribute_holds_a_reason() -> None:
    config = OrderTagConfig(reason_metafield=("custom", "cancel_reason"))
    source = OrderTagSource(NoClient(), config)  # type: ignore[arg-type]
    request = source.request_from(tagged(metafield={"value": "Found it cheaper"}))
    assert request is not None
    assert request.text == "Found it cheaper"
    assert request.received_at == datetime(2026, 11, 24, 11, tzinfo=UTC)  # updatedAt


def test_orders_without_the_exact_tag_are_skipped_and_the_search_is_quoted() -> None:
    source = OrderTagSource(NoClient(), OrderTagConfig(tag='annul "x"'))  # type: ignore[arg-type]
    assert source.request_from(tagged()) is None
    since = datetime(2026, 11, 24, 10, tzinfo=UTC)
    assert source.search(since) == 'tag:"annul \\"x\\"" updated_at:>=\'2026-11-24T10:00:00Z\''
