"""The intake's own GraphQL documents (`graphql/*.graphql` beside this module).

A document that spreads a fragment from `graphql/fragments/` gets that fragment appended.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

_SPREAD = re.compile(r"\.\.\.\s*(?!on\b)([_A-Za-z][_0-9A-Za-z]*)")


def _folder() -> Traversable:
    return files("cancelapp.sources").joinpath("graphql")


@cache
def load(name: str) -> str:
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"not a document name: {name!r}")
    text = _folder().joinpath(f"{name}.graphql").read_text("utf-8")
    fragments = _fragments()
    return "\n".join([text, *(fragments[n] for n in dict.fromkeys(_SPREAD.findall(text)))])


@cache
def _fragments() -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in _folder().joinpath("fragments").iterdir():
        if entry.name.endswith(".graphql"):
            text = entry.read_text("utf-8")
            for name in re.findall(r"^fragment\s+(\w+)", text, re.MULTILINE):
                found[name] = text
    return found
