"""GraphQL documents the actions need beyond the client's (`cancelapp.shopify.documents`).

Kept in `graphql/` beside this module and validated against the official schema by a test;
candidates to move into the client's folder.
"""

from __future__ import annotations

from cancelapp.shopify import documents as client_documents


def own(name: str) -> str:
    return client_documents.load(name, "cancelapp.actions")


def client(name: str) -> str:
    return client_documents.load(name)
