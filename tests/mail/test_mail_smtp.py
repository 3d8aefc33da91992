"""Sending from the merchant's mailbox against a real SMTP server (aiosmtpd with TLS,
tests/fixtures/smtp.py) and the real Dovecot's Sent folder (tests/fixtures/imap.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from cancelapp.mail.config import SmtpConfig, SmtpSecurity
from cancelapp.mail.message import Thread, build_message, new_message_id, reply_subject
from cancelapp.mail.sent_folder import file_copy, holds_message, sent_folder, thread_of
from cancelapp.mail.smtp import MailNotSent, OutcomeUnknown, submit
from cancelapp.sources.email_config import EmailConfig
from cancelapp.sources.imap_session import ImapSession
from fixtures.imap import ImapServer
from fixtures.smtp import SmtpServer

pytestmark = pytest.mark.imap
NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


def config(server: SmtpServer, security: SmtpSecurity) -> SmtpConfig:
    port = server.tls_port if security is SmtpSecurity.TLS else server.starttls_port
    return SmtpConfig(server.host, server.username, "butik@example.dk", port, security, 10.0)


def reply(message_id: str, thread: Thread | None = None) -> bytes:
    return build_message(
        sender="butik@example.dk",
        recipient="anna@example.dk",
        subject="Angående din ordre #1001",
        body="Kære Anna\n\n.En linje med punktum først.\nVenlig hilsen\nButikken",
        message_id=message_id,
        thread=thread,
        now=NOW,
    )


@pytest.mark.parametrize("security", [SmtpSecurity.STARTTLS, SmtpSecurity.TLS])
def test_a_reply_arrives_in_the_customers_thread_over_either_tls(
    smtp_server: SmtpServer, imap_server: ImapServer, security: SmtpSecurity
) -> None:
    message_id = new_message_id("butik@example.dk")
    thread = Thread("<q1@kunde.dk>", "Annuller ordre #1001", ("<q0@kunde.dk>",))
    submit(
        config(smtp_server, security),
        lambda: smtp_server.password,
        imap_server.ssl_context(),
        reply(message_id, thread),
        ["anna@example.dk"],
    )
    (received,) = smtp_server.received
    mail = received.message
    assert received.recipients == ["anna@example.dk"]
    assert mail["Message-ID"] == message_id and message_id.endswith("@example.dk>")
    assert mail["In-Reply-To"] == "<q1@kunde.dk>"
    assert mail["References"] == "<q0@kunde.dk> <q1@kunde.dk>"
    assert mail["Subject"] == "Re: Annuller ordre #1001"
    assert mail.get_content_type() == "text/plain"
    body = mail.get_content().replace("\r\n", "\n")
    assert body == "Kære Anna\n\n.En linje med punktum først.\nVenlig hilsen\nButikken\n"


def test_reply_subject_is_marked_once() -> None:
    assert reply_subject("SV: Annuller") == "SV: Annuller"
    assert reply_subject("re: x") == "re: x"
    assert reply_subject("Annuller") == "Re: Annuller"


def test_a_wrong_password_sends_nothing_and_says_so(
    smtp_server: SmtpServer, imap_server: ImapServer
) -> None:
    with pytest.raises(MailNotSent) as refused:
        submit(
            config(smtp_server, SmtpSecurity.STARTTLS),
            lambda: "wrong",
            imap_server.ssl_context(),
            reply(new_message_id("butik@example.dk")),
            ["anna@example.dk"],
        )
    assert "refused the user name or password" in str(refused.value)
    assert "wrong" not in str(refused.value)
    assert smtp_server.received == []


def test_an_untrusted_certificate_sends_nothing(smtp_server: SmtpServer) -> None:
    import ssl

    with pytest.raises(MailNotSent) as refused:
        submit(
            config(smtp_server, SmtpSecurity.TLS),
            lambda: smtp_server.password,
            ssl.create_default_context(),  # the test certificate is not trusted by the system
            reply(new_message_id("butik@example.dk")),
            ["anna@example.dk"],
        )
    assert "certificate" in str(refused.value)
    assert smtp_server.received == []


def test_a_connection_lost_after_data_leaves_the_outcome_unknown(
    smtp_server: SmtpServer, imap_server: ImapServer
) -> None:
    smtp_server.recorder.drop_after_data = True
    with pytest.raises(OutcomeUnknown):
        submit(
            config(smtp_server, SmtpSecurity.STARTTLS),
            lambda: smtp_server.password,
            imap_server.ssl_context(),
            reply(new_message_id("butik@example.dk")),
            ["anna@example.dk"],
        )
    assert len(smtp_server.received) == 1  # the server had it: sending again would double it


def test_the_copy_is_filed_in_the_folder_marked_sent_and_found_by_its_id(
    imap_server: ImapServer,
) -> None:
    imap_config = EmailConfig(imap_server.host, imap_server.username, imap_server.imaps_port)
    message_id = f"<{uuid.uuid4().hex}@example.dk>"
    question = (
        f"From: anna@example.dk\r\nSubject: Annuller #1001\r\nMessage-ID: <{message_id[1:-1]}-q>"
        "\r\nReferences: <a@b> <c@d>\r\n\r\nAnnuller venligst.\r\n"
    ).encode()
    with ImapSession(imap_config, lambda: imap_server.password, imap_server.ssl_context()) as imap:
        imap.append("INBOX", None, None, question)
        folder = sent_folder(imap)
        assert folder == "Sent"
        assert not holds_message(imap, folder, message_id)
        assert file_copy(imap, folder, reply(message_id), NOW)
        assert holds_message(imap, folder, message_id)
        thread = thread_of(imap, "INBOX", f"<{message_id[1:-1]}-q>")
    assert thread == Thread(f"<{message_id[1:-1]}-q>", "Annuller #1001", ("<a@b>", "<c@d>"))
