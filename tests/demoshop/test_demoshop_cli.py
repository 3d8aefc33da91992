"""`python -m cancelapp.demoshop`: serves until interrupted and says how to reach it."""

from __future__ import annotations

import signal
import subprocess
import sys

import httpx
import pytest


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX only")
def test_runs_alone_prints_url_and_token_and_stops_on_interrupt() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "cancelapp.demoshop", "--port", "0", "--orders", "30"],
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        _check_and_interrupt(process)


def _check_and_interrupt(process: subprocess.Popen[str]) -> None:
    try:
        assert process.stdout is not None
        lines = dict(
            process.stdout.readline().strip().split(": ", 1) for _ in range(5)
        )  # fmt: skip
        base_url, token = lines["Demo shop"], lines["Access token"]
        assert base_url.startswith("http://127.0.0.1:")
        response = httpx.post(
            lines["Admin API"],
            json={"query": "{ shop { name currencyCode } }"},
            headers={"X-Shopify-Access-Token": token},
        )
        assert response.json()["data"]["shop"]["currencyCode"] == "DKK"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            assert process.wait(timeout=10) == 0
        finally:
            process.kill()  # never leave it running, whatever went wrong
