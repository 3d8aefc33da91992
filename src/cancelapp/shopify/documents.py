"""The GraphQL documents CancelApp sends, kept as `.graphql` files beside this module.

`load("orders")` returns `graphql/orders.graphql` with every fragment it spreads appended
(from `graphql/fragments/`); `load("unstable/requested_edits")` reads a document that exists
only in the `unstable` API version.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

_SPREAD = re.compile(r"\.\.\.\s*(?!on\b)([_A-Za-z][_0-9A-Za-z]*)")
_FRAGMENT = re.compile(r"^fragment\s+([_A-Za-z][_0-9A-Za-z]*)", re.MULTILINE)


def folder() -> Traversable:
    return files("cancelapp.shopify").joinpath("graphql")


def names() -> list[str]:
    """Every document's name, e.g. `orders` and `unstable/requested_edits`."""
    root = folder()
    found = [f.name.removesuffix(".graphql") for f in root.iterdir() if _is_document(f)]
    found += [
        f"unstable/{f.name.removesuffix('.graphql')}"
        for f in root.joinpath("unstable").iterdir()
        if _is_document(f)
    ]
    return sorted(found)


@cache
def load(name: str) -> str:
    """The document `name`, ready to send (fragments included)."""
    if not re.fullmatch(r"(unstable/)?[a-z0-9_]+", name):
        raise ValueError(f"not a document name: {name!r}")
    text = folder().joinpath(*f"{name}.graphql".split("/")).read_text(encoding="utf-8")
    return _with_fragments(text)


def _is_document(entry: Traversable) -> bool:
    return entry.is_file() and entry.name.endswith(".graphql")


def _with_fragments(text: str) -> str:
    available = _fragments()
    defined = set(_FRAGMENT.findall(text))
    pending = [n for n in _SPREAD.findall(text) if n not in defined]
    parts = [text]
    while pending:
        fragment = pending.pop()
        if fragment in defined:
            continue
        body = available[fragment]
        defined.add(fragment)
        parts.append(body)
        pending += [n for n in _SPREAD.findall(body) if n not in defined]
    return "\n".join(parts)


@cache
def _fragments() -> dict[str, str]:
    """Fragment name → its file's text (one fragment per file)."""
    found: dict[str, str] = {}
    for entry in folder().joinpath("fragments").iterdir():
        if _is_document(entry):
            text = entry.read_text(encoding="utf-8")
            for fragment in _FRAGMENT.findall(text):
                found[fragment] = text
    return found
