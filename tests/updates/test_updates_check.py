"""The update check against a releases feed over real HTTP on 127.0.0.1: a newer version, the
same one, malformed answers, and no network; at most one request a day."""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cancelapp.updates import (
    MAX_ANSWER_BYTES,
    Release,
    check_for_update,
    load_state,
    version_key,
)
from fixtures.release_feed import Feed

NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
CURRENT = "0.2.0"
PAGE = "https://github.com/cancelapp/cancelapp/releases/tag/v0.3"


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "update-check.json"


def test_a_newer_version_is_found_with_its_page(release_feed: Feed, state: Path) -> None:
    release_feed.answer_release("v0.3", PAGE)
    assert check_for_update(state, CURRENT, NOW, release_feed.url) == Release("0.3", PAGE)
    assert release_feed.requests[0]["User-Agent"] == "CancelApp/0.2.0 (update check)"
    assert load_state(state).checked_at == NOW


def test_asked_at_most_once_a_day(release_feed: Feed, state: Path) -> None:
    release_feed.answer_release("v0.3", PAGE)
    check_for_update(state, CURRENT, NOW, release_feed.url)
    later_today = NOW + timedelta(hours=23, minutes=59)
    # The answer is remembered: still shown, without asking again.
    assert check_for_update(state, CURRENT, later_today, release_feed.url) == Release("0.3", PAGE)
    assert len(release_feed.requests) == 1
    release_feed.answer_release("v0.4")
    found = check_for_update(state, CURRENT, NOW + timedelta(days=1), release_feed.url)
    assert found is not None and found.version == "0.4"
    assert len(release_feed.requests) == 2


def test_a_clock_set_back_asks_again(release_feed: Feed, state: Path) -> None:
    release_feed.answer_release("v0.3", PAGE)
    check_for_update(state, CURRENT, NOW, release_feed.url)
    check_for_update(state, CURRENT, NOW - timedelta(days=30), release_feed.url)
    assert len(release_feed.requests) == 2


@pytest.mark.parametrize("tag", ["v0.2.0", "0.2", "v0.1.9"])
def test_the_same_or_an_older_version_says_nothing(
    release_feed: Feed, state: Path, tag: str
) -> None:
    release_feed.answer_release(tag)
    assert check_for_update(state, CURRENT, NOW, release_feed.url) is None


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (200, b"<html>rate limited</html>"),
        (200, b"[]"),
        (200, b'{"tag_name": "v0.3"}'),
        (200, b'{"tag_name": "nightly", "html_url": "https://example.com/"}'),
        (200, b'{"tag_name": "v0.3", "html_url": "javascript:alert(1)"}'),
        (200, b'{"tag_name": 3, "html_url": "https://example.com/"}'),
        (200, b'{"tag_name": "v0.3", "html_url": "https://example.com/", "prerelease": true}'),
        (200, json.dumps({"tag_name": "v9", "html_url": "https://x/", "body": "x" * 600_000})),
        (403, b'{"message": "API rate limit exceeded"}'),
        (404, b'{"message": "Not Found"}'),
        (500, b""),
    ],
)
def test_a_malformed_or_refused_answer_says_nothing(
    release_feed: Feed, state: Path, status: int, body: bytes | str
) -> None:
    release_feed.status = status
    release_feed.body = body.encode() if isinstance(body, str) else body
    assert check_for_update(state, CURRENT, NOW, release_feed.url) is None
    assert load_state(state).checked_at == NOW  # an attempt, even so: not again today


def test_a_long_answer_is_cut_off(release_feed: Feed, state: Path) -> None:
    release_feed.body = b" " * (MAX_ANSWER_BYTES + 1) + b'{"tag_name": "v9"}'
    assert check_for_update(state, CURRENT, NOW, release_feed.url) is None


def test_a_bad_answer_does_not_forget_a_known_release(release_feed: Feed, state: Path) -> None:
    release_feed.answer_release("v0.3", PAGE)
    check_for_update(state, CURRENT, NOW, release_feed.url)
    release_feed.body = b"garbage"
    assert check_for_update(state, CURRENT, NOW + timedelta(days=2), release_feed.url) == Release(
        "0.3", PAGE
    )


def test_offline_says_nothing_and_does_not_retry_today(state: Path) -> None:
    with socket.socket() as probe:  # a port on which nothing listens
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/releases/latest"
    assert check_for_update(state, CURRENT, NOW, url) is None
    assert load_state(state).checked_at == NOW


def test_a_damaged_state_file_means_asking_again(release_feed: Feed, state: Path) -> None:
    state.parent.mkdir(parents=True)
    state.write_text('{"checked_at": "yesterday-ish"', encoding="utf-8")
    release_feed.answer_release("v0.3", PAGE)
    assert check_for_update(state, CURRENT, NOW, release_feed.url) == Release("0.3", PAGE)


def test_versions_compare_as_numbers() -> None:
    assert version_key("v0.10") > version_key("0.9.9")
    assert version_key("0.3") == version_key("v0.3.0")
