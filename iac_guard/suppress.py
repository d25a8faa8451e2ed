"""Suppressions: inline ignore comments, a waivers file, and a baseline of known findings.

- Inline: a comment ``# iac-guard:ignore RULE-ID[,RULE-ID] reason`` (``//`` too in
  Terraform) inside a resource's lines, or on the line just above it, suppresses those
  rules for that resource. ``*`` matches every rule. A reason is required.
- Waivers file (``--waivers FILE``, default ``.iac-guard-waivers.yaml`` when present)::

      waivers:
        - id: IAC-AWS-S3-001          # rule id, glob
          resource: aws_s3_bucket.site # address, glob (default *)
          file: web/*.tf               # path, glob (default *)
          reason: Public website bucket, reviewed by security
          expires: 2027-01-31          # after this date the waiver no longer applies

- Baseline (``--baseline FILE``): a JSON report from an earlier run; findings whose
  fingerprint it lists are known debt, reported as suppressed, not failing.

Collecting reads files; applying them (``apply``) is pure.
"""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from iac_guard import gitrev
from iac_guard.errors import ConfigError
from iac_guard.models import Finding, Notice, Suppression

WAIVERS_FILE = ".iac-guard-waivers.yaml"
_INLINE = re.compile(r"(?:#|//)\s*iac-guard:ignore[:\s]+(?P<ids>[\w*.:,-]+)(?P<reason>.*)$")


@dataclass(frozen=True)
class Waiver:
    rule: str  # glob
    resource: str = "*"
    file: str = "*"
    reason: str = ""
    expires: dt.date | None = None
    origin: str = ""  # where it was declared: "waivers.yaml:4", "main.tf:12"
    kind: str = "waiver"  # "waiver", "inline"
    untrusted: str = ""  # why it is not applied (an inline ignore added after --trusted-ref)

    def matches(self, finding: Finding) -> bool:
        return (
            fnmatch.fnmatchcase(finding.rule_id, self.rule)
            and fnmatch.fnmatchcase(finding.resource, self.resource)
            and fnmatch.fnmatchcase(finding.file, self.file)
        )


@dataclass(frozen=True)
class SuppressionSet:
    waivers: tuple[Waiver, ...] = ()
    baseline: frozenset[str] = frozenset()  # fingerprints
    baseline_origin: str = ""
    existing: frozenset[str] = frozenset()  # fingerprints found at the --diff-base revision
    existing_ref: str = ""


def load_waivers_file(path: Path, display: str) -> list[Waiver]:
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
    except OSError as exc:
        raise ConfigError(f"cannot read waivers: {exc.strerror}", file=display) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"invalid YAML: {getattr(exc, 'problem', exc)}", file=display, line=mark.line + 1 if mark else None) from None
    entries = data.get("waivers") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError("expected a top-level `waivers:` list", file=display, line=1)
    lines = _entry_lines(text)
    out: list[Waiver] = []
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else None
        if not isinstance(entry, dict) or not entry.get("id"):
            raise ConfigError("each waiver needs an `id`", file=display, line=line)
        if not str(entry.get("reason") or "").strip():
            raise ConfigError(f"waiver for {entry['id']} needs a `reason`", file=display, line=line)
        expires = entry.get("expires")
        if expires is not None and not isinstance(expires, dt.date):
            try:
                expires = dt.date.fromisoformat(str(expires))
            except ValueError:
                raise ConfigError(f"`expires` must be a date (YYYY-MM-DD), not {expires!r}", file=display, line=line) from None
        out.append(
            Waiver(
                rule=str(entry["id"]),
                resource=str(entry.get("resource") or "*"),
                file=str(entry.get("file") or "*"),
                reason=str(entry["reason"]).strip(),
                expires=expires,
                origin=f"{display}:{line}" if line else display,
            )
        )
    return out


def _entry_lines(text: str) -> list[int]:
    """Line of each top-level `- ` item under `waivers:` (for error messages and origins)."""
    return [i + 1 for i, ln in enumerate(text.splitlines()) if re.match(r"^\s*-\s", ln)]


