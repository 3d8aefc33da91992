"""docs/architecture.md names only modules that exist, and names defined where it says."""

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "architecture.md"
PACKAGE = REPO / "src" / "cancelapp"
# A path in backticks (`session/refresh.py`, `ui/queue/`), optionally followed by a name in
# backticks (`actions/runner.py` `ActionRunner.execute`).
NAMED = re.compile(r"`((?:[\w]+/)*[\w]+(?:\.py|/))`(?: `([\w.]+)`)?")


def _locate(path: str) -> Path:
    for root in (PACKAGE, REPO):
        if (root / path).exists():
            return root / path
    raise AssertionError(f"docs/architecture.md names {path}, which does not exist")


def _defines(module: Path, dotted: str) -> bool:
    scope: list[ast.stmt] = ast.parse(module.read_text(encoding="utf-8")).body
    for part in dotted.split("."):
        found = [
            node
            for node in scope
            if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name == part
        ]
        if not found:
            return False
        scope = found[0].body
    return True


def test_every_module_and_name_in_the_architecture_doc_exists() -> None:
    named = NAMED.findall(DOC.read_text(encoding="utf-8"))
    assert len(named) > 30  # the doc names its modules; the pattern still finds them
    undefined = [
        f"{path} {name}"
        for path, name in named
        if name and path.endswith(".py") and not _defines(_locate(path), name)
    ]
    for path, _name in named:
        _locate(path)
    assert undefined == []


def test_the_pattern_reads_a_path_and_the_name_after_it() -> None:
    text = "`actions/runner.py` `ActionRunner.execute` and `ui/queue/`"
    assert NAMED.findall(text) == [("actions/runner.py", "ActionRunner.execute"), ("ui/queue/", "")]
