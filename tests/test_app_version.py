"""`cancelapp.__version__` is the installed package's, read only when asked for."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import cancelapp

PROBE = """
import sys
import cancelapp
loaded_at_import = "importlib.metadata" in sys.modules
print(loaded_at_import, cancelapp.__version__)
"""


def test_version_is_the_installed_one() -> None:
    assert cancelapp.__version__ == version("cancelapp")


def test_importing_cancelapp_leaves_the_metadata_machinery_unloaded() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["False", version("cancelapp")]


def test_other_names_are_still_missing() -> None:
    assert not hasattr(cancelapp, "__no_such_name__")
