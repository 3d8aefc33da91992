"""Order sync from Shopify into the local cache; Qt-free, the UI runs it in a worker.

OrderSync(db, client, store_id, settings=SyncSettings(), hooks=[...], intake=IntakeSettings())
    .run(cancel=threading.Event(), progress=callback) -> SyncResult
ensure_full_order(db, client, store_id, gid) -> Order | None: an order in full before use.
store_candidates(db, store_id, candidates, client=..., clock=...) -> IntakeOutcome: CSV, manual.
"""

from cancelapp.sync.details import ensure_full_order
from cancelapp.sync.intake import IntakeOutcome, IntakeSettings, store_candidates
from cancelapp.sync.progress import SyncProgress
from cancelapp.sync.schedule import next_sync_in
from cancelapp.sync.search_plan import SyncSettings
from cancelapp.sync.service import OrderHook, OrderSync, SyncResult

__all__ = [
    "IntakeOutcome",
    "IntakeSettings",
    "OrderHook",
    "OrderSync",
    "SyncProgress",
    "SyncResult",
    "SyncSettings",
    "ensure_full_order",
    "next_sync_in",
    "store_candidates",
]
