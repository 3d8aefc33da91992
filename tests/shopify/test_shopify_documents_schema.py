"""Every GraphQL document CancelApp sends validates against Shopify's official schema."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_client_schema, parse, validate

from cancelapp.shopify import documents
from cancelapp.shopify.cost import MAX_QUERY_COST, requested_cost

REPO = Path(__file__).resolve().parents[2]


def _schemas_dir() -> Path:
    configured = os.environ.get("CANCELAPP_SHOPIFY_SCHEMAS")
    folder = Path(configured) if configured else REPO.parent / "shared" / "shopify"
    if not (folder / "admin_2026-10.json.gz").is_file():
        pytest.fail(
            f"Shopify schemas not found in {folder}; clone shared/ beside the repo or set "
            "CANCELAPP_SHOPIFY_SCHEMAS"
        )
    return folder


def _load(name: str) -> GraphQLSchema:
    with gzip.open(_schemas_dir() / name) as raw:
        schema = build_client_schema(json.load(raw)["data"])
    # graphql-core 3.3 rejects Shopify's deprecated-field/interface mismatch before validating
    # any document; marking the schema as checked lets documents be validated in full.
    schema._validation_errors = []
    return schema


@pytest.fixture(scope="session")
def stable_schema() -> GraphQLSchema:
    return _load("admin_2026-10.json.gz")


@pytest.fixture(scope="session")
def unstable_schema() -> GraphQLSchema:
    return _load("admin_unstable.json.gz")


def test_there_are_documents_for_every_area() -> None:
    names = set(documents.names())
    assert {"orders", "order", "shop_info", "order_cancel", "refund_create"} <= names
    assert "unstable/requested_edit_decline" in names


@pytest.mark.parametrize("name", documents.names())
def test_document_validates_against_its_schema(
    name: str, stable_schema: GraphQLSchema, unstable_schema: GraphQLSchema
) -> None:
    schema = unstable_schema if name.startswith("unstable/") else stable_schema
    errors = validate(schema, parse(documents.load(name)))
    assert errors == [], [e.message for e in errors]


def test_unstable_documents_really_need_unstable(stable_schema: GraphQLSchema) -> None:
    """If 2026-10 accepted them they would belong in the stable folder."""
    for name in documents.names():
        if name.startswith("unstable/"):
            assert validate(stable_schema, parse(documents.load(name))), name


@pytest.mark.parametrize("name", documents.names())
def test_query_cost_with_default_page_sizes_stays_under_the_cap(name: str) -> None:
    assert requested_cost(documents.load(name)) < MAX_QUERY_COST


@pytest.mark.parametrize("name", ["refund_create", "inventory_adjust_quantities"])
def test_money_and_stock_mutations_carry_an_idempotency_key(name: str) -> None:
    text = documents.load(name)
    assert "$idempotencyKey: String!" in text
    assert "@idempotent(key: $idempotencyKey)" in text
