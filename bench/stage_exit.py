"""Run a start-up to one stage and leave there: the process
`bench_startup_instructions.py` counts.

`python stage_exit.py plain SCRIPT` runs a plain-PySide6 script (`bare_window.py`, `bare_table.py`,
`plain_frame.py`) and `python stage_exit.py cancelapp DATA_DIR` runs `cancelapp --self-check`;
both end with `os._exit` at the stage named in BENCH_STAGE, so neither the rest of the start nor
interpreter shutdown is counted. Kept to `os`, `sys` and `runpy`: what this file imports is
counted too.

Plain scripts: `imports` (before `QApplication`), `qapplication`, `window` (built, not shown),
`shown`. CancelApp: `entry` (`cancelapp.app` imported), `qt_free_imports` (before PySide6),
`qapplication` (with logging and the icon), `data_opened` (database, settings), `window_modules`,
`window`, `shown` (its first rows painted).
"""

from __future__ import annotations

import os
import sys

STAGE = os.environ.get("BENCH_STAGE", "shown")
# Lines of a plain script before which a stage ends (the first match of each).
PLAIN_STAGES = (
    ("app = QApplication(", "imports"),
    ("window = QMainWindow()", "qapplication"),
    ("window.show()", "window"),
    ('print("shown"', "shown"),
)


def leave(stage: str) -> None:
    if stage == STAGE:
        os._exit(0)


def run_plain(script: str) -> None:
    """The script as `__main__`, with a `leave(stage)` before each stage's line; a script run
    as `__main__` is compiled from source either way."""
    with open(script, encoding="utf-8") as file:  # noqa: PTH123 (pathlib is not loaded yet)
        lines = file.read().splitlines()
    pending = list(PLAIN_STAGES)
    for number, line in enumerate(lines):
        if pending and line.startswith(pending[0][0]):
            lines[number] = f"__leave__({pending.pop(0)[1]!r}); {line}"
    if pending:
        raise SystemExit(f"{script}: no line for stage {pending[0][1]!r}")
    code = compile("\n".join(lines), script, "exec")
    exec(code, {"__name__": "__main__", "__file__": script, "__leave__": leave})  # noqa: S102
    raise SystemExit(f"{script} ended before stage {STAGE!r}")


def run_cancelapp(data_dir: str) -> None:
    import cancelapp.app as app

    leave("entry")
    import cancelapp.cli as cli
    import cancelapp.startup.opening as opening

    parse, open_data, self_check = cli.parse, opening.open_data, app._self_check

    def parse_here(*args: object, **kwargs: object) -> object:
        leave("qt_free_imports")
        return parse(*args, **kwargs)

    def open_data_here(*args: object, **kwargs: object) -> object:
        leave("qapplication")
        context = open_data(*args, **kwargs)
        leave("data_opened")
        import cancelapp.ui.collector as collector  # PySide6 is loaded by now

        base = collector.GuiThreadCollector

        class Collector(base):
            def __init__(self, *args: object, **kwargs: object) -> None:
                leave("window_modules")  # `_run` imported the window's modules, then this
                super().__init__(*args, **kwargs)

        collector.GuiThreadCollector = Collector
        return context

    def self_check_here(window: object, started: float) -> int:
        leave("window")
        window.first_rows_painted.connect(lambda: leave("shown"))
        return self_check(window, started)

    cli.parse = parse_here
    opening.open_data = open_data_here
    app._self_check = self_check_here
    app.main(["--self-check", "--data-dir", data_dir])
    raise SystemExit(f"cancelapp ended before stage {STAGE!r}")


if __name__ == "__main__":
    kind, target = sys.argv[1], sys.argv[2]
    run_plain(target) if kind == "plain" else run_cancelapp(target)
