"""Pages that fit under Shopify's per-query cost cap, with headroom, and shrink when refused.

Our estimate follows Shopify's published cost rules, but Shopify may set manual costs on fields,
so its real requested cost can be higher. Pages are sized to `PAGE_COST_BUDGET`, a margin below
the 1,000-point cap; if Shopify still answers MAX_COST_EXCEEDED, the same page (same cursor) is
asked again with a smaller `first`, scaled by the cost Shopify reported, and the later pages of
the read keep the smaller size. Only a page of one item that is still too dear fails.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import Any, Protocol

from cancelapp.shopify.cost import (
    MAX_QUERY_COST,
    PAGE_COST_BUDGET,
    requested_cost,
    variable_defaults,
)
from cancelapp.shopify.errors import QueryTooExpensive
from cancelapp.shopify.version import API_VERSION

log = logging.getLogger(__name__)

MOST_PER_PAGE = 250  # Shopify's largest `first`
SIZE = "first"


def largest_page(
    document: str, budget: int = PAGE_COST_BUDGET, variables: Mapping[str, Any] | None = None
) -> int:
    """The most items per page whose estimated cost stays within `budget` (at least 1)."""
    low, high = 1, MOST_PER_PAGE
    while low < high:
        middle = (low + high + 1) // 2
        if requested_cost(document, {**(variables or {}), SIZE: middle}) <= budget:
            low = middle
        else:
            high = middle - 1
    return low


def smaller_page(size: int, refused: QueryTooExpensive) -> int | None:
    """A page size that should fit where `size` items cost too much; None below one item.

    Cost grows about linearly with the page size, so scale by cap / reported cost, keeping the
    same headroom as the first estimate; without a reported cost, halve."""
    if size <= 1:
        return None
    if refused.cost is not None and refused.cost > 0:
        cap = refused.max_cost or MAX_QUERY_COST
        scaled = int(size * cap * PAGE_COST_BUDGET / (MAX_QUERY_COST * refused.cost))
    else:
        scaled = size // 2
    return max(1, min(scaled, size - 1))


class Queries(Protocol):
    """What a page needs of `ShopifyClient` (named here so the client can use `PageFit`)."""

    def query(
        self,
        document: str,
        variables: Mapping[str, Any] | None = None,
        *,
        version: str = API_VERSION,
        cancel: threading.Event | None = None,
    ) -> dict[str, Any]: ...


class PageFit:
    """The page size of one paged read: the estimate first, smaller once Shopify refuses."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.refusals = 0  # pages Shopify refused as too expensive

    @classmethod
    def for_document(cls, document: str, variables: Mapping[str, Any] | None = None) -> PageFit:
        """The size the caller asks for, else the document's default, else the most that fit."""
        given = {**variable_defaults(document), **(variables or {})}.get(SIZE)
        if isinstance(given, int) and not isinstance(given, bool):
            return cls(given)
        return cls(largest_page(document, PAGE_COST_BUDGET, variables))

    def shrink(self, refused: QueryTooExpensive) -> None:
        """Take a smaller size, or re-raise `refused` when one item is already too dear."""
        smaller = smaller_page(self.size, refused)
        if smaller is None:
            raise refused
        log.warning(
            "Shopify refused %s items a page (cost %s of %s): asking for %s",
            self.size,
            refused.cost,
            refused.max_cost,
            smaller,
        )
        self.refusals += 1
        self.size = smaller

    def query(
        self,
        client: Queries,
        document: str,
        variables: Mapping[str, Any],
        *,
        version: str = API_VERSION,
        cancel: threading.Event | None = None,
    ) -> dict[str, Any]:
        """One page: `variables` with `first` set to the current size, smaller until it fits."""
        while True:
            try:
                return client.query(
                    document, {**variables, SIZE: self.size}, version=version, cancel=cancel
                )
            except QueryTooExpensive as refused:
                self.shrink(refused)
