"""The prefetch helper (``iac_guard.prefetch``): what it computes is what the ops read back
(verified by the results cache), it changes no byte of any report or error, it prints
nothing, it never acts twice on the world (OPA server, module downloads), and it is gone,
with its workers, when the scan ends: normally, on an error, or on Ctrl-C.

The command-line tests run the CLI as a subprocess: the helper only runs while Dagster is
not loaded yet, which is never true inside this test process."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from iac_guard import pipeline, prefetch
from iac_guard.parse import runner
from iac_guard.parse.cache import ParseCache
from iac_guard.parse.registry import PARSERS
from iac_guard.policy import evaluate as policy_evaluate
from iac_guard.resultcache import ResultCache
from iac_guard.settings import ScanConfig
from tests.procs import alive, group_leaders_under, session_members

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    shutil.copytree(EXAMPLES, root)
    return root


def cache_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "DAGSTER_", "IAC_GUARD_", "TF_VAR_"))}
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700, parents=True, exist_ok=True)
    return {**env, "IAC_GUARD_CACHE_DIR": str(cache), **extra}


def config_for(root: Path, **changes: object) -> ScanConfig:
    return ScanConfig(paths=(str(root),), cwd=str(root)).merged(**changes)


def test_the_helper_fills_what_the_stages_read_back(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = cache_env(tmp_path)
    config = config_for(tree)
    helper = prefetch.start(config, env)
    helper.wait()
    assert helper.finished is True

    fresh = pipeline.host_services(config.merged(cache=False), env)
    found = pipeline.find_files(config)
    expected = pipeline.evaluate(config.merged(cache=False), pipeline.policies(config), [pipeline.parse(k, config.merged(cache=False), found, fresh) for k in PARSERS], fresh)

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("built again: the helper's work was not read back")

    monkeypatch.setattr(pipeline, "build_kind_input", refuse)
    monkeypatch.setattr(runner, "parse_files", refuse)
    monkeypatch.setattr(pipeline, "evaluate_inputs", refuse)
    monkeypatch.setattr(policy_evaluate, "evaluate_inputs", refuse)
    services = pipeline.host_services(config, env, parse_cache=lambda: ParseCache.from_environ(env), result_cache=lambda: ResultCache.from_environ(env))
    inputs = [pipeline.parse(k, config, found, services) for k in PARSERS]
    evaluation = pipeline.evaluate(config, pipeline.policies(config, services), inputs, services, found)
    assert [f.rule_id for f in evaluation.findings] == [f.rule_id for f in expected.findings]
    assert evaluation.findings == expected.findings
    assert sum(len(i.resources) for i in inputs) == 27


def test_an_opa_server_is_never_asked_twice(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The helper parses for an OPA-engine scan (the parse cache) but sends no request: the
    evaluation is the op's alone."""
    asked: list[str] = []

    def evaluate(config: ScanConfig, *args: object, **kwargs: object) -> None:
        asked.append(config.engine)

    monkeypatch.setattr(pipeline, "evaluate", evaluate)
    env = cache_env(tmp_path)
    prefetch.fill(config_for(tree, engine="opa", opa_url="http://127.0.0.1:9"), env)  # in this process: a request would raise here
    assert asked == []
    assert entries(tmp_path / "cache") == {"parse-v1": 3, "results-v1": 4}  # 3 files, 3 kinds, the policies
    prefetch.fill(config_for(tree), env)  # the embedded engine: evaluated ahead
    assert asked == ["embedded"]


def entries(cache: Path) -> dict[str, int]:
    """Entries per cache section (bookkeeping files left out)."""
    counts: dict[str, int] = {}
    for path in cache.rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            section = path.relative_to(cache).parts[0]
            counts[section] = counts.get(section, 0) + 1
    return counts


