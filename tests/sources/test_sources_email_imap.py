"""The email source against a real Dovecot (tests/fixtures/imap.py), end to end."""

import imaplib
import json
import os
import ssl
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from sources_samples import NOW, Orders, order

from cancelapp.domain.request import RequestState
from cancelapp.sources.email_config import AfterReading, EmailConfig, Security
from cancelapp.sources.email_source import FETCH_BYTES, EmailSource
from cancelapp.sources.imap_session import mailbox_name
from cancelapp.sources.incoming import MAX_STORED_TEXT, SourceUnavailable
from cancelapp.sources.match_and_store import take_in
from cancelapp.sources.matching import match_order, to_request
from cancelapp.store import Database
from cancelapp.store.requests import list_requests
from fixtures.database import save_demo_store
from fixtures.imap import ImapServer

pytestmark = pytest.mark.imap

ORDERS = Orders(order("#1001", "anna@example.dk"), order("#1002", "bo@example.com"))


def message(
    sender: str,
    subject: str,
    body: str | None = None,
    *,
    html: str | None = None,
    message_id: str | None = None,
) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = "shop@example.dk"
    mail["Subject"] = subject
    mail["Date"] = "Tue, 24 Nov 2026 09:15:00 +0100"
    mail["Message-ID"] = message_id or f"<{uuid.uuid4()}@example.test>"
    if body is not None:
        mail.set_content(body)
    if html is not None:
        if body is None:
            mail.set_content(html, subtype="html")
        else:
            mail.add_alternative(html, subtype="html")
    return mail


def deliver(
    server: ImapServer,
    folder: str,
    *mails: EmailMessage | bytes,
    arrived: str = '"24-Nov-2026 09:20:00 +0100"',
) -> None:
    conn = server.connect()
    try:
        for mail in mails:
            status, _ = conn.append(f'"{folder}"', "", arrived, bytes(mail))
            assert status == "OK"
    finally:
        conn.logout()


@pytest.fixture
def folder(imap_server: ImapServer) -> str:
    """A fresh mailbox folder per test: the server is shared by the whole session."""
    name = f"Requests-{uuid.uuid4().hex[:8]}"
    conn = imap_server.connect()
    assert conn.create(f'"{name}"')[0] == "OK"
    conn.logout()
    return name


def source(server: ImapServer, folder: str, **options: object) -> EmailSource:
    config = EmailConfig(
        host=server.host,
        username=server.username,
        port=server.imaps_port,
        folder=folder,
        first_look_back=None,  # the fixed arrival dates above, whatever today is
    )
    config = replace(config, **options)  # type: ignore[arg-type]
    return EmailSource(config, lambda: server.password, ssl_context=server.ssl_context())


def flags(server: ImapServer, folder: str) -> list[bytes]:
    conn = server.connect()
    try:
        conn.select(f'"{folder}"', readonly=True)
        _, data = conn.fetch("1:*", "(FLAGS)")
        return [d for d in data if isinstance(d, bytes)]
    finally:
        conn.logout()


def test_requests_are_read_parsed_and_matched(imap_server: ImapServer, folder: str) -> None:
    with_attachment = message("bo@example.com", "Cancel order #1002", "Please cancel it.")
    with_attachment.add_attachment(
        b"Order #7777, cancel", maintype="text", subtype="plain", filename="note.txt"
    )
    away = message("anna@example.dk", "Out of office", "I am away. Cancel meetings.")
    away["Auto-Submitted"] = "auto-replied"
    deliver(
        imap_server,
        folder,
        message(
            "Anna Jensen <anna@example.dk>",
            "Annullering",
            "Hej, jeg vil gerne annullere ordre 1001.\n\nMvh Anna",
        ),
        message(
            "bo@example.com",
            "Order question",
            html="<p>Please <b>cancel</b> my order&nbsp;#1002</p><script>x()</script>",
        ),
        with_attachment,
        message("anna@example.dk", "Hvor er min pakke?", "Ordre #1001 er ikke kommet"),
        message("mallory@example.com", "Cancel", "Cancel order #1001 now"),
        away,
    )
    result = source(imap_server, folder).fetch({})
    texts = {r.text for r in result.requests}
    assert texts == {
        "Annullering\n\nHej, jeg vil gerne annullere ordre 1001.\n\nMvh Anna",
        "Order question\n\nPlease cancel my order #1002",
        "Cancel order #1002\n\nPlease cancel it.",
        "Cancel\n\nCancel order #1001 now",
    }
    states = {
        (r.customer_email, r.order_name): to_request(r, match_order(r, ORDERS), 1).state
        for r in result.requests
    }
    assert states == {
        ("anna@example.dk", "#1001"): RequestState.OPEN,
        ("bo@example.com", "#1002"): RequestState.OPEN,
        ("mallory@example.com", "#1001"): RequestState.UNMATCHED,
    }
    anna = next(r for r in result.requests if r.customer_email == "anna@example.dk")
    assert anna.author == "Anna Jensen"
    assert anna.received_at == datetime(2026, 11, 24, 8, 20, tzinfo=UTC)  # server's arrival
    # A withdrawal counts from when it was sent: the Date header, kept beside the arrival.
    assert anna.sent_at == datetime(2026, 11, 24, 8, 15, tzinfo=UTC)
    assert anna.message().sent == anna.sent_at
    assert result.cursor["last_uid"] == 6
    assert all(b"\\Seen" not in f for f in flags(imap_server, folder))  # mail left unread


