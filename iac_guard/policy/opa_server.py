"""The ``opa`` engine: evaluate on a running OPA server (``opa run --server``) over its REST
API, through opa-python-client.

- Policies are uploaded with ``PUT /v1/policies/iac-guard/<file>``; policies an earlier
  run uploaded under that prefix and that are gone now are deleted first. Modules that
  import another one not yet uploaded are retried until every module is in (or none
  moves: the first error is reported with its file and line). OPA 1.x parses Rego v1;
  for Rego v0 policies start it with ``--v0-compatible`` (the built-in library, written
  with ``import rego.v1``, loads there too). Modules are uploaded as they are: the
  client's heuristic v0-to-v1 rewriting is off.
- Policy data is written with ``PUT /v1/data/<key>``, one top-level key at a time.
- Each package is evaluated with ``POST /v1/data/<package path>`` and ``{"input": ...}``;
  the response's ``result`` is the package document (no ``result``: undefined).
- A server that cannot be reached is an EngineError; an error response (4xx with OPA's
  error JSON, whose location gives file and line; 5xx) is a PolicyError. Both exit 2.

Use a server of your own per scan (a CI service container): the uploaded policies
replace those of an earlier run under the same prefix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from iac_guard.errors import EngineError, PolicyError, UsageError
from iac_guard.models import PolicySet
from iac_guard.policy.engine import Engine, EngineOptions, PackageResults
from iac_guard.policy.regorus import is_v0_module

PREFIX = "iac-guard/"
_MESSAGE_LOCATION = re.compile(r"(?P<file>[^\s:]+):(?P<line>\d+): ")


class OpaServerEngine(Engine):
    """A running OPA server, reached through opa-python-client."""

    name = "opa"

    def __init__(self, policy_set: PolicySet, options: EngineOptions | None = None) -> None:
        from opa_client.opa import OpaClient

        self.options = options or EngineOptions()
        parts = urlsplit(self.options.opa_url)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
            raise UsageError(f"--opa-url must be http(s)://HOST[:PORT], not {self.options.opa_url!r}")
        self.url = f"{parts.scheme}://{parts.netloc}"
        self._client = OpaClient(
            host=parts.hostname,
            port=parts.port or (443 if parts.scheme == "https" else 8181),
            ssl=parts.scheme == "https",
            timeout=self.options.timeout,
            retries=0,
        )
        self._upload(policy_set)

    # ---- upload ----------------------------------------------------------------------

    def _upload(self, policy_set: PolicySet) -> None:
        wanted = {PREFIX + path: source for path, source in policy_set.modules.items()}
        for stale in sorted(set(self._call(self._client.get_policies_list)) - set(wanted)):
            if stale.startswith(PREFIX):
                self._call(self._client.delete_policy, stale)
        for key, value in sorted(policy_set.data.items()):
            self._put_data(key, value)
        pending = dict(wanted)
        while pending:
            failed: dict[str, PolicyError] = {}
            for policy_id, source in pending.items():
                try:
                    self._call(self._client.update_policy_from_string, source, policy_id, False)
                except PolicyError as exc:
                    failed[policy_id] = exc
            if len(failed) == len(pending):  # no progress: a real error, not an upload order
                policy_id, error = next(iter(failed.items()))
                if is_v0_module(wanted[policy_id]):
                    error.message += (
                        f"; {policy_id.removeprefix(PREFIX)} is Rego v0, which OPA 1.x loads only when"
                        " started with `opa run --server --v0-compatible`"
                    )
                raise error
            pending = {policy_id: wanted[policy_id] for policy_id in failed}

    def _put_data(self, key: str, value: Any) -> None:
        import requests

        try:
            response = requests.put(f"{self._client.root_url}/data/{key}", json=value, timeout=self.options.timeout)
        except requests.RequestException as exc:
            raise self._unreachable(exc) from None
        if response.status_code not in (200, 204):
            raise _error_response(response.status_code, _json(response), f"writing data.{key}")

    # ---- evaluation ------------------------------------------------------------------

    def evaluate(self, packages: Sequence[str], input_doc: Mapping[str, Any]) -> PackageResults:
        results: PackageResults = {}
        for package in packages:
            body = self._call(self._client.query_rule, input_doc, package)
            value = body.get("result") if isinstance(body, dict) else None
            results[package] = value if isinstance(value, dict) else {}
        return results

    # ---- errors ----------------------------------------------------------------------

    def _call(self, method: Any, *args: Any) -> Any:
        """Call the client; turn whatever it raises into EngineError or PolicyError."""
        import requests
        from opa_client.errors import ConnectionsError, RegoParseError

        try:
            return method(*args)
        except RegoParseError as exc:
            raise _error_response(400, {"code": exc.expression, "message": exc.message, "errors": exc.errors}, "uploading a policy") from None
        except requests.HTTPError as exc:
            status = exc.response.status_code if exc.response is not None else 0
            raise _error_response(status, _json(exc.response), "evaluating") from None
        except (requests.ConnectionError, requests.Timeout, ConnectionsError) as exc:
            raise self._unreachable(exc) from None
        except (requests.RequestException, ValueError) as exc:  # a body that is not OPA's JSON
            raise PolicyError(f"unexpected response from the OPA server at {self.url}: {exc}") from None
        except Exception as exc:  # the client raises one class per endpoint (DeletePolicyError, ...)
            message = getattr(exc, "message", None) or str(exc)
            raise PolicyError(f"OPA server at {self.url}: {message}") from None

    def _unreachable(self, exc: Exception) -> EngineError:
        reason = "timed out" if "timeout" in type(exc).__name__.lower() else "connection refused or host unreachable"
        return EngineError(f"cannot reach the OPA server at {self.url} ({reason}); start one with `opa run --server` or set --opa-url")


def _json(response: Any) -> dict[str, Any]:
    try:
        body = response.json() if response is not None else {}
    except ValueError:
        body = {"message": (response.text or "").strip()[:200]}
    return body if isinstance(body, dict) else {"message": str(body)}


def _error_response(status: int, body: Mapping[str, Any], doing: str) -> PolicyError:
    """OPA's error JSON (``{code, message, errors: [{code, message, location}]}``) as a
    PolicyError at the first error's file and line (the policy id, prefix removed)."""
    errors = [e for e in body.get("errors") or () if isinstance(e, dict)]
    first = errors[0] if errors else {}
    where = first.get("location")
    location: dict[str, Any] = where if isinstance(where, dict) else {}
    message = str(first.get("message") or body.get("message") or f"HTTP {status}")
    code = str(first.get("code") or "")  # OPA's top-level code (internal_error, ...) says less
    file: str | None = str(location["file"]) if location.get("file") else None
    line: int | None = int(location["row"]) if location.get("row") else None
    if file is None:
        match = _MESSAGE_LOCATION.search(message)
        if match:
            file, line = match.group("file"), int(match.group("line"))
            message = message[match.end() :]
    if file is not None:
        file = file.removeprefix(PREFIX)
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    label = f"{code}: " if code and code not in message else ""
    return PolicyError(f"OPA server {doing} (HTTP {status}): {label}{message}{more}", file=file, line=line)

