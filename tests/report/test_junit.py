"""JUnit XML: parses, one suite per rule, failures only for what fails the gate."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from iac_guard.cli import main
from iac_guard.models import FindingKind, Problem, Severity, Suppression
from iac_guard.report import junit
from iac_guard.report.base import RenderOptions
from tests.report.builders import finding, policy, result
from tests.starter import only_starter

NASTY = 'bucket "a" <b> & \x07bell ]]> \u202e'


def _root(**kwargs: object) -> ET.Element:
    scan = result(
        [
            finding(message=NASTY, resource='aws_s3_bucket.logs["<x>"]'),
            finding("IAC-AWS-S3-003", Severity.LOW, line=1),
            finding("IAC-AWS-IAM-001", Severity.CRITICAL, kind=FindingKind.WARN, resource="data.x.y"),
        ],
        problems=[Problem("parse-error", "unexpected token '<'", "bad.tf", 4)],
        suppressed=[Suppression(finding("IAC-AWS-EBS-001", Severity.HIGH), "baseline", "present in the baseline", "base.json")],
        rules=[policy("IAC-AWS-S3-001", Severity.CRITICAL), policy("IAC-AWS-S3-003", Severity.LOW), policy("IAC-AWS-KMS-001")],
    )
    return ET.fromstring(junit.render(scan, RenderOptions(source_prefix="infra")))


def test_suites_testcases_and_counts() -> None:
    root = _root()
    assert root.tag == "testsuites"
    assert {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")} == {"tests": "6", "failures": "1", "errors": "1", "skipped": "1"}
    suites = {s.get("id"): s for s in root.iter("testsuite")}
    assert list(suites) == ["IAC-AWS-EBS-001", "IAC-AWS-IAM-001", "IAC-AWS-KMS-001", "IAC-AWS-S3-001", "IAC-AWS-S3-003", "iac-guard-errors"]
    (passing,) = suites["IAC-AWS-KMS-001"].iter("testcase")
    assert passing.attrib == {"classname": "IAC-AWS-KMS-001", "name": "no findings"} and len(passing) == 0
    (failing,) = suites["IAC-AWS-S3-001"].iter("testcase")
    assert failing.get("file") == "infra/main.tf" and failing.get("line") == "3"
    failure = failing.find("failure")
    assert failure is not None and failure.get("type") == "critical"
    # XML syntax escaped in the XML and intact once parsed; the bell and the bidi override
    # shown as visible escapes (issue 11: no control or bidi character reaches a report)
    assert failure.get("message") == 'bucket "a" <b> & \\x07bell ]]> \\u202e'
    assert (failure.text or "").splitlines()[2:4] == ['resource: aws_s3_bucket.logs["<x>"]', "location: infra/main.tf:3"]
    low = next(suites["IAC-AWS-S3-003"].iter("testcase"))
    assert low.find("failure") is None and (low.findtext("system-out") or "").startswith("not blocking")
    warn = next(suites["IAC-AWS-IAM-001"].iter("testcase"))
    assert warn.find("failure") is None  # a warn rule never fails the gate
    skipped = next(suites["IAC-AWS-EBS-001"].iter("testcase")).find("skipped")
    assert skipped is not None and skipped.get("message") == "suppressed (baseline, base.json): present in the baseline"
    error = next(suites["iac-guard-errors"].iter("testcase")).find("error")
    assert error is not None and error.attrib == {"message": "unexpected token '<'", "type": "parse-error"}


def test_cli_junit_parses(spine: Path, tmp_path: Path) -> None:
    target = tmp_path / "junit.xml"
    assert main(["scan", str(spine / "mixed"), *only_starter(), "--junit", str(target), "-q"]) == 1
    root = ET.parse(target).getroot()
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("17", "6", "0")


def test_no_string_from_the_scanned_code_starts_a_line() -> None:
    """JUnit is machine-readable (FORMATTERS["junit"].machine_readable): line breaks in text
    are character references, so a value cannot put a workflow command at a line start."""
    injected = "ok\n::add-mask::hunter2\r\n::error::forged\ue000"
    scan = result([finding(message=injected, remediation=injected)], problems=[Problem("parse-error", injected, "bad.tf", 4)])
    xml = junit.render(scan, RenderOptions())
    assert not [line for line in xml.splitlines() if line.lstrip().startswith("::")]
    assert "ok&#10;::add-mask::hunter2&#13;&#10;::error::forged" in xml
    root = ET.fromstring(xml)
    failure = next(root.iter("failure"))
    assert failure.get("message") == "ok\n::add-mask::hunter2\r\n::error::forged"  # intact once parsed
    assert (failure.text or "").splitlines()[1:4] == ["ok", "::add-mask::hunter2", "::error::forged"]
    assert next(root.iter("error")).text == "ok\n::add-mask::hunter2\r\n::error::forged"


def test_notices_are_a_suite_of_their_own(tmp_path: Path) -> None:
    """A scan of a path with no IaC passes every policy vacuously: the JUnit report must
    say why (the no-iac notice), not only list passing testcases."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "README.md").write_text("# nothing to scan\n")
    target = tmp_path / "out.xml"
    assert main(["scan", str(tmp_path / "docs"), "--junit", str(target), "-q", *only_starter()]) == 0
    root = ET.parse(target).getroot()
    (notices,) = [s for s in root.iter("testsuite") if s.get("name") == "iac-guard notices"]
    assert notices.get("tests") == "0" and list(notices.iter("testcase")) == []
    text = notices.findtext("system-out") or ""
    assert text.startswith("no-iac: no Terraform or CloudFormation files found under ")
