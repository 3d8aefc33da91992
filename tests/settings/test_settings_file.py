"""Settings persisted as JSON: round trip, defaults, damaged files, atomic private writes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from cancelapp.oauth.providers import ProviderKey
from cancelapp.settings import (
    EmailIntake,
    Language,
    Settings,
    SettingsNotSaved,
    StoreIntake,
    load_settings,
    save_settings,
    settings_path,
)
from cancelapp.sources.email_config import Security

SHOP = "nordlys-keramik.myshopify.com"


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    loaded = load_settings(settings_path(tmp_path))
    assert loaded.notice is None
    settings = loaded.settings
    assert settings.sync_interval_minutes == 5
    assert settings.undo_window_seconds == 10
    assert settings.language is Language.SYSTEM
    assert settings.tray_notifications and not settings.hold_on_arrival
    assert settings.reply_templates == {}  # the standard texts, none edited
    assert settings.intake_for(SHOP) == StoreIntake()


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    email = EmailIntake(
        True, "imap.example.dk", 143, Security.STARTTLS, "butik@example.dk", "Annuller"
    )
    settings = Settings(
        sync_interval_minutes=15,
        staff_name="Mette",
        undo_window_seconds=30,
        hold_on_arrival=True,
        language=Language.DANISH,
        tray_notifications=False,
        reply_templates={"da": {"declined": ("Afvist", "Hej {name}\n\n  indrykket linje")}},
    ).with_intake(
        SHOP, StoreIntake(native=False, tag=True, tag_name="annuller", csv=True, email=email)
    )
    path = settings_path(tmp_path / "config")
    save_settings(settings, path)
    assert load_settings(path).settings == settings
    if os.name == "posix":  # Windows has ACLs, not mode bits
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp file left


def test_email_config_only_when_complete_and_enabled() -> None:
    assert EmailIntake(enabled=True, host="imap.example.dk").config() is None
    assert EmailIntake(enabled=False, host="h", username="u").config() is None
    config = EmailIntake(True, "imap.example.dk", 993, Security.TLS, "u", "").config()
    assert config is not None
    assert (config.host, config.port, config.folder) == ("imap.example.dk", 993, "INBOX")


def test_bad_values_fall_back_one_by_one(tmp_path: Path) -> None:
    path = settings_path(tmp_path)
    path.write_text(
        json.dumps(
            {
                "sync_interval_minutes": 0,
                "staff_name": "Ole",
                "undo_window_seconds": "ten",
                "language": "klingon",
                "hold_on_arrival": 1,
                "reply_templates": {
                    "da": {"declined": {"subject": "Ok", "body": "Fint"}, "x": {"body": 3}},
                    "klingon": {"declined": {"subject": "Q", "body": "Q"}},
                },
                "intake": {SHOP: {"tag": False, "email": {"port": 70000, "security": "starttls"}}},
            }
        ),
        encoding="utf-8",
    )
    loaded = load_settings(path)
    settings = loaded.settings
    assert loaded.notice is None
    assert settings.sync_interval_minutes == 5
    assert settings.staff_name == "Ole"
    assert settings.undo_window_seconds == 10
    assert settings.language is Language.SYSTEM
    assert settings.hold_on_arrival is False
    assert settings.reply_templates == {"da": {"declined": ("Ok", "Fint")}}
    intake = settings.intake_for(SHOP)
    assert intake.tag is False and intake.native is True
    assert intake.email.port == 993 and intake.email.security is Security.STARTTLS


def test_a_damaged_file_is_kept_aside_and_explained(tmp_path: Path) -> None:
    path = settings_path(tmp_path)
    path.write_text("{ not json", encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.notice is not None
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("settings.json.damaged-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{ not json"
    assert str(kept[0]) in loaded.notice.render_plain()


def test_a_failed_save_is_a_plain_message_and_leaves_nothing_behind(tmp_path: Path) -> None:
    path = settings_path(tmp_path)
    path.mkdir()  # cannot be replaced by a file, whoever runs the test
    with pytest.raises(SettingsNotSaved, match="could not save the settings") as failed:
        save_settings(Settings(staff_name="Efter"), path)
    assert failed.value.__cause__ is None
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_removing_a_store_drops_its_intake() -> None:
    settings = Settings().with_intake(SHOP, StoreIntake(csv=True)).with_intake("b", StoreIntake())
    assert set(settings.without_store(SHOP).intake) == {"b"}


@pytest.mark.parametrize(("saved", "loaded"), [(True, True), (False, False), ("yes", None)])
def test_the_update_check_answer_is_kept_and_not_guessed(
    tmp_path: Path, saved: object, loaded: bool | None
) -> None:
    path = settings_path(tmp_path)
    assert load_settings(path).settings.check_for_updates is None  # not asked yet
    path.write_text(json.dumps({"check_for_updates": saved}), encoding="utf-8")
    assert load_settings(path).settings.check_for_updates is loaded


def test_a_file_notepad_saved_as_ansi_keeps_what_the_merchant_typed(tmp_path: Path) -> None:
    path = settings_path(tmp_path)
    path.write_bytes('{"version": 1, "staff_name": "Søren"}'.encode("cp1252"))
    loaded = load_settings(path)
    assert loaded.settings.staff_name == "Søren"
    assert loaded.notice is not None and "not saved as UTF-8" in loaded.notice.render_plain()


def test_a_file_with_a_utf8_bom_is_read(tmp_path: Path) -> None:
    path = settings_path(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + '{"staff_name": "Søren"}'.encode())
    loaded = load_settings(path)
    assert loaded.settings.staff_name == "Søren" and loaded.notice is None


def test_hostile_nesting_is_a_damaged_file_not_a_crash(tmp_path: Path) -> None:
    path = settings_path(tmp_path)
    path.write_text("[" * 100_000, encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.notice is not None and "damaged" in loaded.notice.render_plain()
    assert not path.exists()  # kept aside under another name


def test_mailbox_sign_ins_and_sign_in_apps_round_trip_and_bad_ones_fall_back(
    tmp_path: Path,
) -> None:
    email = EmailIntake(
        True, "outlook.office365.com", username="ordre@firma.dk", sign_in=ProviderKey.MICROSOFT
    )
    settings = Settings(sign_in_apps={ProviderKey.GOOGLE: "123.apps.googleusercontent.com"})
    settings = settings.with_intake(SHOP, StoreIntake(email=email))
    path = settings_path(tmp_path)
    save_settings(settings, path)
    assert load_settings(path).settings == settings
    path.write_text(
        json.dumps(
            {
                "sign_in_apps": {"yahoo": "x", "microsoft": 7, "google": " id "},
                "intake": {SHOP: {"email": {"sign_in": "yahoo"}}},
            }
        ),
        encoding="utf-8",
    )
    loaded = load_settings(path).settings
    assert loaded.sign_in_apps == {ProviderKey.GOOGLE: "id"}
    assert loaded.intake_for(SHOP).email.sign_in is None  # an app password, as before
