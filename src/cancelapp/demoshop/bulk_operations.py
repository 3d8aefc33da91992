"""Bulk queries (`bulkOperationRunQuery`, `bulkOperation(id:)`, `bulkOperationCancel`) as
Shopify runs them.

The query is checked as Shopify checks it (valid, at least one connection, at most five, at
most two levels of nested connections), then run in the background over the demo shop's own
executor, 250 root objects a page, each page under the store's lock like any request; it costs
no bucket points beyond the mutation and the polls (API-NOTES §2). Every connection is read
whole, and the answer is written as Shopify writes it without `groupObjects`: one JSONL line
per object, the nodes of a nested connection on lines of their own naming their parent in
`__parentId`. The file is served by the demo shop's HTTP server at an unguessable path that
needs no token (`/bulk/<key>.jsonl`), as Shopify's signed storage URL does.

Run time, ASSUMED: Shopify documents none. Its own CLI polls every second for the first ten
polls, then every five seconds (Shopify/cli pull request 6695), which suggests small operations
end within seconds; users report hours for very large ones (10,000+ products with their
variants took 2 to 3 hours, Shopify/shopify-api-ruby issue 876; product-variant jobs running
over half an hour, airbytehq/airbyte issue 39499). Modelled here as a start-up delay
(`ASSUMED_START_DELAY`, 5 s) plus the objects written at `ASSUMED_OBJECTS_PER_SECOND` (200):
532 orders with about 2,600 objects take about 18 s, 5,000 orders with about 25,000 objects
about 130 s. Several operations run side by side (up to five per shop, `most_running`), each
on its own thread, and each at that rate independently from its own start, as if Shopify gave
every operation its own worker: ASSUMED too (Shopify allows five concurrent bulk queries per
shop since 2026-01, API-NOTES §2, but documents nothing of how they share its capacity), so
four operations of 1,250 orders end in about 36 s where one of 5,000 takes 130 s. The shop
itself reads one operation at a time, its pages of 250 orders in turn under the store's lock,
so that several do not starve its requests of the lock (a thread releasing it for another to
take it at once); they end at the model's time all the same as long as they are read sooner. The
benchmarks and `python -m cancelapp.demoshop` use that model; a `DemoShop` made without it
(the tests, `--demo`) finishes a bulk query as soon as it has run it.

`refusal` plays a Shopify that will not run one: `ACCESS_DENIED` (a token that may not run bulk
operations; the mutation answers ACCESS_DENIED), `OPERATION_IN_PROGRESS` or `LIMIT_REACHED`
(user errors), `FAILED` or `CANCELED` (the operation ends so), `GONE` (it completes but its file
cannot be read). `held` keeps new operations from starting until released (a test reaching
the shop's state while one runs); `bulkOperationCancel` stops a running one (CANCELING, then
CANCELED, no file) and refuses one that has ended, as Shopify does.
"""

from __future__ import annotations

import json
import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    NamedTypeNode,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    execute_sync,
    get_named_type,
    parse,
    validate,
)
from graphql.error import GraphQLError
from graphql.language import ast

from cancelapp.demoshop.clock import Clock
from cancelapp.demoshop.context import Info, RequestContext, context_of
from cancelapp.demoshop.ids import gid, gid_number
from cancelapp.demoshop.shapes import MAX_PAGE, timestamp
from cancelapp.demoshop.store import ShopStore

ASSUMED_START_DELAY = 5.0  # seconds before the first object is written
ASSUMED_OBJECTS_PER_SECOND = 200.0
PATH_PREFIX = "/bulk/"
MOST_RUNNING = 5  # per shop, from 2026-01
REFUSALS = ("ACCESS_DENIED", "OPERATION_IN_PROGRESS", "LIMIT_REACHED", "FAILED", "CANCELED", "GONE")


@dataclass
class BulkRun:
    id: int
    query: str
    created_at: datetime
    started: float  # the clock's monotonic seconds
    key: str  # the file's unguessable name
    ends_as: str = "COMPLETED"
    lines: list[bytes] = field(default_factory=list)
    objects: int = 0
    roots: int = 0
    error_code: str | None = None
    done: threading.Event = field(default_factory=threading.Event)
    go: threading.Event = field(default_factory=threading.Event)  # set: may run
    canceling: bool = False


