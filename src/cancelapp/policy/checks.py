"""Each policy condition compiled to a function that checks it and says what it saw.

Most observations come from small sets (a status, yes/no, which listed tags were found), so
their `ConditionCheck` objects are made once and shared: that keeps evaluation fast.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from cancelapp.domain.money import Money
from cancelapp.domain.order import (
    ACTIVE_RETURN_STATUSES,
    FinancialStatus,
    FulfillmentStatus,
    RiskLevel,
)
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase, PhraseArg
from cancelapp.domain.verdict import ConditionCheck
from cancelapp.policy.facts import Facts
from cancelapp.policy.model import FulfilledItems, Window, WindowKind

Check = Callable[[Facts], ConditionCheck]
# When a time-based condition's answer flips as time goes on: the last instant it still holds
# its present answer, or None when time alone can never change it.
Expiry = Callable[[Facts], datetime | None]
E = TypeVar("E", bound=StrEnum)

DEFAULT_WINDOW = timedelta(hours=24)
UNTIL_FULFILLMENT = timedelta.max
_CACHE_LIMIT = 4096
_MINUTE = timedelta(minutes=1)

# Pending means "not assessed yet": above low (never auto-approved as low) and below medium.
RISK_RANK = {
    RiskLevel.NONE: 0,
    RiskLevel.LOW: 1,
    RiskLevel.PENDING: 2,
    RiskLevel.MEDIUM: 3,
    RiskLevel.HIGH: 4,
}


def _words(value: str) -> str:
    return value.lower().replace("_", " ")


Description = tuple[bool, str, dict[str, PhraseArg]]  # matched, template, arguments


def _cached(
    key: str, observe: Callable[[Facts], Hashable], describe: Callable[[Hashable], Description]
) -> Check:
    """A check whose result depends only on a small observed value."""
    cache: dict[Hashable, ConditionCheck] = {}

    def check(facts: Facts) -> ConditionCheck:
        seen = observe(facts)
        found = cache.get(seen)
        if found is None:
            matched, template, args = describe(seen)
            found = ConditionCheck(key, Phrase("Policy", template, args), matched)
            if len(cache) < _CACHE_LIMIT:
                cache[seen] = found
        return found

    return check


def _yes_no(key: str, wanted: bool, observe: Callable[[Facts], bool], yes: str, no: str) -> Check:
    when_yes = ConditionCheck(key, Phrase("Policy", yes), wanted)
    when_no = ConditionCheck(key, Phrase("Policy", no), not wanted)

    def check(facts: Facts) -> ConditionCheck:
        return when_yes if observe(facts) else when_no

    return check


def _by_status[E: StrEnum](
    key: str, statuses: Iterable[E], describe: Callable[[E], Description]
) -> dict[E, ConditionCheck]:
    """One shared check per possible status, looked up rather than built per request."""
    table = {}
    for status in statuses:
        matched, template, args = describe(status)
        table[status] = ConditionCheck(key, Phrase("Policy", template, args), matched)
    return table


def _status_set(
    key: str,
    wanted: frozenset[FinancialStatus] | frozenset[FulfillmentStatus],
    statuses: type[FinancialStatus] | type[FulfillmentStatus],
    observe: Callable[[Facts], StrEnum],
    template: str,
) -> Check:
    listed = ", ".join(sorted(_words(s) for s in wanted))
    table = _by_status(
        key,
        statuses,
        lambda seen: (seen in wanted, template, {"status": _words(seen), "wanted": listed}),
    )
    return lambda facts: table[observe(facts)]


_FULFILLED_TEMPLATES = {
    FulfilledItems.NONE: QT_TRANSLATE_NOOP(
        "Policy", "{fulfilled} of {total} items fulfilled; rule: none fulfilled"
    ),
    FulfilledItems.ANY: QT_TRANSLATE_NOOP(
        "Policy", "{fulfilled} of {total} items fulfilled; rule: some fulfilled"
    ),
    FulfilledItems.ALL: QT_TRANSLATE_NOOP(
        "Policy", "{fulfilled} of {total} items fulfilled; rule: all fulfilled"
    ),
}


def _fulfilled_items(wanted: FulfilledItems) -> Check:
    def observe(facts: Facts) -> Hashable:
        return (facts.any_fulfilled, facts.fulfilled_units, facts.unfulfilled_units)

    def describe(seen: Hashable) -> Description:
        assert isinstance(seen, tuple)
        shipped, fulfilled, unfulfilled = seen
        if wanted is FulfilledItems.NONE:
            matched = not shipped
        elif wanted is FulfilledItems.ANY:
            matched = shipped
        else:
            matched = shipped and unfulfilled == 0
        args: dict[str, PhraseArg] = {"fulfilled": fulfilled, "total": fulfilled + unfulfilled}
        return matched, _FULFILLED_TEMPLATES[wanted], args

    return _cached("fulfilled_items", observe, describe)


def _tags(
    key: str,
    wanted: tuple[str, ...],
    observe_tags: Callable[[Facts], frozenset[str]],
    found_template: str,
    absent_template: str,
) -> Check:
    folded = frozenset(t.casefold() for t in wanted)
    listed = ", ".join(wanted)
    want_present = key.endswith("_any")

    def observe(facts: Facts) -> Hashable:
        return frozenset(t for t in observe_tags(facts) if t.casefold() in folded)

    def describe(seen: Hashable) -> Description:
        assert isinstance(seen, frozenset)
        if seen:
            return want_present, found_template, {"found": ", ".join(sorted(seen))}
        return not want_present, absent_template, {"wanted": listed}

    return _cached(key, observe, describe)


def _order_tags(f: Facts) -> frozenset[str]:
    return frozenset(f.order.tags)


def _product_tags(f: Facts) -> frozenset[str]:
    return frozenset(t for li in f.covered for t in li.product_tags)


def _customer_tags(f: Facts) -> frozenset[str]:
    return frozenset(f.order.customer.tags) if f.order.customer else frozenset()


_TAG_SOURCES = {
    "order": (
        _order_tags,
        QT_TRANSLATE_NOOP("Policy", "order tagged {found}"),
        QT_TRANSLATE_NOOP("Policy", "order has none of the tags {wanted}"),
    ),
    "product": (
        _product_tags,
        QT_TRANSLATE_NOOP("Policy", "items tagged {found}"),
        QT_TRANSLATE_NOOP("Policy", "no item has the tags {wanted}"),
    ),
    "customer": (
        _customer_tags,
        QT_TRANSLATE_NOOP("Policy", "customer tagged {found}"),
        QT_TRANSLATE_NOOP("Policy", "customer has none of the tags {wanted}"),
    ),
    "gateway": (
        lambda f: frozenset(f.order.gateways),
        QT_TRANSLATE_NOOP("Policy", "paid with {found}"),
        QT_TRANSLATE_NOOP("Policy", "not paid with {wanted}"),
    ),
}


def _risk(key: str, limit: RiskLevel) -> Check:
    at_least = key == "risk_at_least"
    template = (
        QT_TRANSLATE_NOOP("Policy", "risk {risk}; rule: at least {limit}")
        if at_least
        else QT_TRANSLATE_NOOP("Policy", "risk {risk}; rule: at most {limit}")
    )
    rank = RISK_RANK[limit]

    def describe(seen: RiskLevel) -> Description:
        matched = RISK_RANK[seen] >= rank if at_least else RISK_RANK[seen] <= rank
        return matched, template, {"risk": _words(seen), "limit": _words(limit)}

    table = _by_status(key, RiskLevel, describe)
    return lambda facts: table[facts.order.risk_level]


def _total(key: str, limit: Decimal) -> Check:
    above = key == "total_above"
    template = (
        QT_TRANSLATE_NOOP("Policy", "total {total}; rule: above {limit}")
        if above
        else QT_TRANSLATE_NOOP("Policy", "total {total}; rule: below {limit}")
    )

    limits: dict[str, Money] = {}  # the limit in each shop currency seen

    def check(facts: Facts) -> ConditionCheck:
        total = facts.order.total
        matched = total.amount > limit if above else total.amount < limit
        shown = limits.get(total.currency)
        if shown is None:
            shown = limits[total.currency] = Money(limit, total.currency)
        args: dict[str, PhraseArg] = {"total": total, "limit": shown}
        return ConditionCheck(key, Phrase("Policy", template, args), matched)

    return check


_PLACED = (
    QT_TRANSLATE_NOOP("Policy", "placed {age} before the request, window {window}: inside"),
    QT_TRANSLATE_NOOP("Policy", "placed {age} before the request, window {window}: outside"),
)
# A verdict is stored and shown until it expires, so it names times, not "ago".
_REQUESTED_INSIDE = QT_TRANSLATE_NOOP(
    "Policy", "request received {received}, window {window}: inside until {until}"
)
_REQUESTED_OUTSIDE = QT_TRANSLATE_NOOP(
    "Policy", "request received {received}, window {window}: outside since {until}"
)
_UNTIL_INSIDE = QT_TRANSLATE_NOOP(
    "Policy", "nothing fulfilled yet, window until fulfillment: inside"
)
_UNTIL_OUTSIDE = QT_TRANSLATE_NOOP(
    "Policy", "items already fulfilled, window until fulfillment: outside"
)


def resolve_window(window: Window, shop_window: timedelta | None) -> timedelta:
    """The window as a duration; `UNTIL_FULFILLMENT` when it lasts until anything ships."""
    if window.kind is WindowKind.FIXED:
        return timedelta(minutes=window.minutes)
    if window.kind is WindowKind.UNTIL_FULFILLMENT:
        return UNTIL_FULFILLMENT
    return shop_window if shop_window is not None else DEFAULT_WINDOW


def _window(key: str, window: Window) -> Check:
    measured, side = key.split("_")
    want_inside = side == "within"
    until_checks = {
        inside: ConditionCheck(
            key,
            Phrase("Policy", _UNTIL_INSIDE if inside else _UNTIL_OUTSIDE),
            inside == want_inside,
        )
        for inside in (True, False)
    }
    # The placed words show whole minutes, so their checks are shared per (minutes, window,
    # inside or not); the requested words name the request's own times.
    cache: dict[tuple[int, timedelta, bool], ConditionCheck] = {}

    def check(facts: Facts) -> ConditionCheck:
        span = resolve_window(window, facts.shop_window)
        if span == UNTIL_FULFILLMENT:
            return until_checks[not facts.order.units_fulfilled and not facts.any_fulfilled]
        if measured == "requested":
            inside = facts.now - facts.received_at <= span
            template = _REQUESTED_INSIDE if inside else _REQUESTED_OUTSIDE
            args: dict[str, PhraseArg] = {
                "received": facts.received_at,
                "window": span,
                "until": facts.received_at + span,
            }
            return ConditionCheck(key, Phrase("Policy", template, args), inside == want_inside)
        age = max(facts.received_at - facts.order.created_at, timedelta(0))
        inside = age <= span
        seen = (age // _MINUTE, span, inside)
        found = cache.get(seen)
        if found is None:
            inside_template, outside_template = _PLACED
            template = inside_template if inside else outside_template
            args = {"age": _MINUTE * seen[0], "window": span}
            found = ConditionCheck(key, Phrase("Policy", template, args), inside == want_inside)
            if len(cache) < _CACHE_LIMIT:
                cache[seen] = found
        return found

    return check


def window_expiry(key: str, window: Window) -> Expiry:
    """Until when a window condition keeps its present answer. A window measured from the
    request closes at its received time plus the window; one measured from the order's
    placing moves only while the request has no message (it is then received "now")."""

    def expiry(facts: Facts) -> datetime | None:
        span = resolve_window(window, facts.shop_window)
        if span == UNTIL_FULFILLMENT:
            return None  # shipping, not time, ends it
        if key.startswith("requested"):
            closes = facts.received_at + span
        elif facts.received_now:
            closes = facts.order.created_at + span
        else:
            return None
        return closes if facts.now <= closes else None  # closed windows never open again

    return expiry


def compile_condition(key: str, value: object) -> Check:
    """The check for one `[rules.when]` entry, already validated by the parser."""
    if isinstance(value, Window):
        return _window(key, value)
    if key == "financial_status":
        assert isinstance(value, frozenset)
        template = QT_TRANSLATE_NOOP("Policy", "payment status {status}; rule: {wanted}")
        return _status_set(
            key, value, FinancialStatus, lambda f: f.order.financial_status, template
        )
    if key == "fulfillment_status":
        assert isinstance(value, frozenset)
        template = QT_TRANSLATE_NOOP("Policy", "fulfillment status {status}; rule: {wanted}")
        return _status_set(
            key, value, FulfillmentStatus, lambda f: f.order.fulfillment_status, template
        )
    if isinstance(value, FulfilledItems):
        return _fulfilled_items(value)
    if isinstance(value, RiskLevel):
        return _risk(key, value)
    if isinstance(value, Decimal):
        return _total(key, value)
    if isinstance(value, tuple):
        source = key.split("_")[0]
        observe_tags, found, absent = _TAG_SOURCES[source]
        return _tags(key, value, observe_tags, found, absent)
    assert isinstance(value, bool)
    return _BOOLEAN_CHECKS[key](key, value)


def _on_hold(f: Facts) -> bool:
    """Someone else's hold: the one CancelApp placed while the merchant decides is no reason."""
    return any(fo.held_by_others for fo in f.order.fulfillment_orders)


