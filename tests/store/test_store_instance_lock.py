"""A second CancelApp on the same data folder is refused; a crash never leaves the lock behind."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cancelapp.store import AnotherInstanceError, InstanceLock

SCRIPT = Path(__file__).with_name("instance_lock_script.py")


def start_holder(data_dir: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    return holder


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    with start_holder(tmp_path) as process:  # closes the pipes and waits on exit
        yield process
        if process.poll() is None:
            process.kill()


def test_second_process_is_refused_with_a_clear_message(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    second = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert second.returncode == 3
    assert second.stdout.splitlines() == [
        "refused",
        "CancelApp is already open with this data folder. Switch to that window; "
        "this one will close.",
    ]


def test_this_process_is_refused_while_another_holds_the_lock(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(AnotherInstanceError):
        InstanceLock(tmp_path).acquire()


def test_lock_is_free_again_after_the_first_process_exits(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    assert holder.stdin is not None
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0
    with InstanceLock(tmp_path):
        pass


def test_lock_is_free_after_the_first_process_is_killed(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    holder.kill()
    holder.wait(timeout=30)
    with InstanceLock(tmp_path) as lock:
        assert lock.path.read_text().strip().isdigit()


def test_the_holders_pid_stays_readable_while_it_holds_the_lock(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    """Windows locks are mandatory (msvcrt): the lock sits past the pid, so another process
    (support, or this test) can still read who holds the folder."""
    assert int((tmp_path / "cancelapp.lock").read_text().strip()) > 0


def test_a_pid_left_behind_means_the_last_run_ended_uncleanly(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path).acquire()
    assert not first.previous_run_unclean  # a first run
    first.release()
    second = InstanceLock(tmp_path).acquire()
    assert not second.previous_run_unclean  # the last run released the lock
    second.release(clean=False)  # as a kill or a power cut leaves it
    third = InstanceLock(tmp_path).acquire()
    try:
        assert third.previous_run_unclean
    finally:
        third.release()
