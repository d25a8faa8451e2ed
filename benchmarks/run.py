"""One command for iac-guard's speed: cold, warm and PR-mode scans of trees of several sizes.

    python benchmarks/run.py [--sizes 50,500,1800,5000] [--tree DIR] [--runs 3]
                             [--checkov PATH] [--work DIR]

For each size it generates a synthetic tree (``bench_scan.generate``: Terraform root
modules and CloudFormation templates, ~80 lines a file) in a git repository, or takes
``--tree DIR`` as it is, and measures, each in a fresh process so peak memory is per run
(best of ``--runs``: the machine may be shared):

  cold   ``iac-guard scan`` with empty caches (the prefetch helper working while Dagster
         loads, as on any command line)
  alone  the same cold scan without the helper (IAC_GUARD_PREFETCH=0): its baseline
  warm   the same again, the cache filled by the cold run
  pr     ``--diff-base HEAD`` after changing 5 files (warm cache)
  split  where a warm scan's time goes, stage by stage, in one process, through the
         pipeline functions the ops call: imports, discover, inputs (parse and Terraform
         semantics, or the verified results cache), policies (loaded, or cached), evaluate
         (or the cached evaluation), report (gate and the JSON report)
  Dagster's share  the warm wall time less Python's start-up and the same stages run
         without Dagster: importing Dagster and the job, the instance, running the ops
  DAGSTER_HOME adds  a warm scan recorded in a DAGSTER_HOME (the audit trail: run,
         events, materializations, checks) less the warm scan on an ephemeral instance
  checkov  ``checkov -d TREE`` when ``--checkov`` is given, or checkov is on PATH (or at
         /work/checkov-venv/bin/checkov), and the ratio checkov / iac-guard cold

It prints the floor first (``python -c pass``, importing Dagster, importing iac-guard's
job, and Dagster's own cost of a one-op job run in process on an ephemeral instance and
recorded in a fresh DAGSTER_HOME) so the figures can be read on any machine, then one row
per size, as a Markdown table. Nothing here is a test: timings are never asserted.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_scan import generate  # noqa: E402

CHECKOV_CANDIDATES = ("/work/checkov-venv/bin/checkov",)


@dataclass
class Measure:
    wall: float
    peak_mib: float
    code: int


def measure(cmd: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None) -> Measure:
    """Wall time and peak RSS (``os.wait4``: the largest of the command's process and the
    processes it waited for, such as the prefetch helper)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    return Measure(wall, usage.ru_maxrss / 1024, proc.returncode)


def best(runs: int, cmd: list[str], **kwargs: object) -> Measure:
    results = [measure(cmd, **kwargs) for _ in range(runs)]  # type: ignore[arg-type]
    return min(results, key=lambda m: m.wall)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", *args],
                   cwd=repo, check=True, capture_output=True)


def make_tree(work: Path, size: int) -> Path:
    root = work / f"tree-{size}"
    if not (root / ".git").is_dir():
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        generate(root, size)
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "tree")
    return root


