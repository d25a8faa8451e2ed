"""What every reporter shares: the options a renderer receives, the format registry
entry, and where the scan root sits in its repository (for relative URIs and links)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from iac_guard.models import Finding, FindingKind, ScanResult, Severity
from iac_guard.safeout import quote_path


@dataclass(frozen=True)
class Links:
    """Where a report can link to: a repository on a GitHub server at one commit, and the
    workflow run that produced the report. Empty fields mean "no link"."""

    server_url: str = ""  # https://github.com or a GitHub Enterprise Server URL
    repository: str = ""  # owner/name
    sha: str = ""  # the commit findings are linked at (a PR's head, not its merge commit)
    run_url: str = ""

    def blob(self, repo_path: str, line: int | None) -> str:
        """URL of a file at ``sha``, anchored at a line; "" when links are unknown."""
        if not (self.server_url and self.repository and self.sha and repo_path):
            return ""
        anchor = f"#L{line}" if line else ""
        return f"{self.server_url.rstrip('/')}/{self.repository}/blob/{self.sha}/{quote_path(repo_path)}{anchor}"


@dataclass(frozen=True)
class OutputSpec:
    """A report format and where it goes (None: standard output)."""

    format: str
    path: str | None = None


@dataclass(frozen=True)
class ReportSettings:
    """The scan settings the report and publish stages read (``ScanConfig.report_settings()``)."""

    outputs: tuple[OutputSpec, ...] = (OutputSpec("text"),)
    color: bool = False
    quiet: bool = False
    comment_key: str = ""  # one sticky PR comment per key
    pr_comment: bool = False  # post/update the sticky PR comment
    review_comments: bool = False  # line comments on the PR's changed lines


@dataclass(frozen=True)
class RenderOptions:
    """Everything a renderer may use besides the ScanResult."""

    color: bool = False
    quiet: bool = False
    links: Links = Links()
    # the scan root relative to the repository root ("" when they are the same), so
    # report paths are repository-relative, as GitHub and SARIF consumers expect
    source_prefix: str = ""
    repo_root: str = ""  # absolute repository root ("" when unknown)
    max_chars: int = 0  # a renderer's size budget where one applies (0: its default)
    comment_key: str = ""  # tells this scan's PR comment from others' (--comment-key)


Render = Callable[[ScanResult, RenderOptions], str]


@dataclass(frozen=True)
class Format:
    """One report format in the registry."""

    name: str
    render: Render
    description: str
    file_option: bool = True  # offer ``--<name> FILE`` on the command line
    # read by programs: every untrusted string is escaped onto one line, so on standard
    # output in GitHub Actions it needs no ``::stop-commands::`` guard, and workflow
    # commands go to standard error so that a pipe (``| jq``) still gets the report alone
    machine_readable: bool = False


def repo_root_of(scan_root: str) -> Path | None:
    """The nearest directory at or above ``scan_root`` holding a ``.git`` entry."""
    start = Path(scan_root).resolve()
    for candidate in (start, *start.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def locate(scan_root: str) -> tuple[str, str]:
    """(source_prefix, repo_root) for a scan root; the scan root itself when it is in no
    git repository."""
    root = Path(scan_root).resolve()
    repo = repo_root_of(scan_root) or root
    prefix = root.relative_to(repo).as_posix()
    return ("" if prefix == "." else prefix), str(repo)


def repo_path(file: str, options: RenderOptions) -> str:
    """A finding's file relative to the repository root."""
    if not file:
        return ""
    return str(PurePosixPath(options.source_prefix) / file) if options.source_prefix else file


def failing(result: ScanResult) -> frozenset[Finding]:
    """The findings the gate fails on, as the gate decided them (``decision.failing``), for
    a renderer to look findings up in; the rule itself lives in ``iac_guard.gate`` only."""
    return frozenset(result.decision.failing)


def level(finding: Finding) -> str:
    """GitHub/SARIF level: critical/high error, medium warning, low/info note; a ``warn``
    rule's finding is never more than a warning (it never fails the gate)."""
    rank = _LEVELS[finding.severity]
    if finding.kind is FindingKind.WARN:
        rank = min(rank, _LEVELS[Severity.MEDIUM])
    return ("note", "warning", "error")[rank]


_LEVELS = {Severity.CRITICAL: 2, Severity.HIGH: 2, Severity.MEDIUM: 1, Severity.LOW: 0, Severity.INFO: 0}


def explanation(finding: Finding) -> list[tuple[str, str]]:
    """What a plain-text report adds under a finding: where its value came from, the fix
    and the docs, as (label, text) pairs; each format spells the labels its own way."""
    out = [("from", origin) for origin in finding.provenance]
    if finding.remediation:
        out.append(("fix", finding.remediation))
    if finding.docs_url:
        out.append(("docs", finding.docs_url))
    return out


def plural(n: int, word: str) -> str:
    """``1 finding``, ``2 findings``, ``3 policies``; thousands separated."""
    if n == 1:
        return f"1 {word}"
    return f"{n:,} {word[:-1]}ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else f"{n:,} {word}s"


@dataclass(frozen=True)
class Rule:
    """A rule as reports describe it: a loaded policy, or a rule known only from the
    findings of an extra scanner (cfn-lint, checkov)."""

    id: str
    title: str
    severity: Severity
    description: str = ""
    remediation: str = ""
    docs_url: str = ""
    frameworks: tuple[str, ...] = ()
    source: str = "rego"


def rules(result: ScanResult) -> list[Rule]:
    """Every rule of the run, by id: the policies evaluated, then any rule that only
    appears in a finding (suppressed ones included)."""
    catalog: dict[str, Rule] = {}
    for p in result.rules:
        catalog.setdefault(
            p.id,
            Rule(p.id, p.title, p.severity, p.description, p.remediation, p.docs_url, p.frameworks),
        )
    for f in (*result.findings, *(s.finding for s in result.suppressed)):
        if f.rule_id not in catalog:
            catalog[f.rule_id] = Rule(
                f.rule_id, f.title or f.rule_id, f.severity, "", f.remediation, f.docs_url, (), f.source
            )
    return sorted(catalog.values(), key=lambda r: r.id)