def load_baseline(path: Path, display: str) -> frozenset[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read baseline: {exc.strerror}", file=display) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"baseline is not JSON: {exc.msg}", file=display, line=exc.lineno) from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list):
        raise ConfigError("baseline must be an iac-guard JSON report (no `findings` list)", file=display, line=1)
    return frozenset(str(f["fingerprint"]) for f in findings if isinstance(f, dict) and f.get("fingerprint"))


def inline_waivers(root: Path, findings: Iterable[Finding], spans: dict[tuple[str, str], tuple[int, int]]) -> list[Waiver]:
    """Ignore comments inside (or just above) the resources that have findings.

    ``spans`` maps (file, resource address) to the resource's (line, end_line)."""
    out: list[Waiver] = []
    by_file: dict[str, list[tuple[str, int, int]]] = {}
    for f in findings:
        span = spans.get((f.file, f.resource))
        if span is not None:
            entry = (f.resource, *span)
            if entry not in by_file.setdefault(f.file, []):
                by_file[f.file].append(entry)
    for rel in sorted(by_file):
        try:
            lines = (root / rel).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for address, start, end in by_file[rel]:
            for number in range(max(start - 1, 1), min(end, len(lines)) + 1):
                for rule, reason in _ignores(lines[number - 1]):
                    out.append(Waiver(rule=rule, resource=address, file=rel, reason=reason, origin=f"{rel}:{number}", kind="inline"))
    return out


def _ignores(line: str) -> list[tuple[str, str]]:
    """The (rule glob, reason) pairs an ignore comment on ``line`` declares."""
    match = _INLINE.search(line)
    if not match:
        return []
    reason = match.group("reason").strip()
    return [(rule, reason) for rule in match.group("ids").split(",") if rule]


def trusted_inline(root: Path, waivers: Sequence[Waiver], ref: str) -> list[Waiver]:
    """Inline ignores as far as ``ref`` (--trusted-ref) vouches for them: an ignore applies
    only when the same ignore (rule glob and reason) is already in that file at ``ref``;
    moved lines keep their trust. A file cannot gain more copies of an ignore than it had:
    the copies on unchanged lines are trusted first, then the others in line order. Every
    other inline ignore is marked untrusted (reported, not applied)."""
    trusted_lines: dict[str, set[tuple[int, str, str]]] = {}
    for rel in sorted({w.file for w in waivers if w.kind == "inline"}):
        try:
            current = (root / rel).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            current = []
        before = (gitrev.read_at(ref, root / rel) or "").splitlines()
        trusted_lines[rel] = _trusted_ignores(before, current)
    out: list[Waiver] = []
    for waiver in waivers:
        if waiver.kind == "inline":
            line = _split(waiver.origin)[1] or 0
            if (line, waiver.rule, waiver.reason) not in trusted_lines.get(waiver.file, set()):
                waiver = replace(waiver, untrusted=f"inline ignore added after {ref} is not trusted; not applied")
        out.append(waiver)
    return out


def _trusted_ignores(before: Sequence[str], current: Sequence[str]) -> set[tuple[int, str, str]]:
    """(line, rule, reason) of the ignores in ``current`` that ``before`` already had."""
    allowed = Counter(pair for line in before for pair in _ignores(line))
    matcher = difflib.SequenceMatcher(None, list(before), list(current), autojunk=False)
    unchanged = {block.b + i + 1 for block in matcher.get_matching_blocks() for i in range(block.size)}
    candidates = sorted(
        ((number, *pair) for number, text in enumerate(current, start=1) for pair in _ignores(text)),
        key=lambda item: (item[0] not in unchanged, item[0]),
    )
    trusted: set[tuple[int, str, str]] = set()
    for number, rule, reason in candidates:
        if allowed[(rule, reason)] > 0:
            allowed[(rule, reason)] -= 1
            trusted.add((number, rule, reason))
    return trusted


def apply(
    findings: Sequence[Finding], suppressions: SuppressionSet, today: dt.date
) -> tuple[list[Finding], list[Suppression], list[Notice]]:
    """Split findings into kept and suppressed. Expired waivers and ignore comments without
    a reason do not apply; each is reported once as a notice."""
    kept: list[Finding] = []
    suppressed: list[Suppression] = []
    notices: dict[str, Notice] = {}
    for finding in findings:
        reason = _suppression(finding, suppressions, today, notices)
        if reason is None:
            kept.append(finding)
        else:
            suppressed.append(reason)
    return kept, suppressed, list(notices.values())


def _suppression(finding: Finding, s: SuppressionSet, today: dt.date, notices: dict[str, Notice]) -> Suppression | None:
    for waiver in s.waivers:
        if not waiver.matches(finding):
            continue
        if waiver.untrusted:
            notices.setdefault(waiver.origin, Notice("untrusted-ignore", waiver.untrusted, *_split(waiver.origin)))
            continue
        if waiver.expires is not None and waiver.expires < today:
            notices.setdefault(
                waiver.origin,
                Notice("waiver-expired", f"waiver for {waiver.rule} expired on {waiver.expires.isoformat()}", *_split(waiver.origin)),
            )
            continue
        if not waiver.reason:
            notices.setdefault(
                waiver.origin, Notice("ignore-without-reason", f"ignore comment for {waiver.rule} has no reason; not applied", *_split(waiver.origin))
            )
            continue
        return Suppression(finding=finding, kind=waiver.kind, justification=waiver.reason, origin=waiver.origin)
    if finding.fingerprint in s.baseline:
        return Suppression(finding=finding, kind="baseline", justification="present in the baseline", origin=s.baseline_origin)
    if finding.fingerprint in s.existing:
        return Suppression(finding=finding, kind="existing", justification=f"already present at {s.existing_ref}", origin=s.existing_ref)
    return None


def _split(origin: str) -> tuple[str | None, int | None]:
    file, _, line = origin.rpartition(":")
    if file and line.isdigit():
        return file, int(line)
    return origin or None, None


@dataclass(frozen=True)
class SuppressionSources:
    """Where one scan's suppressions come from."""

    root: Path  # the scan root (inline ignores are read from its files)
    spans: dict[tuple[str, str], tuple[int, int]]  # (file, address) -> (line, end_line)
    cwd: Path  # where the default waivers file is looked for
    waivers_path: str | None = None  # None: .iac-guard-waivers.yaml when present; "": none
    baseline_path: str | None = None
    trusted_ref: str | None = None  # inline ignores apply only when this revision had them
    existing: frozenset[str] = frozenset()  # fingerprints found at the --diff-base revision
    existing_ref: str = ""


def collect(sources: SuppressionSources, findings: Sequence[Finding]) -> SuppressionSet:
    """Gather every suppression source for one scan (reads files, and git with a trusted
    ref). With ``trusted_ref`` an inline ignore applies only when that revision already
    had it (see ``trusted_inline``)."""
    waivers: list[Waiver] = inline_waivers(sources.root, findings, sources.spans)
    if sources.trusted_ref:
        waivers = trusted_inline(sources.root, waivers, sources.trusted_ref)
    waivers_path, cwd = sources.waivers_path, sources.cwd
    if waivers_path:
        path = Path(waivers_path)
        if not path.is_file():
            raise ConfigError(f"waivers file not found: {waivers_path}")
        waivers += load_waivers_file(path, waivers_path)
    elif waivers_path is None and (cwd / WAIVERS_FILE).is_file():  # "" disables the default
        waivers += load_waivers_file(cwd / WAIVERS_FILE, WAIVERS_FILE)
    baseline: frozenset[str] = frozenset()
    if sources.baseline_path:
        path = Path(sources.baseline_path)
        if not path.is_file():
            raise ConfigError(f"baseline file not found: {sources.baseline_path}")
        baseline = load_baseline(path, sources.baseline_path)
    return SuppressionSet(tuple(waivers), baseline, sources.baseline_path or "", sources.existing, sources.existing_ref)


def resource_spans(resources: Iterable[Any]) -> dict[tuple[str, str], tuple[int, int]]:
    return {(r.file, r.address): (r.line, r.end_line) for r in resources}