class BulkOperations:
    def __init__(
        self, store: ShopStore, clock: Clock, *, start_delay: float, objects_per_second: float
    ) -> None:
        self.store = store
        self.clock = clock
        self.start_delay = start_delay
        self.objects_per_second = objects_per_second
        self.refusal: str | None = None
        self.base_url = ""
        self.runs: dict[int, BulkRun] = {}
        self.downloads = 0
        self.downloads_with_token = 0  # a file asked for with the access token: must stay 0
        self.held = False  # new operations wait until `release()`
        self.cancelled: list[str] = []  # the operations `bulkOperationCancel` stopped
        self.cancel_seen = threading.Event()
        self.most_running = MOST_RUNNING  # fewer: other apps hold the rest of the shop's slots
        # one operation read at a time, whatever runs: the shop's requests get the store's lock
        # between its pages as with one (each one's run time is the model's, not this)
        self._one_run = threading.Lock()

    # The mutation and the query

    def run_query(
        self, context: RequestContext, schema: GraphQLSchema, query: str
    ) -> dict[str, Any]:
        """`bulkOperationRunQuery`'s payload (call under the store's lock)."""
        if self.refusal == "ACCESS_DENIED":
            raise GraphQLError(
                "Access denied for bulkOperationRunQuery field. Required access: Only "
                "accessible by supported access tokens.",
                extensions={"code": "ACCESS_DENIED"},
            )
        if self.refusal in {"OPERATION_IN_PROGRESS", "LIMIT_REACHED"}:
            message = {
                "OPERATION_IN_PROGRESS": "A bulk query operation for this app and shop is "
                "already in progress.",
                "LIMIT_REACHED": "Bulk operations limit reached. Please try again later.",
            }[self.refusal]
            return _refused(message, self.refusal)
        if sum(1 for r in self.runs.values() if not self._finished(r)) >= self.most_running:
            return _refused(
                "Bulk operations limit reached. Please try again later.", "LIMIT_REACHED"
            )
        try:
            document = _bulk_document(schema, query)
        except GraphQLError as invalid:
            return _refused(f"Invalid bulk query: {invalid.message}", "INVALID")
        run = BulkRun(
            self.store.new_id(),
            query,
            self.store.now(),
            self.clock.monotonic(),
            secrets.token_urlsafe(24),
        )
        if self.refusal in {"FAILED", "CANCELED"}:
            run.ends_as = self.refusal
            run.error_code = "INTERNAL_SERVER_ERROR" if self.refusal == "FAILED" else None
        if not self.held:
            run.go.set()
        self.runs[run.id] = run
        worker = threading.Thread(
            target=self._execute,
            args=(run, schema, document, context),
            name=f"demo-bulk-{run.id}",
            daemon=True,
        )
        worker.start()
        return {"bulkOperation": self.state(run), "userErrors": []}

    def find(self, number: int | None) -> BulkRun | None:
        return self.runs.get(number) if number is not None else None

    def cancel(self, number: int | None) -> dict[str, Any]:
        """`bulkOperationCancel`'s payload (call under the store's lock)."""
        run = self.find(number)
        if run is None:
            return _error("id", "Bulk operation does not exist")
        if self._finished(run):  # ASSUMED wording; Shopify refuses to cancel an ended one
            return _error("id", f"A bulk operation cannot be canceled when it is {run.ends_as}")
        if not run.canceling:
            run.canceling = True
            run.ends_as, run.error_code = "CANCELED", None
            self.cancelled.append(gid("BulkOperation", run.id))
            self.cancel_seen.set()
            run.go.set()
        return {"bulkOperation": self.state(run), "userErrors": []}

    def release(self) -> None:
        """Let held operations run, and new ones at once."""
        self.held = False
        for run in self.runs.values():
            run.go.set()

    def state(self, run: BulkRun) -> dict[str, Any]:
        """The `BulkOperation` object as it stands now."""
        finished = self._finished(run)
        elapsed = max(self.clock.monotonic() - run.started - self.start_delay, 0.0)
        rate = self._rate()
        fast = rate == float("inf")
        written = run.objects if finished or fast else min(run.objects, int(elapsed * rate))
        status = run.ends_as if finished else ("RUNNING" if elapsed > 0 else "CREATED")
        if run.canceling and not finished:
            status = "CANCELING"
        url = None
        if finished and status == "COMPLETED" and run.lines:
            url = f"{self.base_url}{PATH_PREFIX}{run.key}.jsonl"
        share = written / run.objects if run.objects else 0.0
        return {
            "__typename": "BulkOperation",
            "id": gid("BulkOperation", run.id),
            "status": status,
            "errorCode": run.error_code if finished else None,
            "objectCount": str(written),
            "rootObjectCount": str(int(run.roots * share) if not finished else run.roots),
            "url": url,
            "createdAt": timestamp(run.created_at),
            "query": run.query,
            "type": "QUERY",
            "fileSize": str(sum(len(line) for line in run.lines)) if url else None,
            "completedAt": None,
        }

    def file(self, key: str, *, with_token: bool) -> bytes | None:
        """The JSONL file named `key`; None when there is none (or the shop plays GONE)."""
        self.downloads += 1
        self.downloads_with_token += int(with_token)
        if self.refusal == "GONE":
            return None
        for run in self.runs.values():
            if secrets.compare_digest(run.key, key) and self._finished(run):
                return b"".join(run.lines)
        return None

    # Running

    def _rate(self) -> float:
        return self.objects_per_second if self.objects_per_second > 0 else float("inf")

    def _finished(self, run: BulkRun) -> bool:
        if not run.done.is_set():
            return False
        run_time = self.start_delay + run.objects / self._rate()
        return self.clock.monotonic() - run.started >= run_time

    def _execute(
        self, run: BulkRun, schema: GraphQLSchema, document: DocumentNode, context: RequestContext
    ) -> None:
        run.go.wait()
        with self._one_run:  # its pages in turn, as with one operation
            try:
                after: str | None = None
                while not run.canceling:
                    variables = {"bulkAfter": after}
                    with self.store.lock:
                        self.store.settle()
                        result = execute_sync(
                            schema,
                            document,
                            root_value={},
                            context_value=context,
                            variable_values=variables,
                        )
                    if result.errors or result.data is None:
                        denied = any(
                            (e.extensions or {}).get("code") == "ACCESS_DENIED"
                            for e in result.errors or ()
                        )
                        run.ends_as = "FAILED"
                        run.error_code = "ACCESS_DENIED" if denied else "INTERNAL_SERVER_ERROR"
                        run.lines.clear()
                        return
                    (root,) = result.data.values()
                    for edge in root["edges"]:
                        self._write(run, edge["node"], None)
                        run.roots += 1
                    if not root["pageInfo"]["hasNextPage"]:
                        return
                    after = root["pageInfo"]["endCursor"]
                run.lines.clear()  # cancelled: no file
            finally:
                run.done.set()

    def _write(self, run: BulkRun, node: dict[str, Any], parent: str | None) -> None:
        children: list[tuple[str, dict[str, Any]]] = []
        own = _own_fields(node, node["id"], children)
        if parent is not None:
            own["__parentId"] = parent
        run.lines.append(json.dumps(own, separators=(",", ":")).encode() + b"\n")
        run.objects += 1
        for owner, child in children:
            self._write(run, child, owner)


