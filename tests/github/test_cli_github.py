"""The CLI inside a (simulated) GitHub Actions step: annotations, step summary, step
outputs, the PR comment through the real PyGithub against the fake server, and the exit
code that publishing never changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iac_guard.cli import main
from iac_guard.github import publish as publish_module
from iac_guard.report.markdown import SUMMARY_MARKER
from tests.conftest import REPO
from tests.github.conftest import HEAD_SHA, PR, Sleeps, publisher_for
from tests.github.fake_github import FakeGitHub
from tests.starter import only_starter

PREFIX = "tests/fixtures/spine/mixed"  # the scan root, relative to the repository root


@pytest.fixture
def actions(fake: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """GitHub's environment for a pull_request event of PR 7 from the same repository."""
    event = {"number": PR, "pull_request": {"number": PR, "head": {"sha": HEAD_SHA, "repo": {"full_name": fake.repository}}, "base": {"repo": {"full_name": fake.repository}}}}
    (tmp_path / "event.json").write_text(json.dumps(event))
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(tmp_path / "event.json"),
        "GITHUB_API_URL": fake.url,
        "GITHUB_SERVER_URL": "https://github.example",
        "GITHUB_REPOSITORY": fake.repository,
        "GITHUB_RUN_ID": "4242",
        "GITHUB_SHA": "b" * 40,
        "GITHUB_TOKEN": "ghs_installation",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_OUTPUT": str(tmp_path / "output.txt"),
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(publish_module, "DEFAULT_PUBLISHER", publisher_for(Sleeps()))
    return tmp_path


def _fork(actions: Path) -> None:
    event = json.loads((actions / "event.json").read_text())
    event["pull_request"]["head"]["repo"]["full_name"] = "eve/infra"
    (actions / "event.json").write_text(json.dumps(event))


