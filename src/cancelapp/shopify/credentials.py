"""The two ways a merchant lets CancelApp into their store in 2026.

Secrets are kept out of `repr` so they cannot leak through logs or tracebacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AccessToken:
    """An Admin API access token pasted from an existing custom app (`shpat_…`)."""

    token: str = field(repr=False)

    def __post_init__(self) -> None:
        if not self.token.strip():
            raise ValueError("empty access token")


@dataclass(frozen=True)
class ClientCredentials:
    """A Dev Dashboard app's client ID and secret, exchanged for a token that expires."""

    client_id: str
    client_secret: str = field(repr=False)

    def __post_init__(self) -> None:
        if not self.client_id.strip() or not self.client_secret.strip():
            raise ValueError("empty client ID or secret")


Credentials = AccessToken | ClientCredentials
