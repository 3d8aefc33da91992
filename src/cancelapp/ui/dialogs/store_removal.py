"""File › Remove store…: say in plain words what goes, then forget the store in a worker.

What goes: the store's secrets in the keychain, its request settings, its policy file, and
what this computer cached of it (orders, requests, sync state). What stays: the action journal
and the audit log, which still name the store. Nothing changes in Shopify.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from cancelapp.session.store_removal import forget_store
from cancelapp.store.stores import StoreRecord, shown_name

if TYPE_CHECKING:
    from cancelapp.context import AppContext


class StoreRemoval(QObject):
    removed = Signal(object)  # the StoreRecord, once every part of it is gone
    problem = Signal(object)  # an error, for the banner

    def __init__(self, context: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.dialog: QMessageBox | None = None

    def ask(self, store: StoreRecord, stores: Sequence[StoreRecord] = ()) -> None:
        """Open the confirmation; removing starts only on its Remove button."""
        name = shown_name(store, stores)
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Remove store"))
        box.setText(self.tr("Remove {store} from CancelApp on this computer?").format(store=name))
        box.setInformativeText(
            self.tr(
                "CancelApp will delete the orders and requests of this store it keeps on this "
                "computer, the store's policy and request settings, and its token, client "
                "secret and email password in the keychain. Nothing changes in your Shopify "
                "store. The action journal and the audit log are kept, so what was done stays "
                "on record. You can connect the store again later."
            )
        )
        remove = box.addButton(self.tr("Remove store"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.setAccessibleName(self.tr("Remove store"))

        def answered(button: QAbstractButton) -> None:
            if button is remove:
                self._remove(store)

        box.buttonClicked.connect(answered)
        box.finished.connect(box.deleteLater)
        self.dialog = box
        box.open()

    def _remove(self, store: StoreRecord) -> None:
        context = self.context  # plain values for the worker, never the context itself
        task = context.workers.run(
            forget_store,
            context.database,
            context.keychain,
            context.settings_file,
            context.paths.config_dir,
            store,
            sign_in_providers=dict(context.sign_in_providers),
        )
        task.succeeded.connect(lambda _settings: self._removed(store))
        task.failed.connect(self.problem)

    def _removed(self, store: StoreRecord) -> None:
        self.context.session_credentials.pop(store.domain, None)
        self.context.policies.forget(store.id)
        self.removed.emit(store)
