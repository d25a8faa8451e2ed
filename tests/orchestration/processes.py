"""Helpers for tests that start real servers (Redis, a Celery worker, the Dagster
webserver): a free loopback port, and stopping a process group for certain."""

from __future__ import annotations

import os
import signal
import socket
import subprocess


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the process and its children (started with ``start_new_session=True``) and
    wait: TERM, then KILL (Dagster does not always honour TERM while it starts)."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
    proc.wait(timeout=10)
