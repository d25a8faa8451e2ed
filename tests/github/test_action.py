"""action.yml and .github/workflows: valid against check-jsonschema's bundled GitHub
schemas (offline), inputs only through env:, every action pinned by commit SHA, minimal
permissions; and the action's scan script builds the command line it should."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from iac_guard.github.workflow import step_outputs
from iac_guard.settings import OutputSpec, ScanConfig
from tests.conftest import REPO
from tests.report.builders import finding, result

ACTION = REPO / "action.yml"
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text())
    assert isinstance(data, dict)
    return data


def _steps() -> list[tuple[str, dict[str, Any]]]:
    steps = [(ACTION.name, s) for s in _load(ACTION)["runs"]["steps"]]
    for wf in WORKFLOWS:
        for job in _load(wf)["jobs"].values():
            steps += [(wf.name, s) for s in job.get("steps", [])]
    return steps


def _check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}  # prove it needs no network
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True, env=env, check=False)


def test_workflows_and_action_validate_against_githubs_schemas(tmp_path: Path) -> None:
    assert [w.name for w in WORKFLOWS] == ["ci.yml", "iac-guard-pr.yml"]
    run = _check_jsonschema("vendor.github-workflows", *WORKFLOWS)
    assert run.returncode == 0, run.stdout + run.stderr
    run = _check_jsonschema("vendor.github-actions", ACTION)
    assert run.returncode == 0, run.stdout + run.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps: [{run: echo}]\n")
    assert _check_jsonschema("vendor.github-workflows", broken).returncode == 1


def test_no_expression_inside_run_and_every_action_pinned() -> None:
    steps = _steps()
    assert len(steps) >= 15
    for where, step in steps:
        assert "${{" not in step.get("run", ""), f"{where}: {step.get('name') or step['run'][:40]!r} has an expression in run:"
        uses = step.get("uses")
        if uses is not None:
            assert uses.startswith("./") or PINNED.match(uses), f"{where}: {uses} is not pinned by a full commit SHA"
    pinned = {s["uses"].split("@")[0] for _, s in steps if "uses" in s and "@" in s["uses"]}
    assert pinned == {"actions/checkout", "actions/setup-python", "actions/cache", "open-policy-agent/setup-opa", "github/codeql-action/upload-sarif"}


def test_pinned_shas_carry_their_version_in_a_comment() -> None:
    for path in (ACTION, *WORKFLOWS):
        for line in path.read_text().splitlines():
            if line.strip().startswith(("uses:", "- uses:")) and "@" in line:
                assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), f"{path.name}: {line.strip()}"


def test_gate_workflow_permissions_and_concurrency() -> None:
    gate = _load(REPO / ".github" / "workflows" / "iac-guard-pr.yml")
    assert gate["permissions"] == {"contents": "read", "pull-requests": "write", "security-events": "write"}
    assert gate["concurrency"] == {"group": "iac-guard-${{ github.event.pull_request.number }}", "cancel-in-progress": True}
    steps = gate["jobs"]["gate"]["steps"]
    assert [s.get("uses", "").split("@")[0] for s in steps] == ["actions/checkout", "./", "github/codeql-action/upload-sarif"]
    assert steps[2]["with"]["sarif_file"] == "${{ steps.iac-guard.outputs.sarif }}" and steps[2]["if"].startswith("always()")
    ci = _load(REPO / ".github" / "workflows" / "ci.yml")
    assert ci["permissions"] == {"contents": "read"}
    assert ci["jobs"]["test"]["strategy"]["matrix"]["python"] == ["3.10", "3.11", "3.12", "3.13"]
    assert [s["run"] for s in ci["jobs"]["test"]["steps"] if "run" in s][-2:] == ["python -m pytest -q", "iac-guard test --fail-on-empty policies/"]
    assert any(s.get("uses", "").startswith("open-policy-agent/setup-opa@") for s in ci["jobs"]["opa"]["steps"])


def test_every_input_reaches_the_scan_and_every_output_is_written() -> None:
    action = _load(ACTION)
    scan = next(s for s in action["runs"]["steps"] if s.get("id") == "scan")
    used = {v[len("${{ inputs."):-len(" }}")] for v in scan["env"].values() if v.startswith("${{ inputs.")}
    setup = {"python-version", "working-directory"}
    assert used | setup == set(action["inputs"])
    written = {line.split("=", 1)[0] for line in step_outputs(result([finding()]), ScanConfig(outputs=(OutputSpec("text"), OutputSpec("sarif", "x.sarif")))).splitlines()}
    for name, output in action["outputs"].items():
        assert output["value"] == f"${{{{ steps.scan.outputs.{name} }}}}"
        assert name in written


def _scan_script() -> str:
    scan = next(s for s in _load(ACTION)["runs"]["steps"] if s.get("id") == "scan")
    return str(scan["run"])


def _scan_env(tmp_path: Path, **given: str) -> dict[str, str]:
    """The scan step's env: as the runner would set it from the inputs' defaults, then ``given``."""
    action = _load(ACTION)
    scan = next(s for s in action["runs"]["steps"] if s.get("id") == "scan")
    env = {"PATH": os.environ["PATH"], "RUNNER_TEMP": str(tmp_path), "GITHUB_EVENT_NAME": "pull_request"}
    for key, value in scan["env"].items():
        name = value[len("${{ inputs."):-len(" }}")]
        default = str(action["inputs"][name].get("default", ""))
        env[key] = "" if "${{" in default else default
    return {**env, **given}


@pytest.mark.skipif(sys.platform == "win32", reason="the action's script is bash")
@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        ({"INPUT_PATHS": "."}, ["scan", "--format", "text", "--sarif", "iac-guard.sarif", "--pr-comment", "--", "."]),
        (
            {
                "INPUT_PATHS": "infra/*\nstacks  modules",
                "INPUT_POLICY_DIRS": "policy/ extra",
                "INPUT_FAIL_ON": "medium",
                "INPUT_SARIF": "",
                "INPUT_JSON": "out dir/r.json",
                "INPUT_PR_COMMENT": "false",
                "INPUT_REVIEW_COMMENTS": "true",
                "INPUT_SCANNERS": "cfn-lint",
                "INPUT_TRUSTED_REF": "abc123",
                "INPUT_DIFF_BASE": "abc123",
                "INPUT_COMMENT_KEY": "infra/prod",
                "GITHUB_EVENT_NAME": "push",
            },
            ["scan", "--format", "text", "--fail-on", "medium", "--json", "out dir/r.json", "--comment-key", "infra/prod", "--trusted-ref", "abc123", "--diff-base", "abc123", "--policy-dir", "policy/",
             "--policy-dir", "extra", "--scanner", "cfn-lint", "--review-comments", "--", "infra/*", "stacks", "modules"],
        ),
    ],
)
def test_scan_script_builds_the_command_line(tmp_path: Path, inputs: dict[str, str], expected: list[str]) -> None:
    stub = tmp_path / "iac-guard-venv" / "bin" / "iac-guard"
    stub.parent.mkdir(parents=True)
    stub.write_text('#!/usr/bin/env bash\nprintf "%s\\n" "$@"\n')
    stub.chmod(0o755)
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "x.tf").write_text("")  # a glob that would match if the script globbed
    run = subprocess.run(["bash", "-c", _scan_script()], capture_output=True, text=True, env=_scan_env(tmp_path, **inputs), cwd=tmp_path, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == expected


def test_scan_script_rejects_a_bad_switch(tmp_path: Path) -> None:
    run = subprocess.run(["bash", "-c", _scan_script()], capture_output=True, text=True, env=_scan_env(tmp_path, INPUT_PR_COMMENT="yes"), cwd=tmp_path, check=False)
    assert run.returncode == 2 and run.stdout == "::error title=iac-guard::pr-comment must be auto, true or false\n"


def _fetch_script() -> str:
    step = next(s for s in _load(ACTION)["runs"]["steps"] if s.get("name") == "Fetch the base revision")
    assert set(step["env"]) == {"INPUT_TRUSTED_REF", "INPUT_DIFF_BASE", "FETCH_TOKEN"}
    return str(step["run"])


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def shallow_checkout(tmp_path: Path) -> tuple[Path, str, str]:
    """origin with a base commit and a head commit, and a clone at depth 1 (actions/checkout's
    default), which lacks the base."""
    origin = tmp_path / "origin"
    origin.mkdir()
    _git(origin, "init", "-q")
    for name in ("base", "head"):
        (origin / f"{name}.txt").write_text(name)
        _git(origin, "add", ".")
        _git(origin, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", name)
    base, head = _git(origin, "rev-parse", "HEAD~1"), _git(origin, "rev-parse", "HEAD")
    _git(tmp_path, "clone", "-q", "--depth=1", origin.as_uri(), "checkout")
    return tmp_path / "checkout", base, head


def _run_fetch(checkout: Path, **env: str) -> subprocess.CompletedProcess[str]:
    given = {"PATH": os.environ["PATH"], "HOME": str(checkout.parent), "INPUT_TRUSTED_REF": "", "INPUT_DIFF_BASE": "", "FETCH_TOKEN": "", **env}
    return subprocess.run(["bash", "-c", _fetch_script()], capture_output=True, text=True, env=given, cwd=checkout, check=False)


def test_trusted_ref_defaults_to_the_prs_base_commit() -> None:
    inputs = _load(ACTION)["inputs"]
    assert inputs["trusted-ref"]["default"] == "${{ github.event.pull_request.base.sha }}"
    assert inputs["diff-base"]["default"] == ""
    names = [s.get("name") for s in _load(ACTION)["runs"]["steps"]]
    assert names.index("Fetch the base revision") == names.index("Scan") - 1


@pytest.mark.skipif(sys.platform == "win32", reason="the action's script is bash")
def test_fetch_step_fetches_the_base_commit_into_a_shallow_checkout(shallow_checkout: tuple[Path, str, str]) -> None:
    checkout, base, head = shallow_checkout
    assert subprocess.run(["git", "cat-file", "-e", f"{base}^{{commit}}"], cwd=checkout, capture_output=True, check=False).returncode == 128
    run = _run_fetch(checkout, INPUT_TRUSTED_REF=base, INPUT_DIFF_BASE=base, FETCH_TOKEN="ghs_secret", GITHUB_SERVER_URL="https://github.example")
    assert run.returncode == 0, run.stderr
    # the token authenticates the fetch through git's environment, masked in the log
    assert run.stdout == f"::add-mask::{base64.b64encode(b'x-access-token:ghs_secret').decode()}\n"
    assert _git(checkout, "show", f"{base}:base.txt") == "base"
    assert _git(checkout, "rev-parse", "HEAD") == head


@pytest.mark.skipif(sys.platform == "win32", reason="the action's script is bash")
def test_fetch_step_does_nothing_when_the_commit_is_there_or_no_ref_is_given(shallow_checkout: tuple[Path, str, str]) -> None:
    checkout, _, head = shallow_checkout
    _git(checkout, "remote", "set-url", "origin", "file:///nonexistent/repository")  # any fetch would fail
    assert _run_fetch(checkout).returncode == 0
    run = _run_fetch(checkout, INPUT_TRUSTED_REF=head)
    assert run.returncode == 0 and run.stdout == "", run.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="the action's script is bash")
@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("--upload-pack=touch /tmp/pwned", "::error title=iac-guard::not a git revision: --upload-pack=touch /tmp/pwned\n"),
        ("0" * 40, f"::error title=iac-guard::cannot fetch commit {'0' * 40} from origin: give trusted-ref and diff-base a commit SHA, or check out with fetch-depth 0\n"),
    ],
)
def test_fetch_step_refuses_an_option_and_reports_a_missing_commit(shallow_checkout: tuple[Path, str, str], ref: str, message: str) -> None:
    run = _run_fetch(shallow_checkout[0], INPUT_TRUSTED_REF=ref)
    assert run.returncode == 2 and run.stdout == message


def _cache_key_step() -> dict[str, Any]:
    return next(s for s in _load(ACTION)["runs"]["steps"] if s.get("id") == "cache-key")


def _run_cache_key(tmp_path: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    output = tmp_path / "output.txt"
    output.write_text("")
    given = {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "HOME": str(tmp_path), "ACTION_PATH": str(REPO),
             "RUNNER_OS": "macOS", "GITHUB_OUTPUT": str(output), **env}
    run = subprocess.run(["bash", "-c", str(_cache_key_step()["run"])], capture_output=True, text=True, env=given, cwd=tmp_path, check=False)
    return run, dict(line.split("=", 1) for line in output.read_text().splitlines())


@pytest.mark.skipif(sys.platform == "win32", reason="the action's script is bash")
def test_pip_cache_path_is_what_pip_reports(tmp_path: Path) -> None:
    cache = next(s for s in _load(ACTION)["runs"]["steps"] if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"] == {"path": "${{ steps.cache-key.outputs.dir }}", "key": "${{ steps.cache-key.outputs.key }}"}
    assert cache["if"] == "steps.cache-key.outputs.dir != ''"
    run, outputs = _run_cache_key(tmp_path, PIP_CACHE_DIR=str(tmp_path / "pip cache"))
    assert run.returncode == 0, run.stderr
    digest = hashlib.sha256((REPO / "pyproject.toml").read_bytes() + (REPO / "iac_guard" / "__init__.py").read_bytes()).hexdigest()[:16]
    assert outputs == {"key": f"iac-guard-pip-macOS-{sys.version_info[0]}.{sys.version_info[1]}-{digest}", "dir": str(tmp_path / "pip cache")}


@pytest.mark.skipif(sys.platform == "win32", reason="the action's script is bash")
def test_no_pip_cache_no_cache_step(tmp_path: Path) -> None:
    run, outputs = _run_cache_key(tmp_path, PIP_NO_CACHE_DIR="1")
    assert run.returncode == 0, run.stderr
    assert list(outputs) == ["key"]
