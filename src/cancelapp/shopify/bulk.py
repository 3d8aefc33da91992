"""Many orders in one go, off the rate limit: a bulk query, its JSONL answer read linearly.

`start_bulk_query` asks Shopify to run a query in the background (`bulkOperationRunQuery`);
`wait_for_bulks` polls one or several together (Shopify runs up to five per shop), paced like
every other request (each poll is one point), at the Shopify CLI's intervals (every second for
the first ten polls, then every five: Shopify/cli pull request 6695); `bulk_nodes` downloads
the answer from its signed URL (a plain GET that never carries the access token,
`ShopifyClient.download`) and rebuilds each root object in the shape a normal query gives it:
Shopify writes the nodes of a nested connection as lines of their own naming their parent in
`__parentId`, and they go back under their parent's connection as
`{"pageInfo": {"hasNextPage": false}, "nodes": [...]}`, so the same mapping code reads both.
`cancel_bulk` stops one that is no longer wanted.

Shopify may refuse or lose a bulk operation in many ways (a token that may not run one, one
already running, a limit, a FAILED, CANCELED or EXPIRED status, a file that cannot be read):
each is `BulkUnavailable`, and the caller reads the same objects another way.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    OperationDefinitionNode,
    VariableNode,
    Visitor,
    parse,
    print_ast,
    visit,
)
from graphql.language import ast

from cancelapp.shopify import documents
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.errors import (
    Cancelled,
    MalformedResponse,
    MissingScopes,
    OutcomeUnknown,
    RequestRejected,
    ShopifyError,
    UserErrors,
)

COMPLETED = "COMPLETED"
_RUNNING = frozenset({"CREATED", "RUNNING"})
log = logging.getLogger(__name__)
MAX_LINE = 8 * 1024 * 1024  # one object's line; a longer one is not Shopify's answer
# Answers that say "not this way" rather than "offline": the caller reads by id instead.
_REFUSALS = (UserErrors, MissingScopes, RequestRejected, OutcomeUnknown, MalformedResponse)


class BulkUnavailable(Exception):
    """Shopify refused, failed or lost the bulk operation; `reason` says how (for the log)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class BulkState:
    id: str
    status: str
    root_count: int  # the root objects (orders) written so far
    url: str | None
    error_code: str | None

    @classmethod
    def from_node(cls, node: Any) -> BulkState:
        if not isinstance(node, Mapping) or not isinstance(node.get("id"), str):
            raise BulkUnavailable("no bulk operation in the answer")
        return cls(
            node["id"],
            str(node.get("status") or ""),
            int(node.get("rootObjectCount") or 0),
            node.get("url") if isinstance(node.get("url"), str) else None,
            node.get("errorCode") if isinstance(node.get("errorCode"), str) else None,
        )

    @property
    def running(self) -> bool:
        return self.status in _RUNNING


