"""The authorization-code flow with PKCE and a loopback redirect, against the test provider:
the browser is an HTTP client that follows the sign-in page, as a real one would."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from cancelapp.keychain import SecretKind, SecretStore
from cancelapp.oauth import errors
from cancelapp.oauth.errors import SignInFailed
from cancelapp.oauth.providers import MICROSOFT, Client, Provider
from cancelapp.oauth.sign_in import PendingSignIn, SignInCancelled, start_sign_in
from cancelapp.oauth.tokens import Tokens, fresh_access_token, save_tokens, sign_out
from fixtures.oauth_server import (
    ADDRESS,
    GOOGLE_CLIENT,
    GOOGLE_SECRET,
    MICROSOFT_CLIENT,
    OAuthServer,
    follow_in_browser,
)

SHOP = "shop.myshopify.com"
PAGE = "Signed in: you can close this page and return to CancelApp."


@pytest.fixture
def browser() -> Iterator[Callable[[str], bool]]:
    """Opens a URL as the system browser does: apart from the app, in its own thread."""
    pages: list[httpx.Response] = []
    threads: list[threading.Thread] = []

    def open_url(url: str) -> bool:
        thread = threading.Thread(target=lambda: pages.append(follow_in_browser(url)))
        threads.append(thread)
        thread.start()
        return True

    yield open_url
    for thread in threads:
        thread.join(timeout=30)


def sign_in(
    provider: Provider, client_id: str, browser: Callable[[str], bool], secret: str | None = None
) -> Tokens:
    pending = start_sign_in(provider, client_id, browser, PAGE)
    assert pending.browser_opened
    return pending.answer(threading.Event(), secret)


def test_a_sign_in_uses_pkce_s256_on_a_random_loopback_port_and_gets_both_tokens(
    oauth_server: OAuthServer, browser: Callable[[str], bool]
) -> None:
    opened: list[str] = []

    def watching_browser(url: str) -> bool:
        opened.append(url)
        return browser(url)

    tokens = sign_in(oauth_server.provider(), MICROSOFT_CLIENT, watching_browser)
    query = parse_qs(urlsplit(opened[0]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["redirect_uri"][0].startswith("http://127.0.0.1:")
    assert query["scope"] == [" ".join(MICROSOFT.scopes)]
    assert "https://outlook.office.com/IMAP.AccessAsUser.All" in query["scope"][0]
    assert len(query["state"][0]) >= 32
    assert tokens.address == ADDRESS
    assert tokens.access_token in oauth_server.state.access
    assert tokens.refresh_token in oauth_server.state.refresh
    assert oauth_server.state.token_grants == ["authorization_code"]


def test_google_needs_its_desktop_client_secret(
    oauth_server: OAuthServer, browser: Callable[[str], bool]
) -> None:
    google = oauth_server.google()
    pending = start_sign_in(google, GOOGLE_CLIENT, lambda _url: True, PAGE)
    with pytest.raises(SignInFailed) as missing:
        pending.answer(threading.Event(), None)
    assert missing.value.phrase.template == errors.NO_CLIENT_SECRET
    with pytest.raises(SignInFailed) as wrong:
        sign_in(google, GOOGLE_CLIENT, browser, "not-the-secret")
    assert wrong.value.phrase.template == errors.BAD_CLIENT
    assert sign_in(google, GOOGLE_CLIENT, browser, GOOGLE_SECRET).address == ADDRESS


@pytest.mark.parametrize(
    ("refusal", "said"),
    [
        (("access_denied", "The user declined."), errors.REFUSED),
        (("access_denied", "AADSTS65001: admin consent needed"), errors.ADMIN_FORBIDS),
        (("admin_policy_enforced", ""), errors.ADMIN_FORBIDS),
        (("server_error", ""), errors.PROVIDER_SAYS),
    ],
)
def test_a_refused_sign_in_says_why(
    oauth_server: OAuthServer,
    browser: Callable[[str], bool],
    refusal: tuple[str, str],
    said: str,
) -> None:
    oauth_server.state.refusal = refusal
    with pytest.raises(SignInFailed) as refused:
        sign_in(oauth_server.provider(), MICROSOFT_CLIENT, browser)
    assert refused.value.phrase.template == said
    assert "Microsoft 365" in refused.value.phrase.render_plain()
    assert oauth_server.state.token_grants == []


def test_an_answer_with_another_state_is_refused(
    oauth_server: OAuthServer, browser: Callable[[str], bool]
) -> None:
    def forged(url: str) -> bool:
        redirect = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        return browser(f"{redirect}?code=stolen&state=not-this-sign-in")

    with pytest.raises(SignInFailed) as refused:
        sign_in(oauth_server.provider(), MICROSOFT_CLIENT, forged)
    assert refused.value.phrase.template == errors.WRONG_STATE
    assert oauth_server.state.token_grants == []


def test_no_client_id_no_answer_and_a_cancel_are_each_told(oauth_server: OAuthServer) -> None:
    provider = oauth_server.provider()
    with pytest.raises(SignInFailed) as no_client:
        start_sign_in(provider, "", lambda _url: True, PAGE)
    assert no_client.value.phrase.render_plain().startswith(
        "This copy of CancelApp has no Microsoft 365 sign-in app."
    )
    pending = start_sign_in(provider, MICROSOFT_CLIENT, lambda _url: False, PAGE)
    assert not pending.browser_opened  # the window then shows the address to open by hand
    with pytest.raises(SignInFailed) as silent:
        pending.answer(threading.Event(), None, timeout=timedelta(0))
    assert silent.value.phrase.template == errors.NO_ANSWER
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(SignInCancelled):
        PendingSignIn(provider, MICROSOFT_CLIENT, PAGE).answer(cancel, None)


def test_the_loopback_answers_only_the_redirect_and_shows_the_page(
    oauth_server: OAuthServer,
) -> None:
    pending = start_sign_in(oauth_server.provider(), MICROSOFT_CLIENT, lambda _url: True, PAGE)
    answers: list[httpx.Response] = []

    def visit() -> None:
        with httpx.Client(timeout=10) as http:
            answers.append(http.get(pending.redirect_uri + "favicon.ico"))
            answers.append(follow_in_browser(pending.authorization_url))

    thread = threading.Thread(target=visit)
    thread.start()
    tokens = pending.answer(threading.Event(), None)
    thread.join()
    assert answers[0].status_code == 404
    assert PAGE in answers[1].text and tokens.address == ADDRESS


def test_an_expired_token_is_refreshed_and_kept_in_the_keychain_only(
    oauth_server: OAuthServer, browser: Callable[[str], bool], secret_store: SecretStore
) -> None:
    provider, client = oauth_server.provider(), Client(MICROSOFT_CLIENT)
    tokens = sign_in(provider, MICROSOFT_CLIENT, browser)
    save_tokens(secret_store, SHOP, tokens)
    now = datetime.now(UTC)
    assert fresh_access_token(provider, client, secret_store, SHOP, ADDRESS, lambda: now) == (
        tokens.access_token
    )
    assert oauth_server.state.token_grants == ["authorization_code"]
    later = tokens.expires_at - timedelta(seconds=30)  # within the margin: refreshed first
    fresh = fresh_access_token(provider, client, secret_store, SHOP, ADDRESS, lambda: later)
    assert fresh != tokens.access_token and fresh in oauth_server.state.access
    assert oauth_server.state.token_grants == ["authorization_code", "refresh_token"]
    kept = Tokens.from_secret(secret_store.load(SHOP, SecretKind.MAIL_SIGN_IN) or "")
    assert kept is not None and kept.access_token == fresh
    assert kept.expires_at == later + timedelta(seconds=3600)
    assert kept.refresh_token != tokens.refresh_token  # rotated, as Microsoft does


def test_a_withdrawn_refresh_token_asks_to_sign_in_again(
    oauth_server: OAuthServer, browser: Callable[[str], bool], secret_store: SecretStore
) -> None:
    provider, client = oauth_server.provider(), Client(MICROSOFT_CLIENT)
    tokens = sign_in(provider, MICROSOFT_CLIENT, browser)
    save_tokens(secret_store, SHOP, tokens)
    oauth_server.state.refresh.clear()  # withdrawn at the provider
    later = tokens.expires_at + timedelta(hours=1)
    with pytest.raises(SignInFailed) as expired:
        fresh_access_token(provider, client, secret_store, SHOP, ADDRESS, lambda: later)
    assert expired.value.phrase.render_plain() == (
        f"Microsoft 365 no longer accepts CancelApp's sign-in for {ADDRESS} (it expired or was "
        "withdrawn). Sign in again under Settings › Incoming requests."
    )
    assert tokens.access_token not in str(expired.value)
    other = "other.myshopify.com"
    with pytest.raises(SignInFailed) as none:
        fresh_access_token(provider, client, secret_store, other, ADDRESS)
    assert none.value.phrase.template == errors.NOT_SIGNED_IN


def test_signing_out_revokes_at_the_provider_and_forgets_the_tokens(
    oauth_server: OAuthServer, browser: Callable[[str], bool], secret_store: SecretStore
) -> None:
    google = oauth_server.google()
    tokens = sign_in(google, GOOGLE_CLIENT, browser, GOOGLE_SECRET)
    save_tokens(secret_store, SHOP, tokens)
    assert sign_out(google, secret_store, SHOP) is None
    assert oauth_server.state.revoked == [tokens.refresh_token]
    assert secret_store.load(SHOP, SecretKind.MAIL_SIGN_IN) is None


def test_microsoft_has_no_revocation_so_the_merchant_is_told_where_to_remove_access(
    oauth_server: OAuthServer, browser: Callable[[str], bool], secret_store: SecretStore
) -> None:
    microsoft = oauth_server.provider()
    save_tokens(secret_store, SHOP, sign_in(microsoft, MICROSOFT_CLIENT, browser))
    notice = sign_out(microsoft, secret_store, SHOP)
    assert notice is not None and notice.render_plain() == (
        "CancelApp has forgotten its Microsoft 365 sign-in. Microsoft 365 still lists CancelApp "
        "as allowed until you remove it at https://myapps.microsoft.com."
    )
    assert secret_store.load(SHOP, SecretKind.MAIL_SIGN_IN) is None
    assert sign_out(microsoft, secret_store, SHOP) is None  # nothing left to forget
