"""Dagster Definitions: ``dagster dev`` in a checkout (``[tool.dagster] module_name``) or
``dagster dev -m iac_guard.definitions`` anywhere shows the PR scan job, the organisation
scan (assets partitioned by repository, with the gate asset check), its schedule and
sensors, and every recorded run. Loading reads no environment and touches no file: the
resources read theirs when a run starts.

Another schedule: ``defs = build_defs(cron="0 6 * * 1-5")`` in a module of your own."""

from __future__ import annotations

import dagster as dg

from iac_guard.orchestration import automation
from iac_guard.orchestration.assets import OrgResource, findings, inventory, source
from iac_guard.orchestration.jobs import scan_job
from iac_guard.orchestration.resources import RESOURCES

ORG_ASSETS = [source, inventory, findings]


def build_defs(cron: str = automation.NIGHTLY, executor: dg.ExecutorDefinition = dg.multiprocess_executor) -> dg.Definitions:
    """The definitions, with the org scan on ``cron`` and run by ``executor``
    (multiprocess by default; dagster-celery's ``celery_executor`` past one machine)."""
    org_scan_job = dg.define_asset_job(
        "org_scan_job",
        selection=dg.AssetSelection.assets(*ORG_ASSETS),
        executor_def=executor,
        description="Scan one repository of the org file (one partition per repository).",
    )
    return dg.Definitions(
        assets=ORG_ASSETS,
        jobs=[scan_job, org_scan_job],
        schedules=[automation.build_schedule(org_scan_job, cron)],
        sensors=[
            automation.build_checkout_sensor(org_scan_job),
            automation.scan_failure_alert,
            automation.new_critical_findings_alert,
        ],
        resources={**RESOURCES, "org": OrgResource()},
    )


defs = build_defs()
