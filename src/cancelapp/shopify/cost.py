"""Estimates a document's requested cost with Shopify's published rules, before sending it.

Objects cost 1, scalars and enums 0, a connection 2 plus `first` (or `last`) times the cost of
one of its nodes, a mutation 10. Without the schema, a field with a selection set counts as an
object and a field paged with `first`/`last` as a connection, so the estimate errs high; once
Shopify has reported a document's real `requestedQueryCost` the client uses that instead.

Shopify may also set manual costs on fields, above these rules, so pages are sized to
`PAGE_COST_BUDGET`, a margin below the cap (`page_fit.py` shrinks a page Shopify still refuses).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
    parse,
    value_from_ast_untyped,
)

MUTATION_COST = 10
CONNECTION_COST = 2
MAX_QUERY_COST = 1000
PAGE_COST_BUDGET = 900  # what a page may cost by our estimate: 10 % headroom under the cap
_FREE_IN_CONNECTION = frozenset({"pageInfo", "cursor"})


def requested_cost(document: str, variables: Mapping[str, Any] | None = None) -> int:
    parsed = _parse(document)
    operation = next(d for d in parsed.definitions if isinstance(d, OperationDefinitionNode))
    if operation.operation is OperationType.MUTATION:
        return MUTATION_COST
    values = _defaults(operation) | dict(variables or {})
    fragments = {
        d.name.value: d for d in parsed.definitions if isinstance(d, FragmentDefinitionNode)
    }
    return _Estimator(values, fragments).selection(operation.selection_set)


def variable_defaults(document: str) -> dict[str, Any]:
    """The default values the document's operation declares for its variables."""
    parsed = _parse(document)
    operation = next(d for d in parsed.definitions if isinstance(d, OperationDefinitionNode))
    return _defaults(operation)


@lru_cache(maxsize=128)
def _parse(document: str) -> DocumentNode:
    return parse(document, no_location=True)


def _defaults(operation: OperationDefinitionNode) -> dict[str, Any]:
    return {
        v.variable.name.value: value_from_ast_untyped(v.default_value)
        for v in operation.variable_definitions or ()
        if v.default_value is not None
    }


class _Estimator:
    def __init__(
        self, variables: Mapping[str, Any], fragments: Mapping[str, FragmentDefinitionNode]
    ) -> None:
        self._variables = variables
        self._fragments = fragments

    def selection(self, selection_set: SelectionSetNode | None, in_connection: bool = False) -> int:
        return sum(self._field(field, in_connection) for field in self._fields(selection_set))

    def _fields(self, selection_set: SelectionSetNode | None) -> list[FieldNode]:
        fields: list[FieldNode] = []
        for node in selection_set.selections if selection_set else ():
            if isinstance(node, FieldNode):
                fields.append(node)
            elif isinstance(node, FragmentSpreadNode):
                fields.extend(self._fields(self._fragments[node.name.value].selection_set))
            elif isinstance(node, InlineFragmentNode):
                fields.extend(self._fields(node.selection_set))
        return fields

    def _field(self, field: FieldNode, in_connection: bool) -> int:
        if field.selection_set is None:
            return 0
        name = field.name.value
        if in_connection and name in _FREE_IN_CONNECTION:
            return 0
        if in_connection and name == "edges":
            return self.selection(field.selection_set, in_connection=True)
        if in_connection and name in {"nodes", "node"}:
            return 1 + self.selection(field.selection_set)
        size = self._page_size(field)
        if size is not None:
            return CONNECTION_COST + size * self._per_node(field)
        return 1 + self.selection(field.selection_set)

    def _per_node(self, field: FieldNode) -> int:
        """One item's cost: a connection's `nodes`/`edges`, or a plain list's own selection."""
        names = {f.name.value for f in self._fields(field.selection_set)}
        if names & {"nodes", "edges", "pageInfo"}:
            return self.selection(field.selection_set, in_connection=True)
        return 1 + self.selection(field.selection_set)

    def _page_size(self, field: FieldNode) -> int | None:
        for argument in field.arguments or ():
            if argument.name.value not in {"first", "last"}:
                continue
            value = argument.value
            if isinstance(value, IntValueNode):
                return int(value.value)
            if isinstance(value, VariableNode):
                given = self._variables.get(value.name.value)
                return int(given) if given is not None else 0
        return None
