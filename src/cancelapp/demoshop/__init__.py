"""A local stand-in for Shopify's Admin API, served over real HTTP on 127.0.0.1.

with DemoShop(seed=7, cancel_job_delay=0.05) as shop:
    shop.base_url, shop.access_token     # what a client connects with
    shop.faults.inject(Fault.drop(after_execute=True), operation="RefundCreate")
    shop.ledger.refunds                  # every refund it performed
"""

from cancelapp.demoshop.clock import Clock, ManualClock
from cancelapp.demoshop.faults import Fault, FaultKind, Faults
from cancelapp.demoshop.ledger import Ledger, LedgerRefund, LedgerRestock
from cancelapp.demoshop.shop import DEFAULT_SCOPES, DemoShop

__all__ = [
    "DEFAULT_SCOPES",
    "Clock",
    "DemoShop",
    "Fault",
    "FaultKind",
    "Faults",
    "Ledger",
    "LedgerRefund",
    "LedgerRestock",
    "ManualClock",
]
