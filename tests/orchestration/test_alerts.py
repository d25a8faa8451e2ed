"""Chat alerts against a real local HTTP server (127.0.0.1, a free port): the bounded
retries of iac_guard.notify.post, and the two alert sensors posting Slack-compatible JSON
with untrusted text escaped. Waits are recorded, never slept."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.instance.ref import InstanceRef

from iac_guard import notify
from iac_guard.errors import PolicyError
from iac_guard.orchestration import metadata as meta
from iac_guard.orchestration.automation import new_critical_findings_alert, scan_failure_alert
from iac_guard.orchestration.jobs import run_scan
from iac_guard.settings import ScanConfig
from tests.conftest import FIXTURES, REPO

SECRET_PATH = "/services/T0000/B0000/XXsecretXXtokenXX"


@dataclass
class Hook:
    """The server's scripted answers (status, headers) and what it received."""

    answers: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    received: list[tuple[str, str, dict[str, object]]] = field(default_factory=list)  # path, content type, JSON body
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{SECRET_PATH}"


@pytest.fixture
def hook() -> Iterator[Hook]:
    state = Hook()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            state.received.append((self.path, self.headers.get("Content-Type", ""), json.loads(self.rfile.read(length))))
            status, headers = state.answers.pop(0) if state.answers else (200, {})
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _post(hook: Hook, **kwargs: object) -> tuple[notify.Delivery, list[float]]:
    waits: list[float] = []
    delivery = notify.post(hook.url, "hello", timeout=5.0, sleep=waits.append, **kwargs)  # type: ignore[arg-type]
    return delivery, waits


def test_a_200_is_delivered_once_as_slack_json(hook: Hook) -> None:
    delivery, waits = _post(hook)
    assert (delivery.ok, delivery.attempts, delivery.status, waits) == (True, 1, 200, [])
    assert hook.received == [(SECRET_PATH, "application/json", {"text": "hello"})]


def test_a_429_waits_its_retry_after_capped(hook: Hook) -> None:
    hook.answers = [(429, {"Retry-After": "7"}), (429, {"Retry-After": "3600"}), (200, {})]
    delivery, waits = _post(hook, max_wait=30.0)
    assert (delivery.ok, delivery.attempts, waits) == (True, 3, [7.0, 30.0])
    assert len(hook.received) == 3


def test_a_500_is_retried_with_backoff_and_attempts_are_bounded(hook: Hook) -> None:
    hook.answers = [(500, {})] * 5
    delivery, waits = _post(hook, attempts=3)
    assert (delivery.ok, delivery.attempts, delivery.status, waits) == (False, 3, 500, [1.0, 2.0])
    assert len(hook.received) == 3  # never more than `attempts` requests
    assert delivery.error == "127.0.0.1 answered 500"


def test_a_500_then_200_is_delivered(hook: Hook) -> None:
    hook.answers = [(502, {}), (200, {})]
    delivery, waits = _post(hook)
    assert (delivery.ok, delivery.attempts, waits) == (True, 2, [1.0])


def test_a_404_is_final(hook: Hook) -> None:
    hook.answers = [(404, {}), (200, {})]
    delivery, waits = _post(hook)
    assert (delivery.ok, delivery.attempts, delivery.status, waits) == (False, 1, 404, [])
    assert len(hook.received) == 1
    assert SECRET_PATH not in delivery.error and "secret" not in delivery.error


def test_an_unreachable_hook_is_retried_and_never_named(hook: Hook) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    waits: list[float] = []
    url = f"http://127.0.0.1:{port}{SECRET_PATH}"
    delivery = notify.post(url, "x", attempts=2, timeout=5.0, sleep=waits.append)
    assert (delivery.ok, delivery.attempts, delivery.status, waits) == (False, 2, None, [1.0])
    assert delivery.error.startswith("cannot reach 127.0.0.1: ")
    assert "secret" not in delivery.error and SECRET_PATH not in delivery.error
    bad = notify.post(f"http://127.0.0.1:{port}/a b{SECRET_PATH}", "x", attempts=1, sleep=waits.append)  # an invalid URL
    assert not bad.ok and "secret" not in bad.error
    assert notify.post("file:///etc/passwd", "x", sleep=waits.append) == notify.Delivery(False, 0, error="the webhook URL must be http(s)://...")


