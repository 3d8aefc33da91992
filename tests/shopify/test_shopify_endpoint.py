"""Shop addresses: what a merchant may paste, and everything that is refused before a request."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cancelapp.shopify import Endpoint, InvalidShopDomain

handles = st.from_regex(r"\A[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?\Z")


@pytest.mark.parametrize(
    "text",
    [
        "nordlys-keramik",
        "  Nordlys-Keramik ",
        "nordlys-keramik.myshopify.com",
        "NORDLYS-KERAMIK.MYSHOPIFY.COM",
        "https://nordlys-keramik.myshopify.com",
        "https://nordlys-keramik.myshopify.com/",
        "https://nordlys-keramik.myshopify.com/admin",
        "https://nordlys-keramik.myshopify.com/admin/orders/5512?tab=1",
        "nordlys-keramik.myshopify.com/admin/orders",
        "https://admin.shopify.com/store/nordlys-keramik",
        "https://admin.shopify.com/store/nordlys-keramik/orders/5512?inContextTimeframe=none",
        "admin.shopify.com/store/nordlys-keramik/settings/apps",
    ],
)
def test_accepted_forms_normalise_to_the_myshopify_domain(text: str) -> None:
    endpoint = Endpoint.for_shop(text)
    assert endpoint.shop == "nordlys-keramik"
    assert endpoint.base_url == "https://nordlys-keramik.myshopify.com"
    assert endpoint.graphql_url("2026-10") == (
        "https://nordlys-keramik.myshopify.com/admin/api/2026-10/graphql.json"
    )
    assert endpoint.token_url == "https://nordlys-keramik.myshopify.com/admin/oauth/access_token"
    assert not endpoint.is_loopback


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "http://nordlys-keramik.myshopify.com",
        "ftp://nordlys-keramik.myshopify.com",
        "https://nordlys-keramik.myshopify.com:8443/admin",
        "nordlys-keramik.myshopify.com:443",
        "https://user:pw@nordlys-keramik.myshopify.com",
        "https://nordlys-keramik.myshopify.com@evil.example",
        "https://evil.example/admin",
        "https://nordlys-keramik.myshopify.com.evil.example",
        "https://evil.example/store/nordlys-keramik",
        "https://admin.shopify.com/orders",
        "https://admin.shopify.com/store/",
        "https://admin.shopify.com/store/Not_A_Handle",
        "https://nordlys-keramik.myshopify.com/products/vase",
        "127.0.0.1",
        "http://127.0.0.1:8080",
        "[::1]",
        "nordlys keramik",
        "-nordlys",
        "nordlys-",
        "nørdlys",
        "nordlys.keramik",
        "a.b.myshopify.com",
        "shopify.com",
        "myshopify.com",
        ".myshopify.com",
        "https://admin.shopify.com.evil.example/store/nordlys",
    ],
)
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(InvalidShopDomain) as raised:
        Endpoint.for_shop(text)
    assert "is not a Shopify store address" in raised.value.merchant_message


def test_a_bare_word_is_always_a_shop_name_never_a_host() -> None:
    assert Endpoint.for_shop("localhost").base_url == "https://localhost.myshopify.com"


@given(handles)
def test_every_accepted_form_of_a_handle_gives_the_same_endpoint(handle: str) -> None:
    forms = [
        handle,
        handle.upper(),
        f" {handle}.myshopify.com ",
        f"https://{handle}.myshopify.com/admin/orders",
        f"https://admin.shopify.com/store/{handle}/orders/1",
    ]
    endpoints = {Endpoint.for_shop(form) for form in forms}
    assert endpoints == {Endpoint(f"https://{handle}.myshopify.com", handle)}


@given(st.text(max_size=60))
def test_any_text_either_fails_cleanly_or_names_a_myshopify_host(text: str) -> None:
    try:
        endpoint = Endpoint.for_shop(text)
    except InvalidShopDomain:
        return
    assert endpoint.base_url == f"https://{endpoint.shop}.myshopify.com"
    assert endpoint.shop.replace("-", "").isalnum()
    assert endpoint.shop.isascii()


@given(handles, st.sampled_from(["evil.example", "myshopify.com.evil.example", "10.0.0.1"]))
def test_foreign_hosts_are_refused_whatever_the_path(handle: str, host: str) -> None:
    for text in [
        f"https://{host}/store/{handle}",
        f"https://{handle}.{host}/admin",
        f"https://{host}/admin/{handle}.myshopify.com",
    ]:
        with pytest.raises(InvalidShopDomain):
            Endpoint.for_shop(text)


@given(handles, st.integers(min_value=1, max_value=65535))
def test_ports_and_plain_http_are_refused(handle: str, port: int) -> None:
    for text in [
        f"https://{handle}.myshopify.com:{port}/admin",
        f"{handle}.myshopify.com:{port}",
        f"http://{handle}.myshopify.com/admin",
    ]:
        with pytest.raises(InvalidShopDomain):
            Endpoint.for_shop(text)


@pytest.mark.parametrize(
    ("url", "base"),
    [
        ("http://127.0.0.1:8123", "http://127.0.0.1:8123"),
        ("http://127.0.0.1:8123/", "http://127.0.0.1:8123"),
        ("http://[::1]:8123", "http://[::1]:8123"),
    ],
)
def test_loopback_accepts_only_the_loopback_address(url: str, base: str) -> None:
    endpoint = Endpoint.loopback(url)
    assert endpoint.base_url == base
    assert endpoint.is_loopback


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8123",
        "http://127.0.0.2:8123",
        "http://10.0.0.5:8123",
        "http://nordlys.myshopify.com:8123",
        "http://127.0.0.1",
        "http://127.0.0.1:8123/admin",
        "http://user@127.0.0.1:8123",
        "file://127.0.0.1:8123",
        "http://127.0.0.1:notaport",
    ],
)
def test_loopback_refuses_everything_else(url: str) -> None:
    with pytest.raises(InvalidShopDomain):
        Endpoint.loopback(url)


@pytest.mark.parametrize(
    "endpoint",
    [
        Endpoint.for_shop("nordlys-keramik"),
        Endpoint.loopback("http://127.0.0.1:8123"),
        Endpoint.loopback("https://[::1]:8443"),
    ],
)
def test_the_stored_endpoint_comes_back_as_it_was(endpoint: Endpoint) -> None:
    assert Endpoint.from_stored(endpoint.stored) == endpoint


def test_a_shopify_store_is_stored_by_its_domain_and_a_demo_shop_with_its_scheme() -> None:
    assert Endpoint.for_shop("nordlys-keramik").stored == "nordlys-keramik.myshopify.com"
    assert Endpoint.loopback("https://127.0.0.1:8443").stored == "https://127.0.0.1:8443"


def test_a_demo_shop_saved_without_its_scheme_was_plain_http() -> None:
    assert Endpoint.from_stored("127.0.0.1:8123") == Endpoint.loopback("http://127.0.0.1:8123")


def test_the_admin_page_of_an_order_is_on_admin_shopify_com_or_the_demo_shop() -> None:
    order = "gid://shopify/Order/5512"
    assert Endpoint.for_shop("nordlys-keramik").admin_order_url(order) == (
        "https://admin.shopify.com/store/nordlys-keramik/orders/5512"
    )
    assert Endpoint.loopback("http://127.0.0.1:8123").admin_order_url(order) == (
        "http://127.0.0.1:8123/admin/orders/5512"
    )
