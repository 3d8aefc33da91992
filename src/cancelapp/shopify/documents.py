"""The GraphQL documents CancelApp sends, kept as `.graphql` files in `graphql/` folders.

`load("orders")` returns the client's `graphql/orders.graphql` (beside this module) with every
fragment it spreads appended from `graphql/fragments/`. Every document is sent to the stable
API version (`version.API_VERSION`), never `unstable`. Other areas keep their own
documents the same way in their package (`load("tagged_orders", package="cancelapp.sources")`)
and may spread the client's fragments as well as their own.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

CLIENT = "cancelapp.shopify"
_NAME = re.compile(r"[a-z0-9_]+")
_SPREAD = re.compile(r"\.\.\.\s*(?!on\b)([_A-Za-z][_0-9A-Za-z]*)")
_FRAGMENT = re.compile(r"^fragment\s+([_A-Za-z][_0-9A-Za-z]*)", re.MULTILINE)


def folder(package: str = CLIENT) -> Traversable:
    """The `graphql/` folder of `package`."""
    return files(package).joinpath("graphql")


def names(package: str = CLIENT) -> list[str]:
    """Every document's name in `package`, e.g. `orders` and `requested_order_edit_decline`."""
    root = folder(package)
    return sorted(f.name.removesuffix(".graphql") for f in root.iterdir() if _is_document(f))


@cache
def load(name: str, package: str = CLIENT) -> str:
    """The document `name` of `package`, ready to send (fragments included)."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a document name: {name!r}")
    text = folder(package).joinpath(f"{name}.graphql").read_text(encoding="utf-8")
    return _with_fragments(text, package)


def _is_document(entry: Traversable) -> bool:
    return entry.is_file() and entry.name.endswith(".graphql")


def _with_fragments(text: str, package: str) -> str:
    available = {**_fragments(CLIENT), **_fragments(package)}
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
def _fragments(package: str) -> dict[str, str]:
    """Fragment name → its file's text, from `graphql/fragments/`. One fragment per file: the
    whole file is appended, and an unused fragment would make the document invalid."""
    found: dict[str, str] = {}
    fragments = folder(package).joinpath("fragments")
    if not fragments.is_dir():
        return found
    for entry in fragments.iterdir():
        if _is_document(entry):
            text = entry.read_text(encoding="utf-8")
            for fragment in _FRAGMENT.findall(text):
                found[fragment] = text
    return found
