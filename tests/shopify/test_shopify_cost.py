"""Requested-cost estimates by Shopify's rules, and what documents are safe to resend."""

from __future__ import annotations

import pytest

from cancelapp.shopify import documents
from cancelapp.shopify.cost import MAX_QUERY_COST, requested_cost
from cancelapp.shopify.operations import describe


@pytest.mark.parametrize(
    ("document", "cost"),
    [
        ("{ shop { name currencyCode } }", 1),
        ("{ shop { name plan { shopifyPlus } } }", 2),
        ("{ orders(first: 10) { nodes { id } } }", 2 + 10 * 1),
        ("{ orders(first: 10) { edges { cursor node { id } } pageInfo { hasNextPage } } }", 12),
        ("{ orders(first: 3) { nodes { id customer { id } } } }", 2 + 3 * 2),
        (
            "{ orders(first: 2) { nodes { lineItems(first: 5) { nodes { id } } } } }",
            2 + 2 * (1 + 2 + 5),
        ),
        ("query($n: Int!) { orders(first: $n) { nodes { id } } }", 2 + 7),
        ("query($m: Int = 4) { orders(first: $m) { nodes { id } } }", 2 + 4),
        ('mutation { tagsAdd(id: "x", tags: ["a"]) { node { id } } }', 10),
    ],
)
def test_cost_follows_shopifys_rules(document: str, cost: int) -> None:
    assert requested_cost(document, {"n": 7}) == cost


def test_fragments_count_like_inline_fields() -> None:
    inline = '{ order(id: "x") { id customer { id } } }'
    spread = '{ order(id: "x") { ...F } } fragment F on Order { id customer { id } }'
    assert requested_cost(inline) == requested_cost(spread) == 2


def test_order_page_sizes_are_chosen_to_stay_under_the_cap() -> None:
    orders = documents.load("orders")
    assert requested_cost(orders) < MAX_QUERY_COST
    # a page twice as large would not fit: the default is as large as it can sensibly be
    assert requested_cost(orders, {"first": 10}) > MAX_QUERY_COST
    assert requested_cost(documents.load("order")) < MAX_QUERY_COST


def test_only_reads_and_keyed_mutations_may_be_resent() -> None:
    assert describe(documents.load("orders")).resendable
    assert describe(documents.load("refund_create")).resendable
    assert describe(documents.load("inventory_adjust_quantities")).resendable
    cancel = describe(documents.load("order_cancel"))
    assert cancel.is_mutation
    assert cancel.root_fields == ("orderCancel",)
    assert not cancel.resendable
    assert not describe(documents.load("tags_add")).resendable


def test_order_cancel_is_never_resent_even_if_someone_adds_a_key() -> None:
    keyed = 'mutation($k: String!) { orderCancel(orderId: "1", reason: OTHER, restock: true)'
    keyed += " @idempotent(key: $k) { job { id } } }"
    assert describe(keyed).idempotent
    assert not describe(keyed).resendable
