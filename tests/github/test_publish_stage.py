"""The report stage renders and writes the report files, nothing else; every GitHub side
effect (annotations, job summary, step outputs, the PR comment) belongs to the publish
stage (``publish.publish_all``, run by ``publish_op``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from iac_guard.github.publish import publish_all
from iac_guard.orchestration.ops import report_op
from iac_guard.orchestration.resources import GitHubResource
from iac_guard.report.markdown import SUMMARY_MARKER
from iac_guard.settings import OutputSpec, ScanConfig
from tests.github.conftest import PR, Sleeps, context_for, publisher_for
from tests.github.fake_github import FakeGitHub
from tests.report.builders import finding, result

SCAN = result([finding()])


def test_report_stage_writes_report_files_and_no_step_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "GITHUB_OUTPUT": str(tmp_path / "output.txt")}.items():
        monkeypatch.setenv(name, value)
    config = ScanConfig(outputs=(OutputSpec("text"), OutputSpec("json", str(tmp_path / "r.json"))))
    stdout = report_op(settings=config, result=SCAN, github=GitHubResource())
    assert stdout.startswith("main.tf\n  CRITICAL  IAC-AWS-S3-001  main.tf:3  aws_s3_bucket.logs\n")
    assert "::" not in stdout  # no stop-commands guard, no annotation: those are the publish stage's
    assert (tmp_path / "r.json").is_file()
    assert not (tmp_path / "summary.md").exists() and not (tmp_path / "output.txt").exists()


def test_publish_stage_annotates_summarises_sets_outputs_and_comments(tmp_path: Path, fake: FakeGitHub, sleeps: Sleeps) -> None:
    ctx = replace(context_for(fake), step_summary=str(tmp_path / "summary.md"), output=str(tmp_path / "output.txt"))
    config = ScanConfig(pr_comment=True, outputs=(OutputSpec("text"),))
    published = publish_all(SCAN, config, ctx, "the text report\n", publisher_for(sleeps))
    lines = published.step.stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert lines[1:3] == ["the text report", f"::{token}::"]
    assert lines[3].startswith("::error file=main.tf,line=3,endLine=9,title=IAC-AWS-S3-001 (critical)")
    assert len(lines) == 4
    assert (tmp_path / "summary.md").read_text().startswith(SUMMARY_MARKER + "\n## \u274c iac-guard: 1 finding at or above high fail the gate")
    assert (tmp_path / "output.txt").read_text().startswith("verdict=fail\nexit-code=1\n")
    assert published.pull_request.comment == "created" and len(fake.issue_comments[PR]) == 1
    assert published.step.stderr.startswith("iac-guard: PR comment created: ")


def test_publish_stage_outside_github_actions_passes_the_report_through(tmp_path: Path, fake: FakeGitHub, sleeps: Sleeps) -> None:
    ctx = replace(context_for(fake), actions=False, step_summary=str(tmp_path / "summary.md"))
    published = publish_all(SCAN, ScanConfig(), ctx, "the text report\n", publisher_for(sleeps))
    assert published.step.stdout == "the text report\n" and published.step.stderr == ""
    assert not (tmp_path / "summary.md").exists() and fake.requests == []
