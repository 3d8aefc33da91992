"""`Phrase` to JSON and back, keeping its typed arguments (Money, durations, times)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from cancelapp.domain.money import Money
from cancelapp.domain.phrase import Phrase, PhraseArg


def phrase_to_json(phrase: Phrase) -> str:
    return json.dumps(phrase_data(phrase))


def phrase_from_json(text: str) -> Phrase:
    return phrase_of(json.loads(text))


def phrase_data(phrase: Phrase) -> dict[str, Any]:
    args = {name: _encode(value) for name, value in phrase.args.items()}
    return {"context": phrase.context, "template": phrase.template, "args": args}


def phrase_of(data: dict[str, Any]) -> Phrase:
    args = {name: _decode(value) for name, value in data["args"].items()}
    return Phrase(data["context"], data["template"], args)


def _encode(value: PhraseArg) -> dict[str, Any]:
    if isinstance(value, Phrase):
        return {"phrase": phrase_data(value)}
    if isinstance(value, Money):
        return {"money": [format(value.amount, "f"), value.currency]}
    if isinstance(value, timedelta):
        return {"seconds": value.total_seconds()}
    if isinstance(value, datetime):
        return {"time": value.isoformat()}
    if isinstance(value, date):  # a calendar day (a legal deadline), shown as the locale's
        return {"day": value.isoformat()}
    if isinstance(value, int):
        return {"int": value}
    return {"str": value}


def _decode(value: dict[str, Any]) -> PhraseArg:
    ((kind, raw),) = value.items()
    if kind == "phrase":
        return phrase_of(raw)
    if kind == "money":
        return Money.of(raw[0], raw[1])
    if kind == "seconds":
        return timedelta(seconds=raw)
    if kind == "time":
        return datetime.fromisoformat(raw)
    if kind == "day":
        return date.fromisoformat(raw)
    if kind == "int":
        return int(raw)
    return str(raw)
