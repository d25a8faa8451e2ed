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
from iac_guard.errors import ConfigError, shown, shown_key
from iac_guard.models import Finding, Notice, Suppression, WaiverStatus

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
    owner: str = ""  # who answers for it (waivers file)

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


WAIVER_KEYS = ("id", "resource", "file", "reason", "expires", "owner")


def load_waivers_file(path: Path, display: str) -> list[Waiver]:
    """The waivers of a waivers file, every key checked (ConfigError at the file and line
    of the culprit): a top-level ``waivers:`` list of mappings with only the keys
    ``WAIVER_KEYS``; ``id`` and ``reason`` non-empty strings; ``resource``, ``file`` and
    ``owner`` strings; ``expires`` a date (``2027-01-31``)."""
    data, node = read_yaml(path, display, "waivers")
    top = key_lines(node, display)
    if not isinstance(data, dict):
        raise ConfigError("expected a top-level `waivers:` list", file=display, line=1)
    for key in data:
        if key != "waivers":
            raise ConfigError(f"unknown key {shown_key(key)} (a waivers file has one key, `waivers`)", file=display, line=top.get(key, 1))
    entries = data.get("waivers")
    if not isinstance(entries, list):
        raise ConfigError("expected a top-level `waivers:` list", file=display, line=top.get("waivers", 1))
    items = _sequence_items(node)
    out: list[Waiver] = []
    for index, entry in enumerate(entries):
        item = items[index] if index < len(items) else None
        line = item.start_mark.line + 1 if item is not None else None
        keys = key_lines(item, display, f"waiver {index + 1}: ")
        if not isinstance(entry, dict) or not entry.get("id"):
            raise ConfigError("each waiver needs an `id`", file=display, line=line)
        for key in entry:
            if key not in WAIVER_KEYS:
                raise ConfigError(f"unknown waiver key {shown_key(key)} (expected: {', '.join(WAIVER_KEYS)})", file=display, line=keys.get(key, line))
        for key in ("id", "resource", "file", "reason", "owner"):
            if key in entry and not isinstance(entry[key], str):
                raise ConfigError(f"waiver `{key}` must be a string, got {shown(entry[key])}", file=display, line=keys.get(key, line))
        if not entry.get("reason", "").strip():
            raise ConfigError(f"waiver for {entry['id']} needs a `reason`", file=display, line=line)
        expires = entry.get("expires")
        if expires is not None:
            expires = _date(expires)
            if expires is None:
                raise ConfigError(
                    f"`expires` must be a date (YYYY-MM-DD), not {shown(entry['expires'])}", file=display, line=keys.get("expires", line)
                )
        out.append(
            Waiver(
                rule=entry["id"],
                resource=entry.get("resource") or "*",
                file=entry.get("file") or "*",
                reason=entry["reason"].strip(),
                expires=expires,
                origin=f"{display}:{line}" if line else display,
                owner=(entry.get("owner") or "").strip(),
            )
        )
    return out


def read_yaml(path: Path, display: str, what: str) -> tuple[Any, Any]:
    """A YAML file's data (``safe_load``; {} when empty) and its node tree (for lines).
    Every failure is a ConfigError at the file (and line): unreadable, not UTF-8, a
    character YAML refuses, a syntax error, a tag ``safe_load`` does not build."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {what}: {exc.strerror}", file=display) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{what} is not UTF-8 text (byte 0x{raw[exc.start]:02x})", file=display, line=line) from None
    try:
        return yaml.safe_load(text) or {}, yaml.compose(text)
    except RecursionError:
        raise ConfigError(f"{what} nests too deeply to be read (lists or mappings inside each other)", file=display) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise ConfigError(f"invalid YAML: the character {char} is not allowed", file=display, line=line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"invalid YAML: {getattr(exc, 'problem', None) or exc}", file=display, line=mark.line + 1 if mark else None) from None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return None  # a timestamp: a waiver expires on a day
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def key_lines(node: Any, display: str, within: str = "") -> dict[Any, int]:
    """Line of each key of a YAML mapping node (see ``key_nodes``)."""
    return {key: line for key, line, _ in key_nodes(node, display, within)}


def key_nodes(node: Any, display: str, within: str = "") -> list[tuple[Any, int, Any]]:
    """(key, line, value node) of each entry of a YAML mapping node, the key as
    ``safe_load`` builds it (a key written ``2027-01-01`` is a date); [] for another node.
    A key given twice is a ConfigError at its second line (``within`` names the mapping)."""
    from yaml.constructor import SafeConstructor

    if not isinstance(node, yaml.MappingNode):
        return []
    constructor = SafeConstructor()
    seen: dict[Any, int] = {}
    out: list[tuple[Any, int, Any]] = []
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        try:
            key = constructor.construct_object(key_node, deep=True)
            if key in seen:
                raise ConfigError(f"{within}{key} is given twice (first on line {seen[key]})", file=display, line=line)
            seen[key] = line
        except (yaml.YAMLError, TypeError):  # an unhashable key: safe_load has refused it already
            continue
        out.append((key, line, value_node))
    return out


def _sequence_items(node: Any) -> list[Any]:
    """The item nodes of the top-level ``waivers:`` list."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for key_node, value_node in node.value:
        if key_node.value == "waivers" and isinstance(value_node, yaml.SequenceNode):
            return list(value_node.value)
    return []


