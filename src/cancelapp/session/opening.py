"""A store's start, in order, in one place: what comes first, what waits for what.

1. FIRST_PAINT: the cache's first rows are painted. Nothing else starts before: a worker
   started earlier would hold the GIL while they paint.
2. POLICY: the store's rules are read, so the pane can show the selected request's verdict.
3. KEYCHAIN: the OS keychain is looked for, off the GUI thread (it may wait on an unlock
   prompt), so it is found before a dialog or the session needs it.
4. ALL_ROWS: every cached row is in the queue. Until then no sync or action may change rows:
   the whole queue, read while the first page showed, would replace what they merged in.
5. SESSION: the store's connection (client, action runner, credentials from the keychain);
   the session side loads here (`session/session_side.py`).
6. SYNC: the first sync, once the session has credentials.

FIRST_PAINT and ALL_ROWS happen by themselves (the queue's opening reports them); the window
runs the others when `StoreStart.reached` says they are due. A smoke run (`--self-check`) stays
offline: no keychain, session or sync. Qt-free; `ui/store_start.py` drives it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Step(StrEnum):
    FIRST_PAINT = "first paint"
    POLICY = "policy"
    KEYCHAIN = "keychain"
    ALL_ROWS = "all rows"
    SESSION = "session"
    SYNC = "sync"


# Each step, after the steps it waits for, in the order they come.
START_ORDER: tuple[tuple[Step, frozenset[Step]], ...] = (
    (Step.FIRST_PAINT, frozenset()),
    (Step.POLICY, frozenset({Step.FIRST_PAINT})),
    (Step.KEYCHAIN, frozenset({Step.FIRST_PAINT})),
    (Step.ALL_ROWS, frozenset({Step.FIRST_PAINT})),
    (Step.SESSION, frozenset({Step.ALL_ROWS})),
    (Step.SYNC, frozenset({Step.SESSION})),
)
# Reported by the queue's opening, never run by the window.
HAPPENS_BY_ITSELF = frozenset({Step.FIRST_PAINT, Step.ALL_ROWS})
# Left out of a smoke run, which stays offline.
ONLINE_ONLY = frozenset({Step.KEYCHAIN, Step.SESSION, Step.SYNC})


@dataclass
class StoreStart:
    """Where one store's start stands: what has happened, what has been set off."""

    online: bool  # False: a smoke run that stays offline
    happened: set[Step] = field(default_factory=set)
    set_off: set[Step] = field(default_factory=set)

    def reached(self, step: Step) -> tuple[Step, ...]:
        """`step` happened (the queue painted, the session opened): the steps now due, in
        order, each set off once."""
        self.happened.add(step)
        due = []
        for later, after in START_ORDER:
            if later in HAPPENS_BY_ITSELF or later in self.set_off:
                continue
            if not self.online and later in ONLINE_ONLY:
                continue
            if after <= self.happened:
                self.set_off.add(later)
                due.append(later)
        return tuple(due)
