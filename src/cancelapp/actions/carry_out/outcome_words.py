"""What an action's outcome says to the merchant, as phrases translated when shown."""

from __future__ import annotations

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase, PhraseArg

CONTEXT = "ActionOutcome"


def say(template: str, **args: PhraseArg) -> Phrase:
    """An outcome's words; mark `template` with `QT_TRANSLATE_NOOP(CONTEXT, ...)`."""
    return Phrase(CONTEXT, template, args)


_STEP_NAMES = {
    "cancel": QT_TRANSLATE_NOOP(CONTEXT, "cancel"),
    "refund": QT_TRANSLATE_NOOP(CONTEXT, "refund"),
    "restock": QT_TRANSLATE_NOOP(CONTEXT, "restock"),
    "tag": QT_TRANSLATE_NOOP(CONTEXT, "tag"),
    "note": QT_TRANSLATE_NOOP(CONTEXT, "order note"),
    "decline_native": QT_TRANSLATE_NOOP(CONTEXT, "decline of Shopify's request"),
    "resolve_native": QT_TRANSLATE_NOOP(CONTEXT, "closing of Shopify's request"),
    "hold": QT_TRANSLATE_NOOP(CONTEXT, "hold"),
    "release_hold": QT_TRANSLATE_NOOP(CONTEXT, "release of the hold"),
    "submit_cancellation": QT_TRANSLATE_NOOP(CONTEXT, "request to the warehouse"),
}


def step_name(kind: str) -> Phrase:
    """A step's name inside a sentence ("Shopify did not do the {step}")."""
    return say(_STEP_NAMES.get(kind, kind))


PENDING = say(
    QT_TRANSLATE_NOOP(
        CONTEXT,
        "Shopify has not confirmed this yet. CancelApp keeps it and checks the order again "
        "before doing anything more.",
    )
)
BUSY = say(QT_TRANSLATE_NOOP(CONTEXT, "Another action for this order is still running."))
