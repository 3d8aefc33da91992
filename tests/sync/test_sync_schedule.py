from datetime import timedelta

from cancelapp.sync.schedule import next_sync_in


def test_online_syncs_follow_the_interval() -> None:
    assert next_sync_in(0, timedelta(minutes=7)) == timedelta(minutes=7)


def test_offline_retries_back_off_but_never_beyond_the_interval() -> None:
    delays = [next_sync_in(n, timedelta(minutes=5)) for n in range(1, 8)]
    assert delays[:4] == [timedelta(seconds=s) for s in (15, 30, 60, 120)]
    assert delays[4:] == [timedelta(minutes=4), timedelta(minutes=5), timedelta(minutes=5)]
