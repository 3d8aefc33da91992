"""A runner wired to a demo shop whose time moves only when someone waits.

The shop runs on a `ManualClock`; the runner's and the client's waits advance it instead of
sleeping, so cancel jobs, back-offs and the throttle bucket behave as in real time, with no
test ever sleeping.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx

from cancelapp.actions.carry_out.cancel_job import Backoff
from cancelapp.actions.runner import ActionRunner
from cancelapp.demoshop import DemoShop, ManualClock
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify.client import DEFAULT_TIMEOUT, ShopifyClient
from cancelapp.store import Database
from cancelapp.store.audit import AuditEntry, list_audit
from cancelapp.store.requests import add_request, get_request

SHOP_START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


class Harness:
    def __init__(
        self,
        shop: DemoShop,
        db: Database,
        store_id: int,
        *,
        grace: float = 1.0,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        on_wait: Callable[[float], None] | None = None,
        checkpoint: Callable[[str], None] | None = None,
    ) -> None:
        assert isinstance(shop.clock, ManualClock)
        self.shop = shop
        self.db = db
        self.store_id = store_id
        self.clock: ManualClock = shop.clock
        self.on_wait = on_wait
        self.jump = timedelta(0)  # the runner's wall clock is off by this (a clock jump)
        self.client = ShopifyClient(
            Endpoint.loopback(shop.base_url),
            AccessToken(shop.access_token),
            timeout=timeout,
            clock=self.clock.monotonic,
            sleep=self._client_sleep,
        )
        self.runner = ActionRunner(
            db,
            self.client,
            "Ida",
            clock=self.now,
            monotonic=self.clock.monotonic,
            wait=self._wait,
            backoff=Backoff(first=0.05, cap=0.5, deadline=30.0),
            cancel_grace=timedelta(seconds=grace),
            checkpoint=checkpoint,
        )

    def now(self) -> datetime:
        """The runner's wall clock: the shop's time, plus any jump."""
        return self.clock.now() + self.jump

    def _wait(self, seconds: float) -> bool:
        if self.on_wait is not None:
            self.on_wait(seconds)
        self.clock.advance(seconds)
        return False

    def _client_sleep(self, seconds: float, _cancel: threading.Event | None) -> bool:
        self.clock.advance(seconds)
        return False

    def request_for(
        self, order_id: str, *, native: str | None = None, lines: tuple[str, ...] = ()
    ) -> int:
        now = self.clock.now()
        draft = CancellationRequest(
            None,
            self.store_id,
            order_id,
            None,
            None,
            RequestState.OPEN,
            (RequestMessage(RequestSource.EMAIL, now, "Please cancel", external_id=order_id),),
            native_edit_id=native,
            line_item_ids=lines,
        )
        with self.db.transaction() as conn:
            return add_request(conn, draft, now=now).request_id

    def request_state(self, request_id: int) -> RequestState:
        with self.db.reading() as conn:
            found = get_request(conn, request_id)
        assert found is not None
        return found.state

    def audit(self) -> list[AuditEntry]:
        with self.db.reading() as conn:
            return list(reversed(list_audit(conn, self.store_id)))

    def close(self) -> None:
        self.runner.close()
        self.client.close()
