"""Command-line options, parsed before Qt starts."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import cancelapp


@dataclass(frozen=True)
class Options:
    demo: bool
    data_dir: str | None
    self_check: bool
    no_error_dialogs: bool
    remove_all_data: bool = False


class _PrintVersion(argparse.Action):
    """Like argparse's own `version` action, but reads the version only when asked: looking it
    up costs tens of milliseconds that every start would pay."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"CancelApp {cancelapp.__version__}")
        parser.exit()


def parse(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(
        prog="cancelapp",
        description="Review and act on your Shopify store's cancellation requests.",
    )
    parser.add_argument("--demo", action="store_true", help="open on the built-in demo shop")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep all data, settings and logs under DIR (also: CANCELAPP_HOME)",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="start headless, open the main window, load the cache, and quit (exit 0 if healthy)",
    )
    parser.add_argument(
        "--no-error-dialogs",
        action="store_true",
        help="report errors on stderr instead of dialogs (smoke tests)",
    )
    parser.add_argument(
        "--remove-all-data",
        action="store_true",
        help="delete CancelApp's data folder and its keychain entries, then exit "
        "(the uninstaller runs this when asked to)",
    )
    parser.add_argument(
        "--version", action=_PrintVersion, nargs=0, help="show the version and exit"
    )
    ns = parser.parse_args(argv)
    return Options(
        demo=ns.demo,
        data_dir=ns.data_dir,
        self_check=ns.self_check,
        no_error_dialogs=ns.no_error_dialogs or ns.self_check,
        remove_all_data=ns.remove_all_data,
    )
