"""Frozen dataclasses that cross every stage boundary.

Nothing here imports a third-party library: these types are the contract between
discovery, parsing, evaluation, the gate and the reporters, and each of those can be
tested on its own by building these values directly.
"""

from __future__ import annotations

import enum
import hashlib
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class Severity(str, enum.Enum):
    """Finding severity, ordered from most to least severe."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Larger is more severe: critical=4 ... info=0."""
        return _SEVERITY_RANK[self]

    def at_least(self, threshold: Severity) -> bool:
        return self.rank >= threshold.rank

    @classmethod
    def parse(cls, value: object) -> Severity:
        """Parse a severity name, case-insensitively; raise ValueError otherwise."""
        if isinstance(value, Severity):
            return value
        if isinstance(value, str):
            try:
                return cls(value.strip().lower())
            except ValueError:
                pass
        names = ", ".join(s.value for s in cls)
        raise ValueError(f"unknown severity {value!r} (expected one of: {names})")

    @classmethod
    def ordered(cls) -> tuple[Severity, ...]:
        """Most severe first."""
        return tuple(sorted(cls, key=lambda s: -s.rank))


_SEVERITY_RANK = {
    Severity.CRITICAL: 4,
    Severity.HIGH: 3,
    Severity.MEDIUM: 2,
    Severity.LOW: 1,
    Severity.INFO: 0,
}


class FindingKind(str, enum.Enum):
    """Which rule class produced a finding (the conftest convention)."""

    DENY = "deny"  # from `deny` or `violation` rules: can fail the gate
    WARN = "warn"  # from `warn` rules: reported, never fails the gate


@dataclass(frozen=True)
class SourceFile:
    """A file discovery selected, with the parser kind that claims it."""

    path: Path  # absolute
    relpath: str  # POSIX path relative to the scan root it was found under
    kind: str  # key in the parser registry: "terraform", "cloudformation", ...
    size: int


