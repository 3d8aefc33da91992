"""The reply templates' names as the merchant reads them (translated in the "ReplyPreview"
context): in the reply preview, in Settings and for a policy rule's `reply` naming one."""

from __future__ import annotations

from cancelapp.actions.reply import ReplyKind
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP

KIND_NAMES = {
    ReplyKind.CANCELLED: QT_TRANSLATE_NOOP("ReplyPreview", "Cancelled and refunded"),
    ReplyKind.KEPT_FEE: QT_TRANSLATE_NOOP("ReplyPreview", "Cancelled, a fee kept"),
    ReplyKind.STORE_CREDIT: QT_TRANSLATE_NOOP("ReplyPreview", "Cancelled, store credit"),
    ReplyKind.STORE_CREDIT_KEPT_FEE: QT_TRANSLATE_NOOP(
        "ReplyPreview", "Cancelled, store credit, a fee kept"
    ),
    ReplyKind.CANCELLED_NO_REFUND: QT_TRANSLATE_NOOP("ReplyPreview", "Cancelled, no refund"),
    ReplyKind.PARTLY_CANCELLED: QT_TRANSLATE_NOOP("ReplyPreview", "Partly cancelled"),
    ReplyKind.PARTLY_CANCELLED_NO_REFUND: QT_TRANSLATE_NOOP(
        "ReplyPreview", "Partly cancelled, no refund"
    ),
    ReplyKind.PARTLY_STORE_CREDIT: QT_TRANSLATE_NOOP(
        "ReplyPreview", "Partly cancelled, store credit"
    ),
    ReplyKind.DECLINED: QT_TRANSLATE_NOOP("ReplyPreview", "Declined, with the reason"),
    ReplyKind.ALREADY_CANCELLED: QT_TRANSLATE_NOOP("ReplyPreview", "Declined: already cancelled"),
    ReplyKind.RETURN_OPEN: QT_TRANSLATE_NOOP("ReplyPreview", "Declined: a return is open"),
    ReplyKind.ALREADY_SHIPPED: QT_TRANSLATE_NOOP("ReplyPreview", "Declined: already shipped"),
    ReplyKind.WAITING: QT_TRANSLATE_NOOP("ReplyPreview", "Waiting for the warehouse"),
    ReplyKind.NOT_FOUND: QT_TRANSLATE_NOOP("ReplyPreview", "Order not found"),
    ReplyKind.RECEIPT: QT_TRANSLATE_NOOP("ReplyPreview", "Request received"),
    ReplyKind.WITHDRAWAL: QT_TRANSLATE_NOOP(
        "ReplyPreview", "Withdrawal accepted, return instructions"
    ),
    ReplyKind.WITHDRAWAL_RECEIVED: QT_TRANSLATE_NOOP(
        "ReplyPreview", "Withdrawal received, with its text and time"
    ),
}
