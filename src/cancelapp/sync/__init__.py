"""Order sync from Shopify into the local cache; Qt-free, the UI runs it in a worker.

OrderSync(db, client, store_id, settings=SyncSettings(), hooks=[...])
    .run(cancel=threading.Event(), progress=callback) -> SyncResult
"""

from cancelapp.sync.plan import SyncSettings
from cancelapp.sync.progress import SyncProgress
from cancelapp.sync.schedule import next_sync_in
from cancelapp.sync.service import OrderHook, OrderSync, SyncResult

__all__ = [
    "OrderHook",
    "OrderSync",
    "SyncProgress",
    "SyncResult",
    "SyncSettings",
    "next_sync_in",
]
