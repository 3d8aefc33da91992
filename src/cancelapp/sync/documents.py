"""The sync's own GraphQL documents (`graphql/*.graphql` beside this module)."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files


@cache
def load(name: str) -> str:
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"not a document name: {name!r}")
    return files("cancelapp.sync").joinpath("graphql", f"{name}.graphql").read_text("utf-8")


def names() -> list[str]:
    folder = files("cancelapp.sync").joinpath("graphql")
    return sorted(
        f.name.removesuffix(".graphql") for f in folder.iterdir() if f.name.endswith(".graphql")
    )
