"""The actions' own GraphQL documents validate against Shopify's official schemas."""

from __future__ import annotations

import pytest
from graphql import parse, validate

from cancelapp.actions import documents
from cancelapp.shopify import documents as client_documents
from cancelapp.shopify.cost import MAX_QUERY_COST, requested_cost
from fixtures.shopify_schema import for_version as schema

OWN = [
    ("cancel_job", "2026-10"),
    ("order_outcome", "2026-10"),
    ("order_basis", "2026-10"),
    ("requested_order_edit_status", "2026-10"),
    ("requested_order_edit_removals", "2026-10"),
]


def test_every_own_document_is_checked() -> None:
    assert client_documents.names("cancelapp.actions") == sorted(name for name, _ in OWN)


@pytest.mark.parametrize(("name", "version"), OWN)
def test_own_document_is_valid(name: str, version: str) -> None:
    errors = validate(schema(version), parse(documents.own(name)))
    assert errors == []
    assert requested_cost(documents.own(name), {}) <= MAX_QUERY_COST


@pytest.mark.parametrize(
    "name",
    [
        "order",
        "suggested_refund",
        "order_cancel",
        "refund_create",
        "inventory_adjust_quantities",
        "tags_add",
        "order_update_note",
        "fulfillment_order_hold",
        "fulfillment_order_release_hold",
        "fulfillment_order_submit_cancellation_request",
        "requested_order_edit_decline",
        "requested_order_edit_resolve",
        "requested_order_edit_calculate",
    ],
)
def test_client_documents_the_actions_send_exist(name: str) -> None:
    assert "mutation" in documents.client(name) or "query" in documents.client(name)
