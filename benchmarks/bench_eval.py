"""Policy evaluation benchmark: the policy library over a parsed corpus, two ways.

Parses the synthetic monorepo of ``bench_scan.py`` once, loads the built-in policy
library, then times evaluation of every package over each kind's input:

  baseline  one Regorus query per package (what iac-guard did before): the library's
            shared rules (the resource index by type) are recomputed for every package
  one query every package in one generated query, as the embedded engine does now

Both runs must give the same values; the figure is printed as a ratio.

    python benchmarks/bench_eval.py [--files 1800] [--policy-dir DIR ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scan import generate

from iac_guard.discover import discover
from iac_guard.parse.runner import build_kind_input
from iac_guard.policy.embedded import EmbeddedEngine
from iac_guard.policy.loader import load_policies


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=1800)
    parser.add_argument("--policy-dir", action="append", default=[])
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        root.mkdir()
        generate(root, args.files)
        found = discover([root])
        inputs = [
            build_kind_input(kind, found.files)
            for kind in ("terraform", "cloudformation")
        ]
    policy_set = load_policies([Path(d) for d in args.policy_dir], include_builtin=True)
    engines = {
        "baseline  one query per package": EmbeddedEngine(policy_set, one_query=False),
        "one query for all packages": EmbeddedEngine(policy_set),
    }
    resources = sum(len(i.resources) for i in inputs)
    print(f"corpus: {args.files} files, {resources} resources; {len(policy_set.policies)} policies")

    timings: dict[str, float] = {}
    values: dict[str, object] = {}
    for label, engine in engines.items():
        start = time.perf_counter()
        got = []
        for kind_input in inputs:
            packages = [p.package for p in policy_set.policies if p.applies_to(kind_input.kind)]
            doc = kind_input.policy_input()
            got.append(engine.evaluate_each(packages, doc))
        timings[label] = time.perf_counter() - start
        values[label] = got
        print(
            f"{label:34s} wall {timings[label]:7.2f} s   {resources / timings[label]:9.0f} resources/s"
        )
    baseline, aggregate = timings.values()
    first, second = values.values()
    same = first == second
    print(
        f"ratio     one query / baseline   wall {aggregate / baseline:7.2f} x   (same results: {same})"
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
