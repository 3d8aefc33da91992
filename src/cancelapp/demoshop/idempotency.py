"""`@idempotent(key:)`: required on refunds and inventory changes; a repeated key replays.

A key seen before with the same input returns the first outcome and does nothing again; with a
different input it is refused. Keys are kept for the life of the demo shop.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from graphql import GraphQLError
from graphql.execution.values import get_directive_values

from cancelapp.demoshop.context import Info, store_of
from cancelapp.demoshop.store import IdempotentCall


def idempotency_key(info: Info) -> str:
    """The key the field was sent with; a GraphQL error when it is missing or blank."""
    directive = info.schema.get_directive("idempotent")
    values = (
        get_directive_values(directive, info.field_nodes[0], info.variable_values)
        if directive is not None
        else None
    )
    key = (values or {}).get("key")
    if not isinstance(key, str) or not key.strip():
        raise GraphQLError(
            f"The @idempotent directive with a non-blank key is required for {info.field_name}.",
            extensions={"code": "BAD_REQUEST"},
        )
    return key


def once(
    info: Info,
    arguments: dict[str, Any],
    run: Callable[[str], dict[str, Any]],
    mismatch: Callable[[], dict[str, Any]],
) -> dict[str, Any]:
    """Run the mutation once per key (`run` gets the key): replay the first outcome, refuse a
    changed input."""
    store = store_of(info)
    key = idempotency_key(info)
    fingerprint = json.dumps(arguments, sort_keys=True, default=str)
    prior = store.idempotent.get((info.field_name, key))
    if prior is not None:
        return prior.payload if prior.fingerprint == fingerprint else mismatch()
    payload = run(key)
    store.idempotent[(info.field_name, key)] = IdempotentCall(fingerprint, payload)
    return payload
