"""Untrusted policies are sandboxed: a call of an I/O, environment, clock or random builtin
is refused when the policies load (exit 2, the policy's file and line and the builtin),
unless allowed by name; an evaluation that never ends is stopped (exit 2, naming the
policy); engine errors carry no Rust backtrace. Fixtures: tests/fixtures/hostile/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iac_guard.cli import main
from iac_guard.errors import PolicyError
from iac_guard.policy.capabilities import (
    RESTRICTED_BUILTINS,
    check_builtins,
    restricted_calls,
    restriction,
)
from iac_guard.policy.loader import read_modules
from tests.conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(HOSTILE)
    return HOSTILE


def _scan(*args: str) -> list[str]:
    return ["scan", "repo", "--only", "HOSTILE-*", "--fail-on", "low", *args]


@pytest.mark.parametrize(
    ("policy", "where", "builtin", "why"),
    [
        ("network", "policies/network/exfiltrate.rego:15", "http.send", "network I/O"),
        ("environ", "policies/environ/runtime.rego:11", "opa.runtime", "exposes the process environment and configuration"),
        ("clock", "policies/clock/now.rego:13", "time.now_ns", "reads the clock: results change from run to run"),
        ("replaced", "policies/replaced/with.rego:14", "net.lookup_ip_addr", "network I/O (DNS)"),
        ("legacy", "policies/legacy/v0.rego:9", "rand.intn", "random: results change from run to run"),
    ],
)
def test_restricted_builtin_is_refused_at_load(hostile: Path, capsys: pytest.CaptureFixture[str], policy: str, where: str, builtin: str, why: str) -> None:
    assert main(_scan("--policy-dir", f"policies/{policy}")) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"iac-guard: error: {where}: policy calls the restricted builtin {builtin} ({why}); "
        f"to allow it, set `allow-builtins: [{builtin}]` in the config or pass --allow-builtin {builtin}\n"
    )


def test_allowed_by_name_on_the_command_line_or_in_the_config(hostile: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(_scan("--policy-dir", "policies/clock", "--allow-builtin", "time.now_ns", "--format", "json")) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(f["rule_id"], f["message"]) for f in report["findings"]] == [("HOSTILE-004", "aws_ebs_volume.v checked at run time")]
    # allowing another builtin does not allow this one
    assert main(_scan("--policy-dir", "policies/clock", "--allow-builtin", "http.send")) == 2
    assert "policies/clock/now.rego:13: policy calls the restricted builtin time.now_ns" in capsys.readouterr().err
    config = tmp_path / "gate.yaml"
    config.write_text("allow-builtins:\n  - time.now_ns\n")
    assert main(_scan("--policy-dir", "policies/clock", "--config", str(config))) == 1


def test_names_in_strings_comments_and_imported_packages_are_not_calls(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_scan("--policy-dir", "policies/shadowed", "--format", "json")) == 1
    report = json.loads(capsys.readouterr().out)
    assert [f["message"] for f in report["findings"]] == ["aws_ebs_volume.v sent to a helper, not to the network"]


def test_every_restricted_call_is_found_with_its_line() -> None:
    modules = read_modules([HOSTILE / "policies"], include_builtin=False, relative_to=HOSTILE).modules
    calls = [(c.name, c.file, c.line) for c in restricted_calls(modules)]
    assert calls == [
        ("time.now_ns", "policies/clock/now.rego", 13),
        ("opa.runtime", "policies/environ/runtime.rego", 11),
        ("rand.intn", "policies/legacy/v0.rego", 9),
        ("http.send", "policies/network/exfiltrate.rego", 15),
        ("net.lookup_ip_addr", "policies/replaced/with.rego", 14),
    ]


def test_families_and_unknown_names() -> None:
    assert restriction("http.send") == "network I/O"
    assert restriction("http.future_builtin") == "network I/O"  # a whole family
    assert restriction("rand.anything") == "random: results change from run to run"
    assert restriction("net.cidr_contains") is None  # pure
    assert restriction("uuid.parse") is None  # pure; uuid.rfc4122 is random
    assert restriction("uuid.rfc4122") is not None and restriction("time.parse_rfc3339_ns") is None
    with pytest.raises(PolicyError) as info:
        check_builtins({"p.rego": "package p\nimport rego.v1\n\nx := uuid.rfc4122(\"k\")\n"}, allowed={"time.now_ns"})
    assert (info.value.file, info.value.line) == ("p.rego", 4)
    check_builtins({"p.rego": "package p\nimport rego.v1\n\nx := uuid.rfc4122(\"k\")\n"}, allowed={"uuid.rfc4122"})


def test_the_builtin_library_calls_no_restricted_builtin() -> None:
    library = read_modules([], include_builtin=True, tests=None)
    assert len(library.modules) > 100
    assert restricted_calls(library.modules) == []
    assert set(RESTRICTED_BUILTINS) >= {"http.send", "opa.runtime", "time.now_ns", "net.lookup_ip_addr", "rand.intn", "uuid.rfc4122"}


def test_a_policy_that_never_ends_is_stopped_and_named(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_scan("--policy-dir", "policies/slow", "--policy-timeout", "1")) == 2
    out = capsys.readouterr().out
    assert (
        "policy-error  policies/slow/forever.rego:1  hostile.forever: evaluation stopped after 1s (policy-timeout): "
        "the policy never ends or is far too slow for this input"
    ) in out
    assert "ERROR: 1 error(s); the gate fails closed" in out


def test_other_policies_still_report_when_one_times_out(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_scan("--policy-dir", "policies/slow", "--policy-dir", "policies/shadowed", "--policy-timeout", "1", "--format", "json")) == 2
    report = json.loads(capsys.readouterr().out)
    assert [f["rule_id"] for f in report["findings"]] == ["HOSTILE-006"]
    assert [(e["code"], e["file"], e["line"]) for e in report["errors"]] == [("policy-error", "policies/slow/forever.rego", 1)]


def test_engine_errors_carry_no_rust_backtrace() -> None:
    env = {**os.environ, "RUST_BACKTRACE": "full", "RUST_LIB_BACKTRACE": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "iac_guard.cli", *_scan("--policy-dir", "policies/broken", "--policy-dir", "policies/bad-syntax")],
        cwd=HOSTILE, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == "iac-guard: error: policies/bad-syntax/unclosed.rego:12: expecting `}` while parsing query\n"
    run = subprocess.run(
        [sys.executable, "-m", "iac_guard.cli", *_scan("--policy-dir", "policies/broken")],
        cwd=HOSTILE, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert run.returncode == 2
    assert (
        "policy-error  policies/broken/conflict.rego:12  hostile.broken: `object.union` expects object argument. "
        'Got `"aws_ebs_volume.v"` instead\n'
    ) in run.stdout
    for stream in (run.stdout, run.stderr):
        assert "backtrace" not in stream.lower() and "<unknown>" not in stream and "panicked" not in stream


def test_regorus_itself_would_print_the_backtrace() -> None:
    """The test above is not vacuous: with RUST_BACKTRACE set, Regorus's own message has one."""
    code = (
        "import regorus\n"
        "e = regorus.Engine()\n"
        "e.add_policy('a.rego', 'package a\\nimport rego.v1\\nx := object.union(\"a\", 1)\\n')\n"
        "try:\n    e.eval_query('data.a.x')\nexcept RuntimeError as exc:\n    print(exc)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], env={**os.environ, "RUST_BACKTRACE": "1"}, capture_output=True, text=True, timeout=120, check=False)
    assert "Stack backtrace:" in run.stdout


def test_iac_guard_test_applies_the_sandbox_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "now.rego").write_text((HOSTILE / "policies" / "clock" / "now.rego").read_text())
    (tmp_path / "now_test.rego").write_text(
        "package hostile.clock_test\n\nimport rego.v1\n\ntest_flags if {\n"
        '\tcount(data.hostile.clock.deny) == 1 with input as {"resources": [{"type": "aws_ebs_volume", "address": "a.b"}]}\n}\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["test", "."]) == 2
    assert capsys.readouterr().err.startswith("iac-guard: error: now.rego:13: policy calls the restricted builtin time.now_ns ")
    assert main(["test", ".", "--allow-builtin", "time.now_ns"]) == 0
    assert "data.hostile.clock_test.test_flags: PASS" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("policy", "error"),
    [
        ("metadata/mapping-id", "policies/metadata/mapping-id/policy.rego:1: policy h.one: custom.id must be a string, got a mapping"),
        ("metadata/date-severity", "policies/metadata/date-severity/policy.rego:1: policy h.two: custom.severity must be a severity name, got a date (2027-01-01)"),
    ],
)
def test_metadata_of_the_wrong_type_is_a_policy_error(hostile: Path, capsys: pytest.CaptureFixture[str], policy: str, error: str) -> None:
    assert main(_scan("--policy-dir", f"policies/{policy}")) == 2
    assert capsys.readouterr().err == f"iac-guard: error: {error}\n"
