"""Open a CancelApp database, write one row, and print what happened (run as a subprocess)."""

import sys
from datetime import UTC, datetime
from pathlib import Path

from cancelapp.shopify.endpoint import Endpoint
from cancelapp.store import Database, StoreError
from cancelapp.store.stores import save_store

try:
    db = Database.open(Path(sys.argv[1]))
    with db.transaction() as conn:
        save_store(
            conn,
            Endpoint.for_shop("x.myshopify.com"),
            name="X",
            currency="DKK",
            timezone="UTC",
            auth_kind="access_token",
            now=datetime.now(UTC),
        )
except StoreError as exc:
    print(type(exc).__name__)
    print(exc.merchant_message)
else:
    print("opened")
