"""The reply to the customer, in their language (Danish or English), as plain text.

One template per outcome (`ReplyKind`), chosen by the decision (`kind_for`), by the policy
rule (its `reply` names a kind) or by the merchant in the preview. Templates are plain
`str.format` text with `{name}`, `{order}`, `{amount}`, `{fee}`, `{method}` (where the money
goes back, in words: `reply_payment`), `{days}`, `{reason}`, `{shop}`, `{when}` (a date or
time the reply states), `{statement}` (the customer's own words) and `{expiry}` (when store
credit runs out; empty without one); the merchant can override them in settings
(`ReplyTemplates`). The result is sent from the merchant's mailbox (`cancelapp.mail`), or
handed to the mail program through a `mailto:` URL, or to the clipboard.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from urllib.parse import quote

from cancelapp.domain.money import Money

DEFAULT_DAYS = 5  # what the customer is told to expect, where a template says {days}
_PLACEHOLDER = re.compile(r"\{(\w+)\}(\.?)")


class ReplyKind(StrEnum):
    CANCELLED = "cancelled"  # cancelled and refunded
    KEPT_FEE = "cancelled_kept_fee"  # cancelled, refunded less a fee the shop keeps
    STORE_CREDIT = "store_credit"  # cancelled, refunded as store credit
    STORE_CREDIT_KEPT_FEE = "store_credit_kept_fee"  # as store credit, less a fee kept
    CANCELLED_NO_REFUND = "cancelled_no_refund"
    PARTLY_CANCELLED = "partly_cancelled"  # some items removed and refunded
    PARTLY_CANCELLED_NO_REFUND = "partly_cancelled_no_refund"  # removed, nothing refunded
    PARTLY_STORE_CREDIT = "partly_store_credit"  # some items removed, paid as store credit
    DECLINED = "declined"
    # Declined for the default policy rules' reasons: each rule's `reply` names its template.
    ALREADY_CANCELLED = "already_cancelled"
    RETURN_OPEN = "return_open"
    ALREADY_SHIPPED = "already_shipped"
    WAITING = "waiting_for_warehouse"  # the warehouse is asked first
    NOT_FOUND = "not_found"  # no order could be found for the request
    RECEIPT = "receipt"  # the request arrived and is being looked at
    WITHDRAWAL = "withdrawal_accepted"  # EU withdrawal accepted: how to send the goods back
    WITHDRAWAL_RECEIVED = "withdrawal_received"  # acknowledgement of a withdrawal's receipt


@dataclass(frozen=True)
class Reply:
    to: str | None
    subject: str
    body: str
    language: str  # "da" or "en"

    @property
    def mailto_url(self) -> str:
        return mailto_url(self.to or "", self.subject, self.body)


DEFAULT_TEMPLATES: dict[str, dict[ReplyKind, tuple[str, str]]] = {
    "en": {
        ReplyKind.CANCELLED: (
            "Your order {order} has been cancelled",
            "Dear {name},\n\nAs you asked, we have cancelled your order {order}. "
            "{amount} is on its way back to you; depending on your bank it can take a few "
            "days to show.\n\nKind regards,\n{shop}",
        ),
        ReplyKind.KEPT_FEE: (
            "Your order {order} has been cancelled",
            "Dear {name},\n\nAs you asked, we have cancelled your order {order}. {amount} is "
            "on its way back to you via {method}; {fee} is kept as a cancellation fee. "
            "Expect the money within {days} days.\n\nKind regards,\n{shop}",
        ),
        ReplyKind.STORE_CREDIT: (
            "Your order {order} has been cancelled",
            "Dear {name},\n\nAs you asked, we have cancelled your order {order}. {amount} "
            "is now available to you as store credit for your next order with us{expiry}.\n\n"
            "Kind regards,\n{shop}",
        ),
        ReplyKind.STORE_CREDIT_KEPT_FEE: (
            "Your order {order} has been cancelled",
            "Dear {name},\n\nAs you asked, we have cancelled your order {order}. {amount} "
            "is now available to you as store credit for your next order with us{expiry}; "
            "{fee} is kept as a cancellation fee.\n\nKind regards,\n{shop}",
        ),
        ReplyKind.CANCELLED_NO_REFUND: (
            "Your order {order} has been cancelled",
            "Dear {name},\n\nAs you asked, we have cancelled your order {order}.\n\n"
            "Kind regards,\n{shop}",
        ),
        ReplyKind.PARTLY_CANCELLED: (
            "Your order {order} has been changed",
            "Dear {name},\n\nWe have removed the items you asked about from your order "
            "{order} and refunded {amount}. Items already sent are not affected.\n\n"
            "Kind regards,\n{shop}",
        ),
        ReplyKind.PARTLY_STORE_CREDIT: (
            "Your order {order} has been changed",
            "Dear {name},\n\nWe have removed the items you asked about from your order "
            "{order}. {amount} is now available to you as store credit for your next order "
            "with us{expiry}. Items already sent are not affected.\n\nKind regards,\n{shop}",
        ),
        ReplyKind.PARTLY_CANCELLED_NO_REFUND: (
            "Your order {order} has been changed",
            "Dear {name},\n\nWe have removed the items you asked about from your order "
            "{order}. Items already sent are not affected.\n\nKind regards,\n{shop}",
        ),
        ReplyKind.DECLINED: (
            "About cancelling your order {order}",
            "Dear {name},\n\nThank you for your message. Unfortunately we cannot cancel "
            "your order {order}: {reason}\n\nKind regards,\n{shop}",
        ),
        ReplyKind.ALREADY_CANCELLED: (
            "About cancelling your order {order}",
            "Dear {name},\n\nThank you for your message. Your order {order} has already been "
            "cancelled: there is nothing more you need to do.\n\nKind regards,\n{shop}",
        ),
        ReplyKind.RETURN_OPEN: (
            "About cancelling your order {order}",
            "Dear {name},\n\nThank you for your message. Your order {order} has a return in "
            "progress: we will complete it through the return.\n\nKind regards,\n{shop}",
        ),
        ReplyKind.ALREADY_SHIPPED: (
            "About cancelling your order {order}",
            "Dear {name},\n\nThank you for your message. Your order {order} has already "
            "shipped, so it can no longer be cancelled: please use our return process once it "
            "arrives.\n\nKind regards,\n{shop}",
        ),
        ReplyKind.WAITING: (
            "About cancelling your order {order}",
            "Dear {name},\n\nThank you for your message. Your order {order} is with our "
            "warehouse, and we have asked them to stop it. We will write again as soon as "
            "they answer, usually within {days} days.\n\nKind regards,\n{shop}",
        ),
        ReplyKind.NOT_FOUND: (
            "About your cancellation request",
            "Dear {name},\n\nThank you for your message. Unfortunately we could not find your "
            "order {order}. Please reply with the order number from your order confirmation "
            "and the email address you ordered with, and we will look again.\n\n"
            "Kind regards,\n{shop}",
        ),
        ReplyKind.WITHDRAWAL_RECEIVED: (
            "We have received your withdrawal from order {order}",
            "Dear {name},\n\nThis confirms that we received your withdrawal from order "
            "{order} on {when}. You wrote:\n\n{statement}\n\nWe will be in touch about "
            "what happens next.\n\nKind regards,\n{shop}",
        ),
        ReplyKind.RECEIPT: (
            "We have received your request about order {order}",
            "Dear {name},\n\nThank you for your message about your order {order}. We have "
            "received it and will answer within {days} days.\n\nKind regards,\n{shop}",
        ),
        ReplyKind.WITHDRAWAL: (
            "Your withdrawal from order {order}",
            "Dear {name},\n\nWe have received your withdrawal from order {order} and accept "
            "it. Please send the goods back to us within 14 days; we refund {amount} via "
            "{method} as soon as they are back with us or you send us proof that they are on "
            "their way.\n\nKind regards,\n{shop}",
        ),
    },
    "da": {
        ReplyKind.CANCELLED: (
            "Din ordre {order} er annulleret",
            "Kære {name}\n\nSom du bad om, har vi annulleret din ordre {order}. "
            "{amount} er på vej tilbage til dig; alt efter din bank kan der gå et par dage, "
            "før beløbet kan ses.\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.KEPT_FEE: (
            "Din ordre {order} er annulleret",
            "Kære {name}\n\nSom du bad om, har vi annulleret din ordre {order}. {amount} er "
            "på vej tilbage til dig via {method}; {fee} beholder vi som annulleringsgebyr. "
            "Du kan forvente pengene inden for {days} dage."
            "\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.STORE_CREDIT: (
            "Din ordre {order} er annulleret",
            "Kære {name}\n\nSom du bad om, har vi annulleret din ordre {order}. {amount} står "
            "nu til rådighed for dig som tilgodehavende til din næste ordre hos os{expiry}.\n\n"
            "Venlig hilsen\n{shop}",
        ),
        ReplyKind.STORE_CREDIT_KEPT_FEE: (
            "Din ordre {order} er annulleret",
            "Kære {name}\n\nSom du bad om, har vi annulleret din ordre {order}. {amount} står "
            "nu til rådighed for dig som tilgodehavende til din næste ordre hos os{expiry}; "
            "{fee} beholder vi som annulleringsgebyr.\n\n"
            "Venlig hilsen\n{shop}",
        ),
        ReplyKind.CANCELLED_NO_REFUND: (
            "Din ordre {order} er annulleret",
            "Kære {name}\n\nSom du bad om, har vi annulleret din ordre {order}.\n\n"
            "Venlig hilsen\n{shop}",
        ),
        ReplyKind.PARTLY_CANCELLED: (
            "Din ordre {order} er ændret",
            "Kære {name}\n\nVi har fjernet de varer, du spurgte om, fra din ordre {order} "
            "og refunderet {amount}. Varer, der allerede er sendt, er ikke berørt.\n\n"
            "Venlig hilsen\n{shop}",
        ),
        ReplyKind.PARTLY_STORE_CREDIT: (
            "Din ordre {order} er ændret",
            "Kære {name}\n\nVi har fjernet de varer, du spurgte om, fra din ordre {order}. "
            "{amount} står nu til rådighed for dig som tilgodehavende til din næste ordre hos "
            "os{expiry}. Varer, der allerede er sendt, er ikke berørt.\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.PARTLY_CANCELLED_NO_REFUND: (
            "Din ordre {order} er ændret",
            "Kære {name}\n\nVi har fjernet de varer, du spurgte om, fra din ordre {order}. "
            "Varer, der allerede er sendt, er ikke berørt.\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.DECLINED: (
            "Angående annullering af din ordre {order}",
            "Kære {name}\n\nTak for din besked. Desværre kan vi ikke annullere din ordre "
            "{order}: {reason}\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.ALREADY_CANCELLED: (
            "Angående annullering af din ordre {order}",
            "Kære {name}\n\nTak for din besked. Din ordre {order} er allerede annulleret: du "
            "behøver ikke gøre mere.\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.RETURN_OPEN: (
            "Angående annullering af din ordre {order}",
            "Kære {name}\n\nTak for din besked. Der er en returnering i gang for din ordre "
            "{order}: vi afslutter sagen gennem returneringen.\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.ALREADY_SHIPPED: (
            "Angående annullering af din ordre {order}",
            "Kære {name}\n\nTak for din besked. Din ordre {order} er allerede afsendt og kan "
            "derfor ikke længere annulleres: brug venligst vores returproces, når den er "
            "kommet frem.\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.WAITING: (
            "Angående annullering af din ordre {order}",
            "Kære {name}\n\nTak for din besked. Din ordre {order} er hos vores lager, og vi "
            "har bedt dem om at stoppe den. Vi skriver igen, så snart de svarer, som regel "
            "inden for {days} dage.\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.WITHDRAWAL_RECEIVED: (
            "Vi har modtaget din fortrydelse af ordre {order}",
            "Kære {name}\n\nHermed bekræfter vi, at vi har modtaget din fortrydelse af ordre "
            "{order} den {when}. Du skrev:\n\n{statement}\n\nVi vender tilbage om det "
            "videre forløb.\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.RECEIPT: (
            "Vi har modtaget din henvendelse om ordre {order}",
            "Kære {name}\n\nTak for din besked om din ordre {order}. Vi har modtaget den og "
            "svarer inden for {days} dage.\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.WITHDRAWAL: (
            "Din fortrydelse af ordre {order}",
            "Kære {name}\n\nVi har modtaget din fortrydelse af ordre {order} og accepterer "
            "den. Send venligst varerne retur til os inden for 14 dage; vi refunderer {amount} "
            "via {method}, så snart de er tilbage hos os, eller du sender os bevis for, at de "
            "er på vej.\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.NOT_FOUND: (
            "Angående din anmodning om annullering",
            "Kære {name}\n\nTak for din besked. Desværre kunne vi ikke finde din ordre "
            "{order}. Svar venligst med ordrenummeret fra din ordrebekræftelse og den "
            "e-mailadresse, du bestilte med, så kigger vi igen.\n\nVenlig hilsen\n{shop}",
        ),
    },
}


@dataclass(frozen=True)
class ReplyTemplates:
    """(subject, body) per language and kind; overrides replace single entries."""

    overrides: dict[str, dict[ReplyKind, tuple[str, str]]] = field(default_factory=dict)

    def get(self, language: str, kind: ReplyKind) -> tuple[str, str]:
        return self.overrides.get(language, {}).get(kind) or DEFAULT_TEMPLATES[language][kind]

    @classmethod
    def from_texts(cls, texts: Mapping[str, Mapping[str, tuple[str, str]]]) -> ReplyTemplates:
        """From the settings' edited texts (plain keys); a kind no longer known is skipped."""
        known = {kind.value: kind for kind in ReplyKind}
        return cls(
            {
                language: {known[k]: text for k, text in kinds.items() if k in known}
                for language, kinds in texts.items()
                if language in DEFAULT_TEMPLATES
            }
        )


