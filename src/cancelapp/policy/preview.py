"""What a policy would say over many requests: the editor's live preview and backtest."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from cancelapp.domain.order import Order
from cancelapp.domain.request import CancellationRequest
from cancelapp.domain.verdict import Outcome
from cancelapp.policy.engine import evaluate
from cancelapp.policy.model import Policy

Case = tuple[Order | None, CancellationRequest]


@dataclass(frozen=True)
class Tally:
    approve: int = 0
    review: int = 0
    deny: int = 0
    changed: tuple[int, ...] = ()  # positions whose verdict differs from the baseline policy's


def outcomes(
    cases: Iterable[Case],
    policy: Policy,
    now: datetime,
    *,
    shop_edit_window: timedelta | None = None,
) -> list[Outcome]:
    """The policy's outcome for each case, in order."""
    return [
        evaluate(order, request, policy, now, shop_edit_window=shop_edit_window).outcome
        for order, request in cases
    ]


def tally(current: Sequence[Outcome], baseline: Sequence[Outcome] | None = None) -> Tally:
    """Counts per outcome, and how many differ from `baseline` (the same cases, in order)."""
    counts = Counter(current)
    changed: tuple[int, ...] = ()
    if baseline is not None:
        pairs = enumerate(zip(current, baseline, strict=True))
        changed = tuple(i for i, (now, before) in pairs if now is not before)
    return Tally(counts[Outcome.APPROVE], counts[Outcome.REVIEW], counts[Outcome.DENY], changed)


@dataclass(frozen=True)
class PastCase:
    """A decided request and what the merchant did: APPROVE (cancelled), DENY (declined), or
    None when nothing was decided (the order was cancelled before the request came).

    `order` is the order as it was when the merchant decided (`decided_at`), or None when
    that cannot be known: such a case is counted apart, never as a disagreement."""

    order: Order | None
    request: CancellationRequest
    decided: Outcome | None
    decided_at: datetime | None = None  # None: judged as the request arrived


@dataclass(frozen=True)
class Backtest:
    """Every past case lands in exactly one of `agreed`, `differing`, `to_review`,
    `undecided` and `unknown`, so the five add up to the number of cases."""

    approve: int = 0
    review: int = 0
    deny: int = 0
    agreed: int = 0  # the policy approved or denied as the merchant did
    differing: tuple[int, ...] = ()  # positions where it approved what was declined, or reverse
    to_review: int = 0  # the policy would have asked the merchant to look
    undecided: int = 0  # the order was cancelled before the request: nothing was decided
    unknown: int = 0  # the order as it was when decided is not known: can't tell

    @property
    def disagreed(self) -> int:
        return len(self.differing)


def backtest(
    cases: Iterable[PastCase], policy: Policy, *, shop_edit_window: timedelta | None = None
) -> Backtest:
    """Each past request judged against the order as it was when the merchant decided, at
    that moment (the caller reconstructs it: `session.order_at_decision`); a case whose
    order then is not known is counted as `unknown`."""
    counts = dict.fromkeys(Outcome, 0)
    agreed = to_review = undecided = unknown = 0
    differing: list[int] = []
    for position, case in enumerate(cases):
        if case.order is None:
            unknown += 1
            continue
        when = case.decided_at or case.request.received_at
        outcome = evaluate(
            case.order, case.request, policy, when, shop_edit_window=shop_edit_window
        ).outcome
        counts[outcome] += 1
        if case.decided in (None, Outcome.REVIEW):
            undecided += 1
        elif outcome is Outcome.REVIEW:
            to_review += 1
        elif outcome is case.decided:
            agreed += 1
        else:
            differing.append(position)
    return Backtest(
        counts[Outcome.APPROVE],
        counts[Outcome.REVIEW],
        counts[Outcome.DENY],
        agreed,
        tuple(differing),
        to_review,
        undecided,
        unknown,
    )
