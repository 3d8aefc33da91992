"""Query cost by Shopify's published rules.

Scalars and enums cost 0, objects 1, a connection 2 plus `first` (or `last`) times the cost of one
node, a list paged with `first` that many times its item, a mutation 10. The requested cost is
computed from the document before execution; the actual cost walks the same selections over the
data returned, counting the nodes that came back, so `requested - actual` can be refunded.

Shopify may set manual costs on fields above these rules; `surcharges` ("Type.field" → points
added each time the field is selected on an object) lets a test make the demo shop do the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLType,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    get_named_type,
    is_abstract_type,
)
from graphql.execution.values import VariableValues, get_argument_values
from graphql.type import GraphQLCompositeType

MUTATION_COST = 10
OBJECT_COST = 1
CONNECTION_COST = 2


def is_connection(field_def: GraphQLField) -> bool:
    named = get_named_type(field_def.type)
    return (
        isinstance(named, GraphQLObjectType)
        and named.name.endswith("Connection")
        and ("nodes" in named.fields or "edges" in named.fields)
    )


def page_size(field_def: GraphQLField, node: FieldNode, variables: VariableValues) -> int | None:
    args = get_argument_values(field_def, node, variables)
    size = args.get("first") if args.get("first") is not None else args.get("last")
    return int(size) if size is not None else None


class CostCalculator:
    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        variables: VariableValues,
        surcharges: Mapping[str, int] | None = None,
    ) -> None:
        self.schema = schema
        self.operation = operation
        self.variables = variables
        self.surcharges = dict(surcharges or {})
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }

    def requested(self) -> int:
        return self._operation(None)

    def actual(self, data: Mapping[str, Any] | None) -> int:
        return self._operation(data or {})

    def _operation(self, data: Mapping[str, Any] | None) -> int:
        if self.operation.operation == OperationType.MUTATION:
            roots = [s for s in self.operation.selection_set.selections if isinstance(s, FieldNode)]
            return MUTATION_COST * max(len(roots), 1)
        root = self.schema.query_type
        assert root is not None
        return self._selection(root, self.operation.selection_set, data)

    def _selection(
        self,
        parent: GraphQLCompositeType,
        selection_set: SelectionSetNode | None,
        data: Mapping[str, Any] | None,
    ) -> int:
        """Fields of one object; fragments on other types are alternatives: the dearest counts."""
        if selection_set is None:
            return 0
        common = 0
        alternatives: dict[str, int] = {}
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                common += self._field(parent, selection, data)
                continue
            if isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is None:
                    continue
                condition, sub = fragment.type_condition.name.value, fragment.selection_set
            elif isinstance(selection, InlineFragmentNode):
                condition = (
                    selection.type_condition.name.value if selection.type_condition else parent.name
                )
                sub = selection.selection_set
            else:
                continue
            target = self.schema.get_type(condition)
            if condition == parent.name or not is_abstract_type(parent):
                common += self._selection(parent, sub, data)
            elif isinstance(target, GraphQLCompositeType):
                alternatives[condition] = alternatives.get(condition, 0) + self._selection(
                    target, sub, data
                )
        return common + max(alternatives.values(), default=0)

    def _field(
        self, parent: GraphQLCompositeType, node: FieldNode, data: Mapping[str, Any] | None
    ) -> int:
        fields = getattr(parent, "fields", {})
        field_def = fields.get(node.name.value)
        if field_def is None:
            return 0
        surcharge = self.surcharges.get(f"{parent.name}.{node.name.value}", 0)
        named = get_named_type(field_def.type)
        if not isinstance(named, GraphQLCompositeType):
            return surcharge
        key = node.alias.value if node.alias else node.name.value
        value = None if data is None else data.get(key)
        if data is not None and value is None:
            return surcharge
        if is_connection(field_def):
            return surcharge + self._connection(field_def, node, value)
        if _is_list(field_def.type):
            return surcharge + self._list(field_def, node, value)
        return surcharge + OBJECT_COST + self._selection(named, node.selection_set, value)

    def _connection(self, field_def: GraphQLField, node: FieldNode, value: Any) -> int:
        connection = get_named_type(field_def.type)
        assert isinstance(connection, GraphQLObjectType)
        item_type = _composite(connection.fields["nodes"].type)
        selections = _node_selections(node)
        if value is None:
            size = page_size(field_def, node, self.variables) or 0
            per_node = max((self._selection(item_type, s, None) for s in selections), default=0)
            return CONNECTION_COST + size * (OBJECT_COST + per_node)
        total = 0
        for item in _connection_items(value):
            per_node = max((self._selection(item_type, s, item) for s in selections), default=0)
            total += OBJECT_COST + per_node
        return CONNECTION_COST + total

    def _list(self, field_def: GraphQLField, node: FieldNode, value: Any) -> int:
        item_type = _composite(field_def.type)
        if value is None:
            size = page_size(field_def, node, self.variables) or 1
            per_item = OBJECT_COST + self._selection(item_type, node.selection_set, None)
            return size * per_item
        return sum(
            OBJECT_COST + self._selection(item_type, node.selection_set, item)
            for item in value
            if item is not None
        )


def _composite(type_: GraphQLType) -> GraphQLCompositeType:
    named = get_named_type(type_)
    assert isinstance(named, GraphQLCompositeType)
    return named


def _is_list(type_: GraphQLType) -> bool:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def _node_selections(node: FieldNode) -> list[SelectionSetNode | None]:
    """The selection made on each node: under `nodes` and under `edges { node }`."""
    found: list[SelectionSetNode | None] = []
    for selection in node.selection_set.selections if node.selection_set else ():
        if not isinstance(selection, FieldNode):
            continue
        if selection.name.value == "nodes":
            found.append(selection.selection_set)
        elif selection.name.value == "edges" and selection.selection_set:
            for inner in selection.selection_set.selections:
                if isinstance(inner, FieldNode) and inner.name.value == "node":
                    found.append(inner.selection_set)
    return found


def _connection_items(value: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The nodes returned, read from `nodes` or `edges` (whichever the query selected)."""
    nodes = _first_of(value, "nodes")
    if nodes is not None:
        return [n for n in nodes if n is not None]
    edges = _first_of(value, "edges") or []
    return [e.get("node") or {} for e in edges if e is not None]


def _first_of(value: Mapping[str, Any], field_name: str) -> list[Any] | None:
    """Nodes/edges under their field name (aliases are not followed)."""
    found = value.get(field_name)
    return found if isinstance(found, list) else None