def test_untrusted_text_is_escaped_for_slack() -> None:
    text = notify.plain("<!channel> @here & <https://evil.example|click>\n\x07\x1b#general " + "x" * 600, 80)
    assert text.startswith("&lt;!channel&gt; @\u200dhere &amp; &lt;https://evil.example|click&gt; #\u200dgeneral xxx")
    assert text.endswith("x\u2026") and text.count("x") < 80  # bounded before escaping
    assert "<" not in text and ">" not in text and "\n" not in text and "\x1b" not in text


def _instance(tmp_path: Path) -> dg.DagsterInstance:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home)))


def test_the_failure_sensor_posts_the_failed_step_and_its_error(hook: Hook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.chdir(REPO)
    with pytest.raises(PolicyError) as caught:  # a real failed run
        run_scan(ScanConfig(paths=(str(FIXTURES / "spine" / "mixed"),), policy_dirs=(str(FIXTURES / "spine" / "policies_broken_syntax"),), cwd=str(REPO), outputs=()))
    instance = _instance(tmp_path)
    (run,) = instance.get_runs()
    (failure,) = instance.all_logs(run.run_id, of_type=dg.DagsterEventType.RUN_FAILURE)
    assert failure.dagster_event is not None
    context = dg.build_run_status_sensor_context(
        sensor_name="scan_failure_alert", dagster_event=failure.dagster_event, dagster_instance=instance, dagster_run=run
    ).for_run_failure()
    monkeypatch.setenv(notify.WEBHOOK_ENV, hook.url)
    scan_failure_alert(context)
    repository = run.tags["iac_guard/repository"]
    assert [body for _, _, body in hook.received] == [
        {"text": f":x: iac-guard run {run.run_id[:8]} of scan_job for {notify.plain(repository, 100)} failed: {notify.plain('evaluate_op: ' + str(caught.value), 300)}"}
    ]
    assert "broken.rego:10" in str(hook.received[0][2]["text"])


def test_the_failure_sensor_without_a_url_posts_nothing(hook: Hook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(notify.WEBHOOK_ENV, raising=False)
    instance = _instance(tmp_path)

    @dg.op
    def boom() -> None:
        raise RuntimeError("<!channel> went wrong")

    @dg.job
    def crashing() -> None:
        boom()

    result = crashing.execute_in_process(instance=instance, raise_on_error=False, tags={"iac_guard/repository": "acme/<@U1>"})
    (failure,) = instance.all_logs(result.run_id, of_type=dg.DagsterEventType.RUN_FAILURE)
    assert failure.dagster_event is not None
    context = dg.build_run_status_sensor_context(
        sensor_name="scan_failure_alert", dagster_event=failure.dagster_event, dagster_instance=instance, dagster_run=result.dagster_run
    ).for_run_failure()
    scan_failure_alert(context)
    assert hook.received == []
    monkeypatch.setenv(notify.WEBHOOK_ENV, hook.url)
    scan_failure_alert(context)
    assert [body["text"] for _, _, body in hook.received] == [
        f":x: iac-guard run {result.run_id[:8]} of crashing for acme/&lt;@\u200dU1&gt; failed: boom: &lt;!channel&gt; went wrong"
    ]


def test_new_critical_findings_are_posted_once(hook: Hook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(notify.WEBHOOK_ENV, hook.url)
    instance = _instance(tmp_path)
    sha = "0123456789abcdef0123456789abcdef01234567"
    instance.add_dynamic_partitions(meta.REPOSITORIES, ["web<!here>", "core"])
    instance.report_runless_asset_event(dg.AssetMaterialization(asset_key=meta.FINDINGS, partition="core", metadata={"new_critical": 0, "commit": sha}))
    instance.report_runless_asset_event(dg.AssetMaterialization(asset_key=meta.FINDINGS, partition="web<!here>", metadata={"new_critical": 2, "commit": sha}))
    context = dg.build_sensor_context(instance=instance)
    assert new_critical_findings_alert(context) is None
    assert [body for _, _, body in hook.received] == [{"text": ":rotating_light: iac-guard: 2 new critical findings in web&lt;!here&gt; at 0123456789ab"}]
    again = new_critical_findings_alert(dg.build_sensor_context(instance=instance, cursor=context.cursor))
    assert isinstance(again, dg.SkipReason) and len(hook.received) == 1
    instance.report_runless_asset_event(dg.AssetMaterialization(asset_key=meta.FINDINGS, partition="core", metadata={"new_critical": 1}))
    third = dg.build_sensor_context(instance=instance, cursor=context.cursor)
    assert new_critical_findings_alert(third) is None
    assert hook.received[-1][2] == {"text": ":rotating_light: iac-guard: 1 new critical finding in core"}
    assert len(hook.received) == 2
