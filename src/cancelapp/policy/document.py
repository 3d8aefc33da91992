"""Writing a policy back to TOML with tomlkit, keeping the merchant's comments and layout.

Values are compared by meaning, so an unchanged rule is left exactly as the merchant wrote it
("24 hours" stays "24 hours"). Comments that cannot survive (on a deleted rule or setting) are
found by `lost_comments` so the editor can warn before saving.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from decimal import Decimal
from typing import Any

import tomlkit
from tomlkit.items import AoT, Comment, Item, Null, Table, Whitespace
from tomlkit.toml_document import TOMLDocument

from cancelapp.policy.errors import InvalidValueError
from cancelapp.policy.fields import ACTION_FIELDS, CONDITION_FIELDS, RULE_FIELDS, FieldSpec
from cancelapp.policy.model import POLICY_VERSION, ApproveAction, Conditions, Policy, Rule

NEW_FILE_HEADER = (
    "CancelApp cancellation policy for this store. Rules are tried from top to bottom;\n"
    "the first rule whose conditions all hold decides. See docs/policy.md."
)


def _toml_item(value: Any) -> Item:
    if isinstance(value, Decimal):
        value = tomlkit.value(format(value, "f"))
    item: Item = tomlkit.item(value)
    return item


def _sync_fields(
    table: Table, specs: dict[str, FieldSpec], values: dict[str, Any], unset: dict[str, Any]
) -> None:
    """Make `table` say `values`, touching only the settings whose meaning changed."""
    for key, spec in specs.items():
        wanted = values[key]
        if key in table:
            current = table[key]
            try:
                same = (
                    spec.parse(current.unwrap() if isinstance(current, Item) else current) == wanted
                )
            except InvalidValueError:
                same = False
            if same:
                continue
            if wanted == unset.get(key):
                del table[key]
                continue
        elif wanted == unset.get(key):
            continue
        table[key] = _toml_item(spec.write(wanted))


def _sync_subtable(
    parent: Table,
    key: str,
    specs: dict[str, FieldSpec],
    values: dict[str, Any] | None,
    unset: dict[str, Any],
) -> None:
    if values is None or all(values[k] == unset.get(k) for k in specs):
        if key in parent and values is None:
            del parent[key]
        elif key in parent:
            _sync_fields(parent[key], specs, values or {}, unset)
        return
    if key not in parent:
        parent.append(key, tomlkit.table())
    _sync_fields(parent[key], specs, values, unset)


def _values(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


_ACTION_DEFAULTS = _values(ApproveAction())
_CONDITIONS_UNSET = _values(Conditions())


def rule_data(rule: Rule) -> dict[str, Any]:
    """The rule as plain TOML-shaped data (what `policy_from_data` reads back)."""
    data: dict[str, Any] = {"name": rule.name, "verdict": rule.verdict.value}
    if rule.why:
        data["why"] = rule.why
    if rule.reply:
        data["reply"] = rule.reply
    when = {
        key: CONDITION_FIELDS[key].write(value)
        for key, value in _values(rule.when).items()
        if value is not None
    }
    if when:
        data["when"] = when
    if rule.action is not None:
        data["action"] = {
            key: ACTION_FIELDS[key].write(value)
            for key, value in _values(rule.action).items()
            if value is not None
        }
    return data


def sync_rule(table: Table, rule: Rule) -> None:
    top = {"name": rule.name, "verdict": rule.verdict, "why": rule.why, "reply": rule.reply}
    _sync_fields(table, RULE_FIELDS, top, {"why": "", "reply": ""})
    conditions = _values(rule.when)
    has_conditions = any(v is not None for v in conditions.values())
    _sync_subtable(
        table, "when", CONDITION_FIELDS, conditions if has_conditions else None, _CONDITIONS_UNSET
    )
    action = _values(rule.action) if rule.action is not None else None
    if action is not None and "action" not in table and rule.action == ApproveAction():
        return  # an approve rule without [rules.action] means the default action
    _sync_subtable(table, "action", ACTION_FIELDS, action, _ACTION_DEFAULTS)


def _tail_container(table: Table) -> Table:
    """The table whose body ends the rendered text of `table` (its last sub-table, if any)."""
    body = table.value.body
    if body and isinstance(body[-1][1], Table):
        return _tail_container(body[-1][1])
    return table


def _detach_tail(table: Table) -> list[Item]:
    """The blank line and comments after a rule: they introduce the next rule. Comments right
    under the rule's last setting, before any blank line, stay with the rule."""
    return _detach_body_tail(_tail_container(table).value.body)


