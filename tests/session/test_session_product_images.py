"""Product images fetched from the demo shop over HTTP into the cache folder, and read from it
when the shop cannot be reached."""

from __future__ import annotations

from pathlib import Path

from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.images import image_path
from cancelapp.session.product_images import FOLDER, cached_images, fetch_images


def test_images_are_fetched_once_and_served_from_disk_offline(
    demo_shop: DemoShop, tmp_path: Path
) -> None:
    products = list(demo_shop.store.products)[:2]
    urls = [demo_shop.base_url + image_path(p) for p in products]
    found = fetch_images(tmp_path, urls)
    assert set(found) == set(urls)
    assert all(
        p.parent == tmp_path / FOLDER and p.read_bytes()[:4] == b"\x89PNG" for p in found.values()
    )
    assert not list((tmp_path / FOLDER).glob("*.part"))
    demo_shop.stop()
    assert fetch_images(tmp_path, [*urls, urls[0] + "?missing"]) == found  # offline: the cache
    assert cached_images(tmp_path, urls) == found


def test_only_images_are_kept(demo_shop: DemoShop, tmp_path: Path) -> None:
    order_id = demo_shop.create_order("paid").rsplit("/", 1)[1]
    page = f"{demo_shop.base_url}/admin/orders/{order_id}"  # HTML, not an image
    missing = f"{demo_shop.base_url}/cdn/products/none.png"  # 404
    assert fetch_images(tmp_path, [page, missing, "file:///etc/passwd"]) == {}
