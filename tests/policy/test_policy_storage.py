"""The policy file on disk: comments survive editing, saves are atomic, bad files are survived."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from cancelapp.domain.verdict import Outcome
from cancelapp.policy import (
    DEFAULT_POLICY_TOML,
    Policy,
    PolicyError,
    Rule,
    default_policy,
    load_policy,
    lost_comments,
    parse_policy,
    policy_hash,
    policy_path,
    render_policy,
    save_policy_text,
)
from cancelapp.policy.fields import parse_window

EDITED = """\
# My shop's rules
version = 1

# Deny anything shipped
[[rules]]
name = "Shipped"  # keep this name
verdict = "deny"
why = "Shipped"
[rules.when]
fulfillment_status = ["fulfilled"]  # only fully shipped

# Quick ones
[[rules]]
name = "Quick"
verdict = "approve"
[rules.when]
placed_within = "2 hours"
"""


def test_policy_unchanged_round_trip_is_byte_identical() -> None:
    for text in (EDITED, DEFAULT_POLICY_TOML):
        policy = parse_policy(text, "p.toml")
        assert render_policy(text, policy, range(len(policy.rules))) == text


def test_policy_edit_keeps_comments_and_untouched_wording() -> None:
    policy = parse_policy(EDITED, "p.toml")
    shipped, quick = policy.rules
    edited = replace(shipped, when=replace(shipped.when, cancelled=False), why="Gone")
    out = render_policy(EDITED, Policy((edited, quick)), [0, 1])
    assert lost_comments(EDITED, out) == []
    assert 'placed_within = "2 hours"' in out  # same meaning, so left as written
    assert 'why = "Gone"' in out and "cancelled = false" in out
    assert parse_policy(out, "p.toml") == Policy((edited, quick))


def test_policy_reorder_moves_comments_with_their_rule() -> None:
    policy = parse_policy(EDITED, "p.toml")
    out = render_policy(EDITED, Policy(policy.rules[::-1]), [1, 0])
    assert lost_comments(EDITED, out) == []
    assert out.index("# Quick ones") < out.index('name = "Quick"') < out.index('name = "Shipped"')
    assert parse_policy(out, "p.toml") == Policy(policy.rules[::-1])


def test_policy_removing_a_rule_reports_the_comments_lost() -> None:
    policy = parse_policy(EDITED, "p.toml")
    out = render_policy(EDITED, Policy(policy.rules[1:]), [1])
    lost = ["# Deny anything shipped", "# keep this name", "# only fully shipped"]
    assert lost_comments(EDITED, out) == lost


def test_policy_new_rule_and_new_file_are_valid_toml() -> None:
    rule = Rule("Manual review", Outcome.REVIEW, why="Look {here}")
    out = render_policy(None, Policy((rule,)), [None])
    assert out.startswith("# CancelApp cancellation policy")
    assert parse_policy(out, "p.toml") == Policy((rule,))


def test_policy_save_is_atomic_and_refuses_invalid_text(tmp_path: Path) -> None:
    path = policy_path(tmp_path / "config", 1)
    save_policy_text(path, EDITED)
    assert path.read_text(encoding="utf-8") == EDITED
    with pytest.raises(PolicyError):
        save_policy_text(path, EDITED.replace("version = 1", "version = 9"))
    assert path.read_text(encoding="utf-8") == EDITED
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp files left


def test_policy_loader_keeps_the_last_good_policy(tmp_path: Path) -> None:
    path = tmp_path / "policy-1.toml"
    missing = load_policy(path)
    assert missing.policy is default_policy() and missing.is_default and missing.problem is None

    path.write_text(EDITED, encoding="utf-8")
    good = load_policy(path, last_good=missing.policy)
    assert good.problem is None and [r.name for r in good.policy.rules] == ["Shipped", "Quick"]

    path.write_text(EDITED.replace('"2 hours"', '"2 fortnights"'), encoding="utf-8")
    broken = load_policy(path, last_good=good.policy)
    assert broken.policy is good.policy
    assert broken.problem is not None and broken.problem.line == 17
    assert broken.notice is not None
    assert "last good policy stays in force" in broken.notice.render_plain()
    assert "policy-1.toml, line 17" in broken.notice.render_plain()

    fresh_start = load_policy(path)
    assert fresh_start.policy is default_policy()
    assert fresh_start.notice is not None and "default policy" in fresh_start.notice.render_plain()


def test_policy_hash_ignores_comments_but_not_meaning() -> None:
    policy = parse_policy(EDITED, "p.toml")
    uncommented = parse_policy(render_policy(None, policy, [None, None]), "p.toml")
    assert policy_hash(policy) == policy_hash(uncommented)
    stricter = Policy(
        (
            policy.rules[0],
            replace(
                policy.rules[1],
                when=replace(policy.rules[1].when, placed_within=parse_window("1h")),
            ),
        )
    )
    assert policy_hash(stricter) != policy_hash(policy)
    assert policy_hash(policy, timedelta(hours=2)) != policy_hash(policy)
    assert len(policy_hash(default_policy())) == 64


@pytest.mark.parametrize(
    "nesting",
    [
        "deep = " + "{ a = " * 1000 + "1" + " }" * 1000 + "\n",  # inline tables
        "deep = " + "[" * 1000 + "1" + "]" * 1000 + "\n",  # arrays
    ],
    ids=["tables", "arrays"],
)
def test_policy_nested_a_thousand_deep_keeps_the_last_good_policy(
    tmp_path: Path, nesting: str
) -> None:
    path = tmp_path / "policy-1.toml"
    path.write_text(EDITED, encoding="utf-8")
    good = load_policy(path)
    path.write_text(EDITED + nesting, encoding="utf-8")
    hostile = load_policy(path, last_good=good.policy)
    assert hostile.policy is good.policy
    assert hostile.notice is not None
    assert "nested too deeply" in hostile.notice.render_plain()
    assert "last good policy stays in force" in hostile.notice.render_plain()


def test_policy_saved_as_utf8_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "policy-1.toml"
    path.write_bytes(b"\xef\xbb\xbf" + EDITED.encode("utf-8"))
    loaded = load_policy(path)
    assert loaded.problem is None
    assert [r.name for r in loaded.policy.rules] == ["Shipped", "Quick"]
