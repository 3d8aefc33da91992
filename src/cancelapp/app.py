"""Composition root: builds the application context and hands it to the window."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from cancelapp import __version__, cli
from cancelapp.paths import AppPaths, resources_dir

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """Everything a window needs, built once here; no global lookups elsewhere."""

    paths: AppPaths
    options: cli.Options


def _setup_logging(paths: AppPaths) -> None:
    log_file = paths.log_dir / "cancelapp.log"
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=[logging.FileHandler(log_file, encoding="utf-8")],
    )
    crash_file = (paths.log_dir / "faulthandler.log").open("a", encoding="utf-8")
    faulthandler.enable(crash_file)


def main(argv: Sequence[str] | None = None) -> int:
    options = cli.parse(list(argv) if argv is not None else None)
    if options.self_check:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paths = AppPaths.resolve(options.data_dir)
    try:
        paths.create()
    except OSError as exc:
        print(f"CancelApp cannot create its data folder: {exc}", file=sys.stderr)
        return 2
    _setup_logging(paths)
    log.info("CancelApp %s starting, data in %s", __version__, paths.data_dir)

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from cancelapp.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("CancelApp")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "cancelapp.svg")))

    context = AppContext(paths=paths, options=options)
    window = MainWindow(context)
    window.show()
    if options.self_check:
        return _self_check(app, window)
    return app.exec()


def _self_check(app: object, window: object) -> int:
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    app.processEvents()
    if not getattr(window, "isVisible", lambda: False)():
        print("self-check failed: the main window did not open", file=sys.stderr)
        return 1
    print(f"CancelApp {__version__} self-check: ok")
    return 0
