"""Every audit entry the app writes takes its code from `store/audit_codes.py` (or a plan's or
step's kind), so `test_every_code_the_audit_log_holds_has_words` sees every code there is."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCES = Path(__file__).resolve().parents[2] / "src" / "cancelapp"


def _what(call: ast.Call) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "what":
            return keyword.value
    return call.args[2] if len(call.args) > 2 else None


# The one place that builds a code: a plan's "<kind> <event>", its event a `PlanEvent`.
PLAN_RECORDS = Path("actions/carry_out/side_records.py")


def test_no_audit_entry_is_written_with_a_code_of_its_own() -> None:
    literal: list[str] = []
    calls = 0
    for path in SOURCES.rglob("*.py"):
        where, source = path.relative_to(SOURCES), path.read_text(encoding="utf-8")
        if "AuditEntry(" not in source:  # parsed only where an entry is written
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "AuditEntry":
                calls += 1
                what = _what(node)
                built = isinstance(what, ast.JoinedStr) and where != PLAN_RECORDS
                if isinstance(what, ast.Constant) or built:
                    literal.append(f"{where}:{node.lineno}")
    assert calls >= 10  # the scan found the writers
    assert literal == []
