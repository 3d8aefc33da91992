"""The demo shop's HTTP surface: paths, versions, tokens and the client credentials grant."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from demoshop_admin import Admin

from cancelapp.demoshop import DemoShop, ManualClock

INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)"


def test_answers_with_the_access_token_it_prints(admin: Admin) -> None:
    data = admin.data("DemoShopConnect")
    assert data["shop"]["currencyCode"] == "DKK"
    assert data["shop"]["ianaTimezone"] == "Europe/Copenhagen"
    assert "write_orders" in {s["handle"] for s in data["currentAppInstallation"]["accessScopes"]}
    assert admin.last is not None
    assert admin.last.headers["X-Shopify-API-Version"] == "2026-10"


def test_refuses_a_wrong_or_missing_token_as_shopify_does(
    demo_shop: DemoShop, http: httpx.Client
) -> None:
    body = {"query": "{ shop { name } }"}
    wrong = http.post(
        demo_shop.graphql_url(), json=body, headers={"X-Shopify-Access-Token": "shpat_nope"}
    )
    missing = http.post(demo_shop.graphql_url(), json=body)
    for response in (wrong, missing):
        assert response.status_code == 401
        assert response.json() == {"errors": INVALID_TOKEN}


def test_unknown_version_and_path_are_not_found(admin: Admin, http: httpx.Client) -> None:
    response = admin.raw({"query": "{ shop { name } }"}, version="2019-01")
    assert response.status_code == 404
    assert http.post(f"{admin.shop.base_url}/admin/api/2026-10/orders.json").status_code == 404


def test_the_stable_version_serves_return_policy_profiles(admin: Admin) -> None:
    data = admin.data("DemoShopEditRules")
    rules = data["returnPolicyProfiles"]["nodes"][0]["editRules"]
    assert rules == {"canAcceptEdits": True, "editWindowMinutes": 1440}


def test_unstable_is_no_longer_served_and_old_names_are_unknown(admin: Admin) -> None:
    old = "{ orders(first: 1) { nodes { requestedEdits(first: 1) { nodes { id } } } } }"
    assert admin.raw({"query": "{ shop { name } }"}, version="unstable").status_code == 404
    response = admin.raw({"query": old})
    assert response.status_code == 200
    assert "requestedEdits" in response.json()["errors"][0]["message"]


def test_validation_errors_carry_shopifys_code_and_names(admin: Admin) -> None:
    response = admin.raw({"query": "query Q($unused: ID) { shop { name colour } }"})
    errors = response.json()["errors"]
    by_code = {e["extensions"]["code"]: e for e in errors}
    assert by_code["undefinedField"]["message"] == "Field 'colour' doesn't exist on type 'Shop'"
    assert by_code["undefinedField"]["extensions"]["fieldName"] == "colour"
    assert by_code["variableNotUsed"]["extensions"]["variableName"] == "unused"
    assert all(e["locations"] for e in errors)
    assert "data" not in response.json()


def test_a_body_that_is_not_graphql_is_a_bad_request(admin: Admin, http: httpx.Client) -> None:
    response = http.post(
        admin.shop.graphql_url(),
        content=b"not json",
        headers={"X-Shopify-Access-Token": admin.shop.access_token},
    )
    assert response.status_code == 400


def _grant(http: httpx.Client, shop: DemoShop, **form: str) -> httpx.Response:
    return http.post(f"{shop.base_url}/admin/oauth/access_token", data=form)


def test_client_credentials_grant_issues_a_working_token(
    demo_shop: DemoShop, admin: Admin, http: httpx.Client
) -> None:
    response = _grant(
        http, demo_shop, grant_type="client_credentials", client_id=demo_shop.client_id,
        client_secret=demo_shop.client_secret,
    )  # fmt: skip
    assert response.status_code == 200
    body = response.json()
    assert body["expires_in"] == 86399
    assert "read_orders" in body["scope"].split(",")
    assert body["access_token"] != demo_shop.access_token
    assert admin.data("DemoShopConnect", token=body["access_token"])["shop"]["name"]


def test_client_credentials_grant_refuses_bad_credentials(
    demo_shop: DemoShop, http: httpx.Client
) -> None:
    bad_secret = _grant(
        http, demo_shop, grant_type="client_credentials", client_id=demo_shop.client_id,
        client_secret="shpss_wrong",
    )  # fmt: skip
    assert bad_secret.status_code == 400
    assert bad_secret.json()["error"] == "invalid_client"
    bad_grant = _grant(
        http, demo_shop, grant_type="authorization_code", client_id=demo_shop.client_id,
        client_secret=demo_shop.client_secret,
    )  # fmt: skip
    assert bad_grant.status_code == 400
    assert bad_grant.json()["error"] == "unsupported_grant_type"
    assert demo_shop.tokens.grants == 0


def test_granted_tokens_expire(make_demo_shop: Callable[..., DemoShop], http: httpx.Client) -> None:
    clock = ManualClock()
    shop = make_demo_shop(size=5, clock=clock, token_lifetime=60)
    token = _grant(
        http, shop, grant_type="client_credentials", client_id=shop.client_id,
        client_secret=shop.client_secret,
    ).json()["access_token"]  # fmt: skip
    admin = Admin(shop, http)
    assert "data" in admin.post("DemoShopConnect", token=token)
    clock.advance(61)
    admin.post("DemoShopConnect", token=token)
    assert admin.last is not None and admin.last.status_code == 401
    assert "data" in admin.post("DemoShopConnect")  # the static token does not expire


def test_missing_scope_is_access_denied(
    make_demo_shop: Callable[..., DemoShop], http: httpx.Client
) -> None:
    shop = make_demo_shop(size=5, scopes=frozenset({"read_orders"}))
    admin = Admin(shop, http)
    order_id = shop.order_ids()[0]
    body = admin.post("DemoShopTagsAdd", {"id": order_id, "tags": ["x"]})
    assert body["data"]["tagsAdd"] is None
    assert body["errors"][0]["extensions"]["code"] == "ACCESS_DENIED"
    assert "write_orders" in body["errors"][0]["message"]
    assert "x" not in shop.order(order_id).tags


def test_a_stopped_shop_answers_nobody_not_even_kept_alive_connections(
    make_demo_shop: Callable[..., DemoShop], http: httpx.Client
) -> None:
    shop = make_demo_shop(size=5)
    admin = Admin(shop, http)
    url = shop.graphql_url()
    assert "data" in admin.post("DemoShopConnect")  # the connection is now kept alive
    shop.stop()
    with pytest.raises(httpx.TransportError):
        http.post(url, json={"query": "{ shop { name } }"})
