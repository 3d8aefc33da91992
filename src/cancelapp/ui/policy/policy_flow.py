"""The open store's policy and cancellation window, the policy editor, and re-judging.

The store's rules (policy and the store's own window) have one owner, the context's
`StorePolicies`: read in a worker after the first rows show, with the window as the last sync
kept it in the cache (so an offline start judges with it too); each sync swaps in the window it
read, and a save swaps in the policy. This flow only reads them. The
editor opens with the cached requests for its live preview and the decided ones for its
backtest, both read off the GUI thread; after a save every verdict is judged again off the GUI
thread, from the cache alone (offline too).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from cancelapp.domain.withdrawal import WithdrawalTerms
from cancelapp.session.store_policy import StorePolicy
from cancelapp.store.stores import StoreRecord
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.workers import Lane

if TYPE_CHECKING:  # the policy code loads after the first rows show
    from cancelapp.context import AppContext
    from cancelapp.policy import Policy, PolicyLoad
    from cancelapp.session.policy_cases import PolicyCases
    from cancelapp.session.refresh import StoreSession
    from cancelapp.ui.policy.policy_editor import PolicyEditor


class PolicyFlow(QObject):
    ready = Signal()  # the open store's policy is loaded
    rejudged = Signal(object)  # frozenset of the request ids judged again
    editor_opened = Signal(object)  # the PolicyEditor now open
    request_wanted = Signal(int)  # the merchant asked the editor to show this request
    problem = Signal(object)  # an error, for the banner
    message = Signal(object)  # the banner's `Words`: message and details

    def __init__(
        self,
        context: AppContext,
        formatter: Formatter,
        parent_widget: QWidget,
        current_session: Callable[[], StoreSession | None],
    ) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.formatter = formatter
        self.parent_widget = parent_widget
        self.current_session = current_session
        self.store: StoreRecord | None = None
        self.editor: PolicyEditor | None = None  # the one open editor, modeless

    @property
    def rules(self) -> StorePolicy | None:
        """The open store's rules once read (by `load()` or its session)."""
        return self.context.policies.get(self.store.id) if self.store is not None else None

    @property
    def policy(self) -> Policy | None:
        rules = self.rules
        return rules.policy if rules is not None else None

    @property
    def shop_edit_window(self) -> timedelta | None:
        """The open store's own window, as the cache or the last sync had it."""
        rules = self.rules
        return rules.shop_edit_window if rules is not None else None

    def set_store(self, store: StoreRecord) -> None:
        """Another store opens: its rules are read by `load()` unless already held."""
        self.store = store

    def load(self) -> None:
        store = self.store
        if store is None:
            return
        task = self.context.workers.run(self.context.policies.load, store.id)
        task.succeeded.connect(lambda loaded: self._loaded(store, loaded[1]))
        task.failed.connect(self.problem)

    def _loaded(self, store: StoreRecord, loaded: PolicyLoad | None) -> None:
        if store is not self.store:
            return
        if loaded is not None and loaded.notice is not None:
            notice, problem = loaded.notice, str(loaded.problem)
            self.message.emit(lambda: (self.formatter.phrase(notice), problem))
        self.ready.emit()

    # The editor ----------------------------------------------------------------------------------

    def open_editor(self) -> None:
        store = self.store
        if store is None:
            return
        if self.editor is not None:  # already open: bring it forward
            self.editor.raise_()
            self.editor.activateWindow()
            return
        from cancelapp.session.policy_cases import load_policy_cases

        task = self.context.workers.run(load_policy_cases, self.context.database, store.id)
        task.succeeded.connect(lambda cases: self._cases_loaded(store, cases))
        task.failed.connect(self.problem)

    def _cases_loaded(self, store: StoreRecord, cases: PolicyCases) -> None:
        if store is not self.store:
            return
        from cancelapp.policy import policy_path
        from cancelapp.ui.policy.policy_editor import PolicyEditor

        editor = PolicyEditor(
            policy_path(self.context.paths.config_dir, store.id),
            now=datetime.now(UTC),
            requests=cases.requests,
            past=cases.past,
            shop_edit_window=self.shop_edit_window,
            in_force=self.policy,
            formatter=self.formatter,
            parent=self.parent_widget,
        )
        editor.saved.connect(lambda policy: self._saved(store, policy))
        editor.open_request.connect(self.request_wanted)
        editor.finished.connect(lambda _result: self._closed(editor))
        self.editor = editor
        editor.show()  # modeless: a request it lists can be looked at in the queue
        self.editor_opened.emit(editor)

    def use_withdrawal_terms(self, store: StoreRecord, terms: WithdrawalTerms) -> None:
        """The settings gave the store new withdrawal terms: judge its requests again."""
        from cancelapp.session.refresh import DueVerdicts, judge_due

        if not self.context.policies.set_withdrawal_terms(store.id, terms):
            return
        rules = self.context.policies.current(store.id)
        now = self.context.clock()
        task = self.context.workers.run_cancellable_on(
            Lane.DATABASE_WRITE, judge_due, self.context.database, store.id, rules, now
        )

        def judged(due: DueVerdicts) -> None:
            if store is self.store:
                self.rejudged.emit(due.judged)

        task.succeeded.connect(judged)
        task.failed.connect(self.problem)

    def _closed(self, editor: PolicyEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def _saved(self, store: StoreRecord, policy: Policy) -> None:
        """The saved rules apply to the editor's store, even when another is shown now."""
        from cancelapp.session.refresh import DueVerdicts, judge_due

        rules = self.context.policies.save_policy(store.id, policy)
        now = self.context.clock()
        task = self.context.workers.run_cancellable_on(
            Lane.DATABASE_WRITE, judge_due, self.context.database, store.id, rules, now
        )

        def judged(due: DueVerdicts) -> None:
            if store is self.store:
                self.rejudged.emit(due.judged)

        task.succeeded.connect(judged)
        task.failed.connect(self.problem)
