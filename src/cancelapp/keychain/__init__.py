"""The OS keychain, the only place CancelApp keeps secrets (Qt-free)."""

from cancelapp.keychain.backends import backend_label, usable_backend
from cancelapp.keychain.credentials import (
    AUTH_ACCESS_TOKEN,
    AUTH_CLIENT_CREDENTIALS,
    auth_kind_of,
    load_credentials,
    save_credentials,
)
from cancelapp.keychain.secret_store import (
    KeychainUnavailable,
    SavedSecret,
    SecretKind,
    SecretStore,
)

__all__ = [
    "AUTH_ACCESS_TOKEN",
    "AUTH_CLIENT_CREDENTIALS",
    "KeychainUnavailable",
    "SavedSecret",
    "SecretKind",
    "SecretStore",
    "auth_kind_of",
    "backend_label",
    "load_credentials",
    "save_credentials",
    "usable_backend",
]
