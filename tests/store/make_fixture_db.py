"""Write `fixtures/v<HEAD>.sqlite3`: a small database at the current schema, for migration tests.

Run once when a schema version is released (`uv run python tests/store/make_fixture_db.py`)
and commit the file; never regenerate an older version's fixture.
"""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store_samples import T0, draft, fetched, make_order, message, order_gid

from cancelapp.domain.action import Action, ActionKind, ActionState
from cancelapp.domain.money import Money
from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import RequestSource
from cancelapp.domain.verdict import ConditionCheck, Outcome, SuggestedAction, Verdict
from cancelapp.shopify.endpoint import Endpoint
from cancelapp.store import HEAD_VERSION, Database
from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.store.intake_state import save_csv_mapping, save_cursor
from cancelapp.store.journal import insert_intent, record_decision
from cancelapp.store.orders import LEAN, FetchedOrder, upsert_orders
from cancelapp.store.requests import add_request, set_unmatched_reason, set_verdict
from cancelapp.store.stores import save_store, set_edit_window_minutes
from cancelapp.store.sync_state import finish_run

FIXTURES = Path(__file__).with_name("fixtures")
# What the fixture holds beyond v1, read back by the migration tests.
UNMATCHED_REASON = Phrase("Intake", "No order named {name}", {"name": "#9999"})
LEAN_ORDER = 1004
# From v2: an open Shopify request as the release before 2026-10 stored it, with the id of
# the unstable API's `RequestedEdit` and the native source's cursor of that release.
NATIVE_ORDER = 1003
UNSTABLE_EDIT = "gid://shopify/RequestedEdit/77"
# From v6: the request's one verdict, whole, with the moment it runs out; and the decision
# keeps it.
VERDICT = Verdict(
    Outcome.APPROVE,
    "Fresh",
    (Phrase("Policy", "Asked within the hour"),),
    (
        ConditionCheck(
            "requested_within", Phrase("Policy", "inside until {until}", {"until": T0}), True
        ),
    ),
    action=SuggestedAction(),
    valid_until=T0 + timedelta(hours=1),
)


def write_fixture(path: Path) -> None:
    db = Database.open(path)
    with db.transaction() as conn:
        store_id = save_store(
            conn,
            Endpoint.for_shop("fixture-shop.myshopify.com"),
            name="Fixture Shop",
            currency="DKK",
            timezone="Europe/Copenhagen",
            auth_kind="access_token",
            now=T0,
        )
        upsert_orders(conn, store_id, [fetched(make_order(n)) for n in (1001, 1002, 1003)])
        first = add_request(
            conn,
            draft(store_id, message("Annuller venligst", external_id="m1"), order_number=1001),
            now=T0,
        )
        add_request(
            conn,
            draft(
                store_id,
                message("Form", source=RequestSource.CSV, external_id="m2"),
                order_number=1001,
            ),
            now=T0,
        )
        add_request(
            conn,
            draft(store_id, message("Cancel 1002", external_id="m3"), order_number=1002),
            now=T0,
        )
        loose = add_request(
            conn, draft(store_id, message("Which order was it?", external_id="m4")), now=T0
        )
        set_unmatched_reason(conn, loose.request_id, UNMATCHED_REASON, now=T0)
        native = draft(
            store_id,
            message("", source=RequestSource.SHOPIFY, external_id=UNSTABLE_EDIT, author=None),
            order_number=NATIVE_ORDER,
        )
        add_request(conn, replace(native, native_edit_id=UNSTABLE_EDIT), now=T0)
        native_cursor = {
            "since": T0.isoformat(),
            "open_edits": {UNSTABLE_EDIT: order_gid(NATIVE_ORDER)},
            "at_since": [UNSTABLE_EDIT],
            "rechecked": T0.isoformat(),
        }
        save_cursor(conn, store_id, "shopify", native_cursor, now=T0)
        lean = make_order(LEAN_ORDER)
        upsert_orders(conn, store_id, [FetchedOrder(lean, {"id": lean.id}, T0, LEAN)])
        set_edit_window_minutes(conn, store_id, 60)
        save_cursor(conn, store_id, "email", {"uid": 42}, now=T0)
        save_csv_mapping(conn, store_id, "email|order", {"order": "Order"}, now=T0)
        set_verdict(conn, first.request_id, VERDICT, policy_hash="fixture", evaluated_at=T0)
        record_decision(
            conn,
            first.request_id,
            outcome="approve",
            policy_snapshot={"window_hours": 24},
            decided_by="Mette",
            decided_at=T0,
            verdict=VERDICT,
            verdict_policy_hash="fixture",
        )
        insert_intent(
            conn,
            Action(
                None,
                first.request_id,
                store_id,
                order_gid(1001),
                ActionKind.CANCEL,
                ActionState.SENDING,
                {"refund": "original"},
                "fixture-key",
            ),
            now=T0,
        )
        append_audit(
            conn,
            AuditEntry(T0, "Mette", "refund", store_id, Money.of("449.00", "DKK"), order_gid(1001)),
        )
        finish_run(
            conn,
            store_id,
            watermark=T0,
            finished_at=T0 + timedelta(minutes=1),
            full_sync_started_at=T0,
        )
    db.close()
    with closing(sqlite3.connect(path)) as conn:  # one self-contained file, no -wal beside it
        conn.execute("PRAGMA journal_mode = DELETE")


def main() -> None:
    target = FIXTURES / f"v{HEAD_VERSION}.sqlite3"
    if target.exists():
        sys.exit(f"{target} exists: a released version's fixture is never regenerated")
    write_fixture(target)
    print(f"wrote {target} ({datetime.now(UTC):%Y-%m-%d})")


if __name__ == "__main__":
    main()
