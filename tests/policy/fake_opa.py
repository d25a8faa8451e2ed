"""A local stand-in for ``opa run --server``, for tests on machines without OPA.

It behaves as OPA's REST API reference (https://www.openpolicyagent.org/docs/rest-api/)
documents, for the endpoints iac-guard uses, and evaluates with Regorus so its results
can be compared with the embedded engine's:

- ``GET /v1/policies``: 200 ``{"result": [{"id", "raw"}]}``.
- ``PUT /v1/policies/<id>`` (text/plain): the server parses the module (Rego v1, as OPA
  1.x); 200 ``{}``, or 400 with OPA's error body ``{"code": "invalid_parameter",
  "message": "error(s) occurred while compiling module(s)", "errors": [{"code":
  "rego_parse_error", "message", "location": {"file": <id>, "row", "col"}}]}`` and nothing
  installed. OPA also compiles the module with every other one there; the fake compiles
  the whole set at the next query instead (once, not once per upload: uploading the
  library one module at a time cost minutes), and a compile error then answers the query
  with the same 400 body (``rego_compile_error``).
- ``DELETE /v1/policies/<id>``: 200 ``{}``; 404 ``{"code": "resource_not_found", ...}``.
- ``PUT /v1/data/<path>`` (JSON): 204 no content, creating parent objects (``mkdir -p``);
  400 ``invalid_parameter`` for a body that is not JSON.
- ``POST /v1/data/<path>`` with ``{"input": ...}``: 200 ``{"result": <document>}``, or
  200 ``{}`` when the document is undefined; 400 for a body that is not JSON; an
  evaluation error is 500 ``{"code": "internal_error", "message": "<file>:<row>:
  eval_builtin_error: ..."}`` as OPA reports topdown errors.
- Any other path: 404 ``resource_not_found``; another method on a known path: 405.

Like ``opa run --server``, modules are parsed as Rego v1 unless the server is started
with ``v0_compatible=True`` (OPA's ``--v0-compatible``). Requests are served one at a time
on the server's own thread, which also owns every Regorus engine (they cannot cross
threads). ``fail_next(status, body)`` makes the next request answer with that status and
raw body (to test 5xx and non-JSON answers from proxies); ``requests`` records every
request as ``(method, path)``.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import regorus

_LOCATION = re.compile(r"-->\s*(?P<file>[^\n]+?):(?P<row>\d+):(?P<col>\d+)")


def _clean(message: str) -> tuple[str, dict[str, Any] | None]:
    """Regorus's error text as OPA's message and location."""
    text = message.split("Stack backtrace:")[0].strip()
    match = _LOCATION.search(text)
    summary = next((ln.removeprefix("error:").strip() for ln in text.splitlines() if ln.startswith("error:")), text)
    if not match:
        return summary, None
    return summary, {"file": match.group("file"), "row": int(match.group("row")), "col": int(match.group("col"))}


class FakeOpa:
    """Start with ``FakeOpa().start()``; ``url`` is its address; ``stop()`` ends it."""

    def __init__(self, *, v0_compatible: bool = False) -> None:
        self.v0_compatible = v0_compatible
        self.policies: dict[str, str] = {}
        self.data: dict[str, Any] = {}
        self.requests: list[tuple[str, str]] = []
        self._engine: Any = None  # created, used and dropped on the server thread only
        self._compiled = False  # whether ``_engine`` holds every module compiled together
        self._failure: tuple[int, bytes] | None = None
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                fake._handle(self, "GET")

            def do_PUT(self) -> None:
                fake._handle(self, "PUT")

            def do_POST(self) -> None:
                fake._handle(self, "POST")

            def do_DELETE(self) -> None:
                fake._handle(self, "DELETE")

            def do_PATCH(self) -> None:
                fake._handle(self, "PATCH")

        self._server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        try:
            self._server.serve_forever()
        finally:
            self._engine = None

    def start(self) -> FakeOpa:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join()
        self._server.server_close()

    def fail_next(self, status: int, body: bytes) -> None:
        self._failure = (status, body)

    # ---- HTTP ------------------------------------------------------------------------

    def _handle(self, request: BaseHTTPRequestHandler, method: str) -> None:
        path = request.path.split("?", 1)[0]
        self.requests.append((method, path))
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        if self._failure is not None:
            status, raw = self._failure
            self._failure = None
            self._send(request, status, raw=raw)
            return
        status, payload = self._route(method, path, body)
        self._send(request, status, payload)

    def _send(self, request: BaseHTTPRequestHandler, status: int, payload: Any = None, raw: bytes | None = None) -> None:
        data = raw if raw is not None else (b"" if status == 204 else json.dumps(payload).encode())
        request.send_response(status)
        if raw is None and status != 204:
            request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)

    def _route(self, method: str, path: str, body: bytes) -> tuple[int, Any]:
        if path.rstrip("/") == "/v1/policies":
            if method != "GET":
                return 405, {"code": "method_not_allowed", "message": "method not allowed"}
            return 200, {"result": [{"id": i, "raw": s} for i, s in sorted(self.policies.items())]}
        if path.startswith("/v1/policies/"):
            policy_id = path.removeprefix("/v1/policies/")
            if method == "PUT":
                return self._put_policy(policy_id, body.decode("utf-8"))
            if method == "DELETE":
                return self._delete_policy(policy_id)
            return 405, {"code": "method_not_allowed", "message": "method not allowed"}
        if path.startswith("/v1/data/"):
            keys = [k for k in path.removeprefix("/v1/data/").split("/") if k]
            try:
                document = json.loads(body) if body else None
            except ValueError as exc:
                return 400, {"code": "invalid_parameter", "message": f"body contains malformed JSON: {exc}"}
            if method == "PUT" and keys:
                return self._put_data(keys, document)
            if method == "POST":
                return self._query(keys, (document or {}).get("input") if isinstance(document, dict) else None)
            return 405, {"code": "method_not_allowed", "message": "method not allowed"}
        return 404, {"code": "resource_not_found", "message": f"{path} not found"}

    # ---- OPA behaviour ---------------------------------------------------------------

    def _put_policy(self, policy_id: str, source: str) -> tuple[int, Any]:
        candidate = {**self.policies, policy_id: source}
        try:
            if policy_id in self.policies or self._engine is None:
                engine = self._load(candidate)
            else:  # the modules already loaded are not parsed again
                engine = self._engine.clone()
                self._add(engine, policy_id, source)
        except _CompileError as exc:
            return _invalid(exc)
        self.policies, self._engine, self._compiled = candidate, engine, False
        return 200, {}

    def _delete_policy(self, policy_id: str) -> tuple[int, Any]:
        if policy_id not in self.policies:
            return 404, {"code": "resource_not_found", "message": f'storage_not_found_error: policy id "{policy_id}"'}
        remaining = {k: v for k, v in self.policies.items() if k != policy_id}
        self.policies, self._engine, self._compiled = remaining, self._load(remaining), False
        return 200, {}

    def _put_data(self, keys: list[str], value: Any) -> tuple[int, Any]:
        target = self.data
        for key in keys[:-1]:
            target = target.setdefault(key, {})
        target[keys[-1]] = value
        self._engine, self._compiled = self._load(self.policies), False
        return 204, None

    def _query(self, keys: list[str], input_doc: Any) -> tuple[int, Any]:
        query = "data" + "".join(f"[{json.dumps(k)}]" for k in keys)
        if self._engine is None:
            self._engine = self._load(self.policies)
        if not self._compiled:
            try:
                self._engine.eval_query("true")  # Regorus compiles at the first evaluation
            except RuntimeError as exc:
                message, location = _clean(str(exc))
                return _invalid(_CompileError("rego_compile_error", message, location))
            self._compiled = True
        engine = self._engine.clone()
        if input_doc is not None:
            engine.set_input_json(json.dumps(input_doc))
        try:
            result = json.loads(engine.eval_query_as_json(query))
        except RuntimeError as exc:
            message, location = _clean(str(exc))
            where = f"{location['file']}:{location['row']}: " if location else ""
            return 500, {"code": "internal_error", "message": f"{where}eval_builtin_error: {message}"}
        rows = result.get("result") or []
        if not rows:
            return 200, {}
        return 200, {"result": rows[0]["expressions"][0]["value"]}

    def _load(self, policies: dict[str, str]) -> Any:
        """An engine holding ``policies`` (parsed, not compiled yet) and the data."""
        engine = regorus.Engine()
        engine.set_rego_v0(self.v0_compatible)
        for policy_id, source in sorted(policies.items()):
            self._add(engine, policy_id, source)
        if self.data:
            engine.add_data_json(json.dumps(self.data))
        return engine

    @staticmethod
    def _add(engine: Any, policy_id: str, source: str) -> None:
        try:
            engine.add_policy(policy_id, source)
        except RuntimeError as exc:
            message, location = _clean(str(exc))
            raise _CompileError("rego_parse_error", message, location or {"file": policy_id, "row": 1, "col": 1}) from None


def _invalid(exc: _CompileError) -> tuple[int, Any]:
    return 400, {
        "code": "invalid_parameter",
        "message": "error(s) occurred while compiling module(s)",
        "errors": [{"code": exc.code, "message": exc.message, "location": exc.location}],
    }


class _CompileError(Exception):
    def __init__(self, code: str, message: str, location: dict[str, Any] | None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.location = location
