"""The HTTP face of the demo shop: Shopify's Admin API paths on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import html
import json
import logging
import re
import socket
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlsplit

from cancelapp.demoshop.auth import INVALID_TOKEN_BODY, TokenBook
from cancelapp.demoshop.bulk_operations import PATH_PREFIX as BULK_PREFIX
from cancelapp.demoshop.bulk_operations import BulkOperations
from cancelapp.demoshop.executor import Answer, GraphQLService, operation_name_of
from cancelapp.demoshop.faults import Fault, FaultKind, Faults
from cancelapp.demoshop.images import IMAGE_PATH, product_png
from cancelapp.demoshop.schema import VERSIONS

log = logging.getLogger(__name__)
GRAPHQL_PATH = re.compile(r"/admin/api/([^/]+)/graphql\.json")
ADMIN_ORDER_PATH = re.compile(r"/admin/orders/(\d+)")  # the order's page in "the admin"
TOKEN_PATH = "/admin/oauth/access_token"  # noqa: S105 (a path, not a secret)
HELD_AT_MOST_S = 60.0  # a held request goes on by itself after this: no test hangs forever
NOT_FOUND = {"errors": "Not Found"}
RATE_LIMITED = {
    "errors": "Exceeded 2 calls per second for api client. Reduce request rates to resume "
    "uninterrupted service."
}
MALFORMED_BODY = b'{"data": {"orders": {"nodes": [<html>502 Bad Gateway</html>'
REFUSED_BODY = {
    "errors": [
        {
            "message": "Fragment cannot be spread here as objects of type 'Node' can never be "
            "of type 'RequestedOrderEdit'",
            "extensions": {"code": "fragmentSpreadImpossible"},
        }
    ]
}


@dataclass
class RequestStats:
    """What went over the wire, for benchmarks (requests and bytes per order)."""

    requests: int = 0
    graphql_requests: int = 0
    versions: set[str] = field(default_factory=set)  # API versions asked for
    bytes_in: int = 0
    bytes_out: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, *, graphql: bool, received: int, sent: int, version: str | None = None) -> None:
        with self._lock:
            if version is not None:
                self.versions.add(version)
            self.requests += 1
            self.graphql_requests += int(graphql)
            self.bytes_in += received
            self.bytes_out += sent


class ServedShop(Protocol):
    """What the HTTP face needs of the shop behind it (`DemoShop`, which starts this server)."""

    scopes: frozenset[str]
    tokens: TokenBook
    service: GraphQLService
    faults: Faults
    stats: RequestStats
    bulk: BulkOperations


class DemoShopServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], shop: ServedShop) -> None:
        super().__init__(address, DemoShopHandler)
        self.shop = shop
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-answer (killed, timed out) is normal here; log the rest."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return
        log.error("demo shop request from %s failed", client_address, exc_info=True)

    def opened(self, connection: socket.socket) -> None:
        with self._open_lock:
            self._open.add(connection)

    def closed(self, connection: socket.socket) -> None:
        with self._open_lock:
            self._open.discard(connection)

    def hang_up_all(self) -> None:
        """Cut kept-alive connections too: a stopped shop answers nobody, like a dead network."""
        with self._open_lock:
            connections = list(self._open)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class DemoShopHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out separately: no 40 ms stalls
    server: DemoShopServer
    server_version = "DemoShop"

    def setup(self) -> None:
        super().setup()
        self.server.opened(self.connection)

    def finish(self) -> None:
        self.server.closed(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests and the app have their own logs."""

    def do_GET(self) -> None:
        self._read_body()
        path = urlsplit(self.path).path
        image = IMAGE_PATH.fullmatch(path)
        admin = ADMIN_ORDER_PATH.fullmatch(path)
        if image:
            data = _png(int(image.group(1)))
            self._send_bytes(200, data, "image/png", headers={"Cache-Control": "max-age=86400"})
        elif admin:
            self._send_bytes(200, self._admin_page(int(admin.group(1))), "text/html; charset=utf-8")
        elif path.startswith(BULK_PREFIX) and path.endswith(".jsonl"):
            self._bulk_file(path.removeprefix(BULK_PREFIX).removesuffix(".jsonl"))
        else:
            self._send_json(404, NOT_FOUND)

    def _bulk_file(self, key: str) -> None:
        """A bulk operation's answer, as from Shopify's signed storage URL: no token needed
        (one sent anyway is counted, for the tests that say it never is)."""
        shop = self.server.shop
        with_token = self.headers.get("X-Shopify-Access-Token") is not None
        with shop.service.store.lock:
            data = shop.bulk.file(key, with_token=with_token)
        if data is None:
            self._send_bytes(
                404,
                b"<?xml version='1.0'?><Error><Code>NoSuchKey</Code></Error>",
                "application/xml",
            )
            return
        shop.stats.count(graphql=False, received=0, sent=len(data))
        self._send_bytes(200, data, "application/jsonl")

    def _admin_page(self, number: int) -> bytes:
        """The demo shop's stand-in for the order's page in the Shopify admin."""
        store = self.server.shop.service.store
        with store.lock:
            order = store.orders.get(number)
            name = order.name if order is not None else "?"
        title = html.escape(f"{store.info.name}: order {name}")
        return f"<!doctype html><title>{title}</title><h1>{title}</h1>".encode()

    def do_POST(self) -> None:
        raw = self._read_body()
        path = urlsplit(self.path).path
        match = GRAPHQL_PATH.fullmatch(path)
        if path == TOKEN_PATH:
            self._token(raw)
        elif match:
            self._graphql(match.group(1), raw)
        else:
            self._send_json(404, NOT_FOUND)

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _token(self, raw: bytes) -> None:
        shop = self.server.shop
        fault = shop.faults.take("access_token")
        if fault is not None and not fault.after_execute:
            self._commit(fault, None)
            return
        form = dict(parse_qsl(raw.decode("utf-8", "replace")))
        answer = shop.tokens.grant(form, shop.scopes)
        self._finish(fault, Answer(answer.status, answer.body), raw)

    def _graphql(self, version: str, raw: bytes) -> None:
        shop = self.server.shop
        fault = shop.faults.take(operation_name_of(raw))
        if fault is not None and not fault.after_execute:
            if fault.kind is FaultKind.HELD and fault.gate is not None:
                fault.gate.wait(HELD_AT_MOST_S)  # hangs, then is done as usual
            elif fault.kind is not FaultKind.LATENCY:
                self._commit(fault, None)
                return
            else:
                time.sleep(fault.delay)  # arrives late, then is done as usual
            fault = None
        if version not in VERSIONS:
            answer = Answer(404, NOT_FOUND)
        elif not shop.tokens.accepts(self.headers.get("X-Shopify-Access-Token")):
            answer = Answer(401, INVALID_TOKEN_BODY)
        else:
            try:
                answer = shop.service.answer(version, raw, shop.scopes)
            except Exception:  # a demo shop bug: answer as Shopify's own failures look
                log.exception("demo shop failed on %s", operation_name_of(raw))
                answer = Answer(500, {"errors": "Internal Server Error"})
        self._finish(fault, answer, raw, version=version)

    def _finish(
        self, fault: Fault | None, answer: Answer, raw: bytes, *, version: str | None = None
    ) -> None:
        stats = self.server.shop.stats
        if fault is not None:
            stats.count(graphql=version is not None, received=len(raw), sent=0, version=version)
            self._commit(fault, answer, version=version)
            return
        data = _encode(answer.body)
        # Counted before it is sent: a client holding its answer sees it counted.
        stats.count(graphql=version is not None, received=len(raw), sent=len(data), version=version)
        self._send_encoded(answer.status, data, version=version)

    def _commit(self, fault: Fault, answer: Answer | None, *, version: str | None = None) -> None:
        if fault.kind is FaultKind.LATENCY:
            time.sleep(fault.delay)
            if answer is not None:
                self._send_json(answer.status, answer.body, version=version)
        elif fault.kind is FaultKind.SERVER_ERROR:
            self._send_json(fault.status, {"errors": "Internal Server Error"})
        elif fault.kind is FaultKind.RATE_LIMITED:
            self._send_json(429, RATE_LIMITED, extra={"Retry-After": f"{fault.retry_after:.1f}"})
        elif fault.kind is FaultKind.MALFORMED:
            self._send_bytes(200, MALFORMED_BODY, "application/json")
        elif fault.kind is FaultKind.REFUSED:
            self._send_json(200, REFUSED_BODY, version=version)
        elif fault.kind is FaultKind.TRUNCATED:
            body = json.dumps(answer.body if answer else {"data": None}).encode()
            self._send_bytes(200, body, "application/json", cut=len(body) // 2)
            self._hang_up()
        else:
            self._hang_up()

    def _hang_up(self) -> None:
        """Close the socket with no (further) answer, as a dropped connection looks."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _send_json(
        self,
        status: int,
        body: dict[str, Any],
        *,
        version: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> int:
        return self._send_encoded(status, _encode(body), version=version, extra=extra)

    def _send_encoded(
        self,
        status: int,
        data: bytes,
        *,
        version: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> int:
        headers = dict(extra or {})
        if version is not None and version in VERSIONS:
            headers["X-Shopify-API-Version"] = version
        return self._send_bytes(status, data, "application/json; charset=utf-8", headers=headers)

    def _send_bytes(
        self,
        status: int,
        data: bytes,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        cut: int | None = None,
    ) -> int:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Request-Id", uuid.uuid4().hex)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data if cut is None else data[:cut])
        return len(data)


@functools.cache
def _png(product_id: int) -> bytes:
    return product_png(product_id)


def _encode(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
