"""Every GraphQL document CancelApp sends validates against Shopify's official schema."""

from __future__ import annotations

import pytest
from graphql import GraphQLSchema, parse, validate

from cancelapp.shopify import documents
from cancelapp.shopify.cost import PAGE_COST_BUDGET, requested_cost
from fixtures import shopify_schema


@pytest.fixture(scope="session")
def stable_schema() -> GraphQLSchema:
    return shopify_schema.stable()


def test_there_are_documents_for_every_area() -> None:
    names = set(documents.names())
    assert {"orders", "order", "shop_info", "order_cancel", "refund_create"} <= names
    assert {
        "requested_order_edit_decline",
        "requested_order_edit_resolve",
        "requested_order_edit_calculate",
        "return_policy_profiles",
    } <= names


@pytest.mark.parametrize("name", documents.names())
def test_document_validates_against_the_released_schema(
    name: str, stable_schema: GraphQLSchema
) -> None:
    errors = validate(stable_schema, parse(documents.load(name)))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize(
    "name",
    [
        "requested_order_edit_decline",
        "requested_order_edit_resolve",
        "requested_order_edit_calculate",
        "return_policy_profiles",
    ],
)
def test_buyer_request_documents_need_the_release_not_the_snapshot(name: str) -> None:
    """They validate only with the supplement: the snapshot predates the release."""
    assert validate(shopify_schema.introspection("2026-10"), parse(documents.load(name)))


@pytest.mark.parametrize("name", documents.names())
def test_query_cost_with_default_page_sizes_leaves_headroom_under_the_cap(name: str) -> None:
    assert requested_cost(documents.load(name)) <= PAGE_COST_BUDGET


@pytest.mark.parametrize("name", ["refund_create", "inventory_adjust_quantities"])
def test_money_and_stock_mutations_carry_an_idempotency_key(name: str) -> None:
    text = documents.load(name)
    assert "$idempotencyKey: String!" in text
    assert "@idempotent(key: $idempotencyKey)" in text