def reply_language(locale: str | None) -> str:
    """Danish for Danish-speaking customers (da, da-DK, …), English for everyone else."""
    return "da" if (locale or "").lower().replace("_", "-").split("-")[0] == "da" else "en"


def compose_reply(
    kind: ReplyKind,
    *,
    locale: str | None,
    to: str | None,
    name: str,
    order_name: str,
    shop_name: str,
    amount: Money | None = None,
    reason: str = "",
    templates: ReplyTemplates | None = None,
    fee: Money | None = None,
    method: str = "",
    days: int = DEFAULT_DAYS,
    when: str = "",
    statement: str = "",
    expires: date | None = None,
) -> Reply:
    language = reply_language(locale)
    subject, body = (templates or ReplyTemplates()).get(language, kind)
    values = {
        "name": name or ("kunde" if language == "da" else "customer"),
        "order": order_name,
        "amount": format_money(amount, language) if amount else "",
        "fee": format_money(fee, language) if fee else "",
        "method": method
        or (
            "den oprindelige betalingsmåde" if language == "da" else "your original payment method"
        ),
        "days": str(days),
        "reason": reason,
        "shop": shop_name,
        "when": when,
        "statement": statement,
        "expiry": _expiry(expires, language),
    }
    return Reply(to, fill(subject, values), fill(body, values), language)


