"""Linux's keychain over one kept D-Bus connection (`keychain/secret_service.py`), against a
real gnome-keyring: connections counted at the bus, items read back by keyring's own backend."""

from __future__ import annotations

import gc
import socket
import threading

import pytest
from jeepney.io.blocking import DBusConnection

from cancelapp.keychain import SecretKind, SecretStore
from cancelapp.keychain.secret_store import SERVICE
from fixtures.keychain import SecretServiceSession

pytestmark = [pytest.mark.keychain, pytest.mark.timeout(60)]

SHOP = "fjord-te.myshopify.com"


def test_one_connection_serves_every_call_and_close_hangs_up(
    secret_service: SecretServiceSession,
) -> None:
    open_before = secret_service.connections_of_this_process()
    made_before = secret_service.connections_made()
    store = SecretStore(secret_service.backend())
    for kind in (SecretKind.ACCESS_TOKEN, SecretKind.IMAP_PASSWORD, SecretKind.AUDIT_KEY):
        assert store.save(SHOP, kind, f"secret {kind}").in_keychain
    assert [store.load(SHOP, SecretKind.ACCESS_TOKEN) for _ in range(10)] == [
        "secret access-token"
    ] * 10
    store.delete(SHOP, SecretKind.IMAP_PASSWORD)
    assert store.load(SHOP, SecretKind.IMAP_PASSWORD) is None

    # 16 calls: one connection for all of them, and the question's own.
    assert secret_service.connections_made() - made_before == 2
    (kept,) = secret_service.connections_of_this_process() - open_before
    store.close()
    secret_service.wait_until_disconnected(kept)
    assert secret_service.connections_of_this_process() == open_before
    # Used again after closing (a script that goes on): it dials once more.
    store.delete_store(SHOP)
    assert store.load(SHOP, SecretKind.AUDIT_KEY) is None
    store.close()


def test_calls_from_several_workers_share_the_connection(
    secret_service: SecretServiceSession,
) -> None:
    """The app's workers call the store at the same time; each gets its own secret."""
    store = SecretStore(secret_service.backend())
    shops = [f"shop-{n}.myshopify.com" for n in range(4)]
    for shop in shops:
        store.save(shop, SecretKind.ACCESS_TOKEN, f"shpat_{shop}")
    made_before = secret_service.connections_made()
    read: dict[str, list[str | None]] = {shop: [] for shop in shops}

    def reads(shop: str) -> None:
        for _ in range(8):
            read[shop].append(store.load(shop, SecretKind.ACCESS_TOKEN))

    workers = [threading.Thread(target=reads, args=(shop,)) for shop in shops]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    try:
        assert read == {shop: [f"shpat_{shop}"] * 8 for shop in shops}
        assert secret_service.connections_made() - made_before == 1  # the question's own
    finally:
        for shop in shops:
            store.delete_store(shop)
        store.close()


def test_a_restarted_keychain_daemon_is_dialled_again(
    fresh_secret_service: SecretServiceSession,
) -> None:
    store = SecretStore(fresh_secret_service.backend())
    assert store.save(SHOP, SecretKind.ACCESS_TOKEN, "shpat_before-restart").in_keychain
    (before,) = fresh_secret_service.connections_of_this_process()

    fresh_secret_service.restart()  # its Secret Service session on our connection is gone

    assert store.load(SHOP, SecretKind.ACCESS_TOKEN) == "shpat_before-restart"
    assert store.save(SHOP, SecretKind.CLIENT_SECRET, "shpss_after-restart").in_keychain
    fresh_secret_service.wait_until_disconnected(before)
    (after,) = fresh_secret_service.connections_of_this_process()
    assert after != before
    store.close()


def test_a_bus_that_hung_up_is_dialled_again(secret_service: SecretServiceSession) -> None:
    """The bus dropped the kept connection (it restarted, or a session manager ended it): the
    next call finds the line dead, dials again once and gets its answer."""
    store = SecretStore(secret_service.backend())
    assert store.save(SHOP, SecretKind.ACCESS_TOKEN, "shpat_before-hang-up").in_keychain
    open_before = secret_service.connections_of_this_process()
    assert len(open_before) == 1  # only the store's

    assert _hang_up(secret_service.bus_address) == 1
    (before,) = open_before
    secret_service.wait_until_disconnected(before)

    try:
        assert store.load(SHOP, SecretKind.ACCESS_TOKEN) == "shpat_before-hang-up"
        (after,) = secret_service.connections_of_this_process()
        assert after != before
    finally:
        store.delete_store(SHOP)
        store.close()


def _hang_up(bus_address: str) -> int:
    """Shut the socket of every connection this process holds to the bus at `bus_address`,
    as a bus that goes away does to its clients; how many there were."""
    path = dict(part.split("=", 1) for part in bus_address.split(":", 1)[1].split(","))["path"]
    shut = 0
    for connection in gc.get_objects():
        if not isinstance(connection, DBusConnection) or connection.sock.fileno() < 0:
            continue
        if connection.sock.getpeername() == path:
            connection.sock.shutdown(socket.SHUT_RDWR)
            shut += 1
    return shut


def test_what_keyring_saved_is_found_and_what_we_save_keyring_finds(
    secret_service: SecretServiceSession,
) -> None:
    """Secrets saved by a release that used keyring's backend stay readable, and the reverse:
    same attributes, label and collection."""
    keyring_backend = secret_service.backend()
    store = SecretStore(secret_service.backend())
    old_release = f"{SHOP}/{SecretKind.ACCESS_TOKEN.value}"
    keyring_backend.set_password(SERVICE, old_release, "shpat_saved-by-keyring")
    try:
        assert store.load(SHOP, SecretKind.ACCESS_TOKEN) == "shpat_saved-by-keyring"
        assert store.save(SHOP, SecretKind.CLIENT_SECRET, "shpss_saved-by-us").in_keychain
        ours = f"{SHOP}/{SecretKind.CLIENT_SECRET.value}"
        assert keyring_backend.get_password(SERVICE, ours) == "shpss_saved-by-us"

        by_keyring, by_us = _item(old_release), _item(ours)
        assert by_us["collection"] == by_keyring["collection"]
        assert by_us["attributes"] == {**by_keyring["attributes"], "username": ours}
        assert by_us["label"] == f"Password for '{ours}' on '{SERVICE}'"
        assert by_keyring["label"] == f"Password for '{old_release}' on '{SERVICE}'"

        store.delete(SHOP, SecretKind.ACCESS_TOKEN)  # one keyring saved
        assert keyring_backend.get_password(SERVICE, old_release) is None
    finally:
        store.delete_store(SHOP)
        store.close()
    assert keyring_backend.get_password(SERVICE, ours) is None


def _item(username: str) -> dict[str, object]:
    """The one item for `username`, read straight from the Secret Service."""
    from contextlib import closing

    import secretstorage

    with closing(secretstorage.dbus_init()) as bus:
        (item,) = secretstorage.search_items(bus, {"service": SERVICE, "username": username})
        # gnome-keyring itself adds `xdg:schema` to some items, to keyring's and ours alike.
        attributes = item.get_attributes()
        return {
            "collection": item.item_path.rsplit("/", 1)[0],
            "attributes": {k: v for k, v in attributes.items() if not k.startswith("xdg:")},
            "label": item.get_label(),
        }
