"""ScanResults built directly from the models, for reporter and publisher tests."""

from __future__ import annotations

from collections.abc import Sequence

from iac_guard.gate import decide
from iac_guard.models import (
    Finding,
    FindingKind,
    Notice,
    Policy,
    Problem,
    ScanResult,
    Severity,
    Suppression,
)


def finding(
    rule_id: str = "IAC-AWS-S3-001",
    severity: Severity = Severity.CRITICAL,
    *,
    resource: str = "aws_s3_bucket.logs",
    file: str = "main.tf",
    line: int = 3,
    end_line: int | None = 9,
    message: str | None = None,
    title: str = "S3 bucket grants public access through its ACL",
    remediation: str = "Set `acl = \"private\"`.",
    docs_url: str = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html",
    kind: FindingKind = FindingKind.DENY,
    attribute: str = "acl",
    source: str = "rego",
) -> Finding:
    return Finding(
        rule_id=rule_id,
        title=title,
        severity=severity,
        message=f"{resource} breaks {rule_id}" if message is None else message,
        resource=resource,
        file=file,
        line=line,
        end_line=end_line,
        source=source,
        remediation=remediation,
        kind=kind,
        attribute=attribute,
        resource_type=resource.split(".")[0],
        docs_url=docs_url,
        iac_kind="terraform",
    )


def policy(rule_id: str, severity: Severity = Severity.HIGH, title: str = "A policy") -> Policy:
    return Policy(
        id=rule_id,
        package=f"iac_guard.test.{rule_id.lower().replace('-', '_')}",
        title=title,
        severity=severity,
        file=f"{rule_id}.rego",
        line=1,
        description=f"{title}: description.",
        remediation="Fix it.",
        frameworks=("CIS-1.2",),
        related_resources=("https://example.com/docs",),
    )


def result(
    findings: Sequence[Finding] = (),
    *,
    problems: Sequence[Problem] = (),
    suppressed: Sequence[Suppression] = (),
    notices: Sequence[Notice] = (),
    rules: Sequence[Policy] = (),
    fail_on: Severity = Severity.HIGH,
    root: str = "/nonexistent/scan-root",
) -> ScanResult:
    ordered = tuple(sorted(findings, key=Finding.sort_key))
    return ScanResult(
        findings=ordered,
        problems=tuple(problems),
        decision=decide(ordered, problems, fail_on),
        files_scanned=3,
        resources=12,
        policies=len(rules) or 13,
        notices=tuple(notices),
        root=root,
        suppressed=tuple(suppressed),
        rules=tuple(rules),
    )