def test_nothing_to_do_when_it_cannot_help(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = cache_env(tmp_path)
    monkeypatch.delitem(sys.modules, "dagster", raising=False)  # as in a fresh command line
    assert prefetch.worth_it(config_for(tree), env)
    assert not prefetch.worth_it(config_for(tree, cache=False), env)  # --no-cache
    assert not prefetch.worth_it(config_for(tree, download_modules=True), env)  # downloads once only
    assert not prefetch.worth_it(config_for(tree), {**env, "IAC_GUARD_PREFETCH": "0"})
    shared = tmp_path / "shared"
    (shared / "results-v1").mkdir(parents=True)
    (shared / "results-v1").chmod(0o777)  # a cache others can write is not used, so not filled either
    assert not prefetch.worth_it(config_for(tree), {**env, "IAC_GUARD_CACHE_DIR": str(shared)})
    monkeypatch.setitem(sys.modules, "dagster", sys)  # Dagster already loaded: nothing to overlap
    assert not prefetch.worth_it(config_for(tree), env)
    with prefetch.ahead_of_dagster(config_for(tree), env) as ready:
        assert ready() is None
    assert entries(tmp_path / "cache") == {}  # no helper ran


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_stop_kills_the_helper_and_its_workers(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    """A helper still working when the scan ends early is killed with every process it
    started; what it prints goes nowhere."""
    marker = tmp_path / "worker.pid"

    def slow_fill(config: ScanConfig, environ: object) -> None:
        print("helper says hello")
        print("helper complains", file=sys.stderr)
        worker = subprocess.Popen(["sleep", "600"])  # a parse worker stand-in, in its group
        marker.write_text(str(worker.pid))
        time.sleep(600)

    monkeypatch.setattr(prefetch, "fill", slow_fill)
    monkeypatch.delitem(sys.modules, "dagster", raising=False)  # as in a fresh command line
    with prefetch.ahead_of_dagster(config_for(tree), cache_env(tmp_path)):
        deadline = time.monotonic() + 120  # a safety net, not a timing assertion
        while not marker.exists() or not marker.read_text():
            assert time.monotonic() < deadline, "the helper never started its worker"
            time.sleep(0.02)
        worker = int(marker.read_text())
        assert alive(worker)
    # left early (no wait): both gone
    deadline = time.monotonic() + 60
    while alive(worker) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not alive(worker)
    out, err = capfd.readouterr()
    assert "helper" not in out and "helper" not in err


def test_a_failing_helper_changes_nothing(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(config: ScanConfig, environ: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(prefetch, "fill", broken)
    helper = prefetch.start(config_for(tree), cache_env(tmp_path))
    helper.wait()
    assert helper.finished is False
    helper.stop()  # already reaped: nothing to kill


def scan(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iac_guard.cli", "scan", ".", "--format", "json", *args],
        cwd=root, env=env, capture_output=True, text=True, timeout=600, check=False,
    )


def _comparable(stdout: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(stdout)
    return data


def test_the_command_line_gives_the_same_report_with_and_without_the_helper(tree: Path, tmp_path: Path) -> None:
    helped = scan(tree, cache_env(tmp_path / "a"))
    alone = scan(tree, cache_env(tmp_path / "b", IAC_GUARD_PREFETCH="0"))
    assert helped.returncode == alone.returncode == 1
    assert helped.stderr == alone.stderr == ""
    assert _comparable(helped.stdout) == _comparable(alone.stdout)
    assert len(json.loads(helped.stdout)["findings"]) == 46
    assert entries(tmp_path / "a" / "cache") == entries(tmp_path / "b" / "cache") == {"parse-v1": 3, "results-v1": 5}


def test_the_command_line_reports_a_broken_file_as_before(tree: Path, tmp_path: Path) -> None:
    (tree / "terraform" / "broken.tf").write_text('resource "aws_s3_bucket" "b" {\n  bucket = \n}\n')
    helped = scan(tree, cache_env(tmp_path / "a"))
    alone = scan(tree, cache_env(tmp_path / "b", IAC_GUARD_PREFETCH="0"))
    assert helped.returncode == alone.returncode == 2
    assert helped.stderr == alone.stderr
    errors = json.loads(helped.stdout)["errors"]
    assert [(e["file"], e["line"]) for e in errors] == [("terraform/broken.tf", 2)]
    assert _comparable(helped.stdout) == _comparable(alone.stdout)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_ctrl_c_while_the_helper_works(tmp_path: Path) -> None:
    """Ctrl-C reaches the CLI's process group, not the helper's (its own group): the CLI
    stops it, exits 130 with one line, and leaves no process of its session behind."""
    root = tmp_path / "big"
    for d in range(8):
        folder = root / f"stack{d}"
        folder.mkdir(parents=True)
        for i in range(40):
            (folder / f"f{i}.tf").write_text("".join(f'resource "aws_s3_bucket" "b{i}_{r}" {{\n  acl = "public-read"\n}}\n' for r in range(12)))
    proc = subprocess.Popen(
        [sys.executable, "-m", "iac_guard.cli", "scan", "."],
        cwd=root, env=cache_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    deadline = time.monotonic() + 300  # a safety net, not a timing assertion
    helper = None
    while helper is None:
        assert proc.poll() is None, f"ended before the helper was seen: {proc.communicate()}"
        assert time.monotonic() < deadline, "never saw the helper"
        helper = next(iter(group_leaders_under(proc.pid)), None)
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 130
    assert err.decode() == "iac-guard: interrupted\n"
    assert session_members(proc.pid) == []
