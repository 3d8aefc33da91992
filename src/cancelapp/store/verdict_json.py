"""A whole `Verdict` to JSON and back: what the queue, the pane and Approve all read."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from cancelapp.domain.money import Money
from cancelapp.domain.verdict import (
    ConditionCheck,
    Outcome,
    ProcessingFee,
    RefundMethod,
    SuggestedAction,
    Verdict,
)
from cancelapp.store.phrase_json import phrase_data, phrase_of
from cancelapp.store.times import optional_db_time, optional_from_db_time


def verdict_to_json(verdict: Verdict) -> str:
    return json.dumps(
        {
            "outcome": verdict.outcome.value,
            "rule": verdict.rule,
            "reasons": [phrase_data(p) for p in verdict.reasons],
            "checks": [
                {"condition": c.condition, "text": phrase_data(c.text), "matched": c.matched}
                for c in verdict.checks
            ],
            "action": None if verdict.action is None else _action_data(verdict.action),
            "reply": None if verdict.reply is None else phrase_data(verdict.reply),
            "statutory_withdrawal": verdict.statutory_withdrawal,
            "valid_until": optional_db_time(verdict.valid_until),
        },
        ensure_ascii=False,
    )


def verdict_from_json(text: str) -> Verdict:
    data = json.loads(text)
    return Verdict(
        Outcome(data["outcome"]),
        data["rule"],
        tuple(phrase_of(p) for p in data["reasons"]),
        tuple(
            ConditionCheck(c["condition"], phrase_of(c["text"]), c["matched"])
            for c in data["checks"]
        ),
        action=None if data["action"] is None else _action_of(data["action"]),
        reply=None if data["reply"] is None else phrase_of(data["reply"]),
        statutory_withdrawal=data.get("statutory_withdrawal", False),
        valid_until=optional_from_db_time(data["valid_until"]),
    )


def _action_data(action: SuggestedAction) -> dict[str, Any]:
    fee = action.fee
    return {
        "refund_method": action.refund_method.value,
        "restock": action.restock,
        "notify_customer": action.notify_customer,
        "reason": action.reason,
        "store_credit_expires_at": optional_db_time(action.store_credit_expires_at),
        "fee": None
        if fee is None
        else {
            "percent": format(fee.percent, "f"),
            "fixed": None
            if fee.fixed is None
            else [format(fee.fixed.amount, "f"), fee.fixed.currency],
        },
    }


def _action_of(data: dict[str, Any]) -> SuggestedAction:
    fee = data["fee"]
    return SuggestedAction(
        refund_method=RefundMethod(data["refund_method"]),
        restock=data["restock"],
        notify_customer=data["notify_customer"],
        reason=data["reason"],
        store_credit_expires_at=optional_from_db_time(data["store_credit_expires_at"]),
        fee=None
        if fee is None
        else ProcessingFee(
            percent=Decimal(fee["percent"]),
            fixed=None if fee["fixed"] is None else Money.of(*fee["fixed"]),
        ),
    )
