"""Line comments on changed lines, deduplicated by fingerprint, through the real PyGithub."""

from __future__ import annotations

from pathlib import Path

import pytest
from github import Auth, Github, GithubException

from iac_guard.github.publish import publish
from iac_guard.github.review import added_lines, finding_marker
from iac_guard.models import ScanResult, Severity
from tests.github.conftest import HEAD_SHA, MALLORY, PR, REVIEW, Sleeps, context_for, publisher_for
from tests.github.fake_github import FakeGitHub
from tests.report.builders import finding, result

PATCH = """@@ -1,3 +1,6 @@
 resource "aws_s3_bucket" "logs" {
   bucket = "logs"
+  acl    = "public-read"
+  tags   = {}
 }
+# end
@@ -20,4 +23,3 @@ resource "aws_ebs_volume" "a" {
 a
-b
-c
+c2
 d
\\ No newline at end of file"""


def test_added_lines_reads_hunks_additions_and_deletions() -> None:
    assert added_lines(PATCH) == frozenset({3, 4, 6, 24})
    assert added_lines(None) == frozenset()
    assert added_lines("@@ -0,0 +1,2 @@\n+a\n+b") == frozenset({1, 2})


@pytest.fixture
def pr_files(fake: FakeGitHub) -> FakeGitHub:
    fake.pr_files[PR] = [
        {"sha": "1" * 40, "filename": "infra/main.tf", "status": "modified", "additions": 4, "deletions": 2, "changes": 6, "patch": PATCH},
        {"sha": "2" * 40, "filename": "infra/logo.png", "status": "added", "additions": 0, "deletions": 0, "changes": 0},
    ]
    return fake


@pytest.fixture
def infra(tmp_path: Path) -> str:
    """A scan root one level below its repository's root."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "infra").mkdir()
    return str(tmp_path / "infra")


def _scan(root: str, acl_line: int = 3) -> ScanResult:
    return result(
        [
            finding(line=acl_line, end_line=9),  # its own line is changed
            finding("IAC-AWS-S3-003", Severity.HIGH, line=1, end_line=5, attribute=""),  # its block has changed lines
            finding("IAC-AWS-S3-002", Severity.HIGH, line=1, end_line=2, attribute="sse"),  # no changed line in its block
            finding("IAC-AWS-EBS-001", Severity.HIGH, file="disk.tf", resource="aws_ebs_volume.a"),  # file not in the PR
            finding("IAC-AWS-S3-004", Severity.LOW, line=4, attribute="tags"),  # does not fail the gate
        ],
        root=root,
    )


def test_comments_only_changed_lines_once_across_runs(pr_files: FakeGitHub, sleeps: Sleeps, infra: str) -> None:
    ctx, pub = context_for(pr_files), publisher_for(sleeps)
    first = publish(_scan(infra), REVIEW, ctx, pub)
    assert first.review_comments == 2 and first.comment == ""
    comments = pr_files.review_comments[PR]
    assert [(c["path"], c["line"], c["side"], c["commit_id"]) for c in comments] == [
        ("infra/main.tf", 3, "RIGHT", HEAD_SHA),
        ("infra/main.tf", 3, "RIGHT", HEAD_SHA),
    ]
    assert comments[0]["body"].startswith(finding_marker(finding().fingerprint) + "\n**iac-guard critical \u00b7 IAC\\-AWS\\-S3\\-001**")
    assert "**Fix:** Set \\`acl \\= &quot;private&quot;\\`\\." in comments[0]["body"]
    assert len(pr_files.reviews) == 1 and pr_files.reviews[0]["body"] == "iac-guard: 2 findings on lines this pull request changes."
    # re-run, and a run where the lines moved: same fingerprints, nothing new
    assert publish(_scan(infra), REVIEW, ctx, pub).review_comments == 0
    assert publish(_scan(infra, acl_line=4), REVIEW, ctx, pub).review_comments == 0
    assert len(pr_files.review_comments[PR]) == 2 and len(pr_files.reviews) == 1


def test_someone_elses_marker_does_not_silence_a_finding(pr_files: FakeGitHub, sleeps: Sleeps, infra: str) -> None:
    pr_files.review_comments[PR] = [
        {"id": 1, "path": "infra/main.tf", "line": 3, "body": finding_marker(finding().fingerprint), "user": MALLORY.user(pr_files.url)}
    ]
    outcome = publish(_scan(infra), REVIEW, context_for(pr_files), publisher_for(sleeps))
    assert outcome.review_comments == 2


def test_fake_github_refuses_a_line_outside_the_diff(pr_files: FakeGitHub) -> None:
    client = Github(auth=Auth.Token("ghs_installation"), base_url=pr_files.url, retry=None, seconds_between_requests=0, seconds_between_writes=0, lazy=True)
    repo = client.get_repo(pr_files.repository)
    pull, commit = repo.get_pull(PR), repo.get_commit(HEAD_SHA)
    with pytest.raises(GithubException) as caught:
        pull.create_review(commit=commit, event="COMMENT", comments=[{"path": "infra/main.tf", "line": 12, "side": "RIGHT", "body": "x"}])
    assert caught.value.status == 422
    pull.create_review(commit=commit, event="COMMENT", comments=[{"path": "infra/main.tf", "line": 2, "side": "RIGHT", "body": "context line"}])
    assert [c["line"] for c in pr_files.review_comments[PR]] == [2]



def test_the_review_names_the_head_commit_without_fetching_it(pr_files: FakeGitHub, sleeps: Sleeps, infra: str) -> None:
    """``Repository.get_commit`` on the lazy client: public API, and no request for the commit."""
    outcome = publish(_scan(infra), REVIEW, context_for(pr_files), publisher_for(sleeps))
    assert outcome.review_comments == 2
    assert pr_files.requests == [
        ("GET", "/user"),
        ("GET", f"/repos/{pr_files.repository}/pulls/{PR}/files?per_page=100"),
        ("GET", f"/repos/{pr_files.repository}/pulls/{PR}/comments?per_page=100"),
        ("POST", f"/repos/{pr_files.repository}/pulls/{PR}/reviews"),
    ]
    assert pr_files.reviews[0]["commit_id"] == HEAD_SHA
