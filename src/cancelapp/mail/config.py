"""How to submit mail: plain settings, without smtplib or ssl (the settings file holds them)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

CONTEXT = "Mail"  # translation context of every phrase in this package

# Providers that file submitted mail in Sent by themselves: CancelApp does not add a copy.
_FILES_SENT_ITSELF = ("smtp.gmail.com", "smtp.googlemail.com")


class SmtpSecurity(StrEnum):
    STARTTLS = "starttls"  # submission, usually port 587: plain connection upgraded first
    TLS = "tls"  # implicit TLS, usually port 465


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    username: str  # the same account as the IMAP inbox
    sender: str  # the From address
    port: int = 587
    security: SmtpSecurity = SmtpSecurity.STARTTLS
    timeout: float = 30.0

    @property
    def files_sent_itself(self) -> bool:
        return self.host.lower() in _FILES_SENT_ITSELF
