"""The start-up boundary: the modules the first paint needs import no network, money-moving or
keychain code; that loads when a store's session opens (`AppContext.open_session`). Nor does
anything the first rows do not need load before they are painted: the window's flows, the
detail pane, the menus' dialogs and the version wait until then (issue 19, `ui/window_flows.py`).
The Qt-free modules the start needs load before PySide6, whose import hook reads the source of
every module imported after it. Nor is
garbage collected before the first rows: what the start allocates lives on, and is frozen once
they are painted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from cancelapp.paths import AppPaths
from cancelapp.shopify import Endpoint
from cancelapp.store import Database
from cancelapp.store.stores import save_store

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
# Loaded after the first rows are painted (or when first used), never before.
AFTER_THE_FIRST_ROWS = (
    *SESSION_SIDE,
    "importlib.metadata",  # cancelapp.__version__
    "cancelapp.ui.window_flows",
    "cancelapp.ui.detail.detail_pane",
    "cancelapp.ui.detail.detail_flow",
    "cancelapp.ui.detail.action_controller",
    "cancelapp.ui.detail.bulk_flow",
    "cancelapp.ui.detail.unmatched_flow",
    "cancelapp.ui.detail.find_order_dialog",
    "cancelapp.ui.detail.withdrawal_flow",
    "cancelapp.ui.detail.record_export",
    "cancelapp.ui.dialogs.menu_dialogs",
    "cancelapp.ui.dialogs.csv_import_dialog",
    "cancelapp.ui.dialogs.store_removal",
    "cancelapp.ui.policy.policy_flow",
    "cancelapp.ui.queue.verdict_clock",
    "cancelapp.ui.settings.window_settings",
    "cancelapp.ui.update_notice",
    "cancelapp.ui.audit_check",
    "cancelapp.ui.database_upkeep",
    "cancelapp.session.detail",
    "cancelapp.sources.csv_import",
    "cancelapp.policy",
    "tomlkit",
    "cancelapp.startup.error_box",  # only to show a start-up problem
    "cancelapp.store.backups",  # only to explain or repair a damaged database
    "cancelapp.store.audit",
    "html",  # html.entities is a large table
    "platform",  # a crash report's header
    "urllib.parse",  # only a URL typed or stored for the demo shop needs it
    # The records' dataclasses (the queue reads their states from `domain.states`), and the
    # Shopify package's names other than `Endpoint` (`cancelapp.shopify` loads them on use).
    "cancelapp.domain.action",
    "cancelapp.domain.request",
    "cancelapp.domain.verdict",
    "cancelapp.shopify.credentials",
    "cancelapp.shopify.shop_info",
)
# Loaded before PySide6 (see `cancelapp.context`).
BEFORE_PYSIDE = (
    "cancelapp.context",
    "cancelapp.settings",
    "cancelapp.session.store_policy",
    "cancelapp.store.database",
    "cancelapp.startup.opening",
    "cancelapp.startup.problems",
    "cancelapp.startup.log_files",
)
# Runs the self-check and writes which of those had loaded when the first rows were painted.
WATCH_THE_FIRST_ROWS = """
import gc, json, sys
watched, out = json.loads(sys.argv[1]), sys.argv[2]
collections = []

class Tap:
    def __init__(self, real):
        self.real = real
    def write(self, text):
        if "self-check: first rows after" in text:
            with open(out, "w") as f:
                json.dump({
                    "loaded": [m for m in watched if m in sys.modules],
                    "order": list(sys.modules),
                    "collections": len(collections),
                    "frozen": gc.get_freeze_count(),
                }, f)
        return self.real.write(text)
    def __getattr__(self, name):
        return getattr(self.real, name)

sys.stdout = Tap(sys.stdout)
from cancelapp.app import main
gc.callbacks.append(lambda phase, _info: collections.append(phase) if phase == "start" else None)
sys.exit(main(["--self-check", "--data-dir", sys.argv[3]]))
"""


def _env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CANCELAPP_HOME", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no keychain prompt in a smoke run
    return env


def test_the_first_paint_loads_nothing_of_the_session_side() -> None:
    script = (
        "import json, sys\n"
        + "".join(f"import {name}\n" for name in FIRST_PAINT)
        + f"print(json.dumps([m for m in {SESSION_SIDE!r} if m in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=_env()
    )
    assert json.loads(result.stdout) == []


def test_the_first_rows_are_painted_before_the_rest_of_the_window_loads(tmp_path: Path) -> None:
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    paths.create()
    database = Database.open(paths.database_path)
    try:
        with database.transaction() as conn:
            save_store(
                conn,
                Endpoint.for_shop("hygge.myshopify.com"),
                name="Hygge",
                currency="DKK",
                timezone="Europe/Copenhagen",
                auth_kind="access_token",
                now=datetime.now(UTC),
            )
    finally:
        database.close()
    loaded = tmp_path / "loaded.json"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            WATCH_THE_FIRST_ROWS,
            json.dumps(AFTER_THE_FIRST_ROWS),
            str(loaded),
            str(home),
        ],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "self-check: ok (0 requests in the cache" in result.stdout
    found = json.loads(loaded.read_text())
    assert found["loaded"] == []
    order = found["order"]
    assert [m for m in BEFORE_PYSIDE if order.index(m) > order.index("PySide6")] == []
    assert found["collections"] == 0
    assert found["frozen"] > 0
