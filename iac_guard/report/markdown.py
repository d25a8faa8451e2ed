"""Markdown: the sticky PR comment's body and the job's step summary.

Verdict first, then counts by severity, a table of the findings that fail the gate
(severity, rule, resource, ``file:line`` linked to the file at the PR's head commit,
message), how to fix each rule, then collapsed ``<details>`` for findings that do not
fail the gate, findings already present at the ``--diff-base`` revision, suppressed
findings and notices, and a link to the workflow run.

Every string that comes from the scanned code, a policy or a scanner is untrusted:
``escape`` turns markdown and HTML syntax into literal text, breaks ``@mention`` and
``#123``-style references with a zero-width joiner, shows control, bidirectional
override and other invisible format characters as visible escapes
(``safeout.printable``), and shortens very long values. The body never exceeds its budget
(``max_chars``, counted in UTF-8 bytes, which is never less than GitHub's character
count): what does not fit is counted in a note that points to the job summary and the
SARIF/JSON reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from iac_guard import __version__
from iac_guard.errors import ConfigError
from iac_guard.models import Finding, ScanResult, Severity, Suppression, WaiverStatus
from iac_guard.report.base import Links, RenderOptions, failing, plural, repo_path, rules
from iac_guard.safeout import printable, quote_path

SUMMARY_MARKER = "<!-- iac-guard:summary -->"  # the marker without a comment key
_COMMENT_KEY = re.compile(r"[A-Za-z0-9._/-]{1,100}")
MAX_FIXES = 25  # rules listed under "How to fix"
COMMENT_LIMIT = 65_536  # GitHub's limit for an issue or review comment body
STEP_SUMMARY_LIMIT = 1_000_000  # GitHub accepts up to 1 MiB of step summary per step

_ICON = {
    Severity.CRITICAL: "\U0001f7e3",  # purple circle
    Severity.HIGH: "\U0001f534",  # red circle
    Severity.MEDIUM: "\U0001f7e0",  # orange circle
    Severity.LOW: "\U0001f7e1",  # yellow circle
    Severity.INFO: "\u26aa",  # white circle
}
_ZWJ = "\u200d"
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~=:])")
_MENTION = re.compile(r"([@#])(?=[\w\-])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def check_comment_key(key: object) -> str:
    """A ``--comment-key``: letters, digits and ``. _ / -`` (a path such as ``infra/prod``
    fits), at most 100; "" for none. Anything else could end the hidden marker."""
    text = "" if key is None else str(key)
    if text and not _COMMENT_KEY.fullmatch(text):
        raise ConfigError(f"comment-key {text!r}: use at most 100 letters, digits and . _ / -")
    return text


def summary_marker(key: str = "") -> str:
    """The hidden marker that tells one iac-guard summary comment from another: one per
    comment key, so scans of several directories on one PR keep one comment each."""
    return f"<!-- iac-guard:summary:{key} -->" if key else SUMMARY_MARKER


def escape(value: object, limit: int = 300) -> str:
    """Untrusted text as literal, inline markdown (safe in a table cell)."""
    raw = str(value)
    raw = raw[: limit * 4 + 16] if len(raw) > limit * 4 + 16 else raw  # enough left to fill ``limit``
    text = printable(raw, keep="\t\n\r")
    text = " ".join(text.split())  # newlines and tabs cannot end a table row
    if len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    text = "".join(_HTML.get(c, c) for c in text)
    text = _SPECIAL.sub(r"\\\1", text)
    return _MENTION.sub(lambda m: m.group(1) + _ZWJ, text)


def safe_url(url: str) -> str:
    """An http(s) URL with every character markdown could read as syntax encoded; "" for
    anything else (javascript:, relative, malformed)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return quote_path(url.strip(), safe=":/?#@!$&'*+,;=%~").replace("(", "%28").replace(")", "%29")


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


class _Body:
    """Appends blocks while they fit the budget, keeping ``reserve`` bytes for the end."""

    def __init__(self, limit: int, reserve: int) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.limit = limit - reserve
        self.omitted: dict[str, int] = {}  # rows left out, by what they list
        self.full = False

    def add(self, text: str) -> None:
        if self.size + _size(text) <= self.limit:
            self.parts.append(text)
            self.size += _size(text)

    def table(self, head: str, rows: Sequence[str], closing: str = "", noun: str = "finding", reserve: int = 0) -> None:
        """A table (optionally inside a block that ``closing`` ends): as many rows as fit
        with room for ``closing`` and ``reserve`` more bytes; rows left out are counted, and
        once a table is cut short the tables after it are left out."""
        if not rows:
            return
        shown = 0
        room = self.limit - reserve - _size(closing)
        if not self.full and self.size + _size(head) + _size(rows[0]) <= room:
            self.add(head)
            for row in rows:
                if self.size + _size(row) > room:
                    self.full = True
                    break
                self.parts.append(row)
                self.size += _size(row)
                shown += 1
            self.parts.append(closing)
            self.size += _size(closing)
        else:
            self.full = True
        if shown < len(rows):
            self.omitted[noun] = self.omitted.get(noun, 0) + len(rows) - shown


