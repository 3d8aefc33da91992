"""Tells the merchant in the banner when a newer CancelApp is out (`cancelapp.updates`).

Asks once whether to check at all (the answer is kept in the settings, and can be changed in
Edit › Settings); when on, checks at start and then every few hours, in a worker, and the core
asks the feed at most once a day. Nothing is ever downloaded: the banner links to the release.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

import cancelapp
from cancelapp.ui.banner import Banner
from cancelapp.updates import RELEASES_URL, STATE_FILE_NAME, Release, check_for_update

if TYPE_CHECKING:
    from cancelapp.context import AppContext

log = logging.getLogger(__name__)
# How often a running CancelApp looks whether its last check is a day old (a file read).
_RECHECK = timedelta(hours=3)


class UpdateNotice(QObject):
    checked = Signal(object)  # Release | None: the newer release, after each check

    def __init__(self, context: AppContext, banner: Banner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.banner = banner
        self.url = RELEASES_URL  # the one place a fork changes: cancelapp.updates
        self._timer = QTimer(self)
        self._timer.setInterval(int(_RECHECK.total_seconds() * 1000))
        self._timer.timeout.connect(self.check)
        self._asking = False
        self._started = False

    def start(self) -> None:
        """At an interactive start: ask, or check if the merchant said yes. Once per window."""
        if self._started:
            return
        self._started = True
        wanted = self.context.settings.check_for_updates
        if wanted is None:
            self._ask()
        else:
            self.apply(wanted)

    def apply(self, wanted: bool | None) -> None:
        """Follow the setting (also when changed in the settings dialog)."""
        if wanted and not self._timer.isActive():
            self._timer.start()
            self.check()
        elif not wanted:
            self._timer.stop()

    def check(self) -> None:
        task = self.context.workers.run(
            check_for_update,
            self.context.paths.cache_dir / STATE_FILE_NAME,
            cancelapp.__version__,
            datetime.now(UTC),
            self.url,
        )
        task.succeeded.connect(self._checked)
        task.failed.connect(lambda error: log.warning("update check failed: %r", error))

    def _checked(self, release: Release | None) -> None:
        if release is not None and self.context.settings.check_for_updates:
            version = release.version
            self.banner.show_notice(
                lambda: (
                    self.tr("CancelApp {version} is available:").format(version=version),
                    self.tr("what's new"),
                ),
                release.url,
            )
        self.checked.emit(release)

    def _ask(self) -> None:
        if self.banner.text:  # what the merchant is being told comes first; ask once it is gone
            self.banner.dismissed.connect(self._ask_when_free)
            return
        self._asking = True
        self.banner.answered.connect(self._answered)
        self.banner.ask(self._question)

    def _question(self) -> tuple[str, str, str]:
        """The question and its two answers, in the language of the moment."""
        return (
            self.tr(
                "Should CancelApp look once a day for a newer version? It asks the project's "
                "release page on GitHub and sends nothing about you or your shop."
            ),
            self.tr("Check daily"),
            self.tr("Don't check"),
        )

    def _ask_when_free(self) -> None:
        self.banner.dismissed.disconnect(self._ask_when_free)
        self._ask()

    def _answered(self, yes: bool) -> None:
        if not self._asking:
            return
        self._asking = False
        self.banner.answered.disconnect(self._answered)
        before = self.context.settings
        owner = self.context.settings_file  # the one owner: no save overtakes another
        settings, ticket = owner.change(before, replace(before, check_for_updates=yes))
        task = self.context.workers.run(owner.write, settings, ticket)
        task.failed.connect(lambda error: log.warning("update answer not saved: %r", error))
        self.apply(yes)
