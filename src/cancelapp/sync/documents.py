"""The sync's own GraphQL documents (`graphql/*.graphql` beside this module), loaded like the
client's (`cancelapp.shopify.documents`): the fragments they spread appended."""

from __future__ import annotations

from cancelapp.shopify import documents

PACKAGE = "cancelapp.sync"


def load(name: str) -> str:
    return documents.load(name, PACKAGE)


def names() -> list[str]:
    return documents.names(PACKAGE)
