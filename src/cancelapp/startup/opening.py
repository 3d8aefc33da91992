"""Opening the data at start-up, with one path for every failure: logged, printed, shown.

A damaged database is not a dead end: the merchant may restore the latest backup (recorded
as a restore in the audit log) or move the file aside and start empty; then the start goes on.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime

from cancelapp import cli
from cancelapp.paths import AppPaths
from cancelapp.startup.problems import (
    Choice,
    StartupProblem,
    folder_problem,
    report,
    store_problem,
)
from cancelapp.store import StoreError

log = logging.getLogger(__name__)
Ask = Callable[[StartupProblem], Choice]


def display_available() -> bool:
    """A screen a box can appear on (not offscreen, not a Linux session without X or Wayland)."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return False
    needs_server = sys.platform.startswith(("linux", "freebsd"))  # X11 or Wayland
    return not needs_server or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def asker(options: cli.Options) -> Ask | None:
    """How to ask the merchant (a message box), or None when no box may be shown."""
    if options.no_error_dialogs or options.self_check or not display_available():
        return None
    return _ask_with_a_box


def _ask_with_a_box(problem: StartupProblem) -> Choice:
    # The box's Qt classes load only when there is a problem to show.
    from cancelapp.startup.error_box import ask

    return ask(problem)


def open_data[C](
    paths: AppPaths,
    options: cli.Options,
    build: Callable[[AppPaths, cli.Options], C],
    ask: Ask | None,
) -> C | None:
    """`build(paths, options)`, or None once the merchant has been told why it cannot be.

    `ask` shows the problem and returns the merchant's `Choice` (None: no box may be shown).
    """
    while True:
        try:
            return build(paths, options)
        except StoreError as error:
            problem = store_problem(error, paths)
            report(problem, error)
            choice = ask(problem) if ask is not None else Choice.QUIT
            if problem.damage is None or choice is Choice.QUIT:
                return None
            if choice is Choice.RESTORE_BACKUP:
                from cancelapp.store.backups import restore_latest

                restored = restore_latest(problem.damage, datetime.now(UTC))
                if restored is None:
                    return None
            else:
                kept = problem.damage.move_aside()
                log.warning("damaged database moved aside to %s; starting empty", kept)


def explain_folder_failure(error: OSError, paths: AppPaths, ask: Ask | None) -> None:
    """The data folder could not be made: nothing can start, but the merchant is told."""
    problem = folder_problem(error, paths)
    report(problem, error)
    if ask is not None:
        ask(problem)
