"""Hostile mail in linear time: capped before parsing, read without recursion, and what was
left out named. The linearity test compares each hostile input at 100 KB and at 1 MB: ten times
the input may take at most `RATIO` times as long. Linear work scales by 10 to 40 here (1 MB
leaves the CPU's caches, and the allocator works harder); quadratic work by about 100."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest

from cancelapp.sources.email_text import MAX_MESSAGE_BYTES, MAX_PARTS, parse_email, trim_reply
from cancelapp.sources.html_text import html_to_text
from cancelapp.sources.incoming import size_text

SMALL, LARGE = 100_000, 1_000_000
RATIO = 60


def wrote_line(n: int) -> str:
    """One line of "On … wrote …": the quadratic case of the old `trim_reply`."""
    return ("On Monday " + "x wrote y " * (n // 10))[:n]


def flood(token: str) -> Callable[[int], str]:
    return lambda n: "<div>" + token * (n // len(token))


def mail(head: str, body: bytes = b"Cancel #1001\r\n") -> bytes:
    return head.encode() + b"\r\nSubject: cancel\r\n\r\n" + body


def mime_parts(n: int) -> bytes:
    part = b"--XX\r\nContent-Type: text/plain\r\n\r\nx\r\n"
    head = "From: a@b.dk\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX"
    return mail(
        head, b"--XX\r\nContent-Type: text/plain\r\n\r\nCancel #1001\r\n" + part * (n // 40)
    )


def many_senders(n: int) -> bytes:
    return mail("From: " + ", ".join(f"u{i}@example.com" for i in range(n // 16)))


def nested(header: str, depth: int) -> bytes:
    return mail(f"{header}: " + "(" * depth + "a@b.dk" + ")" * depth)


def html_mail(n: int) -> bytes:
    head = "From: a@b.dk\r\nContent-Type: text/html"
    return mail(head, b"<p>Cancel #1001</p>" + b"</" * (n // 2))


def long_line_mail(n: int) -> bytes:
    return mail("From: a@b.dk", ("Cancel #1001\r\n" + wrote_line(n)).encode())


HOSTILE: dict[str, tuple[Callable[[object], object], Callable[[int], object]]] = {
    "trim_reply, one line of 'wrote'": (trim_reply, wrote_line),  # type: ignore[dict-item]
    "html <? flood": (html_to_text, flood("<?")),  # type: ignore[dict-item]
    "html </ flood": (html_to_text, flood("</")),  # type: ignore[dict-item]
    "html <!-- flood": (html_to_text, flood("<!--")),  # type: ignore[dict-item]
    "html <a  flood": (html_to_text, flood("<a ")),  # type: ignore[dict-item]
    "mail: MIME parts": (parse_email, mime_parts),  # type: ignore[dict-item]
    "mail: From addresses": (parse_email, many_senders),  # type: ignore[dict-item]
    "mail: nested ( in From": (parse_email, lambda n: nested("From", n // 2)),  # type: ignore[dict-item]
    "mail: nested ( in Message-ID": (parse_email, lambda n: nested("Message-ID", n // 2)),  # type: ignore[dict-item]
    "mail: HTML </ flood": (parse_email, html_mail),  # type: ignore[dict-item]
    "mail: a long 'wrote' line": (parse_email, long_line_mail),  # type: ignore[dict-item]
}


def _seconds(work: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def test_hostile_text_takes_linear_time() -> None:
    text = "word " * (SMALL // 5)
    floor = _seconds(text.lower, 3)  # a linear pass over 100 KB: times below it are noise
    report = []
    for name, (function, make) in HOSTILE.items():
        small, large = make(SMALL), make(LARGE)
        for _attempt in range(2):  # measured again once: the machine is shared
            t_small = _seconds(lambda f=function, x=small: f(x), 3)  # type: ignore[misc]
            t_large = _seconds(lambda f=function, x=large: f(x), 2)  # type: ignore[misc]
            ratio = t_large / max(t_small, floor)
            if ratio < RATIO:
                break
        report.append(f"{name}: {t_small * 1000:.1f} ms → {t_large * 1000:.1f} ms (×{ratio:.1f})")
        assert ratio < RATIO, "\n".join(report)
    print("\nlinearity, 100 KB → 1 MB:\n" + "\n".join(report))


@pytest.mark.parametrize("header", ["From", "Message-ID"])
@pytest.mark.parametrize("depth", [300, 5000])
def test_nested_parentheses_do_not_lose_the_mail(header: str, depth: int) -> None:
    parsed = parse_email(nested(header, depth))
    assert parsed.body == "Cancel #1001"
    assert parsed.subject == "cancel"


def test_the_first_of_fifty_thousand_senders_is_the_sender() -> None:
    parsed = parse_email(many_senders(50_000 * 16))
    assert parsed.sender_email == "u0@example.com"
    assert parsed.body == "Cancel #1001"


def test_a_hundred_thousand_parts_are_capped_and_the_rest_named() -> None:
    started = time.perf_counter()
    parsed = parse_email(mime_parts(100_000 * 40))
    seconds = time.perf_counter() - started
    assert parsed.body.startswith("Cancel #1001")
    assert re.search(r"\n\n\[… \d\.\d MB\]$", parsed.body), parsed.body[-40:]
    assert seconds < 5, f"{MAX_PARTS} parts read in {seconds:.1f} s"


def test_a_long_text_is_read_up_to_the_cap_and_the_remainder_named() -> None:
    body = ("Cancel #1001\r\n" + "pasted log line\r\n" * 120_000).encode()
    raw = mail("From: a@b.dk", body)
    parsed = parse_email(raw)
    assert parsed.body.startswith("Cancel #1001\npasted log line")
    assert parsed.body.endswith(f"\n\n[… {size_text(len(raw) - MAX_MESSAGE_BYTES)}]")


def test_a_display_name_and_comments_are_read_without_the_stdlib_parser() -> None:
    parsed = parse_email(mail('From: "Anna (shop) Jensen" (home) <Anna@Example.DK> (x(y))'))
    assert (parsed.sender_name, parsed.sender_email) == ("Anna (shop) Jensen", "anna@example.dk")
    assert parse_email(mail("From: =?utf-8?q?S=C3=B8ren?= <s@b.dk>")).sender_name == "Søren"
    assert parse_email(mail("From: bo@b.dk (Bo)")).sender_email == "bo@b.dk"