def touch_five(root: Path) -> dict[Path, bytes]:
    """Change 5 Terraform files (a new public bucket in each): the PR. Returns what they held."""
    files = sorted(p for p in root.rglob("*.tf") if ".terraform" not in p.parts)
    step = max(1, len(files) // 5)
    saved = {path: path.read_bytes() for path in files[::step][:5]}
    for i, path in enumerate(saved):
        with path.open("a") as handle:
            handle.write(f'\nresource "aws_s3_bucket" "pr_{i}" {{\n  bucket = "pr-{i}"\n  acl    = "public-read"\n}}\n')
    return saved


def restore(saved: dict[Path, bytes]) -> None:
    for path, content in saved.items():
        path.write_bytes(content)


def count(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*") if p.is_file() and ".git" not in p.parts and p.suffix in (".tf", ".yaml", ".yml", ".json")]
    return len(files), sum(p.read_text(errors="replace").count("\n") for p in files)


SPLIT = r"""
import os, sys, time, json
t0 = time.perf_counter()
from iac_guard import pipeline, report
from iac_guard.parse.cache import ParseCache
from iac_guard.parse.registry import PARSERS
from iac_guard.resultcache import ResultCache
from iac_guard.settings import ScanConfig
from iac_guard.report.base import OutputSpec
if len(sys.argv) > 2 and sys.argv[2] == "dagster":
    import iac_guard.orchestration.jobs  # what the CLI imports to run the job
t1 = time.perf_counter()
config = ScanConfig(paths=(sys.argv[1],), cwd=sys.argv[1], outputs=(OutputSpec("json"),))
env = dict(os.environ)
services = pipeline.Services(parse_cache=ParseCache.from_environ(env), result_cache=ResultCache.from_environ(env))
found = pipeline.find_files(config)
t2 = time.perf_counter()
inputs = [pipeline.parse(kind, config, found, services) for kind in PARSERS]
t3 = time.perf_counter()
policy_set = pipeline.policies(config, services)
t4 = time.perf_counter()
evaluation = pipeline.evaluate(config, policy_set, inputs, services, found)
t5 = time.perf_counter()
extra = pipeline.scanners(config, found, services)
judged = pipeline.gate_input(config, found, policy_set, inputs, evaluation, extra)
result = pipeline.judge(judged, pipeline.suppressions(config, judged))
report.render("json", result)
t6 = time.perf_counter()
resources = sum(len(i.resources) for i in inputs)
print(json.dumps({"imports": t1 - t0, "discover": t2 - t1, "inputs": t3 - t2, "policies": t4 - t3, "evaluate": t5 - t4, "report": t6 - t5, "resources": resources}))
"""


STAGES = ("imports", "discover", "inputs", "policies", "evaluate", "report")

# Dagster alone: one op, run in process as the scan job is, on an instance made as
# iac_guard.orchestration.jobs.persistent_instance makes it (telemetry and output capture
# off): what no scan can go below
ONE_OP_JOB = r"""
import os, dagster as dg
@dg.op
def only() -> int:
    return 1
@dg.job(executor_def=dg.in_process_executor, resource_defs={"io_manager": dg.mem_io_manager})
def one():
    only()
if os.environ.get("DAGSTER_HOME"):
    from dagster._core.instance.ref import InstanceRef
    instance = dg.DagsterInstance.from_ref(InstanceRef.from_dir(os.environ["DAGSTER_HOME"], overrides={
        "telemetry": {"enabled": False},
        "compute_logs": {"module": "dagster._core.storage.noop_compute_log_manager", "class": "NoOpComputeLogManager"},
    }))
else:
    instance = dg.DagsterInstance.ephemeral()
assert one.execute_in_process(instance=instance, run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}).success
"""


def split(root: Path, env: dict[str, str], *, dagster: bool = True) -> dict[str, float]:
    """Where a warm scan's time goes, stage by stage, in one process (``dagster``: the
    imports include Dagster and the job, as the CLI's do; without: the stages alone)."""
    import json

    proc = subprocess.run([sys.executable, "-c", SPLIT, str(root), "dagster" if dagster else "stages"], env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-2000:])
        return {}
    parsed: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return parsed


def find_checkov(given: str | None) -> str | None:
    if given:
        return given
    for candidate in (shutil.which("checkov"), *CHECKOV_CANDIDATES):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50,500,1800,5000", help="tree sizes in files (comma-separated)")
    parser.add_argument("--tree", help="measure this tree (a git checkout) instead of generated ones")
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs per measure")
    parser.add_argument("--checkov", help="checkov executable (default: on PATH, or /work/checkov-venv/bin/checkov)")
    parser.add_argument("--no-checkov", action="store_true", help="do not run checkov")
    parser.add_argument("--work", help="where generated trees and caches go (default: a temporary directory)")
    parser.add_argument("--against", metavar="SRC", help="also measure another iac-guard source tree (e.g. a `git archive` of an older commit, "
                        "put first on PYTHONPATH) cold, warm and PR, interleaved with this one, and print the ratios")
    args = parser.parse_args()

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="iac-guard-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    # byte-compile each measured source tree first, as `pip install` does: under
    # PYTHONDONTWRITEBYTECODE=1 (set on some machines, this one included) a source tree
    # whose .pyc files are missing or stale is compiled again on every run, which would
    # charge one side of a comparison with the compiler's time
    for tree in (HERE.parent / "iac_guard", *([Path(args.against) / "iac_guard"] if args.against else [])):
        compileall.compile_dir(str(tree), quiet=1)
    py = sys.executable
    scan = [py, "-m", "iac_guard.cli", "scan", "-q", "--format", "json"]
    checkov = None if args.no_checkov else find_checkov(args.checkov)

    floor = {
        "python -c pass": best(args.runs, [py, "-c", "pass"]),
        "import dagster": best(args.runs, [py, "-c", "import dagster"]),
        "import iac_guard job": best(args.runs, [py, "-c", "import iac_guard.orchestration.jobs"]),
        "iac-guard --version": best(args.runs, [py, "-m", "iac_guard.cli", "--version"]),
        "one-op Dagster job": best(args.runs, [py, "-c", ONE_OP_JOB]),
    }
    one_op_home = work / "dagster-home-one-op"
    shutil.rmtree(one_op_home, ignore_errors=True)
    one_op_home.mkdir(parents=True)
    (one_op_home / "dagster.yaml").write_text("")
    floor["the same, recorded in DAGSTER_HOME"] = best(max(args.runs, 2), [py, "-c", ONE_OP_JOB], env={**os.environ, "DAGSTER_HOME": str(one_op_home)})
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print("floor: " + ", ".join(f"{name} {m.wall:.2f} s" for name, m in floor.items()))
    print()
    header = ("| files | lines | resources | cold | cold without the helper | warm | PR (5 files) | split of warm: imports / discover / inputs / policies / evaluate / report "
              "| Dagster's share of warm | DAGSTER_HOME adds | peak RSS | checkov | checkov / cold |")
    print(header)
    print("| --- " * (header.count("|") - 1) + "|")
    trees = [Path(args.tree).resolve()] if args.tree else [make_tree(work, int(s)) for s in args.sizes.split(",")]
    ratios: list[str] = []
    for root in trees:
        cache = work / f"cache-{root.name}"
        shutil.rmtree(cache, ignore_errors=True)
        env = {**os.environ, "IAC_GUARD_CACHE_DIR": str(cache)}
        files, lines = count(root)
        other_cache = work / f"cache-against-{root.name}"
        other_env = {**env, "IAC_GUARD_CACHE_DIR": str(other_cache), "PYTHONPATH": str(Path(args.against).resolve()) if args.against else ""}
        versions = [("this", env, cache), *([("against", other_env, other_cache)] if args.against else [])]
        results: dict[str, dict[str, Measure]] = {name: {} for name, _, _ in versions}
        home = work / f"dagster-home-{root.name}"
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir()
        for mode in ("alone", "cold", "warm", "pr", "recorded"):
            for _ in range(args.runs):
                for name, version_env, version_cache in versions:  # interleaved: the same load for both
                    if mode in ("cold", "alone"):
                        shutil.rmtree(version_cache, ignore_errors=True)
                    if mode in ("recorded", "alone") and name != "this":
                        continue
                    if mode == "recorded":  # a warm scan recorded in a DAGSTER_HOME (the audit trail)
                        version_env = {**version_env, "DAGSTER_HOME": str(home)}
                    if mode == "alone":  # the cold scan's baseline: no prefetch helper
                        version_env = {**version_env, "IAC_GUARD_PREFETCH": "0"}
                    saved = touch_five(root) if mode == "pr" else {}
                    try:
                        target = [".", "--diff-base", "HEAD"] if mode == "pr" else [str(root)]
                        m = measure([*scan, *target], cwd=root, env=version_env)
                    finally:
                        restore(saved)
                    known = results[name].get(mode)
                    if known is None or m.wall < known.wall:
                        results[name][mode] = m
        cold, alone, warm, pr = (results["this"][k] for k in ("cold", "alone", "warm", "pr"))
        if args.against:
            ratios.append(f"{files:,} files: " + ", ".join(
                f"{k} {results['this'][k].wall:.2f} s vs {results['against'][k].wall:.2f} s ({results['this'][k].wall / results['against'][k].wall:.2f}x)"
                for k in ("cold", "warm", "pr")))
        parts = split(root, env)
        stages = split(root, env, dagster=False)
        stage_total = sum(stages.get(k, 0) for k in STAGES)
        # the warm scan's wall less Python's start and the same stages run without Dagster
        dagster_share = warm.wall - floor["python -c pass"].wall - stage_total
        recorded = results["this"]["recorded"].wall - warm.wall
        ck = ""
        ratio = ""
        if checkov:
            m = best(1, [checkov, "-d", str(root), "--quiet", "--compact", "-o", "json"], cwd=root)
            ck = f"{m.wall:.1f} s, {m.peak_mib:.0f} MiB"
            ratio = f"{m.wall / cold.wall:.1f}x"
        split_text = " / ".join(f"{parts.get(k, 0):.2f}" for k in STAGES)
        peak = max(cold.peak_mib, warm.peak_mib, pr.peak_mib)  # wait4: the largest process of each run, the helper's included
        print(
            f"| {files:,} | {lines:,} | {int(parts.get('resources', 0)):,} | {cold.wall:.2f} s | {alone.wall:.2f} s ({cold.wall / alone.wall:.2f}x) "
            f"| {warm.wall:.2f} s | {pr.wall:.2f} s "
            f"| {split_text} | {dagster_share:.2f} s | {recorded:+.2f} s | {peak:.0f} MiB | {ck or 'n/a'} | {ratio or 'n/a'} |",
            flush=True,
        )
    if ratios:
        print(f"\nthis tree against {args.against} (best of {args.runs}, interleaved):")
        for line in ratios:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
