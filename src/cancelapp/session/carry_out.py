"""Sending what waited and finishing what was cut short, then reading the orders again.

Every function ends the way the merchant expects after an action: the orders it touched are
read fresh from Shopify into the cache and their undecided requests judged again, so the
row, the detail pane and the buttons show the order as it now is (cancelled, refunded, on
hold), not as it was before. Offline, the cache keeps the last copy until the next sync.
"""

from __future__ import annotations

from cancelapp.actions import Outcome
from cancelapp.session.refresh import StoreSession, reread_orders


def send_due(session: StoreSession) -> list[Outcome]:
    """Send the queued plans whose undo window has passed (or that waited for the network)."""
    outcomes = session.runner.run_due()
    reread_orders(session, outcomes)
    return outcomes


def finish_unfinished(session: StoreSession) -> list[Outcome]:
    """Finish what was sending when the app stopped or the network went."""
    outcomes = session.runner.reconcile_unfinished()
    reread_orders(session, outcomes)
    return outcomes
