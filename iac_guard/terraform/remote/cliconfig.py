"""The part of Terraform's CLI configuration that module downloads honour: ``host``
blocks, which override a registry host's service discovery::

    host "registry.example.com" {
      services = {
        "modules.v1" = "https://mirror.internal/v1/modules/"
      }
    }

The file is ``$TF_CLI_CONFIG_FILE``, else ``~/.terraformrc`` (read from the environment
mapping the caller passes). HCL and JSON (``.json`` suffix) syntaxes are accepted. A file
that cannot be read or parsed gives no overrides and a message.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class CliConfig:
    #: host (lower-case) -> service id -> URL
    hosts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    path: str = ""
    error: str = ""


def config_path(env: Mapping[str, str]) -> Path | None:
    explicit = env.get("TF_CLI_CONFIG_FILE")
    if explicit:
        return Path(explicit)
    home = env.get("HOME")
    return Path(home) / ".terraformrc" if home else None


def _unquote(value: Any) -> Any:
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return json.loads(value)
        except ValueError:
            return value[1:-1]
    return value


def load_cli_config(env: Mapping[str, str]) -> CliConfig:
    path = config_path(env)
    if path is None or not path.is_file():
        return CliConfig()
    try:
        text = path.read_text(encoding="utf-8")
        if path.name.lower().endswith(".json"):
            data = json.loads(text)
        else:
            import hcl2

            data = hcl2.loads(text)
    except Exception as exc:
        return CliConfig(path=str(path), error=f"cannot read Terraform CLI configuration {path}: {exc}")
    hosts: dict[str, dict[str, str]] = {}
    blocks = data.get("host", []) if isinstance(data, dict) else []
    if isinstance(blocks, dict):
        blocks = [blocks]
    for block in blocks if isinstance(blocks, list) else []:
        if not isinstance(block, dict):
            continue
        for raw_host, body in block.items():
            host = str(_unquote(raw_host)).lower()
            if isinstance(body, list):  # JSON syntax may wrap the body in a list
                body = body[0] if body and isinstance(body[0], dict) else {}
            services = body.get("services", {}) if isinstance(body, dict) else {}
            if isinstance(services, list):
                services = services[0] if services and isinstance(services[0], dict) else {}
            if isinstance(services, dict):
                hosts[host] = {
                    str(_unquote(k)): str(_unquote(v)) for k, v in services.items() if isinstance(_unquote(v), str)
                }
    return CliConfig(hosts, str(path))
