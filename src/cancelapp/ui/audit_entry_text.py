"""An audit entry's details in the merchant's words, for the audit log viewer and the
request's record: the note, to whom a reply went, why a step failed, what changed on the
order; never the JSON the log keeps them in (the CSV export keeps that whole). Shopify's ids
of what was done ("OrderCancelJobResult 0794…") mean nothing to a merchant: they are given
apart (`support_ids`), for a line support can be sent."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from cancelapp.domain.shopify_ids import short_id
from cancelapp.store.audit_codes import REPLY_CODES, EntryCode, PlanEvent
from cancelapp.store.phrase_json import phrase_from_json
from cancelapp.ui.detail.order_words import hold_reason
from cancelapp.ui.formatting import Formatter

_CONTEXT = "AuditEntryText"
_MAILS = REPLY_CODES | {EntryCode.WITHDRAWAL_ACKNOWLEDGEMENT, EntryCode.WITHDRAWAL_REPLY}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def entry_details(what: str, detail: Mapping[str, Any], fmt: Formatter) -> str:
    """One line: what the entry's detail says a reader needs."""
    return " · ".join(p for p in _said(what, detail, fmt) if p)


def support_ids(shopify_ids: tuple[str, ...]) -> str:
    """Shopify's ids of what an entry did, as its admin and the CSV export name them
    ("Refund 9 · OrderTransaction 10"); "" for none."""
    return " · ".join(short_id(i) for i in shopify_ids)


def _said(what: str, detail: Mapping[str, Any], fmt: Formatter) -> list[str]:
    if what == EntryCode.NOTE:
        return [str(detail.get("note", ""))]
    if what in _MAILS and detail.get("to"):
        return [_tr("To {to}: {subject}").format(to=detail["to"], subject=detail.get("subject"))]
    if what == EntryCode.RELEASE_HOLD and detail.get("reason"):
        return [_tr("Held for: {reason}").format(reason=hold_reason(str(detail["reason"])))]
    if what == EntryCode.WITHDRAWAL_RETURN and detail.get("return"):
        return [_tr("Return {name}").format(name=detail["return"])]
    if what == EntryCode.RESTORE and detail.get("backup_taken_at"):
        taken = fmt.date_time(datetime.fromisoformat(str(detail["backup_taken_at"])))
        return [_tr("From the backup of {time}").format(time=taken)]
    if what.endswith(" " + PlanEvent.QUEUED) and detail.get("due_at"):
        due = fmt.date_time(datetime.fromisoformat(str(detail["due_at"])))
        return [_tr("Goes ahead at {time}").format(time=due)]
    said = [fmt.phrase(phrase_from_json(p)) for p in detail.get("change_phrases") or ()]
    said += [fmt.phrase(phrase_from_json(p)) for p in detail.get("warning_phrases") or ()]
    if detail.get("error_phrase"):
        said.append(fmt.phrase(phrase_from_json(detail["error_phrase"])))
    elif detail.get("error"):
        said.append(str(detail["error"]))
    return said
