"""Signing in to Google and Microsoft 365 mailboxes with OAuth2 (Qt-free).

`providers`: their endpoints and scopes; `sign_in`: the authorization-code flow with PKCE and a
loopback redirect; `tokens`: the tokens in the keychain, refreshed when expired and revoked on
sign-out; `sasl`: XOAUTH2 and OAUTHBEARER for IMAP and SMTP; `errors`: what the merchant is told.
"""
