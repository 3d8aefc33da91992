"""Product images the demo shop serves over HTTP, as Shopify's CDN serves `Image.url`.

Each product gets a small PNG of its own colours, drawn here without any image library: the
app's cache of product images is tried against real bytes over real HTTP.
"""

from __future__ import annotations

import re
import struct
import zlib

IMAGE_PATH = re.compile(r"/cdn/products/(\d+)\.png")
SIZE = 96
_PALETTE = [
    (0x8D, 0x99, 0xAE), (0x2B, 0x6C, 0xB0), (0xC8, 0xA9, 0x7E), (0x6B, 0x4F, 0x3A),
    (0x1F, 0x2A, 0x44), (0xB8, 0x3A, 0x3A), (0x5E, 0x7D, 0x4E), (0xE9, 0xDC, 0xC9),
]  # fmt: skip


def image_path(product_id: int) -> str:
    return f"/cdn/products/{product_id}.png"


def product_png(product_id: int, size: int = SIZE) -> bytes:
    """A square in the product's colour with a lighter inner square, as PNG bytes."""
    outer = _PALETTE[product_id % len(_PALETTE)]
    inner = tuple(min(c + 70, 255) for c in outer)
    margin = size // 4
    rows = []
    for y in range(size):
        row = bytearray(b"\x00")  # no filter
        for x in range(size):
            inside = margin <= x < size - margin and margin <= y < size - margin
            row += bytes(inner if inside else outer)
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
