"""The organisation scan past one machine: two repository partitions run through a real
Redis broker and a real ``dagster-celery`` worker (separate processes sharing the
DAGSTER_HOME). Skipped, saying why, without Debian's redis-server or the ``celery``
extra; .ci/run installs both."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.instance.ref import InstanceRef

from iac_guard.orchestration import metadata as meta
from tests.conftest import REPO
from tests.orchestration.processes import free_port, stop
from tests.orchestration.test_org_scan import PRIVATE, PUBLIC, _repo

pytest.importorskip("dagster_celery", reason="the celery extra is not installed (pip install 'iac-guard[celery]')")
pytest.importorskip("redis", reason="the redis client is not installed (pip install 'iac-guard[celery]')")
REDIS = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(REDIS is None, reason="redis-server is not installed (apt-get install redis-server; .ci/run does)")


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    log = (tmp_path / "redis.log").open("wb")
    proc = subprocess.Popen(
        [str(REDIS), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "redis.log").read_text()
            time.sleep(0.2)
        yield f"redis://127.0.0.1:{port}"
    finally:
        stop(proc)
        log.close()


def test_two_repositories_scan_through_a_celery_worker(redis_url: str, tmp_path: Path) -> None:
    shas = {"web": _repo(tmp_path / "checkouts" / "web", PUBLIC), "core": _repo(tmp_path / "checkouts" / "core", PRIVATE)}
    org_file = tmp_path / "org.yaml"
    org_file.write_text(
        "repositories:\n"
        + "".join(f"  - name: {name}\n    path: {tmp_path / 'checkouts' / name}\n" for name in shas)
        + "settings:\n  fail-on: high\n  only: ['IAC-AWS-S3-001']\n"
    )
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    executor = {"broker": f"{redis_url}/0", "backend": f"{redis_url}/1"}
    (tmp_path / "celery.yaml").write_text(f"execution:\n  config:\n    broker: '{executor['broker']}'\n    backend: '{executor['backend']}'\n")
    env = {**os.environ, "DAGSTER_HOME": str(home), "PYTHONPATH": str(REPO), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    # the instance's SQLite storages are created here, before the worker opens them (two
    # processes creating them at once race on their schema stamps)
    instance = dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home)))
    instance.add_dynamic_partitions(meta.REPOSITORIES, list(shas))
    assert instance.get_runs() == [] and list(instance.all_instigator_state()) == []
    assert instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=meta.FINDINGS), limit=1).records == []
    worker_log = (tmp_path / "worker.log").open("wb")
    worker = subprocess.Popen(
        [str(Path(sys.executable).parent / "dagster-celery"), "worker", "start", "-A", "dagster_celery.app", "-y", str(tmp_path / "celery.yaml"),
         "-n", "iac-guard-test", "-i", "tests.orchestration.celery_defs", "--", "--concurrency=2"],
        cwd=REPO, env=env, stdout=worker_log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        from tests.orchestration import celery_defs

        run_config = {
            "execution": {"config": executor},
            "resources": {"org": {"config": {"config_file": str(org_file), "reports_dir": str(tmp_path / "reports")}}},
        }
        job = dg.reconstructable(celery_defs.org_scan_job)
        for name in shas:
            with dg.execute_job(job, instance=instance, run_config=run_config, tags={"dagster/partition": name}) as result:
                assert result.success, (tmp_path / "worker.log").read_text()[-4000:]
        records = {
            r.partition_key: r.asset_materialization
            for r in instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=meta.FINDINGS), limit=10).records
        }
        assert set(records) == {"web", "core"}
        assert {k: (m.metadata["verdict"].value, m.metadata["commit"].value) for k, m in records.items() if m} == {  # type: ignore[attr-defined]
            "web": ("fail", shas["web"]),
            "core": ("pass", shas["core"]),
        }
        # the steps ran in the worker, not here: its log names them
        log = (tmp_path / "worker.log").read_text()
        for step in ("iac_guard__source", "iac_guard__inventory", "iac_guard__findings"):
            assert log.count(f"Executing steps {step} in celery worker") == 2, step  # once per partition
        runs = instance.get_runs()
        assert sorted(r.tags["dagster/partition"] for r in runs) == ["core", "web"]
        assert all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)
    finally:
        stop(worker)
        worker_log.close()
