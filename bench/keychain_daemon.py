"""How often gnome-keyring-daemon aborts under CancelApp's keychain calls, and how long a read
takes: keyring's own SecretService backend (a new D-Bus connection per call) against
CancelApp's `SecretStore` (one connection, kept). Not a benchmark of `run_all.py` and not in
the suite: a measurement to rerun by hand (Linux, dbus and gnome-keyring installed).

Usage: uv run python bench/keychain_daemon.py [--starts 60] [--calls 100] [--threads 2]
           [--only keyring|cancelapp]

Each start runs a child under its own `dbus-run-session` with gnome-keyring-daemon unlocked by
a known password (as tests/fixtures/keychain.py does), makes `--calls` reads (after saving the
secrets once) from `--threads` threads, as the app's workers would, and reports whether the
daemon that was started is still the one that answers. The two ways alternate start by start.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SERVICE_NAME = "org.freedesktop.secrets"
PASSWORD = b"cancelapp-bench-keyring"
SHOPS = ("fjord-te.myshopify.com", "hygge.myshopify.com", "nordlys-keramik.myshopify.com")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=60, help="daemon starts per way")
    parser.add_argument("--calls", type=int, default=100, help="reads per daemon start")
    parser.add_argument("--threads", type=int, default=2, help="threads making the reads")
    parser.add_argument("--only", choices=("keyring", "cancelapp"))
    parser.add_argument("--child", choices=("keyring", "cancelapp"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(args.child, args.calls, args.threads)
    ways = (args.only,) if args.only else ("keyring", "cancelapp")
    results: dict[str, list[dict[str, object]]] = {way: [] for way in ways}
    for start in range(args.starts):
        for way in ways:
            results[way].append(_one_start(way, args.calls, args.threads))
        done = "  ".join(f"{way}: {_aborts(results[way])} aborted" for way in ways)
        print(f"start {start + 1}/{args.starts}  {done}", flush=True)
    print(f"\n{args.starts} daemon starts × {args.calls} reads from {args.threads} thread(s)")
    print(f"{'way':<10} {'aborts':>7} {'failed calls':>13} {'read, median ms':>16} {'p95 ms':>8}")
    for way in ways:
        times = [t for run in results[way] for t in run["read_ms"]]  # type: ignore[attr-defined]
        failed = sum(int(run["failed"]) for run in results[way])  # type: ignore[call-overload]
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else float("nan")
        median = statistics.median(times) if times else float("nan")
        print(f"{way:<10} {_aborts(results[way]):>7} {failed:>13} {median:>16.2f} {p95:>8.2f}")
    return 0


def _aborts(runs: list[dict[str, object]]) -> int:
    return sum(1 for run in runs if run["aborted"])


def _one_start(way: str, calls: int, threads: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="cancelapp-keychain-bench-") as tmp:
        runtime, data = Path(tmp) / "runtime", Path(tmp) / "data"
        runtime.mkdir(mode=0o700)
        data.mkdir(mode=0o700)
        env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "XDG_DATA_HOME": str(data)}
        command = [sys.executable, __file__, "--child", way, "--calls", str(calls)]
        done = subprocess.run(
            ["dbus-run-session", "--", *command, "--threads", str(threads)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"the {way} child failed ({done.returncode}):\n{done.stderr}")
    result: dict[str, object] = json.loads(lines[-1])
    return result


def _child(way: str, calls: int, threads: int) -> int:
    """Under dbus-run-session: start the daemon, make the calls, say whether it survived."""
    from keyring.backends import SecretService

    daemon = _start_daemon()
    backend = SecretService.Keyring()
    if way == "keyring":
        keychain = backend
    else:
        from cancelapp.keychain import SecretStore

        keychain = _StoreAsBackend(SecretStore(backend))
    failed = 0
    read_ms: list[float] = []
    lock = threading.Lock()

    def reads(count: int) -> None:
        nonlocal failed
        for n in range(count):
            shop = SHOPS[n % len(SHOPS)]
            began = time.perf_counter()
            try:
                got = keychain.get_password("CancelApp", f"{shop}/access-token")
            except Exception:  # the daemon went away under us
                with lock:
                    failed += 1
                continue
            took = (time.perf_counter() - began) * 1000
            with lock:
                read_ms.append(took)
                failed += got != f"shpat_{shop}"

    try:
        for shop in SHOPS:
            keychain.set_password("CancelApp", f"{shop}/access-token", f"shpat_{shop}")
        workers = [threading.Thread(target=reads, args=(calls // threads,)) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    except Exception:
        failed += 1
    finally:
        close = getattr(keychain, "close", None)
        if close is not None:
            close()
    aborted = not _alive(daemon)
    print(json.dumps({"aborted": aborted, "failed": failed, "read_ms": read_ms}))
    if not aborted:
        os.kill(daemon, 15)
    return 0


class _StoreAsBackend:
    """SecretStore spoken to as keyring's backend is, so both ways run the same calls."""

    def __init__(self, store: object) -> None:
        from cancelapp.keychain import SecretKind, SecretStore

        assert isinstance(store, SecretStore)
        self._store, self._kind = store, SecretKind.ACCESS_TOKEN

    def set_password(self, service: str, username: str, password: str) -> None:
        saved = self._store.save(username.split("/")[0], self._kind, password)
        if not saved.in_keychain:
            raise RuntimeError("not saved")

    def get_password(self, service: str, username: str) -> str | None:
        return self._store.load(username.split("/")[0], self._kind)

    def close(self) -> None:
        self._store.close()


def _start_daemon() -> int:
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    subprocess.run(
        ["gnome-keyring-daemon", "--daemonize", "--unlock", "--components=secrets"],
        input=PASSWORD,
        capture_output=True,
        check=True,
        timeout=30,
    )
    with open_dbus_connection() as conn:
        deadline = time.monotonic() + 30
        while not conn.send_and_get_reply(message_bus.NameHasOwner(SERVICE_NAME)).body[0]:
            if time.monotonic() > deadline:
                raise SystemExit("gnome-keyring-daemon did not take its name")
            time.sleep(0.01)  # a script, not a test: polling is fine here
        reply = conn.send_and_get_reply(message_bus.GetConnectionUnixProcessID(SERVICE_NAME))
    return int(reply.body[0])


def _alive(pid: int) -> bool:
    """Running (not gone, not a zombie left by an abort)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except FileNotFoundError:
        return False
    state = next(line for line in status.splitlines() if line.startswith("State:"))
    return "Z" not in state.split()[1]


if __name__ == "__main__":
    sys.exit(main())
