"""Why a sign-in did not work, in the merchant's words, with what they can do about it."""

from __future__ import annotations

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase, PhraseArg

CONTEXT = "SignIn"  # spelled out in each QT_TRANSLATE_NOOP: lupdate reads only literals

NO_CLIENT = QT_TRANSLATE_NOOP(
    "SignIn",
    "This copy of CancelApp has no {provider} sign-in app. Enter the client ID of your own "
    "{provider} app under Sign-in apps, or choose App password.",
)
NO_CLIENT_SECRET = QT_TRANSLATE_NOOP(
    "SignIn",
    "Google also requires the client secret of your Desktop app. Enter it under Sign-in apps.",
)
NO_PORT = QT_TRANSLATE_NOOP(
    "SignIn",
    "CancelApp could not open a port on this computer (127.0.0.1) to receive the answer from "
    "the sign-in page. A firewall or security program may block it: allow CancelApp there, or "
    "choose App password.",
)
NO_ANSWER = QT_TRANSLATE_NOOP(
    "SignIn",
    "No answer came from the sign-in page within {minutes} minutes. Click Sign in to try again; "
    "if no page opened, set a default web browser on this computer.",
)
REFUSED = QT_TRANSLATE_NOOP(
    "SignIn",
    "You did not allow CancelApp to use your {provider} mailbox, so nothing changed. Sign in "
    "again and choose Allow, or choose App password.",
)
ADMIN_FORBIDS = QT_TRANSLATE_NOOP(
    "SignIn",
    "Your organisation's administrator does not allow CancelApp to use its {provider} "
    "mailboxes. Ask them to approve the app for IMAP and SMTP, or choose App password if your "
    "organisation allows one.",
)
BAD_CLIENT = QT_TRANSLATE_NOOP(
    "SignIn",
    "{provider} does not accept the sign-in app's client ID or client secret. Check them under "
    "Sign-in apps.",
)
PROVIDER_SAYS = QT_TRANSLATE_NOOP(
    "SignIn",
    "{provider} refused the sign-in ({detail}). Try again, or choose App password.",
)
WRONG_STATE = QT_TRANSLATE_NOOP(
    "SignIn",
    "An answer reached CancelApp that did not belong to this sign-in, so it was ignored. Click "
    "Sign in to try again.",
)
UNREACHABLE = QT_TRANSLATE_NOOP(
    "SignIn",
    "CancelApp could not reach {provider} to finish the sign-in. Check the internet connection "
    "and try again.",
)
NO_ADDRESS = QT_TRANSLATE_NOOP(
    "SignIn",
    "{provider} did not say which email address was signed in, so CancelApp cannot use it. "
    "Try again, or choose App password.",
)
EXPIRED = QT_TRANSLATE_NOOP(
    "SignIn",
    "{provider} no longer accepts CancelApp's sign-in for {address} (it expired or was "
    "withdrawn). Sign in again under Settings › Incoming requests.",
)
NOT_SIGNED_IN = QT_TRANSLATE_NOOP(
    "SignIn",
    "CancelApp has no {provider} sign-in on this computer for {address}. Sign in under "
    "Settings › Incoming requests.",
)

REMOVE_BY_HAND = QT_TRANSLATE_NOOP(
    "SignIn",
    "CancelApp has forgotten its {provider} sign-in. {provider} still lists CancelApp as "
    "allowed until you remove it at {url}.",
)


class SignInFailed(Exception):
    """A sign-in or a token refresh did not work; `phrase` says why. Never holds a token."""

    def __init__(self, template: str, **args: PhraseArg) -> None:
        self.phrase = Phrase(CONTEXT, template, dict(args))
        super().__init__(self.phrase.render_plain())
