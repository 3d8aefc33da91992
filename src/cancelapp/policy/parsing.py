"""TOML text to a validated `Policy`, refusing anything doubtful with file, line and field."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from typing import Any

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.verdict import Outcome, RefundMethod
from cancelapp.policy.errors import InvalidValueError, PolicyError
from cancelapp.policy.fields import ACTION_FIELDS, CONDITION_FIELDS, RULE_FIELDS, FieldSpec
from cancelapp.policy.locate import Path, key_lines, line_of
from cancelapp.policy.model import POLICY_VERSION, ApproveAction, Conditions, Policy, Rule

_SYNTAX_LINE = re.compile(r"line (\d+)")


def _problem(template: str, args: dict[str, str] | None = None) -> Phrase:
    return Phrase("Policy", template, dict(args or {}))


class _Parser:
    def __init__(self, text: str, file: str) -> None:
        self.file = file
        self.lines = key_lines(text)
        self.names: list[str] = []

    def fail(self, path: Path, problem: Phrase) -> PolicyError:
        return PolicyError(self.file, line_of(self.lines, path), self.describe(path), problem)

    def describe(self, path: Path) -> str:
        """`rule 3 ("Approve in time"), when.placed_within` rather than a raw key path."""
        if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
            index = path[1]
            name = self.names[index] if index < len(self.names) else ""
            head = f'rule {index + 1} ("{name}")' if name else f"rule {index + 1}"
            rest = ".".join(str(p) for p in path[2:])
            return f"{head}, {rest}" if rest else head
        return ".".join(str(p) for p in path)

    def table(self, value: object, path: Path) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(
                path, _problem(QT_TRANSLATE_NOOP("Policy", "this must be a table of settings"))
            )
        return value

    def fields(
        self,
        data: dict[str, Any],
        specs: dict[str, FieldSpec],
        path: Path,
        allowed_extra: frozenset[str] = frozenset(),
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in data.items():
            if key in allowed_extra:
                continue
            spec = specs.get(key)
            if spec is None:
                raise self.fail(
                    (*path, key),
                    _problem(
                        QT_TRANSLATE_NOOP("Policy", 'unknown field "{key}"; known fields: {known}'),
                        {"key": key, "known": ", ".join(specs)},
                    ),
                )
            try:
                out[key] = spec.parse(value)
            except InvalidValueError as exc:
                raise self.fail((*path, key), exc.problem) from None
        return out

    def policy(self, data: dict[str, Any]) -> Policy:
        for key in data:
            if key not in ("version", "rules"):
                raise self.fail(
                    (key,),
                    _problem(
                        QT_TRANSLATE_NOOP(
                            "Policy", 'unknown field "{key}"; known fields: version, rules'
                        ),
                        {"key": key},
                    ),
                )
        version = data.get("version")
        if version != POLICY_VERSION or isinstance(version, bool):
            raise self.fail(
                ("version",), _problem(QT_TRANSLATE_NOOP("Policy", "the file must say version = 1"))
            )
        raw_rules = data.get("rules", [])
        if not isinstance(raw_rules, list):
            raise self.fail(
                ("rules",),
                _problem(
                    QT_TRANSLATE_NOOP("Policy", "rules must be written as [[rules]] sections")
                ),
            )
        self.names = [r.get("name", "") if isinstance(r, dict) else "" for r in raw_rules]
        self.names = [n if isinstance(n, str) else "" for n in self.names]
        return Policy(tuple(self.rule(r, ("rules", i)) for i, r in enumerate(raw_rules)))

    def rule(self, raw: object, path: Path) -> Rule:
        data = self.table(raw, path)
        top = self.fields(data, RULE_FIELDS, path, frozenset({"when", "action"}))
        for required in ("name", "verdict"):
            if not top.get(required):
                raise self.fail(
                    (*path, required),
                    _problem(
                        QT_TRANSLATE_NOOP("Policy", 'every rule needs a "{key}"'), {"key": required}
                    ),
                )
        name: str = top["name"]
        index = path[1]
        assert isinstance(index, int)
        if name in self.names[:index]:
            raise self.fail(
                (*path, "name"),
                _problem(
                    QT_TRANSLATE_NOOP(
                        "Policy", 'two rules are called "{name}": give each rule its own name'
                    ),
                    {"name": name},
                ),
            )
        verdict: Outcome = top["verdict"]
        when = Conditions(
            **self.fields(
                self.table(data.get("when", {}), (*path, "when")), CONDITION_FIELDS, (*path, "when")
            )
        )
        self.check_conditions(when, path)
        action = None
        if "action" in data:
            if verdict is not Outcome.APPROVE:
                raise self.fail(
                    (*path, "action"),
                    _problem(QT_TRANSLATE_NOOP("Policy", "only approve rules suggest an action")),
                )
            action = self.action(data["action"], (*path, "action"))
        elif verdict is Outcome.APPROVE:
            action = ApproveAction()
        if verdict is not Outcome.APPROVE and not top.get("why"):
            raise self.fail(
                (*path, "why"),
                _problem(
                    QT_TRANSLATE_NOOP(
                        "Policy", 'review and deny rules need a "why" for the merchant'
                    )
                ),
            )
        if top.get("reply") and verdict is not Outcome.DENY:
            raise self.fail(
                (*path, "reply"),
                _problem(QT_TRANSLATE_NOOP("Policy", "only deny rules suggest a reply")),
            )
        return Rule(name, verdict, when, top.get("why", ""), top.get("reply", ""), action)

    def check_conditions(self, when: Conditions, path: Path) -> None:
        above, below = when.total_above, when.total_below
        if above is not None and below is not None and above >= below:
            raise self.fail(
                (*path, "when", "total_below"),
                _problem(
                    QT_TRANSLATE_NOOP(
                        "Policy", "no order total is above {above} and below {below}"
                    ),
                    {"above": str(above), "below": str(below)},
                ),
            )

    def action(self, raw: object, path: Path) -> ApproveAction:
        values = self.fields(self.table(raw, path), ACTION_FIELDS, path)
        action = ApproveAction(**values)
        if action.store_credit_expires_days and action.refund is not RefundMethod.STORE_CREDIT:
            raise self.fail(
                (*path, "store_credit_expires_days"),
                _problem(QT_TRANSLATE_NOOP("Policy", 'an expiry needs refund = "store_credit"')),
            )
        keeps_fee = action.fee_percent > 0 or bool(action.fee_fixed)
        if keeps_fee and action.refund is RefundMethod.NONE:
            raise self.fail(
                (*path, "refund"),
                _problem(
                    QT_TRANSLATE_NOOP(
                        "Policy", "a processing fee is kept from a refund: choose a refund"
                    )
                ),
            )
        return action


def parse_policy(text: str, file: str) -> Policy:
    """Validate and build a policy; `file` names it in error messages."""
    text = text.removeprefix("\ufeff")  # Notepad's "UTF-8 with BOM"
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except RecursionError:
        # tomllib recurses once per nested table or array: a hostile file exhausts the stack.
        raise PolicyError(
            file,
            None,
            None,
            _problem(QT_TRANSLATE_NOOP("Policy", "tables or lists are nested too deeply")),
        ) from None
    except tomllib.TOMLDecodeError as exc:
        m = _SYNTAX_LINE.search(str(exc))
        raise PolicyError(
            file,
            int(m.group(1)) if m else None,
            None,
            _problem(
                QT_TRANSLATE_NOOP("Policy", "this is not valid TOML ({detail})"),
                {"detail": str(exc)},
            ),
        ) from None
    return _Parser(text, file).policy(data)


def policy_from_data(data: dict[str, Any], file: str) -> Policy:
    """Validate a policy given as plain data (as TOML would parse it), e.g. from the editor's
    form; errors name the field but no line."""
    return _Parser("", file).policy(data)
