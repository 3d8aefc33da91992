"""Is a newer CancelApp out? Asks the project's releases feed, only when the merchant turned the
check on, at most once a day; never downloads or installs anything (Qt-free; run in a worker).

The feed is GitHub's "latest release" API for the project's repository: one JSON object whose
`tag_name` is the version and `html_url` the release page ("what's new"). It excludes drafts and
pre-releases itself. A fork changes `RELEASES_URL`, the only place the address is written.
Offline, a refusing server or an answer that does not parse are logged and say nothing.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

RELEASES_URL = "https://api.github.com/repos/cancelapp/cancelapp/releases/latest"
CHECK_EVERY = timedelta(days=1)
STATE_FILE_NAME = "update-check.json"  # in the cache folder: when we last asked, what we heard
MAX_ANSWER_BYTES = 512 * 1024  # a release with long notes is ~20 KB; more is not a release
_VERSION = re.compile(r"[vV]?(\d{1,6}(?:\.\d{1,6}){0,3})")


class MalformedFeed(Exception):
    """The feed answered something that is not a release we can show."""


@dataclass(frozen=True)
class Release:
    version: str  # as the merchant reads it: "0.3", "1.2.1"
    url: str  # its page on the web: what's new


@dataclass(frozen=True)
class CheckState:
    checked_at: datetime | None = None  # the last attempt, answered or not
    latest: Release | None = None  # the last release the feed named


def version_text(tag: str) -> str:
    """`v0.3` → `0.3`; raises `MalformedFeed` for a tag that is not a plain version."""
    match = _VERSION.fullmatch(tag.strip())
    if match is None:
        raise MalformedFeed(f"not a version: {tag[:40]!r}")
    return match.group(1)


def version_key(version: str) -> tuple[int, ...]:
    """`v0.3.0` → (0, 3); trailing zeros dropped so 0.3 and 0.3.0 are the same version."""
    parts = [int(part) for part in version_text(version).split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def parse_release(body: bytes) -> Release:
    """The release in one GitHub API answer; raises `MalformedFeed` for anything else."""
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise MalformedFeed("not JSON") from exc
    if not isinstance(data, dict):
        raise MalformedFeed("not a JSON object")
    if data.get("draft") is True or data.get("prerelease") is True:
        raise MalformedFeed("a draft or pre-release")
    tag, url = data.get("tag_name"), data.get("html_url")
    if not isinstance(tag, str) or not isinstance(url, str):
        raise MalformedFeed("no tag_name or html_url")
    version = version_text(tag)
    if not url.startswith("https://") or len(url) > 2000 or any(c.isspace() for c in url):
        raise MalformedFeed("the release page is not an https address")
    return Release(version=version, url=url)


def fetch_latest_release(url: str, current_version: str) -> Release:
    """Ask the feed; raises `httpx.HTTPError` (offline, refused) or `MalformedFeed`."""
    import httpx  # loaded in the checking worker, never before the first paint

    from cancelapp.tls import system_tls_context

    headers = {
        "Accept": "application/vnd.github+json",
        "User-Agent": f"CancelApp/{current_version} (update check)",
    }
    with (
        httpx.Client(
            timeout=httpx.Timeout(10.0, connect=5.0),
            headers=headers,
            follow_redirects=True,
            verify=system_tls_context(),
        ) as client,
        client.stream("GET", url) as response,
    ):
        response.raise_for_status()
        body = b""
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > MAX_ANSWER_BYTES:
                raise MalformedFeed("the answer is too long for a release")
    return parse_release(body)


def check_for_update(
    state_path: Path, current_version: str, now: datetime, url: str = RELEASES_URL
) -> Release | None:
    """The release to tell the merchant about, or None when this version is the latest.

    Asks the feed only when the last attempt is a day old (a failed attempt counts, so an
    offline computer is not asked again on every start); otherwise answers from what the last
    answer said. Blocks for up to a few seconds: call it in a worker."""
    import httpx

    state = load_state(state_path)
    if state.checked_at is None or not (now - CHECK_EVERY < state.checked_at <= now):
        latest = state.latest
        try:
            latest = fetch_latest_release(url, current_version)
        except (httpx.HTTPError, MalformedFeed) as exc:
            log.info("update check: no answer from the releases feed (%s)", type(exc).__name__)
        state = CheckState(checked_at=now, latest=latest)
        save_state(state_path, state)
    latest = state.latest
    if latest is not None and version_key(latest.version) > version_key(current_version):
        return latest
    return None


def load_state(path: Path) -> CheckState:
    """What the last check heard; an empty state for a missing or damaged file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        checked_at = datetime.fromisoformat(data["checked_at"])
        if checked_at.tzinfo is None:
            raise ValueError("a time without a zone")
        latest = data.get("latest")
        release = None
        if latest is not None:
            release = parse_release(
                json.dumps({"tag_name": latest["version"], "html_url": latest["url"]}).encode()
            )
        return CheckState(checked_at=checked_at, latest=release)
    except FileNotFoundError:
        return CheckState()
    except (OSError, ValueError, KeyError, TypeError, MalformedFeed) as exc:
        log.info("update check: state file unreadable (%s); asking again", type(exc).__name__)
        return CheckState()


def save_state(path: Path, state: CheckState) -> None:
    """Written atomically; a failure only means asking again sooner."""
    latest = state.latest
    data = {
        "checked_at": state.checked_at.isoformat() if state.checked_at else None,
        "latest": None if latest is None else {"version": latest.version, "url": latest.url},
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".update-check-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle)
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.warning("update check: state not saved (%s)", type(exc).__name__)