def bulk_query(name: str, values: Mapping[str, Any]) -> str:
    """The client's document `name` with its variables written in (a bulk query takes none):
    `values`, else each variable's default. Values go in as GraphQL literals, never as text."""
    document = parse(documents.load(name), no_location=True)
    (operation,) = (d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    literals: dict[str, ast.ValueNode] = {}
    for definition in operation.variable_definitions or ():
        variable = definition.variable.name.value
        if variable in values:
            literal = _literal(values[variable])
        elif definition.default_value is not None:
            literal = definition.default_value
        else:
            raise ValueError(f"no value for ${variable}")
        literals[variable] = literal

    class Inline(Visitor):
        def enter_variable_definition(self, *_: Any) -> Any:
            return Visitor.REMOVE

        def enter_variable(self, node: VariableNode, *_: Any) -> Any:
            return literals[node.name.value]

    inlined = visit(document, Inline())
    assert isinstance(inlined, DocumentNode)
    return print_ast(inlined)


def _literal(value: Any) -> ast.ValueNode:
    if isinstance(value, str):
        return ast.StringValueNode(value=value)
    if isinstance(value, bool):
        return ast.BooleanValueNode(value=value)
    if isinstance(value, int):
        return ast.IntValueNode(value=str(value))
    raise TypeError(f"cannot write {type(value).__name__} into a bulk query")


def start_bulk_query(
    client: ShopifyClient, query: str, *, cancel: threading.Event | None = None
) -> BulkState:
    """Start a bulk query; `BulkUnavailable` when Shopify will not run it."""
    try:
        payload = client.mutate(
            documents.load("bulk_operation_run_query"), {"query": query}, cancel=cancel
        )
    except _REFUSALS as refused:
        raise BulkUnavailable(f"{type(refused).__name__}: {refused.detail}") from None
    return BulkState.from_node(payload.get("bulkOperation"))


def cancel_bulk(client: ShopifyClient, operation_id: str) -> None:
    """Ask Shopify to stop an operation no longer wanted (`bulkOperationCancel`). Best effort:
    one that has ended, an answer lost or a closed client is logged, never raised."""
    try:
        client.mutate(documents.load("bulk_operation_cancel"), {"id": operation_id})
    except Exception as failed:  # nothing waits on it; left alone, the operation expires
        log.info("bulk operation %s not cancelled: %s", operation_id, failed)


def poll_interval(polls: int) -> float:
    """Seconds before poll number `polls`: none before the first (the caller has done its
    own reads meanwhile), then Shopify's CLI's pace."""
    return 0.0 if polls == 0 else 1.0 if polls <= 10 else 5.0


def wait_for_bulks(
    client: ShopifyClient,
    states: Sequence[BulkState],
    *,
    cancel: threading.Event,
    seen: Callable[[Sequence[BulkState]], None] | None = None,
    interval: Callable[[int], float] = poll_interval,
) -> Iterator[tuple[int, BulkState | BulkUnavailable]]:
    """Poll the operations together (a point a poll each) until each has ended, yielding each
    as it ends: its index and its completed state, or `BulkUnavailable` for one Shopify
    failed, cancelled, expired or no longer knows. `seen` hears every round's states.
    Raises `Cancelled`."""
    current = list(states)
    pending = set(range(len(current)))
    polls = 0
    while pending:
        for index in sorted(i for i in pending if not current[i].running):
            pending.discard(index)
            yield index, _ended(current[index])
        if not pending:
            return
        if cancel.wait(interval(polls)):
            raise Cancelled
        polls += 1
        for index in sorted(pending):
            try:
                current[index] = _poll(client, current[index], cancel)
            except BulkUnavailable as lost:
                pending.discard(index)
                yield index, lost
        if seen is not None:
            seen(tuple(current))


def _poll(client: ShopifyClient, state: BulkState, cancel: threading.Event) -> BulkState:
    try:
        data = client.query(documents.load("bulk_operation"), {"id": state.id}, cancel=cancel)
    except _REFUSALS as refused:
        raise BulkUnavailable(f"{type(refused).__name__}: {refused.detail}") from None
    return BulkState.from_node(data.get("bulkOperation"))


def _ended(state: BulkState) -> BulkState | BulkUnavailable:
    if state.status != COMPLETED:
        return BulkUnavailable(f"{state.status} {state.error_code or ''}".strip())
    return state


@dataclass(frozen=True)
class Nested:
    """Where the lines of one type go back: into the connection at `path` of their parent, an
    object of type `parent`. The path may pass through plain objects, whose connections Shopify
    also writes as lines of their own naming the nearest object with an id (ASSUMED: its
    documentation shows only connections directly under a node), e.g. a requested order
    edit's removals at `("lineItems", "removals")`."""

    parent: str
    path: tuple[str, ...]


def bulk_nodes(
    client: ShopifyClient,
    state: BulkState,
    connections: Mapping[str, Nested],
    *,
    cancel: threading.Event | None = None,
) -> list[dict[str, Any]]:
    """The root objects of a completed operation, nested connections rebuilt.

    `connections` maps a child's type (from its gid) to where it goes back
    (`{"LineItem": Nested("Order", ("lineItems",))}`). No file (nothing matched): no objects."""
    if state.url is None:
        return []
    try:
        return nodes_from_jsonl(jsonl_lines(client.download(state.url, cancel=cancel)), connections)
    except Cancelled:
        raise
    except ShopifyError as error:  # the file could not be read: the caller reads by id
        raise BulkUnavailable(f"download: {type(error).__name__} {error.detail}") from None


def jsonl_lines(chunks: Iterable[bytes], max_line: int = MAX_LINE) -> Iterator[bytes]:
    """The non-empty lines of a JSONL stream, in time linear in its size whatever its chunks."""
    pending = bytearray()
    for chunk in chunks:
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            if end < 0:
                pending += chunk[start:]
                if len(pending) > max_line:
                    raise BulkUnavailable(f"a line longer than {max_line} bytes")
                break
            if pending:
                pending += chunk[start:end]
                line = bytes(pending)
                pending.clear()
            else:
                line = chunk[start:end]
            if len(line) > max_line:
                raise BulkUnavailable(f"a line longer than {max_line} bytes")
            if line.strip():
                yield line
            start = end + 1
    if pending.strip():
        yield bytes(pending)


def nodes_from_jsonl(
    lines: Iterable[bytes], connections: Mapping[str, Nested]
) -> list[dict[str, Any]]:
    """Root objects in file order, each connection of `connections` filled from the lines that
    name their parent in `__parentId`, two levels deep (a child before its parent is held until
    the parent comes). Every connection of an object is there, empty when no line names it."""
    held_by: dict[str, list[Nested]] = {}
    for nested in connections.values():
        held_by.setdefault(nested.parent, []).append(nested)
    objects: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    early: dict[str, list[tuple[Nested, dict[str, Any]]]] = {}
    for line in lines:
        try:
            item = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            raise BulkUnavailable("a line that is not JSON") from None
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise BulkUnavailable("a line without an object id")
        parent = item.pop("__parentId", None)
        kind = _gid_type(item["id"])
        for nested in held_by.get(kind, ()):
            _connection(item, nested.path)
        if parent is None:
            roots.append(item)
        else:
            nested_in = connections.get(kind)
            if nested_in is None or not isinstance(parent, str):
                raise BulkUnavailable(f"an object the query did not ask for: {item['id'][:80]}")
            owner = objects.get(parent)
            if owner is None:
                early.setdefault(parent, []).append((nested_in, item))
            else:
                _attach(owner, nested_in, item)
        objects[item["id"]] = item
        for nested_in, child in early.pop(item["id"], ()):
            _attach(item, nested_in, child)
    if early:
        raise BulkUnavailable("objects whose parent is not in the file")
    return roots


def _connection(owner: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    """The connection at `path` under `owner`, made empty (whole) when not there yet."""
    holder = owner
    for name in path[:-1]:
        inner = holder.get(name)
        if not isinstance(inner, dict):
            inner = holder[name] = {}
        holder = inner
    connection = holder.get(path[-1])
    if not isinstance(connection, dict) or not isinstance(connection.get("nodes"), list):
        connection = holder[path[-1]] = {"pageInfo": {"hasNextPage": False}, "nodes": []}
    return connection


def _attach(owner: dict[str, Any], nested: Nested, child: dict[str, Any]) -> None:
    if _gid_type(owner["id"]) != nested.parent:
        raise BulkUnavailable(f"an object under a parent it cannot have: {child['id'][:80]}")
    _connection(owner, nested.path)["nodes"].append(child)


def _gid_type(gid: str) -> str:
    """`LineItem` for `gid://shopify/LineItem/1`."""
    parts = gid.split("/", 4)
    return parts[3] if len(parts) > 4 and parts[:3] == ["gid:", "", "shopify"] else ""


__all__ = [
    "BulkState",
    "BulkUnavailable",
    "Nested",
    "bulk_nodes",
    "bulk_query",
    "cancel_bulk",
    "start_bulk_query",
    "wait_for_bulks",
]
