"""Worker functions that bring the queue up to date: sync, intake, verdicts, one order, notes.

Plain functions run in the worker pool (never on the GUI thread): they take plain data and a
`StoreSession`, do the network and disk work through the store, sync, sources, policy and
actions packages, and return plain results the window merges into its model.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cancelapp.actions import ActionRunner, Outcome, PlanRefused
from cancelapp.actions.audit import export_csv
from cancelapp.domain.phrase import Phrase
from cancelapp.policy import PolicyLoad, evaluate, policy_hash
from cancelapp.shopify import ShopifyClient
from cancelapp.shopify.throttle import ThrottleStatus
from cancelapp.sources.csv_reading import CsvTable, read_table
from cancelapp.sources.incoming import IncomingRequest
from cancelapp.sources.intake import take_in
from cancelapp.sources.order_lookup import CachedOrders
from cancelapp.store.audit import AuditEntry, append_audit, list_audit
from cancelapp.store.database import Database
from cancelapp.store.orders import upsert_orders
from cancelapp.store.requests import get_request, requests_needing_verdict, set_verdict
from cancelapp.store.stores import StoreRecord
from cancelapp.sync import IntakeSettings, OrderSync, SyncProgress, SyncSettings
from cancelapp.sync.details import ensure_full_order, fetch_full_order
from cancelapp.ui.workers import TaskControl

log = logging.getLogger(__name__)


@dataclass
class StoreSession:
    """One connected store: its record, client and action runner (shared by workers)."""

    store: StoreRecord
    database: Database
    client: ShopifyClient
    runner: ActionRunner
    policy: PolicyLoad
    intake: IntakeSettings = field(default_factory=IntakeSettings)

    @property
    def store_id(self) -> int:
        return self.store.id

    def close(self) -> None:
        self.runner.close()
        self.client.close()


@dataclass(frozen=True)
class RefreshResult:
    request_ids: frozenset[int]  # rows to reload
    notices: tuple[Phrase, ...]  # sources not read, requests left unmatched
    budget: ThrottleStatus | None
    synced_at: datetime | None  # None when the sync was cancelled half-way


def refresh_store(control: TaskControl, session: StoreSession) -> RefreshResult:
    """Sync orders and take in new requests from every channel (the sync's intake step),
    then judge what changed. Raises `ShopifyError` (offline, auth) or `StoreError`."""

    def progress(report: SyncProgress) -> None:
        control.progress(report.orders, 0, report.phase)

    sync = OrderSync(
        session.database,
        session.client,
        session.store_id,
        settings=SyncSettings(request_tag=session.intake.tag_name),
        intake=session.intake,
    )
    result = sync.run(cancel=control.cancel_event, progress=progress)
    control.raise_if_cancelled()
    touched = set(result.request_ids)
    touched.update(judge(session))
    return RefreshResult(
        frozenset(touched),
        result.notices,
        session.client.throttle.status,
        datetime.now(UTC) if result.completed else None,
    )


def judge(session: StoreSession, *, now: datetime | None = None) -> list[int]:
    """Evaluate every request whose verdict is missing or outdated; returns their ids.

    The policy needs the whole order: one cached lean is read in full first."""
    db = session.database
    policy = session.policy.policy
    digest = policy_hash(policy)
    moment = now or datetime.now(UTC)
    with db.reading() as conn:
        pending = requests_needing_verdict(conn, session.store_id, digest)
    judged = []
    for request_id in pending:
        with db.reading() as conn:
            request = get_request(conn, request_id)
        if request is None or request.order_id is None:
            continue
        order = ensure_full_order(db, session.client, session.store_id, request.order_id)
        verdict = evaluate(order, request, policy, moment)
        with db.transaction() as conn:
            set_verdict(conn, request_id, verdict, policy_hash=digest, evaluated_at=moment)
        judged.append(request_id)
    return judged


def refresh_order(session: StoreSession, order_id: str) -> bool:
    """Read one order fresh from Shopify into the cache and judge its request again.

    False when Shopify no longer has the order."""
    fetched = fetch_full_order(session.client, order_id, clock=lambda: datetime.now(UTC))
    if fetched is None:
        return False
    with session.database.transaction() as conn:
        upsert_orders(conn, session.store_id, [fetched])
    judge(session)
    return True


def add_note(
    database: Database,
    store_id: int,
    request_id: int,
    order_id: str | None,
    who: str,
    text: str,
) -> None:
    """The merchant's own note on a request, kept in the audit log and shown in the timeline."""
    with database.transaction() as conn:
        append_audit(
            conn,
            AuditEntry(
                at=datetime.now(UTC),
                who=who,
                what="note",
                store_id=store_id,
                order_gid=order_id,
                request_id=request_id,
                detail={"note": text},
            ),
        )


def hold_on_arrival(session: StoreSession, request_ids: frozenset[int]) -> list[Outcome]:
    """Put new requests' orders on hold so they do not ship while the merchant decides (a
    setting). Orders that cannot be held (shipped, already on hold) are left alone."""
    outcomes = []
    for request_id in sorted(request_ids):
        try:
            plan = session.runner.prepare_hold(request_id)
        except PlanRefused:
            continue
        outcomes.append(session.runner.execute(plan))
    return outcomes


def read_csv_file(path: Path) -> CsvTable:
    """Raises `CsvUnreadable` (with a merchant phrase) or `OSError`."""
    return read_table(path.read_bytes())


def store_incoming(
    database: Database, store_id: int, requests: list[IncomingRequest]
) -> frozenset[int]:
    """Store candidates from a file or a form (matched against the cached orders)."""
    with database.transaction() as conn:
        report = take_in(
            conn, store_id, requests, CachedOrders(conn, store_id), now=datetime.now(UTC)
        )
    return frozenset(report.request_ids)


def load_audit(database: Database, store_id: int) -> list[AuditEntry]:
    """The newest 1,000 audit entries of the store."""
    with database.reading() as conn:
        return list_audit(conn, store_id, limit=1000)


def export_audit(database: Database, store_id: int, path: Path) -> int:
    """The whole audit log as CSV at `path`; the rows written."""
    with path.open("w", encoding="utf-8", newline="") as out:
        return export_csv(database, out, store_id)
