"""Merchant-facing text produced outside Qt, translated by the UI.

The core cannot call Qt's `tr()`, so it returns a `Phrase`: an English source template with
`{name}` placeholders and typed arguments. The UI translates the template in the phrase's
context and formats the arguments (Money, timedelta, datetime) in the chosen locale.
Templates are marked with `QT_TRANSLATE_NOOP` so `pyside6-lupdate` collects them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from cancelapp.domain.money import Money

# A Phrase may be an argument of another ("Shopify did not do {step}: {reason}"), each
# translated in its own context.
type PhraseArg = str | int | Money | timedelta | datetime | date | Phrase  # date: a calendar day


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marker read by pyside6-lupdate; returns the text unchanged."""
    return text


@dataclass(frozen=True)
class Phrase:
    context: str
    template: str
    args: dict[str, PhraseArg] = field(default_factory=dict)

    def render_plain(self) -> str:
        """English rendering for logs, exports and tests; the UI uses its own formatter."""
        return self.template.format(**{k: plain(v) for k, v in self.args.items()})


def plain(value: PhraseArg) -> str:
    if isinstance(value, Phrase):
        return value.render_plain()
    if isinstance(value, timedelta):
        return format_duration(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return str(value)


def joined(phrases: list[Phrase], separator: str = ", ") -> Phrase | None:
    """Several phrases as one, each translated on its own: "cancel, refund"."""
    if not phrases:
        return None
    first, *rest = phrases
    rest_joined = joined(rest, separator)
    if rest_joined is None:
        return first
    return Phrase("Phrase", "{first}" + separator + "{rest}", {"first": first, "rest": rest_joined})


def format_duration(delta: timedelta) -> str:
    """`3 h 12 min`, `2 d 4 h`, `45 min`: unit symbols that read the same in English and Danish
    apart from `d`/`t`, which the UI maps."""
    minutes = int(abs(delta.total_seconds()) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {mins} min" if mins else f"{hours} h"
    return f"{mins} min"
