"""Dagster Definitions: ``dagster dev -m iac_guard.definitions`` shows the scan job, its
runs and lineage. No environment is read at import."""

from __future__ import annotations

import dagster as dg

from iac_guard.orchestration.jobs import scan_job
from iac_guard.orchestration.resources import RESOURCES

defs = dg.Definitions(jobs=[scan_job], resources=RESOURCES)
