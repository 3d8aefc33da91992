"""The process side of the kill test: a warm parent that forks one real process per run.

    python actions_kill_child.py DB BASE_URL TOKEN

Importing CancelApp takes most of a second, so this process imports once and then, for each
JSON command line on stdin (`{"plan": path or null, "kill_at": name, "jump": seconds}`), forks
a child whose wall clock is `jump` seconds off, and that:
prints `PID <pid>`; reconciles whatever the previous (killed) child left unfinished; if there
is a plan, prints `READY`, waits for a line on stdin (the parent arms its faults), and executes
it, printing `AT <checkpoint>` at every checkpoint and SIGKILLing itself at `kill_at`. (A
`<kind>:sent` point matches no checkpoint: the parent kills the child once the request has
reached the shop.) This process reaps the child and prints `EXIT <pid> <returncode>`.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cancelapp.actions.carry_out.cancel_job import Backoff
from cancelapp.actions.prepare.action_plan import ActionPlan
from cancelapp.actions.runner import ActionRunner
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify import documents as client_documents
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.operations import describe

GRACE = timedelta(seconds=0.3)  # the demo shop's cancel jobs take 0.02 s (0.5 s when slow)


def run_child(
    client: ShopifyClient, db: Path, plan_path: str | None, kill_at: str, jump: float
) -> None:
    print(f"PID {os.getpid()}", flush=True)
    armed = False

    def checkpoint(name: str) -> None:
        if not armed:
            return
        print(f"AT {name}", flush=True)
        if name == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    runner = ActionRunner(
        db,
        client,
        "kill-test",
        clock=lambda: datetime.now(UTC) + timedelta(seconds=jump),
        backoff=Backoff(first=0.02, cap=0.2, deadline=10.0),
        cancel_grace=GRACE,
        checkpoint=checkpoint,
    )
    for outcome in runner.reconcile_unfinished():
        print(f"RECONCILED {outcome.status.value} {outcome.order_id} {outcome.message}", flush=True)
    if plan_path is not None:
        print("READY", flush=True)
        sys.stdin.readline()
        armed = True
        plan = ActionPlan.from_json(json.loads(Path(plan_path).read_text(encoding="utf-8")))
        outcome = runner.execute(plan)
        print(f"OUTCOME {outcome.status.value} {outcome.message}", flush=True)
    runner.close()
    client.close()


def main() -> None:
    db, base_url, token = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    # Built before forking but never used here: no connection is open yet, so each child
    # gets its own empty pool (and skips loading the TLS context and parsing documents).
    client = ShopifyClient(Endpoint.loopback(base_url), AccessToken(token))
    for name in client_documents.names():
        describe(client_documents.load(name))
    for line in sys.stdin:
        command = json.loads(line)
        pid = os.fork()
        if pid == 0:
            try:
                run_child(client, db, command["plan"], command["kill_at"], command["jump"])
            finally:
                sys.stdout.flush()
                os._exit(0)
        _, status = os.waitpid(pid, 0)
        print(f"EXIT {pid} {os.waitstatus_to_exitcode(status)}", flush=True)


if __name__ == "__main__":
    main()