# The stdlib's structured header parser failed on this Content-Type (an IndexError deep
# inside); headers are now read without it, so the mail is read like any other.
ONCE_UNREADABLE = (
    b"From: eve@example.com\r\nContent-Type: a<;?;name*\r\n\r\nCancel #1001 please\r\n"
)


def test_a_mail_with_a_garbled_content_type_does_not_stop_the_rest(
    imap_server: ImapServer, folder: str
) -> None:
    deliver(
        imap_server,
        folder,
        message("anna@example.dk", "Cancel #1001", "Please"),
        ONCE_UNREADABLE,
        message("bo@example.com", "Annuller #1002", "Tak"),
    )
    result = source(imap_server, folder).fetch({})
    assert sorted(r.order_name or "" for r in result.requests) == ["#1001", "#1001", "#1002"]
    assert result.notices == []
    assert result.cursor["last_uid"] == 3  # passed over for good, like the read ones
    again = source(imap_server, folder).fetch(result.cursor)
    assert (again.requests, again.notices) == ([], [])


def test_a_very_long_message_is_stored_shortened(imap_server: ImapServer, folder: str) -> None:
    pasted = "Please cancel order #1001.\n" + "log line 0123456789\n" * 5_000
    deliver(imap_server, folder, message("anna@example.dk", "Cancel", pasted))
    (request,) = source(imap_server, folder).fetch({}).requests
    assert request.order_name == "#1001"
    stored = request.message().text
    assert len(stored) <= MAX_STORED_TEXT
    assert stored.startswith("Cancel\n\nPlease cancel order #1001.\nlog line")
    assert stored.endswith("\n\n[… 80 KB]")  # names what was left out


def test_nothing_is_read_twice_across_restarts(
    imap_server: ImapServer, folder: str, tmp_path: Path
) -> None:
    deliver(imap_server, folder, message("anna@example.dk", "Cancel #1001", "Please"))
    saved = tmp_path / "cursor.json"
    first = source(imap_server, folder).fetch({})
    assert len(first.requests) == 1
    saved.write_text(json.dumps(first.cursor), encoding="utf-8")

    restarted = source(imap_server, folder)
    again = restarted.fetch(json.loads(saved.read_text(encoding="utf-8")))
    assert again.requests == []
    deliver(imap_server, folder, message("bo@example.com", "Annuller #1002", "Tak"))
    later = restarted.fetch(again.cursor)
    assert [r.order_name for r in later.requests] == ["#1002"]


def test_a_uidvalidity_change_rereads_but_stores_nothing_twice(
    imap_server: ImapServer, folder: str, tmp_path: Path
) -> None:
    old = message("anna@example.dk", "Cancel #1001", "Please", message_id="<old@example.test>")
    deliver(imap_server, folder, old)
    first = source(imap_server, folder).fetch({})
    db = Database.open(tmp_path / "cancelapp.sqlite3")
    with db.transaction() as conn:
        store_id = save_demo_store(conn)
        assert take_in(conn, store_id, first.requests, ORDERS, now=NOW).new_messages == 1

    conn = imap_server.connect()  # the server loses its index: the folder is made anew
    assert conn.delete(f'"{folder}"')[0] == "OK"
    assert conn.create(f'"{folder}"')[0] == "OK"
    conn.logout()
    deliver(imap_server, folder, old, message("anna@example.dk", "Cancel #1001", "Again!"))

    second = source(imap_server, folder).fetch(first.cursor)
    assert second.cursor["uidvalidity"] != first.cursor["uidvalidity"]
    assert [n.render_plain() for n in second.notices] == [
        "The mail server renumbered the mailbox; all its messages were checked again"
    ]
    assert len(second.requests) == 2
    with db.transaction() as conn:
        assert take_in(conn, store_id, second.requests, ORDERS, now=NOW).new_messages == 1
        (stored,) = list_requests(conn, store_id)
    db.close()
    assert [m.text.split("\n\n")[1] for m in stored.messages] == ["Please", "Again!"]


def test_requests_are_moved_only_after_the_next_fetch(imap_server: ImapServer, folder: str) -> None:
    done = f"{folder}-done"
    conn = imap_server.connect()
    conn.create(f'"{done}"')
    conn.logout()
    deliver(
        imap_server,
        folder,
        message("anna@example.dk", "Cancel #1001", "Please"),
        message("anna@example.dk", "Pakke?", "Hvor er den?"),
    )
    mover = source(imap_server, folder, after_reading=AfterReading.MOVE, move_to=done)
    first = mover.fetch({})
    assert len(flags(imap_server, folder)) == 2  # not moved before the caller stored it
    second = mover.fetch(first.cursor)
    assert second.requests == []
    assert len(flags(imap_server, folder)) == 1  # the non-request stays
    assert len(flags(imap_server, done)) == 1