def _own_fields(
    value: dict[str, Any], owner: str, children: list[tuple[str, dict[str, Any]]]
) -> dict[str, Any]:
    """`value` without its connections, whose nodes go to `children` under `owner`: the object
    with an id whose line this is. A connection under a plain object (a requested order edit's
    `lineItems { removals }`) names that object's owner too (ASSUMED: Shopify documents only
    connections directly under a node), and the plain object stays on the line without it."""
    own: dict[str, Any] = {}
    for name, inner in value.items():
        if isinstance(inner, dict) and "edges" in inner:
            children += [(owner, edge["node"]) for edge in inner["edges"]]
        elif isinstance(inner, dict):
            own[name] = _own_fields(inner, owner, children)
        else:
            own[name] = inner
    return own


def bulk_operation_run_query(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    context = context_of(info)
    bulk: BulkOperations = context.bulk
    return bulk.run_query(context, info.schema, args["query"])


def bulk_operation(_root: Any, info: Info, **args: Any) -> dict[str, Any] | None:
    bulk: BulkOperations = context_of(info).bulk
    run = bulk.find(gid_number(args["id"], "BulkOperation"))
    return bulk.state(run) if run is not None else None


def bulk_operation_cancel(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    bulk: BulkOperations = context_of(info).bulk
    return bulk.cancel(gid_number(args["id"], "BulkOperation"))


def _error(name: str, message: str) -> dict[str, Any]:
    return {"bulkOperation": None, "userErrors": [{"field": [name], "message": message}]}


def _refused(message: str, code: str) -> dict[str, Any]:
    return {
        "bulkOperation": None,
        "userErrors": [{"field": ["query"], "message": message, "code": code}],
    }


def _bulk_document(schema: GraphQLSchema, query: str) -> DocumentNode:
    """The bulk query made runnable a page at a time: fragments inlined, every connection
    given `first: 250`, the root one also `after: $bulkAfter` and its `pageInfo`. Raises
    `GraphQLError` for a query Shopify would refuse."""
    document = parse(query)
    problems = validate(schema, document)
    if problems:
        raise problems[0]
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1 or operations[0].operation.value != "query":
        raise GraphQLError("a bulk query holds exactly one query")
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    (operation,) = operations
    if operation.variable_definitions:
        raise GraphQLError("a bulk query takes no variables")
    root_type = schema.query_type
    assert root_type is not None
    counter = _Connections()
    selection = _rewrite(operation.selection_set, root_type, fragments, schema, 0, counter)
    roots = [s for s in selection.selections if isinstance(s, FieldNode)]
    if len(roots) != 1 or counter.count == 0 or not _is_connection(roots[0], root_type):
        raise GraphQLError("a bulk query reads one top-level connection")
    if counter.count > 5:
        raise GraphQLError("a bulk query may hold at most five connections")
    root = roots[0]
    arguments = [a for a in root.arguments or () if a.name.value != "after"]
    arguments.append(
        ast.ArgumentNode(
            name=NameNode(value="after"),
            value=ast.VariableNode(name=NameNode(value="bulkAfter")),
        )
    )
    page_info = FieldNode(
        name=NameNode(value="pageInfo"),
        selection_set=SelectionSetNode(
            selections=(
                FieldNode(name=NameNode(value="hasNextPage")),
                FieldNode(name=NameNode(value="endCursor")),
            )
        ),
    )
    assert root.selection_set is not None
    paged_root = FieldNode(
        name=root.name,
        arguments=tuple(arguments),
        selection_set=SelectionSetNode(selections=(*root.selection_set.selections, page_info)),
    )
    paged = OperationDefinitionNode(
        operation=operation.operation,
        name=NameNode(value="DemoBulkPage"),
        variable_definitions=(
            ast.VariableDefinitionNode(
                variable=ast.VariableNode(name=NameNode(value="bulkAfter")),
                type=NamedTypeNode(name=NameNode(value="String")),
            ),
        ),
        selection_set=SelectionSetNode(selections=(paged_root,)),
    )
    return DocumentNode(definitions=(paged,))


@dataclass
class _Connections:
    count: int = 0


def _is_connection(node: FieldNode, parent: GraphQLObjectType) -> bool:
    definition = parent.fields.get(node.name.value)
    return definition is not None and get_named_type(definition.type).name.endswith("Connection")


def _rewrite(
    selection_set: SelectionSetNode,
    parent: GraphQLObjectType,
    fragments: dict[str, FragmentDefinitionNode],
    schema: GraphQLSchema,
    depth: int,
    counter: _Connections,
) -> SelectionSetNode:
    selections: list[Any] = []
    for selection in selection_set.selections:
        if isinstance(selection, FragmentSpreadNode):
            fragment = fragments[selection.name.value]
            selection = InlineFragmentNode(
                type_condition=fragment.type_condition, selection_set=fragment.selection_set
            )
        if isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition
            target = schema.get_type(condition.name.value) if condition else parent
            if not isinstance(target, GraphQLObjectType):
                target = parent
            inner = _rewrite(selection.selection_set, target, fragments, schema, depth, counter)
            selections.append(InlineFragmentNode(type_condition=condition, selection_set=inner))
            continue
        assert isinstance(selection, FieldNode)
        if selection.name.value.startswith("__") or selection.selection_set is None:
            selections.append(selection)
            continue
        definition = parent.fields[selection.name.value]
        child_type = get_named_type(definition.type)
        arguments = tuple(selection.arguments or ())
        nested = depth
        if _is_connection(selection, parent):
            counter.count += 1
            nested = depth + 1
            if nested > 3:  # the root connection and two levels under it
                raise GraphQLError("a bulk query nests connections at most two levels deep")
            arguments = (
                *(a for a in arguments if a.name.value not in {"first", "last"}),
                ast.ArgumentNode(
                    name=NameNode(value="first"), value=ast.IntValueNode(value=str(MAX_PAGE))
                ),
            )
        inner_set = selection.selection_set
        if isinstance(child_type, GraphQLObjectType):
            inner_set = _rewrite(inner_set, child_type, fragments, schema, nested, counter)
        selections.append(
            FieldNode(
                alias=selection.alias,
                name=selection.name,
                arguments=arguments,
                directives=selection.directives,
                selection_set=inner_set,
            )
        )
    return SelectionSetNode(selections=tuple(selections))
