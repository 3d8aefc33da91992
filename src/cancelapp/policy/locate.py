"""Line numbers for keys in a TOML text, so errors can point at the line to fix.

`tomllib` reports lines only for syntax errors; for a wrong value we find the key ourselves.
Handles the shapes a policy file uses: tables, arrays of tables, plain and dotted keys.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

_ARRAY_TABLE = re.compile(r"^\[\[\s*([^\]]+?)\s*\]\]")
_TABLE = re.compile(r"^\[\s*([^\]]+?)\s*\]")
_KEY = re.compile(
    r"""^((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _split(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in dotted.split("."))


def key_lines(text: str) -> dict[Path, int]:
    """Map each key path, e.g. ("rules", 2, "when", "placed_within"), to its 1-based line."""
    lines: dict[Path, int] = {}
    counts: dict[tuple[str, ...], int] = {}
    table: Path = ()

    def resolve(names: tuple[str, ...]) -> Path:
        path: list[str | int] = []
        for i, name in enumerate(names):
            path.append(name)
            prefix = names[: i + 1]
            if prefix in counts and i < len(names) - 1:
                path.append(counts[prefix])
        return tuple(path)

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if m := _ARRAY_TABLE.match(line):
            names = _split(m.group(1))
            counts[names] = counts.get(names, -1) + 1
            table = (*resolve(names), counts[names])
            lines.setdefault(table, number)
        elif m := _TABLE.match(line):
            table = resolve(_split(m.group(1)))
            lines.setdefault(table, number)
        elif m := _KEY.match(line):
            lines.setdefault((*table, *_split(m.group(1))), number)
    return lines


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of `path`, or of its nearest enclosing table when the key itself is absent."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None
