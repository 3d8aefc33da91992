"""Why customers cancel, read from what they wrote (English and Danish), one reason per request.

Native requests, tags, email, forms and CSV rows all end up as message text; the same few
reasons recur in all of them, so one set of word patterns names them wherever they came from.
Each pattern is a plain alternation searched once per message: linear in the text's length.
The merchant can merge reasons in the Reports view (`merged`), e.g. "Changed their mind" into
"Found it cheaper", when they see them as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP

CONTEXT = "CancelReason"
READ_CHARS = 2000


class CancelReason(StrEnum):
    WRONG_ITEM = "wrong_item"  # size, colour, variant
    ORDERED_TWICE = "ordered_twice"
    FOUND_CHEAPER = "found_cheaper"
    WRONG_ADDRESS = "wrong_address"
    TOO_SLOW = "too_slow"
    NO_LONGER_NEEDED = "no_longer_needed"
    CHANGED_MIND = "changed_mind"
    PAYMENT = "payment"
    OTHER = "other"  # a reason we cannot name
    NONE_GIVEN = "none_given"  # no text at all (Shopify's own requests often)


LABELS = {
    CancelReason.WRONG_ITEM: QT_TRANSLATE_NOOP(CONTEXT, "Wrong size, colour or item"),
    CancelReason.ORDERED_TWICE: QT_TRANSLATE_NOOP(CONTEXT, "Ordered twice"),
    CancelReason.FOUND_CHEAPER: QT_TRANSLATE_NOOP(CONTEXT, "Found it cheaper"),
    CancelReason.WRONG_ADDRESS: QT_TRANSLATE_NOOP(CONTEXT, "Wrong delivery address"),
    CancelReason.TOO_SLOW: QT_TRANSLATE_NOOP(CONTEXT, "Delivery takes too long"),
    CancelReason.NO_LONGER_NEEDED: QT_TRANSLATE_NOOP(CONTEXT, "No longer needed"),
    CancelReason.CHANGED_MIND: QT_TRANSLATE_NOOP(CONTEXT, "Changed their mind"),
    CancelReason.PAYMENT: QT_TRANSLATE_NOOP(CONTEXT, "Payment problem"),
    CancelReason.OTHER: QT_TRANSLATE_NOOP(CONTEXT, "Other reason"),
    CancelReason.NONE_GIVEN: QT_TRANSLATE_NOOP(CONTEXT, "No reason given"),
}

# Tried in this order; the first that matches names the reason.
_PATTERNS: tuple[tuple[CancelReason, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(words, re.IGNORECASE))
    for reason, words in (
        (
            CancelReason.ORDERED_TWICE,
            r"(?:order|ordered|bought|placed|paid for)\b[^.!?\n]{0,30}\b(?:twice|two times)"
            r"|\bduplicate|double order|two orders|to gange|dobbeltbestil|bestilt to\b",
        ),
        (
            CancelReason.WRONG_ADDRESS,
            r"\baddress\b|\badresse|leveringsadresse|delivery address",
        ),
        (
            CancelReason.WRONG_ITEM,
            r"\bsize\b|\bcolou?r\b|wrong (?:item|product|model|variant)|størrelse|\bfarve"
            r"|forkert(?:e)? (?:vare|model|variant)",
        ),
        (
            CancelReason.FOUND_CHEAPER,
            r"cheaper|better price|lower price|billigere|bedre pris",
        ),
        (
            CancelReason.TOO_SLOW,
            r"too long|too slow|takes long|shipping time|delivery time|for lang tid|"
            r"leveringstid|tager for lang",
        ),
        (
            CancelReason.PAYMENT,
            r"\bpayment\b|\bpaid twice|charged twice|\bcard\b|betaling|\bkort\b|trukket to",
        ),
        (
            CancelReason.NO_LONGER_NEEDED,
            r"no longer need|don'?t need|not needed|already (?:bought|got|have)|"
            r"har ikke brug|behøver ikke|allerede købt|allerede fået",
        ),
        (
            CancelReason.CHANGED_MIND,
            r"changed? my mind|change of mind|fortryd|fortrudt|ombestemt|mistake|\bfejl\b",
        ),
    )
)


def classify(texts: Iterable[str]) -> CancelReason:
    """The reason the customer's messages give, or OTHER / NONE_GIVEN. Only each message's
    first `READ_CHARS` are read: the reason is in its first lines, and a pasted novel costs
    no more than a letter."""
    written = [text[:READ_CHARS] for text in texts if text.strip()]
    if not written:
        return CancelReason.NONE_GIVEN
    for reason, pattern in _PATTERNS:
        if any(pattern.search(text) for text in written):
            return reason
    return CancelReason.OTHER


def merged(reason: str, merges: Mapping[str, str]) -> str:
    """The reason after the merchant's merges ("a" into "b", "b" into "c": "c"); a loop in the
    merges ends where it began."""
    seen = {reason}
    while (target := merges.get(reason)) is not None and target not in seen:
        seen.add(target)
        reason = target
    return reason
