"""CancelApp: one window for a Shopify merchant's cancellation requests."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cancelapp")
except PackageNotFoundError:  # running from a source tree without metadata
    __version__ = "0.0.0"
