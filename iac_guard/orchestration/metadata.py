"""Dagster metadata, tags and asset events from the stages' outputs (iac_guard.audit):
what the UI shows for each op, run and asset. Thin translations, no scanning logic."""

from __future__ import annotations

from typing import Any

import dagster as dg

from iac_guard import audit
from iac_guard.discover import Discovery
from iac_guard.gate import GateInput
from iac_guard.models import KindInput, PolicySet, ScanResult, Severity
from iac_guard.policy.evaluate import Evaluation

INVENTORY = dg.AssetKey(["iac_guard", "inventory"])
FINDINGS = dg.AssetKey(["iac_guard", "findings"])
SOURCE = dg.AssetKey(["iac_guard", "source"])
GATE_CHECK = "gate"
REPOSITORIES = "repositories"  # the dynamic partitions: one per repository


def discovery(found: Discovery) -> dict[str, Any]:
    by_kind: dict[str, int] = {}
    for f in found.files:
        by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
    return {"files": len(found.files), "files_by_kind": by_kind, "notices": len(found.notices), "problems": len(found.problems), "root": str(found.root)}


def parsed(kind_input: KindInput) -> dict[str, Any]:
    return {
        "files": len(kind_input.documents),
        "resources": len(kind_input.resources),
        "problems": len(kind_input.problems),
        "notices": len(kind_input.notices),
    }


def policies(policy_set: PolicySet) -> dict[str, Any]:
    return {"policies": len(policy_set.policies), "policy_set_hash": audit.policy_set_hash(policy_set)}


def evaluation(result: Evaluation) -> dict[str, Any]:
    return {
        "findings": len(result.findings),
        "by_severity": audit.findings_by_severity(result.findings),
        "by_policy": audit.findings_by_policy(result.findings),
        "problems": len(result.problems),
    }


def gate(result: ScanResult) -> dict[str, Any]:
    return {**audit.summary(result), "exit_code": result.decision.exit_code, "fail_on": result.decision.fail_on.value}


def _failing_table(result: ScanResult, limit: int = 50, only: set[str] | None = None) -> str:
    rows = ["| severity | rule | resource | location |", "| --- | --- | --- | --- |"]
    failing = [f for f in result.decision.failing if only is None or f.fingerprint in only]
    for f in failing[:limit]:
        cells = [f.severity.value, f.rule_id, f.resource or "-", f"{f.file}:{f.line}"]
        rows.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    if len(failing) > limit:
        rows.append(f"| ... | {len(failing) - limit} more | | |")
    return "\n".join(rows)


def asset_events(
    judged: GateInput, result: ScanResult, revision: audit.Revision, policy_hash: str, previous: list[str] | None
) -> list[Any]:
    """The inventory and findings materializations and the gate check's evaluation for the
    repository's partition. ``previous``: the fingerprints of the last findings
    materialization, to tell new findings from fixed ones."""
    partition = audit.partition_key(revision.repository)
    inv = audit.inventory(judged.inputs)
    current = audit.fingerprints(result)
    new = set(current) - set(previous or [])  # everything is new on a first scan
    fixed = sorted(set(previous or []) - set(current))
    commit = {"commit": revision.sha, "ref": revision.ref} if revision.sha else {}
    inventory_event = dg.AssetMaterialization(
        asset_key=INVENTORY,
        partition=partition,
        metadata={**commit, "resources": result.resources, "files": result.files_scanned, **{k: dg.MetadataValue.json(v) for k, v in inv.items()}},
        tags={"dagster/data_version": audit.digest(inv)},
    )
    findings_meta: dict[str, Any] = {
        **commit,
        "policy_set_hash": policy_hash,
        "verdict": result.decision.verdict,
        "failing": len(result.decision.failing),
        "by_severity": dg.MetadataValue.json(audit.findings_by_severity(result.findings)),
        "by_policy": dg.MetadataValue.json(audit.findings_by_policy(result.findings)),
        "failing_findings": dg.MetadataValue.md(_failing_table(result)),
        "fingerprints": dg.MetadataValue.json(current),
        "new_since_previous": len(new),
        "new_critical": sum(1 for f in result.decision.failing if f.fingerprint in new and f.severity is Severity.CRITICAL),
        "new_findings": dg.MetadataValue.md(_failing_table(result, only=new)),
        "fixed_since_previous": len(fixed),
        "fixed_fingerprints": dg.MetadataValue.json(fixed),
    }
    findings_event = dg.AssetMaterialization(
        asset_key=FINDINGS, partition=partition, metadata=findings_meta, tags={"dagster/data_version": audit.digest(current)}
    )
    check = dg.AssetCheckEvaluation(
        asset_key=FINDINGS,
        check_name=GATE_CHECK,
        passed=result.decision.exit_code == 0,
        partition=partition,
        metadata={"verdict": result.decision.verdict, "failing": len(result.decision.failing), "fail_on": result.decision.fail_on.value, **commit},
        description=f"no finding at or above {result.decision.fail_on.value}",
    )
    return [inventory_event, findings_event, check]


def previous_fingerprints(instance: dg.DagsterInstance, partition: str) -> list[str] | None:
    """The fingerprints recorded by the repository's last findings materialization."""
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=FINDINGS, asset_partitions=[partition]), limit=1
    ).records
    if not records:
        return None
    materialization = records[0].asset_materialization
    value = materialization.metadata.get("fingerprints") if materialization else None
    data = getattr(value, "data", None)
    return [str(x) for x in data] if isinstance(data, list) else None
