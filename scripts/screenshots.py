"""Screenshots of the main window on the demo shop: English and Danish, light and dark; and
at a laptop's 1366x768 the queue with a request whose decisive reason is a pending payment,
the detail pane with that reason first and the rules passed over opened, a request waiting
for the warehouse to agree to cancel, the offline queue with decisions queued, and the order as
the Shopify admin shows it (items with images, shipping, taxes and payments).

    uv run python scripts/screenshots.py [--out docs/screenshots]

Runs the real window (real database, demo shop over HTTP, the same client code as a real
store) in a throw-away data folder. Under Xvfb when `xvfb-run` exists and no display is set
(real window decorations and fonts); otherwise on Qt's offscreen platform with `grab()`.
Secrets go to a real Secret Service (gnome-keyring, unlocked, on a private D-Bus session,
in the throw-away folder) when `dbus-run-session` and `gnome-keyring-daemon` exist, as in
the tests; otherwise the window says it has no keychain.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from cancelapp.demoshop import DemoShop
    from cancelapp.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
SHOTS = (("en", "light"), ("en", "dark"), ("da", "light"), ("da", "dark"))
LAPTOP = (1366, 768)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1440x860", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args()
    if _should_use_xvfb():
        command = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable, *sys.argv]
        return subprocess.run(
            command, check=False, env={**os.environ, "CANCELAPP_XVFB": "1"}
        ).returncode
    if _should_start_keyring():
        return _in_keyring_session()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    width, height = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="cancelapp-shots-") as home:
        os.environ["CANCELAPP_HOME"] = home
        return _take(args.out, width, height)


def _should_start_keyring() -> bool:
    return not os.environ.get("CANCELAPP_KEYRING") and all(
        shutil.which(p) for p in ("dbus-run-session", "gnome-keyring-daemon")
    )


def _in_keyring_session() -> int:
    """This script again on a private session bus with gnome-keyring unlocked (a throw-away
    password and folder), as the tests' Secret Service: the bus and keyring end with it."""
    with tempfile.TemporaryDirectory(prefix="cancelapp-shots-keyring-") as tmp:
        runtime, data = Path(tmp) / "runtime", Path(tmp) / "data"
        runtime.mkdir(mode=0o700)
        data.mkdir(mode=0o700)
        unlock_then_run = (
            "printf screenshots | gnome-keyring-daemon --unlock --components=secrets "
            '--daemonize >/dev/null && exec "$@"'
        )
        command = [
            "dbus-run-session",
            "--",
            "sh",
            "-c",
            unlock_then_run,
            "sh",
            sys.executable,
            *sys.argv,
        ]
        env = {
            **os.environ,
            "CANCELAPP_KEYRING": "1",
            "XDG_RUNTIME_DIR": str(runtime),
            "XDG_DATA_HOME": str(data),
        }
        return subprocess.run(command, check=False, env=env).returncode


def _should_use_xvfb() -> bool:
    return (
        not os.environ.get("DISPLAY")
        and not os.environ.get("CANCELAPP_XVFB")
        and shutil.which("xvfb-run") is not None
    )


