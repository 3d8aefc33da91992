"""Replies leave from the merchant's own mailbox: SMTP submission, a copy in the Sent folder
over IMAP, threads kept (In-Reply-To, References). Qt-free; the session layer runs it."""
