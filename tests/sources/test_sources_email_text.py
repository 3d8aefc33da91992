"""Reading raw emails: plain text preferred, HTML converted, attachments and quotes ignored."""

import re
from email.message import EmailMessage

from cancelapp.sources.email_text import parse_email, trim_reply
from cancelapp.sources.html_text import html_to_text
from cancelapp.sources.incoming import MAX_STORED_TEXT, stored_text


def mail(
    body: str | None = None,
    *,
    html: str | None = None,
    subject: str = "Hej",
    sender: str = "Anna Jensen <Anna@Example.dk>",
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "shop@example.dk"
    message["Subject"] = subject
    message["Message-ID"] = "<abc@example.dk>"
    message["Date"] = "Tue, 24 Nov 2026 09:15:00 +0100"
    if body is not None:
        message.set_content(body)
        if html is not None:
            message.add_alternative(html, subtype="html")
    elif html is not None:
        message.set_content(html, subtype="html")
    return message


def test_plain_text_is_preferred_and_the_sender_is_read() -> None:
    parsed = parse_email(bytes(mail("Annuller ordre 1001", html="<p>HTML version</p>")))
    assert parsed.body == "Annuller ordre 1001"
    assert parsed.sender_email == "anna@example.dk"
    assert parsed.sender_name == "Anna Jensen"
    assert parsed.message_id == "<abc@example.dk>"
    assert parsed.sent_at is not None and parsed.sent_at.utcoffset() is not None
    assert parsed.text == "Hej\n\nAnnuller ordre 1001"


def test_html_only_mail_becomes_plain_text_without_markup_or_scripts() -> None:
    html = (
        "<html><head><style>p{color:red}</style><title>t</title></head><body>"
        "<p>Please&nbsp;cancel <b>order</b> #1001</p><script>alert('x')</script>"
        "<div>Thanks<br>Anna &amp; Bo</div>"
        '<div class="gmail_quote">On Mon wrote: order #9999</div></body></html>'
    )
    parsed = parse_email(bytes(mail(html=html)))
    assert parsed.body == "Please cancel order #1001\n\nThanks\nAnna & Bo"
    assert "alert" not in parsed.body and "#9999" not in parsed.body


def test_attachments_are_never_read() -> None:
    message = mail("Please cancel")
    message.add_attachment(
        b"order #7777 cancel", maintype="text", subtype="plain", filename="invoice.txt"
    )
    message.add_attachment(
        b"%PDF-1.4 binary", maintype="application", subtype="pdf", filename="receipt.pdf"
    )
    parsed = parse_email(bytes(message))
    assert parsed.body == "Please cancel"


def test_cp1252_and_unknown_charsets_do_not_lose_the_message() -> None:
    raw = (
        b"From: a@b.dk\r\nSubject: =?iso-8859-1?q?Fortryd_k=F8b?=\r\n"
        b"Content-Type: text/plain; charset=windows-1252\r\n\r\nJeg fortryder k\xf8bet\r\n"
    )
    parsed = parse_email(raw)
    assert parsed.subject == "Fortryd køb"
    assert parsed.body == "Jeg fortryder købet"
    odd = b"From: a@b.dk\r\nContent-Type: text/plain; charset=x-nonsense\r\n\r\nCancel #1001\r\n"
    assert parse_email(odd).body == "Cancel #1001"


def test_quoted_replies_and_signatures_are_trimmed() -> None:
    english = (
        "Please cancel #1001.\n\n-- \nAnna Jensen\nPhone 12345678\n\n"
        "On Tue, 24 Nov 2026 at 10:00, Shop <shop@example.dk> wrote:\n> Order #1002 confirmed"
    )
    assert trim_reply(english) == "Please cancel #1001."
    danish = (
        "Annuller venligst.\n\nSendt fra min iPhone\n\n"
        "Den tir. 24. nov. 2026 kl. 10.00 skrev Butik <shop@example.dk>:\n> Ordre #1002"
    )
    assert trim_reply(danish) == "Annuller venligst."
    outlook = "Cancel it\n\nFrom: Shop <shop@example.dk>\nSent: Tuesday\nSubject: Order #1002"
    assert trim_reply(outlook) == "Cancel it"
    wrapped = "Cancel #1001\nOn Tue, 24 Nov 2026 at 10:00, Shop <\nshop@example.dk> wrote:\n> x"
    assert trim_reply(wrapped) == "Cancel #1001"
    inline = "> earlier text\nCancel please\n>> older"
    assert trim_reply(inline) == "Cancel please"


def test_auto_replies_are_recognised() -> None:
    message = mail("I am away; cancel meetings")
    message["Auto-Submitted"] = "auto-replied"
    assert parse_email(bytes(message)).automatic
    assert not parse_email(bytes(mail("cancel"))).automatic


def test_html_to_text_keeps_table_cells_apart() -> None:
    assert html_to_text("<table><tr><td>Ordre</td><td>#1001</td></tr></table>") == "Ordre #1001"


def test_a_charset_with_a_nul_byte_does_not_stop_the_mailbox() -> None:
    raw = b'From: a@b.dk\r\nContent-Type: text/plain; charset="utf-8\x00"\r\n\r\nCancel #1001\r\n'
    assert parse_email(raw).body == "Cancel #1001"


def test_multiparts_nested_beyond_the_parser_still_give_the_headers() -> None:
    depth = 2000
    opening = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (i, i)
        for i in range(depth)
    )
    closing = b"".join(b"--b%d--\r\n" % i for i in reversed(range(depth)))
    raw = b"From: a@b.dk\r\nSubject: Cancel #1001\r\n" + opening + b"\r\nx\r\n" + closing
    parsed = parse_email(raw)
    assert parsed.subject == "Cancel #1001"
    assert parsed.sender_email == "a@b.dk"


def test_a_single_part_message_is_its_own_body_whatever_its_disposition() -> None:
    raw = (
        b"From: a@b.dk\r\nContent-Type: text/plain; name=besked.txt\r\n"
        b"Content-Disposition: attachment; filename=besked.txt\r\n\r\nAnnuller ordre 1001\r\n"
    )
    assert parse_email(raw).body == "Annuller ordre 1001"


def test_a_garbled_sender_header_loses_the_sender_not_the_message() -> None:
    """The stdlib's address parser raises AttributeError or TypeError on some From lines."""
    for sender in (b"From: \r\n .*0*,(\\1'',filename", b"From: .:*?=*name \\:name*1/<f''(>u>"):
        parsed = parse_email(sender + b"\r\nSubject: Annuller\r\n\r\nAnnuller ordre #1001\r\n")
        assert parsed.sender_email is None
        assert parsed.body == "Annuller ordre #1001"


def test_stored_text_is_capped_keeping_its_start() -> None:
    assert stored_text("Please cancel #1001") == "Please cancel #1001"
    exact = "x" * MAX_STORED_TEXT
    assert stored_text(exact) == exact
    long = "Annuller #1001 " + "y" * MAX_STORED_TEXT
    capped = stored_text(long)
    assert len(capped) <= MAX_STORED_TEXT
    assert capped.startswith("Annuller #1001 yyy")
    assert re.search(r"y\n\n\[… \d+ B\]$", capped)  # names what was left out
