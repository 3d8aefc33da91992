"""The queue's first page: the opening view's leading rows, read without the whole queue."""

from __future__ import annotations

import random
from datetime import timedelta

from store_samples import T0, draft, message

from cancelapp.domain.request import RequestState
from cancelapp.store import Database
from cancelapp.store.queue import load_queue, load_queue_head
from cancelapp.store.requests import add_request, set_state


def test_head_is_the_newest_undecided_requests_in_the_opening_order(
    database: Database, store_id: int
) -> None:
    rng = random.Random(4)
    states = [RequestState.OPEN, RequestState.FAILED, RequestState.DONE, RequestState.DECLINED]
    with database.transaction() as conn:
        for n in range(1, 121):
            # Few distinct times: many ties, which the queue breaks newest request first.
            at = T0 - timedelta(minutes=rng.randrange(15))
            request_id = add_request(
                conn, draft(store_id, message(at=at, external_id=str(n)), order_number=n), now=T0
            ).request_id
            state = rng.choice(states)
            if state is not RequestState.OPEN:
                set_state(conn, request_id, state, now=T0)
        everything = load_queue(conn, store_id)
        head = load_queue_head(conn, store_id, 25)
        unmatched = add_request(conn, draft(store_id, message(at=T0 + timedelta(hours=1))), now=T0)
        assert unmatched.request_id not in {
            r.request_id for r in load_queue_head(conn, store_id, 5)
        }
    undecided = [r for r in everything if r.request_state in ("open", "failed")]
    undecided.sort(key=lambda r: (r.received_at, r.request_id), reverse=True)
    assert len(undecided) > 25
    assert head == sorted(undecided[:25], key=lambda r: r.request_id)
