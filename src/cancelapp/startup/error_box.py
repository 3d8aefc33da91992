"""The native message box for a start-up failure: what happened, what to do, the data folder.

Shown only when there is a display and neither `--self-check` nor `--no-error-dialogs` was
given (`opening.asker`), so a smoke test or CI can never hang on it; loaded only then. For a
damaged database it also offers to restore the latest backup or to move the file aside and
start empty.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLocale, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from cancelapp.startup.problems import Choice, StartupProblem

_CONTEXT = "Startup"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class StartupErrorBox(QMessageBox):
    """Built here, run with `ask()`; tests look at it without running it."""

    def __init__(self, problem: StartupProblem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from cancelapp.ui.formatting import Formatter

        self.problem = problem
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(_tr("CancelApp cannot start"))
        formatter = Formatter(QLocale())
        self.setText(formatter.phrase(problem.message))
        about = _tr("The details are in the log file {file}.").format(file=problem.log_file)
        if problem.damage is not None and problem.latest_backup is not None:
            backup = _tr("The latest backup is from {time}.").format(
                time=formatter.date_time(problem.latest_backup)
            )
            about = f"{backup}\n\n{about}"
        self.setInformativeText(about)
        self.choices: dict[QAbstractButton, Choice] = {}
        if problem.damage is not None:
            if problem.latest_backup is not None:
                restore = self.addButton(
                    _tr("Restore latest backup"), QMessageBox.ButtonRole.AcceptRole
                )
                self.choices[restore] = Choice.RESTORE_BACKUP
                self.setDefaultButton(restore)
            empty = self.addButton(
                _tr("Move the file aside and start empty"), QMessageBox.ButtonRole.DestructiveRole
            )
            self.choices[empty] = Choice.START_EMPTY
        self.open_folder_button = self.addButton(
            _tr("Open data folder"), QMessageBox.ButtonRole.ActionRole
        )
        self.quit_button = self.addButton(_tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.choices[self.quit_button] = Choice.QUIT
        self.setEscapeButton(self.quit_button)
        if self.defaultButton() is None:
            self.setDefaultButton(self.quit_button)

    def choice(self) -> Choice | None:
        """The merchant's answer; None for "Open data folder" (the box is asked again)."""
        clicked = self.clickedButton()
        if clicked is self.open_folder_button:
            return None
        return self.choices.get(clicked, Choice.QUIT)


def ask(problem: StartupProblem) -> Choice:
    """Show the box until the merchant chooses; "Open data folder" opens it and asks again."""
    from PySide6.QtWidgets import QApplication

    from cancelapp.settings import Language
    from cancelapp.ui.i18n import Translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    translations = Translations(app)
    translations.apply(Language.SYSTEM)
    box = StartupErrorBox(problem)
    while True:
        box.exec()
        choice = box.choice()
        if choice is not None:
            return choice
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(problem.folder)))
