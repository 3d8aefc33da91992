"""The audit log exported for a dispute: every entry sealed first, the chain's head printed."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from cancelapp.keychain import SecretStore
from cancelapp.session.audit_check import check_audit_chain
from cancelapp.session.audit_csv import CsvStyle, export_csv
from cancelapp.store.database import Database


def export_audit(
    database: Database,
    secrets: SecretStore,
    store_id: int,
    path: Path,
    style: CsvStyle,
    words: Mapping[str, str],
) -> int:
    """The store's whole audit log as CSV at `path`, each code also in `words`; the entries
    written. Seals new entries first (a write: run it on the database-write lane)."""
    report = check_audit_chain(database, secrets)
    with path.open("w", encoding="utf-8", newline="") as out:
        return export_csv(database, out, store_id, head=report.head, style=style, words=words)
