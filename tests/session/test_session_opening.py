"""A store's start in order: each step set off once, only after what it waits for."""

from __future__ import annotations

from cancelapp.session.opening import Step, StoreStart


def test_an_interactive_start_goes_paint_policy_keychain_rows_session_sync() -> None:
    start = StoreStart(online=True)
    assert start.reached(Step.FIRST_PAINT) == (Step.POLICY, Step.KEYCHAIN)
    assert start.reached(Step.FIRST_PAINT) == ()  # each step once
    assert start.reached(Step.ALL_ROWS) == (Step.SESSION,)
    assert start.reached(Step.SESSION) == (Step.SYNC,)
    assert start.reached(Step.SESSION) == ()


def test_the_sync_waits_for_the_session_and_a_smoke_run_stays_offline() -> None:
    start = StoreStart(online=True)
    assert start.reached(Step.FIRST_PAINT) == (Step.POLICY, Step.KEYCHAIN)
    assert Step.SYNC not in start.set_off  # no session yet (no credentials: never)
    offline = StoreStart(online=False)
    assert offline.reached(Step.FIRST_PAINT) == (Step.POLICY,)
    assert offline.reached(Step.ALL_ROWS) == ()
