"""Workflow commands: GitHub's escaping, severity mapping, most severe first."""

from __future__ import annotations

from iac_guard.models import FindingKind, Problem, Severity
from iac_guard.report.annotations import (
    MAX_ANNOTATIONS,
    command,
    escape_data,
    escape_property,
    render,
)
from iac_guard.report.base import RenderOptions
from tests.report.builders import finding, result


def test_escaping_is_githubs() -> None:
    assert escape_data("100% done\r\nnext::line, a:b") == "100%25 done%0D%0Anext::line, a:b"
    assert escape_property("100% done\r\nnext::line, a:b") == "100%25 done%0D%0Anext%3A%3Aline%2C a%3Ab"
    assert command("warning", "m\n::error::x", file="a,b.tf", line=3, endLine=None, title="t: 1") == (
        "::warning file=a%2Cb.tf,line=3,title=t%3A 1::m%0A::error::x"
    )


def test_finding_command_exact() -> None:
    f = finding(message="50% of \"x\"\nreally", remediation="Set acl, then: apply")
    out = render(result([f]), RenderOptions(source_prefix="infra"))
    assert out == (
        "::error file=infra/main.tf,line=3,endLine=9,title=IAC-AWS-S3-001 (critical)%3A S3 bucket grants public access through its ACL"
        "::50%25 of \"x\"%0Areally%0AResource: aws_s3_bucket.logs%0AFix: Set acl, then: apply"
        "%0ADocs: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html\n"
    )


def test_order_levels_and_cap() -> None:
    findings = [
        finding("LOW-1", Severity.LOW, resource="a.low", docs_url="", remediation=""),
        finding("WARN-1", Severity.CRITICAL, resource="a.warn", kind=FindingKind.WARN, docs_url="", remediation=""),
        finding("MED-1", Severity.MEDIUM, resource="a.med", docs_url="", remediation=""),
        finding("HIGH-1", Severity.HIGH, resource="a.high", docs_url="", remediation=""),
    ]
    scan = result(findings, problems=[Problem("parse-error", "bad", "x.tf", 2)])
    lines = render(scan, RenderOptions()).splitlines()
    assert [line.split("::")[1].split(" ")[0] + " " + line.split("title=")[1].split(" ")[0] for line in lines] == [
        "error iac-guard", "error HIGH-1", "warning WARN-1", "warning MED-1", "notice LOW-1",
    ]
    many = result([finding(resource=f"r.n{i}") for i in range(MAX_ANNOTATIONS + 7)])
    lines = render(many, RenderOptions()).splitlines()
    assert len(lines) == MAX_ANNOTATIONS + 1
    assert lines[-1] == "::notice title=iac-guard::7 more findings not annotated: see the job summary or the SARIF/JSON report."
