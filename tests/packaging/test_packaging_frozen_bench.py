"""The start-up benchmark's frozen part (issue 19) never builds a bundle unless asked: CI runs
`bench/run_all.py --quick`, which must stay fast and must not run PyInstaller."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def bench_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_without_a_build_the_frozen_start_up_is_skipped_not_built(tmp_path: Path) -> None:
    frozen = bench_module("frozen")
    assert frozen.frozen_build(tmp_path, "auto") is None
    assert not any(tmp_path.iterdir())  # nothing was built there


def test_the_quick_run_does_not_ask_for_a_frozen_build() -> None:
    quick = bench_module("run_all").QUICK_ARGS["startup"]
    assert "build" not in quick


def test_a_build_is_found_where_the_spec_puts_its_two_executables(tmp_path: Path) -> None:
    frozen = bench_module("frozen")
    found = frozen.FrozenBuild.inside(tmp_path)
    assert not found.exists()
    for program in (found.app, found.floor):
        program.parent.mkdir(parents=True, exist_ok=True)
        program.write_bytes(b"")
    assert frozen.frozen_build(tmp_path, "auto") == found
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert f'name="{found.floor.name}"' in spec
