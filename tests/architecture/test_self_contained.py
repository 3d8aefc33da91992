"""A fresh clone with nothing beside it runs the suite: no test reads a path outside the repo."""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHECKED = [
    *sorted(p for p in (REPO / "tests").rglob("*") if p.suffix in {".py", ".md", ".graphql"}),
    REPO / "scripts" / "derive_demo_schema.py",
]
# Ways the suite used to reach the team's shared folder beside the checkout, or any fixed place.
OUTSIDE = re.compile(
    r"\.\./shared|\b(?:REPO|ROOT|HERE)\.parent\b|CANCELAPP_SHOPIFY_SCHEMAS|['\"]/work/|['\"]shared['\"]"
)
PARENTS = re.compile(r"\.parents\[(\d+)\]")


def _escapes(path: Path) -> list[str]:
    """Lines of `path` that name a place outside the repository."""
    depth = len(path.relative_to(REPO).parts) - 1  # parents[depth] is the repository
    text = path.read_text(encoding="utf-8")
    if not OUTSIDE.search(text) and all(int(k) <= depth for k in PARENTS.findall(text)):
        return []  # the common case, without splitting into lines
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        too_high = any(int(k) > depth for k in PARENTS.findall(line))
        if path != Path(__file__).resolve() and (OUTSIDE.search(line) or too_high):
            found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    return found


def test_no_test_or_fixture_refers_to_a_path_outside_the_repository() -> None:
    assert len(CHECKED) > 100
    assert [line for path in CHECKED for line in _escapes(path)] == []


@pytest.mark.parametrize(
    "line",
    [
        'folder = REPO.parent / "shared" / "shopify"',
        'Path(__file__).resolve().parents[3] / "shared"',
        "see ../shared/shopify/README.md",
        'os.environ.get("CANCELAPP_SHOPIFY_SCHEMAS")',
    ],
)
def test_the_check_recognises_the_old_ways_out(line: str) -> None:
    depth = 2  # a test file one folder below tests/
    assert OUTSIDE.search(line) or any(int(k) > depth for k in PARENTS.findall(line))


def test_the_vendored_schemas_are_there() -> None:
    folder = REPO / "tests" / "fixtures" / "shopify"
    names = {p.name for p in folder.iterdir()}
    assert {"admin_2026-10.json.gz", "admin_2026-10_supplement.graphql", "README.md"} <= names
