"""Every released schema version's fixture migrates to head; a migration never loses data."""

from __future__ import annotations

import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from make_fixture_db import (
    LEAN_ORDER,
    NATIVE_ORDER,
    UNMATCHED_REASON,
    UNSTABLE_EDIT,
    VERDICT,
    write_fixture,
)
from store_samples import T0, draft, message, order_gid

from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.store import HEAD_VERSION, Database, audit_chain
from cancelapp.store.audit import list_audit
from cancelapp.store.intake_state import load_csv_mapping, load_cursors
from cancelapp.store.journal import list_decisions, list_unfinished
from cancelapp.store.migrations import LAST_RELEASED_VERSION, MIGRATIONS
from cancelapp.store.orders import LEAN, order_detail
from cancelapp.store.phrase_json import phrase_to_json
from cancelapp.store.queue import load_queue
from cancelapp.store.requests import (
    add_request,
    get_request,
    list_requests,
    list_unmatched,
    requests_needing_verdict,
    set_state,
    stored_verdict,
    unmatched_reason,
    unread_since,
)
from cancelapp.store.stores import edit_window_minutes, list_stores
from cancelapp.store.times import to_db_time

FIXTURES = Path(__file__).with_name("fixtures")
FIXTURE_FILES = sorted(FIXTURES.glob("v*.sqlite3"), key=lambda p: int(p.stem[1:]))  # v10 after v9
NATIVE_SINCE = 2  # the first fixture with a Shopify request (unstable API ids)
NATIVE_GID = order_gid(NATIVE_ORDER)


def fixture_version(path: Path) -> int:
    match = re.fullmatch(r"v(\d+)\.sqlite3", path.name)
    assert match is not None
    return int(match.group(1))


