"""Markdown: the PR comment body. Untrusted strings escaped; verdict first; size bounded."""

from __future__ import annotations

from iac_guard.models import FindingKind, Notice, Problem, Severity, Suppression
from iac_guard.report.base import Links, RenderOptions
from iac_guard.report.markdown import SUMMARY_MARKER, escape, render, render_body, safe_url
from tests.report.builders import finding, policy, result

ZWJ = "\u200d"
LINKS = Links("https://github.com", "octo/infra", "abc123", "https://github.com/octo/infra/actions/runs/9")


def test_escape_makes_untrusted_text_literal() -> None:
    assert escape("@octocat and @org/team see #12") == f"@{ZWJ}octocat and @{ZWJ}org/team see \\#{ZWJ}12"
    assert escape("<img src=x onerror=alert(1)>") == "&lt;img src\\=x onerror\\=alert\\(1\\)&gt;"
    assert escape("a | b\nc\r\n| d") == "a \\| b c \\| d"
    assert escape("**bold** _it_ `code` [link](http://x) ~~s~~ ![i](y)") == (
        "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[link\\]\\(http\\://x\\) \\~\\~s\\~\\~ \\!\\[i\\]\\(y\\)"
    )
    assert escape("<!-- iac-guard:summary -->") == "&lt;\\!\\-\\- iac\\-guard\\:summary \\-\\-&gt;"
    assert escape("back\\slash &amp;") == "back\\\\slash &amp;amp;"
    # controls and bidi overrides show as escapes (issue 11): never obeyed, never hidden
    assert escape("bidi\u202eevil\x00") == "bidi\\\\u202eevil\\\\x00"
    assert escape("x" * 400, 10) == "xxxxxxxxx\u2026"


def test_safe_url_accepts_only_http_and_encodes_markdown() -> None:
    assert safe_url("https://docs.example.com/a_(b)?q=1#frag") == "https://docs.example.com/a_%28b%29?q=1#frag"
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url("/relative") == ""
    assert safe_url("https://x.example/a b>c") == "https://x.example/a%20b%3Ec"


def test_body_starts_with_marker_and_verdict_then_counts_table_and_fixes() -> None:
    scan = result(
        [finding(), finding("IAC-AWS-S3-003", Severity.LOW, line=1, attribute="")],
        rules=[policy("IAC-AWS-S3-001", Severity.CRITICAL, "S3 public")],
    )
    body = render(scan, RenderOptions(links=LINKS, source_prefix="infra"))
    lines = body.splitlines()
    assert lines[0] == SUMMARY_MARKER
    assert lines[1] == "## \u274c iac-guard: 1 finding at or above high fail the gate"
    assert lines[3] == "\U0001f7e3 **1** critical \u00b7 \U0001f534 **0** high \u00b7 \U0001f7e0 **0** medium \u00b7 \U0001f7e1 **1** low \u00b7 \u26aa **0** info"
    assert "| \U0001f7e3 critical | IAC\\-AWS\\-S3\\-001 | aws\\_s3\\_bucket\\.logs | [infra/main\\.tf\\:3](https://github.com/octo/infra/blob/abc123/infra/main.tf#L3) | aws\\_s3\\_bucket\\.logs breaks IAC\\-AWS\\-S3\\-001 |" in lines
    assert "- **IAC\\-AWS\\-S3\\-001** S3 public: Fix it\\. ([docs](https://example.com/docs))" in lines
    assert "<details><summary>1 finding that do not fail the gate</summary>" in lines
    assert lines[-1] == "<sub>iac-guard 0.1.0 \u00b7 fail-on: high \u00b7 commit abc123 \u00b7 [workflow run](https://github.com/octo/infra/actions/runs/9)</sub>"


def test_clean_pr_and_pass_below_threshold() -> None:
    assert render(result([]), RenderOptions()).splitlines()[:2] == [SUMMARY_MARKER, "## \u2705 iac-guard: no policy violations"]
    low = render(result([finding(severity=Severity.MEDIUM), finding(kind=FindingKind.WARN, resource="x.y")]), RenderOptions())
    assert low.splitlines()[1] == "## \u2705 iac-guard: passed \u2014 2 findings, none fails the gate (fail-on high)"
    assert "### Findings that fail the gate" not in low


def test_errors_suppressed_and_notices_sections() -> None:
    scan = result(
        [],
        problems=[Problem("parse-error", "bad token `@admin`", "bad.tf", 3)],
        suppressed=[
            Suppression(finding(), "waiver", "ticket #42 by @lead", "waivers.yaml:2"),
            Suppression(finding(resource="aws_s3_bucket.old"), "existing", "already present at main", "main"),
        ],
        notices=[Notice("too-large", "skipped", "big.tf", None)],
    )
    body = render(scan, RenderOptions())
    assert body.splitlines()[1] == "## \u26d4 iac-guard: 1 error \u2014 the gate fails closed"
    assert f"| parse\\-error | bad\\.tf\\:3 | bad token \\`@{ZWJ}admin\\` |" in body
    assert f"| waiver \\(waivers\\.yaml\\:2\\) | ticket \\#{ZWJ}42 by @{ZWJ}lead |" in body
    assert "- too\\-large big\\.tf: skipped" in body
    assert "<details><summary>1 finding already present before this change</summary>" in body
    assert "<details><summary>1 suppressed finding</summary>" in body
    assert "| aws\\_s3\\_bucket\\.old | main\\.tf\\:3 |" in body


def test_untrusted_values_cannot_inject_markup() -> None:
    evil = finding(
        "EVIL-</details>",
        resource="aws_s3_bucket.x<!--",
        message="@everyone <details open><summary>x</summary> | [click](javascript:alert(1))\n\n## heading",
        remediation="<script>alert(1)</script>",
        docs_url="javascript:alert(1)",
    )
    body = render(result([evil]), RenderOptions(links=LINKS))
    assert "<script>" not in body and "<details open>" not in body and "<!--" not in body.replace(SUMMARY_MARKER, "")
    assert "javascript:" not in body and "@everyone" not in body and "\n## heading" not in body
    assert body.count("<details>") == body.count("</details>")


def test_budget_is_never_exceeded_and_truncation_points_to_the_run() -> None:
    scan = result([finding(resource=f"aws_s3_bucket.b{i}", line=i + 1) for i in range(300)])
    for limit in (3_000, 10_000, 30_000):
        body = render_body(scan, RenderOptions(links=LINKS), limit)
        assert len(body.encode()) <= limit
        shown = body.count("| \U0001f7e3 critical |")
        assert f"> Not shown here: {300 - shown} findings. See the job summary of [the workflow run](https://github.com/octo/infra/actions/runs/9)" in body
        assert body.count("<details>") == body.count("</details>")
    assert "Not shown here" not in render_body(scan, RenderOptions(links=LINKS), 1_000_000)
