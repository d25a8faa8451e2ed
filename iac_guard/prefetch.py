"""Work ahead while Dagster loads.

Importing Dagster and making its instance hold one core for about a second before the first
op runs, and the scan's first stages (discover, parse, load the policies, evaluate) need no
Dagster. ``ahead_of_dagster`` forks a helper that runs those stages on the other core,
through the same pipeline functions the ops call and with the same Services, so what it
computes lands in the verified results cache (``iac_guard.resultcache``). The ops then find
it there, verified file by file as on any warm run: the ops stay the only source of the
scan's result, and the helper can only make them faster.

The helper is speculative. It prints nothing; an error it meets is dropped (the op that
redoes the stage reports it, at the file and line); it is stopped, with its worker
processes, when the scan ends early (an error, Ctrl-C). It runs only where it can help and
cannot act twice on the world: the results cache is on (``--no-cache`` turns it off), no
module is downloaded (``--download-modules``), Dagster is not loaded yet (a second scan in
one process has nothing to overlap), the platform can fork, and IAC_GUARD_PREFETCH is not
``0``. It evaluates only what the results cache keeps (the embedded engine, never an OPA
server, whose requests would be sent twice)."""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Mapping

from iac_guard import pipeline
from iac_guard.parse.cache import ParseCache
from iac_guard.parse.registry import PARSERS
from iac_guard.resultcache import ResultCache
from iac_guard.settings import ScanConfig

ENV_SWITCH = "IAC_GUARD_PREFETCH"


def fill(config: ScanConfig, environ: Mapping[str, str]) -> None:
    """The stages the helper runs: what a scan with ``config`` reads first, stored in the
    caches ``environ`` names (the ops' own, see ``pipeline.host_services``)."""
    services = pipeline.host_services(
        config,
        environ,
        parse_cache=functools.partial(ParseCache.from_environ, environ),
        result_cache=functools.partial(ResultCache.from_environ, environ),
    )
    found = pipeline.find_files(config)
    inputs = [pipeline.parse(kind, config, found, services) for kind in PARSERS]
    policy_set = pipeline.policies(config, services)
    if pipeline.evaluation_cached(config) and all(i.digest for i in inputs):
        pipeline.evaluate(config, policy_set, inputs, services, found)


class Helper:
    """A forked helper process running ``fill``, leader of its own process group (its parse
    workers are in it: one signal stops them all)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.finished: bool | None = None  # None: not reaped yet; else whether it exited 0

    def wait(self) -> None:
        """Block until the helper is done (its results are then in the cache)."""
        if self.finished is not None:
            return
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            self.finished = False
            return
        self.finished = os.waitstatus_to_exitcode(status) == 0

    def stop(self) -> None:
        """Kill the helper and its workers unless it is already done; reap it."""
        if self.finished is not None:
            return
        for kill in (os.killpg, os.kill):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                kill(self.pid, signal.SIGKILL)
                break
        self.wait()
        _until_group_gone(self.pid)


#: how long ``Helper.stop`` waits for the helper's workers to be gone after the kill
GROUP_GONE_SECONDS = 2.0


def _until_group_gone(pgid: int) -> None:
    """Wait (briefly) until no live process is left in the process group ``pgid``: the
    helper's workers, killed with it, are not its parent's children, so nothing else
    waits for them; a scan stopped by Ctrl-C must leave nothing running when it exits.
    On Linux a killed worker that is only a zombie (its new parent has not reaped it yet)
    counts as gone."""
    deadline = time.monotonic() + GROUP_GONE_SECONDS
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return
        if _only_zombies(pgid):
            return
        time.sleep(0.005)


def _only_zombies(pgid: int) -> bool:
    """Whether every process of group ``pgid`` is a zombie (False where /proc cannot tell)."""
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return False
    for entry in entries:
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 2 and fields[2] == str(pgid) and fields[0] != "Z":
            return False
    return True


def _run_helper(config: ScanConfig, environ: Mapping[str, str]) -> int:
    """The helper's body: silent, its own process group, Ctrl-C left to the parent."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops it (Helper.stop)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - until os._exit
    warnings.simplefilter("ignore")
    try:
        fill(config, environ)
    except BaseException:  # speculative: the op that redoes the stage reports it
        return 1
    return 0


def start(config: ScanConfig, environ: Mapping[str, str]) -> Helper:
    """Fork the helper now."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child leaves through os._exit
        code = 1
        try:
            code = _run_helper(config, environ)
        finally:
            os._exit(code)
    with contextlib.suppress(OSError):
        os.setpgid(pid, pid)  # also here: no window in which a kill of the group misses it
    return Helper(pid)


def worth_it(config: ScanConfig, environ: Mapping[str, str]) -> bool:
    """Whether a helper can shorten this scan (see the module's docstring)."""
    return (
        config.cache
        and not config.download_modules
        and environ.get(ENV_SWITCH, "1") != "0"
        and "dagster" not in sys.modules
        and hasattr(os, "fork")
        and ResultCache.from_environ(environ).usable
    )


@contextlib.contextmanager
def ahead_of_dagster(config: ScanConfig, environ: Mapping[str, str]) -> Iterator[Callable[[], None]]:
    """Within: a helper fills the caches (when ``worth_it``); the callable yielded waits for
    it, and is what the scan calls once Dagster is ready and before its ops run. On leaving,
    a helper still running is stopped."""
    helper = start(config, environ) if worth_it(config, environ) else None
    try:
        yield helper.wait if helper is not None else _nothing
    finally:
        if helper is not None:
            helper.stop()


def _nothing() -> None:
    return None
