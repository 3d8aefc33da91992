"""Does a message ask to cancel? English and Danish wording, with negations.

A message asks to cancel when at least one cancel word (cancel, cancellation, withdraw,
annuller, annullere, afbestil, fortryd, fortrydelse, …) is used as a request: not negated
("don't cancel", "ikke annullere", "annuller ikke"), not a report of something already done
("was cancelled", "er blevet annulleret") and not retracting an earlier request ("ignore my
cancellation").
"""

from __future__ import annotations

import re

_CANCEL_WORD = re.compile(
    r"\b(?:cancel\w*|cancle\w*|withdraw\w*|an+ul+er\w*|an+ul+ering\w*|afbestil\w*|"
    r"fortryd\w*|fortrud\w*|storn\w*)",
    re.IGNORECASE,
)
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|never|no|don'?t|doesn'?t|won'?t|wouldn'?t|shouldn'?t|didn'?t|dont|"
    r"ikke|ik|aldrig|ingen|behøver)\b|n't\b|\bno\s+longer\b|\bno\s+need\b)",
    re.IGNORECASE,
)
_NEGATION_AFTER = re.compile(r"^\W*(?:ikke|not)\b", re.IGNORECASE)
_ALREADY_DONE_BEFORE = re.compile(
    r"\b(?:was|were|been|is|got|blev|blevet|er|var|allerede|already)\s*$", re.IGNORECASE
)
_RETRACTION_BEFORE = re.compile(
    r"\b(?:ignore|disregard|forget|withdraw|se\s+bort\s+fra|glem|tilbagekald\w*)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.!?\n,;:]|\b(?:but|men|and|og|so|så)\b", re.IGNORECASE)
_WINDOW_WORDS = 4
# Only the words just before a cancel word matter; reading no further back keeps a long message
# with many cancel words linear (splitting everything before each one was quadratic).
_LOOK_BACK_CHARS = 200


def asks_to_cancel(text: str) -> bool:
    """True when `text` asks, somewhere, for a cancellation."""
    return any(_is_request(text, m) for m in _CANCEL_WORD.finditer(text))


def _is_request(text: str, match: re.Match[str]) -> bool:
    preceding = text[max(match.start() - _LOOK_BACK_CHARS, 0) : match.start()]
    clause = _CLAUSE_BREAK.split(preceding)[-1]
    before = " ".join(clause.split()[-_WINDOW_WORDS:])
    after = text[match.end() : match.end() + 20]
    word = match.group(0).lower()
    if _NEGATION_BEFORE.search(before) or _NEGATION_AFTER.match(after):
        return False
    if _RETRACTION_BEFORE.search(before) and not word.startswith("withdraw"):
        return False
    past_participle = word.endswith(("ed", "et", "t")) and not word.startswith("fortryd")
    return not (past_participle and _ALREADY_DONE_BEFORE.search(before))
