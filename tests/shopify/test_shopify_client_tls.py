"""HTTPS trusts the operating system's certificate store (truststore), not certifi's list.

The demo shop is served over TLS with a certificate of its own; OpenSSL's system store is
pointed at it with SSL_CERT_FILE, as an HTTPS-scanning antivirus adds its root to the OS store.
With certifi's list (httpx's default) the same connection is refused.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from cancelapp.demoshop import DemoShop
from cancelapp.shopify import AccessToken, Endpoint, NetworkDown
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.retry import RetryPolicy

NO_RETRY = RetryPolicy(attempts=1)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed (apt-get install openssl)")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"),
            *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
            *("-keyout", str(key), "-out", str(cert), "-addext", "subjectAltName=IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def tls_shop(make_demo_shop: Callable[..., DemoShop], certificate: tuple[Path, Path]) -> DemoShop:
    shop = make_demo_shop(size=2)
    server = shop._server
    assert server is not None
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    return shop


def _client(shop: DemoShop) -> ShopifyClient:
    url = shop.base_url.replace("http://", "https://")
    return ShopifyClient(Endpoint.loopback(url), AccessToken(shop.access_token), retry=NO_RETRY)


def test_a_root_in_the_system_store_is_trusted(
    tls_shop: DemoShop, certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    with _client(tls_shop) as client:
        assert client.connect().name == "Hygge & Co. (demo)"


def test_a_certificate_the_system_does_not_trust_is_refused(
    tls_shop: DemoShop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty.pem"
    empty.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    with _client(tls_shop) as client, pytest.raises(NetworkDown):
        client.connect()
