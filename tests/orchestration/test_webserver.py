"""The Dagster UI as a user starts it: a real ``dagster-webserver -m iac_guard.definitions``
on a free loopback port, over a DAGSTER_HOME holding a command-line scan, answers a GraphQL
query listing the jobs, the assets and the recorded run with its tags."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from iac_guard.cli import main
from tests.conftest import REPO
from tests.orchestration.processes import free_port, stop

WEBSERVER = shutil.which("dagster-webserver", path=str(Path(sys.executable).parent)) or shutil.which("dagster-webserver")
pytestmark = pytest.mark.skipif(WEBSERVER is None, reason="dagster-webserver is not installed (pip install 'iac-guard[ui]')")

QUERY = """
{
  repositoriesOrError { ... on RepositoryConnection { nodes { name jobs { name } sensors { name } schedules { name cronSchedule } } } }
  assetNodes { assetKey { path } }
  runsOrError { ... on Runs { results { runId jobName status tags { key value } } } }
}
"""


def _graphql(port: int, query: str) -> dict[str, Any]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query}).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body: dict[str, Any] = json.loads(response.read())
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


@pytest.fixture
def recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    home = tmp_path / "dagster_home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.chdir(REPO)
    assert main(["scan", "examples/terraform", "--format", "json"]) == 1
    capsys.readouterr()
    import dagster as dg
    from dagster._core.instance.ref import InstanceRef

    (run,) = dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home))).get_runs()
    return home, run.run_id


@pytest.fixture
def webserver(recorded: tuple[Path, str], tmp_path: Path) -> Iterator[tuple[int, str]]:
    home, run_id = recorded
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    log = (tmp_path / "webserver.log").open("wb")
    proc = subprocess.Popen(
        [str(WEBSERVER), "-m", "iac_guard.definitions", "-h", "127.0.0.1", "-p", str(port)],
        cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, (tmp_path / "webserver.log").read_text()[-3000:]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=5) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            assert time.monotonic() < deadline, (tmp_path / "webserver.log").read_text()[-3000:]
            time.sleep(0.5)
        yield port, run_id
    finally:
        stop(proc)
        log.close()


def test_the_webserver_lists_the_jobs_assets_and_the_recorded_cli_run(webserver: tuple[int, str]) -> None:
    port, run_id = webserver
    deadline = time.monotonic() + 120
    while True:  # the code location loads after the server answers
        data = _graphql(port, QUERY)
        repositories = data["repositoriesOrError"].get("nodes") or []
        if repositories or time.monotonic() > deadline:
            break
        time.sleep(1)
    (repository,) = repositories
    assert sorted(j["name"] for j in repository["jobs"]) == ["__ASSET_JOB", "org_scan_job", "scan_job"]
    assert sorted(s["name"] for s in repository["sensors"]) == ["checkout_sensor", "new_critical_findings_alert", "scan_failure_alert"]
    assert repository["schedules"] == [{"name": "org_scan_schedule", "cronSchedule": "0 3 * * *"}]
    assert sorted(tuple(a["assetKey"]["path"]) for a in data["assetNodes"]) == [
        ("iac_guard", "findings"), ("iac_guard", "inventory"), ("iac_guard", "source")
    ]
    (run,) = data["runsOrError"]["results"]
    tags = {t["key"]: t["value"] for t in run["tags"]}
    assert (run["runId"], run["jobName"], run["status"]) == (run_id, "scan_job", "SUCCESS")
    assert tags["iac_guard/verdict"] == "fail" and tags["iac_guard/fail_on"] == "high"
