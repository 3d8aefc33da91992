"""The intake's own documents validate against Shopify's schemas and the demo shop's."""

from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_schema, parse, validate

from cancelapp.shopify.batching import aliased
from cancelapp.shopify.cost import PAGE_COST_BUDGET, requested_cost
from cancelapp.shopify.page_fit import largest_page
from cancelapp.sources import documents
from fixtures.shopify_schema import for_version as shopify_schema
from fixtures.shopify_schema import introspection

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "src" / "cancelapp" / "demoshop"
# document name -> the API version it is sent to
VERSIONS = {
    "tagged_orders": "2026-10",
    "native_requests": "2026-10",
    "native_request_order": "2026-10",
    "native_request_status": "2026-10",
    "native_order_edits": "2026-10",
}
NATIVE = ("native_requests", "native_request_order", "native_request_status", "native_order_edits")
# sent for many ids at once
BATCHED = ("native_request_order", "native_request_status", "native_order_edits")


@pytest.fixture(scope="module")
def schemas() -> dict[str, GraphQLSchema]:
    return {version: shopify_schema(version) for version in set(VERSIONS.values())}


def test_every_document_is_listed() -> None:
    assert documents.names() == sorted(VERSIONS)


@pytest.mark.parametrize(("name", "version"), VERSIONS.items())
def test_documents_validate_against_shopify(
    name: str, version: str, schemas: dict[str, GraphQLSchema]
) -> None:
    errors = validate(schemas[version], parse(documents.load(name)))
    assert errors == [], [e.message for e in errors]
    assert requested_cost(documents.load(name)) <= PAGE_COST_BUDGET


@pytest.mark.parametrize("name", BATCHED)
def test_batched_documents_stay_valid_when_repeated(
    name: str, schemas: dict[str, GraphQLSchema]
) -> None:
    many = aliased(documents.load(name), 3)
    assert validate(schemas["2026-10"], parse(many)) == []
    assert requested_cost(many) == 3 * requested_cost(documents.load(name))


def test_native_requests_need_the_release_not_the_snapshot() -> None:
    """Buyer requests are in the released 2026-10 (the supplement), not in its snapshot."""
    snapshot = introspection("2026-10")
    for name in NATIVE:
        assert validate(snapshot, parse(documents.load(name))), name


def test_the_lean_native_read_fits_many_orders_a_page() -> None:
    """What makes the native source cheap: no line items for orders without a new edit."""
    lean = documents.load("native_requests")
    assert requested_cost(lean) <= PAGE_COST_BUDGET
    assert largest_page(lean) == 149  # the default: 149 orders a page, with headroom
    assert "lineItems" not in lean


@pytest.mark.parametrize(("name", "version"), VERSIONS.items())
def test_documents_validate_against_the_demo_shop(name: str, version: str) -> None:
    schema_file = DEMO / f"schema_{version}.graphql"
    schema = build_schema(schema_file.read_text(encoding="utf-8"))
    errors = validate(schema, parse(documents.load(name)))
    assert errors == [], [e.message for e in errors]


def test_document_names_are_checked() -> None:
    with pytest.raises(ValueError, match="not a document name"):
        documents.load("../secrets")
