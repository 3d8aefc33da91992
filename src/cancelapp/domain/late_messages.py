"""A message that came in after the decision is not always one the customer wrote after it:
a form's row imported late, or its time read in another zone, is dated before the decision,
even before the order was placed. Said as it is, not as "wrote again"."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import Enum

# Clocks differ (a mail server's, a form service's) and times are shown to the minute: a
# reply dated seconds before the decision was written after it.
CLOCK_SKEW = timedelta(minutes=1)


class DatedBefore(Enum):
    NOTHING = "nothing"  # dated after the decision: the customer wrote again
    DECISION = "decision"
    ORDER = "order"  # dated before the order was placed


def dated_before(
    dated: datetime, *, placed: datetime | None, decided: datetime | None
) -> DatedBefore:
    """What a message that came in after the decision is dated before, if anything."""
    if placed is not None and dated + CLOCK_SKEW < placed:
        return DatedBefore.ORDER
    if decided is not None and dated + CLOCK_SKEW < decided:
        return DatedBefore.DECISION
    return DatedBefore.NOTHING
