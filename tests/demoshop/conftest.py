"""Fixtures for the demo shop's own tests: a plain httpx client and an `Admin` on `demo_shop`."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from demoshop_admin import Admin

from cancelapp.demoshop import DemoShop


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as client:
        yield client


@pytest.fixture
def admin(demo_shop: DemoShop, http: httpx.Client) -> Admin:
    return Admin(demo_shop, http)