def user_version(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def copy_of(fixture: Path, tmp_path: Path) -> Path:
    target = tmp_path / "cancelapp.sqlite3"
    shutil.copyfile(fixture, target)
    return target


def test_every_released_version_has_a_fixture() -> None:
    assert LAST_RELEASED_VERSION <= HEAD_VERSION
    assert [fixture_version(p) for p in FIXTURE_FILES] == list(range(1, LAST_RELEASED_VERSION + 1))
    assert all(user_version(p) == fixture_version(p) for p in FIXTURE_FILES)


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_migrates_to_head_with_its_data(fixture: Path, tmp_path: Path) -> None:
    path = copy_of(fixture, tmp_path)
    db = Database.open(path)
    try:
        with db.reading() as conn:
            (store,) = list_stores(conn)
            requests = list_requests(conn, store.id)
            queue = load_queue(conn, store.id)
            unmatched = list_unmatched(conn, store.id)
            unfinished = list_unfinished(conn, store.id)
            audit = list_audit(conn, store.id)
    finally:
        db.close()
    assert user_version(path) == HEAD_VERSION
    assert store.domain == "fixture-shop.myshopify.com"
    native = [f"#{NATIVE_ORDER}"] if fixture_version(fixture) >= NATIVE_SINCE else []
    assert sorted(len(r.messages) for r in requests) == sorted([1, 1, 2] + [1] * len(native))
    assert {r.order_name for r in queue} == {"#1001", "#1002", None, *native}
    assert [r.messages[0].text for r in unmatched] == ["Which order was it?"]
    assert [a.idempotency_key for a in unfinished] == ["fixture-key"]
    assert [str(e.amount) for e in audit] == ["449.00 DKK"]
    backups = list(tmp_path.glob("*.bak"))
    assert len(backups) == (0 if fixture_version(fixture) == HEAD_VERSION else 1)


def test_existing_file_is_backed_up_before_a_migration(tmp_path: Path) -> None:
    path = tmp_path / "cancelapp.sqlite3"
    shutil.copyfile(FIXTURE_FILES[-1], tmp_path / "old.sqlite3")
    Database.open(tmp_path / "old.sqlite3").close()  # at head now
    shutil.move(tmp_path / "old.sqlite3", path)
    for old_backup in tmp_path.glob("*.bak"):
        old_backup.unlink()
    next_step = ("ALTER TABLE stores ADD COLUMN plan TEXT",)
    Database.open(path, migrations=(*MIGRATIONS, next_step)).close()
    (backup,) = tmp_path.glob("*.bak")
    assert backup.name.startswith(f"cancelapp.sqlite3.v{HEAD_VERSION}-")
    assert user_version(backup) == HEAD_VERSION
    assert user_version(path) == HEAD_VERSION + 1
    with closing(sqlite3.connect(backup)) as old, closing(sqlite3.connect(path)) as new:
        (messages,) = old.execute("SELECT count(*) FROM request_messages").fetchone()
        assert messages >= 4
        assert new.execute("SELECT count(*) FROM request_messages").fetchone() == (messages,)
        assert "plan" in [c[1] for c in new.execute("PRAGMA table_info(stores)")]


def test_a_failing_step_is_rolled_back_and_earlier_steps_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "cancelapp.sqlite3"
    good = ("CREATE TABLE extra_one (id INTEGER PRIMARY KEY)",)
    bad = ("ALTER TABLE stores ADD COLUMN plan TEXT", "THIS IS NOT SQL")
    with pytest.raises(sqlite3.OperationalError):
        Database.open(path, migrations=(*MIGRATIONS, good, bad))
    assert user_version(path) == HEAD_VERSION + 1
    with closing(sqlite3.connect(path)) as conn:
        assert "plan" not in [c[1] for c in conn.execute("PRAGMA table_info(stores)")]
        assert conn.execute("SELECT count(*) FROM extra_one").fetchone() == (0,)


def schema_of(path: Path) -> list[tuple[str, str, str]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_migrated_fixture_has_exactly_the_schema_of_a_new_database(
    fixture: Path, tmp_path: Path
) -> None:
    """Fails when a released step was edited instead of a new step being added."""
    migrated = copy_of(fixture, tmp_path)
    Database.open(migrated).close()
    fresh = tmp_path / "fresh.sqlite3"
    Database.open(fresh).close()
    assert schema_of(migrated) == schema_of(fresh)


def test_v1_orders_migrate_as_full_and_intake_tables_start_empty(tmp_path: Path) -> None:
    path = copy_of(FIXTURES / "v1.sqlite3", tmp_path)
    Database.open(path).close()
    with closing(sqlite3.connect(path)) as conn:
        details = {row[0] for row in conn.execute("SELECT detail FROM orders")}
        cursors = conn.execute("SELECT count(*) FROM source_cursors").fetchone()
        reasons = {row[0] for row in conn.execute("SELECT unmatched_reason FROM requests")}
        (store_id,) = conn.execute("SELECT id FROM stores").fetchone()
        window = edit_window_minutes(conn, store_id)
    assert user_version(path) == HEAD_VERSION
    assert details == {"full"}
    assert cursors == (0,)
    assert reasons == {None}
    assert window is None  # unknown until a sync reads it: the default window meanwhile


def test_a_database_at_head_round_trips_without_a_migration(tmp_path: Path) -> None:
    """What the next release's fixture will hold: every head-only field reads back."""
    path = tmp_path / "cancelapp.sqlite3"
    write_fixture(path)
    before = schema_of(path)
    db = Database.open(path)
    try:
        with db.reading() as conn:
            (store,) = list_stores(conn)
            window = edit_window_minutes(conn, store.id)
            lean = order_detail(conn, store.id, order_gid(LEAN_ORDER))
            full = order_detail(conn, store.id, order_gid(1001))
            cursors = load_cursors(conn, store.id)
            mapping = load_csv_mapping(conn, store.id, "email|order")
            (loose,) = list_unmatched(conn, store.id)
            reason = unmatched_reason(conn, loose.id or 0)
            requests = list_requests(conn, store.id)
            first = min(r.id or 0 for r in requests)
            verdict = stored_verdict(conn, first)
            (decision,) = list_decisions(conn, first)
            (check,) = conn.execute("PRAGMA integrity_check").fetchone()
    finally:
        db.close()
    assert verdict is not None and verdict.whole and verdict.verdict == VERDICT
    assert (decision.verdict, decision.verdict_policy_hash) == (VERDICT, "fixture")
    assert user_version(path) == HEAD_VERSION
    assert not list(tmp_path.glob("*.bak"))  # opened as it is, nothing to migrate
    assert schema_of(path) == before
    assert (window, lean, full) == (60, LEAN, "full")
    assert cursors["email"] == {"uid": 42}
    assert cursors["shopify"]["open_edits"] == {UNSTABLE_EDIT: order_gid(NATIVE_ORDER)}
    assert mapping == {"order": "Order"}
    assert reason == UNMATCHED_REASON
    assert sorted(len(r.messages) for r in requests) == [1, 1, 1, 2]
    assert check == "ok"


STABLE_EDIT = "gid://shopify/RequestedOrderEdit/9077"  # whatever Shopify gives now


def reread_mark(conn: sqlite3.Connection, request_id: int | None) -> int:
    row = conn.execute("SELECT native_reread FROM requests WHERE id = ?", (request_id,))
    return int(row.fetchone()[0])


def test_v2_shopify_requests_are_marked_to_be_read_again_not_rewritten(tmp_path: Path) -> None:
    """The 2026-10 ids are Shopify's to give: v3 drops the unstable id, marks the request and
    lists its order for the native source, which reads it again."""
    path = copy_of(FIXTURES / "v2.sqlite3", tmp_path)
    db = Database.open(path)
    try:
        with db.reading() as conn:
            (store,) = list_stores(conn)
            cursors = load_cursors(conn, store.id)
            (native,) = [r for r in list_requests(conn, store.id) if r.order_id == NATIVE_GID]
            (marked,) = conn.execute(
                "SELECT native_reread FROM requests WHERE id = ?", (native.id,)
            ).fetchone()
    finally:
        db.close()
    assert native.native_edit_id is None  # never answered with the unstable id
    assert marked == 1
    assert cursors["shopify"] == {
        "since": "2026-11-20T09:00:00+00:00",
        "reread_orders": [NATIVE_GID],
    }
    assert cursors["email"] == {"uid": 42}
    with closing(sqlite3.connect(path)) as conn:  # the old id stays as the message's provenance
        assert conn.execute(
            "SELECT count(*) FROM request_messages WHERE external_id = ?", (UNSTABLE_EDIT,)
        ).fetchone() == (1,)


def test_a_request_read_again_takes_shopifys_new_id_without_a_second_message(
    tmp_path: Path,
) -> None:
    path = copy_of(FIXTURES / "v2.sqlite3", tmp_path)
    db = Database.open(path)
    shopify_message = message("", source=RequestSource.SHOPIFY, external_id=STABLE_EDIT)
    reread = replace(
        draft(0, shopify_message, order_number=NATIVE_ORDER), native_edit_id=STABLE_EDIT
    )
    try:
        with db.transaction() as conn:
            (store,) = list_stores(conn)
            first = add_request(conn, replace(reread, store_id=store.id), now=T0)
            again = add_request(conn, replace(reread, store_id=store.id), now=T0)
            (native,) = [r for r in list_requests(conn, store.id) if r.order_id == NATIVE_GID]
            (marked,) = conn.execute(
                "SELECT native_reread FROM requests WHERE id = ?", (native.id,)
            ).fetchone()
    finally:
        db.close()
    assert (first.new_messages, again.new_messages) == (0, 0)
    assert first.request_id == again.request_id == native.id
    assert native.native_edit_id == STABLE_EDIT
    assert [m.external_id for m in native.messages] == [STABLE_EDIT]
    assert native.state is RequestState.OPEN
    assert marked == 0


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_v4_brings_existing_audit_entries_into_the_chain(fixture: Path, tmp_path: Path) -> None:
    key = b"k" * 32
    db = Database.open(copy_of(fixture, tmp_path))
    try:
        with db.transaction() as conn:
            assert audit_chain.seal(conn, key) == 1  # the released file's one entry
            state = audit_chain.verify(conn, key)
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute("UPDATE audit_log SET mac = 'forged'")  # sealed: never again
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute("UPDATE audit_log SET who = 'someone else'")
    finally:
        db.close()
    assert state.broken is None and state.head is not None and state.head.entry_id == 1


@pytest.mark.parametrize(
    "fixture", [f for f in FIXTURE_FILES if fixture_version(f) < 7], ids=lambda p: p.stem
)
def test_v7_judges_stored_verdicts_again_and_keeps_old_decisions_readable(
    fixture: Path, tmp_path: Path
) -> None:
    """A verdict stored before v7 (outcome, rule, first reason) still shows for a decided
    request; an undecided one is judged again, whole, with its valid-until."""
    path = copy_of(fixture, tmp_path)
    reason = Phrase("Policy", "Unfulfilled, paid and asked in time")
    with closing(sqlite3.connect(path)) as conn, conn:
        (request_id,) = conn.execute("SELECT min(id) FROM requests").fetchone()
        conn.execute(
            """UPDATE requests SET verdict_outcome = 'approve', verdict_rule = 'In time',
                   verdict_reason = ?, verdict_policy_hash = ?, verdict_evaluated_at = ?
               WHERE id = ?""",
            (phrase_to_json(reason), "released-digest", to_db_time(T0), request_id),
        )
    db = Database.open(path)
    try:
        with db.reading() as conn:
            (store,) = list_stores(conn)
            stored = stored_verdict(conn, request_id)
            decisions = list_decisions(conn, request_id)
            (expiry_column,) = conn.execute(
                "SELECT verdict_valid_until FROM requests WHERE id = ?", (request_id,)
            ).fetchone()
            waiting = requests_needing_verdict(conn, store.id, "released-digest", now=T0)
    finally:
        db.close()
    assert stored is not None and not stored.whole
    assert (stored.verdict.outcome.value, stored.verdict.rule) == ("approve", "In time")
    assert stored.verdict.reasons == (reason,)
    assert expiry_column is None
    assert request_id in waiting  # even under the same rules: to be stored whole
    assert all(d.verdict is None and d.verdict_policy_hash is None for d in decisions)


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_v9_lets_a_buyer_ask_again_after_a_released_request_was_declined(
    fixture: Path, tmp_path: Path
) -> None:
    """One entry per order was a unique index until v9: a new Shopify request for the order
    of a declined one is now a request of its own; the same edit still makes only one."""
    db = Database.open(copy_of(fixture, tmp_path))
    try:
        with db.transaction() as conn:
            (store,) = list_stores(conn)
            (declined, gid) = conn.execute(
                "SELECT id, order_gid FROM requests WHERE order_gid IS NOT NULL ORDER BY id"
            ).fetchone()
            set_state(conn, declined, RequestState.DECLINED, now=T0)
            asked = message("", source=RequestSource.SHOPIFY, external_id=STABLE_EDIT)
            again = replace(draft(store.id, asked), order_id=gid, native_edit_id=STABLE_EDIT)
            added = add_request(conn, again, now=T0)
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute(
                    "UPDATE requests SET native_edit_id = ? WHERE id = ?", (STABLE_EDIT, declined)
                )
    finally:
        db.close()
    assert not added.merged and added.request_id != declined


@pytest.mark.parametrize(
    "fixture", [f for f in FIXTURE_FILES if fixture_version(f) < 10], ids=lambda p: p.stem
)
def test_v10_marks_messages_that_came_after_a_released_decision_unread(
    fixture: Path, tmp_path: Path
) -> None:
    """A customer's message kept with a decided request before v10 was never shown as new:
    the upgrade marks the ones after the request's latest decision, and only those."""
    path = copy_of(fixture, tmp_path)
    with closing(sqlite3.connect(path)) as conn, conn:
        (request_id, store_id) = conn.execute(
            "SELECT id, store_id FROM requests WHERE order_gid IS NOT NULL ORDER BY id"
        ).fetchone()
        conn.execute("UPDATE requests SET state = 'declined' WHERE id = ?", (request_id,))
        conn.execute(
            """INSERT INTO decisions (request_id, outcome, policy_snapshot, decided_by,
                   decided_at) VALUES (?, 'decline', '{}', 'Mette', ?)""",
            (request_id, to_db_time(T0)),
        )
        later = to_db_time(T0 + timedelta(minutes=10))
        conn.execute(
            """INSERT INTO request_messages (request_id, store_id, source, received_at, text)
               VALUES (?, ?, 'email', ?, 'But the law says…')""",
            (request_id, store_id, later),
        )
    db = Database.open(path)
    try:
        with db.reading() as conn:
            request = get_request(conn, request_id)
            since = unread_since(conn, request_id)
            others = conn.execute(
                "SELECT count(*) FROM requests WHERE unread_since IS NOT NULL AND id != ?",
                (request_id,),
            ).fetchone()[0]
    finally:
        db.close()
    assert request is not None
    assert [m.after_decision for m in request.messages][-1]
    assert [m.text for m in request.messages if m.after_decision] == ["But the law says…"]
    assert since == T0 + timedelta(minutes=10)
    assert others == 0
