"""The Danish catalogue is complete, current with the code, and compiled; so is the English
one, which holds the singular and plural of every count ("1 order", "3 orders")."""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from fixtures.danish import PendingDanish

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "cancelapp_da.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
EN_TS_FILE = TS_FILE.with_name("cancelapp_en.ts")
_PLACEHOLDER = re.compile(r"\{\w+\}|%n")

Messages = dict[tuple[str, str], ET.Element]


@functools.cache
def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _messages(ts_file: Path) -> Messages:
    found: Messages = {}
    for context in ET.parse(ts_file).getroot().iter("context"):  # noqa: S314 (our own file)
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else [translation.text or ""]


@pytest.fixture(scope="module")
def committed() -> Messages:
    return _messages(TS_FILE)


def test_the_catalogue_covers_every_string_in_the_code(tmp_path: Path, committed: Messages) -> None:
    fresh = tmp_path / "fresh_da.ts"
    _script().lupdate(fresh, "da")
    in_code = set(_messages(fresh))
    missing = sorted(in_code - set(committed))
    stale = sorted(set(committed) - in_code)
    assert missing == [], "run scripts/update_translations.py and translate the new strings"
    assert stale == [], "run scripts/update_translations.py to drop strings no longer used"


def test_every_danish_message_is_finished(committed: Messages) -> None:
    unfinished = [
        key
        for key, message in committed.items()
        if (message.find("translation") is None)
        or message.find("translation").get("type") in {"unfinished", "vanished", "obsolete"}  # type: ignore[union-attr]
        or not all(t.strip() for t in _translations(message))
    ]
    assert unfinished == []


def test_translations_keep_placeholders_and_shortcuts(committed: Messages) -> None:
    broken = []
    for (context, source), message in committed.items():
        wanted = sorted(_PLACEHOLDER.findall(source))
        for text in filter(None, _translations(message)):
            if sorted(_PLACEHOLDER.findall(text)) != wanted:
                broken.append((context, source, text))
            if "&" in source.replace("&&", "") and "&" not in text.replace("&&", ""):
                broken.append((context, source, text))
    assert broken == []


def test_danish_keeps_the_undo_window_apart_from_the_right_of_withdrawal(
    committed: Messages,
) -> None:
    """ "Fortrydelse" is the statutory withdrawal (fortrydelsesret, -frist) throughout; the
    seconds to take a decision back have words of their own (QA walkthrough: the setting
    read "Fortrydelsesfrist"). Read as the window does: with Danish still pending."""
    danish = {key: " ".join(_translations(message)) for key, message in committed.items()}
    danish |= PendingDanish().texts
    undo = {key: text for key, text in danish.items() if "undo window" in key[1].lower()}
    assert ("SettingsDialog", "&Undo window") in undo
    assert {key: text for key, text in undo.items() if "fortrydelses" in text.lower()} == {}


def test_the_compiled_catalogue_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "cancelapp_da.qm"
    _script().lrelease(TS_FILE, compiled)
    assert QM_FILE.read_bytes() == compiled.read_bytes(), "run scripts/update_translations.py"


def test_the_english_catalogue_has_both_forms_of_every_count_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_en.ts"
    _script().lupdate(fresh, "en", plurals_only=True)
    in_code = set(_messages(fresh))
    committed = _messages(EN_TS_FILE)
    assert sorted(in_code ^ set(committed)) == [], "run scripts/update_translations.py"
    wrong = [
        (key, forms)
        for key, message in committed.items()
        if message.find("translation").get("type") is not None  # type: ignore[union-attr]
        or len(forms := _translations(message)) != 2
        or not all(form.strip() for form in forms)
        or any("(s)" in form for form in forms)  # "1 order(s)" is what the file is for
        or any(
            sorted(_PLACEHOLDER.findall(form)) != sorted(_PLACEHOLDER.findall(key[1]))
            for form in forms
        )
    ]
    assert wrong == []


def test_the_compiled_english_catalogue_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "cancelapp_en.qm"
    _script().lrelease(EN_TS_FILE, compiled)
    assert EN_TS_FILE.with_suffix(".qm").read_bytes() == compiled.read_bytes()
