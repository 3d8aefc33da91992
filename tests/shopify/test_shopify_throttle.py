"""Throttle maths on a fake clock: how long to wait, and that waiting can be interrupted."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from random import Random

import httpx
import pytest

from cancelapp.shopify import Cancelled
from cancelapp.shopify.retry import RetryPolicy, retry_after
from cancelapp.shopify.throttle import MARGIN_POINTS, YIELD_S, Throttle, ThrottleStatus


class FakeTime:
    """A clock that only moves when the throttle sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float, cancel: threading.Event | None) -> bool:
        if cancel is not None and cancel.is_set():
            return True
        self.sleeps.append(seconds)
        self.now += seconds
        return False


def status(available: float, maximum: float = 1000, rate: float = 100) -> ThrottleStatus:
    return ThrottleStatus(maximum, available, rate)


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime()


def test_before_any_reading_nothing_waits(fake: FakeTime) -> None:
    throttle = Throttle(fake.clock, fake.sleep)
    assert throttle.acquire(900).waited_s == 0
    assert throttle.status is None


def test_waits_exactly_until_the_projected_budget_covers_the_cost(fake: FakeTime) -> None:
    throttle = Throttle(fake.clock, fake.sleep)
    throttle.record(status(available=100))
    fake.now += 1.0  # 100 restored meanwhile: 200 available
    wait = 3.0 + MARGIN_POINTS / 100  # and a point to spare
    assert throttle.delay_for(500) == pytest.approx(wait)
    assert throttle.acquire(500).waited_s == pytest.approx(wait)
    assert sum(fake.sleeps) == pytest.approx(wait)
    projected = throttle.status
    assert projected is not None
    assert projected.currently_available == pytest.approx(MARGIN_POINTS)  # the 500 are reserved


def test_projection_never_exceeds_the_bucket(fake: FakeTime) -> None:
    throttle = Throttle(fake.clock, fake.sleep)
    throttle.record(status(available=10, maximum=50))
    fake.now += 60
    projected = throttle.status
    assert projected is not None
    assert projected.currently_available == 50


def test_a_query_larger_than_the_bucket_waits_for_a_full_bucket(fake: FakeTime) -> None:
    throttle = Throttle(fake.clock, fake.sleep)
    throttle.record(status(available=0, maximum=50, rate=10))
    assert throttle.delay_for(800) == pytest.approx(5.0)


def test_reservations_pace_back_to_back_requests_at_the_restore_rate(fake: FakeTime) -> None:
    throttle = Throttle(fake.clock, fake.sleep)
    throttle.record(status(available=100, maximum=1000, rate=50))
    for _ in range(10):
        throttle.acquire(100)
    # the first waits only for the spare point, which then stays in the bucket;
    # each of the other nine waits 100 points / 50 per s
    assert sum(fake.sleeps) == pytest.approx(18.0 + MARGIN_POINTS / 50)


def test_a_fresh_reading_replaces_the_projection(fake: FakeTime) -> None:
    throttle = Throttle(fake.clock, fake.sleep)
    throttle.record(status(available=1000))
    throttle.acquire(900)
    throttle.record(status(available=995))  # Shopify refunded the unused part
    assert throttle.delay_for(900) == 0


def test_a_set_cancel_flag_interrupts_the_wait(fake: FakeTime) -> None:
    throttle = Throttle(fake.clock, fake.sleep)
    throttle.record(status(available=0))
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        throttle.acquire(500, cancel)
    assert fake.sleeps == []


def test_real_sleep_returns_as_soon_as_cancel_is_set() -> None:
    throttle = Throttle()
    throttle.record(status(available=0, rate=1))  # 500 s to wait
    cancel = threading.Event()
    timer = threading.Timer(0.05, cancel.set)
    timer.start()
    with pytest.raises(Cancelled):
        throttle.acquire(500, cancel)
    timer.join()


def test_status_is_read_from_the_extensions() -> None:
    extensions = {
        "cost": {
            "requestedQueryCost": 101,
            "actualQueryCost": 46,
            "throttleStatus": {
                "maximumAvailable": 1000.0,
                "currentlyAvailable": 954,
                "restoreRate": 50.0,
            },
        }
    }
    assert ThrottleStatus.from_extensions(extensions) == ThrottleStatus(1000, 954, 50)
    assert ThrottleStatus.from_extensions({}) is None
    assert ThrottleStatus.from_extensions({"cost": {"throttleStatus": "x"}}) is None


