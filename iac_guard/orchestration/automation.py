"""When organisation scans run, and who hears about them: a nightly schedule over every
repository, a sensor that scans a repository when its HEAD moves, and two alert sensors
posting to a chat webhook (``IAC_GUARD_WEBHOOK_URL``, read when the sensor runs): a run
that failed, and findings materializations that bring new critical findings."""


import json
import os
from collections.abc import Iterator
from typing import Any

import dagster as dg

from iac_guard import notify, orgscan
from iac_guard.errors import IacGuardError
from iac_guard.orchestration import metadata as meta
from iac_guard.orchestration.assets import OrgResource
from iac_guard.orchestration.resources import HostResource

NIGHTLY = "0 3 * * *"


def build_schedule(job: Any, cron: str = NIGHTLY) -> dg.ScheduleDefinition:
    """A scan of every repository of the org file, on ``cron`` (stopped until turned on)."""

    @dg.schedule(
        name="org_scan_schedule",
        cron_schedule=cron,
        job=job,
        default_status=dg.DefaultScheduleStatus.STOPPED,
        description=f"Scan every repository of the org file ({cron}).",
    )
    def org_scan_schedule(context: dg.ScheduleEvaluationContext, org: OrgResource) -> Iterator[dg.RunRequest]:
        names = [r.name for r in org.load().repositories]
        known = set(context.instance.get_dynamic_partitions(meta.REPOSITORIES))
        missing = [n for n in names if n not in known]
        if missing:
            context.instance.add_dynamic_partitions(meta.REPOSITORIES, missing)
        stamp = context.scheduled_execution_time.isoformat()
        for name in names:
            yield dg.RunRequest(run_key=f"{name}@{stamp}", partition_key=name, tags={"iac_guard/trigger": "schedule"})

    return org_scan_schedule


def build_checkout_sensor(job: Any) -> dg.SensorDefinition:
    @dg.sensor(
        name="checkout_sensor",
        job=job,
        minimum_interval_seconds=60,
        default_status=dg.DefaultSensorStatus.STOPPED,
        description="Scan a repository of the org file when its HEAD (checkout or remote ref) moves.",
    )
    def checkout_sensor(context: dg.SensorEvaluationContext, org: OrgResource, host: HostResource) -> dg.SensorResult:
        seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
        config = org.load()
        environ = host.environ()
        known = set(context.instance.get_dynamic_partitions(meta.REPOSITORIES))
        requests: list[dg.RunRequest] = []
        for repo in config.repositories:
            try:
                sha = orgscan.head(repo, environ)
            except IacGuardError as exc:
                context.log.warning(f"{repo.name}: {exc}")
                continue
            if seen.get(repo.name) != sha:
                seen[repo.name] = sha
                requests.append(
                    dg.RunRequest(run_key=f"{repo.name}@{sha}", partition_key=repo.name, tags={"iac_guard/sha": sha, "iac_guard/trigger": "head-moved"})
                )
        new = [r.name for r in config.repositories if r.name not in known]
        if new:  # before the run requests that name them
            context.instance.add_dynamic_partitions(meta.REPOSITORIES, new)
        return dg.SensorResult(run_requests=requests, cursor=json.dumps(seen, sort_keys=True))

    return checkout_sensor


def _deliver(context: Any, text: str) -> None:
    url = os.environ.get(notify.WEBHOOK_ENV, "")
    if not url:
        context.log.info(f"{notify.WEBHOOK_ENV} is not set: no alert sent")
        return
    delivery = notify.post(url, text)
    if not delivery.ok:
        context.log.warning(f"alert not delivered after {delivery.attempts} attempt(s): {delivery.error}")


def _failure_reason(context: dg.RunFailureSensorContext) -> str:
    """The first failed step and the error that failed it (not Dagster's wrapper), else
    the run failure's own message."""
    for record in context.instance.all_logs(context.dagster_run.run_id, of_type=dg.DagsterEventType.STEP_FAILURE):
        data = record.dagster_event.step_failure_data if record.dagster_event else None
        error = data.error if data else None
        while error is not None and error.cause is not None:
            error = error.cause
        if error is not None:
            message = error.message.strip()
            head, sep, rest = message.partition(": ")
            if sep and head.rsplit(".", 1)[-1] == error.cls_name:
                message = rest  # "iac_guard.errors.PolicyError: ..." -> "..."
            return f"{record.step_key}: {message}"
    return context.failure_event.message or "the run failed"


@dg.run_failure_sensor(
    name="scan_failure_alert",
    monitor_all_code_locations=False,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description=f"Post to the chat webhook in ${notify.WEBHOOK_ENV} when a scan run fails (a crash, not a blocked gate).",
)
def scan_failure_alert(context: dg.RunFailureSensorContext) -> None:
    run = context.dagster_run
    repository = run.tags.get("iac_guard/repository") or run.tags.get("dagster/partition", "")
    message = _failure_reason(context)
    text = f":x: iac-guard run {run.run_id[:8]} of {run.job_name}" + (f" for {notify.plain(repository, 100)}" if repository else "") + f" failed: {notify.plain(message, 300)}"
    _deliver(context, text)


@dg.sensor(
    name="new_critical_findings_alert",
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description=f"Post to the chat webhook in ${notify.WEBHOOK_ENV} when a repository's findings gain critical findings.",
)
def new_critical_findings_alert(context: dg.SensorEvaluationContext) -> dg.SkipReason | None:
    after = int(context.cursor) if context.cursor and context.cursor.isdigit() else None
    result = context.instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=meta.FINDINGS, after_storage_id=after), limit=100, ascending=True
    )
    if not result.records:
        return dg.SkipReason("no new findings materialization")
    for record in result.records:
        materialization = record.asset_materialization
        if materialization is None:
            continue
        value = materialization.metadata.get("new_critical")
        count = getattr(value, "value", 0)
        if isinstance(count, int) and count > 0:
            commit = getattr(materialization.metadata.get("commit"), "text", "")
            where = notify.plain(record.partition_key or "", 100)
            text = f":rotating_light: iac-guard: {count} new critical finding{'s' if count != 1 else ''} in {where}" + (f" at {commit[:12]}" if commit else "")
            _deliver(context, text)
    context.update_cursor(str(result.records[-1].storage_id))
    return None
