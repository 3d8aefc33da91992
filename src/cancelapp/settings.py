"""The merchant's preferences, kept as JSON in the config folder (Qt-free).

Never a secret in here: the IMAP password, tokens and client secrets live in the keychain
(`cancelapp.keychain`). A damaged or hand-edited file never stops the app: unreadable values
fall back to their defaults, and an unreadable file is moved aside (not deleted) with a notice.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.withdrawal import WithdrawalTerms
from cancelapp.mail.config import SmtpConfig, SmtpSecurity
from cancelapp.oauth.providers import ProviderKey
from cancelapp.sources.email_config import EmailConfig, Security

log = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "settings.json"
FORMAT_VERSION = 1
SYNC_INTERVAL_MINUTES = range(1, 24 * 60 + 1)
UNDO_WINDOW_SECONDS = range(0, 121)
E = TypeVar("E", bound=StrEnum)
_CONTEXT = "Settings"  # spelled out in each QT_TRANSLATE_NOOP: lupdate reads only literals


class Language(StrEnum):
    SYSTEM = "system"
    ENGLISH = "en"
    DANISH = "da"


# The merchant's own reply texts: language ("da", "en") -> template kind (`ReplyKind` value,
# in `cancelapp.actions.reply`) -> (subject, body). Only the edited ones; the rest are standard.
type ReplyTexts = Mapping[str, Mapping[str, tuple[str, str]]]


@dataclass(frozen=True)
class EmailIntake:
    """Where cancellation emails arrive. The password is in the keychain, never here."""

    enabled: bool = False
    host: str = ""
    port: int = 993
    security: Security = Security.TLS
    username: str = ""  # with a sign-in: the address signed in to
    folder: str = "INBOX"
    sign_in: ProviderKey | None = None  # None: an app password, in the keychain
    # Sending replies from the same account (same sign-in): SMTP submission.
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: SmtpSecurity = SmtpSecurity.STARTTLS
    sender: str = ""  # the From address; the user name when empty

    def config(self) -> EmailConfig | None:
        """What the email source needs, or None while switched off or incomplete."""
        if not self.enabled:
            return None
        return self.mailbox()

    def mailbox(self) -> EmailConfig | None:
        """The IMAP side of the account, whether or not requests are read from it."""
        if not (self.host and self.username):
            return None
        return EmailConfig(
            host=self.host,
            username=self.username,
            port=self.port,
            security=self.security,
            folder=self.folder or "INBOX",
        )

    def sending(self) -> SmtpConfig | None:
        """What sending replies needs, or None while no outgoing server is set."""
        if not (self.smtp_host and self.username and self.host):
            return None
        sender = self.sender or self.username
        return SmtpConfig(self.smtp_host, self.username, sender, self.smtp_port, self.smtp_security)


@dataclass(frozen=True)
class StoreIntake:
    """Which channels bring one store's cancellation requests in."""

    native: bool = True  # requests customers send through Shopify itself
    tag: bool = True  # orders another app or a person tagged
    tag_name: str = "cancel-request"
    csv: bool = False  # exports of a contact or Google form, imported by hand
    email: EmailIntake = field(default_factory=EmailIntake)


