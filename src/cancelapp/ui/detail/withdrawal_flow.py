"""The window's side of an EU withdrawal after shipment: "Accept withdrawal" asks once, opens
the return in a worker (`session/withdrawal.py`), then shows the return instructions for the
customer in a `ReplyDialog`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from cancelapp.domain.order import Order
from cancelapp.domain.request import RequestState
from cancelapp.session.detail import RequestDetail
from cancelapp.ui.detail.action_controller import describe_error
from cancelapp.ui.detail.detail_pane import plain_label
from cancelapp.ui.detail.reply_dialog import ReplyDialog
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.workers import Lane, WorkerPool

if TYPE_CHECKING:
    from cancelapp.session.refresh import StoreSession
    from cancelapp.session.withdrawal import AcceptedWithdrawal, Acknowledgement

_OPEN = frozenset({RequestState.OPEN, RequestState.FAILED})


def shipped(order: Order | None) -> bool:
    return order is not None and order.units_fulfilled > 0


class ConfirmWithdrawalDialog(QDialog):
    """What accepting does, asked once; a refusal from Shopify is shown here."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept withdrawal"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(text, selectable=True))
        self.problem_label = plain_label("", selectable=True)
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = QPushButton(self.tr("Open the return in Shopify"))
        self.confirm_button.setDefault(True)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def show_problem(self, message: str) -> None:
        self.problem_label.setText(message)
        self.problem_label.show()
        self.confirm_button.setEnabled(True)


class WithdrawalFlow(QObject):
    dialog_opened = Signal(object)  # the ConfirmWithdrawalDialog, then the ReplyDialog
    accepted = Signal(object)  # AcceptedWithdrawal
    rows_changed = Signal(object)  # frozenset of request ids
    # Acknowledgements prepared on arrival (tuple of `Acknowledgement`): for the merchant to send
    # from the request (`acknowledge`), and where a mail sender takes them.
    acknowledged = Signal(object)
    problem = Signal(object)

    def __init__(
        self,
        workers: WorkerPool,
        formatter: Formatter,
        window: QWidget,
        current_session: Callable[[], StoreSession | None],
    ) -> None:
        super().__init__(window)
        self.workers = workers
        self.formatter = formatter
        self.window = window
        self.current_session = current_session
        self.dialog: QDialog | None = None

    @staticmethod
    def applies_to(detail: RequestDetail | None) -> bool:
        """A statutory withdrawal of shipped goods, undecided, with no return open yet."""
        if detail is None or not detail.complete or detail.busy:
            return False
        order = detail.order
        return (
            detail.verdict.statutory_withdrawal
            and detail.request.state in _OPEN
            and shipped(order)
            and order is not None
            and not order.has_active_return
        )

    @classmethod
    def takes_the_return_path(cls, detail: RequestDetail) -> bool:
        """Approving it can only mean a return: every unit it covers has shipped."""
        order = detail.order
        return (
            cls.applies_to(detail)
            and order is not None
            and all(li.unfulfilled_quantity == 0 for li in order.line_items)
        )

    @staticmethod
    def can_acknowledge(detail: RequestDetail | None) -> bool:
        from cancelapp.domain.withdrawal import RequestKind

        return (
            detail is not None
            and detail.withdrawal is not None
            and detail.withdrawal.kind is RequestKind.WITHDRAWAL
            and detail.request.source_acknowledged
        )

    def acknowledge_arrivals(self, request_ids: frozenset[int]) -> None:
        """New requests arrived: prepare the acknowledgement of each withdrawal among them."""
        from cancelapp.session.withdrawal import acknowledge_arrivals

        session = self.current_session()
        if session is None or not request_ids:
            return
        task = self.workers.run_on(Lane.DATABASE_WRITE, acknowledge_arrivals, session, request_ids)

        def done(prepared: tuple[Acknowledgement, ...]) -> None:
            if prepared:
                self.acknowledged.emit(prepared)
                self.rows_changed.emit(frozenset(a.request_id for a in prepared))

        task.succeeded.connect(done)
        task.failed.connect(self.problem)

    def acknowledge(self, detail: RequestDetail) -> None:
        """Show the acknowledgement of the selected withdrawal, to send."""
        from cancelapp.session.withdrawal import acknowledgement_for

        session = self.current_session()
        request_id = detail.request.id
        if session is None or request_id is None or not self.can_acknowledge(detail):
            return
        task = self.workers.run_on(Lane.DATABASE_WRITE, acknowledgement_for, session, request_id)

        def done(ack: Acknowledgement | None) -> None:
            if ack is None:
                return
            intro = self.tr(
                "Send the customer this acknowledgement of their withdrawal: it repeats what "
                "they wrote and when it was received."
            )
            dialog = ReplyDialog(self.tr("Acknowledge withdrawal"), intro, ack.reply, self.window)
            self.dialog = dialog
            dialog.open()
            self.dialog_opened.emit(dialog)
            self.rows_changed.emit(frozenset({request_id}))

        task.succeeded.connect(done)
        task.failed.connect(self.problem)

    def open(self, detail: RequestDetail) -> ConfirmWithdrawalDialog | None:
        session = self.current_session()
        request_id = detail.request.id
        if session is None or request_id is None or not self.applies_to(detail):
            return None
        order = detail.order
        assert order is not None
        lines = [
            self.tr(
                "Open a return in Shopify for the shipped items of order {order}, and prepare "
                "the return instructions for the customer."
            ).format(order=order.name)
        ]
        due = detail.withdrawal.refund_due_on if detail.withdrawal is not None else None
        if due is not None:
            lines.append(
                self.tr(
                    "The refund follows the return: no fee, the standard delivery cost included, "
                    "by the means the customer paid with, due by {day} (Art. 13)."
                ).format(day=self.formatter.day(due))
            )
        if self.dialog is not None:
            self.dialog.close()
        dialog = ConfirmWithdrawalDialog("\n\n".join(lines), self.window)
        dialog.confirm_button.clicked.connect(lambda: self._accept(dialog, session, request_id))
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _accept(
        self, dialog: ConfirmWithdrawalDialog, session: StoreSession, request_id: int
    ) -> None:
        from cancelapp.session.withdrawal import accept_withdrawal

        dialog.confirm_button.setEnabled(False)
        task = self.workers.run_on(
            Lane.NETWORK, accept_withdrawal, session, request_id, session.runner.who
        )

        def done(accepted: AcceptedWithdrawal) -> None:
            dialog.accept()
            self.rows_changed.emit(frozenset({request_id}))
            self.accepted.emit(accepted)
            self._show_reply(accepted)

        task.succeeded.connect(done)
        task.failed.connect(lambda error: dialog.show_problem(self._message(error)))

    def _show_reply(self, accepted: AcceptedWithdrawal) -> None:
        intro = self.tr(
            "Return {name} is open in Shopify. Send the customer the return instructions "
            "(add your return address):"
        ).format(name=accepted.return_name)
        dialog = ReplyDialog(self.tr("Return instructions"), intro, accepted.reply, self.window)
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _message(self, error: object) -> str:
        return describe_error(error, self.formatter)[0]
