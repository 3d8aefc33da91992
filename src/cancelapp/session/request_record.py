"""One request's whole record, for a dispute: what the customer wrote (as received), what was
decided, under which policy and why, what was done in Shopify (amounts and ids), every audit
entry, with times; and the audit chain's head, so the printout can be held against the file.

Plain values here; `ui/detail/record_pdf.py` lays them out and prints the PDF.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cancelapp.domain.money import Money
from cancelapp.domain.phrase import Phrase
from cancelapp.keychain import SecretStore
from cancelapp.policy import Policy, policy_hash
from cancelapp.session.audit_check import ChainReport, check_audit_chain
from cancelapp.session.detail import load_detail
from cancelapp.store.database import Database
from cancelapp.store.journal import Decision


@dataclass(frozen=True)
class ReceivedMessage:
    at: datetime
    source: str  # the code ("email", "csv"); the window says it in words
    author: str
    text: str  # exactly as received
    after_decision: bool = False  # it came after the merchant decided (schema v10)


@dataclass(frozen=True)
class DecisionLine:
    at: datetime
    outcome: str
    by: str
    policy: str  # the digest of the rules it was decided under, or the snapshot it kept
    # The verdict shown when deciding: approve / deny / review, its rule and reasons
    # ("" and () for a decision recorded before CancelApp kept them).
    verdict: str = ""
    rule: str = ""
    reasons: tuple[Phrase, ...] = ()


@dataclass(frozen=True)
class RecordEntry:
    """An audit entry: an action's step, a reply, a note, a restore."""

    at: datetime
    who: str
    what: str  # the code (`store/audit_codes.py`); the window says it in words
    amount: Money | None
    shopify_ids: tuple[str, ...]  # Shopify's gids
    detail: Mapping[str, Any]  # as the audit log keeps it


@dataclass(frozen=True)
class RequestRecord:
    request_id: int
    order_name: str
    customer: str
    made_at: datetime
    messages: tuple[ReceivedMessage, ...]
    verdict: str  # approve / deny / review: the request's one verdict, as the queue shows it
    # (codes, as `outcome` and `verdict` of a decision: the window says them in words)
    reasons: tuple[Phrase, ...]
    policy_version: str
    decisions: tuple[DecisionLine, ...]
    entries: tuple[RecordEntry, ...]  # oldest first
    chain: ChainReport


def load_request_record(
    database: Database, secrets: SecretStore, request_id: int, policy: Policy, now: datetime
) -> RequestRecord | None:
    """Seals new audit entries first (a write: the database-write lane). None: no such request."""
    chain = check_audit_chain(database, secrets)
    detail = load_detail(database, request_id, policy, now)
    if detail is None:
        return None
    request, order = detail.request, detail.order
    customer_name = order.customer.display_name if order and order.customer else ""
    email = (order.email if order else None) or request.customer_email or ""
    customer = f"{customer_name} <{email}>" if customer_name and email else customer_name or email
    return RequestRecord(
        request_id=request.id or request_id,
        order_name=(order.name if order else None) or request.order_name or "",
        customer=customer,
        made_at=now,
        messages=tuple(
            ReceivedMessage(m.received_at, m.source.value, m.author or "", m.text, m.after_decision)
            for m in request.messages
        ),
        verdict=detail.verdict.outcome.value,
        reasons=detail.verdict.reasons,
        policy_version=policy_hash(policy)[:12],
        decisions=tuple(_decision_line(d) for d in detail.decisions),
        entries=tuple(
            RecordEntry(e.at, e.who, e.what, e.amount, e.shopify_ids, e.detail)
            for e in reversed(detail.audit)
        ),
        chain=chain,
    )


def _decision_line(decision: Decision) -> DecisionLine:
    verdict = decision.verdict
    if verdict is None or decision.verdict_policy_hash is None:
        return DecisionLine(
            decision.decided_at,
            decision.outcome,
            decision.decided_by,
            _policy_of(decision.policy_snapshot),
        )
    return DecisionLine(
        decision.decided_at,
        decision.outcome,
        decision.decided_by,
        decision.verdict_policy_hash[:12],
        verdict.outcome.value,
        verdict.rule,
        verdict.reasons,
    )


def _policy_of(snapshot: dict[str, object]) -> str:
    kept = snapshot.get("policy")
    return str(kept)[:12] if kept else ""
