"""The scan's Dagster run config, generated from ScanConfig's fields and their Options
(iac_guard.settings): the launchpad shows every setting the command line has, with the
same help text and default, and a run's config in the run history is exactly the scan's
settings. Built once, at import, from the dataclass: no hand-kept second list."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import dagster as dg
from pydantic import Field, create_model

from iac_guard.settings import OPTIONS, ScanConfig, load_config_file, settings_at

# ScanConfig field type (as written in the dataclass) -> run-config type
_RUN_TYPES: dict[str, Any] = {
    "bool": bool,
    "int": int,
    "str": str,
    "str | None": Optional[str],  # noqa: UP045 - pydantic needs the runtime object
    "tuple[str, ...]": list[str],
    "Severity": str,
    "Mapping[str, Severity]": dict[str, str],
}


class OutputConfig(dg.Config):
    """One report: a format and the file it is written to (no path: standard output)."""

    format: str = Field(description="report format: text, json, sarif, junit, markdown, annotations")
    path: Optional[str] = Field(default=None, description="file to write (none: standard output)")  # noqa: UP045


def _default(field: dataclasses.Field[Any]) -> Any:
    value: Any = field.default_factory() if field.default_factory is not dataclasses.MISSING else field.default
    if field.name == "outputs":
        return [OutputConfig(format=o.format, path=o.path) for o in value]
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return {k: getattr(v, "value", v) for k, v in value.items()}
    return getattr(value, "value", value)


def _fields() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in dataclasses.fields(ScanConfig):
        help_text = OPTIONS[field.name].help
        run_type = list[OutputConfig] if field.name == "outputs" else _RUN_TYPES[str(field.type)]
        default = _default(field)
        if isinstance(default, (list, dict)):
            out[field.name] = (run_type, Field(default_factory=lambda d=default: type(d)(d), description=help_text))
        else:
            out[field.name] = (run_type, Field(default=default, description=help_text))
    return out


if TYPE_CHECKING:
    ScanRunConfig = dg.Config
else:
    ScanRunConfig = create_model(
        "ScanRunConfig",
        __base__=dg.Config,
        __doc__="Settings of one scan: the command line's options, with the same names.",
        **_fields(),
    )


def to_run_config(config: ScanConfig) -> dict[str, Any]:
    """ScanConfig -> the settings op's run config (JSON-ready; None fields left out)."""
    return config.to_dict()


def recorded_run_config(config: ScanConfig) -> dict[str, Any]:
    """The run config of a scan whose settings are complete (the command line's, already
    merged with its config file): what the run history records. ``--var`` values are left
    out (they reach the run through the ``cli_vars`` resource, never recorded) and no
    config file is read again."""
    return {**to_run_config(config), "vars": [], "config_file": ""}


def from_run_config(run_config: dg.Config, cli_vars: Sequence[str] = ()) -> ScanConfig:
    """The settings op's typed config -> ScanConfig (validated as a config file is), as the
    command line builds it: the config file named by ``config_file`` (``auto``: the one in
    ``cwd``; read at ``trusted_ref`` when set) under the run config's settings, a setting
    left at its default taking the file's value; then ``cli_vars`` after the run config's
    ``vars``."""
    data = {k: v for k, v in run_config.model_dump().items() if v is not None}
    config = ScanConfig.from_dict(data)
    if config.config_file:
        defaults = ScanConfig().to_dict()
        given = {k: v for k, v in data.items() if k != "config_file" and v != defaults.get(k)}
        cwd = Path(config.cwd)
        explicit = None if config.config_file == "auto" else str(cwd / config.config_file)
        if config.trusted_ref:
            settings = settings_at(config.trusted_ref, None if explicit is None else config.config_file, given, cwd)
        else:
            settings = {**load_config_file(explicit, cwd), **given}
        config = ScanConfig.from_dict(settings).merged(config_file=config.config_file)
    return config.merged(vars=(*config.vars, *cli_vars)) if cli_vars else config
