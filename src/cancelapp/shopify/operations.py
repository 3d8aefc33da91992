"""What a document is, read from its text: a query or a mutation, and its root fields."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from graphql import FieldNode, OperationDefinitionNode, OperationType, parse

# Changes that must never be sent twice, whatever the document says.
NEVER_RESENT = frozenset({"orderCancel"})


@dataclass(frozen=True)
class Operation:
    name: str  # the operation name, for logs ("Orders"), or "anonymous"
    is_mutation: bool
    root_fields: tuple[str, ...]  # response keys (alias or field name)
    idempotent: bool  # every root field carries `@idempotent(key: …)`

    @property
    def resendable(self) -> bool:
        """Safe to send again after an ambiguous failure (a read, or a keyed mutation)."""
        if not self.is_mutation:
            return True
        return self.idempotent and not NEVER_RESENT & set(self.root_fields)


@lru_cache(maxsize=256)
def describe(document: str) -> Operation:
    parsed = parse(document, no_location=True)
    operations = [d for d in parsed.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1:
        raise ValueError("a document must hold exactly one operation")
    operation = operations[0]
    if operation.operation is OperationType.SUBSCRIPTION:
        raise ValueError("subscriptions are not supported")
    fields = [f for f in operation.selection_set.selections if isinstance(f, FieldNode)]
    return Operation(
        name=operation.name.value if operation.name else "anonymous",
        is_mutation=operation.operation is OperationType.MUTATION,
        root_fields=tuple((f.alias or f.name).value for f in fields),
        idempotent=bool(fields)
        and all(any(d.name.value == "idempotent" for d in f.directives or ()) for f in fields),
    )