@dataclass(frozen=True)
class Settings:
    sync_interval_minutes: int = 5
    staff_name: str = ""
    undo_window_seconds: int = 10
    hold_on_arrival: bool = False
    language: Language = Language.SYSTEM
    tray_notifications: bool = True
    # Look for a newer CancelApp once a day (cancelapp.updates); None: not asked yet.
    check_for_updates: bool | None = None
    reply_templates: ReplyTexts = field(default_factory=dict)
    intake: Mapping[str, StoreIntake] = field(default_factory=dict)  # by store domain
    # Each store's answers for the EU right of withdrawal, by store domain.
    withdrawal: Mapping[str, WithdrawalTerms] = field(default_factory=dict)
    # The one place for sign-in apps' client IDs (a merchant's or a fork's own); where none
    # is set, `oauth.providers.BUILT_IN_CLIENT_IDS`. Google's client secret is in the keychain.
    sign_in_apps: Mapping[ProviderKey, str] = field(default_factory=dict)
    # The folder last used per kind of file ("csv_import", "record", ...): where its file
    # dialog opens next time (`ui/file_folders.py`).
    folders: Mapping[str, str] = field(default_factory=dict)

    def withdrawal_for(self, store_domain: str) -> WithdrawalTerms:
        return self.withdrawal.get(store_domain) or WithdrawalTerms()

    def intake_for(self, store_domain: str) -> StoreIntake:
        return self.intake.get(store_domain, StoreIntake())

    def with_intake(self, store_domain: str, intake: StoreIntake) -> Settings:
        return replace(self, intake={**self.intake, store_domain: intake})

    def without_store(self, store_domain: str) -> Settings:
        return replace(
            self,
            intake={k: v for k, v in self.intake.items() if k != store_domain},
            withdrawal={k: v for k, v in self.withdrawal.items() if k != store_domain},
        )


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    notice: Phrase | None = None  # for the merchant, when the file had to be set aside


class SettingsNotSaved(Exception):
    def __init__(self, phrase: Phrase) -> None:
        self.phrase = phrase
        super().__init__(phrase.render_plain())


def settings_path(config_dir: Path) -> Path:
    return config_dir / SETTINGS_FILE_NAME


def load_settings(path: Path) -> LoadedSettings:
    """The saved settings, defaults where missing; never raises for a bad file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except OSError as exc:
        log.warning("settings unreadable: %s", exc)
        return LoadedSettings(Settings(), Phrase(_CONTEXT, _UNREADABLE, {"path": str(path)}))
    notice = None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Notepad's "ANSI": every byte is some character, so nothing the merchant typed is
        # lost; the next save writes UTF-8.
        log.warning("settings not UTF-8; read as Windows-1252")
        text = raw.decode("cp1252", errors="replace")
        notice = Phrase(_CONTEXT, _NOT_UTF8, {"path": str(path)})
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (ValueError, RecursionError):  # RecursionError: hostile nesting ([[[[...)
        aside = _move_aside(path)
        return LoadedSettings(Settings(), Phrase(_CONTEXT, _DAMAGED, {"path": str(aside)}))
    return LoadedSettings(settings_from_json(data), notice)


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically (a temporary file renamed over the old one), readable by the merchant
    only. Raises `SettingsNotSaved` with a plain message."""
    text = json.dumps(settings_to_json(settings), indent=2, ensure_ascii=False) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.warning("settings not saved: %s", exc)
        raise SettingsNotSaved(Phrase(_CONTEXT, _NOT_SAVED, {"path": str(path)})) from None


def merged_settings(started_from: Settings, wanted: Settings, current: Settings) -> Settings:
    """What changed from `started_from` to `wanted`, applied to `current`: a change made
    meanwhile elsewhere (the update question answered while Settings was open) is kept."""
    changed = {
        f.name: getattr(wanted, f.name)
        for f in fields(Settings)
        if getattr(wanted, f.name) != getattr(started_from, f.name)
    }
    return replace(current, **changed)


class SettingsFile:
    """The settings in use and their file, with one owner: every change goes through
    `change` (on the GUI thread, where the settings in use live), then `write` (on a worker).

    A change is applied at once and numbered; each carries every change asked for before it,
    so a write that comes after a newer one was written is skipped: the file never goes back
    to an older state, whichever worker thread finishes first."""

    def __init__(self, path: Path, settings: Settings) -> None:
        self.path = path
        self.current = settings
        self._lock = threading.Lock()  # writing
        self._changing = threading.Lock()  # a store's removal changes them from a worker
        self._asked = 0
        self._written = 0

    def change(self, started_from: Settings, wanted: Settings) -> tuple[Settings, int]:
        """The settings in use from now on, and the ticket to `write` them with."""
        with self._changing:
            self.current = merged_settings(started_from, wanted, self.current)
            self._asked += 1
            return self.current, self._asked

    def write(self, settings: Settings, ticket: int) -> None:
        """Raises `SettingsNotSaved`."""
        with self._lock:
            if ticket < self._written:
                return
            save_settings(settings, self.path)
            self._written = ticket


