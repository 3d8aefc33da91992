"""The core and the session layer stay Qt-free: only `ui/` and the composition root may import
PySide6. `context.py` names Qt only where it builds the worker pool, so it imports without it."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "cancelapp"
QT_FREE = [
    "domain",
    "shopify",
    "store",
    "sync",
    "sources",
    "policy",
    "actions",
    "demoshop",
    "keychain",
    "oauth",
    "session",
]
# Single modules that must import without Qt (they load it lazily, if at all).
QT_FREE_MODULES = ["cancelapp.context", "cancelapp.paths", "cancelapp.settings", "cancelapp.cli"]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", QT_FREE)
def test_core_package_source_never_names_qt(package: str) -> None:
    offenders = [
        f"{path.relative_to(SRC)}: {name}"
        for path in sorted((SRC / package).rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in {"PySide6", "shiboken6"} or name.startswith("cancelapp.ui")
    ]
    assert offenders == []


def test_core_packages_import_with_pyside6_blocked() -> None:
    """Import every core module in a fresh interpreter where PySide6 cannot load."""
    modules = (
        sorted(
            ".".join(("cancelapp", *path.relative_to(SRC).with_suffix("").parts))
            for package in QT_FREE
            for path in (SRC / package).rglob("*.py")
            if path.name != "__main__.py"
        )
        + QT_FREE_MODULES
    )
    script = (
        "import sys, importlib\n"
        "sys.modules['PySide6'] = None\n"
        "sys.modules['shiboken6'] = None\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
