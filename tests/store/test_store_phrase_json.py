from datetime import UTC, datetime, timedelta

from cancelapp.domain.money import Money
from cancelapp.domain.phrase import Phrase
from cancelapp.store.phrase_json import phrase_from_json, phrase_to_json


def test_phrase_arguments_keep_their_types() -> None:
    phrase = Phrase(
        "Policy",
        "{fee} kept of {total}, {age} after {placed}, {count} items, via {gateway}",
        {
            "fee": Money.of("12.34", "DKK"),
            "total": Money.of("1000", "JPY"),
            "age": timedelta(hours=3, minutes=12),
            "placed": datetime(2026, 11, 20, 9, 30, tzinfo=UTC),
            "count": 3,
            "gateway": "MobilePay",
        },
    )
    decoded = phrase_from_json(phrase_to_json(phrase))
    assert decoded == phrase
    assert isinstance(decoded.args["count"], int) and isinstance(decoded.args["fee"], Money)
