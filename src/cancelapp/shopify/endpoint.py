"""Where a store's Admin API lives, from whatever the merchant pasted.

From typed text only two things are ever built: `https://{shop}.myshopify.com` (no other
host, no IP, no port, no credentials in the URL), or the demo shop on this computer's loopback
address (`Endpoint.typed`, marked `is_loopback` so the window can say it is no Shopify store).
`Endpoint.loopback` accepts nothing but the loopback address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cancelapp.shopify.errors import InvalidShopDomain

if TYPE_CHECKING:
    from urllib.parse import SplitResult

# A shop handle is one DNS label: lowercase letters, digits and inner hyphens.
_HANDLE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_MYSHOPIFY = ".myshopify.com"
_ADMIN_HOST = "admin.shopify.com"
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1"})


@dataclass(frozen=True)
class Endpoint:
    base_url: str  # scheme://host[:port], no trailing slash
    shop: str  # the handle, e.g. "nordlys-keramik"
    is_loopback: bool = False

    @classmethod
    def for_shop(cls, text: str) -> Endpoint:
        """`name`, `name.myshopify.com` or an admin URL, normalised; anything else refused."""
        handle = _handle_from(text)
        return cls(base_url=f"https://{handle}{_MYSHOPIFY}", shop=handle)

    @classmethod
    def typed(cls, text: str) -> Endpoint:
        """What a merchant typed: a Shopify store, or the address the demo shop prints
        (`http://127.0.0.1:PORT`, or its Admin API URL under `/admin/`)."""
        try:
            return cls.for_shop(text)
        except InvalidShopDomain:
            pass
        cleaned = text.strip()
        try:
            parts = _split(cleaned)
        except ValueError as exc:
            raise InvalidShopDomain(text) from exc
        if parts.scheme == "http" and _is_admin_path(parts.path, allow_root=True):
            cleaned = f"{parts.scheme}://{parts.netloc}"
            try:
                return cls.loopback(cleaned)
            except InvalidShopDomain:
                pass
        raise InvalidShopDomain(text)

    @classmethod
    def loopback(cls, base_url: str) -> Endpoint:
        """The local demo shop: `http://127.0.0.1:PORT` or `http://[::1]:PORT` only."""
        try:
            parts = _split(base_url.strip())
            port = parts.port
        except ValueError as exc:
            raise InvalidShopDomain(base_url) from exc
        if (
            parts.scheme not in {"http", "https"}
            or parts.hostname not in _LOOPBACK_HOSTS
            or port is None
            or parts.username is not None
            or parts.password is not None
            or parts.path not in {"", "/"}
            or parts.query
            or parts.fragment
        ):
            raise InvalidShopDomain(base_url)
        host = "[::1]" if parts.hostname == "::1" else parts.hostname
        return cls(base_url=f"{parts.scheme}://{host}:{port}", shop="demo", is_loopback=True)

    @property
    def stored(self) -> str:
        """What the database keeps (`stores.domain`), read back by `from_stored`: a Shopify
        store's `name.myshopify.com`, the demo shop's whole base URL, scheme included."""
        return self.base_url if self.is_loopback else self.domain

    @classmethod
    def from_stored(cls, text: str) -> Endpoint:
        """The one way back from `stored`. A demo shop saved before the scheme was kept
        (`127.0.0.1:PORT`) was plain HTTP."""
        if "://" in text:
            return cls.loopback(text)
        try:
            return cls.for_shop(text)
        except InvalidShopDomain:
            return cls.loopback(f"http://{text}")

    @property
    def domain(self) -> str:
        """`name.myshopify.com` (what a merchant recognises); the host:port for the demo shop."""
        return self.base_url.split("://", 1)[1]

    def admin_order_url(self, order_gid: str) -> str:
        """The order's page in the Shopify admin (the demo shop serves its own stand-in)."""
        number = order_gid.rsplit("/", 1)[-1]
        if self.is_loopback:
            return f"{self.base_url}/admin/orders/{number}"
        return f"https://{_ADMIN_HOST}/store/{self.shop}/orders/{number}"

    def graphql_url(self, version: str) -> str:
        return f"{self.base_url}/admin/api/{version}/graphql.json"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/admin/oauth/access_token"


def _handle_from(text: str) -> str:
    cleaned = text.strip().lower()
    if not cleaned.isascii() or any(c.isspace() for c in cleaned):
        raise InvalidShopDomain(text)
    if "/" in cleaned or ":" in cleaned or "@" in cleaned:
        return _handle_from_url(text, cleaned)
    if cleaned.endswith(_MYSHOPIFY):
        cleaned = cleaned[: -len(_MYSHOPIFY)]
    return _checked_handle(text, cleaned)


def _handle_from_url(text: str, cleaned: str) -> str:
    if "://" not in cleaned:
        cleaned = "https://" + cleaned
    try:
        parts = _split(cleaned)
        port = parts.port
    except ValueError as exc:
        raise InvalidShopDomain(text) from exc
    if (
        parts.scheme != "https"
        or port is not None
        or parts.username is not None
        or parts.password is not None
        or parts.netloc != parts.hostname
    ):
        raise InvalidShopDomain(text)
    host = parts.hostname or ""
    if host == _ADMIN_HOST:
        return _handle_from_admin_path(text, parts)
    if host.endswith(_MYSHOPIFY) and _is_admin_path(parts.path, allow_root=True):
        return _checked_handle(text, host[: -len(_MYSHOPIFY)])
    raise InvalidShopDomain(text)


def _handle_from_admin_path(text: str, parts: SplitResult) -> str:
    """`https://admin.shopify.com/store/{handle}/…`."""
    segments = parts.path.split("/")
    if len(segments) < 3 or segments[0] != "" or segments[1] != "store":
        raise InvalidShopDomain(text)
    return _checked_handle(text, segments[2])


def _is_admin_path(path: str, *, allow_root: bool) -> bool:
    return (allow_root and path in {"", "/"}) or path == "/admin" or path.startswith("/admin/")


def _checked_handle(text: str, handle: str) -> str:
    if not _HANDLE.fullmatch(handle):
        raise InvalidShopDomain(text)
    return handle


def _split(url: str) -> SplitResult:
    """`urlsplit`, imported when an address is a URL: a stored `name.myshopify.com` is read
    without it (urllib.parse and the ipaddress module it brings cost the start ~3 ms)."""
    from urllib.parse import urlsplit

    return urlsplit(url)
