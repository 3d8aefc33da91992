from datetime import UTC, datetime, timedelta

from cancelapp.sync.progress import EtaEstimator

START = datetime(2026, 11, 1, tzinfo=UTC)


def test_eta_follows_how_far_the_newest_change_has_come() -> None:
    now = [0.0]
    eta = EtaEstimator(until=START + timedelta(days=8), clock=lambda: now[0])
    now[0] = 10.0  # first page: changes from day 0 to day 2 of 8, in 10 s
    assert eta.after_page(START, START + timedelta(days=2)) == timedelta(seconds=30)
    now[0] = 20.0
    assert eta.after_page(START + timedelta(days=2), START + timedelta(days=4)) == timedelta(
        seconds=20
    )


def test_no_eta_until_time_has_moved_and_a_new_step_starts_afresh() -> None:
    now = [5.0]
    eta = EtaEstimator(until=START + timedelta(days=1), clock=lambda: now[0])
    assert eta.after_page(START, START) is None
    eta.restart()
    now[0] = 9.0
    assert eta.after_page(START, START + timedelta(hours=12)) == timedelta(seconds=4)