def _at_service(f: Facts) -> bool:
    """A fulfillment service has accepted, or is being (or was refused being) asked to stop:
    Shopify refuses to cancel "outstanding fulfillments that can't be cancelled", so these
    need the service's consent first."""
    return any(fo.accepted_by_service and fo.is_open for fo in f.order.fulfillment_orders)


def _sent_to_service(f: Facts) -> bool:
    """Sent to a fulfillment service that has not accepted yet: still cancelled at once."""
    return any(fo.sent_to_service and fo.is_open for fo in f.order.fulfillment_orders)


_BOOLEAN_CHECKS: dict[str, Callable[[str, bool], Check]] = {
    "on_hold": lambda k, v: _yes_no(
        k,
        v,
        _on_hold,
        QT_TRANSLATE_NOOP("Policy", "fulfillment on hold"),
        QT_TRANSLATE_NOOP("Policy", "fulfillment not on hold"),
    ),
    "at_fulfillment_service": lambda k, v: _yes_no(
        k,
        v,
        _at_service,
        QT_TRANSLATE_NOOP("Policy", "with a fulfillment service"),
        QT_TRANSLATE_NOOP("Policy", "not at a fulfillment service"),
    ),
    "sent_to_fulfillment_service": lambda k, v: _yes_no(
        k,
        v,
        _sent_to_service,
        QT_TRANSLATE_NOOP("Policy", "sent to a fulfillment service, not accepted yet"),
        QT_TRANSLATE_NOOP("Policy", "nothing waiting for a fulfillment service to accept"),
    ),
    "active_return": lambda k, v: _yes_no(
        k,
        v,
        lambda f: f.order.return_status in ACTIVE_RETURN_STATUSES,
        QT_TRANSLATE_NOOP("Policy", "a return is open"),
        QT_TRANSLATE_NOOP("Policy", "no return open"),
    ),
    "cancelled": lambda k, v: _yes_no(
        k,
        v,
        lambda f: f.order.cancelled_at is not None,
        QT_TRANSLATE_NOOP("Policy", "order already cancelled"),
        QT_TRANSLATE_NOOP("Policy", "order not cancelled"),
    ),
    "test": lambda k, v: _yes_no(
        k,
        v,
        lambda f: f.order.test,
        QT_TRANSLATE_NOOP("Policy", "test order"),
        QT_TRANSLATE_NOOP("Policy", "not a test order"),
    ),
}
