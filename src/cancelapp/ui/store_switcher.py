"""The store switcher: a tool bar shown only when more than one store is connected."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from cancelapp.store.stores import StoreRecord, shown_name


class StoreSwitcher(QToolBar):
    chosen = Signal(object)  # the StoreRecord the merchant picked

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("stores")
        self.stores: list[StoreRecord] = []
        self.label = QLabel()
        self.combo = QComboBox()
        self.addWidget(self.label)
        self.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(self._picked)
        self.hide()

    def show_stores(self, stores: list[StoreRecord], current: StoreRecord | None) -> None:
        """List `stores` with `current` selected, without announcing it as a choice."""
        self.stores = stores
        self.combo.blockSignals(True)
        self.combo.clear()
        for store in stores:
            self.combo.addItem(shown_name(store, stores), store.id)
        if current is not None:
            self.combo.setCurrentIndex(stores.index(current))
        self.combo.blockSignals(False)
        self.setVisible(len(stores) > 1)

    def _picked(self, index: int) -> None:
        if 0 <= index < len(self.stores):
            self.chosen.emit(self.stores[index])

    def hold(self, held: bool) -> None:
        """No switching while a bulk action is under way: its orders, queued or on their way,
        belong to the store open now, and its Undo with them. The tool tip says why."""
        self.combo.setEnabled(not held)
        self._say_why()

    def _say_why(self) -> None:
        self.combo.setToolTip(
            ""
            if self.combo.isEnabled()
            else QCoreApplication.translate(
                "StoreSwitcher",
                "A bulk action is under way in this store: switch stores once it has "
                "been sent or undone.",
            )
        )

    def retranslate(self) -> None:
        # The "MainWindow" context these texts had before the switcher was split out.
        self.label.setText(QCoreApplication.translate("MainWindow", "Store:") + " ")
        self.combo.setAccessibleName(QCoreApplication.translate("MainWindow", "Store"))
        self._say_why()
