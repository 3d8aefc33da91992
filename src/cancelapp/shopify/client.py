"""One store's Admin GraphQL client: paced, retried where safe, with typed errors.

Reads are retried on timeouts, dropped connections, 5xx and garbled answers with jittered
exponential back-off. A mutation is sent again only when Shopify cannot have run it (the
connection never opened, THROTTLED, 429, a refreshed token after 401) or when it carries an
idempotency key (then with the same key); otherwise the caller gets `OutcomeUnknown`.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx

from cancelapp.shopify import cost as query_cost
from cancelapp.shopify import documents
from cancelapp.shopify.auth import TokenSource
from cancelapp.shopify.credentials import Credentials
from cancelapp.shopify.endpoint import Endpoint
from cancelapp.shopify.errors import (
    AuthFailed,
    Cancelled,
    MalformedResponse,
    NetworkDown,
    OutcomeUnknown,
    ShopifyDown,
    ShopifyError,
    Throttled,
)
from cancelapp.shopify.operations import Operation, describe
from cancelapp.shopify.page_fit import PageFit
from cancelapp.shopify.pagination import pages
from cancelapp.shopify.responses import (
    Reply,
    decode,
    graphql_failure,
    payload_failure,
    status_failure,
)
from cancelapp.shopify.retry import RetryPolicy, retry_after
from cancelapp.shopify.shop_info import ShopInfo
from cancelapp.shopify.throttle import Clock, Sleep, Throttle, ThrottleStatus, event_sleep
from cancelapp.shopify.version import API_VERSION
from cancelapp.tls import system_tls_context

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=10.0, pool=10.0)
# A read a merchant waits on (`merchant_waiting`): a shop that hangs is given up on in about
# 20 s (two attempts of 10 s), not 2 minutes (four of 30 s), and the cached copy is used.
WAITED_READ_S = 10.0
WAITED_ATTEMPTS = 2
DEFAULT_LIMITS = httpx.Limits(max_connections=4, max_keepalive_connections=2, keepalive_expiry=20)
USER_AGENT = "CancelApp (+https://github.com/cancelapp)"


# The request certainly never reached the server: safe to send again, even a mutation.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ProxyError)


@dataclass
class RequestStats:
    """Counters for measurements and tests."""

    requests: int = 0
    throttled: int = 0  # THROTTLED answers and 429s
    retries: int = 0  # re-sent after a timeout, dropped connection, 5xx or garbled answer
    actual_cost: float = 0.0  # sum of `actualQueryCost`


class _Transient(Exception):
    """A failure worth another try; `sent` is False when the request never left."""

    def __init__(self, error: ShopifyError, *, sent: bool) -> None:
        super().__init__(str(error))
        self.error = error
        self.sent = sent


class ShopifyClient:
    def __init__(
        self,
        endpoint: Endpoint,
        credentials: Credentials,
        *,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        limits: httpx.Limits = DEFAULT_LIMITS,
        retry: RetryPolicy | None = None,
        clock: Clock = time.monotonic,
        sleep: Sleep = event_sleep,
        rng: random.Random | None = None,
        waited_read_s: float = WAITED_READ_S,
    ) -> None:
        self.endpoint = endpoint
        self._waited = httpx.Timeout(
            connect=timeout.connect, read=waited_read_s, write=timeout.write, pool=timeout.pool
        )
        self._waiting = threading.local()  # `merchant_waiting` on this thread
        self._first = threading.local()  # `going_first` on this thread
        # How long a merchant's read waits in all before it gives up: a request that may
        # not be abandoned (a bulk's mutation) is said to be slow after as long.
        self.merchant_patience = waited_read_s * WAITED_ATTEMPTS
        self.retry = retry or RetryPolicy()
        self.throttle = Throttle(clock, sleep)
        self.stats = RequestStats()
        self._rng = rng or random.Random()
        self._http = httpx.Client(
            timeout=timeout,
            limits=limits,
            follow_redirects=False,
            verify=system_tls_context(),
            trust_env=not endpoint.is_loopback,  # no proxy between us and the demo shop
            headers={"User-Agent": USER_AGENT},
        )
        self._tokens = TokenSource(endpoint, credentials, self._http, clock)
        self._costs: dict[tuple[str, str, tuple[tuple[str, int], ...]], float] = {}
        self._closed = threading.Event()
        # When each request now on its way left (monotonic), by a number of its own.
        self._out: dict[int, float] = {}
        self._out_lock = threading.Lock()
        self._sent = 0

    def __repr__(self) -> str:
        return f"ShopifyClient({self.endpoint.domain})"

    def __enter__(self) -> ShopifyClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Interrupts waits that have no cancel flag of their own and closes the connections."""
        self._closed.set()
        self._http.close()

    @property
    def unanswered_s(self) -> float:
        """How long the request that left first, of those still on their way, has waited for
        Shopify's answer (0 when none is): Shopify's silence. A wait for the budget before a
        request leaves is not silence (nor is a pause between requests)."""
        with self._out_lock:
            oldest = min(self._out.values(), default=None)
        return 0.0 if oldest is None else time.monotonic() - oldest

    @property
    def token_exchanges(self) -> int:
        """Client-credentials exchanges made so far (0 for a pasted token)."""
        return self._tokens.exchanges

    def connect(self, *, cancel: threading.Event | None = None) -> ShopInfo:
        """Reads the shop and the granted scopes; names the scopes CancelApp still needs."""
        return ShopInfo.from_data(self.query(documents.load("shop_info"), cancel=cancel))

    def query(
        self,
        document: str,
        variables: Mapping[str, Any] | None = None,
        *,
        version: str = API_VERSION,
        cancel: threading.Event | None = None,
    ) -> dict[str, Any]:
        """Runs a query and returns its `data`."""
        operation = describe(document)
        if operation.is_mutation:
            raise ValueError(f"{operation.name} is a mutation: use mutate()")
        return self._execute(document, operation, variables or {}, version, cancel)

    def mutate(
        self,
        document: str,
        variables: Mapping[str, Any] | None = None,
        *,
        payload: str | None = None,
        version: str = API_VERSION,
        cancel: threading.Event | None = None,
    ) -> dict[str, Any]:
        """Runs a mutation and returns `data[payload]` (default: its only root field).

        Raises `UserErrors` when the payload's `userErrors` (or `…UserErrors`) is not empty,
        and `OutcomeUnknown` when they say an attempt with the same idempotency key is still
        in progress (`IDEMPOTENCY_CONCURRENT_REQUEST`, typically answering a resend).
        """
        operation = describe(document)
        if not operation.is_mutation:
            raise ValueError(f"{operation.name} is a query: use query()")
        key = payload or operation.root_fields[0]
        data = self._execute(document, operation, variables or {}, version, cancel)
        result = data.get(key)
        if not isinstance(result, dict):
            raise OutcomeUnknown(f"{operation.name}: no {key} in the answer")
        failure = payload_failure(key, result)
        if failure is not None:
            raise failure
        return result

    def paginate(
        self,
        document: str,
        variables: Mapping[str, Any] | None = None,
        path: tuple[str, ...] = ("orders",),
        *,
        version: str = API_VERSION,
        cancel: threading.Event | None = None,
    ) -> Iterator[list[dict[str, Any]]]:
        """Pages of nodes of the connection at `path`, following `endCursor`; a page Shopify
        refuses as too expensive is asked again smaller (`page_fit`)."""
        fit = PageFit.for_document(document, variables)

        def fetch(page_variables: Mapping[str, Any]) -> dict[str, Any]:
            return fit.query(self, document, page_variables, version=version, cancel=cancel)

        return pages(fetch, variables or {}, path)

    def download(self, url: str, *, cancel: threading.Event | None = None) -> Iterator[bytes]:
        """The bytes of a file Shopify made for us (a bulk operation's JSONL), streamed from
        its signed URL with a plain GET: the URL is the permission, and the access token never
        goes with it (a storage host is not Shopify's API). Only `https` URLs, or `http` on
        this computer for the demo shop. Raises `MalformedResponse` for another URL,
        `NetworkDown` or `ShopifyDown` when it cannot be read, `Cancelled`."""
        stop = cancel or self._closed
        parts = httpx.URL(url)
        local = self.endpoint.is_loopback and parts.host in {"127.0.0.1", "localhost", "::1"}
        if not (parts.scheme == "https" or (parts.scheme == "http" and local)):
            raise MalformedResponse(f"not a file address: {parts.scheme}://{parts.host}")
        self.stats.requests += 1
        try:
            with self._http.stream("GET", parts, headers={"Accept": "*/*"}) as response:
                if response.status_code != 200:
                    raise ShopifyDown(f"file: HTTP {response.status_code}")
                for chunk in response.iter_bytes():
                    if stop.is_set():
                        raise Cancelled
                    yield chunk
        except httpx.TransportError as exc:
            raise NetworkDown(f"file: {type(exc).__name__}") from None

    # -- one request, paced and retried -------------------------------------------------------

    @contextmanager
    def merchant_waiting(self) -> Iterator[None]:
        """Requests this thread sends meanwhile are ones a merchant waits on (an approve's
        order read, a bulk's preparation): shorter patience, fewer attempts, and they go
        first in the pacer (`going_first`). Other threads keep theirs."""
        with self.going_first(), _flag(self._waiting, "on"):
            yield

    @contextmanager
    def going_first(self) -> Iterator[None]:
        """Requests this thread sends meanwhile go first in the pacer: while one waits for
        the budget, other threads' requests (a sync's) start none (`Throttle.acquire`). For
        what a merchant waits on, and for what a decision already made sends (the runner's
        carrying out: its cancel, refund and restock, and the reads between them), which
        is never held back behind a read."""
        with _flag(self._first, "on"):
            yield

    def _execute(
        self,
        document: str,
        operation: Operation,
        variables: Mapping[str, Any],
        version: str,
        cancel: threading.Event | None,
    ) -> dict[str, Any]:
        """Once a mutation may have reached Shopify, every failure after it (a later throttle,
        a cancel while backing off, a refused retry) is `OutcomeUnknown`: none of them says
        whether the first attempt changed the store."""
        progress = _Progress()
        try:
            return self._until_answered(
                document, operation, variables, version, cancel or self._closed, progress
            )
        except OutcomeUnknown:
            raise
        except ShopifyError as error:
            if not progress.maybe_applied:
                raise
            detail = error.detail or type(error).__name__
            raise OutcomeUnknown(f"{operation.name}: {detail} after a lost answer") from None

    def _until_answered(
        self,
        document: str,
        operation: Operation,
        variables: Mapping[str, Any],
        version: str,
        cancel: threading.Event,
        progress: _Progress,
    ) -> dict[str, Any]:
        cost_key = _cost_key(version, document, variables)
        body = {"query": document, "variables": dict(variables)}
        failures = throttled = 0
        refreshed = False
        waited = getattr(self._waiting, "on", False)
        attempts = min(self.retry.attempts, WAITED_ATTEMPTS) if waited else self.retry.attempts
        while True:
            if cancel.is_set() and not operation.is_mutation:
                raise Cancelled  # a read its caller stopped is not sent (a budget to spare
                # would let it go: `Throttle.acquire` only looks at the flag while waiting)
            cost = self._cost(cost_key, document, variables)
            first = getattr(self._first, "on", False)
            reservation = self.throttle.acquire(cost, cancel, first=first)
            try:
                reply = self._send(version, body, operation)
            except _Transient as transient:
                # No answer, no reading: the next answer's reading says what Shopify charged
                self.throttle.release(reservation)
                failures += 1
                progress.maybe_applied |= operation.is_mutation and transient.sent
                if progress.maybe_applied and (not operation.resendable or failures >= attempts):
                    raise OutcomeUnknown(f"{operation.name}: {transient.error.detail}") from None
                if failures >= attempts:
                    raise transient.error from None
                self.stats.retries += 1
                self.throttle.pause(self.retry.backoff(failures, self._rng), cancel)
                continue
            except _Unauthorized as unauthorized:
                self.throttle.release(reservation)  # refused before it ran: nothing charged
                if refreshed or not self._tokens.can_refresh:
                    raise self._auth_failed() from None
                self._tokens.invalidate(unauthorized.token)
                refreshed = True
                continue
            except _TooManyRequests as too_many:
                self.throttle.release(reservation)
                throttled += 1
                self._give_up_when_throttled(throttled, too_many.wait)
                self.throttle.pause(too_many.wait, cancel)
                continue
            if reply.requested_cost is not None:
                self._costs[cost_key] = reply.requested_cost
            if "THROTTLED" in reply.codes:
                throttled += 1
                # wait for the budget Shopify reported; its documented one second without one
                known = ThrottleStatus.from_extensions(reply.extensions) is not None
                wait = max(self.throttle.delay_for(self._costs[cost_key]), 0.05) if known else 1.0
                self._give_up_when_throttled(throttled, wait)
                self.throttle.pause(wait, cancel)
                continue
            if reply.errors and operation.is_mutation and _payload_returned(reply, operation):
                # The mutation ran; an error in part of its answer is not a refusal.
                codes = ", ".join(sorted(reply.codes))
                raise OutcomeUnknown(f"{operation.name}: answered with errors ({codes})")
            if reply.errors:
                raise graphql_failure(reply)
            if reply.data is None and operation.is_mutation:
                raise OutcomeUnknown(f"{operation.name}: empty answer")
            if reply.data is None:
                raise MalformedResponse(f"{operation.name}: neither data nor errors")
            return reply.data

    def _send(self, version: str, body: dict[str, Any], operation: Operation) -> Reply:
        try:
            token = self._tokens.token()
        except (NetworkDown, ShopifyDown) as error:  # the exchange failed: nothing was sent
            raise _Transient(error, sent=False) from None
        url = self.endpoint.graphql_url(version)
        started = time.perf_counter()
        self.stats.requests += 1
        with self._out_lock:
            self._sent += 1
            number = self._sent
            self._out[number] = time.monotonic()
        try:
            response = self._http.post(
                url,
                json=body,
                headers={"X-Shopify-Access-Token": token},
                timeout=self._waited if getattr(self._waiting, "on", False) else self._http.timeout,
            )
        except _NOT_SENT as exc:
            raise _Transient(NetworkDown(type(exc).__name__), sent=False) from None
        except httpx.TransportError as exc:
            raise _Transient(NetworkDown(type(exc).__name__), sent=True) from None
        finally:
            with self._out_lock:
                del self._out[number]
        status = response.status_code
        served = response.headers.get("X-Shopify-API-Version")
        if served and served != version:
            log.warning("asked for API version %s, Shopify served %s", version, served)
        if status == 401:
            raise _Unauthorized(token)
        if status == 429:
            self.stats.throttled += 1
            wait = retry_after(response)
            raise _TooManyRequests(
                wait if wait is not None else self.retry.backoff(1, self._rng) * 2
            )
        if status >= 500:
            raise _Transient(ShopifyDown(f"HTTP {status}"), sent=True)
        if status != 200:
            raise status_failure(self.endpoint, response)
        try:
            reply = decode(response)
        except ShopifyError as error:
            raise _Transient(error, sent=True) from None
        self.throttle.record(ThrottleStatus.from_extensions(reply.extensions))
        if "THROTTLED" in reply.codes:
            self.stats.throttled += 1
        if "INTERNAL_SERVER_ERROR" in reply.codes:
            raise _Transient(graphql_failure(reply), sent=True)
        self.stats.actual_cost += reply.actual_cost or 0.0
        log.debug(
            "%s %s cost %s/%s in %.0f ms",
            operation.name,
            version,
            reply.requested_cost,
            reply.actual_cost,
            (time.perf_counter() - started) * 1000,
        )
        return reply

    def _cost(
        self,
        key: tuple[str, str, tuple[tuple[str, int], ...]],
        document: str,
        variables: Mapping[str, Any],
    ) -> float:
        """Shopify's last reported requested cost for this document and page sizes, else ours."""
        known = self._costs.get(key)
        if known is None:
            known = float(query_cost.requested_cost(document, variables))
            self._costs[key] = known
        return known

    def _give_up_when_throttled(self, throttled: int, wait: float) -> None:
        if throttled >= self.retry.throttled_attempts or wait > self.retry.max_retry_after:
            raise Throttled(timedelta(seconds=wait), f"throttled {throttled} times")

    def _auth_failed(self) -> AuthFailed:
        if not self._tokens.can_refresh:
            return AuthFailed.bad_token("HTTP 401")
        return AuthFailed.bad_client_credentials("HTTP 401 with a fresh token")


@contextmanager
def _flag(local: threading.local, name: str) -> Iterator[None]:
    """Sets a thread-local flag for the block, then puts back what it was (sections nest)."""
    before = getattr(local, name, False)
    setattr(local, name, True)
    try:
        yield
    finally:
        setattr(local, name, before)


@dataclass
class _Progress:
    maybe_applied: bool = False  # a mutation left and no answer came back


class _Unauthorized(Exception):
    def __init__(self, token: str) -> None:
        super().__init__("HTTP 401")
        self.token = token


class _TooManyRequests(Exception):
    def __init__(self, wait: float) -> None:
        super().__init__(f"retry after {wait:.1f} s")
        self.wait = wait


def _cost_key(
    version: str, document: str, variables: Mapping[str, Any]
) -> tuple[str, str, tuple[tuple[str, int], ...]]:
    """Page sizes change a document's cost; other variables do not."""
    sizes = tuple(
        sorted(
            (name, value)
            for name, value in variables.items()
            if isinstance(value, int) and not isinstance(value, bool)
        )
    )
    return version, document, sizes


def _payload_returned(reply: Reply, operation: Operation) -> bool:
    data = reply.data or {}
    return any(data.get(field) is not None for field in operation.root_fields)
