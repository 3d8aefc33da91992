"""The connect wizard's work, run off the GUI thread: check a store, then save it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.keychain import SecretStore, auth_kind_of, save_credentials
from cancelapp.shopify import Credentials, Endpoint, ShopInfo
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.shop_info import REQUIRED_SCOPES
from cancelapp.store import Database
from cancelapp.store.stores import save_store

# Scopes that switch on more, but without which CancelApp still works.
OPTIONAL_SCOPES: dict[str, str] = {
    "read_third_party_fulfillment_orders": QT_TRANSLATE_NOOP(
        "ConnectScopes", "see orders a fulfillment service (3PL) is packing"
    ),
    "write_third_party_fulfillment_orders": QT_TRANSLATE_NOOP(
        "ConnectScopes", "ask a fulfillment service (3PL) to stop an order"
    ),
    "read_returns": QT_TRANSLATE_NOOP("ConnectScopes", "see returns already opened on an order"),
    "read_legal_policies": QT_TRANSLATE_NOOP(
        "ConnectScopes",
        "read the cancellation window of your store's return policy, so your policy's own "
        "window applies instead",
    ),
}


def required_scopes() -> tuple[str, ...]:
    return tuple(REQUIRED_SCOPES)


def optional_scopes() -> tuple[str, ...]:
    return tuple(OPTIONAL_SCOPES)


def missing_optional_scopes(info: ShopInfo) -> tuple[Phrase, ...]:
    return tuple(
        Phrase(
            "ConnectScopes",
            QT_TRANSLATE_NOOP(
                "ConnectScopes", "Without {scope} (optional), CancelApp cannot {consequence}."
            ),
            {"scope": scope, "consequence": consequence},
        )
        for scope, consequence in OPTIONAL_SCOPES.items()
        if scope not in info.scopes
    )


def check_connection(endpoint: Endpoint, credentials: Credentials) -> ShopInfo:
    """Who the shop is and which scopes are missing. Raises `ShopifyError`s."""
    with ShopifyClient(endpoint, credentials) as client:
        return client.connect()


@dataclass(frozen=True)
class ConnectedStore:
    store_id: int
    domain: str
    name: str
    notices: tuple[Phrase, ...]  # e.g. "the token will be forgotten when you quit"


def save_connection(
    database: Database,
    secrets: SecretStore,
    endpoint: Endpoint,
    credentials: Credentials,
    info: ShopInfo,
    now: datetime,
) -> ConnectedStore:
    """Secrets into the keychain first, then the store row (no secret in it).

    May block on a keychain unlock prompt. Raises `StoreError` when the database refuses."""
    notices = save_credentials(secrets, endpoint.domain, credentials)
    with database.transaction() as conn:
        store_id = save_store(
            conn,
            endpoint,
            name=info.name,
            currency=info.currency_code,
            timezone=info.iana_timezone,
            auth_kind=auth_kind_of(credentials),
            now=now,
        )
    return ConnectedStore(store_id, endpoint.domain, info.name, notices)
