"""Errors and notices in a strip above the queue: never a modal dialog, never a stack of them.

A notice may carry a link (opened in the browser, `show_notice`) or ask a yes/no question
(`ask`); both are worded again when the language changes, as is a message given as its words
(`say`, `show_phrase`). `show_message` shows a text as it is. A message is an error (red)
unless said with `info` (blue): news the merchant should read, where nothing went wrong."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cancelapp.domain.phrase import Phrase
from cancelapp.ui.retranslating import Retranslating
from cancelapp.ui.theme import banner_colors, is_dark

# A message and its details (None: none), made now and again when the language changes.
type Words = Callable[[], tuple[str, str | None]]


@dataclass(frozen=True)
class ShownMessage:
    """A message taken off the strip (`put_away`) to be shown again (`bring_back`)."""

    text: str
    details: str | None
    link: tuple[str, str] | None
    report: str | None
    repeats: int
    reword: Callable[[], None] | None = None  # a notice's words in the language of the moment
    info: bool = False


class Banner(Retranslating, QFrame):
    """`show_message(text, details)`; the same message again only bumps a counter."""

    dismissed = Signal()
    answered = Signal(bool)  # the answer to `ask`; not sent when dismissed unanswered

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A core message shown (with its details), said again when the language changes.
        self._phrase: tuple[Phrase, tuple[Phrase, ...], Callable[[Phrase], str]] | None = None
        # The question or linked notice shown, worded again when the language changes.
        self._reword: Callable[[], None] | None = None
        self.setObjectName("banner")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        self.link = QLabel()
        self.link.setTextFormat(Qt.TextFormat.RichText)  # our own markup; its text is escaped
        self.link.setOpenExternalLinks(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.link.hide()
        self.yes_button = QPushButton()
        self.yes_button.clicked.connect(lambda: self._answer(True))
        self.no_button = QPushButton()
        self.no_button.clicked.connect(lambda: self._answer(False))
        self.details_button = QPushButton()
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self.details.setVisible)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self._copy_report)
        self.copy_button.hide()
        self._report = ""
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.dismiss)
        self._text = ""
        self._repeats = 0
        self._link: tuple[str, str] | None = None
        self._brought_back = False  # the message on the strip came back: the same, once more
        self._info = False  # the message is news, not an error

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.link)
        row.addStretch(0)  # takes the message's room when a link follows it
        self._row = row
        row.addWidget(self.yes_button)
        row.addWidget(self.no_button)
        row.addWidget(self.details_button)
        row.addWidget(self.copy_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(row)
        layout.addWidget(self.details)
        self._set_question(None)
        self._apply_colours()
        self.retranslate()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()
        super().changeEvent(event)  # the language, in Retranslating

    def retranslate(self) -> None:
        self.details_button.setText(self.tr("Details"))
        self._name_details()
        self.copy_button.setText(self.tr("Copy report"))
        self.copy_button.setAccessibleName(self.tr("Copy the error report for support"))
        self.close_button.setText(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.setAccessibleName(self.tr("Message"))
        phrase = self._phrase
        if phrase is not None and self.isVisible():
            first, more, render = phrase
            self._text = render(first)
            self.message.setText(self._text)
            self.details.setText("\n".join(render(p) for p in more))
        if self._reword is not None and not self.isHidden():
            self._reword()

    def _name_details(self) -> None:
        self.details_button.setAccessibleName(
            self.tr("Show details") if self._info else self.tr("Show error details")
        )

    def show_phrase(
        self, phrase: Phrase, more: Sequence[Phrase] = (), *, render: Callable[[Phrase], str]
    ) -> None:
        """A message from the core, said again by `render` (the window's formatter) when the
        language changes; `more` become the details."""
        self.show_message(render(phrase), "\n".join(render(p) for p in more) or None)
        self._phrase = (phrase, tuple(more), render)

    def show_message(
        self,
        text: str,
        details: str | None = None,
        *,
        link: tuple[str, str] | None = None,
        report: str | None = None,
        info: bool = False,
    ) -> None:
        """`link`: (address, words), shown after the text; `report`: an error report the
        merchant can copy for support; `info`: news, not an error. A question asked is
        withdrawn."""
        if info != self._info:
            self._info = info
            self._apply_colours()
            self._name_details()
        self._phrase = None
        self._reword = None
        self._set_question(None)
        self._link = link
        self._report = report or ""
        self.copy_button.setVisible(bool(report))
        if link is None:
            self.link.clear()
        else:
            self.link.setText(_link_markup(*link))
        self.link.setVisible(link is not None)
        self.message.setWordWrap(link is None)  # a short notice: on one line with its link
        self._row.setStretch(0, 0 if link else 1)
        self._row.setStretch(2, 1 if link else 0)
        brought_back, self._brought_back = self._brought_back, False
        if self.isVisible() and text == self._text and brought_back:
            pass  # said again by what brought its store back: not a repeat
        elif self.isVisible() and text == self._text:
            self._repeats += 1
            self.message.setText(
                self.tr("{message} (×{count})").format(message=text, count=self._repeats + 1)
            )
        else:
            self._text = text
            self._repeats = 0
            self.message.setText(text)
        self.details.setText(details or "")
        self.details_button.setVisible(bool(details))
        if not details:
            self.details_button.setChecked(False)
        self.show()

    def put_away(self) -> ShownMessage | None:
        """Take the message off the strip, to bring it back later (another store is shown);
        None when there is none, or a question is asked (it stays)."""
        if self.isHidden() or not self.yes_button.isHidden():
            return None
        shown = ShownMessage(
            self._text,
            self.details.text() or None,
            self._link,
            self._report or None,
            self._repeats,
            self._reword,
            self._info,
        )
        self.dismiss()
        return shown

    def bring_back(self, shown: ShownMessage) -> None:
        """Show a message put away earlier, as it was."""
        self.show_message(
            shown.text, shown.details, link=shown.link, report=shown.report, info=shown.info
        )
        self._repeats = shown.repeats
        self._reword = shown.reword
        if shown.repeats:
            self.message.setText(
                self.tr("{message} (×{count})").format(message=shown.text, count=shown.repeats + 1)
            )
        elif shown.reword is not None:  # the language may have changed meanwhile
            shown.reword()
        self._brought_back = True

    def say(self, words: Words, *, report: str | None = None, info: bool = False) -> None:
        """A message and its details from `words()`, now and again when the language
        changes; `report` and `info` as in `show_message`."""
        text, details = words()
        self.show_message(text, details, report=report, info=info)

        def reword() -> None:
            text, details = words()
            self._text = text
            shown = self.tr("{message} (×{count})").format(message=text, count=self._repeats + 1)
            self.message.setText(shown if self._repeats else text)
            self.details.setText(details or "")

        self._reword = reword

    def show_notice(self, words: Callable[[], tuple[str, str]], url: str) -> None:
        """A notice with a link to `url`: `words()` gives (text, the link's words), now and
        again when the language changes."""
        text, link_words = words()
        self.show_message(text, link=(url, link_words))

        def reword() -> None:
            text, link_words = words()
            self._text = text
            self._link = (url, link_words)
            self.message.setText(text)
            self.link.setText(_link_markup(url, link_words))

        self._reword = reword

    def say_instead(self, before: Words | None, words: Words | None) -> None:
        """`words` in place of `before` (a list of lines, one gone or added), not counted as
        a repeat; None takes `before` off the strip. Something else on the strip meanwhile
        stays, unless `words` has something to say."""
        shown = before is not None and not self.isHidden() and self.yes_button.isHidden()
        if shown and before is not None and before()[0] == self._text:
            if words is None:
                self.dismiss()
                return
            self._text = ""  # said anew, not again
        if words is not None:
            self.say(words)

    def withdraw(self, text: str) -> None:
        """A message that no longer holds leaves the strip; the other lines of its details
        (more requests left unmatched, say) stay, the next one shown in its place. Details
        that do not list messages (an error's) leave with it."""
        if self.isHidden() or not text or text != self._text or not self.yes_button.isHidden():
            return
        listed = self.details.text().split("\n")
        rest = [line for line in listed if line and line != text] if text in listed else []
        if not rest:
            self.dismiss()
            return
        self.show_message(rest[0], "\n".join(rest) if len(rest) > 1 else None)

    def ask(self, words: Callable[[], tuple[str, str, str]]) -> None:
        """A yes/no question in place of any message: `words()` gives (question, yes, no),
        now and again when the language changes. The answer comes by `answered`. Shown as
        news, not in an error's red: nothing went wrong."""
        question, yes, no = words()
        self.show_message(question, info=True)
        self._set_question((yes, no))

        def reword() -> None:
            question, yes, no = words()
            self._text = question
            self.message.setText(question)
            self._set_question((yes, no))

        self._reword = reword

    def _set_question(self, answers: tuple[str, str] | None) -> None:
        if answers is not None:
            self.yes_button.setText(answers[0])
            self.no_button.setText(answers[1])
        self.yes_button.setVisible(answers is not None)
        self.no_button.setVisible(answers is not None)

    def _copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self._report)

    def _answer(self, yes: bool) -> None:
        self.dismiss()
        self.answered.emit(yes)

    def dismiss(self) -> None:
        self._reword = None
        self._set_question(None)
        self.hide()
        self._text = ""
        self._brought_back = False
        self.details_button.setChecked(False)
        self.dismissed.emit()

    @property
    def text(self) -> str:
        return self.message.text() if self.isVisible() else ""

    def _apply_colours(self) -> None:
        colours = banner_colors(is_dark(), info=self._info)
        sheet = (
            f"QFrame#banner {{ background: {colours.background.name()}; border-radius: 4px; }}"
            f" QFrame#banner > QLabel {{ color: {colours.text.name()}; }}"
        )
        if sheet != self.styleSheet():  # setting it sends another PaletteChange
            self.setStyleSheet(sheet)


def _link_markup(url: str, words: str) -> str:
    import html  # html.entities is a large table: loaded when a link first shows

    return f'<a href="{html.escape(url)}">{html.escape(words)}</a>'
