"""Shopify's order search syntax, the part the app uses.

`tag:cancel-request status:open updated_at:>='2026-11-20T10:00:00Z' -test:true`: terms are ANDed;
`OR` between groups of them and parentheses as Shopify's search syntax documents (`a b OR c`
is `(a b) OR c`); `-` negates the next term; values may be quoted; comparisons `:>`, `:>=`,
`:<`, `:<=`;
a bare word matches the order name, email or customer name. Unknown fields are ignored, as
Shopify ignores them (it reports a search warning); so are fields the shop is told to ignore
(`DemoShop.ignore_search_field`), to play a Shopify that does not know a filter.

`requested_order_edit_status` is ASSUMED: the 2026-10 changelog names the filter ("find orders
with requests waiting for merchant action") but documents no values. Here it matches the
lower-case `displayRequestedEditStatus` (`requested`, `declined`, `resolved`, `none`).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from cancelapp.demoshop import accounts
from cancelapp.demoshop.ids import gid_number
from cancelapp.demoshop.model import Order

OrderTest = Callable[[Order], bool]
SHOP_ZONE = ZoneInfo("Europe/Copenhagen")
COMPARISON = re.compile(r"^(>=|<=|>|<)?(.*)$", re.DOTALL)

FULFILLMENT_FILTERS = {
    "unshipped": {"UNFULFILLED"},
    "unfulfilled": {"UNFULFILLED"},
    "shipped": {"FULFILLED"},
    "fulfilled": {"FULFILLED"},
    "partial": {"PARTIALLY_FULFILLED"},
    "on_hold": {"ON_HOLD"},
    "in_progress": {"IN_PROGRESS"},
    "scheduled": {"SCHEDULED"},
    "request_declined": {"REQUEST_DECLINED"},
}


def order_filter(query: str | None, ignored: frozenset[str] = frozenset()) -> OrderTest:
    tokens = _tokens(query or "")
    tokens.reverse()  # popped from the end: linear
    test = _any_of(tokens, ignored)
    return test if test is not None else (lambda _order: True)


def required_tag(query: str | None, ignored: frozenset[str] = frozenset()) -> str | None:
    """A tag every order the search finds must carry (a `tag:` term ANDed at the top level),
    so the shop can look at the orders with that tag only; None when there is none."""
    tokens = _tokens(query or "")
    if any(t.upper() == "OR" or t in {"(", ")"} for t in tokens) or "tag" in ignored:
        return None
    for token in tokens:
        field, sep, value = token.partition(":")
        if sep and field.lower() == "tag" and COMPARISON.match(value) and value[:1] not in "<>":
            return value.strip("'\"") or None
    return None


def id_range(query: str | None, ignored: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """The order ids every order the search finds lies in, `low <= id < high`, from `id:`
    comparisons ANDed at the top level, so the shop can look at those orders only (Shopify
    searches ids by index); None when the search has none."""
    if "id" in ignored:
        return None
    low, high, bounded, depth = 0, 2**63, False, 0
    for word in _tokens(query or ""):
        depth += (word == "(") - (word == ")")
        if depth == 0 and word.upper() == "OR":
            return None
        field, sep, value = word.partition(":")
        if depth or not sep or field.lower() != "id":
            continue
        match = COMPARISON.match(value)
        assert match is not None
        op, number = match.group(1) or "", _id_number(match.group(2).strip("'\""))
        if number < 0:
            return None
        bounded = True
        if op in {">=", ">", ""}:
            low = max(low, number + (op == ">"))
        if op in {"<", "<=", ""}:
            high = min(high, number + (op != "<"))
    return (low, high) if bounded else None


def _any_of(tokens: list[str], ignored: frozenset[str]) -> OrderTest | None:
    """Groups of ANDed terms joined by OR, up to a closing parenthesis or the end."""
    groups: list[OrderTest] = []
    while tokens and tokens[-1] != ")":
        group = _all_of(tokens, ignored)
        if group is not None:
            groups.append(group)
        if tokens and tokens[-1].upper() == "OR":
            tokens.pop()
    if not groups:
        return None
    if len(groups) == 1:
        return groups[0]
    return lambda order: any(g(order) for g in groups)


def _all_of(tokens: list[str], ignored: frozenset[str]) -> OrderTest | None:
    tests: list[OrderTest] = []
    while tokens and tokens[-1] != ")" and tokens[-1].upper() != "OR":
        word = tokens.pop()
        test: OrderTest | None
        if word == "(":
            test = _any_of(tokens, ignored)
            if tokens:
                tokens.pop()  # its ")"
        else:
            test = _term(word, ignored)
        if test is not None:
            tests.append(test)
    if not tests:
        return None  # nothing but ignored terms: they match every order
    return lambda order: all(t(order) for t in tests)


def _tokens(query: str) -> list[str]:
    lexer = shlex.shlex(query, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        words = list(lexer)
    except ValueError:  # unbalanced quotes: take the words as they are
        words = query.split()
    tokens: list[str] = []
    for word in words:  # parentheses around words are tokens of their own
        opening = len(word) - len(word.lstrip("("))
        tokens += ["("] * opening
        word = word[opening:]
        closing = len(word) - len(word.rstrip(")"))
        core = word[: len(word) - closing]
        if core:
            tokens.append(core)
        tokens += [")"] * closing
    return tokens


def _term(token: str, ignored: frozenset[str]) -> OrderTest | None:
    negate = token.startswith("-")
    token = token.lstrip("-")
    if token.upper() in {"AND", "NOT"} or not token:
        return None  # connectives: terms are ANDed anyway
    field, sep, value = token.partition(":")
    if sep and field.lower() in ignored:
        return None
    test = _field_test(field.lower(), value) if sep else _text_test(token)
    if test is None:
        return None
    return (lambda order: not test(order)) if negate else test


def _field_test(field: str, raw: str) -> OrderTest | None:
    match = COMPARISON.match(raw)
    assert match is not None
    op, value = match.group(1) or "", match.group(2).strip("'\"")
    low = value.lower()
    if field == "tag":
        return lambda o: any(t.lower() == low for t in o.tags)
    if field == "tag_not":
        return lambda o: all(t.lower() != low for t in o.tags)
    if field == "status":
        return _status_test(low)
    if field == "financial_status":
        return lambda o: accounts.financial_status(o).lower() == low
    if field == "fulfillment_status":
        wanted = FULFILLMENT_FILTERS.get(low, {low.upper()})
        return lambda o: accounts.fulfillment_status(o) in wanted
    if field == "return_status":
        return lambda o: o.return_status.lower() == low
    if field == "requested_order_edit_status":  # ASSUMED values, see the module docstring
        return lambda o: o.display_requested_edit_status.lower() == low
    if field == "risk_level":
        return lambda o: o.risk_level.lower() == low
    if field == "test":
        return lambda o: o.test == (low == "true")
    if field == "name":
        return lambda o: o.name.lstrip("#") == value.lstrip("#")
    if field == "email":
        return lambda o: (o.email or "").lower() == low
    if field == "gateway":
        return lambda o: any(g.lower() == low for g in o.payment_gateway_names)
    if field == "customer_id":
        return lambda o: o.customer is not None and str(o.customer.id) == value
    if field == "id":
        return _number_test(op, _id_number(value), lambda o: o.id)
    if field == "sku":
        return lambda o: any((li.sku or "").lower() == low for li in o.line_items)
    if field in {"created_at", "updated_at", "processed_at"}:
        return _time_test(field, op, value)
    if field.startswith("metafields."):
        _, namespace, key = [*field.split(".", 2), "", ""][:3]
        return lambda o: any(
            m.namespace == namespace and m.key == key and m.value.lower() == low
            for m in o.metafields
        )
    return None


def _status_test(value: str) -> OrderTest | None:
    if value == "open":
        return lambda o: o.closed_at is None and o.cancelled_at is None
    if value == "closed":
        return lambda o: o.closed_at is not None
    if value == "cancelled":
        return lambda o: o.cancelled_at is not None
    if value == "not_closed":
        return lambda o: o.closed_at is None
    return None


def _id_number(value: str) -> int:
    number = gid_number(value, "Order")
    return number if number is not None else int(value) if value.isdigit() else -1


def _number_test(op: str, wanted: int, read: Callable[[Order], int]) -> OrderTest:
    tests: dict[str, OrderTest] = {
        ">": lambda o: read(o) > wanted,
        ">=": lambda o: read(o) >= wanted,
        "<": lambda o: read(o) < wanted,
        "<=": lambda o: read(o) <= wanted,
        "": lambda o: read(o) == wanted,
    }
    return tests[op]


def _time_test(field: str, op: str, value: str) -> OrderTest | None:
    moment = parse_moment(value)
    if moment is None:
        return None
    at: datetime = moment

    def read(order: Order) -> datetime:
        return order.updated_at if field == "updated_at" else order.created_at

    tests: dict[str, OrderTest] = {
        ">": lambda o: read(o) > at,
        ">=": lambda o: read(o) >= at,
        "<": lambda o: read(o) < at,
        "<=": lambda o: read(o) <= at,
        "": lambda o: read(o) == at,
    }
    return tests[op]


def parse_moment(value: str) -> datetime | None:
    """An ISO timestamp (UTC when no offset) or a date (midnight in the shop's time zone)."""
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time(), SHOP_ZONE)
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _text_test(word: str) -> OrderTest:
    low = word.lower().lstrip("#")
    return lambda o: (
        low == o.name.lstrip("#")
        or low in (o.email or "").lower()
        or (o.customer is not None and low in o.customer.display_name.lower())
    )