_UNREADABLE = QT_TRANSLATE_NOOP(
    "Settings",
    "CancelApp could not read its settings file {path}, so it uses the standard settings for now.",
)
_DAMAGED = QT_TRANSLATE_NOOP(
    "Settings",
    "The settings file was damaged, so CancelApp starts with the standard settings. The old "
    "file was kept as {path}.",
)
_NOT_UTF8 = QT_TRANSLATE_NOOP(
    "Settings",
    "The settings file {path} was not saved as UTF-8 text. CancelApp read it as Windows text; "
    "check your settings, they will be saved as UTF-8 from now on.",
)
_NOT_SAVED = QT_TRANSLATE_NOOP(
    "Settings",
    "CancelApp could not save the settings to {path}. Check that the disk is not full and "
    "that the folder may be written to.",
)


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        path.replace(aside)
    except OSError:
        return path
    return aside


def settings_to_json(settings: Settings) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "sync_interval_minutes": settings.sync_interval_minutes,
        "staff_name": settings.staff_name,
        "undo_window_seconds": settings.undo_window_seconds,
        "hold_on_arrival": settings.hold_on_arrival,
        "language": settings.language.value,
        "tray_notifications": settings.tray_notifications,
        "check_for_updates": settings.check_for_updates,
        "reply_templates": {
            language: {
                kind: {"subject": subject, "body": body}
                for kind, (subject, body) in sorted(texts.items())
            }
            for language, texts in sorted(settings.reply_templates.items())
        },
        "intake": {domain: _intake_to_json(i) for domain, i in sorted(settings.intake.items())},
        "withdrawal": {
            domain: {
                "informed": terms.informed,
                "business_excluded": terms.business_excluded,
                "acknowledge_on_arrival": terms.acknowledge_on_arrival,
            }
            for domain, terms in sorted(settings.withdrawal.items())
        },
        "sign_in_apps": {key.value: cid for key, cid in sorted(settings.sign_in_apps.items())},
        "folders": dict(sorted(settings.folders.items())),
    }


def _intake_to_json(intake: StoreIntake) -> dict[str, Any]:
    email = intake.email
    return {
        "native": intake.native,
        "tag": intake.tag,
        "tag_name": intake.tag_name,
        "csv": intake.csv,
        "email": {
            "enabled": email.enabled,
            "host": email.host,
            "port": email.port,
            "security": email.security.value,
            "username": email.username,
            "folder": email.folder,
            "smtp_host": email.smtp_host,
            "smtp_port": email.smtp_port,
            "smtp_security": email.smtp_security.value,
            "sender": email.sender,
            "sign_in": email.sign_in.value if email.sign_in else None,
        },
    }


def settings_from_json(data: Mapping[str, Any]) -> Settings:
    """Every field checked on its own: a bad value costs that value, not the file."""
    default = Settings()
    templates = _templates(data.get("reply_templates"))
    intake_data = data.get("intake")
    intake = (
        {
            str(domain): _intake_from_json(value)
            for domain, value in intake_data.items()
            if isinstance(value, dict)
        }
        if isinstance(intake_data, dict)
        else {}
    )
    return Settings(
        sync_interval_minutes=_int_in(
            data.get("sync_interval_minutes"),
            SYNC_INTERVAL_MINUTES,
            default.sync_interval_minutes,
        ),
        staff_name=_str(data.get("staff_name"), default.staff_name),
        undo_window_seconds=_int_in(
            data.get("undo_window_seconds"), UNDO_WINDOW_SECONDS, default.undo_window_seconds
        ),
        hold_on_arrival=_bool(data.get("hold_on_arrival"), default.hold_on_arrival),
        language=_enum(Language, data.get("language"), default.language),
        tray_notifications=_bool(data.get("tray_notifications"), default.tray_notifications),
        check_for_updates=_bool_or_none(data.get("check_for_updates")),
        reply_templates=templates,
        intake=intake,
        withdrawal=_withdrawal_from_json(data.get("withdrawal")),
        sign_in_apps=_sign_in_apps(data.get("sign_in_apps")),
        folders=_folders(data.get("folders")),
    )