def test_fork_pr_falls_back_and_keeps_exit_code_1(actions: Path, fake: FakeGitHub, spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fork(actions)
    code = main(["scan", str(spine / "mixed"), *only_starter(), "--pr-comment", "--sarif", str(actions / "out.sarif")])
    out, err = capsys.readouterr()
    assert code == 1
    assert fake.requests == []
    lines = out.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert len(token) == 32 and f"::{token}::" in lines
    commands = lines[lines.index(f"::{token}::") + 1 :]
    assert commands[0].startswith(f"::error file={PREFIX}/cloudformation/template.yaml,line=10,endLine=")
    assert commands[0].split("::")[1].endswith(",title=IAC-AWS-S3-001 (critical)%3A S3 bucket grants public access through its ACL")
    assert [c.split(" ", 1)[0] for c in commands] == ["::error"] * 6 + ["::notice"] * 6
    assert any(c.startswith(f"::notice file={PREFIX}/terraform/main.tf,line=26,title=iac-guard module-not-scanned::") for c in commands)
    assert commands[-1] == (
        "::notice title=iac-guard%3A PR comment not posted::pull request #7 comes from a fork (eve/infra): its token is "
        "read-only. Findings are in the annotations and the job summary; the exit code is unchanged."
    )
    assert "iac-guard: warning: pull request #7 comes from a fork" in err
    summary = (actions / "summary.md").read_text()
    assert summary.startswith(SUMMARY_MARKER + "\n## \u274c iac-guard: 6 findings at or above high fail the gate\n")
    assert f"[{PREFIX.replace('.', chr(92) + '.')}/terraform/main\\.tf\\:3](https://github.example/octo/infra/blob/{HEAD_SHA}/{PREFIX}/terraform/main.tf#L3)" in summary
    outputs = dict(line.split("=", 1) for line in (actions / "output.txt").read_text().splitlines())
    assert outputs["verdict"] == "fail" and outputs["exit-code"] == "1" and outputs["failing"] == "6" and outputs["critical"] == "3"
    assert outputs["sarif"] == str((actions / "out.sarif").resolve())


def test_three_scans_leave_one_comment(actions: Path, fake: FakeGitHub, spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(3):
        assert main(["scan", str(spine / "mixed"), *only_starter(), "--pr-comment", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert [w[0] for w in fake.writes()] == ["POST"]
    (comment,) = fake.issue_comments[PR]
    assert comment["user"]["login"] == "github-actions[bot]"
    assert err.count("iac-guard: PR comment unchanged: https://github.example/octo/infra/pull/7#issuecomment-") == 2
    assert main(["scan", str(REPO / "examples" / "clean"), "--pr-comment"]) == 0
    assert fake.issue_comments[PR][0]["body"].startswith(SUMMARY_MARKER + "\n## \u2705 iac-guard: no policy violations")


def test_publishing_failure_does_not_change_exit_codes(actions: Path, fake: FakeGitHub, spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # retry-after: 0, so the client retries at once (its backoff is tested in test_publish.py)
    fake.fail("GET", r"/issues/7/comments$", 500, "boom", times=100, headers={"retry-after": "0"})
    assert main(["scan", str(spine / "mixed"), *only_starter(), "--pr-comment"]) == 1
    assert main(["scan", str(spine / "broken"), "--pr-comment"]) == 2
    assert main(["scan", str(REPO / "examples" / "clean"), "--pr-comment"]) == 0
    assert capsys.readouterr().err.count("publishing to pull request #7 failed: HTTP 500: boom") == 3


def test_json_on_stdout_stays_json_and_annotations_go_to_stderr(actions: Path, spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fork(actions)
    assert main(["scan", str(spine / "mixed"), *only_starter(), "--format", "json", "--pr-comment"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["summary"]["failing"] == 6
    assert err.startswith(f"::error file={PREFIX}/cloudformation/template.yaml,line=10,")
    assert "::notice title=iac-guard%3A PR comment not posted::pull request #7 comes from a fork" in err


def test_unreadable_event_is_reported_not_fatal(actions: Path, spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (actions / "event.json").write_text("{not json")
    assert main(["scan", str(spine / "mixed"), *only_starter(), "--pr-comment", "-q"]) == 1
    assert "iac-guard: warning: cannot publish to the pull request: cannot read the event payload" in capsys.readouterr().err


BROKEN_POLICY = """# METADATA
# title: broken
# custom:
#   id: X-BROKEN-1
#   severity: high
package x.broken

import rego.v1

deny contains msg if {
\tmsg := "a" +
}
"""


def _outputs(actions: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in (actions / "output.txt").read_text().splitlines())


def test_an_early_config_error_annotates_summarises_and_sets_outputs(actions: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    repo = actions / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "infra").mkdir()
    (repo / "infra" / ".iac-guard.yaml").write_text("fail-on: [high\nskip: 1\n")
    monkeypatch.chdir(repo / "infra")
    assert main(["scan", "."]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == "::error file=infra/.iac-guard.yaml,line=2,title=iac-guard error::invalid YAML: expected ',' or ']', but got ':'"
    assert _outputs(actions) == {"verdict": "error", "exit-code": "2"}
    assert (actions / "summary.md").read_text() == (
        "## \u26d4 iac-guard: error \u2014 the scan did not run\n\n"
        "invalid YAML\\: expected ',' or '\\]', but got '\\:' (infra/\\.iac\\-guard\\.yaml\\:2)\n\n"
    )


def test_a_policy_syntax_error_reaches_the_step(actions: Path, spine: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    repo = actions / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "infra" / "policies").mkdir(parents=True)
    (repo / "infra" / "policies" / "broken.rego").write_text(BROKEN_POLICY)
    monkeypatch.chdir(repo / "infra")
    assert main(["scan", str(spine / "mixed"), "--policy-dir", "policies"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "::error file=infra/policies/broken.rego,line=11,title=iac-guard error::expecting `}` while parsing set"
    assert _outputs(actions) == {"verdict": "error", "exit-code": "2"}
    assert (actions / "summary.md").read_text().startswith("## \u26d4 iac-guard: error \u2014 the scan did not run\n\nexpecting \\`\\}\\` while parsing set")


def test_an_early_error_message_is_escaped_in_the_annotation(actions: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--fail-on", "100%"]) == 2
    annotation = capsys.readouterr().err.splitlines()[-1]
    assert annotation.startswith("::error title=iac-guard error::argument --fail-on: invalid choice: '100%25' (choose from ")
    assert "%0Ausage: iac-guard scan [-h]" in annotation and "\n" not in annotation
    assert _outputs(actions) == {"verdict": "error", "exit-code": "2"}


def test_outside_github_actions_an_early_error_writes_no_step_files(actions: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert main(["scan", "--fail-on", "nope"]) == 2
    assert "::error" not in capsys.readouterr().err
    assert not (actions / "output.txt").exists() and not (actions / "summary.md").exists()


def test_junit_on_stdout_stays_xml_and_annotations_go_to_stderr(actions: Path, spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import xml.etree.ElementTree as ET

    _fork(actions)
    assert main(["scan", str(spine / "mixed"), *only_starter(), "--format", "junit", "--pr-comment"]) == 1
    out, err = capsys.readouterr()
    assert ET.fromstring(out).get("failures") == "6"  # no ::stop-commands:: around it, no command after it
    assert "::stop-commands::" not in out and "::stop-commands::" not in err
    assert err.startswith(f"::error file={PREFIX}/cloudformation/template.yaml,line=10,")


def test_comment_key_from_the_command_line_and_the_config_file(actions: Path, fake: FakeGitHub, spine: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(spine / "mixed"), *only_starter(), "--pr-comment", "-q", "--comment-key", "mixed"]) == 1
    (actions / "cfg").mkdir()
    (actions / "cfg" / ".iac-guard.yaml").write_text("comment-key: clean\npr-comment: true\n")
    monkeypatch.chdir(actions / "cfg")
    assert main(["scan", str(spine / "mixed"), *only_starter(), "-q"]) == 1
    assert [c["body"].split("\n", 1)[0] for c in fake.issue_comments[PR]] == ["<!-- iac-guard:summary:mixed -->", "<!-- iac-guard:summary:clean -->"]
    assert main(["scan", "--comment-key", "a -->"]) == 2
    assert "comment-key 'a -->': use at most 100 letters, digits and . _ / -" in capsys.readouterr().err
