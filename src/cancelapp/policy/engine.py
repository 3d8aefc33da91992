"""The verdict engine: first matching rule wins, then safeguards no policy file can switch off."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal

from cancelapp.domain.money import Money, minor_units
from cancelapp.domain.order import FinancialStatus, Order
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase, PhraseArg
from cancelapp.domain.request import CancellationRequest
from cancelapp.domain.verdict import (
    ConditionCheck,
    Outcome,
    ProcessingFee,
    RefundMethod,
    SuggestedAction,
    Verdict,
)
from cancelapp.domain.withdrawal import Withdrawal, WithdrawalTerms, assess
from cancelapp.policy.checks import Check, Expiry, compile_condition, window_expiry
from cancelapp.policy.facts import Facts, refundable_amount
from cancelapp.policy.model import Policy, Rule, Window

# Names of the engine's own decisions, shown where a rule name would be.
NO_ORDER_RULE = QT_TRANSLATE_NOOP("Policy", "No matching order")
NO_RULE_MATCHED = QT_TRANSLATE_NOOP("Policy", "No rule matched")
SAFEGUARD_CANCELLED = QT_TRANSLATE_NOOP("Policy", "Safeguard: already cancelled")
SAFEGUARD_FULFILLED = QT_TRANSLATE_NOOP("Policy", "Safeguard: items already fulfilled")
SAFEGUARD_FEE_CURRENCY = QT_TRANSLATE_NOOP("Policy", "Safeguard: fee in another currency")
SAFEGUARD_BEFORE_ORDER = QT_TRANSLATE_NOOP("Policy", "Safeguard: asked before the order")
SAFEGUARD_PAYMENT_UNKNOWN = QT_TRANSLATE_NOOP("Policy", "Safeguard: payment status unknown")
SAFEGUARD_WITHDRAWAL = QT_TRANSLATE_NOOP("Policy", "Safeguard: EU right of withdrawal")
SAFEGUARD_WITHDRAWAL_EXCEPTION = QT_TRANSLATE_NOOP(
    "Policy", "Safeguard: withdrawal exception (Art. 16)"
)

_NO_ORDER = Phrase(
    "Policy", QT_TRANSLATE_NOOP("Policy", "No order matched this request yet: find the order first")
)
_NO_RULE = Phrase(
    "Policy", QT_TRANSLATE_NOOP("Policy", "No rule in the policy matched: please look")
)
_CANCELLED = Phrase(
    "Policy", QT_TRANSLATE_NOOP("Policy", "The order is already cancelled: nothing to do")
)
_CANCELLED_REPLY = Phrase("Policy", "already_cancelled")  # names the reply template
_FULFILLED = Phrase(
    "Policy",
    QT_TRANSLATE_NOOP(
        "Policy",
        "Items in this cancel have already been fulfilled: they cannot simply be cancelled",
    ),
)
_BEFORE_ORDER = Phrase(
    "Policy",
    QT_TRANSLATE_NOOP(
        "Policy",
        "The request arrived before the order was placed: check that it is about this order",
    ),
)
_PAYMENT_UNKNOWN = Phrase(
    "Policy",
    QT_TRANSLATE_NOOP(
        "Policy", "Shopify did not say whether this order is paid: check it before deciding"
    ),
)
_IN_PERIOD = QT_TRANSLATE_NOOP(
    "Policy",
    "EU/EEA consumer withdrawing within the 14-day period, which ends {last_day} (Art. 9): "
    "it cannot be refused, and no fee may be kept (Art. 13)",
)
_NOT_STARTED = QT_TRANSLATE_NOOP(
    "Policy",
    "EU/EEA consumer withdrawing before the goods are delivered (or with no delivery date "
    "known), so the 14-day period has not started (Art. 9): it cannot be refused, and no fee "
    "may be kept (Art. 13)",
)
_RETURN_PATH = QT_TRANSLATE_NOOP(
    "Policy",
    "Shipped: accept the withdrawal with a return; the refund may wait until the goods are back "
    "or proof of return arrives (Art. 13(3))",
)
_REFUND_DUE = QT_TRANSLATE_NOOP("Policy", "Refund due by {due} (Art. 13(1))")
_PERIOD_ENDED = QT_TRANSLATE_NOOP(
    "Policy",
    "The withdrawal period ended {last_day}: the statement was sent after it (Art. 11(2))",
)
# Clocks differ a little between a mail server and Shopify; more than this is a wrong match.
CLOCK_SLACK = timedelta(minutes=5)
_FEE_CAPPED = Phrase(
    "Policy", QT_TRANSLATE_NOOP("Policy", "Fee lowered to the refundable amount {refundable}")
)
_FEE_CURRENCY = QT_TRANSLATE_NOOP(
    "Policy",
    "The fixed fee is in {fee_currency}, but the customer paid in {currency}: "
    "decide the fee yourself",
)
_FEE_NO_MINOR_UNITS = QT_TRANSLATE_NOOP(
    "Policy",
    "The customer paid in {currency}, a currency whose decimals CancelApp does not know: "
    "decide the fee yourself",
)
_APPROVED_BY = QT_TRANSLATE_NOOP("Policy", 'Approved by the rule "{rule}"')


def merchant_phrase(text: str) -> Phrase:
    """The merchant's own words as a phrase: braces escaped so they are never placeholders.
    Unedited default texts still find their translation in the "Policy" context."""
    return Phrase("Policy", text.replace("{", "{{").replace("}", "}}"))


@dataclass(frozen=True)
class _CompiledRule:
    rule: Rule
    checks: tuple[Check, ...]
    expiries: tuple[Expiry | None, ...]  # per check: None when time cannot change its answer
    reasons: tuple[Phrase, ...]
    reply: Phrase | None
    action: SuggestedAction | None


def _compile_rule(rule: Rule) -> _CompiledRule:
    # Cheap, shared checks first: a rule that fails early costs little.
    given = sorted(rule.when.given(), key=lambda kv: kv[0] in _COSTLY)
    checks = tuple(compile_condition(key, value) for key, value in given)
    expiries = tuple(
        window_expiry(key, value) if isinstance(value, Window) else None for key, value in given
    )
    if rule.why:
        reasons: tuple[Phrase, ...] = (merchant_phrase(rule.why),)
    else:
        reasons = (Phrase("Policy", _APPROVED_BY, {"rule": rule.name}),)
    action = None
    if rule.action is not None:
        a = rule.action
        fee = None
        if a.fee_percent > 0 or a.fee_fixed:
            fee = ProcessingFee(percent=a.fee_percent)  # fixed part added per shop currency
        action = SuggestedAction(
            refund_method=a.refund,
            restock=a.restock,
            notify_customer=a.notify,
            reason=a.reason.value,
            fee=fee,
        )
    reply = merchant_phrase(rule.reply) if rule.reply else None
    return _CompiledRule(rule, checks, expiries, reasons, reply, action)


_COSTLY = frozenset(
    {
        "placed_within",
        "placed_outside",
        "requested_within",
        "requested_outside",
        "total_above",
        "total_below",
    }
)

_compiled: dict[int, tuple[Policy, tuple[_CompiledRule, ...]]] = {}


def _rules_of(policy: Policy) -> tuple[_CompiledRule, ...]:
    """Compiled once per policy object (kept alive here, so its id cannot be reused)."""
    hit = _compiled.get(id(policy))
    if hit is not None and hit[0] is policy:
        return hit[1]
    if len(_compiled) >= 16:
        _compiled.clear()
    rules = tuple(_compile_rule(rule) for rule in policy.rules)
    _compiled[id(policy)] = (policy, rules)
    return rules


def rules_and_condition_counts(policy: Policy) -> tuple[tuple[Rule, int], ...]:
    """Each rule in the order the engine tries it, with how many conditions it checks
    (`policy.explanation` splits a verdict's checks back into rules with it)."""
    return tuple((compiled.rule, len(compiled.checks)) for compiled in _rules_of(policy))


def evaluate(
    order: Order | None,
    request: CancellationRequest,
    policy: Policy,
    now: datetime,
    *,
    shop_edit_window: timedelta | None = None,
    withdrawal_terms: WithdrawalTerms | None = None,
) -> Verdict:
    """The verdict on `request`. Deterministic: the same inputs give an equal verdict.

    Its `valid_until` is the earliest moment a time-based condition the engine looked at
    would answer otherwise (only the conditions looked at decide which rule wins).
    `shop_edit_window` is the store's own window (`shop_edit_window_from_minutes`), used by
    rules whose window is "shop"; 24 hours when None. `withdrawal_terms` are the store's
    answers for the EU right of withdrawal; the defaults when None (the safeguard is never off).
    """
    if order is None:
        return Verdict(Outcome.REVIEW, NO_ORDER_RULE, (_NO_ORDER,), ())
    facts = Facts(order, request, now, shop_edit_window)
    checked: list[ConditionCheck] = []
    record = checked.append
    decided: _CompiledRule | None = None
    until: datetime | None = None
    for compiled in _rules_of(policy):
        for check, expiry in zip(compiled.checks, compiled.expiries, strict=True):
            result = check(facts)
            record(result)
            if expiry is not None:
                flips = expiry(facts)
                if flips is not None and (until is None or flips < until):
                    until = flips
            if not result.matched:
                break
        else:
            decided = compiled
            break
    checks = tuple(checked)
    if decided is None:
        verdict = Verdict(Outcome.REVIEW, NO_RULE_MATCHED, (_NO_RULE,), checks)
    else:
        verdict = Verdict(
            decided.rule.verdict,
            decided.rule.name,
            decided.reasons,
            checks,
            action=_action_for(decided, facts),
            reply=decided.reply,
        )
    timing_only = decided is None or _about_timing_or_goods(decided.rule)
    verdict = _safeguarded(verdict, facts, withdrawal_terms or WithdrawalTerms(), timing_only)
    return verdict if until is None else replace(verdict, valid_until=until)


# What a withdrawal in time overrides: when it was asked, whether the goods shipped, which
# goods they are ("late", "already shipped", "final sale"). A Review for any other reason (risk,
# value, a hold, a fulfillment service) stays the merchant's: it is about how to carry it out.
_OVERRIDDEN_BY_WITHDRAWAL = frozenset(
    {
        "placed_within",
        "placed_outside",
        "requested_within",
        "requested_outside",
        "fulfillment_status",
        "fulfilled_items",
        "product_tags_any",
        "product_tags_none",
        "active_return",
    }
)


def _about_timing_or_goods(rule: Rule) -> bool:
    return all(key in _OVERRIDDEN_BY_WITHDRAWAL for key, _ in rule.when.given())


def _action_for(compiled: _CompiledRule, facts: Facts) -> SuggestedAction | None:
    action = compiled.action
    rule_action = compiled.rule.action
    if action is None or rule_action is None:
        return None
    if rule_action.store_credit_expires_days and action.refund_method is RefundMethod.STORE_CREDIT:
        expires = facts.now + timedelta(days=rule_action.store_credit_expires_days)
        action = replace(action, store_credit_expires_at=expires)
    if rule_action.fee_fixed and action.fee is not None:
        fixed = Money(rule_action.fee_fixed, facts.order.total.currency)
        action = replace(action, fee=replace(action.fee, fixed=fixed))
    return action


def _safeguarded(
    verdict: Verdict, facts: Facts, terms: WithdrawalTerms, timing_only: bool
) -> Verdict:
    """Rules the policy file cannot override."""
    if facts.order.is_cancelled:
        if verdict.outcome is Outcome.DENY:
            return verdict
        return Verdict(
            Outcome.DENY, SAFEGUARD_CANCELLED, (_CANCELLED,), verdict.checks, reply=_CANCELLED_REPLY
        )
    withdrawal = assess(facts.order, facts.request, terms)
    if withdrawal.statutory:
        return _withdrawal_verdict(verdict, facts, withdrawal, timing_only)
    if withdrawal.period.last_day is not None and verdict.outcome is not Outcome.APPROVE:
        ended = Phrase("Policy", _PERIOD_ENDED, {"last_day": withdrawal.period.last_day})
        verdict = replace(verdict, reasons=(*verdict.reasons, ended))
    if facts.order.financial_status is FinancialStatus.UNKNOWN:
        reasons = (_PAYMENT_UNKNOWN, *verdict.reasons)
        return Verdict(Outcome.REVIEW, SAFEGUARD_PAYMENT_UNKNOWN, reasons, verdict.checks)
    if verdict.outcome is not Outcome.APPROVE:
        return verdict
    if facts.any_fulfilled:
        return Verdict(
            Outcome.REVIEW, SAFEGUARD_FULFILLED, (_FULFILLED, *verdict.reasons), verdict.checks
        )
    if facts.received_at < facts.order.created_at - CLOCK_SLACK:
        return Verdict(
            Outcome.REVIEW,
            SAFEGUARD_BEFORE_ORDER,
            (_BEFORE_ORDER, *verdict.reasons),
            verdict.checks,
        )
    action = verdict.action
    if action is None or action.fee is None or not action.keeps_fee:
        return verdict
    fee = action.fee
    paid_in = facts.order.presentment_currency
    if fee.fixed is not None and fee.fixed.currency != paid_in:
        # Refunds move in the customer's currency and we know no exchange rate.
        args: dict[str, PhraseArg] = {"fee_currency": fee.fixed.currency, "currency": paid_in}
        why = Phrase("Policy", _FEE_CURRENCY, args)
        return Verdict(
            Outcome.REVIEW, SAFEGUARD_FEE_CURRENCY, (why, *verdict.reasons), verdict.checks
        )
    if minor_units(paid_in) is None:  # XXX or a newer code: a fee cannot be rounded to it
        why = Phrase("Policy", _FEE_NO_MINOR_UNITS, {"currency": paid_in})
        return Verdict(
            Outcome.REVIEW, SAFEGUARD_FEE_CURRENCY, (why, *verdict.reasons), verdict.checks
        )
    refundable = refundable_amount(facts.order, facts.request)
    if _fee_amount(fee, refundable) <= refundable.amount:
        return verdict
    capped = None if refundable.is_zero() else ProcessingFee(fixed=refundable)
    reason = Phrase("Policy", _FEE_CAPPED.template, {"refundable": refundable})
    return replace(verdict, action=replace(action, fee=capped), reasons=(*verdict.reasons, reason))


def _withdrawal_verdict(
    verdict: Verdict, facts: Facts, withdrawal: Withdrawal, timing_only: bool
) -> Verdict:
    """A statutory withdrawal in time is never Deny: the policy may choose how an approve is
    carried out, never a fee or another means of payment (Art. 13(1)); it overrides "already
    shipped", "late" and "final sale" (`timing_only`). An Art. 16 exception, an unknown
    payment or the policy's Review for another reason leave it to the merchant."""
    last_day = withdrawal.period.last_day
    if last_day is None:
        why = Phrase("Policy", _NOT_STARTED)
    else:
        why = Phrase("Policy", _IN_PERIOD, {"last_day": last_day})
    reasons: list[Phrase] = [why]
    if facts.any_fulfilled:
        reasons.append(Phrase("Policy", _RETURN_PATH))
    due = withdrawal.refund_due_on
    if due is not None:
        reasons.append(Phrase("Policy", _REFUND_DUE, {"due": due}))
    if withdrawal.exception is not None:
        return Verdict(
            Outcome.REVIEW,
            SAFEGUARD_WITHDRAWAL_EXCEPTION,
            (withdrawal.exception, *reasons, *verdict.reasons),
            verdict.checks,
            statutory_withdrawal=True,
        )
    if facts.order.financial_status is FinancialStatus.UNKNOWN:
        return Verdict(
            Outcome.REVIEW,
            SAFEGUARD_PAYMENT_UNKNOWN,
            (_PAYMENT_UNKNOWN, *reasons, *verdict.reasons),
            verdict.checks,
            statutory_withdrawal=True,
        )
    if verdict.outcome is Outcome.REVIEW and not timing_only:
        return replace(
            verdict, reasons=(*verdict.reasons, *reasons), reply=None, statutory_withdrawal=True
        )
    chosen = verdict.action if verdict.outcome is Outcome.APPROVE else None
    action = replace(
        chosen or SuggestedAction(),
        refund_method=RefundMethod.ORIGINAL,
        store_credit_expires_at=None,
        fee=None,
    )
    if verdict.outcome is Outcome.APPROVE:
        return replace(
            verdict, action=action, reasons=(*reasons, *verdict.reasons), statutory_withdrawal=True
        )
    return Verdict(
        Outcome.APPROVE,
        SAFEGUARD_WITHDRAWAL,
        tuple(reasons),
        verdict.checks,
        action=action,
        statutory_withdrawal=True,
    )


def _fee_amount(fee: ProcessingFee, refundable: Money) -> Decimal:
    """The fee before any capping, so the engine (not the fee object) decides to cap."""
    amount = refundable.amount * fee.percent / Decimal(100)
    if fee.fixed is not None:
        amount += fee.fixed.amount
    return amount
