"""Small product images for the detail pane, fetched off the GUI thread and kept on disk in
the app's cache folder, so an order is reviewed with its pictures offline too.

A file is named by a hash of its URL and written whole (a temporary file renamed), so a
killed fetch never leaves half an image. Only image answers up to `MOST_BYTES` are kept; an
image that cannot be fetched is simply not shown (the pane shows the item without it).
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)
FOLDER = "product-images"
MOST_BYTES = 512 * 1024  # a 96 px thumbnail is a few kB; anything far larger is not one


def image_file(cache_dir: Path, url: str) -> Path:
    name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]
    return cache_dir / FOLDER / f"{name}.img"


def cached_images(cache_dir: Path, urls: Iterable[str]) -> dict[str, Path]:
    """The images already on disk, by URL (no network)."""
    files = {url: image_file(cache_dir, url) for url in urls}
    return {url: path for url, path in files.items() if path.is_file()}


def fetch_images(cache_dir: Path, urls: Iterable[str]) -> dict[str, Path]:
    """Every image of `urls` on disk, fetching the missing ones; by URL. Offline, or for an
    image Shopify's CDN refuses, the ones already cached."""
    import httpx

    from cancelapp.tls import system_tls_context

    wanted = list(dict.fromkeys(urls))
    found = cached_images(cache_dir, wanted)
    missing = [
        url for url in wanted if url not in found and url.startswith(("https://", "http://"))
    ]
    if not missing:
        return found
    folder = cache_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with httpx.Client(
        timeout=httpx.Timeout(10.0, connect=5.0),
        follow_redirects=True,
        verify=system_tls_context(),
        trust_env=not all(_loopback(url) for url in missing),  # no proxy before the demo shop
    ) as client:
        for url in missing:
            try:
                data = _download(client, url)
            except httpx.HTTPError as exc:
                log.info("product image not fetched (%s): %s", type(exc).__name__, url)
                if isinstance(exc, httpx.TransportError):
                    break  # offline: the rest would fail the same way
                continue
            if data is None:
                continue
            path = image_file(cache_dir, url)
            _write_whole(path, data)
            found[url] = path
    return found


def _download(client: httpx.Client, url: str) -> bytes | None:
    with client.stream("GET", url) as response:
        response.raise_for_status()
        if not response.headers.get("content-type", "").startswith("image/"):
            return None
        data = b""
        for chunk in response.iter_bytes():
            data += chunk
            if len(data) > MOST_BYTES:
                return None
        return data


def _loopback(url: str) -> bool:
    return url.startswith(("http://127.0.0.1:", "http://[::1]:"))


def _write_whole(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        Path(temporary).replace(path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        log.warning("could not keep a product image in %s", path.parent, exc_info=True)
