"""Many objects by id in one request: a one-id query repeated under aliases.

A document such as `query Order($id: ID!) { order(id: $id) { … } }` reads one object. Repeating
its root field under aliases (`n0: order(id: $id0) … n9: order(id: $id9)`) reads ten in one
request, as many as Shopify's per-query cost cap allows. The document stays the checked-in,
schema-validated file; only the repetition is made here. (`nodes(ids:)` would do the same for
`Node` types, but the demo shop does not serve it.)
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    NameNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableDefinitionNode,
    VariableNode,
    parse,
    print_ast,
)

from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.cost import PAGE_COST_BUDGET, requested_cost
from cancelapp.shopify.errors import QueryTooExpensive
from cancelapp.shopify.page_fit import PageFit
from cancelapp.shopify.version import API_VERSION

MOST_PER_QUERY = 100  # keeps a request's text and answer a sensible size


def read_by_ids(
    client: ShopifyClient,
    document: str,
    ids: Iterable[str],
    *,
    id_variable: str = "id",
    version: str = API_VERSION,
    cancel: threading.Event | None = None,
) -> dict[str, Any]:
    """id → the root field's value (None when Shopify has no such object), for every id.

    `document` holds one query whose single root field takes `$id_variable`; its other
    variables keep their defaults."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    one = requested_cost(aliased(document, 1, id_variable))
    # as many copies as fit the page budget; fewer for the rest once Shopify refuses a request
    fit = PageFit(max(1, min(MOST_PER_QUERY, PAGE_COST_BUDGET // max(one, 1))))
    found: dict[str, Any] = {}
    start = 0
    while start < len(wanted):
        chunk = wanted[start : start + fit.size]
        variables = {f"{id_variable}{i}": object_id for i, object_id in enumerate(chunk)}
        try:
            data = client.query(
                aliased(document, len(chunk), id_variable),
                variables,
                version=version,
                cancel=cancel,
            )
        except QueryTooExpensive as refused:
            fit.size = len(chunk)  # the refused cost is that of this chunk
            fit.shrink(refused)
            continue
        found.update({object_id: data.get(f"n{i}") for i, object_id in enumerate(chunk)})
        start += len(chunk)
    return found


@lru_cache(maxsize=64)
def aliased(document: str, count: int, id_variable: str = "id") -> str:
    """`document` with its root field repeated `count` times as `n0`… taking `$<id>0`…"""
    parsed = parse(document, no_location=True)
    operation = _single_query(parsed)
    (field,) = operation.selection_set.selections
    assert isinstance(field, FieldNode)  # checked by _single_query
    declared = operation.variable_definitions or ()
    others = [v for v in declared if v.variable.name.value != id_variable]
    if len(others) != len(declared) - 1:
        raise ValueError(f"the query declares no ${id_variable}")
    (id_definition,) = (v for v in declared if v.variable.name.value == id_variable)
    fields, variables = [], []
    for index in range(count):
        variable = VariableNode(name=NameNode(value=f"{id_variable}{index}"))
        fields.append(
            FieldNode(
                alias=NameNode(value=f"n{index}"),
                name=field.name,
                arguments=tuple(_renamed(a, id_variable, variable) for a in field.arguments or ()),
                directives=field.directives,
                selection_set=field.selection_set,
            )
        )
        variables.append(
            VariableDefinitionNode(
                variable=variable,
                type=id_definition.type,
                default_value=id_definition.default_value,
                directives=id_definition.directives,
            )
        )
    batched = OperationDefinitionNode(
        operation=operation.operation,
        name=operation.name,
        variable_definitions=(*variables, *others),
        directives=operation.directives,
        selection_set=SelectionSetNode(selections=tuple(fields)),
    )
    rest = tuple(d for d in parsed.definitions if d is not operation)
    return print_ast(DocumentNode(definitions=(batched, *rest)))


def _single_query(parsed: DocumentNode) -> OperationDefinitionNode:
    operations = [d for d in parsed.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1 or operations[0].operation is not OperationType.QUERY:
        raise ValueError("batching needs a document with exactly one query")
    selections = operations[0].selection_set.selections
    if len(selections) != 1 or not isinstance(selections[0], FieldNode):
        raise ValueError("batching needs a query with exactly one root field")
    return operations[0]


def _renamed(argument: ArgumentNode, old: str, new: VariableNode) -> ArgumentNode:
    value = argument.value
    if isinstance(value, VariableNode) and value.name.value == old:
        return ArgumentNode(name=argument.name, value=new)
    return argument
