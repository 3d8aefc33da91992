"""Showing the selected request: read from the cache in a worker, with the verdict the queue
shows (`verdict_due` when it is outdated: the window judges it again), and completed from
Shopify when the cache holds its order lean.

Offline, a lean order is shown as cached with a note that the full order loads when online;
`online()` (after a sync succeeds) lets the next look try again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from cancelapp.domain.order_view import Hold
from cancelapp.session.detail import RequestDetail, load_detail
from cancelapp.store.database import Database
from cancelapp.ui.detail.detail_pane import DetailPane
from cancelapp.ui.policy.policy_flow import PolicyFlow
from cancelapp.ui.workers import Lane, WorkerPool

if TYPE_CHECKING:
    from cancelapp.session.refresh import StoreSession


class DetailFlow(QObject):
    shown = Signal(int)  # request id (0: nothing selected)
    rows_changed = Signal(object)  # frozenset of request ids judged after completing an order
    waiting_online = Signal(str)  # a note for the status bar: the order loads when online
    problem = Signal(object)  # an error, for the banner
    images_shown = Signal(int)  # request id whose product images are on screen
    hold_released = Signal(int)  # request id
    verdict_due = Signal()  # the request shown has an outdated verdict: judge it again
    reached = Signal()  # Shopify answered the order's read: the window is online
    unreachable = Signal()  # the order's read found Shopify out of reach: offline at once

    def __init__(
        self,
        workers: WorkerPool,
        database: Database,
        pane: DetailPane,
        policy: PolicyFlow,
        current_session: Callable[[], StoreSession | None],
        clock: Callable[[], datetime],
        parent: QObject | None = None,
        *,
        cache_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.workers = workers
        self.database = database
        self.pane = pane
        self.policy = policy
        self.current_session = current_session
        self.clock = clock
        self.wanted = 0  # the request the merchant selected last
        self._completing: set[str] = set()  # order ids being read in full
        self._offline: set[str] = set()  # order ids that could not be read: wait for online
        self._gone: set[str] = set()  # order ids Shopify no longer has
        self.cache_dir = cache_dir  # product images are kept under it
        self._releasing: set[str] = set()  # fulfillment orders whose hold is being released
        pane.release_hold_requested.connect(self.release_hold)

    def load(self, request_id: int) -> None:
        self.wanted = request_id
        rules = self.policy.rules  # one value: the policy and window it holds go together
        if rules is None and request_id:
            return  # shown when the policy has loaded
        if request_id == 0 or rules is None:
            self.pane.show_empty()
            self.shown.emit(0)
            return
        task = self.workers.run(
            load_detail,
            self.database,
            request_id,
            rules.policy,
            self.clock(),
            rules.shop_edit_window,
            rules.withdrawal,
            digest=rules.digest,
        )
        task.succeeded.connect(lambda detail: self._loaded(request_id, detail))
        task.failed.connect(self.problem)

    def reload(self) -> None:
        """Show the selected request again (the policy, its verdict or its order changed)."""
        if self.wanted:
            self.load(self.wanted)

    def online(self) -> None:
        """Shopify answered again: orders that could not be read are tried on the next look."""
        self._offline.clear()
        detail = self.pane.detail
        if detail is not None and not detail.complete and detail.request.id == self.wanted:
            self.reload()

    def _loaded(self, request_id: int, detail: RequestDetail | None) -> None:
        if request_id != self.wanted:
            return
        self.pane.show_detail(detail)
        if detail is not None and not (detail.complete and detail.in_full):
            self._complete(detail)
        if detail is not None and detail.verdict_due:
            self.verdict_due.emit()
        self.shown.emit(request_id)
        if detail is not None and detail.view.image_urls and self.cache_dir is not None:
            self._fetch_images(request_id, detail.view.image_urls)

    def _fetch_images(self, request_id: int, urls: tuple[str, ...]) -> None:
        """Product images from the disk cache, the missing ones fetched (offline: only the
        cached ones); shown when they are there, if the request is still selected."""
        from cancelapp.session.product_images import fetch_images

        assert self.cache_dir is not None
        task = self.workers.run(fetch_images, self.cache_dir, urls)

        def fetched(images: dict[str, Path]) -> None:
            if request_id == self.wanted:
                self.pane.show_images(images)
                self.images_shown.emit(request_id)

        task.succeeded.connect(fetched)
        task.failed.connect(self.problem)

    def release_hold(self, hold: Hold) -> None:
        """Release a fulfillment hold in Shopify (the pane's "Release hold"), then show the
        order as Shopify now has it."""
        detail = self.pane.detail
        session = self.current_session()
        if detail is None or detail.request.order_id is None:
            return
        if session is None:
            self.waiting_online.emit(self.tr("Shopify must be reachable to release a hold."))
            return
        if hold.fulfillment_order_id in self._releasing:
            return
        from cancelapp.session.holds import release_hold

        request_id = detail.request.id
        order_id = detail.request.order_id
        self._releasing.add(hold.fulfillment_order_id)
        task = self.workers.run_on(
            Lane.NETWORK, release_hold, session, order_id, request_id, hold, session.runner.who
        )

        def done(_result: object) -> None:
            self._releasing.discard(hold.fulfillment_order_id)
            if request_id is not None:
                self.rows_changed.emit(frozenset({request_id}))
                self.hold_released.emit(request_id)
            self.reload()

        def failed(error: object) -> None:
            self._releasing.discard(hold.fulfillment_order_id)
            self.problem.emit(error)
            self.reload()  # the button again, beside what the banner says

        task.succeeded.connect(done)
        task.failed.connect(failed)

    def mark_read(self, staff_name: str) -> None:
        """Clear the shown request's mark of messages after the decision, then show it and
        its row again."""
        detail = self.pane.detail
        request_id = detail.request.id if detail is not None else None
        if detail is None or request_id is None or detail.unread_since is None:
            return
        from cancelapp.session.messages_read import mark_messages_read

        task = self.workers.run_on(
            Lane.DATABASE_WRITE,
            mark_messages_read,
            self.database,
            detail.request.store_id,
            request_id,
            detail.request.order_id,
            staff_name,
        )

        def done(_changed: bool) -> None:
            self.rows_changed.emit(frozenset({request_id}))
            if request_id == self.wanted:
                self.reload()

        task.succeeded.connect(done)
        task.failed.connect(self.problem)

    def _complete(self, detail: RequestDetail) -> None:
        order_id = detail.request.order_id
        session = self.current_session()
        if order_id is None or order_id in self._completing or order_id in self._gone:
            return
        if session is None or order_id in self._offline:
            if detail.complete:
                return  # judged and decidable: an action reads the whole order live
            self.waiting_online.emit(
                self.tr(
                    "Only a summary of {order} is cached: the full order loads when online."
                ).format(order=detail.order.name if detail.order else order_id)
            )
            return
        from cancelapp.session.refresh import OFFLINE, complete_order

        self._completing.add(order_id)
        task = self.workers.run_on(Lane.NETWORK, complete_order, session, order_id)

        def done(judged: list[int] | None) -> None:
            self._completing.discard(order_id)
            self.reached.emit()
            if judged is None:
                self._gone.add(order_id)  # deleted in Shopify: the summary is all there is
                return
            self.rows_changed.emit(frozenset(judged))
            if detail.request.id == self.wanted:
                self.reload()

        def failed(error: object) -> None:
            self._completing.discard(order_id)
            if isinstance(error, OFFLINE):
                self._offline.add(order_id)
                self.unreachable.emit()
                if detail.request.id == self.wanted:
                    self._complete(detail)  # says it loads when online
            else:
                self.problem.emit(error)

        task.succeeded.connect(done)
        task.failed.connect(failed)
