"""Where and how to read a mailbox: plain settings, without imaplib or ssl, so the settings
file can hold them without loading the mail machinery at start-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum


class Security(StrEnum):
    TLS = "tls"  # implicit TLS, usually port 993
    STARTTLS = "starttls"  # plain connection upgraded before login, usually port 143


class AfterReading(StrEnum):
    NOTHING = "nothing"
    FLAG = "flag"  # mark requests \\Flagged
    MOVE = "move"  # move requests to `move_to`


@dataclass(frozen=True)
class EmailConfig:
    host: str
    username: str
    port: int = 993
    security: Security = Security.TLS
    folder: str = "INBOX"
    after_reading: AfterReading = AfterReading.NOTHING
    move_to: str | None = None
    timeout: float = 30.0
    # The first fetch reads mail that arrived this far back (None: the whole folder), so years
    # of an old inbox neither download nor turn into requests for long-closed orders.
    first_look_back: timedelta | None = timedelta(days=30)
