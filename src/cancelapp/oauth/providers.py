"""The mail providers CancelApp can sign in to, with their documented endpoints and scopes.

A sign-in app ("client") is registered by whoever ships CancelApp: a release fills
`BUILT_IN_CLIENT_IDS`, and a merchant or a fork can set their own client ID in Settings, which
wins. Both are public clients (PKCE, no secret), except that Google's "Desktop app" clients get
a client secret that Google's token endpoint requires even with PKCE; Google documents that for
installed apps it "is obviously not treated as a secret". CancelApp still keeps it in the
keychain, with the tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class ProviderKey(StrEnum):
    GOOGLE = "google"
    MICROSOFT = "microsoft"


@dataclass(frozen=True)
class Provider:
    key: ProviderKey
    name: str  # a brand, the same in every language
    authorize_url: str
    token_url: str
    revoke_url: str | None  # RFC 7009; Microsoft has none for a public client's tokens
    scopes: tuple[str, ...]
    extra_authorize: tuple[tuple[str, str], ...]
    imap_host: str
    needs_client_secret: bool
    manage_access_url: str  # where the merchant removes CancelApp's access by hand


# openid + email: the token endpoint's id_token then names the signed-in address.
GOOGLE = Provider(
    key=ProviderKey.GOOGLE,
    name="Google",
    authorize_url="https://accounts.google.com/o/oauth2/v2/auth",
    token_url="https://oauth2.googleapis.com/token",  # noqa: S106 (an address)
    revoke_url="https://oauth2.googleapis.com/revoke",
    scopes=("https://mail.google.com/", "openid", "email"),
    # offline: a refresh token; consent: one again on every sign-in, not only the first.
    extra_authorize=(("access_type", "offline"), ("prompt", "consent")),
    imap_host="imap.gmail.com",
    needs_client_secret=True,
    manage_access_url="https://myaccount.google.com/connections",
)
MICROSOFT = Provider(
    key=ProviderKey.MICROSOFT,
    name="Microsoft 365",
    authorize_url="https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
    token_url="https://login.microsoftonline.com/common/oauth2/v2.0/token",  # noqa: S106
    revoke_url=None,
    scopes=(
        "https://outlook.office.com/IMAP.AccessAsUser.All",
        "https://outlook.office.com/SMTP.Send",
        "offline_access",
        "openid",
        "email",
    ),
    extra_authorize=(("prompt", "select_account"),),
    imap_host="outlook.office365.com",
    needs_client_secret=False,
    manage_access_url="https://myapps.microsoft.com",
)
PROVIDERS: MappingProxyType[ProviderKey, Provider] = MappingProxyType(
    {GOOGLE.key: GOOGLE, MICROSOFT.key: MICROSOFT}
)
# Filled by a release build with the apps it registered; empty here: a merchant or fork sets
# their own in Settings › Incoming requests › Sign-in apps.
BUILT_IN_CLIENT_IDS: MappingProxyType[ProviderKey, str] = MappingProxyType(
    {ProviderKey.GOOGLE: "", ProviderKey.MICROSOFT: ""}
)


@dataclass(frozen=True)
class Client:
    """A registered sign-in app: its ID, and for Google its (not secret) client secret."""

    client_id: str
    client_secret: str | None = None


def app_owner(key: ProviderKey) -> str:
    """The keychain owner of a sign-in app's client secret (not a store's domain)."""
    return f"sign-in-app/{key.value}"
