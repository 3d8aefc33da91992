"""The sync's own GraphQL documents validate against Shopify's official 2026-10 schema."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_client_schema, parse, validate

from cancelapp.shopify.cost import MAX_QUERY_COST, requested_cost
from cancelapp.sync import documents

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def stable_schema() -> GraphQLSchema:
    folder = Path(os.environ.get("CANCELAPP_SHOPIFY_SCHEMAS", REPO.parent / "shared" / "shopify"))
    path = folder / "admin_2026-10.json.gz"
    if not path.is_file():
        pytest.fail(f"Shopify schema not found at {path}; set CANCELAPP_SHOPIFY_SCHEMAS")
    with gzip.open(path) as raw:
        schema = build_client_schema(json.load(raw)["data"])
    schema._validation_errors = []  # Shopify's schema trips a pre-check: see tests/shopify
    return schema


def test_the_sync_has_a_lean_list_and_a_probe() -> None:
    assert documents.names() == ["order_list", "order_probe"]


@pytest.mark.parametrize("name", documents.names())
def test_sync_document_validates(name: str, stable_schema: GraphQLSchema) -> None:
    errors = validate(stable_schema, parse(documents.load(name)))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize("name", documents.names())
def test_default_page_fits_under_the_cap_and_one_more_order_would_not(name: str) -> None:
    document = documents.load(name)
    assert requested_cost(document) <= MAX_QUERY_COST
    if name == "order_list":
        assert requested_cost(document, {"first": 200}) > MAX_QUERY_COST