def test_backoff_grows_with_jitter_and_stays_under_the_cap() -> None:
    policy = RetryPolicy(base_delay=0.5, max_delay=8.0)
    rng = Random(7)
    for retry, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (5, 8.0), (9, 8.0)]:
        delays = {policy.backoff(retry, rng) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 1  # jittered


def test_retry_after_in_seconds_or_as_a_date() -> None:
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    seconds = httpx.Response(429, headers={"Retry-After": "2.5"})
    dated = httpx.Response(
        429, headers={"Retry-After": format_datetime(now + timedelta(seconds=30), usegmt=True)}
    )
    assert retry_after(seconds) == 2.5
    assert retry_after(dated, now=now) == pytest.approx(30)
    assert retry_after(httpx.Response(429)) is None
    assert retry_after(httpx.Response(429, headers={"Retry-After": "soon"})) is None


def test_a_request_shopify_never_charged_gives_its_points_back(fake: FakeTime) -> None:
    throttle = Throttle(fake.clock, fake.sleep)
    throttle.record(status(available=1000))
    for _ in range(4):  # four refused attempts: without giving back, the fifth would wait 20 s
        throttle.release(throttle.acquire(500))
    assert throttle.acquire(500).waited_s == 0
    projected = throttle.status
    assert projected is not None
    assert projected.currently_available == pytest.approx(500)


def test_points_are_not_given_back_past_a_fresh_reading(fake: FakeTime) -> None:
    throttle = Throttle(fake.clock, fake.sleep)
    throttle.record(status(available=1000))
    reservation = throttle.acquire(500)
    throttle.record(status(available=300))  # another thread's answer: Shopify's own count
    throttle.release(reservation)
    projected = throttle.status
    assert projected is not None
    assert projected.currently_available == pytest.approx(300)


def test_when_both_wait_for_the_refill_the_first_request_goes_first(fake: FakeTime) -> None:
    """A sync's page and an order read for a decision both wait for the refill: the read
    goes first. Without it, the pages (about 900 points each) took every refill, and the
    read waited for the whole backfill."""
    throttle = Throttle(fake.clock, lambda seconds, cancel: sleep(seconds, cancel))
    throttle.record(status(available=0))  # 100 points a second
    merchant_sleeping, merchant_may_wake = threading.Event(), threading.Event()
    read: list[float] = []

    def merchant() -> None:
        read.append(throttle.acquire(500, first=True).waited_s)

    reader = threading.Thread(target=merchant, daemon=True)

    def sleep(seconds: float, cancel: threading.Event | None) -> bool:
        if threading.current_thread() is reader:  # its time passes as the page waits
            woken = merchant_sleeping.is_set()  # a second wait: the page took its points
            merchant_sleeping.set()
            merchant_may_wake.wait(5)
            return woken  # interrupted: it ends without points
        fake.sleep(seconds, cancel)
        if fake.now >= 100 + 5 + MARGIN_POINTS / 100 and not merchant_may_wake.is_set():
            merchant_may_wake.set()  # its 500 points are there: it takes them
            reader.join(5)
        return False

    reader.start()
    try:
        assert merchant_sleeping.wait(5)  # the read waits for its 500 points
        page = throttle.acquire(100)  # a page's 100 were there after 1 s: it lets the read go
    finally:
        merchant_may_wake.set()
        reader.join(5)
    assert read == [pytest.approx(5 + MARGIN_POINTS / 100)]
    assert page.waited_s == pytest.approx(6 + 2 * MARGIN_POINTS / 100, abs=YIELD_S)


def test_with_budget_to_spare_nobody_waits_for_a_first_request(fake: FakeTime) -> None:
    throttle = Throttle(fake.clock, fake.sleep)
    throttle.record(status(available=1000))
    assert throttle.acquire(300, first=True).waited_s == 0  # in flight, not answered yet
    assert throttle.acquire(300).waited_s == 0
    assert fake.sleeps == []