def test_requests_can_be_flagged(imap_server: ImapServer, folder: str) -> None:
    deliver(imap_server, folder, message("anna@example.dk", "Cancel #1001", "Please"))
    flagger = source(imap_server, folder, after_reading=AfterReading.FLAG)
    flagger.fetch(flagger.fetch({}).cursor)
    assert b"\\Flagged" in flags(imap_server, folder)[0]


def test_starttls_works_and_failures_are_plain_words(imap_server: ImapServer, folder: str) -> None:
    deliver(imap_server, folder, message("anna@example.dk", "Cancel #1001", "Please"))
    starttls = source(
        imap_server, folder, port=imap_server.starttls_port, security=Security.STARTTLS
    )
    assert len(starttls.fetch({}).requests) == 1

    config = EmailConfig(
        host=imap_server.host, username="shop", port=imap_server.imaps_port, folder=folder
    )
    wrong = EmailSource(config, lambda: "hunter2", ssl_context=imap_server.ssl_context())
    with pytest.raises(SourceUnavailable) as refused:
        wrong.fetch({})
    assert str(refused.value) == "The mail server 127.0.0.1 refused the user name or password"
    assert "hunter2" not in repr(refused.value.__cause__) + repr(refused.value.__context__)

    untrusted = EmailSource(
        config, lambda: imap_server.password, ssl_context=ssl.create_default_context()
    )
    with pytest.raises(SourceUnavailable, match="certificate"):
        untrusted.fetch({})

    missing = source(imap_server, "No such folder")
    with pytest.raises(SourceUnavailable, match="No such folder was not found"):
        missing.fetch({})


def test_a_danish_folder_name_and_password_work(imap_server: ImapServer) -> None:
    name = f"Fortrudte køb & annulleringer {uuid.uuid4().hex[:6]}"
    conn = imap_server.connect()
    assert conn.create(mailbox_name(name))[0] == "OK"
    conn.logout()
    wire_name = mailbox_name(name).strip('"')
    deliver(imap_server, wire_name, message("anna@example.dk", "Annuller #1001", "Tak"))
    assert [r.order_name for r in source(imap_server, name).fetch({}).requests] == ["#1001"]

    config = EmailConfig(
        host=imap_server.host, username=imap_server.danish_username, port=imap_server.imaps_port
    )
    danish = EmailSource(
        config, lambda: imap_server.danish_password, ssl_context=imap_server.ssl_context()
    )
    assert danish.fetch({}).requests == []  # logged in to an empty inbox


def test_the_first_fetch_reads_only_recent_mail(imap_server: ImapServer, folder: str) -> None:
    now = datetime.now(UTC)
    old = message("anna@example.dk", "Cancel #1001", "Years ago")
    long_ago = imaplib.Time2Internaldate(now - timedelta(days=400))
    deliver(imap_server, folder, old, arrived=long_ago)
    recent = source(imap_server, folder, first_look_back=timedelta(days=30))
    first = recent.fetch({})
    assert first.requests == []
    assert recent.fetch(first.cursor).requests == []  # passed over for good
    deliver(imap_server, folder, old, arrived=long_ago)
    deliver(
        imap_server,
        folder,
        message("bo@example.com", "Cancel #1002", "Today"),
        arrived=imaplib.Time2Internaldate(now),
    )
    again = source(imap_server, folder, first_look_back=timedelta(days=30)).fetch({})
    assert [r.order_name for r in again.requests] == ["#1002"]
    assert again.cursor["last_uid"] == 3


def test_a_large_attachment_does_not_hide_the_messages_around_it(
    imap_server: ImapServer, folder: str
) -> None:
    large = message("bo@example.com", "Cancel #1002", "Photo of the wrong size attached")
    large.add_attachment(
        os.urandom(FETCH_BYTES + 1024), maintype="image", subtype="jpeg", filename="photo.jpg"
    )
    deliver(
        imap_server,
        folder,
        message("anna@example.dk", "Cancel #1001", "Please"),
        large,
        message("anna@example.dk", "Annuller #1001", "Igen"),
    )
    reader = source(imap_server, folder)
    with reader._session() as imap:  # the sizes the batches are cut by, as Dovecot reports them
        reader._select(imap)
        sizes = reader._sizes(imap, [1, 2, 3])
    assert sizes[2] > FETCH_BYTES > sizes[1] + sizes[3]
    result = reader.fetch({})
    assert [r.order_name for r in result.requests] == ["#1001", "#1002", "#1001"]
    assert result.requests[1].text == "Cancel #1002\n\nPhoto of the wrong size attached"
