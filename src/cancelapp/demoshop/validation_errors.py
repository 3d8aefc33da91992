"""Validation errors worded and coded as Shopify's GraphQL server (graphql-ruby) sends them.

graphql-core finds the same mistakes but says them its own way and gives no code; Shopify puts
the kind of mistake in `extensions.code` (`undefinedField`, `argumentNotAccepted`, …) with the
names involved. A mistake without a known counterpart keeps graphql-core's words and no code:
the demo shop does not make up a code it has not seen Shopify send.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graphql import GraphQLError

Rewrite = Callable[[re.Match[str]], tuple[str, dict[str, str]]]

_RULES: list[tuple[re.Pattern[str], Rewrite]] = [
    (
        re.compile(r"Cannot query field '(\w+)' on type '(\w+)'\."),
        lambda m: (
            f"Field '{m[1]}' doesn't exist on type '{m[2]}'",
            {"code": "undefinedField", "typeName": m[2], "fieldName": m[1]},
        ),
    ),
    (
        re.compile(r"Unknown argument '(\w+)' on field '\w+\.(\w+)'\."),
        lambda m: (
            f"Field '{m[2]}' doesn't accept argument '{m[1]}'",
            {
                "code": "argumentNotAccepted",
                "name": m[2],
                "typeName": "Field",
                "argumentName": m[1],
            },
        ),
    ),
    (
        re.compile(r"Unknown type '(\w+)'\."),
        lambda m: (
            f"No such type {m[1]}, so it can't be a fragment condition",
            {"code": "undefinedType", "typeName": m[1]},
        ),
    ),
    (
        re.compile(r"Variable '\$(\w+)' is never used(?: in operation '(\w+)')?\."),
        lambda m: (
            f"Variable ${m[1]} is declared by {m[2] or 'anonymous query'} but not used",
            {"code": "variableNotUsed", "variableName": m[1]},
        ),
    ),
    (
        re.compile(r"Field '(\w+)' of type '[^']+' must have a selection of subfields\."),
        lambda m: (
            f"Field must have selections (field '{m[1]}' returns an object)",
            {"code": "selectionMismatch", "nodeName": f"field '{m[1]}'"},
        ),
    ),
]


def shopify_validation_error(error: GraphQLError) -> dict[str, Any]:
    """`error` as an entry of the response's `errors`, in Shopify's shape where known."""
    formatted: dict[str, Any] = dict(error.formatted)
    for pattern, rewrite in _RULES:
        match = pattern.match(error.message)
        if match is not None:
            message, extensions = rewrite(match)
            formatted["message"] = message
            formatted["extensions"] = {**(formatted.get("extensions") or {}), **extensions}
            break
    return formatted
