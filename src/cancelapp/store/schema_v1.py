"""Schema version 1 (the first release).

Money is TEXT decimal plus a currency code; times are UTC text from `times.to_db_time`;
JSON columns hold plain JSON. No secrets anywhere: the token lives in the OS keychain.
"""

APPLICATION_ID = 0x43414E31  # "CAN1": tells our files from other SQLite files

STATEMENTS = (
    f"PRAGMA application_id = {APPLICATION_ID}",
    """CREATE TABLE stores (
        id INTEGER PRIMARY KEY,
        domain TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL DEFAULT '',
        currency TEXT NOT NULL DEFAULT '',
        timezone TEXT NOT NULL DEFAULT '',
        auth_kind TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        store_id INTEGER NOT NULL REFERENCES stores(id),
        gid TEXT NOT NULL,
        name TEXT NOT NULL,
        customer_name TEXT NOT NULL DEFAULT '',
        customer_email TEXT COLLATE NOCASE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        financial_status TEXT NOT NULL,
        fulfillment_status TEXT NOT NULL,
        total_amount TEXT NOT NULL,
        currency TEXT NOT NULL,
        cancelled INTEGER NOT NULL DEFAULT 0,
        tags TEXT NOT NULL DEFAULT '',
        fetched_at TEXT NOT NULL,
        UNIQUE (store_id, gid)
    )""",
    # The node as fetched, apart from the columns: queue rows stay small and pack densely.
    """CREATE TABLE order_snapshots (
        order_id INTEGER PRIMARY KEY REFERENCES orders(id),
        snapshot TEXT NOT NULL
    )""",
    "CREATE INDEX orders_by_name ON orders(store_id, name)",
    "CREATE INDEX orders_by_email ON orders(store_id, customer_email)",
    "CREATE INDEX orders_by_created ON orders(store_id, created_at)",
    "CREATE INDEX orders_by_updated ON orders(store_id, updated_at)",
    """CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        store_id INTEGER NOT NULL REFERENCES stores(id),
        order_gid TEXT,
        order_name TEXT,
        customer_email TEXT COLLATE NOCASE,
        state TEXT NOT NULL,
        received_at TEXT NOT NULL,
        sources TEXT NOT NULL DEFAULT '',
        native_edit_id TEXT,
        line_item_ids TEXT NOT NULL DEFAULT '[]',
        verdict_outcome TEXT,
        verdict_rule TEXT,
        verdict_reason TEXT,
        verdict_policy_hash TEXT,
        verdict_evaluated_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    # Requests for one order merge into one entry.
    """CREATE UNIQUE INDEX requests_one_per_order ON requests(store_id, order_gid)
        WHERE order_gid IS NOT NULL""",
    "CREATE INDEX requests_by_state ON requests(store_id, state)",
    "CREATE INDEX requests_by_received ON requests(store_id, received_at)",
    """CREATE TABLE request_messages (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        store_id INTEGER NOT NULL REFERENCES stores(id),
        source TEXT NOT NULL,
        received_at TEXT NOT NULL,
        author TEXT,
        text TEXT NOT NULL,
        external_id TEXT,
        UNIQUE (store_id, external_id)
    )""",
    "CREATE INDEX request_messages_by_request ON request_messages(request_id)",
    """CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        outcome TEXT NOT NULL,
        policy_snapshot TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        note TEXT
    )""",
    "CREATE INDEX decisions_by_request ON decisions(request_id)",
    """CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        request_id INTEGER REFERENCES requests(id),
        store_id INTEGER NOT NULL REFERENCES stores(id),
        order_gid TEXT NOT NULL,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        params TEXT NOT NULL DEFAULT '{}',
        idempotency_key TEXT UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        result TEXT NOT NULL DEFAULT '{}',
        error TEXT
    )""",
    # At most one unfinished money-moving step per order: a second click cannot start another.
    """CREATE UNIQUE INDEX actions_one_unfinished_per_order ON actions(store_id, order_gid)
        WHERE state NOT IN ('done', 'failed', 'undone', 'conflict')""",
    "CREATE INDEX actions_by_request ON actions(request_id, id)",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        store_id INTEGER REFERENCES stores(id),
        who TEXT NOT NULL,
        what TEXT NOT NULL,
        amount TEXT,
        currency TEXT,
        order_gid TEXT,
        shopify_ids TEXT NOT NULL DEFAULT '[]',
        request_id INTEGER,
        action_id INTEGER,
        detail TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX audit_log_by_time ON audit_log(store_id, at)",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TABLE sync_state (
        store_id INTEGER PRIMARY KEY REFERENCES stores(id),
        last_full_sync_at TEXT,
        watermark TEXT,
        run_kind TEXT,
        run_phase TEXT,
        run_query TEXT,
        run_cursor TEXT,
        run_started_at TEXT,
        last_success_at TEXT,
        last_error TEXT,
        last_error_at TEXT
    )""",
)
