"""The scan's settings as a Dagster resource, so runs launched from the Dagster UI can set
them too. It carries ``ScanConfig.to_dict()``; the ops read ``scan_config()``."""

from __future__ import annotations

from typing import Any

import dagster as dg

from iac_guard.settings import ScanConfig


class ScanSettings(dg.ConfigurableResource):  # type: ignore[type-arg]
    """Settings of one scan (keys as in the config file: paths, policy_dirs, fail_on, ...)."""

    options: dict[str, Any] = {}  # noqa: RUF012 - pydantic copies field defaults

    def scan_config(self) -> ScanConfig:
        return ScanConfig.from_dict(self.options)

    @classmethod
    def from_config(cls, config: ScanConfig) -> ScanSettings:
        return cls(options=config.to_dict())
