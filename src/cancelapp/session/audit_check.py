"""Is the audit log as CancelApp wrote it? Sealing new entries and checking the chain.

Runs on start (on the database-write lane), in `--self-check` and before every export. The key
is the keychain's (`SecretKind.AUDIT_KEY`, made on first use); with no keychain it lives for
this session only and the merchant is told. The chain's head is also remembered in a small
file beside the database: a file whose chain is whole but stops short of it is an older copy.
If CancelApp itself restored a backup since (a "restore" entry, `cancelapp.store.backups`),
that is said as a restore; otherwise entries were removed outside CancelApp.
"""

from __future__ import annotations

import json
import logging
import secrets as random
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.keychain import KeychainUnavailable, SecretKind, SecretStore
from cancelapp.store import audit_chain
from cancelapp.store.audit_chain import ChainHead
from cancelapp.store.database import Database

log = logging.getLogger(__name__)

KEY_OWNER = "this-computer"  # the key seals the whole file, not one store
HEAD_FILE_NAME = "audit-chain-head.json"
_CONTEXT = "AuditCheck"


class ChainVerdict(StrEnum):
    INTACT = "intact"
    RESTORED = "restored"  # an older copy, put back by CancelApp's own restore
    TAMPERED = "tampered"
    UNCHECKED = "unchecked"  # no key to check with (the keychain is locked)


@dataclass(frozen=True)
class ChainReport:
    verdict: ChainVerdict
    head: ChainHead | None
    sealed_now: int = 0
    notices: tuple[Phrase, ...] = ()  # for the banner, most serious first
    # After a restore: the actions carried out after the backup, which the restored data
    # does not know (money may have moved). Always on screen, never only in a status line.
    forgotten: Phrase | None = None

    @property
    def tampered(self) -> bool:
        return self.verdict is ChainVerdict.TAMPERED


def head_file(database: Database) -> Path:
    return database.path.with_name(HEAD_FILE_NAME)


def audit_key(secrets: SecretStore) -> tuple[bytes, Phrase | None]:
    """The sealing key, made and saved on first use. Raises `KeychainUnavailable` if locked."""
    saved = secrets.load(KEY_OWNER, SecretKind.AUDIT_KEY)
    if saved is not None:
        return bytes.fromhex(saved), secrets.no_keychain_notice(SecretKind.AUDIT_KEY)
    key = random.token_hex(32)
    stored = secrets.save(KEY_OWNER, SecretKind.AUDIT_KEY, key)
    return bytes.fromhex(key), stored.notice


def check_audit_chain(
    database: Database, secrets: SecretStore, *, seal: bool = True
) -> ChainReport:
    """Seal what is unsealed, then judge the whole chain. Writes: run it on the write lane.
    `seal=False` (`--self-check`) only reads: a smoke run changes nothing."""
    try:
        key, key_notice = audit_key(secrets)
    except KeychainUnavailable as locked:
        return ChainReport(ChainVerdict.UNCHECKED, None, notices=(locked.phrase,))
    notices = [key_notice] if key_notice is not None else []
    remembered = _read_head(head_file(database))
    with database.transaction() as conn:
        state = audit_chain.verify(conn, key)
        stray = audit_chain.unsealed_before_head(conn)
        if state.broken is not None or stray:
            at = state.broken.at if state.broken is not None else None
            report = ChainReport(
                ChainVerdict.TAMPERED, state.head, notices=(_changed(at), *notices)
            )
            log.error("audit chain broken at entry %s", state.broken or f"{stray} unsealed")
            return report
        sealed = audit_chain.seal(conn, key) if seal else 0
        head = audit_chain.last_head(conn)
        verdict = ChainVerdict.INTACT
        forgotten = None
        if remembered is not None and not audit_chain.holds(conn, remembered):
            if audit_chain.restores_since(conn, remembered.at):
                verdict = ChainVerdict.RESTORED
                notices.insert(0, _restored(remembered.at))
                forgotten = _forgotten(audit_chain.restores_recorded_since(conn, remembered.at))
            else:
                log.error("audit chain stops short of the remembered head %s", remembered)
                return ChainReport(
                    ChainVerdict.TAMPERED, head, notices=(_shortened(remembered.at), *notices)
                )
    if state.foreign:
        notices.append(_foreign(state.foreign))
    if head is not None and seal:
        _write_head(head_file(database), head)
    return ChainReport(verdict, head, sealed, tuple(notices), forgotten)


