"""`python -m cancelapp.demoshop --port 8765`: serve the demo shop until interrupted."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from cancelapp.demoshop.bulk_operations import ASSUMED_OBJECTS_PER_SECOND, ASSUMED_START_DELAY
from cancelapp.demoshop.shop import DemoShop


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cancelapp.demoshop", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--orders", type=int, default=200, help="number of seeded orders")
    parser.add_argument("--restore-rate", type=float, default=100, help="points per second")
    parser.add_argument("--bucket-size", type=float, default=1000)
    parser.add_argument("--cancel-job-delay", type=float, default=2.0, help="seconds")
    args = parser.parse_args(argv)
    shop = DemoShop(
        seed=args.seed,
        size=args.orders,
        restore_rate=args.restore_rate,
        bucket_size=args.bucket_size,
        cancel_job_delay=args.cancel_job_delay,
        bulk_start_delay=ASSUMED_START_DELAY,
        bulk_objects_per_second=ASSUMED_OBJECTS_PER_SECOND,
        port=args.port,
    ).start()
    print(f"Demo shop: {shop.base_url}", flush=True)
    print(f"Admin API: {shop.graphql_url()}", flush=True)
    print(f"Access token: {shop.access_token}", flush=True)
    print(f"Client ID: {shop.client_id}", flush=True)
    print(f"Client secret: {shop.client_secret}", flush=True)
    print("Press Ctrl+C to stop.", flush=True)
    # Handlers of our own: a process started in the background inherits SIGINT as ignored,
    # and Python then never raises KeyboardInterrupt.
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    try:
        while not stop.wait(timeout=1.0):  # wakes up regularly so a signal is handled promptly
            pass
    finally:
        shop.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
