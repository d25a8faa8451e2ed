"""Dagster resources: everything a scan uses that has a side effect or comes from the
process (the GitHub Actions context and publishing, the policy engine, the environment
Terraform variables and the scanners read). Each is a ``ConfigurableResource`` read when
a run starts, never at import, and swapped for a double in tests. None puts a secret
into run config: the GitHub token and TF_VAR_* values are read from the environment
inside the run and never recorded."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import dagster as dg

from iac_guard.github.context import GitHubContext
from iac_guard.github.publish import DEFAULT_PUBLISHER, Publisher
from iac_guard.models import PolicySet
from iac_guard.parse.cache import ParseCache
from iac_guard.pipeline import Services, default_engine, host_services
from iac_guard.policy.engine import Engine
from iac_guard.resultcache import ResultCache
from iac_guard.settings import ScanConfig


class GitHubResource(dg.ConfigurableResource):  # type: ignore[type-arg]
    """The GitHub Actions context (GITHUB_* variables, the event, the token) and the
    client that publishes the PR comment and line comments."""

    def context(self) -> GitHubContext:
        return GitHubContext.from_environ(os.environ)

    def publisher(self) -> Publisher:
        return DEFAULT_PUBLISHER


class PolicyEngineResource(dg.ConfigurableResource):  # type: ignore[type-arg]
    """Makes the policy engine the scan settings name (embedded Regorus, or an OPA server)."""

    def create(self, config: ScanConfig, policy_set: PolicySet) -> Engine:
        return default_engine(config, policy_set)


class HostResource(dg.ConfigurableResource):  # type: ignore[type-arg]
    """What the scan reads from the process environment: TF_VAR_*, TF_WORKSPACE and the
    Terraform CLI config for Terraform, the cache and module-download limits,
    IAC_GUARD_CHECKOV, and the environment checkov runs with (GitHub tokens removed)."""

    def environ(self) -> dict[str, str]:
        return dict(os.environ)


class ParseCacheResource(dg.ConfigurableResource):  # type: ignore[type-arg]
    """The parse cache and the results cache: $IAC_GUARD_CACHE_DIR, else
    ~/.cache/iac-guard (bounded by $IAC_GUARD_CACHE_MAX_BYTES), read when a run starts."""

    def cache(self) -> ParseCache:
        return ParseCache.from_environ(os.environ)

    def results(self) -> ResultCache:
        return ResultCache.from_environ(os.environ)


@dataclass(frozen=True)
class CommandLineVars:
    """The command line's ``--var NAME=VALUE`` values. Terraform variables are often
    secrets, so they reach the run as this resource's value, kept in memory: never in the
    run config, the job snapshot or the event log the run history records."""

    values: tuple[str, ...] = ()


def cli_vars(values: Sequence[str] = ()) -> dg.ResourceDefinition:
    """The ``cli_vars`` resource carrying ``values`` (none: a run launched from the UI)."""
    return dg.ResourceDefinition.hardcoded_resource(CommandLineVars(tuple(values)), "the command line's --var values (never recorded)")


def services(config: ScanConfig, engine: PolicyEngineResource, host: HostResource, cache: ParseCacheResource) -> Services:
    """The pipeline's Services from the resources."""
    return host_services(config, host.environ(), engine=engine.create, parse_cache=cache.cache, result_cache=cache.results)


RESOURCES: dict[str, dg.ConfigurableResource | dg.ResourceDefinition] = {  # type: ignore[type-arg]
    "github": GitHubResource(),
    "policy_engine": PolicyEngineResource(),
    "host": HostResource(),
    "parse_cache": ParseCacheResource(),
    "cli_vars": cli_vars(),
}
