"""The audit trail of a scan run: which repository and commit (run tags set at launch by
``run_scan``, or found here for runs launched from the UI), the verdict and the
policy-set hash (tags added when known) and, on a persistent instance, the repository's
asset materializations and gate check."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from iac_guard import audit
from iac_guard.gate import GateInput
from iac_guard.github.context import GitHubContext
from iac_guard.models import PolicySet, ScanResult
from iac_guard.orchestration import metadata as meta
from iac_guard.orchestration.resources import GitHubResource
from iac_guard.settings import ScanConfig


def revision(context: GitHubContext, cwd: Path) -> audit.Revision:
    """The scanned revision: GitHub Actions' repository, branch, PR and head commit when
    running there (git is asked only for what the environment does not say), else the git
    checkout's."""
    if not (context.actions and context.repository):
        return audit.git_revision(cwd)
    pr = context.pull_request
    sha, ref = (pr.head_sha if pr else context.sha), context.ref
    if not (sha and ref):
        local = audit.git_revision(cwd)
        sha, ref = sha or local.sha, ref or local.ref
    return audit.Revision(repository=context.repository, ref=ref, sha=sha, pull_request=pr.number if pr else None)


def _from_tags(tags: dict[str, str]) -> audit.Revision | None:
    if "iac_guard/repository" not in tags:
        return None
    pr = tags.get("iac_guard/pr", "")
    return audit.Revision(
        repository=tags["iac_guard/repository"],
        ref=tags.get("iac_guard/ref", ""),
        sha=tags.get("iac_guard/sha", ""),
        pull_request=int(pr) if pr.isdigit() else None,
    )


def record(
    context: dg.OpExecutionContext,
    settings: ScanConfig,
    policy_set: PolicySet,
    judged: GateInput,
    result: ScanResult,
    github: GitHubResource,
) -> None:
    instance = context.instance
    tags = dict(context.run.tags)
    rev = _from_tags(tags) or revision(github.context(), Path(settings.cwd))
    policy_hash = audit.policy_set_hash(policy_set)
    new_tags = {"iac_guard/verdict": result.decision.verdict, "iac_guard/policy_set": policy_hash}
    if "iac_guard/repository" not in tags:
        new_tags.update(audit.run_tags(rev, settings.fail_on))
    instance.add_run_tags(context.run_id, new_tags)
    if instance.is_ephemeral:
        return  # nobody will read the asset history of a throwaway instance
    partition = audit.partition_key(rev.repository)
    if not instance.has_dynamic_partition(meta.REPOSITORIES, partition):
        instance.add_dynamic_partitions(meta.REPOSITORIES, [partition])
    previous = meta.previous_fingerprints(instance, partition)
    for event in meta.asset_events(judged, result, rev, policy_hash, previous):
        context.log_event(event)
