"""Listing orders: cursors, search, sort keys, and `updatedAt` moving on every change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import httpx
from demoshop_admin import Admin
from hypothesis import given, settings
from hypothesis import strategies as st

from cancelapp.demoshop import DEFAULT_SCOPES, DemoShop
from cancelapp.demoshop.shapes import keyed_connection

PAGE = """query Page($first: Int!, $after: String, $query: String, $sortKey: OrderSortKeys,
                   $reverse: Boolean) {
  orders(first: $first, after: $after, query: $query, sortKey: $sortKey, reverse: $reverse) {
    pageInfo { hasNextPage endCursor }
    nodes { id name updatedAt tags }
  }
}"""


def all_pages(admin: Admin, **variables: object) -> list[dict]:
    found: list[dict] = []
    after = None
    while True:
        body = admin.raw({"query": PAGE, "variables": {**variables, "after": after}}).json()
        connection = body["data"]["orders"]
        found += connection["nodes"]
        if not connection["pageInfo"]["hasNextPage"]:
            return found
        after = connection["pageInfo"]["endCursor"]


def test_pages_cover_every_order_exactly_once(
    make_demo_shop: Callable[..., DemoShop], http: httpx.Client
) -> None:
    shop = make_demo_shop(size=130)
    admin = Admin(shop, http)
    found = all_pages(admin, first=25, sortKey="UPDATED_AT")
    assert sorted(o["id"] for o in found) == shop.order_ids()
    stamps = [o["updatedAt"] for o in found]
    assert stamps == sorted(stamps)
    backwards = all_pages(admin, first=50, sortKey="ORDER_NUMBER", reverse=True)
    numbers = [int(o["name"].lstrip("#")) for o in backwards]
    assert numbers == sorted(numbers, reverse=True)
    assert len(numbers) == 130


def test_tag_search_finds_the_cancel_requests(admin: Admin, demo_shop: DemoShop) -> None:
    tagged = all_pages(admin, first=50, query="tag:cancel-request")
    expected = [o for o in demo_shop.order_ids() if "cancel-request" in demo_shop.order(o).tags]
    assert sorted(o["id"] for o in tagged) == sorted(expected)
    assert len(tagged) >= 10
    open_only = all_pages(admin, first=50, query="tag:cancel-request status:open")
    assert all(demo_shop.order(o["id"]).cancelled_at is None for o in open_only)
    assert len(open_only) < len(tagged)


def test_a_tag_search_finds_what_a_full_scan_finds_as_tags_change(
    admin: Admin, demo_shop: DemoShop
) -> None:
    """A search by tag looks at the orders that ever carried it (an index); `OR` makes the
    shop look at every order, so both must agree after every way a tag comes or goes."""

    def both(tag: str) -> tuple[list[str], list[str]]:
        indexed = all_pages(admin, first=50, query=f"tag:{tag} status:open")
        scanned = all_pages(
            admin, first=50, query=f"(tag:{tag} status:open) OR (tag:{tag} status:open)"
        )
        return sorted(o["id"] for o in indexed), sorted(o["id"] for o in scanned)

    first, second, third = demo_shop.order_ids()[:3]
    admin.data("DemoShopTagsAdd", {"id": first, "tags": ["Rush"]})
    admin.data("DemoShopOrderUpdate", {"input": {"id": second, "tags": ["rush", "gift"]}})
    demo_shop.add_cancel_request(third)
    indexed, scanned = both("RUSH")
    assert indexed == scanned and {first, second} <= set(indexed)
    admin.data("DemoShopTagsRemove", {"id": first, "tags": ["rush"]})
    indexed, scanned = both("rush")
    assert indexed == scanned and first not in indexed and second in indexed
    indexed, scanned = both("cancel-request")
    assert indexed == scanned and third in indexed


def test_a_change_moves_updated_at_and_the_incremental_query_sees_it(
    admin: Admin, demo_shop: DemoShop
) -> None:
    newest = max(o["updatedAt"] for o in all_pages(admin, first=50))
    assert all_pages(admin, first=50, query=f"updated_at:>'{newest}'") == []
    order_id = demo_shop.order_ids()[0]
    tagged = admin.data("DemoShopTagsAdd", {"id": order_id, "tags": ["cancel-processed"]})
    assert "cancel-processed" in tagged["tagsAdd"]["node"]["tags"]
    changed = all_pages(admin, first=50, query=f"updated_at:>='{newest}'", sortKey="UPDATED_AT")
    assert order_id in [o["id"] for o in changed]
    assert all(o["updatedAt"] >= newest for o in changed)


def test_a_cursor_from_another_page_keeps_its_place_when_orders_change(
    admin: Admin, demo_shop: DemoShop
) -> None:
    first = admin.raw({"query": PAGE, "variables": {"first": 10, "sortKey": "ID"}}).json()
    cursor = first["data"]["orders"]["pageInfo"]["endCursor"]
    admin.data("DemoShopTagsAdd", {"id": first["data"]["orders"]["nodes"][0]["id"], "tags": ["x"]})
    second = admin.raw(
        {"query": PAGE, "variables": {"first": 10, "sortKey": "ID", "after": cursor}}
    ).json()
    ids = [o["id"] for o in first["data"]["orders"]["nodes"] + second["data"]["orders"]["nodes"]]
    assert ids == demo_shop.order_ids()[:20]


def test_order_and_node_lookups(admin: Admin, demo_shop: DemoShop) -> None:
    order_id = demo_shop.order_ids()[3]
    assert admin.data("DemoShopOrder", {"id": order_id})["order"]["id"] == order_id
    assert admin.data("DemoShopOrder", {"id": "gid://shopify/Order/404"})["order"] is None
    node = admin.data("DemoShopNode", {"id": order_id})["node"]
    assert node["name"] == demo_shop.order(order_id).name


def test_page_size_is_capped_at_250(admin: Admin) -> None:
    body = admin.raw({"query": PAGE, "variables": {"first": 251}}).json()
    assert "250" in body["errors"][0]["message"]


def test_locations_include_a_fulfillment_service(admin: Admin) -> None:
    nodes = admin.data("DemoShopLocations", {"first": 10})["locations"]["nodes"]
    assert len(nodes) == 5  # includeInactive: the closed warehouse too
    assert [n["name"] for n in nodes if not n["isActive"]] == ["Lager Valby (lukket)"]
    services = [n for n in nodes if n["isFulfillmentService"]]
    assert [s["fulfillmentService"]["handle"] for s in services] == ["nordic-fulfilment"]


def test_orders_older_than_60_days_need_read_all_orders(
    make_demo_shop: Callable[..., DemoShop], http: httpx.Client
) -> None:
    limited = make_demo_shop(size=5, scopes=frozenset({"read_orders"}))
    old = limited.create_order("paid", created_at=limited.store.now() - timedelta(days=61))
    admin = Admin(limited, http)
    assert old not in [o["id"] for o in all_pages(admin, first=50)]
    assert admin.data("DemoShopOrder", {"id": old})["order"] is None
    assert "read_all_orders" not in DEFAULT_SCOPES  # the app does not ask for it
    everything = make_demo_shop(size=5, scopes=DEFAULT_SCOPES | {"read_all_orders"})
    old_too = everything.create_order(
        "paid", created_at=everything.store.now() - timedelta(days=61)
    )
    assert old_too in [o["id"] for o in all_pages(Admin(everything, http), first=50)]


@settings(max_examples=60, deadline=None)
@given(
    keys=st.lists(st.integers(0, 50), max_size=40),
    size=st.integers(1, 7),
    descending=st.booleans(),
)
def test_paging_with_cursors_yields_each_item_once_in_order(
    keys: list[int], size: int, descending: bool
) -> None:
    items = sorted(enumerate(keys), key=lambda p: (p[1], p[0]), reverse=descending)
    keyed = [([value, index], (index, value)) for index, value in items]
    seen, after = [], None
    while True:
        page = keyed_connection(keyed, {"first": size, "after": after}, descending=descending)
        seen += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [item for _, item in keyed]
