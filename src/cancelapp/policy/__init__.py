"""Policy verdicts: the merchant's rules, the engine that applies them, and the policy file.

Qt-free. The UI translates the `Phrase`s in verdicts and errors in the "Policy" context.
"""

from cancelapp.policy.checks import UNTIL_FULFILLMENT
from cancelapp.policy.default import (
    DEFAULT_POLICY_TOML,
    DEFAULT_RULE_WORDS,
    default_policy,
    shop_edit_window_from_minutes,
)
from cancelapp.policy.digest import policy_hash
from cancelapp.policy.document import lost_comments, render_policy
from cancelapp.policy.engine import evaluate
from cancelapp.policy.errors import PolicyError
from cancelapp.policy.explanation import RulePassedOver, VerdictExplanation, explain
from cancelapp.policy.model import (
    ApproveAction,
    CancelReason,
    Conditions,
    FulfilledItems,
    Policy,
    Rule,
    Window,
    WindowKind,
)
from cancelapp.policy.parsing import parse_policy, policy_from_data
from cancelapp.policy.preview import Backtest, PastCase, Tally, backtest, outcomes, tally
from cancelapp.policy.storage import (
    PolicyLoad,
    load_policy,
    policy_path,
    read_policy,
    save_policy_text,
)

__all__ = [
    "DEFAULT_POLICY_TOML",
    "DEFAULT_RULE_WORDS",
    "UNTIL_FULFILLMENT",
    "ApproveAction",
    "Backtest",
    "CancelReason",
    "Conditions",
    "FulfilledItems",
    "PastCase",
    "Policy",
    "PolicyError",
    "PolicyLoad",
    "Rule",
    "RulePassedOver",
    "Tally",
    "VerdictExplanation",
    "Window",
    "WindowKind",
    "backtest",
    "default_policy",
    "evaluate",
    "explain",
    "load_policy",
    "lost_comments",
    "outcomes",
    "parse_policy",
    "policy_from_data",
    "policy_hash",
    "policy_path",
    "read_policy",
    "render_policy",
    "save_policy_text",
    "shop_edit_window_from_minutes",
    "tally",
]
