"""The engine registry (``ENGINES``): every engine name shown to a user comes from it."""

from __future__ import annotations

from collections.abc import Callable

from iac_guard.errors import UsageError
from iac_guard.models import PolicySet
from iac_guard.policy.embedded import EmbeddedEngine
from iac_guard.policy.engine import Engine, EngineOptions
from iac_guard.policy.opa_server import OpaServerEngine

ENGINES: dict[str, Callable[[PolicySet, EngineOptions | None], Engine]] = {
    "embedded": EmbeddedEngine,
    "opa": OpaServerEngine,  # a running `opa run --server` (--opa-url)
}


def create_engine(name: str, policy_set: PolicySet, options: EngineOptions | None = None) -> Engine:
    try:
        factory = ENGINES[name]
    except KeyError:
        raise UsageError(f"unknown engine {name!r} (choose from: {', '.join(ENGINES)})") from None
    return factory(policy_set, options)
