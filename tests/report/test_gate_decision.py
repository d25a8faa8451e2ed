"""Every report shows as failing exactly the findings the gate decided fail
(``result.decision.failing``): the rule lives in iac_guard.gate alone, so a decision
that differs from "deny at or above fail-on" is what every report follows."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace

from iac_guard.github.review import plan
from iac_guard.models import Finding, ScanResult, Severity
from iac_guard.report import junit, markdown, sarif
from iac_guard.report.base import RenderOptions
from tests.report.builders import finding, result

OPTIONS = RenderOptions()
S3 = finding()  # critical deny: fails at the default threshold
EBS = finding("IAC-AWS-EBS-001", Severity.HIGH, resource="aws_ebs_volume.a", file="disk.tf", line=4)


def _decided(failing: tuple[Finding, ...]) -> ScanResult:
    scan = result([S3, EBS])
    return replace(scan, decision=replace(scan.decision, failing=failing))


def _junit_failures(scan: ScanResult) -> list[str]:
    root = ET.fromstring(junit.render(scan, OPTIONS))
    return [case.get("classname", "") for case in root.iter("testcase") if case.find("failure") is not None]


def _sarif_blocking(scan: ScanResult) -> list[str]:
    doc = json.loads(sarif.render(scan, OPTIONS))
    return [r["ruleId"] for r in doc["runs"][0]["results"] if r["properties"]["blocking"]]


def _markdown_failing_rows(scan: ScanResult) -> list[str]:
    body = markdown.render(scan, OPTIONS)
    table = body.split("### Findings that fail the gate\n\n", 1)[1].split("\n\n", 1)[0] if "### Findings that fail the gate" in body else ""
    return [line.split(" | ")[1] for line in table.splitlines()[2:]]


def test_reports_follow_the_decision_not_a_copy_of_the_rule() -> None:
    only_ebs = _decided((EBS,))  # the gate let the critical S3 finding through
    assert _junit_failures(only_ebs) == ["IAC-AWS-EBS-001"]
    assert _sarif_blocking(only_ebs) == ["IAC-AWS-EBS-001"]
    assert _markdown_failing_rows(only_ebs) == ["IAC\\-AWS\\-EBS\\-001"]
    changed = {"main.tf": frozenset(range(1, 20)), "disk.tf": frozenset(range(1, 20))}
    assert [c.fingerprint for c in plan(only_ebs, OPTIONS, changed, set())] == [EBS.fingerprint]
    nothing = _decided(())
    assert _junit_failures(nothing) == [] and _sarif_blocking(nothing) == [] and _markdown_failing_rows(nothing) == []
    assert plan(nothing, OPTIONS, changed, set()) == []


def test_reports_agree_with_the_gate_at_the_threshold() -> None:
    scan = result([S3, EBS, finding("IAC-AWS-S3-003", Severity.MEDIUM, line=1, attribute="")])
    assert [f.rule_id for f in scan.decision.failing] == ["IAC-AWS-S3-001", "IAC-AWS-EBS-001"]
    assert _junit_failures(scan) == ["IAC-AWS-EBS-001", "IAC-AWS-S3-001"]  # suites by rule id
    assert _sarif_blocking(scan) == ["IAC-AWS-S3-001", "IAC-AWS-EBS-001"]
    assert _markdown_failing_rows(scan) == ["IAC\\-AWS\\-S3\\-001", "IAC\\-AWS\\-EBS\\-001"]
