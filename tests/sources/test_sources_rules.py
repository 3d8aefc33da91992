"""Matching rules shared by every source: order names, cancel intent, matching to orders."""

from dataclasses import replace
from datetime import datetime

import pytest
from sources_samples import NOW, Orders, email_request, order

from cancelapp.domain.request import RequestState
from cancelapp.sources.intent import asks_to_cancel
from cancelapp.sources.manual import manual_request
from cancelapp.sources.matching import Unmatched, match_order, to_request
from cancelapp.sources.order_names import find_order_names, normalise_order_name, order_name_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please cancel #1234", ["#1234"]),
        ("cancel order # 1234 now", ["#1234"]),
        ("Hi, regarding order 1234", ["#1234"]),
        ("Annuller venligst ordre 1234", ["#1234"]),
        ("Order no. 1234 should go", ["#1234"]),
        ("Order number: #1234", ["#1234"]),
        ("Ordrenummer: 1234", ["#1234"]),
        ("ordre nr. 1234", ["#1234"]),
        ("Bestillingsnummer 1234", ["#1234"]),
        ("please cancel 1234", ["#1234"]),
        ("Call me on 20 30 40 50 about it", []),
        ("I paid 1234 kr on 2026-11-25", []),
        ("&#1234; is an entity", []),
        ("orders #1001 and #1002", ["#1001", "#1002"]),
    ],
)
def test_order_names_are_found_in_english_and_danish(text: str, expected: list[str]) -> None:
    assert find_order_names(text) == expected


def test_a_lone_number_counts_in_the_subject_only() -> None:
    assert order_name_in("Annullering 1042", "Ring på 12345678")[0] == "#1042"
    assert order_name_in("Annullering", "Nummer 1042 tak")[0] is None


def test_two_different_orders_make_the_message_ambiguous() -> None:
    name, candidates = order_name_in("", "Cancel #1001, or was it #1002?")
    assert name is None
    assert candidates == ["#1001", "#1002"]
    reply = order_name_in("Re: Order #1001 confirmed", "Please cancel my other order #1002")
    assert reply == (None, ["#1001", "#1002"])
    assert order_name_in("Re: Order #1001", "Please cancel order 1001")[0] == "#1001"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1234", "#1234"),
        (" #1234 ", "#1234"),
        ("Ordre 1234", "#1234"),
        ("", None),
        ("#DK-1001", "#DK-1001"),
    ],
)
def test_order_number_fields_are_normalised(value: str, expected: str | None) -> None:
    assert normalise_order_name(value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Please cancel my order",
        "I want to cancel order #1001",
        "Cancellation request",
        "Can you cancel it?",
        "no rush, but please cancel",
        "I want my order cancelled",
        "I withdraw from the purchase (right of withdrawal)",
        "Jeg vil gerne annullere min ordre",
        "Annuller venligst",
        "Annullering af ordre 1001",
        "Jeg ønsker at afbestille",
        "Afbestilling",
        "Jeg fortryder mit køb",
        "Jeg gør brug af min fortrydelsesret",
        "Kan ordren blive annulleret?",
    ],
)
def test_requests_to_cancel_are_recognised(text: str) -> None:
    assert asks_to_cancel(text)


@pytest.mark.parametrize(
    "text",
    [
        "Please don't cancel my order",
        "Do not cancel, I still want it",
        "I no longer want to cancel",
        "Please ignore my cancellation request",
        "My order was cancelled, why?",
        "Jeg vil ikke annullere alligevel",
        "Annuller ikke min ordre",
        "Ordren er annulleret",
        "Se bort fra min annullering",
        "Where is my parcel?",
        "Hvornår kommer min pakke?",
    ],
)
def test_negations_reports_and_retractions_are_not_requests(text: str) -> None:
    assert not asks_to_cancel(text)


def test_a_match_needs_the_order_name_and_the_customers_email() -> None:
    orders = Orders(order("#1001", "anna@example.dk"))
    good = match_order(email_request("Cancel #1001", "Anna@Example.DK"), orders)
    assert good.order is not None and good.order.name == "#1001"
    other = email_request("Cancel #1001", "mallory@example.com")
    wrong_customer = match_order(other, orders)
    assert wrong_customer.order is None
    assert wrong_customer.unmatched is Unmatched.EMAIL_DIFFERS
    reason = wrong_customer.reason_for(other)
    assert reason is not None and "#1001" in reason.render_plain()
    assert match_order(email_request("Cancel #9999", "a@b.dk"), orders).unmatched is (
        Unmatched.NO_SUCH_ORDER
    )
    assert match_order(email_request("Cancel it", "a@b.dk"), orders).unmatched is (
        Unmatched.NO_ORDER_NAME
    )


def test_unmatched_requests_keep_the_customers_words() -> None:
    incoming = email_request("Cancel #1001 <b>now</b>", "mallory@example.com")
    match = match_order(incoming, Orders(order("#1001", "anna@example.dk")))
    request = to_request(incoming, match, store_id=1)
    assert request.state is RequestState.UNMATCHED
    assert request.order_id is None
    assert request.order_name == "#1001"
    assert request.messages[0].text == "Cancel #1001 <b>now</b>"


def test_manual_requests_need_no_email() -> None:
    call = manual_request("1001", "Called: wrong size", NOW, customer="Anna")
    match = match_order(call, Orders(order("#1001", "anna@example.dk")))
    request = to_request(call, match, store_id=1)
    assert request.state is RequestState.OPEN
    assert request.order_id == "gid://shopify/Order/1001"
    assert request.messages[0].author == "Anna"
    with pytest.raises(ValueError, match="aware"):
        manual_request("1001", "x", datetime(2026, 1, 1))  # noqa: DTZ001


def test_a_request_for_a_cancelled_order_is_done() -> None:
    orders = Orders(order("#1001", "anna@example.dk", cancelled=True))
    incoming = email_request("Cancel #1001", "anna@example.dk")
    assert to_request(incoming, match_order(incoming, orders), 1).state is RequestState.DONE


def test_the_checkout_email_matches_when_the_account_email_changed() -> None:
    placed = order("#1001", "anna@example.dk")
    assert placed.customer is not None
    moved = replace(placed, customer=replace(placed.customer, email="anna.new@example.dk"))
    orders = Orders(moved)
    for sender in ("anna@example.dk", "Anna.New@example.dk"):
        assert match_order(email_request("Cancel #1001", sender), orders).order is moved
    stranger = match_order(email_request("Cancel #1001", "mallory@example.com"), orders)
    assert stranger.unmatched is Unmatched.EMAIL_DIFFERS