def fill(template: str, values: dict[str, str]) -> str:
    """`template` with its placeholders filled; a misspelt or unknown one (`{nmae}`) and a
    lone brace stay as typed instead of failing, so a merchant's edit can never stop a reply.

    A value that ends in a full stop (`1.297,00 kr.`, `Hygge & Co.`) takes the place of the
    template's own full stop after it: the customer never reads "kr.." (QA walkthrough)."""

    def filled(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        if value is None:
            return match.group(0)
        if match.group(2) and value.endswith("."):
            return value
        return value + match.group(2)

    return _PLACEHOLDER.sub(filled, template)


def kind_for(
    *,
    declined: bool,
    refunded: bool,
    store_credit: bool,
    kept_fee: bool,
    partial: bool,
    waiting: bool,
    policy_reply: str | None = None,
) -> ReplyKind:
    """The template for a decision: the policy rule's `reply`, when it names one, else the
    outcome's own."""
    if policy_reply in set(ReplyKind):
        return ReplyKind(policy_reply)
    if declined:
        return ReplyKind.DECLINED
    if waiting:
        return ReplyKind.WAITING
    if partial:
        if store_credit:  # no card transaction: not "refunded" (QA walkthrough)
            return ReplyKind.PARTLY_STORE_CREDIT
        # Removed without a refund (the policy refunds nothing): no amount to name.
        return ReplyKind.PARTLY_CANCELLED if refunded else ReplyKind.PARTLY_CANCELLED_NO_REFUND
    if store_credit:
        return ReplyKind.STORE_CREDIT_KEPT_FEE if kept_fee else ReplyKind.STORE_CREDIT
    if kept_fee:
        return ReplyKind.KEPT_FEE
    return ReplyKind.CANCELLED if refunded else ReplyKind.CANCELLED_NO_REFUND


_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "da": "januar februar marts april maj juni juli august september oktober november december",
}


def _expiry(expires: date | None, language: str) -> str:
    """ " (valid until 7 December 2027)" after the store credit; nothing without an expiry."""
    if expires is None:
        return ""
    month = _MONTHS[language].split()[expires.month - 1]
    if language == "da":
        return f" (gælder til og med {expires.day}. {month} {expires.year})"
    return f" (valid until {expires.day} {month} {expires.year})"


def format_money(money: Money, language: str) -> str:
    """`1.234,50 kr.` in Danish, `DKK 1,234.50` in English (plain text for email); at the
    currency's own places (`JPY 12,000`, `KWD 45.250`)."""
    amount, places = money.shown()
    english = f"{amount:,.{places}f}"
    if language == "da":
        danish = english.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return f"{danish} kr." if money.currency == "DKK" else f"{danish} {money.currency}"
    return f"{money.currency} {english}"


def mailto_url(to: str, subject: str, body: str) -> str:
    """RFC 6068: every special character percent-encoded, line breaks as CRLF."""

    def enc(text: str) -> str:
        return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")

    return f"mailto:{quote(to, safe='@')}?subject={enc(subject)}&body={enc(body)}"
