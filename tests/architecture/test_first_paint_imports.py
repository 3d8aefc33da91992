"""The start-up boundary: the modules the first paint needs import no network, money-moving or
keychain code; that loads when a store's session opens (`AppContext.open_session`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

FIRST_PAINT = ("cancelapp.app", "cancelapp.context", "cancelapp.ui.main_window")
SESSION_SIDE = (
    "httpx",
    "graphql",
    "keyring",
    "truststore",
    "cancelapp.shopify.client",
    "cancelapp.shopify.documents",
    "cancelapp.actions.runner",
    "cancelapp.sync.service",
    "cancelapp.keychain.backends",
)


def test_the_first_paint_loads_nothing_of_the_session_side() -> None:
    script = (
        "import json, sys\n"
        + "".join(f"import {name}\n" for name in FIRST_PAINT)
        + f"print(json.dumps([m for m in {SESSION_SIDE!r} if m in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert json.loads(result.stdout) == []
