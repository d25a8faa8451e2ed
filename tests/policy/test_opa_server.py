"""The `opa` engine against a local server that behaves as OPA's REST API documents
(tests/policy/fake_opa.py), and against a real `opa run --server` when `opa` is on PATH.
Both engines must give the same findings for the same policies."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator

import pytest

from iac_guard.cli import main
from iac_guard.errors import EngineError, PolicyError, UsageError
from iac_guard.policy.engine import EngineOptions
from iac_guard.policy.engines import ENGINES, create_engine
from iac_guard.policy.loader import load_policies
from iac_guard.policy.opa_server import OpaServerEngine
from tests.conftest import FIXTURES
from tests.policy.fake_opa import FakeOpa

SPINE = FIXTURES / "spine"
TOOLS = FIXTURES / "policytools"
CONFTEST = ["--no-builtin-policies", "--policy-dir", str(TOOLS / "conftest" / "policy"), "--namespace", "main"]

SCENARIOS = {
    "builtin library": [str(SPINE / "mixed")],
    "custom policies": [str(SPINE / "mixed"), "--policy-dir", str(SPINE / "policies_custom")],
    "policy data": [str(SPINE / "mixed" / "terraform"), "--policy-dir", str(TOOLS / "unit"), "--only", "TOOLS-*"],
    "conftest namespace (Rego v0)": [str(TOOLS / "conftest" / "iac"), *CONFTEST],
    "runtime error": [str(SPINE / "mixed" / "terraform"), "--policy-dir", str(SPINE / "policies_runtime_error")],
}


@pytest.fixture
def fake() -> Iterator[FakeOpa]:
    server = FakeOpa(v0_compatible=True).start()
    yield server
    server.stop()


def _report(capsys: pytest.CaptureFixture[str], args: list[str], *engine: str) -> tuple[int, dict]:
    code = main(["scan", *args, "--format", "json", *engine])
    return code, json.loads(capsys.readouterr().out)


def _comparable(doc: dict) -> dict:
    errors = [(e["code"], e["file"], e["line"]) for e in doc["errors"]]  # messages name the engine
    return {"findings": doc["findings"], "suppressed": doc["suppressed"], "errors": errors, "summary": doc["summary"]}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_both_engines_give_the_same_findings(scenario: str, fake: FakeOpa, capsys: pytest.CaptureFixture[str]) -> None:
    args = SCENARIOS[scenario]
    code, embedded = _report(capsys, args)
    opa_code, opa = _report(capsys, args, "--engine", "opa", "--opa-url", fake.url)
    assert embedded["findings"], "a scenario that finds nothing compares nothing"
    assert (opa_code, _comparable(opa)) == (code, _comparable(embedded))
    assert any(method == "POST" and path.startswith("/v1/data/") for method, path in fake.requests)


def test_runtime_error_is_reported_at_its_file_and_line(fake: FakeOpa, capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _report(capsys, SCENARIOS["runtime error"], "--engine", "opa", "--opa-url", fake.url)
    assert code == 2
    assert [(e["code"], e["message"], e["file"], e["line"]) for e in doc["errors"]] == [
        ("policy-error", "custom.divide: OPA server evaluating (HTTP 500): eval_builtin_error: divide by zero", "tests/fixtures/spine/policies_runtime_error/divide.rego", 12)
    ]


def test_policy_data_is_uploaded_beside_the_packages(fake: FakeOpa, capsys: pytest.CaptureFixture[str]) -> None:
    _report(capsys, SCENARIOS["policy data"], "--engine", "opa", "--opa-url", fake.url)
    assert fake.data["tools"] == {"required_tags": ["owner"]}
    assert ("PUT", "/v1/data/tools") in fake.requests
    uploaded = [name for name in fake.policies if name.startswith("iac-guard/")]
    assert any(name.endswith("/tags.rego") for name in uploaded)
    assert not any(name.endswith("tags_test.rego") for name in uploaded)


def test_stale_policies_of_an_earlier_run_are_deleted(fake: FakeOpa) -> None:
    first = load_policies([SPINE / "policies_custom"], include_builtin=False)
    OpaServerEngine(first, EngineOptions(opa_url=fake.url))
    urllib.request.urlopen(urllib.request.Request(f"{fake.url}/v1/policies/team/own.rego", data=b"package team.own\n", method="PUT"))
    second = load_policies([SPINE / "policies_duplicate_id" / "a.rego"], include_builtin=False)
    engine = OpaServerEngine(second, EngineOptions(opa_url=fake.url))
    assert sorted(fake.policies) == ["iac-guard/a.rego", "team/own.rego"]  # naming.rego gone, the team's own kept
    assert engine.evaluate(["team.own"], {}) == {"team.own": {}}


def test_unreachable_server_is_an_engine_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    assert main(["scan", str(SPINE / "mixed"), "--engine", "opa", "--opa-url", f"http://127.0.0.1:{port}"]) == 2
    assert capsys.readouterr().err == (
        f"iac-guard: error: cannot reach the OPA server at http://127.0.0.1:{port} (connection refused or host unreachable); "
        "start one with `opa run --server` or set --opa-url\n"
    )
    with pytest.raises(EngineError):
        OpaServerEngine(load_policies([]), EngineOptions(opa_url=f"http://127.0.0.1:{port}"))


def test_compile_error_names_file_and_line(fake: FakeOpa, capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(SPINE / "mixed"), "--no-builtin-policies", "--policy-dir", str(SPINE / "policies_broken_syntax")]
    assert main(["scan", *args, "--engine", "opa", "--opa-url", fake.url]) == 2
    err = capsys.readouterr().err
    assert err.startswith("iac-guard: error: tests/fixtures/spine/policies_broken_syntax/broken.rego:10: OPA server uploading a policy (HTTP 400): rego_parse_error: ")
    assert fake.policies == {}


def test_rego_v0_needs_a_v0_compatible_server() -> None:
    server = FakeOpa().start()  # as `opa run --server`: Rego v1 only
    try:
        policy_set = load_policies([TOOLS / "conftest" / "policy"], include_builtin=False, namespaces=["main"])
        with pytest.raises(PolicyError) as info:
            OpaServerEngine(policy_set, EngineOptions(opa_url=server.url))
    finally:
        server.stop()
    assert (info.value.file, info.value.line) == ("deny.rego", 3)
    assert info.value.message.endswith(
        "deny.rego is Rego v0, which OPA 1.x loads only when started with `opa run --server --v0-compatible`"
    )


def test_server_errors_and_non_json_answers(fake: FakeOpa) -> None:
    fake.fail_next(503, b"<html>Service Unavailable</html>")
    with pytest.raises(PolicyError) as info:
        OpaServerEngine(load_policies([SPINE / "policies_custom"], include_builtin=False), EngineOptions(opa_url=fake.url))
    assert info.value.message == "OPA server evaluating (HTTP 503): <html>Service Unavailable</html>"
    engine = OpaServerEngine(load_policies([SPINE / "policies_custom"], include_builtin=False), EngineOptions(opa_url=fake.url))
    fake.fail_next(500, json.dumps({"code": "internal_error", "message": "1 error occurred: iac-guard/naming.rego:11: eval_conflict_error: boom"}).encode())
    results, errors = engine.evaluate_each(["custom.naming"], {"resources": []})
    assert results == {}
    error = errors["custom.naming"]
    assert (error.file, error.line, error.message) == ("naming.rego", 11, "OPA server evaluating (HTTP 500): eval_conflict_error: boom")


def test_opa_url_must_be_a_server_root() -> None:
    with pytest.raises(UsageError):
        create_engine("opa", load_policies([]), EngineOptions(opa_url="http://localhost:8181/v1"))
    assert sorted(ENGINES) == ["embedded", "opa"]


# ---- a real OPA, when installed (the project's workflow installs it) ------------------


@pytest.fixture
def real_opa() -> Iterator[str]:
    binary = shutil.which("opa")
    if binary is None:
        pytest.skip("opa is not on PATH")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([binary, "run", "--server", "--v0-compatible", "--addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/health")
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_real_opa_gives_the_embedded_findings(scenario: str, real_opa: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = SCENARIOS[scenario]
    code, embedded = _report(capsys, args)
    opa_code, opa = _report(capsys, args, "--engine", "opa", "--opa-url", real_opa)
    assert (opa_code, _comparable(opa)) == (code, _comparable(embedded))
