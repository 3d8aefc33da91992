"""Certificates checked against the operating system's own store (Keychain on macOS, the
Windows store, OpenSSL's paths on Linux) rather than certifi's copy: an HTTPS-scanning antivirus
or a company proxy adds its root there, and IMAP already trusts the same store."""

from __future__ import annotations

import ssl

import truststore


def system_tls_context() -> ssl.SSLContext:
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
