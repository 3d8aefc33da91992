"""The GitHub workflows say what the project promises: every push tested on the three platforms,
releases built on current runners from the same Linux package list as `.ci/run`, and published.

The workflows cannot run here; `.ci/run` also checks them against check-jsonschema's bundled
GitHub workflow schema. These tests check what the schema cannot: what the jobs do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
APT_BUILD = "packaging/linux/apt-build.txt"
# GitHub has retired these images; a job asking for one never starts.
RETIRED_LABELS = {
    *("macos-11", "macos-12", "macos-13"),
    *("ubuntu-18.04", "ubuntu-20.04", "windows-2019"),
}


def load(name: str) -> dict[str, Any]:
    data = YAML(typ="safe").load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def runner_labels(workflow: dict[str, Any]) -> set[str]:
    labels = set()
    for job in workflow["jobs"].values():
        runs_on = job["runs-on"]
        if "matrix.os" in runs_on:
            labels |= {entry["os"] for entry in job["strategy"]["matrix"]["include"]}
        else:
            labels.add(runs_on)
    return labels


def scripts_of(workflow: dict[str, Any]) -> str:
    return "\n".join(
        str(step.get("run", "")) for job in workflow["jobs"].values() for step in job["steps"]
    )


def on_events(workflow: dict[str, Any]) -> set[str]:
    # YAML 1.1 reads a bare `on` as True; ruamel's safe loader (YAML 1.2) keeps the string.
    events = workflow.get("on", workflow.get(True))
    return set(events)


def test_ci_runs_on_every_push_and_pull_request() -> None:
    assert {"push", "pull_request"} <= on_events(load("ci.yml"))


def test_ci_covers_windows_both_macs_and_linux() -> None:
    labels = runner_labels(load("ci.yml"))
    assert any(label.startswith("windows-") for label in labels)
    assert any(label.startswith("ubuntu-") for label in labels)
    assert any(label.startswith("macos-") and label.endswith("-intel") for label in labels)
    assert any(label.startswith("macos-") and not label.endswith("-intel") for label in labels)


def test_ci_runs_the_suite_the_frozen_self_check_and_the_quick_benchmarks() -> None:
    script = scripts_of(load("ci.yml"))
    assert "uv run pytest" in script
    assert "bash scripts/build.sh" in script  # builds, then runs the frozen `--self-check`
    assert "--self-check" in (ROOT / "scripts" / "build.sh").read_text(encoding="utf-8")
    assert "bench/run_all.py --quick" in script
    assert "security create-keychain" in script  # a real keychain on macOS


@pytest.mark.parametrize("name", ["ci.yml", "release.yml"])
def test_no_retired_runner_label(name: str) -> None:
    assert not runner_labels(load(name)) & RETIRED_LABELS


@pytest.mark.parametrize("name", ["ci.yml", "release.yml"])
def test_the_interpreter_is_the_projects(name: str) -> None:
    setups = [
        step
        for job in load(name)["jobs"].values()
        for step in job["steps"]
        if str(step.get("uses", "")).startswith("astral-sh/setup-uv")
    ]
    assert setups
    assert all(step["with"] == {"python-version-file": ".python-version"} for step in setups)


@pytest.mark.parametrize("name", ["ci.yml", "release.yml"])
def test_linux_packages_come_from_the_shared_list(name: str) -> None:
    script = scripts_of(load(name))
    assert APT_BUILD in script
    assert "libxcb" not in script  # no second list kept by hand
    assert APT_BUILD in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_shared_list_names_real_package_names() -> None:
    lines = (ROOT / APT_BUILD).read_text(encoding="utf-8").splitlines()
    packages = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert "libxcb-cursor0" in packages  # Qt 6.5+ refuses to start its xcb plugin without it
    assert all(p == p.strip() and " " not in p for p in packages)


def test_release_publishes_installers_with_checksums() -> None:
    workflow = load("release.yml")
    assert workflow["permissions"] == {"contents": "read"}  # the build jobs cannot write
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"contents": "write"}
    script = scripts_of({"jobs": {"publish": publish}})
    assert "sha256sum" in script
    assert "gh release create" in script
