"""`cancelapp --remove-all-data`: what the Windows uninstaller runs when the merchant says yes.

Removes exactly CancelApp's own folders, wherever `AppPaths` puts them (`--data-dir` and
`CANCELAPP_HOME` included), the keychain entries of every store the database names and the key
that seals the audit log; nothing else. The keychain goes first: if it refuses, the data stays,
so the list of stores that names the entries is not lost and the merchant can try again.
Qt-free; runs before Qt or logging start, since a log file open inside the folder would stop
Windows deleting it.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing, nullcontext
from dataclasses import dataclass
from pathlib import Path

from cancelapp.keychain import KeychainUnavailable, SecretStore
from cancelapp.paths import APP_AUTHOR, AppPaths
from cancelapp.store import AnotherInstanceError, InstanceLock
from cancelapp.store.stores import every_store_domain

# Exit codes the uninstaller tells apart (packaging/windows/cancelapp.iss).
EXIT_REMOVED = 0
EXIT_APP_OPEN = 3
EXIT_KEYCHAIN_REFUSED = 4


@dataclass(frozen=True)
class Removal:
    """What `remove_all_data` did; `exit_code` 0 when everything went."""

    exit_code: int
    message: str
    folders: tuple[Path, ...] = ()
    stores: tuple[str, ...] = ()


def remove_all_data(paths: AppPaths, secrets: Callable[[], SecretStore]) -> Removal:
    """Remove the keychain entries of every store and the audit log's key, then the folders in
    `paths`; the `--data-dir` folder they live under goes too once empty (the merchant's own
    files in it stay). `secrets` is called only when there is a database (the audit key is
    made with it; finding the keychain can be slow)."""
    folders = tuple(p for p in dict.fromkeys(_folders(paths)) if p.exists())
    if not folders:
        return Removal(EXIT_REMOVED, "CancelApp has no data on this computer.")
    try:
        # The instance lock, so an open CancelApp is not pulled from under; none without a
        # data folder (taking it would create one).
        lock = InstanceLock(paths.data_dir) if paths.data_dir.exists() else nullcontext()
        with lock:
            domains = tuple(_store_domains(paths.database_path))
            if domains or paths.database_path.exists():
                from cancelapp.oauth.providers import ProviderKey, app_owner
                from cancelapp.session.audit_check import KEY_OWNER  # not at first paint

                store = secrets()
                try:
                    for owner in (*domains, KEY_OWNER, *map(app_owner, ProviderKey)):
                        store.delete_store(owner)
                finally:
                    store.close()
    except AnotherInstanceError as error:
        return Removal(EXIT_APP_OPEN, error.merchant_message)
    except KeychainUnavailable as error:
        return Removal(EXIT_KEYCHAIN_REFUSED, f"{error.merchant_message} Nothing was removed.")
    for folder in folders:
        shutil.rmtree(folder)
    for parent in _emptied_parents(paths, folders):
        parent.rmdir()
    return Removal(
        EXIT_REMOVED,
        f"Removed CancelApp's data ({', '.join(map(str, folders))}) and the keychain entries "
        f"of {len(domains)} store(s).",
        folders,
        domains,
    )


def _folders(paths: AppPaths) -> list[Path]:
    # Nested ones (platformdirs puts Windows' cache and logs inside the data folder) go with
    # their parent.
    every = [paths.data_dir, paths.config_dir, paths.cache_dir, paths.log_dir]
    return [p for p in every if not any(p != other and p.is_relative_to(other) for other in every)]


def _store_domains(database_path: Path) -> list[str]:
    """Read-only, without migrating: a database from a newer CancelApp still names its stores."""
    if not database_path.exists():
        return []
    uri = f"{database_path.as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        try:
            return every_store_domain(conn)
        except sqlite3.DatabaseError:
            return []  # damaged beyond reading, or no stores table yet: no keychain entries known


def _emptied_parents(paths: AppPaths, folders: tuple[Path, ...]) -> list[Path]:
    """The `--data-dir` folder, or platformdirs' publisher folder (`…\\CancelApp\\CancelApp`
    on Windows), when removing ours left them empty."""
    parents = {folder.parent for folder in folders}
    return [
        parent
        for parent in parents
        if (parent.name == APP_AUTHOR or AppPaths.under(parent) == paths)
        and parent.is_dir()
        and not any(parent.iterdir())
    ]
