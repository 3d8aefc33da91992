"""GraphQL documents the actions need beyond the client's (`cancelapp.shopify.documents`).

Kept in `graphql/` beside this module and validated against the official schema by a test;
candidates to move into the client's folder.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from cancelapp.shopify import documents as client_documents


@cache
def own(name: str) -> str:
    return files("cancelapp.actions").joinpath("graphql", f"{name}.graphql").read_text("utf-8")


def client(name: str) -> str:
    return client_documents.load(name)
