"""The organisation scan on dagster-celery, as a user's own definitions module would
declare it (``build_defs(executor=celery_executor)``; the broker comes from the run
config's ``execution`` block). Imported by the test and by the Celery worker it starts."""

import dagster as dg
from dagster_celery import celery_executor

from iac_guard.definitions import build_defs

defs = build_defs(executor=celery_executor)


def org_scan_job() -> dg.JobDefinition:
    return defs.resolve_job_def("org_scan_job")
