"""What can go wrong talking to Shopify, each with a message the merchant understands.

`merchant_message` is plain English; `phrase` is the same text as a translatable `Phrase` for
the UI. `detail` is technical context for logs. None of them ever contains a token or secret.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase, PhraseArg

_CONTEXT = "ShopifyError"
# Shopify's tokens and secrets (`shpat_…`, `shpss_…`): pasted into the wrong field, they must
# not come back in an error message, which may be logged.
_SHOPIFY_SECRET = re.compile(r"shp[a-z]{2}_\w*", re.IGNORECASE)


def _phrase(template: str, **args: PhraseArg) -> Phrase:
    return Phrase(_CONTEXT, template, dict(args))


class ShopifyError(Exception):
    """Base of every client error."""

    def __init__(self, phrase: Phrase, detail: str = "") -> None:
        self.phrase = phrase
        self.detail = detail
        super().__init__(self.merchant_message + (f" ({detail})" if detail else ""))

    @property
    def merchant_message(self) -> str:
        return self.phrase.render_plain()


class InvalidShopDomain(ShopifyError, ValueError):
    def __init__(self, text: str) -> None:
        shown = _SHOPIFY_SECRET.sub("shp…", text.strip())[:80]
        super().__init__(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "“{text}” is not a Shopify store address. Enter the store name, "
                    "name.myshopify.com, or paste the address of your Shopify admin.",
                ),
                text=shown,
            )
        )


class AuthFailed(ShopifyError):
    """The token or the app's client ID and secret were refused."""

    @classmethod
    def bad_token(cls, detail: str = "") -> AuthFailed:
        return cls(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "Shopify did not accept the access token. Check that you copied the whole "
                    "token and that the app is still installed in your store.",
                )
            ),
            detail,
        )

    @classmethod
    def bad_client_credentials(cls, detail: str = "") -> AuthFailed:
        return cls(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "Shopify did not accept the app's client ID and secret. Check both in the "
                    "app's settings in the Dev Dashboard, and that the app is installed in this "
                    "store.",
                )
            ),
            detail,
        )

    @classmethod
    def forbidden(cls, detail: str = "") -> AuthFailed:
        return cls(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "Shopify refused this app access to the store. Check the app's permissions "
                    "in your Shopify admin.",
                )
            ),
            detail,
        )


class MissingScopes(ShopifyError):
    """The app lacks access scopes; `scopes` names them (empty when Shopify did not say)."""

    def __init__(self, scopes: tuple[str, ...], detail: str = "") -> None:
        self.scopes = scopes
        names = ", ".join(scopes) if scopes else "?"
        super().__init__(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "The app is missing a permission in your store ({scopes}). Add it to the "
                    "app's access scopes, release a new version and install it again.",
                ),
                scopes=names,
            ),
            detail,
        )


class ShopNotFound(ShopifyError):
    def __init__(self, domain: str, detail: str = "") -> None:
        super().__init__(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT, "There is no Shopify store at {domain}. Check the store address."
                ),
                domain=domain,
            ),
            detail,
        )


class ShopLocked(ShopifyError):
    """HTTP 402 (frozen for an unpaid bill) or 423 (locked by Shopify)."""

    def __init__(self, domain: str, detail: str = "") -> None:
        super().__init__(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "Shopify has paused the store {domain} (for example over an unpaid bill), "
                    "so orders cannot be read or changed. Check the notices in your Shopify "
                    "admin.",
                ),
                domain=domain,
            ),
            detail,
        )


class Throttled(ShopifyError):
    def __init__(self, retry_after: timedelta, detail: str = "") -> None:
        self.retry_after = retry_after
        super().__init__(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "Shopify asked CancelApp to slow down. Try again in {wait}.",
                ),
                wait=max(retry_after, timedelta(minutes=1)),
            ),
            detail,
        )


class QueryTooExpensive(ShopifyError):
    """MAX_COST_EXCEEDED: a query above Shopify's 1,000-point cap. Paged reads retry with a
    smaller page (`page_fit`); reaching the merchant, it is a bug on our side. `cost` and
    `max_cost` are what Shopify reported, when it did."""

    def __init__(
        self, detail: str = "", *, cost: float | None = None, max_cost: float | None = None
    ) -> None:
        self.cost = cost
        self.max_cost = max_cost
        super().__init__(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "Shopify refused a request from CancelApp as too large. This is a fault in "
                    "CancelApp; please report it.",
                )
            ),
            detail,
        )


class NetworkDown(ShopifyError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "Shopify cannot be reached. Check the internet connection; CancelApp keeps "
                    "working from its saved copy meanwhile.",
                )
            ),
            detail,
        )


class ShopifyDown(ShopifyError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "Shopify is not answering properly right now. Try again in a few minutes.",
                )
            ),
            detail,
        )


class MalformedResponse(ShopifyError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "Shopify's answer arrived incomplete or garbled. A network filter or proxy "
                    "may be in the way; try again.",
                )
            ),
            detail,
        )


class RequestRejected(ShopifyError):
    """Shopify refused the request itself (GraphQL errors other than the ones above)."""

    def __init__(self, messages: tuple[str, ...], detail: str = "") -> None:
        self.messages = messages
        super().__init__(
            _phrase(
                QT_TRANSLATE_NOOP(_CONTEXT, "Shopify refused the request: {messages}"),
                messages="; ".join(messages),
            ),
            detail,
        )


@dataclass(frozen=True)
class UserErrorDetail:
    message: str
    field: tuple[str, ...] = ()
    code: str | None = None


class UserErrors(ShopifyError):
    """A mutation's `userErrors`: Shopify understood the request and declined it."""

    def __init__(self, payload: str, errors: tuple[UserErrorDetail, ...]) -> None:
        self.payload = payload
        self.errors = errors
        super().__init__(
            _phrase(
                QT_TRANSLATE_NOOP(_CONTEXT, "Shopify did not do it: {messages}"),
                messages="; ".join(e.message for e in errors),
            ),
            payload,
        )

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(e.code for e in self.errors if e.code)


class OutcomeUnknown(ShopifyError):
    """A change may have reached Shopify but no answer came back: re-read before retrying."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "The connection broke before Shopify answered, so CancelApp cannot tell "
                    "whether the change was made. It will check the order before doing "
                    "anything else.",
                )
            ),
            detail,
        )


class Cancelled(ShopifyError):
    """The caller's cancel flag was set while the client was waiting."""

    def __init__(self) -> None:
        super().__init__(_phrase(QT_TRANSLATE_NOOP(_CONTEXT, "Stopped.")))