@dataclass(frozen=True)
class Problem:
    """A tool or input error reported as data: a file that cannot be parsed, a bad policy.

    Any Problem in a ScanResult makes the run exit 2 (fail closed) after everything else
    has been reported.
    """

    code: str  # "parse-error", "policy-error", "input-error", "scanner-error", ...
    message: str
    file: str | None = None
    line: int | None = None

    def location(self) -> str:
        """``file:line``, ``file``, or "" when the problem is in no file (a missing tool)."""
        if not self.file:
            return ""
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class Notice:
    """Something the user should know that is neither a finding nor an error
    (a remote module that was not scanned, a file skipped by a size cap)."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Resource:
    """One IaC object policies are evaluated against, in the normalized input shape."""

    address: str  # "aws_s3_bucket.logs", "module.net.aws_vpc.this[0]", logical id for CFN
    type: str  # "aws_s3_bucket", "AWS::S3::Bucket", "module"
    name: str
    kind: str  # IaC kind: "terraform", "cloudformation"
    file: str  # relative to the scan root
    line: int
    end_line: int
    mode: str = "managed"  # "managed", "data", "module" (Terraform); "resource" (CFN)
    module: str = ""  # module path, "" for the root module
    # Terraform: the directory (scan-root relative) of the root module this instance
    # belongs to. Two root modules calling one shared module give resources with the
    # same address and file; this tells them apart.
    root: str = ""
    values: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    unknown: tuple[str, ...] = ()  # dotted paths into values that could not be resolved
    lines: Mapping[str, int] = field(default_factory=dict, hash=False, compare=False)
    # attribute path -> where its value came from ("var.acl set by terraform.tfvars:3")
    provenance: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)

    def to_input(self) -> dict[str, Any]:
        """The JSON-ready form handed to policies (see README "Policy input")."""
        return {
            "address": self.address,
            "type": self.type,
            "name": self.name,
            "mode": self.mode,
            "module": self.module,
            "root": self.root,
            "file": self.file,
            "line": self.line,
            "end_line": self.end_line,
            "values": self.values,
            "unknown": list(self.unknown),
        }

    def line_of(self, attribute: str | None) -> int:
        """Best line for an attribute path ("versioning.enabled"), else the block start."""
        if attribute:
            parts = attribute.split(".")
            while parts:
                found = self.lines.get(".".join(parts))
                if found:
                    return found
                parts.pop()
        return self.line

    def provenance_of(self, attribute: str | None) -> tuple[str, ...]:
        """Where an attribute's value came from: its own entry, else its nearest parent's."""
        if attribute:
            parts = attribute.split(".")
            while parts:
                found = self.provenance.get(".".join(parts))
                if found:
                    return tuple(found)
                parts.pop()
        return ()


@dataclass(frozen=True)
class ParsedDocument:
    """The result of parsing one source file. Parse failures are data (``problems``)."""

    source: SourceFile
    resources: tuple[Resource, ...] = ()
    raw: Any = field(default=None, hash=False, compare=False)  # JSON-ready raw document
    tree: Any = field(default=None, hash=False, compare=False)  # kind-specific syntax tree
    problems: tuple[Problem, ...] = ()
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class KindInput:
    """Everything parsed for one IaC kind: the unit policies are evaluated over."""

    kind: str
    documents: tuple[ParsedDocument, ...]
    resources: tuple[Resource, ...]
    problems: tuple[Problem, ...] = ()
    notices: tuple[Notice, ...] = ()
    # a content digest of everything the input was built from (its files, every file its
    # build read, the options): set when the results cache is on, "" otherwise
    digest: str = field(default="", compare=False)
    # False for an input read back from the results cache: its documents carry no raw
    # document or tree and its resources no values (what the report and the gate read,
    # not what policies read); the evaluate stage rebuilds it in full when it must evaluate
    complete: bool = field(default=True, compare=False)

    def policy_input(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "resources": [r.to_input() for r in self.resources],
            "files": {d.source.relpath: d.raw for d in self.documents if d.raw is not None},
        }


@dataclass(frozen=True)
class Policy:
    """One policy (one Rego package) with its METADATA."""

    id: str
    package: str  # "iac_guard.aws.s3.public_acl"
    title: str
    severity: Severity
    file: str
    line: int
    description: str = ""
    remediation: str = ""
    frameworks: tuple[str, ...] = ()
    related_resources: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # IaC kinds it applies to; empty = every kind
    resource_types: tuple[str, ...] = ()  # custom.resource_types, else the types its code names
    # custom.forms: the ways of writing the setting the policy reads; custom.not_flagged:
    # what it deliberately leaves alone, and why (precision made visible in the catalog)
    forms: tuple[str, ...] = ()
    not_flagged: tuple[str, ...] = ()
    # conftest mode (--namespace): evaluated once per parsed file against its raw document
    conftest: bool = False

    @property
    def docs_url(self) -> str:
        return self.related_resources[0] if self.related_resources else ""

    @property
    def named_by_rule(self) -> bool:
        """A conftest policy without a METADATA id: each rule names its own findings."""
        return self.conftest and self.id == self.package

    def rule_id(self, rule: str) -> str:
        """The id of a finding from ``rule``: the METADATA id, or for a conftest policy
        without one, ``<namespace>.<rule>`` (``main.deny_latest_tag``)."""
        return f"{self.package}.{rule}" if self.named_by_rule else self.id

    def applies_to(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds


@dataclass(frozen=True)
class PolicySet:
    """Every policy loaded for a run, plus the Rego sources the engine needs."""

    policies: tuple[Policy, ...]
    modules: Mapping[str, str] = field(hash=False, compare=False)  # display path -> source
    data: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def by_package(self) -> dict[str, Policy]:
        return {p.package: p for p in self.policies}


@dataclass(frozen=True)
class Finding:
    """One policy result tied to a resource, file and line."""

    rule_id: str
    title: str
    severity: Severity
    message: str
    resource: str
    file: str
    line: int
    source: str  # "rego", "cfn-lint", "checkov"
    remediation: str = ""
    kind: FindingKind = FindingKind.DENY
    end_line: int | None = None
    attribute: str = ""
    resource_type: str = ""
    docs_url: str = ""
    iac_kind: str = ""
    provenance: tuple[str, ...] = ()  # "acl set by terraform.tfvars:3"
    root: str = ""  # Terraform root module directory of the resource (see Resource.root)
    # the whole text when ``message`` was shortened for reading (a cfn-lint message that
    # lists every allowed value); "" when the message is whole
    details: str = ""

    @property
    def fingerprint(self) -> str:
        """Stable across line moves: rule, file, resource address, attribute (and the
        Terraform root module, when known)."""
        parts = (self.source, self.rule_id, self.file, self.resource, self.attribute)
        key = "\x1f".join((*parts, self.root) if self.root else parts)
        # surrogatepass: a file name that is not UTF-8 (os.listdir gives lone surrogates)
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def outside_root(self) -> bool:
        """Whether the finding is in a module's file, not in its root module's own
        directory: then the root says which configuration it arises in."""
        if not self.root or not self.file:
            return False
        return posixpath.dirname(self.file) != ("" if self.root == "." else self.root)

    def sort_key(self) -> tuple[int, str, int, str, str]:
        return (-self.severity.rank, self.file, self.line, self.rule_id, self.resource)


@dataclass(frozen=True)
class Suppression:
    """A finding that was found but does not count: waived, ignored inline, or baselined."""

    finding: Finding
    kind: str  # "inline", "waiver", "baseline", "exception" (a conftest exception rule)
    justification: str
    origin: str  # where the suppression was declared: "main.tf:12", "waivers.yaml:3"


@dataclass(frozen=True)
class WaiverStatus:
    """One waiver of the waivers file as this scan found it: whom it belongs to, how long
    it has left, and whether it still suppresses anything."""

    rule: str  # rule id glob
    resource: str
    file: str
    reason: str
    owner: str  # "" when the waiver names none
    expires: str | None  # ISO date
    days_left: int | None  # days until it expires (negative: expired that many days ago)
    origin: str  # "waivers.yaml:4"
    matched: int  # findings of this scan it matches
    state: str  # "active", "expired" (past its date), "stale" (matches no finding)


@dataclass(frozen=True)
class GateDecision:
    """The gate's verdict; the exit code is derived here and nowhere else."""

    fail_on: Severity
    failing: tuple[Finding, ...]
    problems: int
    waiver_failures: tuple[Notice, ...] = ()  # --strict-waivers: stale and expired waivers

    @property
    def passed(self) -> bool:
        return not self.failing and not self.problems and not self.waiver_failures

    @property
    def exit_code(self) -> int:
        from iac_guard.errors import EXIT_ERROR, EXIT_OK, EXIT_VIOLATIONS

        if self.problems:
            return EXIT_ERROR
        return EXIT_VIOLATIONS if self.failing or self.waiver_failures else EXIT_OK

    @property
    def verdict(self) -> str:
        if self.problems:
            return "error"
        return "fail" if self.failing or self.waiver_failures else "pass"


@dataclass(frozen=True)
class ScanResult:
    """Everything a reporter needs: findings, problems, counts and the verdict."""

    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...]
    decision: GateDecision
    files_scanned: int = 0
    resources: int = 0
    policies: int = 0
    notices: tuple[Notice, ...] = ()
    root: str = "."
    suppressed: tuple[Suppression, ...] = ()  # not in findings, not counted, never failing
    rules: tuple[Policy, ...] = ()  # every policy evaluated (reports list passing ones too)
    waivers: tuple[WaiverStatus, ...] = ()  # the waivers file's waivers, with owner and days to expiry

    def counts(self) -> dict[str, int]:
        """Findings by severity, every severity present (0 where none)."""
        counts = {s.value: 0 for s in Severity.ordered()}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts
