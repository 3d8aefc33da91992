"""Shopify's global ids as its admin names them, for records a merchant reads."""


def short_id(gid: str) -> str:
    """`gid://shopify/Refund/9` -> `Refund 9`, as Shopify's admin names it."""
    parts = gid.removeprefix("gid://shopify/").split("/")
    return " ".join(parts) if gid.startswith("gid://shopify/") and len(parts) == 2 else gid
