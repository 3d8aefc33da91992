"""The reply to the customer, in their language (Danish or English), as plain text.

Templates are plain `str.format` text with `{name}`, `{order}`, `{amount}`, `{reason}`,
`{shop}`, `{when}` (a date or time the reply states) and `{statement}` (the customer's
words); the merchant can override them in settings (`ReplyTemplates`). The result goes to the
mail client through a `mailto:` URL, or to the clipboard.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import quote

from cancelapp.domain.money import Money


class ReplyKind(StrEnum):
    CANCELLED = "cancelled"  # cancelled and refunded
    CANCELLED_NO_REFUND = "cancelled_no_refund"
    PARTLY_CANCELLED = "partly_cancelled"
    DECLINED = "declined"
    NOT_FOUND = "not_found"  # no order could be found for the request
    WITHDRAWAL_RETURN = "withdrawal_return"  # withdrawal accepted: how to send the goods back
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
        ReplyKind.DECLINED: (
            "About cancelling your order {order}",
            "Dear {name},\n\nThank you for your message. Unfortunately we cannot cancel "
            "your order {order}: {reason}\n\nKind regards,\n{shop}",
        ),
        ReplyKind.NOT_FOUND: (
            "About your cancellation request",
            "Dear {name},\n\nThank you for your message. Unfortunately we could not find your "
            "order {order}. Please reply with the order number from your order confirmation "
            "and the email address you ordered with, and we will look again.\n\n"
            "Kind regards,\n{shop}",
        ),
        ReplyKind.WITHDRAWAL_RETURN: (
            "Your withdrawal from order {order}: how to return the goods",
            "Dear {name},\n\nWe have received your withdrawal from order {order} and accept "
            "it. Please send the goods back to us within 14 days of your withdrawal; reply to "
            "this email if you need our return address.\n\nWe refund what you paid, including "
            "the standard delivery cost, by the means you paid with, no later than {when}. We may "
            "wait with the refund until we have the goods back or you have sent us proof that "
            "you have returned them.\n\nKind regards,\n{shop}",
        ),
        ReplyKind.WITHDRAWAL_RECEIVED: (
            "We have received your withdrawal from order {order}",
            "Dear {name},\n\nThis confirms that we received your withdrawal from order "
            "{order} on {when}. You wrote:\n\n{statement}\n\nWe will be in touch about "
            "what happens next.\n\nKind regards,\n{shop}",
        ),
    },
    "da": {
        ReplyKind.CANCELLED: (
            "Din ordre {order} er annulleret",
            "Kære {name}\n\nSom du bad om, har vi annulleret din ordre {order}. "
            "{amount} er på vej tilbage til dig; alt efter din bank kan der gå et par dage, "
            "før beløbet kan ses.\n\nVenlig hilsen\n{shop}",
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
        ReplyKind.DECLINED: (
            "Angående annullering af din ordre {order}",
            "Kære {name}\n\nTak for din besked. Desværre kan vi ikke annullere din ordre "
            "{order}: {reason}\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.NOT_FOUND: (
            "Angående din anmodning om annullering",
            "Kære {name}\n\nTak for din besked. Desværre kunne vi ikke finde din ordre "
            "{order}. Svar venligst med ordrenummeret fra din ordrebekræftelse og den "
            "e-mailadresse, du bestilte med, så kigger vi igen.\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.WITHDRAWAL_RETURN: (
            "Din fortrydelse af ordre {order}: sådan sender du varerne retur",
            "Kære {name}\n\nVi har modtaget din fortrydelse af ordre {order} og accepterer "
            "den. Send venligst varerne retur til os senest 14 dage efter din fortrydelse; "
            "svar på denne e-mail, hvis du har brug for vores returadresse.\n\nVi "
            "tilbagebetaler det, du har betalt, inklusive standardlevering, med samme "
            "betalingsmiddel, senest {when}. Vi kan vente med tilbagebetalingen, til vi har "
            "modtaget varerne, eller du har sendt os dokumentation for, at du har returneret "
            "dem.\n\nVenlig hilsen\n{shop}",
        ),
        ReplyKind.WITHDRAWAL_RECEIVED: (
            "Vi har modtaget din fortrydelse af ordre {order}",
            "Kære {name}\n\nHermed bekræfter vi, at vi har modtaget din fortrydelse af ordre "
            "{order} den {when}. Du skrev:\n\n{statement}\n\nVi vender tilbage om det "
            "videre forløb.\n\nVenlig hilsen\n{shop}",
        ),
    },
}


@dataclass(frozen=True)
class ReplyTemplates:
    """(subject, body) per language and kind; overrides replace single entries."""

    overrides: dict[str, dict[ReplyKind, tuple[str, str]]] = field(default_factory=dict)

    def get(self, language: str, kind: ReplyKind) -> tuple[str, str]:
        return self.overrides.get(language, {}).get(kind) or DEFAULT_TEMPLATES[language][kind]


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
    when: str = "",
    statement: str = "",
    templates: ReplyTemplates | None = None,
) -> Reply:
    language = reply_language(locale)
    subject, body = (templates or ReplyTemplates()).get(language, kind)
    values = {
        "name": name or ("kunde" if language == "da" else "customer"),
        "order": order_name,
        "amount": format_money(amount, language) if amount else "",
        "reason": reason,
        "shop": shop_name,
        "when": when,
        "statement": statement,
    }
    return Reply(to, subject.format(**values), body.format(**values), language)


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
