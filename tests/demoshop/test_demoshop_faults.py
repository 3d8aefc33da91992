"""Injected faults: what the client sees on the wire, and whether the work was done."""

from __future__ import annotations

import httpx
import pytest
from demoshop_admin import Admin, operations_text

from cancelapp.demoshop import DemoShop, Fault


def tags_add(admin: Admin, order_id: str, tag: str) -> httpx.Response:
    return admin.raw(
        {"query": operations_text(), "operationName": "DemoShopTagsAdd",
         "variables": {"id": order_id, "tags": [tag]}}
    )  # fmt: skip


def test_server_error_then_normal_service(admin: Admin, demo_shop: DemoShop) -> None:
    demo_shop.faults.inject(Fault.server_error(503))
    order_id = demo_shop.order_ids()[0]
    assert tags_add(admin, order_id, "a").status_code == 503
    assert "a" not in demo_shop.order(order_id).tags  # nothing ran
    assert tags_add(admin, order_id, "b").status_code == 200
    assert "b" in demo_shop.order(order_id).tags


def test_rate_limited_with_retry_after(admin: Admin, demo_shop: DemoShop) -> None:
    demo_shop.faults.inject(Fault.rate_limited(retry_after=2.0))
    response = admin.raw({"query": "{ shop { name } }"})
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "2.0"


def test_dropped_connection_before_and_after_the_mutation_ran(
    admin: Admin, demo_shop: DemoShop
) -> None:
    order_id = demo_shop.order_ids()[0]
    demo_shop.faults.inject(Fault.drop(), operation="DemoShopTagsAdd")
    with pytest.raises(httpx.RemoteProtocolError):
        tags_add(admin, order_id, "lost-before")
    assert "lost-before" not in demo_shop.order(order_id).tags
    demo_shop.faults.inject(Fault.drop(after_execute=True), operation="DemoShopTagsAdd")
    with pytest.raises(httpx.RemoteProtocolError):
        tags_add(admin, order_id, "lost-after")
    assert "lost-after" in demo_shop.order(order_id).tags  # it happened; no one heard


def test_faults_target_one_operation(admin: Admin, demo_shop: DemoShop) -> None:
    demo_shop.faults.inject(Fault.server_error(500), operation="DemoShopTagsAdd")
    assert admin.post("DemoShopConnect")["data"]["shop"]["name"]
    assert tags_add(admin, demo_shop.order_ids()[0], "x").status_code == 500
    assert [op for op, _ in demo_shop.faults.fired] == ["DemoShopTagsAdd"]


def test_malformed_and_truncated_bodies(admin: Admin, demo_shop: DemoShop) -> None:
    demo_shop.faults.inject(Fault.malformed())
    malformed = admin.raw({"query": "{ shop { name } }"})
    assert malformed.status_code == 200
    with pytest.raises(ValueError):
        malformed.json()
    demo_shop.faults.inject(Fault.truncated())
    with pytest.raises(httpx.RemoteProtocolError):
        admin.raw({"query": "{ shop { name } }"})


def test_latency_makes_a_short_timeout_fail_after_the_work_is_done(
    demo_shop: DemoShop,
) -> None:
    order_id = demo_shop.order_ids()[0]
    demo_shop.faults.inject(Fault.latency(0.5))
    with httpx.Client(timeout=0.1) as impatient:
        admin = Admin(demo_shop, impatient)
        with pytest.raises(httpx.ReadTimeout):
            tags_add(admin, order_id, "slow")
    assert "slow" in demo_shop.order(order_id).tags


def test_faults_at_a_rate_hit_some_requests(admin: Admin, demo_shop: DemoShop) -> None:
    demo_shop.faults.at_rate(Fault.server_error(502), 0.5)
    statuses = [admin.raw({"query": "{ shop { name } }"}).status_code for _ in range(40)]
    assert 5 < statuses.count(502) < 35
    demo_shop.faults.clear()
    assert admin.raw({"query": "{ shop { name } }"}).status_code == 200


def test_token_endpoint_faults(demo_shop: DemoShop, http: httpx.Client) -> None:
    demo_shop.faults.inject(Fault.server_error(503), operation="access_token")
    response = http.post(
        f"{demo_shop.base_url}/admin/oauth/access_token",
        data={"grant_type": "client_credentials", "client_id": demo_shop.client_id,
              "client_secret": demo_shop.client_secret},
    )  # fmt: skip
    assert response.status_code == 503
    assert demo_shop.tokens.grants == 0
