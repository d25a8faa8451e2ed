"""Ctrl-C for real: the CLI as a subprocess on a generated tree big enough for the forked
parser children (``--jobs 2``), SIGINT sent to its process group (what a terminal does) or to
the CLI alone, once a marker shows where it is: the parser workers exist (mid-parse), or
they came and went (parse done: building and evaluating). Exit 130, the one line
``iac-guard: interrupted`` and nothing else on standard error, no process of its session
left, and no report file (nor a temporary one) at the report's path. No timing assertion:
the markers are read from /proc."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.procs import alive, children, session_members

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def wait_for(condition, proc: subprocess.Popen[bytes], what: str, limit: float = 600.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + limit  # a safety net against a hung test, not an assertion on speed
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"the scan ended (exit {proc.returncode}) before {what}: {proc.stderr.read().decode() if proc.stderr else ''}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"never saw {what}")
        time.sleep(0.02)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("big")
    for d in range(16):
        folder = root / f"stack{d}"
        folder.mkdir()
        for i in range(50):
            blocks = "".join(
                f'resource "aws_s3_bucket" "b{i}_{r}" {{\n  bucket = "bucket-{d}-{i}-{r}"\n  acl    = "public-read"\n}}\n'
                for r in range(12)
            )
            (folder / f"f{i}.tf").write_text(blocks)
    return root


def start(tree: Path, report: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "DAGSTER_"))}
    return subprocess.Popen(
        [sys.executable, "-m", "iac_guard.cli", "scan", ".", "--jobs", "2", "--no-cache", "--json", str(report)],
        cwd=tree,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a shell job is
    )


def finish(proc: subprocess.Popen[bytes], report: Path) -> None:
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 130
    assert err.decode() == "iac-guard: interrupted\n"
    assert session_members(proc.pid) == []  # no worker (nor anything else it started) left
    assert not report.exists()
    assert [p.name for p in report.parent.iterdir()] == []  # no temporary report either


@pytest.mark.parametrize("to_group", [True, False], ids=["ctrl-c-to-group", "sigint-to-cli"])
def test_interrupt_mid_parse(tree: Path, tmp_path: Path, to_group: bool) -> None:
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    proc = start(tree, report)
    wait_for(lambda: len(children(proc.pid)) >= 2, proc, "the parser workers")
    workers = children(proc.pid)
    if to_group:
        os.killpg(proc.pid, signal.SIGINT)
    else:
        os.kill(proc.pid, signal.SIGINT)
    finish(proc, report)
    assert not any(alive(w) for w in workers)


def test_interrupt_after_parse(tree: Path, tmp_path: Path) -> None:
    """The workers came and went: the scan is building resources or evaluating policies."""
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    proc = start(tree, report)
    wait_for(lambda: len(children(proc.pid)) >= 2, proc, "the parser workers")
    wait_for(lambda: not children(proc.pid), proc, "the end of parsing")
    os.killpg(proc.pid, signal.SIGINT)
    finish(proc, report)
