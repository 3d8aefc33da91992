"""Reasons read from what customers wrote, in English and Danish."""

from __future__ import annotations

import time

import pytest

from cancelapp.domain.cancel_reasons import CancelReason, classify, merged


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Wrong size, please cancel", CancelReason.WRONG_ITEM),
        (
            "Jeg har bestilt den forkerte størrelse. Kan I annullere ordren?",
            CancelReason.WRONG_ITEM,
        ),
        ("Please cancel, I ordered this twice by mistake.", CancelReason.ORDERED_TWICE),
        (
            "Hej! Jeg kom til at bestille to gange, annuller venligst den ene.",
            CancelReason.ORDERED_TWICE,
        ),
        ("Found it cheaper elsewhere, sorry! Please cancel.", CancelReason.FOUND_CHEAPER),
        ("Wrong delivery address, please cancel and I'll reorder.", CancelReason.WRONG_ADDRESS),
        ("Fortryder købet, vil gerne have pengene retur.", CancelReason.CHANGED_MIND),
        ("Afbestil venligst – gaven er allerede købt af en anden.", CancelReason.NO_LONGER_NEEDED),
        ("It takes too long to arrive, cancel", CancelReason.TOO_SLOW),
        ("I was charged twice on my card", CancelReason.PAYMENT),
        ("<b>Annuller venligst</b> min ordre, tak", CancelReason.OTHER),
        ("   ", CancelReason.NONE_GIVEN),
    ],
)
def test_a_message_names_its_reason(text: str, reason: CancelReason) -> None:
    assert classify([text]) is reason


def test_several_messages_and_none() -> None:
    assert classify([]) is CancelReason.NONE_GIVEN
    assert classify(["", "Cancel please", "the colour is wrong"]) is CancelReason.WRONG_ITEM


def test_hostile_text_is_read_in_linear_time() -> None:
    started = time.perf_counter()
    classify(["a" * 2_000_000 + " cancel"])
    classify(["to " * 500_000])
    assert time.perf_counter() - started < 2.0


def test_merges_follow_chains_and_stop_at_loops() -> None:
    assert merged("a", {}) == "a"
    assert merged("a", {"a": "b", "b": "c"}) == "c"
    assert merged("a", {"a": "b", "b": "a"}) == "b"
