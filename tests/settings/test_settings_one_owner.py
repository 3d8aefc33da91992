"""The settings file has one owner: changes merge onto the settings in use, and a write that
finishes after a newer one never takes the file back to an older state."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cancelapp.settings import Settings, SettingsFile, load_settings


def test_a_late_older_write_never_replaces_a_newer_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    owner = SettingsFile(path, Settings())
    opened = owner.current  # a dialog opened now
    first, first_ticket = owner.change(opened, replace(opened, staff_name="Mette"))
    second, second_ticket = owner.change(opened, replace(opened, check_for_updates=True))
    assert second.staff_name == "Mette" and second.check_for_updates is True  # both kept
    owner.write(second, second_ticket)  # the newer worker finished first
    owner.write(first, first_ticket)
    saved = load_settings(path).settings
    assert saved.staff_name == "Mette" and saved.check_for_updates is True
    assert owner.current == saved
