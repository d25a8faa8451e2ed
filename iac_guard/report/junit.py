"""JUnit XML for CI systems that show test results (GitLab, Jenkins, Azure DevOps, ...).

One ``<testsuite>`` per rule, one ``<testcase>`` per finding:

- a finding that fails the gate is a ``<failure>`` (type: its severity) whose text
  holds the message, resource, ``file:line`` and remediation;
- a finding the gate lets through (below ``--fail-on``, or a ``warn`` rule) passes, with
  the finding in ``<system-out>``, so the red/green of the report matches the gate;
- a suppressed finding is ``<skipped>`` with who suppressed it and why;
- a rule with no finding is one passing testcase, so every policy evaluated shows;
- tool and input errors are ``<error>`` testcases in an ``iac-guard errors`` suite.

Every string goes through ``safeout.printable`` (control, ANSI, bidi and invisible
format characters become visible escapes, line breaks are kept) and ElementTree's
escaping; characters XML 1.0 cannot hold are dropped. Line breaks inside text are written as ``&#10;``/``&#13;`` (as ElementTree
already does in attributes), so no string from the scanned code starts a line of the
output: on standard output in GitHub Actions it cannot read as a workflow command.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from iac_guard.models import Finding, Notice, ScanResult, Suppression
from iac_guard.report.base import RenderOptions, Rule, explanation, failing, repo_path, rules
from iac_guard.safeout import printable

# what XML 1.0 cannot hold, and the two private-use characters that stand for line
# breaks in text until the document is serialized
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue002-\ufffd\U00010000-\U0010ffff]")
_BREAKS = {"\n": ("\ue000", "&#10;"), "\r": ("\ue001", "&#13;")}


def _clean(text: str) -> str:
    return _INVALID_XML.sub("", printable(text, keep="\t\n\r"))


def _element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _clean(text).translate({ord(c): stand_in for c, (stand_in, _) in _BREAKS.items()})
    return el


def _serialize(root: ET.Element) -> str:
    out = ET.tostring(root, encoding="unicode")
    for stand_in, reference in _BREAKS.values():
        out = out.replace(stand_in, reference)
    return out


def _where(finding: Finding, options: RenderOptions) -> str:
    path = repo_path(finding.file, options)
    return f"{path}:{finding.line}" if path and finding.line else (path or "<no file>")


def _details(finding: Finding, options: RenderOptions) -> str:
    lines = [
        f"{finding.severity.value.upper()} {finding.rule_id}: {finding.title}",
        finding.message,
        f"resource: {finding.resource or '-'}",
        f"location: {_where(finding, options)}",
    ]
    lines += [f"{label}: {text}" for label, text in explanation(finding)]
    return "\n".join(lines)


def _testcase(suite: ET.Element, finding: Finding, options: RenderOptions) -> ET.Element:
    attrs = {"classname": finding.rule_id, "name": f"{finding.resource or '-'} ({_where(finding, options)})"}
    if finding.file:
        attrs["file"] = repo_path(finding.file, options)
        if finding.line:
            attrs["line"] = str(finding.line)
    return _element(suite, "testcase", **attrs)


def _suite(
    root: ET.Element,
    rule: Rule,
    findings: list[Finding],
    suppressed: list[Suppression],
    fails: frozenset[Finding],
    options: RenderOptions,
) -> tuple[int, int, int]:
    suite = _element(root, "testsuite", name=f"{rule.id}: {rule.title}", id=rule.id)
    props = _element(suite, "properties")
    _element(props, "property", name="severity", value=rule.severity.value)
    if rule.docs_url:
        _element(props, "property", name="docs", value=rule.docs_url)
    failures = skipped = 0
    for finding in findings:
        case = _testcase(suite, finding, options)
        if finding in fails:
            failures += 1
            _element(case, "failure", _details(finding, options), message=finding.message, type=finding.severity.value)
        else:
            _element(case, "system-out", "not blocking (below fail-on or a warn rule)\n" + _details(finding, options))
    for s in suppressed:
        skipped += 1
        case = _testcase(suite, s.finding, options)
        _element(case, "skipped", message=f"suppressed ({s.kind}, {s.origin}): {s.justification}")
    tests = len(findings) + len(suppressed)
    if not tests:
        tests = 1
        _element(suite, "testcase", classname=rule.id, name="no findings")
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    return tests, failures, skipped


def _notice_where(notice: Notice) -> str:
    if not notice.file:
        return ""
    return f"{notice.file}:{notice.line}: " if notice.line else f"{notice.file}: "


def render(result: ScanResult, options: RenderOptions) -> str:
    root = ET.Element("testsuites", name="iac-guard")
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_rule[finding.rule_id].append(finding)
    suppressed_by_rule: dict[str, list[Suppression]] = defaultdict(list)
    for suppression in result.suppressed:
        suppressed_by_rule[suppression.finding.rule_id].append(suppression)
    tests = failures = skipped = 0
    fails = failing(result)
    for rule in rules(result):
        t, f, s = _suite(root, rule, by_rule[rule.id], suppressed_by_rule[rule.id], fails, options)
        tests, failures, skipped = tests + t, failures + f, skipped + s
    errors = len(result.problems)
    if result.problems:
        suite = _element(root, "testsuite", name="iac-guard errors", id="iac-guard-errors")
        for p in result.problems:
            where = p.location() if p.file else "<none>"
            case = _element(suite, "testcase", classname=p.code, name=where)
            _element(case, "error", p.message, message=p.message, type=p.code)
        for key, value in (("tests", errors), ("failures", 0), ("errors", errors), ("skipped", 0)):
            suite.set(key, str(value))
        tests += errors
    if result.notices:  # what the user should know (a path with no IaC in it): no testcase
        suite = _element(root, "testsuite", name="iac-guard notices", id="iac-guard-notices")
        for key in ("tests", "failures", "errors", "skipped"):
            suite.set(key, "0")
        lines = [f"{_notice_where(n)}{n.code}: {n.message}" for n in result.notices]
        _element(suite, "system-out", "\n".join(lines))
    for key, value in (("tests", tests), ("failures", failures), ("errors", errors), ("skipped", skipped)):
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + _serialize(root) + "\n"