def _where(file: str | None, line: int | None, options: RenderOptions) -> str:
    path = repo_path(file or "", options)
    return f"{path}:{line}" if path and line else (path or "-")


def _location(finding: Finding, options: RenderOptions) -> str:
    path = repo_path(finding.file, options)
    if not path:
        return "\u2014"
    label = escape(f"{path}:{finding.line}" if finding.line else path, 200)
    url = safe_url(options.links.blob(path, finding.line))
    return f"[{label}]({url})" if url else label


def _severity(finding: Finding) -> str:
    warn = " (warn)" if finding.kind.value == "warn" else ""
    return f"{_ICON[finding.severity]} {finding.severity.value}{warn}"


FINDINGS_HEAD = "| Severity | Rule | Resource | Location | Finding |\n| --- | --- | --- | --- | --- |\n"


def _row(finding: Finding, options: RenderOptions) -> str:
    cells = (_severity(finding), escape(finding.rule_id, 100), escape(finding.resource or "-", 200), _location(finding, options), escape(finding.message))
    return "| " + " | ".join(cells) + " |\n"


SUPPRESSED_HEAD = "| Severity | Rule | Resource | Location | Suppressed by | Reason |\n| --- | --- | --- | --- | --- | --- |\n"


def _suppressed_row(s: Suppression, options: RenderOptions) -> str:
    f = s.finding
    cells = (_severity(f), escape(f.rule_id, 100), escape(f.resource or "-", 200), _location(f, options), escape(f"{s.kind} ({s.origin})", 200), escape(s.justification))
    return "| " + " | ".join(cells) + " |\n"


WAIVERS_HEAD = "| Rule | Resource | Declared at | Owner | Expires | State |\n| --- | --- | --- | --- | --- | --- |\n"


def _waiver_row(w: WaiverStatus) -> str:
    cells = (escape(w.rule, 100), escape(w.resource, 200), escape(w.origin, 200), escape(w.owner or "-", 100), escape(waiver_expiry(w), 100), escape(w.state, 20))
    return "| " + " | ".join(cells) + " |\n"


def waiver_expiry(w: WaiverStatus) -> str:
    """``2027-01-31 (in 60 days)``, ``2020-01-01 (expired 2527 days ago)``, ``never``."""
    if w.expires is None or w.days_left is None:
        return "never"
    if w.days_left < 0:
        return f"{w.expires} (expired {plural(-w.days_left, 'day')} ago)"
    return f"{w.expires} (today)" if w.days_left == 0 else f"{w.expires} (in {plural(w.days_left, 'day')})"


def _verdict(result: ScanResult) -> str:
    decision = result.decision
    if decision.verdict == "error":
        return f"## \u26d4 iac-guard: {plural(decision.problems, 'error')} \u2014 the gate fails closed\n\n"
    if decision.verdict == "fail" and not decision.failing:
        return f"## \u274c iac-guard: {plural(len(decision.waiver_failures), 'stale or expired waiver')} fail the gate (--strict-waivers)\n\n"
    if decision.verdict == "fail":
        return f"## \u274c iac-guard: {plural(len(decision.failing), 'finding')} at or above {decision.fail_on.value} fail the gate\n\n"
    if result.findings:
        return f"## \u2705 iac-guard: passed \u2014 {plural(len(result.findings), 'finding')}, none fails the gate (fail-on {decision.fail_on.value})\n\n"
    return "## \u2705 iac-guard: no policy violations\n\n"


def _counts(result: ScanResult) -> str:
    counts = " \u00b7 ".join(f"{_ICON[Severity(s)]} **{n:,}** {s}" for s, n in result.counts().items())
    scanned = f"{plural(result.files_scanned, 'file')}, {plural(result.resources, 'resource')}, {plural(result.policies, 'policy')}"
    extra = f"; {plural(len(result.suppressed), 'suppressed finding')}" if result.suppressed else ""
    return f"{counts}\n\nScanned {scanned}{extra}.\n\n"


