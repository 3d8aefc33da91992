"""A deny rule's suggested reply: one of the decline templates by its name, or a text of one's own.

The file keeps what Shopify-independent code reads: a template's key ("already_shipped") or the
merchant's own words. The merchant sees and picks the template's name in their language
("Declined: already shipped", edited in Settings, Reply templates) and may type over it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from cancelapp.actions.reply import ReplyKind
from cancelapp.ui.detail.reply_kind_names import KIND_NAMES

# The templates a decline can suggest (the others follow an approval, a wait or a withdrawal).
DECLINE_KINDS = (
    ReplyKind.DECLINED,
    ReplyKind.ALREADY_CANCELLED,
    ReplyKind.RETURN_OPEN,
    ReplyKind.ALREADY_SHIPPED,
)


def _kind_name(kind: ReplyKind) -> str:
    return QCoreApplication.translate("ReplyPreview", KIND_NAMES[kind])


class ReplyChoice(QComboBox):
    """An editable list of the decline templates; `value()` is what the policy file stores."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        for kind in DECLINE_KINDS:
            self.addItem("", kind.value)
        self.retranslate()

    def retranslate(self) -> None:
        value = self.value()
        self.setItemText(0, "")
        for index, kind in enumerate(DECLINE_KINDS, start=1):
            self.setItemText(index, _kind_name(kind))
        line_edit = self.lineEdit()
        assert line_edit is not None  # editable since __init__
        line_edit.setPlaceholderText(
            QCoreApplication.translate("ReplyChoice", "A reply template, or your own words")
        )
        self.set_value(value)

    def set_value(self, value: str) -> None:
        """Show a template by its name, or the merchant's own text as written."""
        index = self.findData(value) if value else 0
        if index >= 0:
            self.setCurrentIndex(index)
            self.setEditText(self.itemText(index))
        else:
            self.setCurrentIndex(-1)
            self.setEditText(value)

    def value(self) -> str:
        """A template's key when its name is shown, else the text typed (stripped)."""
        text = self.currentText().strip()
        if not text:
            return ""
        index = self.findText(text)
        if index > 0:
            return str(self.itemData(index))
        return text