def _take(out: Path, width: int, height: int) -> int:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from cancelapp import cli
    from cancelapp.app import install_qt_message_handler
    from cancelapp.context import build_context, connect_demo
    from cancelapp.demoshop import DemoShop
    from cancelapp.keychain import SecretStore
    from cancelapp.paths import AppPaths
    from cancelapp.settings import Language
    from cancelapp.ui.i18n import Translations
    from cancelapp.ui.main_window import MainWindow
    from cancelapp.ui.queue.queue_index import Column
    from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
    from cancelapp.ui.theme import apply_scheme

    paths = AppPaths.resolve()
    paths.create()
    logging.basicConfig(filename=paths.log_dir / "screenshots.log", level=logging.INFO)
    install_qt_message_handler()  # Qt's offscreen chatter goes to the log, not the terminal
    app = QApplication(sys.argv[:1])
    app.setApplicationName("CancelApp")
    app.setStyle("Fusion")
    keychain = SecretStore.for_system() if os.environ.get("CANCELAPP_KEYRING") else None
    context = build_context(paths, cli.parse([]), secrets=keychain or SecretStore(None))
    # Answered, so the update question does not take the top of every screenshot; no undo
    # window, so asking the warehouse leaves at once.
    context.settings = replace(context.settings, check_for_updates=False, undo_window_seconds=0)
    context.translations = Translations(app)
    shop = DemoShop(seed=7, size=60, bucket_size=100_000, restore_rate=100_000).start()
    shop.set_fulfillment_service_answer("none")  # the warehouse has not answered yet
    try:
        pending = _pending_request(shop)
        three_items = _three_item_request(shop)
        at_warehouse = shop.create_order("third_party_accepted")
        shop.add_cancel_request(at_warehouse, "Please cancel, I ordered the wrong colour.")
        connect_demo(context, shop)
        window = MainWindow(context)
        window.resize(width, height)
        window.show()

        def wait(signal: object, timeout_ms: int = 60_000) -> None:
            loop = QEventLoop()
            signal.connect(loop.quit)  # type: ignore[attr-defined]
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()

        window.start()
        wait(window.sync.finished)
        model = window.model
        wanted = next(
            (
                r
                for r in range(model.rowCount())
                if model.index(r, Column.VERDICT).data(OUTCOME_ROLE) == "approve"
            ),
            0,
        )
        window.queue.select_row(wanted)
        wait(window.detail_shown)
        out.mkdir(parents=True, exist_ok=True)
        for language, scheme in SHOTS:
            window.use_language(Language.DANISH if language == "da" else Language.ENGLISH)
            apply_scheme(app, Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
            window.detail.show_detail(window.detail.detail)  # badge colours follow the scheme
            for _ in range(5):
                app.processEvents()
            target = out / f"main-{language}-{scheme}.png"
            if not window.grab().save(str(target)):
                print(f"could not write {target}", file=sys.stderr)
                return 1
            print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
        if not _take_laptop(app, window, out, pending):
            return 1
        window.use_language(Language.ENGLISH)
        apply_scheme(app, Qt.ColorScheme.Light)
        if not _bulk_confirmation(window, out / "bulk-confirm-en-light.png", wait):
            return 1
        if not _partial_cancel_preview(app, window, three_items, out, wait):
            return 1
        if not _unmatched_search(window, shop, out / "unmatched-search-en.png", wait):
            return 1
        if not _order_as_in_admin(app, window, shop, out, wait):
            return 1
        if not _search_hint(app, window, out):
            return 1
        if not _policy_editor(app, window, out, wait):
            return 1
        if not _wizard_guide(app, window, out):
            return 1
        if not _warehouse_wait(app, window, out, at_warehouse, wait):
            return 1
        if not _reports(app, window, out, wait):
            return 1
        if not _offline_queue(app, window, shop, out, wait):  # last: it stops the shop
            return 1
        window.close()
    finally:
        context.close()
        shop.stop()
    return 0


def _bulk_confirmation(window: MainWindow, target: Path, wait: Callable[..., None]) -> bool:
    """Approve selected at 1366x768: three Approve requests and one Review chosen, the one
    confirmation over the window."""
    from PySide6.QtCore import QItemSelectionModel, QPoint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    from cancelapp.ui.queue.queue_index import Column, Tab
    from cancelapp.ui.queue.queue_model import OUTCOME_ROLE

    window.resize(1366, 768)
    window.queue.show_tab(Tab.NEEDS_DECISION)
    model = window.model
    outcomes = [model.index(r, Column.VERDICT).data(OUTCOME_ROLE) for r in range(model.rowCount())]
    rows = [r for r, o in enumerate(outcomes) if o == "approve"][:3]
    rows += [r for r, o in enumerate(outcomes) if o == "review"][:1]
    selection = window.queue.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.clearSelection()
    for row in rows:
        selection.select(model.index(row, 0), flags)
    opened: list[object] = []
    window.bulk.dialog_opened.connect(opened.append)
    window.commands.approve_selected.trigger()
    wait(window.bulk.dialog_opened)
    if not opened:
        print("the bulk confirmation did not open", file=sys.stderr)
        return False
    dialog = opened[0]
    assert isinstance(dialog, QWidget)
    for _ in range(5):
        QApplication.processEvents()
    shot = window.grab()
    painter = QPainter(shot)
    at = dialog.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
    painter.drawPixmap(at, dialog.grab())
    painter.setPen(dialog.palette().dark().color())  # Xvfb has no window frame: draw an edge
    painter.drawRect(at.x(), at.y(), dialog.width() - 1, dialog.height() - 1)
    painter.end()
    dialog.close()
    if not shot.save(str(target)):
        print(f"could not write {target}", file=sys.stderr)
        return False
    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    return True


def _three_item_request(shop: DemoShop) -> str:
    """A paid order of three stocked items, the first also stocked at the pop-up shop, whose
    customer asks to cancel."""
    from cancelapp.demoshop.catalogue import POP_UP

    pop_up = next(loc.id for loc in shop.store.locations.values() if loc.name == POP_UP)

    def fits(order_id: str) -> bool:
        lines = shop.order(order_id).line_items
        return (
            len(lines) == 3
            and all(li.variant is not None for li in lines)
            and lines[0].variant is not None
            and (lines[0].variant.inventory_item_id, pop_up) in shop.store.inventory
        )

    order_id = shop.create_order("paid")
    while not fits(order_id):
        order_id = shop.create_order("paid")
    shop.add_cancel_request(order_id, "Please cancel the last item; I will keep the rest.")
    return order_id


def _partial_cancel_preview(
    app: QApplication, window: MainWindow, order_id: str, out: Path, wait: Callable[..., None]
) -> bool:
    """The approve preview at 1366x768 in English and Danish, with two of three items chosen,
    the first going back to the pop-up shop (a location the order does not ship from) and the
    second not restocked, and what Shopify will email the customer."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QPainter

    from cancelapp.demoshop.catalogue import POP_UP
    from cancelapp.settings import Language
    from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
    from cancelapp.ui.queue.queue_index import Tab
    from cancelapp.ui.theme import apply_scheme

    apply_scheme(app, Qt.ColorScheme.Light)
    window.resize(*LAPTOP)
    window.queue.show_tab(Tab.NEEDS_DECISION)
    request_id = window.model.request_of_order(order_id)
    if request_id is None or not window.queue.select_request(request_id):
        print("the three-item request is not in the queue", file=sys.stderr)
        return False
    shown = window.current_detail()
    if shown is None or shown.request.id != request_id:
        wait(window.detail_shown)
    for language in ("en", "da"):
        window.use_language(Language.DANISH if language == "da" else Language.ENGLISH)
        opened: list[object] = []
        window.actions_.dialog_opened.connect(opened.append)
        window.commands.approve.trigger()
        if not opened:
            wait(window.actions_.dialog_opened)
        window.actions_.dialog_opened.disconnect(opened.append)
        dialog = opened[0] if opened else None
        if not isinstance(dialog, ConfirmActionDialog) or dialog.panel is None:
            print("the approve preview did not open", file=sys.stderr)
            return False
        first, second, third = dialog.panel.lines
        third.quantity.setValue(0)
        second.restock.setChecked(False)
        first.location.setCurrentIndex(max(first.location.findText(POP_UP), 0))
        for _ in range(100):
            if dialog.settled:
                break
            wait(dialog.preview_shown, 200)
        dialog.resize(min(dialog.sizeHint().width(), 1300), min(dialog.sizeHint().height(), 740))
        for _ in range(5):
            app.processEvents()
        shot = window.grab()
        painter = QPainter(shot)
        at = QPoint((shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 2)
        painter.drawPixmap(at, dialog.grab())
        painter.setPen(dialog.palette().dark().color())
        painter.drawRect(at.x(), at.y(), dialog.width() - 1, dialog.height() - 1)
        painter.end()
        dialog.reject()
        for _ in range(5):
            app.processEvents()
        target = out / f"partial-cancel-preview-1366-{language}.png"
        if not shot.save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return False
        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    return True


def _pending_request(shop: DemoShop) -> str:
    """An unpaid bank transfer (no final-sale items) with a request: the catch-all decides it,
    and the decisive reason is the pending payment."""
    for _ in range(20):
        order_id = shop.create_order("pending_manual")
        order = shop.store.orders[int(order_id.rsplit("/", 1)[1])]
        tags = {t for li in order.line_items if li.variant for t in li.variant.product.tags}
        if "final-sale" not in tags:
            break
    shop.add_cancel_request(order_id, "Please cancel: I ordered the wrong size.")
    return order_id


def _take_laptop(app: QApplication, window: MainWindow, out: Path, order_id: str) -> bool:
    """The window at 1366x768 with the pending request selected, and its detail pane with
    the rules passed over opened, in English and Danish."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from cancelapp.settings import Language
    from cancelapp.ui.theme import apply_scheme

    apply_scheme(app, Qt.ColorScheme.Light)
    window.resize(*LAPTOP)
    model = window.model
    row = next(r for r in range(model.rowCount()) if model.queue_row(r).order_gid == order_id)
    request_id = model.request_id_at(row)
    window.queue.select_row(row)
    for _ in range(600):  # the detail loads in a worker
        shown = window.current_detail()
        if shown is not None and shown.request.id == request_id:
            break
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
    window.detail.why_not.setChecked(True)
    for language in ("en", "da"):
        window.use_language(Language.DANISH if language == "da" else Language.ENGLISH)
        for _ in range(5):
            app.processEvents()
        shots = (
            (f"queue-1366-{language}.png", window),
            (f"decisive-reason-1366-{language}.png", window.detail),
        )
        for name, widget in shots:
            target = out / name
            if not widget.grab().save(str(target)):
                print(f"could not write {target}", file=sys.stderr)
                return False
            print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    return True


def _unmatched_search(
    window: MainWindow, shop: DemoShop, target: Path, wait: Callable[..., None]
) -> bool:
    """A form row with only the customer's email, found in the store from Unmatched."""
    from datetime import UTC, datetime

    from PySide6.QtWidgets import QApplication

    from cancelapp.domain.request import RequestSource
    from cancelapp.session.refresh import store_requests
    from cancelapp.sources.incoming import IncomingRequest
    from cancelapp.ui.detail.find_order_dialog import FindOrderDialog
    from cancelapp.ui.queue.queue_index import Tab

    session = window.session
    email = shop.order(shop.create_order("paid")).email
    incoming = IncomingRequest(
        RequestSource.CSV, "csv:screenshot", datetime.now(UTC), "Please cancel", None, email
    )
    store_requests(session.database, session.store_id, [incoming], session.client)
    window.sync_now()
    wait(window.sync.finished)
    window.queue.show_tab(Tab.UNMATCHED)
    with session.database.reading() as conn:
        (request_id,) = conn.execute(
            "SELECT id FROM requests WHERE customer_email = ? AND state = 'unmatched'", (email,)
        ).fetchone()
    window.queue.select_request(request_id)
    wait(window.detail_shown)
    window.commands.find_order.trigger()
    dialog = window.findChild(FindOrderDialog)
    for _ in range(300):  # the search runs at once; its answer resets the model
        if dialog.model.rowCount():
            break
        wait(dialog.model.modelReset, 100)
    for _ in range(5):
        QApplication.processEvents()
    if os.environ.get("CANCELAPP_XVFB"):  # the window with the dialog over it, as seen
        frame = window.frameGeometry()
        screen = QApplication.primaryScreen()
        shot = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    else:
        shot = dialog.grab()
    saved = shot.save(str(target))
    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    dialog.reject()
    return saved


def _save_both_languages(app: QApplication, window: MainWindow, out: Path, name: str) -> bool:
    """The window at 1366x768 in English and Danish: `{name}-1366-{language}.png`."""
    from cancelapp.settings import Language

    window.resize(*LAPTOP)
    window.status.clearMessage()  # a passing line, in the language it was said in
    for language in ("en", "da"):
        window.use_language(Language.DANISH if language == "da" else Language.ENGLISH)
        for _ in range(5):
            app.processEvents()
        target = out / f"{name}-1366-{language}.png"
        if not window.grab().save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return False
        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    window.use_language(Language.ENGLISH)
    return True


def _show(window: MainWindow, request_id: int, wait: Callable[..., None]) -> bool:
    """Select the request in whichever tab holds it, and wait for its detail, read afresh."""
    from cancelapp.ui.queue.queue_index import Tab

    for tab in Tab:
        window.queue.show_tab(tab)
        if window.model.row_of(request_id) is not None:
            break
    else:
        print(f"request {request_id} is in no tab", file=sys.stderr)
        return False
    if window.queue.current_request_id() == request_id:
        window.details.reload()
    else:
        window.queue.select_request(request_id)
    wait(window.detail_shown, 10_000)
    for _ in range(20):  # an earlier load (after an action, a sync) may answer first
        detail = window.current_detail()
        if detail is not None and detail.request.id == request_id:
            return True
        wait(window.detail_shown, 3_000)
    print(f"request {request_id} did not show", file=sys.stderr)
    return False


def _approve(window: MainWindow, request_id: int, wait: Callable[..., None]) -> bool:
    """Select the request, press Approve and confirm its preview, as a merchant does."""
    from PySide6.QtWidgets import QApplication

    if not _show(window, request_id, wait):
        return False
    if not window.commands.approve.isEnabled():
        print(f"Approve is not enabled on request {request_id}", file=sys.stderr)
        return False
    opened: list[object] = []
    problems: list[str] = []
    window.actions_.dialog_opened.connect(opened.append)
    window.actions_.problem.connect(lambda text, _details: problems.append(text))
    window.commands.approve.trigger()
    wait(window.actions_.dialog_opened)
    window.actions_.dialog_opened.disconnect(opened.append)
    if not opened:
        print(f"the approve preview did not open: {problems}", file=sys.stderr)
        return False
    dialog = opened[0]
    dialog.confirm_button.click()  # type: ignore[attr-defined]
    wait(window.actions_.finished)
    for _ in range(5):
        QApplication.processEvents()
    return True


def _warehouse_wait(
    app: QApplication, window: MainWindow, out: Path, order_id: str, wait: Callable[..., None]
) -> bool:
    """An order a fulfillment service accepted: approved, so the warehouse was asked, and the
    request waits for its answer (the pane says so)."""
    from cancelapp.settings import Language
    from cancelapp.ui.queue.queue_index import Tab

    window.use_language(Language.ENGLISH)  # what the status line says, said in English
    window.queue.show_tab(Tab.NEEDS_DECISION)
    request_id = window.model.request_of_order(order_id)
    if request_id is None or not _approve(window, request_id, wait):
        print("the request at the warehouse could not be approved", file=sys.stderr)
        return False
    window.queue.show_tab(Tab.NEEDS_DECISION)  # where it waits for the warehouse's answer
    return _show(window, request_id, wait) and _save_both_languages(
        app, window, out, "warehouse-wait"
    )


def _offline_queue(
    app: QApplication, window: MainWindow, shop: DemoShop, out: Path, wait: Callable[..., None]
) -> bool:
    """The shop out of reach: two Approve requests decided from the cache, shown as queued
    (in Done, until Shopify answers) with the detail pane saying so."""
    from cancelapp.ui.queue.queue_index import Column, Tab
    from cancelapp.ui.queue.queue_model import OUTCOME_ROLE

    window.queue.show_tab(Tab.NEEDS_DECISION)
    model = window.model
    candidates = [
        model.request_id_at(r)
        for r in range(model.rowCount())
        if model.index(r, Column.VERDICT).data(OUTCOME_ROLE) == "approve"
        and model.queue_row(r).action_state is None
    ]
    shop.stop()
    window.sync_now()
    wait(window.sync.online_changed)
    chosen: list[int] = []
    for request_id in candidates:
        if len(chosen) == 2:
            break
        if not _show(window, request_id, wait):
            return False
        detail = window.current_detail()
        if detail is None or detail.request.line_item_ids:
            continue  # part of an order: Shopify's calculation is needed, online
        if not _approve(window, request_id, wait):
            return False
        chosen.append(request_id)
    if not chosen or not _show(window, chosen[-1], wait):
        print("no queued decision to show", file=sys.stderr)
        return False
    return _save_both_languages(app, window, out, "offline-queue")


def _admin_like_order(shop: DemoShop) -> str:
    """A partly shipped order with an item in a size or colour, paid by card, with a request:
    items with images, shipping, taxes, a payment and a tracking number."""
    for _ in range(40):
        order_id = shop.create_order("partially_fulfilled")
        order = shop.order(order_id)
        if any(li.variant and li.variant.options for li in order.line_items):
            break
    shop.add_cancel_request(order_id, "Please cancel the rest of my order.")
    return order_id


def _order_as_in_admin(
    app: QApplication, window: MainWindow, shop: DemoShop, out: Path, wait: Callable[..., None]
) -> bool:
    """At 1366x768, in English and Danish: the detail pane scrolled to the order as the
    Shopify admin shows it (items with images, variant and SKU; shipping, taxes, payments)."""
    from cancelapp.settings import Language
    from cancelapp.ui.queue.queue_index import Tab

    order_id = _admin_like_order(shop)
    window.sync_now()
    wait(window.sync.finished)
    window.resize(*LAPTOP)
    window.queue.show_tab(Tab.NEEDS_DECISION)
    with window.session.database.reading() as conn:
        (request_id,) = conn.execute(
            "SELECT id FROM requests WHERE order_gid = ?", (order_id,)
        ).fetchone()
    window.queue.select_request(request_id)
    wait(window.details.images_shown)
    for language in ("en", "da"):
        window.use_language(Language.DANISH if language == "da" else Language.ENGLISH)
        for _ in range(5):
            app.processEvents()
        pane = window.detail
        pane.verticalScrollBar().setValue(pane.order_section.y())
        for _ in range(5):
            app.processEvents()
        target = out / f"order-as-in-admin-1366-{language}.png"
        if not window.grab().save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return False
        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    window.use_language(Language.ENGLISH)
    return True


def _save(widget: QWidget, target: Path) -> bool:
    if not widget.grab().save(str(target)):
        print(f"could not write {target}", file=sys.stderr)
        return False
    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    return True


def _search_hint(app: QApplication, window: MainWindow, out: Path) -> bool:
    """A search with no hit in the tab shown: the tabs count the hits, the hint says where."""
    from cancelapp.settings import Language
    from cancelapp.ui.queue.queue_index import Column, Tab

    window.resize(*LAPTOP)
    window.queue.show_tab(Tab.APPROVE)
    name = window.model.index(0, Column.ORDER).data()
    window.queue.show_tab(Tab.DENY)
    window.queue.search.setText(name)
    window.queue.apply_filter()
    for language in ("en", "da"):
        window.use_language(Language.DANISH if language == "da" else Language.ENGLISH)
        for _ in range(30):  # the tabs count once typing pauses
            app.processEvents()
            if window.queue.search_hint.isVisible():
                break
            _pause(50)
        if not _save(window, out / f"search-hint-1366-{language}.png"):
            return False
    window.queue.search.clear()
    window.queue.apply_filter()
    return True


def _policy_editor(
    app: QApplication, window: MainWindow, out: Path, wait: Callable[..., None]
) -> bool:
    """The policy editor in Danish: a fee typed as "2,5", the window shortened, and the
    requests whose verdict that would change."""
    from PySide6.QtWidgets import QLineEdit

    from cancelapp.settings import Language

    window.use_language(Language.DANISH)
    opened: list[object] = []
    window.policy.editor_opened.connect(opened.append)
    window.commands.policy.trigger()
    wait(window.policy.editor_opened)
    editor = window.policy.editor
    if editor is None:
        print("the policy editor did not open", file=sys.stderr)
        return False
    editor.resize(1300, 740)
    for row in range(editor.rule_list.count()):
        if editor.rule_list.item(row).text().endswith(": I tide"):
            editor.rule_list.setCurrentRow(row)
    editor.form.fee_percent.setText("2,5")
    window_field = editor.form.conditions["placed_within"]
    assert isinstance(window_field, QLineEdit)
    window_field.setText("2t")
    editor.form.edited.emit()
    for _ in range(20):
        app.processEvents()
        _pause(20)
    saved = _save(editor, out / "policy-editor-1366-da.png")
    editor.reject()
    window.use_language(Language.ENGLISH)
    return saved


def _wizard_guide(app: QApplication, window: MainWindow, out: Path) -> bool:
    """The connect wizard's guide at a laptop's height: steps and scopes scroll, never cut."""
    from cancelapp.settings import Language
    from cancelapp.ui.connect.connect_wizard import ConnectWizard

    context = window.context
    saved = True
    for language in ("en", "da"):  # made in each language, as a merchant opens it
        window.use_language(Language.DANISH if language == "da" else Language.ENGLISH)
        wizard = ConnectWizard(context.workers, context.secrets, context.database, window)
        wizard.use_loopback("http://127.0.0.1:1")
        wizard.resize(900, 700)
        wizard.show()
        wizard.next()
        for _ in range(5):
            app.processEvents()
        saved = saved and _save(wizard, out / f"wizard-guide-1366-{language}.png")
        wizard.reject()
        wizard.deleteLater()
    window.use_language(Language.ENGLISH)
    return saved


def _pause(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _reports(app: QApplication, window: MainWindow, out: Path, wait: Callable[..., None]) -> bool:
    """The Reports window at 1366x768, in English and Danish, after five approvals."""
    from PySide6.QtCore import QItemSelectionModel

    from cancelapp.settings import Language
    from cancelapp.ui.dialogs.bulk_dialogs import BulkConfirmDialog
    from cancelapp.ui.queue.queue_index import Column, Tab
    from cancelapp.ui.queue.queue_model import OUTCOME_ROLE

    window.use_language(Language.ENGLISH)
    window.queue.show_tab(Tab.APPROVE)
    model = window.model
    rows = [
        r
        for r in range(model.rowCount())
        if model.index(r, Column.VERDICT).data(OUTCOME_ROLE) == "approve"
    ][:5]
    selection = window.queue.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.clearSelection()
    for row in rows:
        selection.select(model.index(row, 0), flags)
    opened: list[object] = []
    window.bulk.dialog_opened.connect(opened.append)
    window.commands.approve_selected.trigger()
    wait(window.bulk.dialog_opened)
    confirm = next((d for d in opened if isinstance(d, BulkConfirmDialog)), None)
    if confirm is None:
        print("the bulk confirmation did not open", file=sys.stderr)
        return False
    confirm.confirm_button.click()
    wait(window.bulk.finished, 120_000)
    window.commands.reports.trigger()
    reports = window.reports_window
    if reports is None:
        print("the Reports window did not open", file=sys.stderr)
        return False
    wait(reports.loaded)
    reports.resize(*LAPTOP)
    for language in ("en", "da"):
        window.use_language(Language.DANISH if language == "da" else Language.ENGLISH)
        for _ in range(5):
            app.processEvents()
        if not _save(reports, out / f"reports-1366-{language}.png"):
            return False
    reports.close()
    return True


if __name__ == "__main__":
    raise SystemExit(main())
