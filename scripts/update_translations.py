"""Collect every translatable string into the Danish catalogue, and every plural one into the
English catalogue, and compile them.

    uv run python scripts/update_translations.py

Runs `pyside6-lupdate` over all of `src/cancelapp` (`self.tr`, `QCoreApplication.translate`
and the core's `QT_TRANSLATE_NOOP` phrases), keeping existing translations, then
`pyside6-lrelease` to build the `.qm` that is checked in. Translate new messages (marked
unfinished) in `resources/translations/cancelapp_da.ts`, e.g. with `pyside6-linguist`, and run
this script again.

English is the source language, but a source text can hold only one form of a count
("%n order(s)"): `cancelapp_en.ts` holds the plural messages only (lupdate's `-pluralonly`,
as Qt advises for the source language), with the English singular and plural of each, so an
English merchant reads "1 order" and "3 orders". Give each new plural message its two forms.

lupdate reads only string literals as contexts. Code that names its context through a constant
(`QT_TRANSLATE_NOOP(_CONTEXT, "…")`, `translate(CONTEXT, …)`, or a one-line wrapper such as
`def _tr(text): return QCoreApplication.translate(_CONTEXT, text)`) is resolved here and handed
to lupdate as an extra generated file with the contexts spelled out.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "cancelapp"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("da",)
PLURALS_ONLY = ("en",)  # the source language: its singular and plural forms
_MARKERS = {"QT_TRANSLATE_NOOP", "translate"}


@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str
    plural: bool = False

    def as_python(self) -> str:
        n = ", None, 1" if self.plural else ""
        return f"QCoreApplication.translate({self.context!r}, {self.source!r}{n})\n"


def python_sources() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


_CONSTANTS: dict[Path, dict[str, str]] = {}


def _module_constants(path: Path) -> dict[str, str]:
    """Module-level `NAME = "text"`, and constants imported from other cancelapp modules."""
    if path in _CONSTANTS:  # done, or in progress in an import cycle
        return _CONSTANTS[path]
    constants = _CONSTANTS[path] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("cancelapp"):
            origin = SOURCES.parent / Path(*str(node.module).split("."))
            origin = origin / "__init__.py" if origin.is_dir() else origin.with_suffix(".py")
            if origin.is_file():
                imported = _module_constants(origin)
                for alias in node.names:
                    if alias.name in imported:
                        constants[alias.asname or alias.name] = imported[alias.name]
        target, value = _assignment(node)
        if target and isinstance(value, ast.Constant) and isinstance(value.value, str):
            constants[target] = value.value
    return constants


def _assignment(node: ast.stmt) -> tuple[str | None, ast.expr | None]:
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        return (target.id if isinstance(target, ast.Name) else None), node.value
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id, node.value
    return None, None


def _marker_name(call: ast.Call) -> str | None:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    return name if name in _MARKERS else None


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def constant_context_messages(path: Path) -> set[Message]:
    """Messages whose context lupdate cannot see because it is a named constant."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = _module_constants(path)
    wrappers: dict[str, tuple[str, bool]] = {}  # function name -> (context, plural)
    for func in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
        params = [a.arg for a in func.args.args]
        for call in (n for n in ast.walk(func) if isinstance(n, ast.Call)):
            if _marker_name(call) == "translate" and len(call.args) >= 2 and params:
                context, text = call.args[0], call.args[1]
                if (
                    isinstance(context, ast.Name)
                    and context.id in constants
                    and isinstance(text, ast.Name)
                    and text.id == params[0]
                ):
                    wrappers[func.name] = (constants[context.id], len(call.args) >= 4)
    found: set[Message] = set()
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        name = call.func.id if isinstance(call.func, ast.Name) else None
        if name in wrappers and call.args and (text := _literal(call.args[0])) is not None:
            context, plural = wrappers[name]
            found.add(Message(context, text, plural and len(call.args) >= 2))
        elif _marker_name(call) and len(call.args) >= 2:
            context_node, text_node = call.args[0], call.args[1]
            text = _literal(text_node)
            if isinstance(context_node, ast.Name) and context_node.id in constants and text:
                found.add(Message(constants[context_node.id], text, len(call.args) >= 4))
    return found


def lupdate(ts_file: Path, language: str, *, plurals_only: bool = False) -> None:
    """Add new messages to `ts_file` (created if missing); drop ones no longer in the code.
    `plurals_only`: the messages with a count (`%n`) only."""
    sources = [str(p.relative_to(ROOT)) for p in python_sources()]
    extra = sorted(set().union(*(constant_context_messages(p) for p in python_sources())))
    with tempfile.TemporaryDirectory(prefix="cancelapp-lupdate-") as tmp:
        generated = Path(tmp) / "constant_contexts.py"
        generated.write_text("".join(m.as_python() for m in extra), encoding="utf-8")
        subprocess.run(
            [
                "pyside6-lupdate",
                *sources,
                str(generated),
                "-ts",
                str(ts_file),
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                language,
                *(["-pluralonly"] if plurals_only else []),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        ["pyside6-lrelease", str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
        text=True,
    )


def catalogue(language: str) -> Path:
    return TRANSLATIONS / f"cancelapp_{language}.ts"


def main() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts_file = catalogue(language)
        lupdate(ts_file, language)
        lrelease(ts_file, ts_file.with_suffix(".qm"))
        print(f"updated {ts_file.relative_to(ROOT)} and its .qm")
    for language in PLURALS_ONLY:
        ts_file = catalogue(language)
        lupdate(ts_file, language, plurals_only=True)
        lrelease(ts_file, ts_file.with_suffix(".qm"))
        print(f"updated {ts_file.relative_to(ROOT)} (plural forms only) and its .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
