"""The application context: everything a window uses, built once and passed down explicitly.

Paths, the database, settings, the secret store, the worker pool, translations, and per store a
`StoreSession` (client and action runner). `connect_demo` saves the demo shop as a store. Qt
loads only when `build_context` makes the worker pool, so the session layer can name this module.

The store, settings and rules modules `build_context` needs are imported here, with this module,
so that the app loads them before PySide6: PySide6's import hook reads the source of every
module imported after it (`shibokensupport.feature`, to see whether the module names PySide6),
about 0.1 ms a module.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from cancelapp import cli
from cancelapp.domain.phrase import Phrase
from cancelapp.oauth.providers import PROVIDERS, Provider, ProviderKey
from cancelapp.paths import AppPaths
from cancelapp.session.store_policy import StorePolicies
from cancelapp.settings import Settings, SettingsFile, load_settings, settings_path
from cancelapp.store import Database, InstanceLock

if TYPE_CHECKING:
    from cancelapp.demoshop import DemoShop
    from cancelapp.keychain import SecretStore
    from cancelapp.mail.mailbox import Mailbox
    from cancelapp.oauth.sasl import Bearer
    from cancelapp.session.refresh import StoreSession
    from cancelapp.shopify import Credentials
    from cancelapp.store.stores import StoreRecord
    from cancelapp.sync import IntakeSettings
    from cancelapp.ui.i18n import Translations
    from cancelapp.ui.workers import WorkerPool

log = logging.getLogger(__name__)


class Keychain:
    """The OS keychain, looked for on first use (it can block on an unlock prompt: call it
    from a worker). Plain data: workers get this, never the context that holds Qt objects."""

    def __init__(self, found: SecretStore | None = None) -> None:
        self._found = found
        self._lock = threading.Lock()

    def __call__(self) -> SecretStore:
        from cancelapp.keychain import SecretStore

        with self._lock:
            if self._found is None:
                self._found = SecretStore.for_system()
            return self._found

    def close(self) -> None:
        """Hang up on the keychain, if it was found (once no worker can be using it)."""
        with self._lock:
            if self._found is not None:
                self._found.close()


@dataclass
class AppContext:
    """Everything a window needs, built once here; no global lookups elsewhere."""

    paths: AppPaths
    options: cli.Options
    database: Database
    settings_file: SettingsFile  # owns the settings in use (`settings`) and their saving
    workers: WorkerPool
    policies: StorePolicies  # each store's rules, one value per store
    keychain: Keychain = field(default_factory=Keychain)  # found on first use
    translations: Translations | None = None
    demo: DemoShop | None = None
    startup_notices: list[Any] = field(default_factory=list)  # Phrases for the banner
    # Credentials that live for this session only (the demo shop's token).
    session_credentials: dict[str, Credentials] = field(default_factory=dict)
    lock: InstanceLock | None = None
    # The time verdicts are judged at: the wall clock, or the demo shop's (tests move it).
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    # Sessions the windows are done with: closed once no worker can be using them any more.
    retired: list[StoreSession] = field(default_factory=list)
    # Where mailbox sign-ins go: Google's and Microsoft's endpoints (tests point them home).
    sign_in_providers: dict[ProviderKey, Provider] = field(default_factory=lambda: dict(PROVIDERS))

    @property
    def settings(self) -> Settings:
        return self.settings_file.current

    @settings.setter
    def settings(self, settings: Settings) -> None:
        """In use at once, not saved (saving goes through `settings_file.change`)."""
        self.settings_file.current = settings

    @property
    def secrets(self) -> SecretStore:
        """The OS keychain, looked for on first use (usually in a worker: it can be slow)."""
        return self.keychain()

    def session_opener(
        self, store: StoreRecord, *, words: Callable[[Phrase], str] = Phrase.render_plain
    ) -> Callable[[], StoreSession | None]:
        """On the GUI thread: what opening `store`'s session needs, taken as plain values;
        the call returned opens it (client, runner, rules read once), or None when the
        store's credentials are gone (connect again). `words` renders the notes it writes
        on orders in the merchant's language.

        The call reads the keychain, which may block on an unlock prompt: run it in a
        worker. It raises `KeychainUnavailable` when the keychain is locked.
        """
        database, settings, policies = self.database, self.settings, self.policies
        intake = self.intake_for(store)
        credentials = self.session_credentials.get(store.domain)
        keychain = self.keychain
        mailbox = self.mailbox_for(store)  # where its replies are sent from
        clock = self.clock  # the time its verdicts are judged at

        def open_session() -> StoreSession | None:
            from cancelapp.session.session_side import open_store_session  # the side loads

            session = open_store_session(
                store,
                database,
                settings,
                policies,
                intake,
                credentials=credentials,
                secrets=keychain,
                words=words,
                clock=clock,
            )
            if session is not None:
                session.mailbox = mailbox
                policies.load(store.id)
            return session

        return open_session

    def open_session(
        self, store: StoreRecord, *, words: Callable[[Phrase], str] = Phrase.render_plain
    ) -> StoreSession | None:
        """`session_opener` called at once (a script or a test on one thread)."""
        return self.session_opener(store, words=words)()

    def mailbox_for(self, store: StoreRecord) -> Mailbox | None:
        """Where the store's replies are sent from: the same account as its inbox, signed in
        the same way (read from the keychain when sending); None while not set up."""
        from cancelapp.mail.mailbox import Mailbox

        email = self.settings.intake_for(store.domain).email
        imap, smtp = email.mailbox(), email.sending()
        if imap is None or smtp is None:
            return None
        return Mailbox(smtp, imap, self._mail_login(store))

    def intake_for(self, store: StoreRecord) -> IntakeSettings:
        """The store's request channels from the settings; the email password or sign-in
        stays in the keychain and is read when the inbox is (in the sync's worker)."""
        from cancelapp.sync import IntakeSettings

        intake = self.settings.intake_for(store.domain)
        email = intake.email.config()
        return IntakeSettings(
            native=intake.native,
            tag=intake.tag,
            tag_name=intake.tag_name,
            email=email,
            email_password=self._mail_login(store) if email is not None else None,
        )

    def _mail_login(self, store: StoreRecord) -> Callable[[], str | Bearer]:
        """How the store's mailbox signs in, for reading and sending alike: its password, or
        an access token when it is signed in with Google or Microsoft."""
        from cancelapp.keychain import SecretKind

        sign_in = self.settings.intake_for(store.domain).email.sign_in

        # The sync's worker calls it: plain values, never the context.
        keychain, settings_file = self.keychain, self.settings_file
        provider = self.sign_in_providers[sign_in] if sign_in is not None else None

        def email_password() -> str | Bearer:
            if provider is not None:
                from cancelapp.session.mail_sign_in import mailbox_login

                return mailbox_login(provider, settings_file.current, keychain(), store.domain)
            return keychain().load(store.domain, SecretKind.IMAP_PASSWORD) or ""

        return email_password

    def close(self) -> None:
        """On quitting, once the window has gone: stop the workers, then close the sessions the
        windows retired (the bulk cancels their stopped syncs sent get `GRACE` seconds in all
        to go out first, `sync/bulk_cancels.py`) and the keychain's connection."""
        self.workers.shutdown()
        from cancelapp.sync.bulk_cancels import GRACE

        cancels_by = time.monotonic() + GRACE
        for session in self.retired:
            session.close(cancels_by=cancels_by)
        self.retired.clear()
        self.keychain.close()
        from cancelapp.store import StoreError

        try:
            self.database.checkpoint()  # the .sqlite3 file alone then holds everything
        except StoreError as error:
            log.error("checkpoint at exit failed: %s", error)
        self.database.close()
        if self.demo is not None:
            self.demo.stop()
        if self.lock is not None:
            self.lock.release()


def build_context(
    paths: AppPaths,
    options: cli.Options,
    *,
    secrets: SecretStore | None = None,
    synchronous_workers: bool = False,
) -> AppContext:
    """Open the database and settings; raises `StoreError` with a merchant message."""
    from cancelapp.ui.workers import WorkerPool

    lock = InstanceLock(paths.data_dir)
    lock.acquire()
    try:
        # After a crash, a kill or a power cut every page is read before the data is trusted.
        database = Database.open(paths.database_path, verify=lock.previous_run_unclean)
    except BaseException:
        lock.release(clean=not lock.previous_run_unclean)  # still in doubt next time
        raise
    loaded = load_settings(settings_path(paths.config_dir))
    context = AppContext(
        paths=paths,
        options=options,
        database=database,
        settings_file=SettingsFile(settings_path(paths.config_dir), loaded.settings),
        keychain=Keychain(secrets),
        workers=WorkerPool(synchronous=synchronous_workers),
        policies=StorePolicies(paths.config_dir, database),
        lock=lock,
    )
    if loaded.notice is not None:
        context.startup_notices.append(loaded.notice)
    return context


def connect_demo(context: AppContext, shop: DemoShop | None = None) -> StoreRecord:
    """Save the demo shop as a store (its token for this session only); without `shop`,
    start one in this process, stopped with the context."""
    from cancelapp.demoshop import DemoShop
    from cancelapp.shopify import AccessToken, Endpoint
    from cancelapp.shopify.client import ShopifyClient
    from cancelapp.store.stores import SESSION_ONLY, get_store, list_stores, move_store, save_store

    started_here = shop is None
    if shop is None:
        # Shopify Plus's rate limit (20,000 points, 1,000 a second): the demo syncs at once.
        shop = DemoShop(seed=7, size=40, bucket_size=20_000, restore_rate=1_000).start()
        shop.add_eu_withdrawals()  # what the EU right of withdrawal looks like in the queue
        context.demo = shop
    endpoint = Endpoint.loopback(shop.base_url)
    credentials = AccessToken(shop.access_token)
    with ShopifyClient(endpoint, credentials) as client:
        info = client.connect()
    with context.database.transaction() as conn:
        if started_here:  # the same seeded shop on a new port: reuse its store, not add one
            demo = [s for s in list_stores(conn) if s.auth_kind == SESSION_ONLY]
            if demo:
                move_store(conn, demo[0].id, endpoint)
        store_id = save_store(
            conn,
            endpoint,
            name=info.name,
            currency=info.currency_code,
            timezone=info.iana_timezone,
            auth_kind=SESSION_ONLY,
            now=datetime.now(UTC),
        )
        record = get_store(conn, store_id)
    assert record is not None
    context.session_credentials[record.domain] = credentials
    context.clock = shop.clock.now  # verdicts run out on the shop's time, as its orders age
    return record
