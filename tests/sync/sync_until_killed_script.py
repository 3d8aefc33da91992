"""Run a sync in this process and stop inside a page's transaction until the test kills us.

Usage: sync_until_killed_script.py DB_PATH BASE_URL TOKEN STORE_ID BLOCK_AT_PAGE
Prints `saved N` after page N is committed and `blocked N` while page N's transaction is
open; then waits on stdin, which the test never writes: it sends SIGKILL instead.
"""

import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.store import Database
from cancelapp.store.orders import FetchedOrder
from cancelapp.sync import OrderSync, SyncProgress, SyncSettings

db_path, base_url, token, store_id, block_at = sys.argv[1:6]
pages_started = 0


def block_inside_page(conn: sqlite3.Connection, store: int, orders: Sequence[FetchedOrder]) -> None:
    global pages_started
    pages_started += 1
    if pages_started == int(block_at):
        print(f"blocked {pages_started}", flush=True)
        sys.stdin.readline()


def report(progress: SyncProgress) -> None:
    print(f"saved {progress.pages}", flush=True)


db = Database.open(Path(db_path))
with ShopifyClient(Endpoint.loopback(base_url), AccessToken(token)) as client:
    small_pages = SyncSettings(page_cost_budget=60)  # as the test's reference sync
    sync = OrderSync(db, client, int(store_id), settings=small_pages, hooks=[block_inside_page])
    sync.run(progress=report)
print("finished", flush=True)
