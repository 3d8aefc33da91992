"""Reading the policy file (keeping the last good policy when it breaks) and saving it safely."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.policy.default import default_policy
from cancelapp.policy.errors import PolicyError
from cancelapp.policy.model import Policy
from cancelapp.policy.parsing import parse_policy

POLICY_FILE_NAME = "policy-{store_id}.toml"


def policy_path(config_dir: Path, store_id: int) -> Path:
    """Where a store's policy lives: one file per store in the config directory."""
    return config_dir / POLICY_FILE_NAME.format(store_id=store_id)


def read_policy(path: Path) -> Policy:
    """The policy in `path`; raises `PolicyError` if it is not a valid policy, `OSError` if the
    file cannot be read."""
    text = path.read_text(encoding="utf-8")
    return parse_policy(text, path.name)


@dataclass(frozen=True)
class PolicyLoad:
    policy: Policy  # the policy in force
    text: str | None  # the file as read (for the editor), None when it does not exist
    problem: PolicyError | None = None  # why the file was not used
    notice: Phrase | None = None  # what the merchant should be told, if anything

    @property
    def is_default(self) -> bool:
        return self.text is None


_KEPT_LAST_GOOD = QT_TRANSLATE_NOOP(
    "Policy", "The policy file has a problem, so the last good policy stays in force: {problem}"
)
_USING_DEFAULT = QT_TRANSLATE_NOOP(
    "Policy", "The policy file has a problem, so the default policy is in force: {problem}"
)
_UNREADABLE = QT_TRANSLATE_NOOP("Policy", "could not read the file ({detail})")


def load_policy(path: Path, last_good: Policy | None = None) -> PolicyLoad:
    """The policy to use now. A missing file means the default policy; a broken one means
    `last_good` (or the default when there is none), with the problem and a notice."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return PolicyLoad(default_policy(), None)
    except UnicodeDecodeError:
        return _fallback(None, _unreadable(path, "not UTF-8 text"), last_good)
    except OSError as exc:
        return _fallback(None, _unreadable(path, exc.strerror or type(exc).__name__), last_good)
    try:
        return PolicyLoad(parse_policy(text, path.name), text)
    except PolicyError as problem:
        return _fallback(text, problem, last_good)


def _unreadable(path: Path, detail: str) -> PolicyError:
    return PolicyError(path.name, None, None, Phrase("Policy", _UNREADABLE, {"detail": detail}))


def _fallback(text: str | None, problem: PolicyError, last_good: Policy | None) -> PolicyLoad:
    template = _KEPT_LAST_GOOD if last_good is not None else _USING_DEFAULT
    notice = Phrase("Policy", template, {"problem": str(problem)})
    return PolicyLoad(last_good or default_policy(), text, problem, notice)


def save_policy_text(path: Path, text: str) -> None:
    """Write atomically: a temporary file in the same folder, flushed, then renamed over the
    old one, so a crash leaves either the old policy or the new one, never half of each."""
    parse_policy(text, path.name)  # never write a file we would refuse to read
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)  # os.replace: atomic on the same file system
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
