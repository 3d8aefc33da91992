"""One GraphQL request, answered as Shopify answers: validated, costed, paced, executed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    execute_sync,
    get_operation_ast,
    parse,
    validate,
)
from graphql.execution.values import VariableValues, get_variable_values

from cancelapp.demoshop.bulk_operations import BulkOperations
from cancelapp.demoshop.context import RequestContext
from cancelapp.demoshop.cost import CostCalculator
from cancelapp.demoshop.schema import default_field_resolver, executable_schema
from cancelapp.demoshop.store import ShopStore
from cancelapp.demoshop.throttle import SINGLE_QUERY_MAX_COST, LeakyBucket
from cancelapp.demoshop.validation_errors import shopify_validation_error

RATE_LIMITS_DOC = "https://shopify.dev/api/usage/rate-limits"
MAX_COST_MESSAGE = (
    "Query cost is {cost}, which exceeds the single query max cost limit ({limit}).\n\n"
    "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n"
    "cost of a query is calculated.\n\n"
    "To query larger amounts of data with fewer limits, bulk operations should be used "
    "instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for "
    "usage details.\n"
)


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any]


class BadRequest(Exception):
    """The body is not a GraphQL request at all (HTTP 400)."""


@dataclass(frozen=True)
class GraphQLRequest:
    query: str
    variables: dict[str, Any]
    operation_name: str | None

    @classmethod
    def from_body(cls, raw: bytes) -> GraphQLRequest:
        try:
            body = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise BadRequest from None
        if not isinstance(body, dict) or not isinstance(body.get("query"), str):
            raise BadRequest
        variables = body.get("variables") or {}
        operation = body.get("operationName")
        if not isinstance(variables, dict) or not (operation is None or isinstance(operation, str)):
            raise BadRequest
        return cls(body["query"], variables, operation)


@lru_cache(maxsize=512)
def _parse(query: str) -> DocumentNode:
    return parse(query)


@lru_cache(maxsize=512)
def _validate(version: str, query: str) -> tuple[GraphQLError, ...]:
    return tuple(validate(executable_schema(version), _parse(query)))


def operation_name_of(raw: bytes) -> str | None:
    """The operation a request body runs, for fault targeting; None when unreadable."""
    try:
        request = GraphQLRequest.from_body(raw)
        operation = get_operation_ast(_parse(request.query), request.operation_name)
    except (BadRequest, GraphQLError):
        return None
    return operation.name.value if operation and operation.name else request.operation_name


class GraphQLService:
    def __init__(
        self,
        store: ShopStore,
        bucket: LeakyBucket,
        *,
        cancel_job_delay: float,
        bulk: BulkOperations | None = None,
    ) -> None:
        self.store = store
        self.bucket = bucket
        self.cancel_job_delay = cancel_job_delay
        self.bulk = bulk
        self.surcharges: dict[str, int] = {}  # manual field costs: see `DemoShop.charge_extra`

    def answer(self, version: str, raw: bytes, scopes: frozenset[str]) -> Answer:
        try:
            request = GraphQLRequest.from_body(raw)
        except BadRequest:
            return Answer(400, {"errors": {"query": "Required parameter missing or invalid"}})
        try:
            document = _parse(request.query)
        except GraphQLError as error:
            return Answer(200, {"errors": [error.formatted]})
        problems = _validate(version, request.query)
        if problems:
            return Answer(200, {"errors": [shopify_validation_error(e) for e in problems]})
        schema = executable_schema(version)
        operation = get_operation_ast(document, request.operation_name)
        if operation is None:
            message = (
                "An operation name is required"
                if request.operation_name is None
                else (f'No operation named "{request.operation_name}"')
            )
            return Answer(200, {"errors": [{"message": message}]})
        coerced = get_variable_values(
            schema, operation.variable_definitions or (), request.variables
        )
        if isinstance(coerced, list):
            return Answer(200, {"errors": [_invalid_variable(e) for e in coerced]})
        return self._run(version, schema, document, operation, request, coerced, scopes)

    def _run(
        self,
        version: str,
        schema: GraphQLSchema,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        request: GraphQLRequest,
        variables: VariableValues,
        scopes: frozenset[str],
    ) -> Answer:
        calculator = CostCalculator(schema, document, operation, variables, self.surcharges)
        requested = calculator.requested()
        if requested > SINGLE_QUERY_MAX_COST:
            error = {
                "message": MAX_COST_MESSAGE.format(cost=requested, limit=SINGLE_QUERY_MAX_COST),
                "extensions": {
                    "code": "MAX_COST_EXCEEDED",
                    "cost": requested,
                    "maxCost": SINGLE_QUERY_MAX_COST,
                    "documentation": RATE_LIMITS_DOC,
                },
            }
            return Answer(200, {"errors": [error], "extensions": self._cost(requested, None)})
        if not self.bucket.take(requested):
            error = {
                "message": "Throttled",
                "extensions": {"code": "THROTTLED", "documentation": RATE_LIMITS_DOC},
            }
            return Answer(200, {"errors": [error], "extensions": self._cost(requested, None)})
        context = RequestContext(self.store, version, scopes, self.cancel_job_delay, bulk=self.bulk)
        with self.store.lock:
            self.store.settle()
            result = execute_sync(
                schema,
                document,
                root_value={},
                context_value=context,
                variable_values=request.variables,
                operation_name=request.operation_name,
                field_resolver=default_field_resolver,
            )
            actual = min(calculator.actual(result.data), requested)
        self.bucket.give_back(requested - actual)
        self.bucket.record_spent(actual)
        body: dict[str, Any] = {}
        if result.errors:
            body["errors"] = [e.formatted for e in result.errors]
        body["data"] = result.data
        body["extensions"] = self._cost(requested, actual)
        return Answer(200, body)

    def _cost(self, requested: int, actual: int | None) -> dict[str, Any]:
        return {
            "cost": {
                "requestedQueryCost": requested,
                "actualQueryCost": actual,
                "throttleStatus": self.bucket.status().as_json(),
            }
        }


def _invalid_variable(error: GraphQLError) -> dict[str, Any]:
    formatted: dict[str, Any] = dict(error.formatted)
    extensions: dict[str, Any] = dict(formatted.get("extensions") or {})
    formatted["extensions"] = {**extensions, "code": "INVALID_VARIABLE"}
    return formatted
