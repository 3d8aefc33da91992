"""The sync's own GraphQL documents validate against Shopify's official 2026-10 schema."""

from __future__ import annotations

import pytest
from graphql import GraphQLSchema, parse, validate

from cancelapp.shopify.cost import MAX_QUERY_COST, PAGE_COST_BUDGET, requested_cost
from cancelapp.shopify.page_fit import largest_page
from cancelapp.sync import documents
from fixtures import shopify_schema


@pytest.fixture(scope="module")
def stable_schema() -> GraphQLSchema:
    return shopify_schema.stable()


def test_the_sync_has_a_lean_list_a_probe_and_a_span() -> None:
    assert documents.names() == ["order_list", "order_probe", "order_span"]


@pytest.mark.parametrize("name", documents.names())
def test_sync_document_validates(name: str, stable_schema: GraphQLSchema) -> None:
    errors = validate(stable_schema, parse(documents.load(name)))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize("name", documents.names())
def test_default_page_fits_the_budget_and_one_more_order_would_not(name: str) -> None:
    """The budget leaves headroom under Shopify's cap for costs our estimate cannot see."""
    document = documents.load(name)
    assert requested_cost(document) <= PAGE_COST_BUDGET < MAX_QUERY_COST
    if name == "order_list":
        assert largest_page(document) == 179
        assert requested_cost(document, {"first": 180}) > PAGE_COST_BUDGET
