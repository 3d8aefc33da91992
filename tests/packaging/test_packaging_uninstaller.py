"""The Windows uninstaller removes data only through the app's own `--remove-all-data`, while the
app still exists, and tells apart the exit codes the app gives. (Inno Setup cannot run here;
the command itself is tested in tests/keychain/test_keychain_remove_all_data.py.)"""

from __future__ import annotations

import re
from pathlib import Path

from cancelapp.data_removal import EXIT_APP_OPEN, EXIT_KEYCHAIN_REFUSED

ISS = Path(__file__).resolve().parents[2] / "packaging" / "windows" / "cancelapp.iss"


def code_section() -> str:
    text = ISS.read_text(encoding="utf-8")
    return text[text.index("[Code]") :]


def test_data_is_removed_by_the_app_while_it_still_exists() -> None:
    code = code_section()
    assert "CurUninstallStep = usUninstall" in code
    assert "usPostUninstall" not in code  # by then CancelApp.exe is deleted
    assert "Exec(ExpandConstant('{app}\\CancelApp.exe'), '--remove-all-data'" in code
    assert "DelTree" not in code  # the app knows where its data is; the installer does not


def test_the_merchant_is_asked_and_no_is_the_default() -> None:
    code = code_section()
    assert "not UninstallSilent()" in code
    assert "MB_YESNO or MB_DEFBUTTON2" in code


def test_the_apps_exit_codes_are_the_ones_it_gives() -> None:
    code = code_section()
    assert f"ResultCode = {EXIT_APP_OPEN} then" in code
    assert f"ResultCode = {EXIT_KEYCHAIN_REFUSED} then" in code


def test_every_message_exists_in_english_and_danish() -> None:
    text = ISS.read_text(encoding="utf-8")
    names = set(re.findall(r"CustomMessage\('(\w+)'\)", text))
    assert names == {"RemoveData", "RemoveDataFailed", "AppStillOpen", "KeychainRefused"}
    for name in names:
        assert f"\nenglish.{name}=" in text
        assert f"\ndanish.{name}=" in text
