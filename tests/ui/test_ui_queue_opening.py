"""Opening a store's cached queue: the first page at once, then the rest below it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.shopify.endpoint import Endpoint
from cancelapp.store import Database
from cancelapp.store.requests import add_request, set_state
from cancelapp.store.stores import save_store
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.queue.queue_cache import FIRST_PAGE_ROWS, QueueOpening
from cancelapp.ui.queue.queue_index import QueueFilter, Tab
from cancelapp.ui.queue.queue_model import REQUEST_ID_ROLE, QueueModel
from cancelapp.ui.workers import WorkerPool

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
REQUESTS = FIRST_PAGE_ROWS + 60


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "cancelapp.sqlite3")
    yield db
    db.close()


@pytest.fixture
def store_id(database: Database) -> int:
    with database.transaction() as conn:
        store_id = save_store(
            conn,
            Endpoint.for_shop("queue.myshopify.com"),
            name="Queue",
            currency="DKK",
            timezone="Europe/Copenhagen",
            auth_kind="access_token",
            now=NOW,
        )
        for n in range(REQUESTS):
            message = RequestMessage(
                RequestSource.EMAIL,
                NOW - timedelta(minutes=(n * 37) % 101),
                "Cancel",
                None,
                f"m{n}",
            )
            request = CancellationRequest(
                None,
                store_id,
                f"gid://shopify/Order/{n}",
                f"#{1000 + n}",
                None,
                RequestState.OPEN,
                (message,),
            )
            added = add_request(conn, request, now=NOW)
            if n % 7 == 0:
                set_state(conn, added.request_id, RequestState.DONE, now=NOW)
    return store_id


def shown(model: QueueModel) -> list[int]:
    return [model.index(row, 0).data(REQUEST_ID_ROLE) for row in range(model.rowCount())]


def test_first_page_then_the_whole_queue_without_a_reset(
    qtbot: QtBot, database: Database, store_id: int
) -> None:
    workers = WorkerPool()
    model = QueueModel(Formatter(QLocale("da_DK")), now=lambda: NOW)
    opening = QueueOpening(workers, database, store_id, model)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(opening.first_rows):
        opening.start()
    first_page = shown(model)
    assert len(first_page) == FIRST_PAGE_ROWS
    with qtbot.waitSignal(opening.completed):
        pass
    assert len(resets) == 1  # the first page's load; the rest was inserted
    done = len(range(0, REQUESTS, 7))
    assert model.rowCount() == REQUESTS - done
    assert shown(model)[:FIRST_PAGE_ROWS] == first_page
    assert model.counts()[Tab.DONE] == done
    workers.shutdown()


def test_another_view_waits_for_the_whole_queue(
    qtbot: QtBot, database: Database, store_id: int
) -> None:
    workers = WorkerPool()
    model = QueueModel(Formatter(QLocale("da_DK")), now=lambda: NOW)
    model.set_filter(QueueFilter(tab=Tab.DONE))
    opening = QueueOpening(workers, database, store_id, model)
    with qtbot.waitSignal(opening.first_rows):
        opening.start()
    assert model.rowCount() == len(range(0, REQUESTS, 7))
    workers.shutdown()
