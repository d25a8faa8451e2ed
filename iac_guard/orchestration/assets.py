"""The organisation scan as assets, one dynamic partition per repository:

    source (the repository's tree at a commit) -> inventory (parsed IaC) -> findings
                                                                  + the `gate` asset check

The org file, work directory and reports directory come from the ``org`` resource; the
scan settings from the org file's ``settings`` (the config-file keys). Each asset calls the
same pipeline stages as the PR gate."""


from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dagster as dg
from pydantic import Field

from iac_guard import audit, orgscan, pipeline, report
from iac_guard.discover import Discovery
from iac_guard.models import KindInput
from iac_guard.orchestration import metadata as meta
from iac_guard.orchestration.resources import (
    HostResource,
    ParseCacheResource,
    PolicyEngineResource,
    services,
)
from iac_guard.parse.registry import PARSERS
from iac_guard.report.base import OutputSpec
from iac_guard.settings import ScanConfig, check_file_settings

repositories = dg.DynamicPartitionsDefinition(name=meta.REPOSITORIES)


class OrgResource(dg.ConfigurableResource):  # type: ignore[type-arg]
    """Where the organisation scan reads its repository list and writes its reports."""

    config_file: str = Field(default="iac-guard-org.yaml", description="the org file: repositories to scan and their settings")
    workdir: str = Field(default="", description="where git URLs are cloned (default: iac-guard-work next to the org file)")
    reports_dir: str = Field(default="", description="where each repository's JSON report is written (default: iac-guard-reports next to the org file)")

    def load(self) -> orgscan.OrgConfig:
        org = orgscan.load_org_config(Path(self.config_file))
        check_file_settings(org.settings, org.file, {})
        return org

    def work_directory(self) -> Path:
        return Path(self.workdir) if self.workdir else Path(self.config_file).resolve().parent / "iac-guard-work"

    def reports_directory(self) -> Path:
        return Path(self.reports_dir) if self.reports_dir else Path(self.config_file).resolve().parent / "iac-guard-reports"


@dataclass(frozen=True)
class SourceTree:
    repository: str
    root: str
    sha: str
    paths: tuple[str, ...]


@dataclass(frozen=True)
class Inventory:
    settings: ScanConfig
    discovery: Discovery
    inputs: tuple[KindInput, ...]
    sha: str


def _settings(org: orgscan.OrgConfig, tree: SourceTree, reports: Path) -> ScanConfig:
    report = reports / f"{audit.partition_key(tree.repository).replace('/', '__')}.json"
    config = ScanConfig.from_dict({**org.settings, "paths": [str(Path(tree.root) / p) for p in tree.paths], "cwd": tree.root})
    return config.merged(outputs=(OutputSpec("json", str(report)),), cache=config.cache)


@dg.asset(
    key=meta.SOURCE,
    partitions_def=repositories,
    description="The repository's tree at the commit scanned (a checkout, or a clone of its URL).",
    group_name="iac_guard",
)
def source(context: dg.AssetExecutionContext, org: OrgResource, host: HostResource) -> dg.Output[SourceTree]:
    repo = org.load().repository(context.partition_key)
    root, sha = orgscan.checkout(repo, org.work_directory(), host.environ())
    tree = SourceTree(repo.name, str(root), sha, repo.paths)
    return dg.Output(tree, metadata={"commit": sha, "root": str(root), "paths": list(repo.paths)}, data_version=dg.DataVersion(sha))


@dg.asset(
    key=meta.INVENTORY,
    partitions_def=repositories,
    ins={"tree": dg.AssetIn(key=meta.SOURCE)},
    description="The repository's Terraform and CloudFormation, parsed: resources by type and file.",
    group_name="iac_guard",
)
def inventory(tree: SourceTree, org: OrgResource, policy_engine: PolicyEngineResource, host: HostResource, parse_cache: ParseCacheResource) -> dg.Output[Inventory]:
    settings = _settings(org.load(), tree, org.reports_directory())
    found = pipeline.find_files(settings)
    stage = services(settings, policy_engine, host, parse_cache)
    inputs = tuple(pipeline.parse(kind, settings, found, stage) for kind in PARSERS)
    summary = audit.inventory(inputs)
    metadata: dict[str, Any] = {
        "commit": tree.sha,
        "files": len(found.files),
        "resources": sum(len(i.resources) for i in inputs),
        **{k: dg.MetadataValue.json(v) for k, v in summary.items()},
    }
    return dg.Output(Inventory(settings, found, inputs, tree.sha), metadata=metadata, data_version=dg.DataVersion(audit.digest(summary)))


@dg.asset(
    key=meta.FINDINGS,
    partitions_def=repositories,
    ins={"parsed": dg.AssetIn(key=meta.INVENTORY)},
    check_specs=[dg.AssetCheckSpec(meta.GATE_CHECK, asset=meta.FINDINGS, description="no finding at or above fail-on")],
    description="The policy findings of the repository: counts by severity and policy, the JSON report, new and fixed since the last scan.",
    group_name="iac_guard",
)
def findings(
    context: dg.AssetExecutionContext, parsed: Inventory, policy_engine: PolicyEngineResource, host: HostResource, parse_cache: ParseCacheResource
) -> Iterator[Any]:
    settings = parsed.settings
    stage = services(settings, policy_engine, host, parse_cache)
    policy_set = pipeline.policies(settings, stage)
    evaluation = pipeline.evaluate(settings, policy_set, list(parsed.inputs), stage, parsed.discovery)
    extra = pipeline.scanners(settings, parsed.discovery, stage)
    judged = pipeline.gate_input(settings, parsed.discovery, policy_set, list(parsed.inputs), evaluation, extra)
    result = pipeline.judge(judged, pipeline.suppressions(settings, judged))
    report.write_outputs(result, settings.report_settings())
    revision = audit.Revision(repository=context.partition_key, sha=parsed.sha)
    previous = meta.previous_fingerprints(context.instance, context.partition_key)
    events = meta.asset_events(judged, result, revision, audit.policy_set_hash(policy_set), previous)
    materialization, check = events[1], events[2]
    report_path = settings.outputs[0].path or ""
    yield dg.Output(
        None,
        metadata={**materialization.metadata, "report": dg.MetadataValue.path(report_path)},
        data_version=dg.DataVersion(audit.digest(audit.fingerprints(result))),
    )
    yield dg.AssetCheckResult(check_name=meta.GATE_CHECK, passed=check.passed, metadata=check.metadata, description=check.description)
