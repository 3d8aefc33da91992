"""The translation script finds messages whose context is a named constant, which lupdate
alone would miss."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations_under_test", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_constant_contexts_wrappers_and_imported_constants(
    script: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "cancelapp"
    package.mkdir()
    (package / "contexts.py").write_text('SHARED = "Shared"\n', encoding="utf-8")
    module = package / "phrases.py"
    module.write_text(
        "from cancelapp.contexts import SHARED as OTHER\n"
        '_CONTEXT = "Local"\n'
        "def _tr(text, n=-1):\n"
        "    return QCoreApplication.translate(_CONTEXT, text, None, n)\n"
        'A = QT_TRANSLATE_NOOP(_CONTEXT, "from a constant")\n'
        'B = QT_TRANSLATE_NOOP(OTHER, "from an imported constant")\n'
        'C = _tr("through a wrapper")\n'
        'D = _tr("%n item(s)", 3)\n'
        'E = QT_TRANSLATE_NOOP("Literal", "lupdate sees this one itself")\n'
        "F = QCoreApplication.translate(phrase.context, phrase.template)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(script, "SOURCES", package)
    found = script.constant_context_messages(module)
    message = script.Message
    assert found == {
        message("Local", "from a constant"),
        message("Shared", "from an imported constant"),
        message("Local", "through a wrapper"),
        message("Local", "%n item(s)", plural=True),
    }
    assert message("Local", "%n item(s)", plural=True).as_python() == (
        "QCoreApplication.translate('Local', '%n item(s)', None, 1)\n"
    )
