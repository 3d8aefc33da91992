"""Which keyring backends count as a keychain.

keyring falls back to backends that store nothing (`fail`, `null`) or that write secrets to a
file in plain text or with a guessable key (everything in `keyrings.alt`). CancelApp treats all
of those as "no keychain" and keeps secrets in memory instead.
"""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

_REFUSED_MODULE_PREFIXES = ("keyrings.alt",)


def is_usable(backend: KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring | null.Keyring | chainer.ChainerBackend):
        return False
    module = type(backend).__module__
    return not module.startswith(_REFUSED_MODULE_PREFIXES)


def usable_backend(backend: KeyringBackend | None = None) -> KeyringBackend | None:
    """The keychain to use: `backend` (default: keyring's choice) if it is a real one.

    A chainer is resolved to the first real keychain it chains, by priority, so CancelApp
    always knows the single backend that holds its secrets.
    """
    chosen = keyring.get_keyring() if backend is None else backend
    if isinstance(chosen, chainer.ChainerBackend):
        return next((b for b in chosen.backends if is_usable(b)), None)
    return chosen if is_usable(chosen) else None


def backend_label(backend: KeyringBackend | None) -> str:
    """For logs and the about box: `keyring.backends.SecretService.Keyring`, or `none`."""
    if backend is None:
        return "none"
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"
