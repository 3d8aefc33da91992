"""Finding the order a customer means in what they wrote (English and Danish).

Recognised: `#1234`, `# 1234`, `order 1234`, `ordre 1234`, `order no. 1234`, `order number:
#1234`, `ordrenummer: 1234`, `ordre nr. 1234`, `bestillingsnummer 1234`, `cancel 1234`, and a
lone number in a subject line. A bare number inside a message body is not taken: phone numbers,
amounts and dates look the same. In a field meant for the order number (CSV column, manual
entry) a bare number is taken.
"""

from __future__ import annotations

import re

_DIGITS = r"(\d{3,10})"
_ORDER_WORD = r"(?:order|ordre|ordren|bestilling|bestillingen|køb|købet)"
_NUMBER_WORD = r"(?:s?nummer|s?nr\.?|\s*+(?:no\.?|nr\.?|number|nummer|num\.?|id)\b)?"
# Possessive `*+`: a run of whitespace is taken whole, once. With plain `*` the adjacent optional
# parts could split it every way, and "order" followed by a few thousand spaces took minutes.
_KEYWORD_FORM = re.compile(
    rf"\b{_ORDER_WORD}{_NUMBER_WORD}\s*+[:.\-]?\s*+#?\s*+{_DIGITS}\b", re.IGNORECASE
)
_HASH_FORM = re.compile(rf"(?<![\w&])#\s?{_DIGITS}\b")
_AFTER_CANCEL = re.compile(
    rf"\b(?:cancel|annuller|afbestil)\w*\s+(?:my\s+|min\s+)?#?{_DIGITS}\b", re.IGNORECASE
)
_LONE_NUMBER = re.compile(rf"(?<![\w.,:/-]){_DIGITS}(?![\w.,:/-]*\d)")
_FIELD = re.compile(r"^\s*#?\s*(\d{1,10})\s*$")


def normalise_order_name(value: str) -> str | None:
    """An order-number field's value as Shopify's default name (`#1234`), None if empty.

    Names with letters (a custom prefix such as `#DK-1001`) are kept as written, trimmed.
    """
    text = value.strip()
    if not text:
        return None
    match = _FIELD.match(text)
    if match:
        return f"#{match.group(1)}"
    found = find_order_names(text)
    if len(found) == 1:
        return found[0]
    return text


def find_order_names(text: str) -> list[str]:
    """Every distinct order name written explicitly in `text`, in order of appearance."""
    hits: list[tuple[int, str]] = []
    for pattern in (_KEYWORD_FORM, _HASH_FORM, _AFTER_CANCEL):
        hits.extend((m.start(1), m.group(1)) for m in pattern.finditer(text))
    hits.sort()
    return list(dict.fromkeys(f"#{digits}" for _, digits in hits))


def order_name_in(subject: str, body: str) -> tuple[str | None, list[str]]:
    """The single order a message names, and every candidate found.

    Subject and body count alike: a reply under "Order #1001 confirmed" asking to cancel
    #1002 names two orders. Several different candidates make the message ambiguous (None),
    so that the merchant decides rather than CancelApp guessing.
    """
    candidates = list(dict.fromkeys(find_order_names(subject) + find_order_names(body)))
    if not candidates:
        lone = _LONE_NUMBER.findall(subject)
        candidates = [f"#{lone[0]}"] if len(lone) == 1 else []
    return (candidates[0] if len(candidates) == 1 else None), candidates
