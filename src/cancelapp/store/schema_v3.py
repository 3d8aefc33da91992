"""Schema version 3: Shopify's own requests move from the unstable API to the released 2026-10.

A cache from the release before holds the ids of the unstable API's `RequestedEdit` objects;
the stable `RequestedOrderEdit` ids are Shopify's to give (their gid type is not documented),
so nothing rewrites them. Instead:
- `requests.native_reread`: 1 for a request whose Shopify request was still undecided. Its old
  id is cleared (no decline or resolve is ever sent with it); the next intake reads the order's
  requests again and the stored message takes the id Shopify gives now
  (`store.requests.add_request`), which clears the mark.
- the native source's cursor keeps where its scan resumes and lists those orders under
  `reread_orders` (`sources.native`); the open edits it tracked by their old ids are dropped.
  A store with such requests and no cursor gets one.
"""

STATEMENTS = (
    "ALTER TABLE requests ADD COLUMN native_reread INTEGER NOT NULL DEFAULT 0",
    """UPDATE requests SET native_reread = 1, native_edit_id = NULL
        WHERE native_edit_id IS NOT NULL
          AND state IN ('open', 'unmatched', 'queued', 'in_progress', 'failed')""",
    """UPDATE source_cursors
        SET cursor = json_object(
            'since', json_extract(cursor, '$.since'),
            'reread_orders', json(COALESCE(
                (SELECT json_group_array(order_gid) FROM requests r
                 WHERE r.store_id = source_cursors.store_id
                   AND r.native_reread = 1 AND r.order_gid IS NOT NULL),
                '[]')))
        WHERE source = 'shopify'""",
    """INSERT INTO source_cursors (store_id, source, cursor, saved_at)
        SELECT store_id, 'shopify', json_object('reread_orders', json_group_array(order_gid)),
               strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now')
        FROM requests r WHERE r.native_reread = 1 AND r.order_gid IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM source_cursors c
                          WHERE c.store_id = r.store_id AND c.source = 'shopify')
        GROUP BY store_id""",
)
