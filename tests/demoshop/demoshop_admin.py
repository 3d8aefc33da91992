"""Speaking to the demo shop as a raw HTTP client (httpx), with its own operation documents."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import httpx

from cancelapp.demoshop import DemoShop

OPERATIONS = files("cancelapp.demoshop").joinpath("operations")


def operations_text() -> str:
    """Every demo shop operation as one document (fragments shared between files)."""
    return "\n".join(
        entry.read_text("utf-8")
        for entry in sorted(OPERATIONS.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".graphql")
    )


class Admin:
    """Posts GraphQL to one demo shop; returns the parsed JSON (and keeps the response)."""

    def __init__(self, shop: DemoShop, http: httpx.Client) -> None:
        self.shop = shop
        self.http = http
        self.last: httpx.Response | None = None

    def post(
        self,
        operation: str,
        variables: dict[str, Any] | None = None,
        *,
        version: str = "2026-10",
        token: str | None = None,
    ) -> dict[str, Any]:
        self.last = self.raw(
            {"query": operations_text(), "operationName": operation,
             "variables": variables or {}},
            version=version,
            token=token,
        )  # fmt: skip
        body: dict[str, Any] = self.last.json()
        return body

    def raw(
        self, body: dict[str, Any], *, version: str = "2026-10", token: str | None = None
    ) -> httpx.Response:
        return self.http.post(
            self.shop.graphql_url(version),
            json=body,
            headers={"X-Shopify-Access-Token": token or self.shop.access_token},
        )

    def data(self, operation: str, variables: dict[str, Any] | None = None, **kw: Any) -> Any:
        body = self.post(operation, variables, **kw)
        assert "errors" not in body, body.get("errors")
        return body["data"]
