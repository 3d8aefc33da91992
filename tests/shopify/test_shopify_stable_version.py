"""Nothing of CancelApp's client, intake, action or sync code is sent to `unstable`.

The released 2026-10 has buyer requests and return policy profiles; production code sends every
document to `API_VERSION`. Checked in the code itself (no string "unstable", no `version=`
other than `API_VERSION`, no `unstable/` documents) and at run time by the window tests, which
assert the demo shop was asked for 2026-10 only (`DemoShop.stats.versions`).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from cancelapp.shopify.version import API_VERSION

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "cancelapp"
# Everything that talks to Shopify; the demo shop (which plays Shopify) is not ours to send.
SENDERS = ("shopify", "sources", "actions", "sync", "session", "ui")
MODULES = sorted(
    path for area in SENDERS if (PACKAGE / area).is_dir() for path in (PACKAGE / area).rglob("*.py")
)


def test_the_version_is_the_released_one() -> None:
    assert API_VERSION == "2026-10"
    assert len(MODULES) > 50


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_names_or_chooses_another_version(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            assert "unstable" not in node.value.lower(), f"{path.name}:{node.lineno}"
        if isinstance(node, ast.Call) and _sends(node):
            for keyword in node.keywords:
                if keyword.arg == "version":
                    chosen = ast.unparse(keyword.value)
                    assert chosen in {"API_VERSION", "version"}, f"{path.name}: {chosen}"


def _sends(call: ast.Call) -> bool:
    """A call that sends a document (the client's methods, the batched reader) or builds the
    address it goes to."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in {"query", "mutate", "paginate", "read_by_ids", "graphql_url", "_execute"}


def test_no_document_lives_in_an_unstable_folder() -> None:
    documents = list(PACKAGE.glob("*/graphql/**/*.graphql"))
    assert documents
    assert [d for d in documents if "unstable" in d.relative_to(PACKAGE).parts] == []
