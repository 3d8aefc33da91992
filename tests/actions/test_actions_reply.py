"""Customer replies in Danish or English, and the mailto: URL they open."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from cancelapp.actions.reply import (
    ReplyKind,
    ReplyTemplates,
    compose_reply,
    fill,
    format_money,
    kind_for,
    mailto_url,
    reply_language,
)
from cancelapp.domain.money import Money


def test_language_follows_the_customer_locale() -> None:
    assert reply_language("da-DK") == "da"
    assert reply_language("da") == "da"
    assert reply_language("DA_dk") == "da"
    assert reply_language("en-GB") == "en"
    assert reply_language("de") == "en"
    assert reply_language(None) == "en"


def test_danish_cancel_reply_names_the_amount_the_danish_way() -> None:
    reply = compose_reply(
        ReplyKind.CANCELLED,
        locale="da-DK",
        to="ida@example.dk",
        name="Ida",
        order_name="#1001",
        shop_name="Sæbehuset",
        amount=Money.of("1234.5", "DKK"),
    )
    assert reply.subject == "Din ordre #1001 er annulleret"
    assert "1.234,50 kr. er på vej tilbage" in reply.body
    assert reply.body.startswith("Kære Ida")


def test_english_decline_reply_carries_the_reason() -> None:
    reply = compose_reply(
        ReplyKind.DECLINED,
        locale="en-US",
        to=None,
        name="",
        order_name="#7",
        shop_name="Soap Co",
        reason="it has shipped.",
    )
    assert reply.language == "en"
    assert "cannot cancel your order #7: it has shipped." in reply.body
    assert reply.body.startswith("Dear customer")


def test_templates_can_be_overridden_per_language_and_kind() -> None:
    templates = ReplyTemplates({"en": {ReplyKind.DECLINED: ("No {order}", "Sorry {name}")}})
    reply = compose_reply(
        ReplyKind.DECLINED,
        locale="en",
        to="a@b.c",
        name="Bo",
        order_name="#9",
        shop_name="S",
        templates=templates,
    )
    assert (reply.subject, reply.body) == ("No #9", "Sorry Bo")
    danish = compose_reply(
        ReplyKind.DECLINED,
        locale="da",
        to="a@b.c",
        name="Bo",
        order_name="#9",
        shop_name="S",
        templates=templates,
    )
    assert danish.subject.startswith("Angående")


def test_money_formats() -> None:
    assert format_money(Money.of("449", "DKK"), "da") == "449,00 kr."
    assert format_money(Money.of("1234.5", "EUR"), "da") == "1.234,50 EUR"
    assert format_money(Money.of("1234.5", "EUR"), "en") == "EUR 1,234.50"
    assert format_money(Money.of("1200", "JPY"), "en") == "JPY 1,200"
    assert format_money(Money.of("12000", "JPY"), "da") == "12.000 JPY"
    assert format_money(Money.of("45.125", "KWD"), "en") == "KWD 45.125"
    assert format_money(Money.of("1045.1", "KWD"), "da") == "1.045,100 KWD"
    assert format_money(Money.of("89999999", "PYG"), "en") == "PYG 89,999,999"
    assert format_money(Money.of("12.5", "USDC"), "en") == "USDC 12.50"


def test_mailto_url_encodes_everything_and_uses_crlf() -> None:
    url = mailto_url("ida+shop@example.dk", "Din ordre #1001 & mere", "Linje 1\nLinje 2?")
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert parts.path == "ida%2Bshop@example.dk"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Din ordre #1001 & mere"]
    assert query["body"] == ["Linje 1\r\nLinje 2?"]
    assert " " not in url and "#" not in url


def test_every_outcome_has_a_danish_and_an_english_text_with_its_placeholders_filled() -> None:
    for language, locale in (("da", "da-DK"), ("en", "en-GB")):
        for kind in ReplyKind:
            reply = compose_reply(
                kind,
                locale=locale,
                to="anna@example.dk",
                name="Anna",
                order_name="#1042",
                shop_name="Nordlys",
                amount=Money.of("449.00", "DKK"),
                fee=Money.of("25.00", "DKK"),
                method="Visa",
                reason="den er sendt.",
            )
            assert reply.language == language
            assert "{" not in reply.subject + reply.body, (language, kind)
            assert reply.body.rstrip().endswith("Nordlys")


def test_the_outcome_picks_the_template_and_a_rule_may_name_one() -> None:
    def kind(**facts: bool | str | None) -> ReplyKind:
        base: dict[str, bool] = dict.fromkeys(
            ("declined", "refunded", "store_credit", "kept_fee", "partial", "waiting"), False
        )
        return kind_for(**{**base, **facts})  # type: ignore[arg-type]

    assert kind(declined=True) is ReplyKind.DECLINED
    assert kind(refunded=True) is ReplyKind.CANCELLED
    assert kind(refunded=True, kept_fee=True) is ReplyKind.KEPT_FEE
    assert kind(store_credit=True) is ReplyKind.STORE_CREDIT
    assert kind(store_credit=True, kept_fee=True) is ReplyKind.STORE_CREDIT_KEPT_FEE
    assert kind(refunded=True, partial=True) is ReplyKind.PARTLY_CANCELLED
    assert kind(store_credit=True, partial=True) is ReplyKind.PARTLY_STORE_CREDIT  # not "refunded"
    assert kind(partial=True) is ReplyKind.PARTLY_CANCELLED_NO_REFUND  # no amount to name
    assert kind() is ReplyKind.CANCELLED_NO_REFUND
    assert kind(declined=True, policy_reply="withdrawal_accepted") is ReplyKind.WITHDRAWAL
    assert kind(declined=True, policy_reply="We cannot, sorry") is ReplyKind.DECLINED


def test_a_merchants_misspelt_placeholder_stays_as_typed() -> None:
    assert fill("Hej {nmae}, {order} {", {"order": "#1"}) == "Hej {nmae}, #1 {"


def test_an_amount_or_name_ending_in_a_full_stop_gets_no_second_one() -> None:
    """ "refunderet 1.297,00 kr.. Varer…" was in the Danish partial-cancel reply (QA)."""
    for language, locale in (("da", "da-DK"), ("en", "en-GB")):
        for kind in ReplyKind:
            reply = compose_reply(
                kind,
                locale=locale,
                to=None,
                name="Ida",
                order_name="#1001",
                shop_name="Hygge & Co.",
                amount=Money.of("1297", "DKK"),
                fee=Money.of("15", "DKK"),
                reason="it has shipped.",
                when="7.12.2026",
                statement="I withdraw.",
            )
            assert ".." not in reply.body, (language, kind, reply.body)
    partly = compose_reply(
        ReplyKind.PARTLY_CANCELLED,
        locale="da-DK",
        to=None,
        name="Ida",
        order_name="#1001",
        shop_name="Sæbehuset",
        amount=Money.of("1297", "DKK"),
    )
    assert "refunderet 1.297,00 kr. Varer, der allerede er sendt" in partly.body
    assert fill("{amount}.", {"amount": "DKK 5.00"}) == "DKK 5.00."
    assert fill("{nmae}.", {"name": "x."}) == "{nmae}."
