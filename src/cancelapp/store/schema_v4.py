"""Schema version 4: the audit log becomes a chain of seals (`cancelapp.store.audit_chain`).

`mac` is the HMAC of an entry's content and the previous entry's `mac`, under a key that lives
in the keychain; `key_id` names that key (a fingerprint, not the key). Entries are written
unsealed and sealed in order by the app, which holds the key; existing rows are sealed on the
first start after the upgrade. The no-update trigger now lets exactly one change through: an
unsealed entry gets its seal, nothing else.
"""

STATEMENTS = (
    "ALTER TABLE audit_log ADD COLUMN mac TEXT",
    "ALTER TABLE audit_log ADD COLUMN key_id TEXT",
    "DROP TRIGGER audit_log_no_update",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        WHEN OLD.mac IS NOT NULL OR NEW.mac IS NULL
          OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.store_id IS NOT OLD.store_id
          OR NEW.who IS NOT OLD.who OR NEW.what IS NOT OLD.what
          OR NEW.amount IS NOT OLD.amount OR NEW.currency IS NOT OLD.currency
          OR NEW.order_gid IS NOT OLD.order_gid OR NEW.shopify_ids IS NOT OLD.shopify_ids
          OR NEW.request_id IS NOT OLD.request_id OR NEW.action_id IS NOT OLD.action_id
          OR NEW.detail IS NOT OLD.detail
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    "CREATE INDEX audit_log_unsealed ON audit_log(id) WHERE mac IS NULL",
)
