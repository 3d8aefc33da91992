"""Every movement of money and stock the demo shop performed, for tests to count."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class LedgerRefund:
    order_id: str  # gid
    amount: Decimal
    currency: str  # presentment currency: what the customer gets back
    gateway: str  # payment gateway, or "store_credit"
    idempotency_key: str | None  # None for refunds made by orderCancel
    refund_id: str
    at: datetime


@dataclass(frozen=True)
class LedgerVoid:
    order_id: str
    amount: Decimal
    currency: str
    gateway: str
    at: datetime


@dataclass(frozen=True)
class LedgerRestock:
    inventory_item_id: str  # gid
    location_id: str  # gid
    delta: int
    order_id: str | None
    idempotency_key: str | None
    at: datetime


@dataclass(frozen=True)
class LedgerNotification:
    order_id: str
    email: str | None
    subject: str
    at: datetime


class Ledger:
    """Append-only and thread-safe; readers get copies."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._refunds: list[LedgerRefund] = []
        self._voids: list[LedgerVoid] = []
        self._restocks: list[LedgerRestock] = []
        self._notifications: list[LedgerNotification] = []

    def record_refund(self, entry: LedgerRefund) -> None:
        with self._lock:
            self._refunds.append(entry)

    def record_void(self, entry: LedgerVoid) -> None:
        with self._lock:
            self._voids.append(entry)

    def record_restock(self, entry: LedgerRestock) -> None:
        with self._lock:
            self._restocks.append(entry)

    def record_notification(self, entry: LedgerNotification) -> None:
        with self._lock:
            self._notifications.append(entry)

    @property
    def refunds(self) -> list[LedgerRefund]:
        with self._lock:
            return list(self._refunds)

    @property
    def voids(self) -> list[LedgerVoid]:
        with self._lock:
            return list(self._voids)

    @property
    def restocks(self) -> list[LedgerRestock]:
        with self._lock:
            return list(self._restocks)

    @property
    def notifications(self) -> list[LedgerNotification]:
        with self._lock:
            return list(self._notifications)

    def refunded_total(self, order_id: str) -> Decimal:
        return sum((r.amount for r in self.refunds if r.order_id == order_id), Decimal("0"))

    def restocked_units(self, order_id: str) -> int:
        return sum(r.delta for r in self.restocks if r.order_id == order_id)