def _fixes(findings: Iterable[Finding], result: ScanResult) -> list[str]:
    catalog = {r.id: r for r in rules(result)}
    out: list[str] = []
    seen: set[str] = set()
    for f in findings:
        if f.rule_id in seen:
            continue
        seen.add(f.rule_id)
        rule = catalog.get(f.rule_id)
        title = rule.title if rule else f.title
        remediation = (rule.remediation if rule else "") or f.remediation
        docs = safe_url((rule.docs_url if rule else "") or f.docs_url)
        line = f"- **{escape(f.rule_id, 100)}** {escape(title, 200)}"
        if remediation:
            line += f": {escape(remediation, 600)}"
        if docs:
            line += f" ([docs]({docs}))"
        out.append(line + "\n")
    return out


def _footer(result: ScanResult, links: Links) -> str:
    parts = [f"iac-guard {__version__}", f"fail-on: {result.decision.fail_on.value}"]
    if links.sha:
        parts.append(f"commit {escape(links.sha[:12], 12)}")
    run = safe_url(links.run_url)
    if run:
        parts.append(f"[workflow run]({run})")
    return "\n---\n<sub>" + " \u00b7 ".join(parts) + "</sub>\n"


def _truncation(omitted: dict[str, int], links: Links) -> str:
    run = safe_url(links.run_url)
    where = f"the job summary of [the workflow run]({run})" if run else "the job summary"
    what = " and ".join(plural(n, noun) for noun, n in omitted.items())
    return f"\n> [!WARNING]\n> Not shown here: {what}. See {where} and the SARIF or JSON report for everything.\n"


def render_body(result: ScanResult, options: RenderOptions, limit: int) -> str:
    footer = _footer(result, options.links)
    worst = {noun: 10**9 for noun in ("error", "finding", "existing finding", "suppressed finding", "notice", "waiver")}
    reserve = _size(footer) + _size(_truncation(worst, options.links))
    body = _Body(limit, reserve)
    body.add(f"{summary_marker(options.comment_key)}\n{_verdict(result)}{_counts(result)}")

    if result.problems:
        body.add("### Errors\n\n")
        body.table(
            "| Error | Location | Message |\n| --- | --- | --- |\n",
            [f"| {escape(p.code, 60)} | {escape(_where(p.file, p.line, options), 200)} | {escape(p.message, 600)} |\n" for p in result.problems],
            "\n",
            noun="error",
        )
    fails = failing(result)
    blocking = [f for f in result.findings if f in fails]
    others = [f for f in result.findings if f not in fails]
    if blocking:
        fixes = _fixes(blocking, result)[:MAX_FIXES]
        fixes_block = "### How to fix\n\n" + "".join(fixes) + "\n" if fixes else ""
        body.add("### Findings that fail the gate\n\n")
        # the remediation outranks the table's last rows
        body.table(FINDINGS_HEAD, [_row(f, options) for f in blocking], "\n", reserve=_size(fixes_block))
        body.add(fixes_block)
    if others:
        title = f"<details><summary>{plural(len(others), 'finding')} that do not fail the gate</summary>\n\n"
        body.table(title + FINDINGS_HEAD, [_row(f, options) for f in others], "\n</details>\n\n")
    existing = [s.finding for s in result.suppressed if s.kind == "existing"]
    if existing:
        title = f"<details><summary>{plural(len(existing), 'finding')} already present before this change</summary>\n\n"
        body.table(title + FINDINGS_HEAD, [_row(f, options) for f in existing], "\n</details>\n\n", noun="existing finding")
    suppressed = [s for s in result.suppressed if s.kind != "existing"]
    if suppressed:
        title = f"<details><summary>{plural(len(suppressed), 'suppressed finding')}</summary>\n\n"
        body.table(title + SUPPRESSED_HEAD, [_suppressed_row(s, options) for s in suppressed], "\n</details>\n\n", noun="suppressed finding")
    if result.notices:
        title = f"<details><summary>{plural(len(result.notices), 'notice')}</summary>\n\n"
        rows = [f"- {escape(n.code, 60)} {escape(_where(n.file, n.line, options), 200)}: {escape(n.message, 600)}\n" for n in result.notices]
        body.table(title, rows, "\n</details>\n\n", noun="notice")
    if result.waivers:
        title = f"<details><summary>{plural(len(result.waivers), 'waiver')}</summary>\n\n"
        body.table(title + WAIVERS_HEAD, [_waiver_row(w) for w in result.waivers], "\n</details>\n\n", noun="waiver")
    if body.omitted:
        body.parts.append(_truncation(body.omitted, options.links))
    body.parts.append(footer)
    return "".join(body.parts)


def render(result: ScanResult, options: RenderOptions) -> str:
    return render_body(result, options, options.max_chars or COMMENT_LIMIT)
