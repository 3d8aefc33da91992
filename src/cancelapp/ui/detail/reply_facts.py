"""What a decision's reply is composed from, gathered from the request, its order and the
action's preview (plain data for `ReplyPreview`)."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from cancelapp.actions.reply import ReplyKind, ReplyTemplates, kind_for, reply_language
from cancelapp.actions.reply_payment import refunded_to
from cancelapp.domain.action import ActionKind
from cancelapp.domain.request import RequestSource
from cancelapp.mail.message import reply_subject
from cancelapp.session.detail import RequestDetail
from cancelapp.ui.detail.reply_preview import ReplyFacts

if TYPE_CHECKING:
    from cancelapp.actions.prepare.preview import Preview
    from cancelapp.session.refresh import StoreSession
    from cancelapp.settings import ReplyTexts

# Decisions the customer hears about; a hold or a note is the shop's own business.
# Asking the warehouse to cancel tells the customer it is waiting for the warehouse.
_ANSWERED = frozenset(
    {ActionKind.CANCEL, ActionKind.REFUND, ActionKind.DECLINE, ActionKind.CANCELLATION_REQUEST}
)


def reply_facts(
    session: StoreSession,
    detail: RequestDetail,
    preview: Preview,
    *,
    reason: str = "",
    reason_written: bool = False,
    texts: ReplyTexts | None = None,
    zone: tzinfo | None = None,
) -> ReplyFacts | None:
    """None for actions the customer is not told about (a hold).

    A decline's reason the merchant wrote (`reason_written`: not the policy's, as offered)
    is in the reply: a rule's template with no place for it ("already shipped") gives way
    to the one that says the reason (QA walkthrough: "please use our free return instead"
    went only on the order's note). The rule's template stays one pick away."""
    if preview.kind not in _ANSWERED:
        return None
    request, order = detail.request, detail.order
    customer = order.customer if order is not None else None
    to = request.customer_email or (order.email if order is not None else None)
    if to is None and customer is not None:
        to = customer.email
    declined = preview.kind is ActionKind.DECLINE
    waiting = preview.kind is ActionKind.CANCELLATION_REQUEST
    policy_reply = detail.verdict.reply.template if detail.verdict.reply is not None else None
    if waiting:
        policy_reply = None  # nothing is decided yet: the rule's reply is for the decision
    templates = ReplyTemplates.from_texts(texts or {})
    if declined and reason_written and reason.strip() and policy_reply in set(ReplyKind):
        language = reply_language(customer.locale if customer is not None else None)
        if "{reason}" not in templates.get(language, ReplyKind(policy_reply))[1]:
            policy_reply = None  # the merchant's words need a template that says them
    kept_fee = preview.kept_fee is not None and not preview.kept_fee.is_zero()
    kind = kind_for(
        declined=declined,
        refunded=bool(preview.refunds),
        store_credit=preview.store_credit is not None,
        kept_fee=kept_fee,
        # What the plan does: a refund of some unshipped units leaves the order open (a part
        # asked for, something shipped, or fewer units chosen in the preview).
        partial=preview.kind is ActionKind.REFUND,
        waiting=waiting,
        policy_reply=policy_reply,
    )
    name = customer.display_name if customer is not None else ""
    if not name:
        name = next((m.author for m in request.messages if m.author and "@" not in m.author), "")
    native = request.native_edit_id is not None
    asked_by_email = next(
        (
            m
            for m in reversed(request.messages)
            if m.source is RequestSource.EMAIL and (m.external_id or "").startswith("email:<")
        ),
        None,
    )
    return ReplyFacts(
        kind=kind,
        to=to,
        name=name,
        order_name=order.name if order is not None else request.order_name or "",
        shop_name=session.store.name,
        locale=customer.locale if customer is not None else None,
        amount=preview.refund_total,
        fee=preview.kept_fee if kept_fee else None,
        method=refunded_to(
            (refund.gateway for refund in preview.refunds),
            detail.view.payments,
            reply_language(customer.locale if customer is not None else None),
        ),
        expires=_last_day(preview.store_credit_expires_at, zone),
        reason=reason if declined else "",
        shopify_emails=preview.notify_customer or (declined and native),
        can_send=session.mailbox is not None,
        replaces_unsent=detail.unsent_replies > 0,
        templates=templates,
        # Sent in the customer's thread: "Re:" their subject (the intake keeps an email as
        # its subject, a blank line, then its text).
        thread_subject=(
            reply_subject(asked_by_email.text.partition("\n\n")[0].strip())
            if asked_by_email is not None and "\n\n" in asked_by_email.text
            else None
        ),
    )


def _last_day(expires_at: datetime | None, zone: tzinfo | None) -> date | None:
    """The day the merchant picked for the store credit to expire (its end goes to Shopify
    in UTC), in the zone the window shows days in (`zone`; None: the computer's)."""
    return None if expires_at is None else expires_at.astimezone(zone).date()
