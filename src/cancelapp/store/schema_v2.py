"""Schema version 2: lean order rows, intake bookkeeping, the store's own window.

- `orders.detail`: "full" when the snapshot is the whole order document, "lean" when it holds
  only the list fields the queue and matching need (see `cancelapp.store.orders`). Every v1
  row was fetched in full, hence the default.
- `source_cursors`: where each polled request source resumes, per store.
- `csv_mappings`: the column mapping the merchant chose for a set of CSV headers.
- `requests.unmatched_reason`: why intake could not tie the request to an order (phrase JSON).
- `stores.edit_window_minutes`: the store's cancellation window as Shopify last gave it
  (`editRules.editWindowMinutes`; -1 until fulfillment, NULL unknown or none), so a start
  without network judges with the same window as the last sync.
"""

STATEMENTS = (
    "ALTER TABLE orders ADD COLUMN detail TEXT NOT NULL DEFAULT 'full'",
    """CREATE TABLE source_cursors (
        store_id INTEGER NOT NULL REFERENCES stores(id),
        source TEXT NOT NULL,
        cursor TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (store_id, source)
    )""",
    """CREATE TABLE csv_mappings (
        store_id INTEGER NOT NULL REFERENCES stores(id),
        header_key TEXT NOT NULL,
        mapping TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (store_id, header_key)
    )""",
    "ALTER TABLE requests ADD COLUMN unmatched_reason TEXT",
    """ALTER TABLE stores ADD COLUMN edit_window_minutes INTEGER
        CHECK (edit_window_minutes IS NULL OR edit_window_minutes >= -1)""",
)