def _forgotten(restores: list[dict[str, Any]]) -> Phrase | None:
    """Which actions the latest restore left out, as the damaged file told it."""
    if not restores:
        return None
    detail = restores[-1]
    if "actions_after_backup" not in detail:  # recorded before CancelApp looked
        return None
    actions = detail["actions_after_backup"]
    taken = datetime.fromisoformat(str(detail.get("backup_taken_at")))
    if actions is None:
        return Phrase(
            _CONTEXT,
            QT_TRANSLATE_NOOP(
                "AuditCheck",
                "The restored data is from the backup of {time}, and the damaged file cannot "
                "say what CancelApp did after it. Check in Shopify the orders you cancelled, "
                "refunded or declined since then before deciding their requests again.",
            ),
            {"time": taken},
        )
    if not actions:
        return None
    orders = ", ".join(dict.fromkeys(str(a.get("order", "")) for a in actions))
    return Phrase(
        _CONTEXT,
        QT_TRANSLATE_NOOP(
            "AuditCheck",
            "The restored data is from the backup of {time}. It does not know what "
            "CancelApp did after that on orders {orders}: cancels, refunds or declines may "
            "have been carried out. Check these orders in Shopify before deciding their "
            "requests again.",
        ),
        {"time": taken, "orders": orders},
    )


def _changed(at: datetime | None) -> Phrase:
    if at is None:
        return Phrase(
            _CONTEXT,
            QT_TRANSLATE_NOOP(
                "AuditCheck",
                "The audit log was changed outside CancelApp: entries were added to it by "
                "hand. It cannot settle a dispute as it is; keep this file and your backups.",
            ),
        )
    return Phrase(
        _CONTEXT,
        QT_TRANSLATE_NOOP(
            "AuditCheck",
            "The audit log was changed outside CancelApp: the entry of {time} is not as "
            "CancelApp wrote it. From that entry on it cannot settle a dispute; keep this file "
            "and your backups.",
        ),
        {"time": at},
    )


def _shortened(at: datetime) -> Phrase:
    return Phrase(
        _CONTEXT,
        QT_TRANSLATE_NOOP(
            "AuditCheck",
            "The audit log is shorter than when CancelApp last saw it: entries after {time} "
            "were removed, or the data file was replaced by an older copy outside CancelApp.",
        ),
        {"time": at},
    )


def _restored(at: datetime) -> Phrase:
    return Phrase(
        _CONTEXT,
        QT_TRANSLATE_NOOP(
            "AuditCheck",
            "CancelApp's data was restored from a backup, as the audit log records. Entries "
            "written after the backup (the latest seen {time}) are in the damaged file kept "
            "beside it, not in the log.",
        ),
        {"time": at},
    )


def _foreign(count: int) -> Phrase:
    return Phrase(
        _CONTEXT,
        QT_TRANSLATE_NOOP(
            "AuditCheck",
            "{count} older audit log entries were sealed with a key this computer's keychain "
            "does not hold (a session without a keychain); they cannot be checked.",
        ),
        {"count": count},
    )


def _read_head(path: Path) -> ChainHead | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ChainHead(
            int(data["entry_id"]), str(data["mac"]), datetime.fromisoformat(data["at"])
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("the remembered audit chain head in %s is unreadable; starting afresh", path)
        return None


def _write_head(path: Path, head: ChainHead) -> None:
    data = {"entry_id": head.entry_id, "mac": head.mac, "at": head.at.isoformat()}
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(json.dumps(data), encoding="utf-8")
        partial.replace(path)
    except OSError as error:
        log.warning("could not remember the audit chain head: %s", error)