def _folders(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, str) and v}


def _withdrawal_from_json(value: object) -> dict[str, WithdrawalTerms]:
    if not isinstance(value, dict):
        return {}
    default = WithdrawalTerms()
    return {
        str(domain): WithdrawalTerms(
            informed=_bool(terms.get("informed"), default.informed),
            business_excluded=_bool(terms.get("business_excluded"), default.business_excluded),
            acknowledge_on_arrival=_bool(
                terms.get("acknowledge_on_arrival"), default.acknowledge_on_arrival
            ),
        )
        for domain, terms in value.items()
        if isinstance(terms, dict)
    }


def _sign_in_apps(value: object) -> dict[ProviderKey, str]:
    if not isinstance(value, dict):
        return {}
    return {
        ProviderKey(key): client_id.strip()
        for key, client_id in value.items()
        if key in set(ProviderKey) and isinstance(client_id, str) and client_id.strip()
    }


def _intake_from_json(data: Mapping[str, Any]) -> StoreIntake:
    default = StoreIntake()
    email_data = data.get("email")
    email = EmailIntake()
    if isinstance(email_data, dict):
        email = EmailIntake(
            enabled=_bool(email_data.get("enabled"), email.enabled),
            host=_str(email_data.get("host"), email.host).strip(),
            port=_int_in(email_data.get("port"), range(1, 65536), email.port),
            security=_enum(Security, email_data.get("security"), email.security),
            username=_str(email_data.get("username"), email.username).strip(),
            folder=_str(email_data.get("folder"), email.folder) or email.folder,
            smtp_host=_str(email_data.get("smtp_host"), email.smtp_host).strip(),
            smtp_port=_int_in(email_data.get("smtp_port"), range(1, 65536), email.smtp_port),
            smtp_security=_enum(SmtpSecurity, email_data.get("smtp_security"), email.smtp_security),
            sender=_str(email_data.get("sender"), email.sender).strip(),
            sign_in=_enum_or_none(ProviderKey, email_data.get("sign_in")),
        )
    return StoreIntake(
        native=_bool(data.get("native"), default.native),
        tag=_bool(data.get("tag"), default.tag),
        tag_name=_str(data.get("tag_name"), default.tag_name).strip() or default.tag_name,
        csv=_bool(data.get("csv"), default.csv),
        email=email,
    )


def _templates(value: object) -> ReplyTexts:
    """Edited reply texts; anything else (the old list of named texts included) is dropped."""
    if not isinstance(value, dict):
        return {}
    texts: dict[str, dict[str, tuple[str, str]]] = {}
    for language, kinds in value.items():
        if language not in ("da", "en") or not isinstance(kinds, dict):
            continue
        for kind, text in kinds.items():
            if (
                isinstance(text, dict)
                and isinstance(text.get("subject"), str)
                and isinstance(text.get("body"), str)
            ):
                texts.setdefault(language, {})[str(kind)] = (text["subject"], text["body"])
    return texts


def _int_in(value: object, allowed: range, default: int) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value in allowed:
        return value
    return default


def _bool(value: object, default: bool) -> bool:
    return value if isinstance(value, bool) else default


def _bool_or_none(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _str(value: object, default: str) -> str:
    return value if isinstance(value, str) else default


def _enum_or_none[E: StrEnum](kind: type[E], value: object) -> E | None:
    try:
        return kind(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _enum[E: StrEnum](kind: type[E], value: object, default: E) -> E:
    try:
        return kind(value) if isinstance(value, str) else default
    except ValueError:
        return default