def load_baseline(path: Path, display: str) -> frozenset[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read baseline: {exc.strerror}", file=display) from None
    except UnicodeDecodeError:
        raise ConfigError("baseline is not UTF-8 text (an iac-guard JSON report is)", file=display) from None
    except RecursionError:
        raise ConfigError("baseline nests too deeply to be read (an iac-guard JSON report does not)", file=display) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"baseline is not JSON: {exc.msg}", file=display, line=exc.lineno) from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list):
        raise ConfigError("baseline must be an iac-guard JSON report (no `findings` list)", file=display, line=1)
    for number, finding in enumerate(findings, start=1):
        if not isinstance(finding, dict) or not isinstance(finding.get("fingerprint"), str) or not finding["fingerprint"]:
            raise ConfigError(
                f"baseline finding {number} has no `fingerprint` string (regenerate the baseline with --format json)", file=display
            )
    return frozenset(str(f["fingerprint"]) for f in findings)


def inline_waivers(root: Path, findings: Iterable[Finding], spans: dict[tuple[str, str], tuple[int, int]]) -> list[Waiver]:
    """Ignore comments inside (or just above) every resource, whether it has findings or
    not (an ignore on a resource without a matching finding is reported as stale).

    ``spans`` maps (file, resource address) to the resource's (line, end_line); files of
    ``findings`` whose resources have spans are read too."""
    by_file: dict[str, list[tuple[str, int, int]]] = {}
    for (file, address), span in spans.items():
        by_file.setdefault(file, []).append((address, *span))
    for f in findings:
        found = spans.get((f.file, f.resource))
        if found is not None and (f.resource, *found) not in by_file.setdefault(f.file, []):
            by_file[f.file].append((f.resource, *found))
    out: list[Waiver] = []
    for rel in sorted(by_file):
        try:
            text = (root / rel).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if "iac-guard:ignore" not in text:
            continue
        lines = text.splitlines()
        for address, start, end in sorted(by_file[rel], key=lambda e: (e[1], e[2], e[0])):
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


@dataclass(frozen=True)
class Applied:
    """Findings split into kept and suppressed, the notices about suppressions (expired,
    stale, untrusted, without a reason) and the waivers file's waivers as found."""

    kept: tuple[Finding, ...]
    suppressed: tuple[Suppression, ...]
    notices: tuple[Notice, ...]
    waivers: tuple[WaiverStatus, ...]


def apply(
    findings: Sequence[Finding], suppressions: SuppressionSet, today: dt.date
) -> tuple[list[Finding], list[Suppression], list[Notice]]:
    """Split findings into kept and suppressed (see ``review``)."""
    applied = review(findings, suppressions, today)
    return list(applied.kept), list(applied.suppressed), list(applied.notices)


def review(findings: Sequence[Finding], suppressions: SuppressionSet, today: dt.date) -> Applied:
    """Split findings into kept and suppressed. Expired waivers and ignore comments without
    a reason do not apply; each is reported once as a notice. A waiver or ignore comment
    that matches no finding of this scan is reported as ``stale-waiver`` at its line."""
    kept: list[Finding] = []
    suppressed: list[Suppression] = []
    notices: dict[str, Notice] = {}
    for finding in findings:
        reason = _suppression(finding, suppressions, today, notices)
        if reason is None:
            kept.append(finding)
        else:
            suppressed.append(reason)
    matched = [sum(1 for f in findings if w.matches(f)) for w in suppressions.waivers]
    stale: dict[tuple[str, str], bool] = {}  # (origin, rule) -> matched nothing (an ignore comment spans resources)
    for waiver, count in zip(suppressions.waivers, matched, strict=True):
        key = (waiver.origin, waiver.rule)
        stale[key] = stale.get(key, True) and count == 0
    statuses: list[WaiverStatus] = []
    for waiver, count in zip(suppressions.waivers, matched, strict=True):
        key = (waiver.origin, waiver.rule)
        if stale.pop(key, False):
            notices.setdefault(f"stale:{waiver.origin}:{waiver.rule}", Notice("stale-waiver", _stale_message(waiver, today), *_split(waiver.origin)))
        if waiver.kind == "waiver":
            statuses.append(_status(waiver, count, today))
    return Applied(tuple(kept), tuple(suppressed), tuple(notices.values()), tuple(statuses))


def _stale_message(waiver: Waiver, today: dt.date) -> str:
    if waiver.kind == "inline":
        return f"ignore comment for {waiver.rule} on {waiver.resource} matches no finding; remove it"
    scope = "".join(f", {name} {value}" for name, value in (("resource", waiver.resource), ("file", waiver.file)) if value != "*")
    expired = f" (and it expired on {waiver.expires.isoformat()})" if waiver.expires is not None and waiver.expires < today else ""
    return f"waiver for {waiver.rule}{scope} matches no finding{expired}; remove it"


def _status(waiver: Waiver, matched: int, today: dt.date) -> WaiverStatus:
    days = (waiver.expires - today).days if waiver.expires is not None else None
    state = "expired" if days is not None and days < 0 else "stale" if matched == 0 else "active"
    return WaiverStatus(
        rule=waiver.rule,
        resource=waiver.resource,
        file=waiver.file,
        reason=waiver.reason,
        owner=waiver.owner,
        expires=waiver.expires.isoformat() if waiver.expires is not None else None,
        days_left=days,
        origin=waiver.origin,
        matched=matched,
        state=state,
    )


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
