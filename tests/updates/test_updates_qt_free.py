"""The update check and the data removal are core: they import with PySide6 blocked."""

import subprocess
import sys


def test_update_check_and_data_removal_import_without_qt() -> None:
    script = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "sys.modules['shiboken6'] = None\n"
        "import cancelapp.updates, cancelapp.data_removal\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.strip() == "ok", result.stderr
