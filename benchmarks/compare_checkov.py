"""Per-rule agreement between iac-guard and checkov on the same directories.

    python benchmarks/compare_checkov.py --mapping benchmarks/checkov_mapping.json \\
        --run terragoat/aws /corpus/terragoat/terraform/aws ig.json ck.json \\
        [--run ...] [--details details.json]

Each ``--run`` names one scanned directory: a label (``corpus/part``; the part before the
slash is the corpus shown in the table), the directory both tools were run in, the report
of ``iac-guard scan . --format json=IG.json`` and the output of
``checkov -d . -o json --compact`` (one report or a list of them, one per framework).

A resource is the file (absolute, so a module reached from two roots counts once) and the
address without module path and without count/for_each keys (``aws_s3_bucket.logs``); a
CloudFormation resource is its logical id. checkov's secrets scan reports lines, not
resources: a secret is counted for the resource whose line range (from checkov's own
Terraform/CloudFormation results for that file) encloses it, else for ``provider`` when
the line lies in a provider block, else for the file and line.

The mapping file is a list of rows ``{"rules": [iac-guard ids], "checkov": [check ids]}``.
For each row the resources flagged by any of its iac-guard rules are compared with those
flagged by any of its checkov checks: both, only iac-guard, only checkov. Rows neither tool
flagged anywhere are left out. Recall is the share of checkov's mapped (row, resource)
pairs that iac-guard also reports. Nothing here runs either tool.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Resource = tuple[str, str]  # (absolute file, normalised address)

_INDEX = re.compile(r"\[[^\]]*\]")


def normalise_address(address: str, *, cloudformation: bool) -> str:
    """``module.a.aws_x.y["k"]`` -> ``aws_x.y``; ``AWS::S3::Bucket.Logs`` -> ``Logs``.

    Provider blocks become ``provider.<name>`` whichever tool reports them
    (``provider.aws.alias`` from iac-guard, ``aws.alias`` from checkov).
    """
    if cloudformation:
        return address.rsplit(".", 1)[-1] if "::" in address else address
    parts = _INDEX.sub("", address).split(".")
    while len(parts) >= 2 and parts[0] == "module":
        parts = parts[2:]
    if parts and parts[0] == "data":
        return ".".join(parts[:3])
    if parts and parts[0] == "provider":
        return ".".join(parts[:2])  # provider.aws (an alias names the same block's credentials)
    if len(parts) >= 2 and "_" not in parts[0]:
        return f"provider.{parts[0]}"  # checkov names a provider block ``aws.<alias>``
    return ".".join(parts[:2])


@dataclass(frozen=True)
class Row:
    rules: tuple[str, ...]
    checks: tuple[str, ...]

    @property
    def name(self) -> str:
        return " + ".join(self.rules)


@dataclass
class RowResult:
    row: Row
    ig: set[Resource] = field(default_factory=set)
    ck: set[Resource] = field(default_factory=set)
    corpora: set[str] = field(default_factory=set)

    @property
    def both(self) -> set[Resource]:
        return self.ig & self.ck

    @property
    def only_ig(self) -> set[Resource]:
        return self.ig - self.ck

    @property
    def only_ck(self) -> set[Resource]:
        return self.ck - self.ig


def load_mapping(path: Path) -> list[Row]:
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = [Row(tuple(r["rules"]), tuple(r["checkov"])) for r in data["rows"]]
    return rows


def _abs(directory: Path, file: str) -> str:
    return os.path.normpath(str(directory / file.lstrip("/")))


def iac_guard_findings(directory: Path, report: dict[str, Any]) -> list[tuple[str, Resource]]:
    out: list[tuple[str, Resource]] = []
    for f in report.get("findings", []):
        cfn = f.get("iac_kind") == "cloudformation"
        out.append((f["rule_id"], (_abs(directory, f["file"]), normalise_address(f["resource"], cloudformation=cfn))))
    return out


def _checkov_reports(data: Any) -> list[dict[str, Any]]:
    reports = data if isinstance(data, list) else [data]
    return [r for r in reports if isinstance(r, dict) and "results" in r]


def checkov_findings(directory: Path, data: Any) -> list[tuple[str, Resource]]:
    reports = _checkov_reports(data)
    # Line spans of every resource checkov evaluated, per file, to place secrets.
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in reports:
        if r.get("check_type") == "secrets":
            continue
        cfn = r.get("check_type") == "cloudformation"
        for key in ("failed_checks", "passed_checks"):
            for c in r["results"].get(key, []):
                lo, hi = c["file_line_range"]
                spans[_abs(directory, c["file_path"])].append(
                    (lo, hi, normalise_address(c["resource"], cloudformation=cfn))
                )
    out: list[tuple[str, Resource]] = []
    for r in reports:
        kind = r.get("check_type")
        for c in r["results"].get("failed_checks", []):
            file = _abs(directory, c["file_path"])
            if kind == "secrets":
                out.append((c["check_id"], (file, _enclosing(file, c["file_line_range"][0], spans[file]))))
            else:
                out.append((c["check_id"], (file, normalise_address(c["resource"], cloudformation=kind == "cloudformation"))))
    return out


def _enclosing(file: str, line: int, spans: Iterable[tuple[int, int, str]]) -> str:
    inside = [(hi - lo, addr) for lo, hi, addr in spans if lo <= line <= hi]
    if inside:
        return min(inside)[1]
    try:
        lines = Path(file).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    for text in reversed(lines[:line]):
        stripped = text.lstrip()
        m = re.match(r'provider\s+"?([A-Za-z0-9_-]+)', stripped)
        if m:
            return f"provider.{m.group(1)}"
        if stripped.startswith(("resource ", "data ", "module ")):
            break
    return f"line {line}"


def unmapped(rows: Sequence[Row], runs: Sequence[tuple[str, Path, Path, Path]]) -> tuple[int, int]:
    """Findings (resource and rule) of rules and checks no row maps: iac-guard's, checkov's."""
    rules = {r for row in rows for r in row.rules}
    checks = {c for row in rows for c in row.checks}
    ig: set[tuple[str, Resource]] = set()
    ck: set[tuple[str, Resource]] = set()
    for _label, directory, ig_path, ck_path in runs:
        ig |= {f for f in iac_guard_findings(directory, json.loads(ig_path.read_text(encoding="utf-8"))) if f[0] not in rules}
        ck |= {f for f in checkov_findings(directory, json.loads(ck_path.read_text(encoding="utf-8") or "[]")) if f[0] not in checks}
    return len(ig), len(ck)


def compare(rows: Sequence[Row], runs: Sequence[tuple[str, Path, Path, Path]]) -> list[RowResult]:
    results = [RowResult(row) for row in rows]
    by_rule: dict[str, list[RowResult]] = defaultdict(list)
    by_check: dict[str, list[RowResult]] = defaultdict(list)
    for res in results:
        for rule in res.row.rules:
            by_rule[rule].append(res)
        for check in res.row.checks:
            by_check[check].append(res)
    for label, directory, ig_path, ck_path in runs:
        corpus = label.split("/", 1)[0]
        ig_report = json.loads(ig_path.read_text(encoding="utf-8"))
        ck_data = json.loads(ck_path.read_text(encoding="utf-8") or "[]")
        for rule, resource in iac_guard_findings(directory, ig_report):
            for res in by_rule.get(rule, []):
                res.ig.add(resource)
                res.corpora.add(corpus)
        for check, resource in checkov_findings(directory, ck_data):
            for res in by_check.get(check, []):
                res.ck.add(resource)
                res.corpora.add(corpus)
    return [r for r in results if r.ig or r.ck]


def render(results: Sequence[RowResult]) -> str:
    lines = [
        "| Rule | checkov | Both | Only iac-guard | Only checkov | Corpora |",
        "|---|---|---|---|---|---|",
    ]
    tb = ti = tc = 0
    for r in results:
        b, i, c = len(r.both), len(r.only_ig), len(r.only_ck)
        tb, ti, tc = tb + b, ti + i, tc + c
        lines.append(
            f"| {' / '.join(r.row.rules)} | {', '.join(r.row.checks)} | {b} | {i} | {c} | {', '.join(sorted(r.corpora))} |"
        )
    lines.append(f"| **Total** | | **{tb}** | **{ti}** | **{tc}** | |")
    recall = tb / (tb + tc) if tb + tc else 0.0
    lines.append("")
    lines.append(
        f"Recall against checkov (mapped rows): {tb} of {tb + tc} = {recall:.1%}; "
        f"iac-guard also reports {ti} mapped resources checkov does not."
    )
    return "\n".join(lines)


def details(results: Sequence[RowResult]) -> dict[str, Any]:
    return {
        r.row.name: {
            "checkov": list(r.row.checks),
            "only_iac_guard": sorted(f"{f}: {a}" for f, a in r.only_ig),
            "only_checkov": sorted(f"{f}: {a}" for f, a in r.only_ck),
            "both": sorted(f"{f}: {a}" for f, a in r.both),
        }
        for r in results
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mapping", type=Path, required=True)
    parser.add_argument(
        "--run", nargs=4, action="append", required=True, metavar=("LABEL", "DIR", "IG_JSON", "CK_JSON")
    )
    parser.add_argument("--details", type=Path, help="write the resources behind each count as JSON")
    args = parser.parse_args(argv)
    runs = [(label, Path(d).resolve(), Path(ig), Path(ck)) for label, d, ig, ck in args.run]
    results = compare(load_mapping(args.mapping), runs)
    print(render(results))
    ig_rest, ck_rest = unmapped(load_mapping(args.mapping), runs)
    print(f"Outside the mapping: {ig_rest} iac-guard findings and {ck_rest} checkov findings (rule or check, resource).")
    if args.details:
        args.details.write_text(json.dumps(details(results), indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
