"""Linux's keychain (the Secret Service: gnome-keyring, KWallet) over one D-Bus connection.

keyring's own SecretService backend opens a new D-Bus connection, with its authentication and
key exchange, for every call. That is slow, and gnome-keyring-daemon 42 can abort when clients
come and go that fast (`gkd_secret_service_get_pkcs11_session: assertion 'client' failed`).
Here one connection and one Secret Service session serve every call of a `SecretStore`, one
call at a time (a jeepney blocking connection is not thread-safe), are opened again once when
they were dropped (the daemon or the bus restarted), and are closed with the store.

Items are laid out as keyring lays them out (its attributes, `application`, label and
collection), so what either saved, the other finds.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

import secretstorage
from jeepney import DBusErrorResponse
from jeepney.io.blocking import DBusConnection
from keyring.backends import SecretService
from keyring.errors import KeyringLocked, PasswordDeleteError
from secretstorage.exceptions import SecretServiceNotAvailableException
from secretstorage.util import open_session

_NO_SESSION = "org.freedesktop.Secret.Error.NoSession"  # a daemon that restarted


class SecretServiceKeychain:
    """keyring's `get_password`, `set_password` and `delete_password` over a kept connection.

    `layout` is keyring's backend: its scheme (attribute names), `appid` and
    `preferred_collection` (from keyring's configuration) say where items go.
    """

    def __init__(self, layout: SecretService.Keyring) -> None:
        self._layout = layout
        self._line = _Line(getattr(layout, "preferred_collection", None))
        self._lock = threading.Lock()
        # A store dropped without close() (a script, a test) still hangs up, without a warning.
        weakref.finalize(self, self._line.close)

    def get_password(self, service: str, username: str) -> str | None:
        def read(collection: secretstorage.Collection) -> str | None:
            for item in collection.search_items(self._attributes(service, username)):
                if item.is_locked():
                    item.unlock()
                    if item.is_locked():  # the merchant dismissed the prompt
                        raise KeyringLocked("Failed to unlock the item!")
                return item.get_secret().decode("utf-8")
            return None

        return self._call(read)

    def set_password(self, service: str, username: str, password: str) -> None:
        attributes = self._attributes(service, username)
        attributes["application"] = self._layout.appid
        label = f"Password for '{username}' on '{service}'"  # keyring's label
        self._call(
            lambda collection: collection.create_item(
                label, attributes, password.encode("utf-8"), replace=True
            )
        )

    def delete_password(self, service: str, username: str) -> None:
        """Deletes the first match, as keyring does; `PasswordDeleteError` when there is none."""

        def delete(collection: secretstorage.Collection) -> bool:
            for item in collection.search_items(self._attributes(service, username)):
                item.delete()
                return True
            return False

        if not self._call(delete):
            raise PasswordDeleteError("No such password!")

    def close(self) -> None:
        """Hang up; a later call opens a new connection."""
        with self._lock:
            self._line.close()

    def _attributes(self, service: str, username: str) -> dict[str, str]:
        names = self._layout.schemes[self._layout.scheme]
        return {names["username"]: username, names["service"]: service}

    def _call[T](self, operation: Callable[[secretstorage.Collection], T]) -> T:
        """`operation` on the kept connection; when that was dropped since an earlier call,
        once more on a new one (every operation here may safely run twice)."""
        with self._lock:
            while True:
                reused = self._line.is_open
                try:
                    return operation(self._line.collection())
                except Exception as error:
                    if not _dropped(error):
                        raise  # the keychain's answer (locked, refused): the line is fine
                    self._line.close()
                    if not reused:
                        raise


def _dropped(error: Exception) -> bool:
    """The bus hung up, or the daemon went away with our session (it restarted)."""
    if isinstance(error, OSError | SecretServiceNotAvailableException):
        return True
    return isinstance(error, DBusErrorResponse) and error.name == _NO_SESSION


class _Line:
    """The connection, its Secret Service session and the collection, opened on first use."""

    def __init__(self, preferred_collection: str | None) -> None:
        self._preferred = preferred_collection
        self._connection: DBusConnection | None = None
        self._collection: secretstorage.Collection | None = None

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    def collection(self) -> secretstorage.Collection:
        """The collection, unlocked (a prompt, which may wait for the merchant, if locked)."""
        if self._collection is None:
            connection = secretstorage.dbus_init()
            try:
                session = open_session(connection)  # one key exchange for every secret read
                self._collection = (
                    secretstorage.Collection(connection, self._preferred, session)
                    if self._preferred
                    else secretstorage.get_default_collection(connection, session)
                )
            except BaseException:
                connection.close()
                raise
            self._connection = connection
        collection = self._collection
        if collection.is_locked():
            collection.unlock()
            if collection.is_locked():  # the merchant dismissed the prompt
                raise KeyringLocked("Failed to unlock the collection!")
        return collection

    def close(self) -> None:
        connection, self._connection, self._collection = self._connection, None, None
        if connection is not None:
            connection.close()
