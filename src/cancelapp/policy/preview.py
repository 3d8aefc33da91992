"""What a policy would say over many requests: the editor's live preview and backtest."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
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
    changed: int = 0  # verdicts that differ from the baseline policy's


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
    if baseline is None:
        changed = 0
    else:
        changed = sum(1 for now, before in zip(current, baseline, strict=True) if now is not before)
    return Tally(counts[Outcome.APPROVE], counts[Outcome.REVIEW], counts[Outcome.DENY], changed)


@dataclass(frozen=True)
class PastCase:
    """A request from the past and what the merchant did: APPROVE (cancelled), DENY (declined),
    or None when it was never decided."""

    order: Order
    request: CancellationRequest
    decided: Outcome | None


@dataclass(frozen=True)
class Backtest:
    approve: int = 0
    review: int = 0
    deny: int = 0
    agreed: int = 0  # the policy approved or denied as the merchant did
    disagreed: int = 0  # the policy approved what the merchant declined, or the reverse


def backtest(
    cases: Iterable[PastCase], policy: Policy, *, shop_edit_window: timedelta | None = None
) -> Backtest:
    """Each past request judged as it arrived: at its received time, and with the order not
    yet cancelled when the cancel came after the request (the merchant's own action).
    Other changes since (fulfillment, refunds) are not undone: the cache holds only the latest
    state of each order."""
    counts = dict.fromkeys(Outcome, 0)
    agreed = disagreed = 0
    for case in cases:
        when = case.request.received_at
        order = case.order
        if order.cancelled_at is not None and order.cancelled_at >= when:
            order = replace(order, cancelled_at=None)
        outcome = evaluate(
            order, case.request, policy, when, shop_edit_window=shop_edit_window
        ).outcome
        counts[outcome] += 1
        if outcome is Outcome.REVIEW or case.decided in (None, Outcome.REVIEW):
            continue
        if outcome is case.decided:
            agreed += 1
        else:
            disagreed += 1
    return Backtest(
        counts[Outcome.APPROVE], counts[Outcome.REVIEW], counts[Outcome.DENY], agreed, disagreed
    )
