"""A verdict told the way a merchant reads it: the decisive reason first, then the rule that
decided and the conditions that held, and each rule passed over once with the one condition
that ruled it out.

The engine records every condition it looked at as one flat list: rule after rule, each rule
stopping at its first unmet condition. Walking the same compiled rules over that list splits
it back into rules exactly, so a condition is never shown both as holding and as failing.
"""

from __future__ import annotations

from dataclasses import dataclass

from cancelapp.domain.phrase import Phrase
from cancelapp.domain.verdict import ConditionCheck, Outcome, Verdict
from cancelapp.policy.engine import rules_and_condition_counts
from cancelapp.policy.model import Policy


@dataclass(frozen=True)
class RulePassedOver:
    rule: str
    outcome: Outcome  # what the rule would have decided
    failed: ConditionCheck  # the one condition that ruled it out (the engine stopped there)
    held: int  # how many of its conditions held before that one


@dataclass(frozen=True)
class VerdictExplanation:
    decisive: Phrase | None  # the reason in one sentence
    rule: str  # the rule or safeguard that decided
    held: tuple[ConditionCheck, ...]  # the deciding rule's conditions, all met
    passed_over: tuple[RulePassedOver, ...]  # rules tried before it, each once
    # When no rule with conditions decided (a catch-all, or no rule at all) and a rule that
    # would approve was passed over: the one that came closest. Its failed condition is
    # then the real reason the request is not approved.
    not_approved_by: RulePassedOver | None = None
    more: tuple[Phrase, ...] = ()  # the verdict's further reasons (a safeguard's rule, a fee cap)


def explain(verdict: Verdict, policy: Policy | None) -> VerdictExplanation:
    """Split `verdict.checks` by the rules of `policy`, the policy that made the verdict.

    Without the policy (or a verdict it did not make) the checks cannot be told apart by
    rule: only the reasons are kept."""
    decisive = verdict.reasons[0] if verdict.reasons else None
    more = verdict.reasons[1:]
    split = _split(verdict.checks, policy) if policy is not None else None
    if split is None:
        return VerdictExplanation(decisive, verdict.rule, (), (), more=more)
    held, passed_over, deciding_has_conditions = split
    closest = None
    if verdict.outcome is not Outcome.APPROVE and not deciding_has_conditions:
        approving = [p for p in passed_over if p.outcome is Outcome.APPROVE]
        if approving:
            closest = max(approving, key=lambda p: p.held)  # the first one on a tie
    return VerdictExplanation(
        decisive, verdict.rule, held, tuple(passed_over), not_approved_by=closest, more=more
    )


def _split(
    checks: tuple[ConditionCheck, ...], policy: Policy
) -> tuple[tuple[ConditionCheck, ...], list[RulePassedOver], bool] | None:
    """(held, passed over, whether the deciding rule had conditions), or None when the
    checks are not this policy's run (a verdict made without rules, or by another policy)."""
    passed_over: list[RulePassedOver] = []
    position = 0
    for rule, count in rules_and_condition_counts(policy):
        run = checks[position : position + count]
        failed = next((i for i, c in enumerate(run) if not c.matched), None)
        if failed is None:
            if len(run) < count:  # the checks ended inside a rule: not this policy's run
                return None
            if position + count != len(checks):
                return None
            return run, passed_over, count > 0
        passed_over.append(RulePassedOver(rule.name, rule.verdict, run[failed], failed))
        position += failed + 1
    if position != len(checks):
        return None
    return (), passed_over, False  # no rule matched
