"""Verdicts that run out are judged again by themselves: at the moment the first one does.

Every stored verdict says until when it holds (`Verdict.valid_until`: the end of a "requested
within 24 h" window). `check()` judges again, from the cache, whatever ran out or is otherwise
outdated (`session/refresh.py` `judge_due`) and sets a timer for the next one; the window calls
it after each sync and policy save, and the timer calls it again. The queue's badge and the
detail pane then show the new verdict together.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from cancelapp.store.database import Database
from cancelapp.ui.policy.policy_flow import PolicyFlow
from cancelapp.ui.workers import Lane, WorkerPool

if TYPE_CHECKING:
    from cancelapp.session.refresh import DueVerdicts

# A timer this long at most, then it looks again: a laptop's sleep or a moved clock is caught.
_LONGEST_WAIT = timedelta(hours=1)
# Fire just after the last moment a verdict holds, not on it.
_JUST_AFTER = timedelta(milliseconds=1)


class VerdictClock(QObject):
    judged = Signal(object)  # frozenset of the request ids judged again
    problem = Signal(object)  # an error, for the banner

    def __init__(
        self,
        workers: WorkerPool,
        database: Database,
        policy: PolicyFlow,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workers = workers
        self.database = database
        self.policy = policy
        self.clock = clock
        self.store_id: int | None = None
        self.next_expiry: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)

    def set_store(self, store_id: int | None) -> None:
        """Another store is open (or none): its verdicts, not the last one's, are watched."""
        self._timer.stop()
        self.store_id = store_id
        self.next_expiry = None

    def check(self) -> None:
        """Judge what ran out, then wait for the next one to."""
        rules = self.policy.rules
        store_id = self.store_id
        if rules is None or store_id is None:
            return
        from cancelapp.session.refresh import judge_due

        task = self.workers.run_cancellable_on(
            Lane.DATABASE_WRITE, judge_due, self.database, store_id, rules, self.clock()
        )
        task.succeeded.connect(lambda due: self._judged(store_id, due))
        task.failed.connect(self.problem)

    def _judged(self, store_id: int, due: DueVerdicts) -> None:
        if store_id != self.store_id:
            return
        if due.judged:
            self.judged.emit(due.judged)
        self.next_expiry = due.next_expiry
        self._timer.stop()
        if due.next_expiry is not None:
            wait = min(due.next_expiry - self.clock() + _JUST_AFTER, _LONGEST_WAIT)
            self._timer.start(max(0, math.ceil(wait.total_seconds() * 1000)))
