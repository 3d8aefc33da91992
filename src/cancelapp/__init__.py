"""CancelApp: one window for a Shopify merchant's cancellation requests."""


def __getattr__(name: str) -> str:
    """`__version__`, the installed package's, read on first use: `importlib.metadata` costs
    tens of milliseconds at start-up, before the window could show."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("cancelapp")
    except PackageNotFoundError:  # running from a source tree without metadata
        found = "0.0.0"
    globals()["__version__"] = found
    return found
