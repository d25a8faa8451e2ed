"""What an auditor reads about a scan, as plain data: the repository and commit scanned,
the policy set's version (a content hash), the IaC inventory and the findings summary.
The Dagster layer turns these into run tags, op metadata and asset metadata; nothing here
knows Dagster, and nothing here carries a secret (remote URLs lose their credentials)."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from iac_guard import __version__
from iac_guard.models import Finding, KindInput, PolicySet, ScanResult, Severity


@dataclass(frozen=True)
class Revision:
    """The repository and commit a scan read: from GitHub Actions, else from git."""

    repository: str = ""  # owner/name, or the checkout's directory name
    ref: str = ""  # branch or tag ("" when detached or unknown)
    sha: str = ""
    pull_request: int | None = None


def policy_set_hash(policy_set: PolicySet) -> str:
    """A short content hash of every Rego module and data document of the policy set, so
    two runs judged by the same policies carry the same hash."""
    digest = hashlib.sha256()
    for path in sorted(policy_set.modules):
        digest.update(path.encode() + b"\0" + policy_set.modules[path].encode() + b"\0")
    digest.update(json.dumps(policy_set.data, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]


def inventory(inputs: Iterable[KindInput]) -> dict[str, dict[str, int]]:
    """Resources by type and by file, and files by IaC kind (sorted, for stable metadata)."""
    by_type: Counter[str] = Counter()
    by_file: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    for kind_input in inputs:
        by_kind[kind_input.kind] += len(kind_input.documents)
        for resource in kind_input.resources:
            by_type[resource.type] += 1
            by_file[resource.file] += 1
    return {
        "resources_by_type": dict(sorted(by_type.items())),
        "resources_by_file": dict(sorted(by_file.items())),
        "files_by_kind": dict(sorted(by_kind.items())),
    }


def findings_by_policy(findings: Iterable[Finding]) -> dict[str, int]:
    return dict(sorted(Counter(f.rule_id for f in findings).items()))


def findings_by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {s.value: 0 for s in Severity.ordered()}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts


def fingerprints(result: ScanResult) -> list[str]:
    """The failing findings' fingerprints (rule, file, resource, attribute), sorted: what a
    later scan is compared with to tell new findings from fixed ones."""
    return sorted({f.fingerprint for f in result.decision.failing})


def digest(value: object) -> str:
    """A content hash of JSON-ready data (an asset's data version)."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def without_credentials(url: str) -> str:
    """A remote URL without user and password (``https://x-access-token:T@host/r`` -> ``https://host/r``)."""
    parts = urlsplit(url)
    if parts.scheme and parts.netloc and "@" in parts.netloc:
        return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    return url


def repository_name(remote: str, directory: Path) -> str:
    """owner/name from a remote URL (https or scp-like), else the directory's name."""
    match = re.search(r"[/:]([^/:]+/[^/]+?)(?:\.git)?/?$", without_credentials(remote)) if remote else None
    return match.group(1) if match else directory.resolve().name


def git_revision(directory: Path) -> Revision:
    """Repository, branch and commit of the checkout holding ``directory`` (empty fields
    when it is not one, or git is missing)."""

    def git(*args: str) -> str:
        try:
            proc = subprocess.run(["git", *args], cwd=directory, capture_output=True, text=True, timeout=30, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return ""
        return proc.stdout.strip() if proc.returncode == 0 else ""

    sha = git("rev-parse", "HEAD")
    if not sha:
        return Revision(repository=directory.resolve().name)
    ref = git("symbolic-ref", "--quiet", "--short", "HEAD")
    return Revision(repository=repository_name(git("remote", "get-url", "origin"), directory), ref=ref, sha=sha)


def run_tags(revision: Revision, fail_on: Severity) -> dict[str, str]:
    """Tags every scan run carries from its start (the verdict and policy-set hash are
    added when known)."""
    tags = {
        "iac_guard/repository": revision.repository,
        "iac_guard/ref": revision.ref,
        "iac_guard/sha": revision.sha,
        "iac_guard/pr": str(revision.pull_request or ""),
        "iac_guard/fail_on": fail_on.value,
        "iac_guard/version": __version__,
    }
    return {key: value for key, value in tags.items() if value}


def partition_key(repository: str) -> str:
    """A repository name as a Dagster partition key (letters, digits, ``._/-``)."""
    return re.sub(r"[^A-Za-z0-9._/-]+", "-", repository).strip("-") or "repository"


def summary(result: ScanResult) -> Mapping[str, object]:
    return {
        "verdict": result.decision.verdict,
        "failing": len(result.decision.failing),
        "findings": len(result.findings),
        "suppressed": len(result.suppressed),
        "problems": len(result.problems),
        "by_severity": findings_by_severity(result.findings),
    }