def _detach_body_tail(body: list[tuple[Any, Item]]) -> list[Item]:
    start = len(body)
    while (
        start
        and body[start - 1][0] is None
        and isinstance(body[start - 1][1], Comment | Whitespace | Null)
    ):
        start -= 1
    while start < len(body) and isinstance(body[start][1], Comment):
        start += 1
    tail = [item for _key, item in body[start:] if not isinstance(item, Null)]
    del body[start:]
    return tail


def _attach_tail(table: Table, items: list[Item]) -> None:
    body = _tail_container(table).value.body
    body.extend((None, item) for item in items)


def render_policy(text: str | None, policy: Policy, origins: Sequence[int | None]) -> str:
    """The policy as TOML, based on `text` (the file as read, or None for a new file).

    `origins[i]` is the index in `text`'s rules that rule i was edited from, or None for a
    new rule; comments travel with their rule when rules are reordered.
    """
    doc: TOMLDocument = tomlkit.parse(text) if text else tomlkit.document()
    if not text:
        for line in NEW_FILE_HEADER.splitlines():
            doc.add(tomlkit.comment(line))
    if doc.get("version") != POLICY_VERSION:
        doc["version"] = POLICY_VERSION
    old = list(doc["rules"]) if isinstance(doc.get("rules"), AoT) else []
    if list(origins) == list(range(len(old))) and len(policy.rules) == len(old):
        for table, rule in zip(old, policy.rules, strict=True):
            sync_rule(table, rule)
        return tomlkit.dumps(doc)
    leading: list[list[Item]] = [[] for _ in old]  # comments written above each old rule
    end_tail = _detach_tail(old[-1]) if old else []
    for i in range(len(old) - 1):
        leading[i + 1] = _detach_tail(old[i])
    if "rules" in doc:
        del doc["rules"]  # the comments above the first rule now end the document's body
        leading[0] = _detach_body_tail(doc.body) if old else []
    rules = AoT([], parsed=True)
    previous: Table | None = None
    for rule, origin in zip(policy.rules, origins, strict=True):
        known = origin is not None and origin < len(old)
        table = old[origin] if known and origin is not None else tomlkit.table()
        sync_rule(table, rule)
        before = leading[origin] if known and origin is not None else []
        if previous is None:
            doc.body.extend((None, item) for item in before or [tomlkit.ws("\n")])
        else:
            _attach_tail(previous, before or [tomlkit.ws("\n")])
        rules.append(table)
        previous = table
    if previous is not None:
        _attach_tail(previous, end_tail)
        doc.append("rules", rules)
    return tomlkit.dumps(doc)


def lost_comments(before: str, after: str) -> list[str]:
    """Comments in `before` that `after` no longer has (each counted as often as it appears)."""
    remaining = _comments(after)
    lost = []
    for comment in _comments(before):
        if comment in remaining:
            remaining.remove(comment)
        else:
            lost.append(comment)
    return lost


def _comments(text: str) -> list[str]:
    """Every `# …` comment, whole-line or trailing (comment text only, via tomlkit's parse)."""
    found: list[str] = []

    def walk(container: Any) -> None:
        body = container.body if hasattr(container, "body") else container.value.body
        for _key, item in body:
            if isinstance(item, Comment):
                found.append(item.as_string().strip())
            elif isinstance(item, Table):
                walk(item)
            elif isinstance(item, AoT):
                for table in item.body:
                    walk(table)
            if not isinstance(item, Comment | Whitespace) and item.trivia.comment:
                found.append(item.trivia.comment.strip())

    walk(tomlkit.parse(text))
    return found
