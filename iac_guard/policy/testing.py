"""``iac-guard test``: Rego unit tests run on Regorus with ``opa test``'s semantics.

- Every ``.rego`` file under the given paths is loaded, ``*_test.rego`` included, with the
  bundle-style ``data.json``/``data.yaml`` files the policy loader reads. The built-in
  library's modules (not its tests) are loaded as support so a team's own policies can
  import ``data.iac_guard.lib``; a package the tested paths define themselves wins.
- A test is a top-level rule whose name starts with ``test_`` (functions excepted), in any
  package. It PASSES when its value is ``true``; it FAILS when it is undefined, ``false``
  or any other value; an evaluation error is an ERROR. ``todo_test_`` rules are SKIPPED.
  A partial-object test (``test_x[name] if ...``) has one sub-result per key, each of
  which must be ``true`` (a case whose body fails has no key, so it is not listed: OPA's
  injected test-case tracking, which reports it as FAIL, is not reproduced). A name defined twice in a package is two tests, the second
  shown as ``test_x#01`` (as OPA renames them).
- ``--run REGEX`` keeps the tests whose full name (``data.<package>.<test>``) matches.
- Exit codes: 0 every test passed, 1 a test failed, errored or was skipped (unless
  ``--exit-zero-on-skipped``), 2 a policy that does not load or compile (file:line).
  No tests at all is success, as with ``opa test``, unless ``--fail-on-empty`` is given.
- ``--coverage`` reports, per policy file (tests excluded), the lines evaluation reached,
  the percentage and the lines it never reached (Regorus's coverage report).
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from iac_guard.errors import EXIT_OK, EXIT_VIOLATIONS, UsageError
from iac_guard.policy.capabilities import check_builtins
from iac_guard.policy.loader import (
    ModuleSet,
    is_test_file,
    merge_data,
    read_modules,
)
from iac_guard.policy.metadata import RegoModule
from iac_guard.policy.regorus import add_modules, check_compiles, policy_error
from iac_guard.safeout import json_text, printable

TEST_PREFIX = "test_"
SKIP_PREFIX = "todo_test_"


class Outcome(str, enum.Enum):
    PASS = "PASS"
    FAIL = "FAIL"
    ERROR = "ERROR"
    SKIPPED = "SKIPPED"


@dataclass(frozen=True)
class SubResult:
    """One key of a partial-object test."""

    name: str
    passed: bool


@dataclass(frozen=True)
class CaseResult:
    """The outcome of one test rule."""

    package: str
    name: str  # as OPA shows it: ``test_x``, ``test_x#01`` for a repeated name
    file: str
    line: int
    outcome: Outcome
    detail: str = ""  # why it failed or errored
    error_file: str | None = None
    error_line: int | None = None
    sub_results: tuple[SubResult, ...] = ()

    @property
    def full_name(self) -> str:
        return f"data.{self.package}.{self.name}"


@dataclass(frozen=True)
class FileCoverage:
    """Lines of one policy file that evaluation reached, and those it never reached."""

    file: str
    covered: tuple[int, ...]
    not_covered: tuple[int, ...]

    @property
    def percent(self) -> float:
        total = len(self.covered) + len(self.not_covered)
        return 100.0 * len(self.covered) / total if total else 100.0


@dataclass(frozen=True)
class TestReport:
    """Everything ``iac-guard test`` found; the exit code is derived here."""

    __test__ = False  # not a pytest class

    results: tuple[CaseResult, ...]
    coverage: tuple[FileCoverage, ...] | None = None
    paths: tuple[str, ...] = ()
    fail_on_empty: bool = False
    exit_zero_on_skipped: bool = False

    def counts(self) -> dict[str, int]:
        """As ``opa test`` counts: a partial-object test counts once per sub-result."""
        counts = {o.value: 0 for o in Outcome}
        for result in self.results:
            if result.sub_results and result.outcome in (Outcome.PASS, Outcome.FAIL):
                for sub in result.sub_results:
                    counts[Outcome.PASS.value if sub.passed else Outcome.FAIL.value] += 1
            else:
                counts[result.outcome.value] += 1
        return counts

    @property
    def exit_code(self) -> int:
        counts = self.counts()
        if not self.results:
            return EXIT_VIOLATIONS if self.fail_on_empty else EXIT_OK
        bad = counts["FAIL"] + counts["ERROR"] + (0 if self.exit_zero_on_skipped else counts["SKIPPED"])
        return EXIT_VIOLATIONS if bad else EXIT_OK

    @property
    def total_coverage(self) -> float:
        covered = sum(len(f.covered) for f in self.coverage or ())
        total = covered + sum(len(f.not_covered) for f in self.coverage or ())
        return 100.0 * covered / total if total else 100.0


@dataclass(frozen=True)
class _Case:
    package: str
    name: str  # shown
    rule: str  # the rule name evaluated (renamed when repeated)
    file: str
    line: int
    partial_object: bool
    skip: bool


def run_tests(
    paths: Sequence[Path],
    *,
    run: str | None = None,
    coverage: bool = False,
    include_builtin: bool = True,
    fail_on_empty: bool = False,
    exit_zero_on_skipped: bool = False,
    cwd: Path | None = None,
    allow_builtins: Collection[str] = (),
) -> TestReport:
    """Load the policies and tests under ``paths`` and run every test. Raises PolicyError
    (exit 2) for a policy that does not parse or compile or calls a restricted builtin not
    in ``allow_builtins`` (the policy sandbox, as for a scan), UsageError for a bad regex."""
    import regorus


    try:
        pattern = re.compile(run) if run else None
    except re.error as exc:
        raise UsageError(f"--run: invalid regular expression {run!r}: {exc}") from None
    tested = read_modules(paths, include_builtin=False, tests=None, relative_to=cwd or Path.cwd())
    check_builtins(tested.modules, allow_builtins)
    modules, data = dict(tested.modules), tested.data
    cases = _discover(tested.scanned)
    for case in cases:
        if case.rule != case.name.split("#")[0]:
            modules[case.file] = _rename_head(modules[case.file], case.line, case.name.split("#")[0], case.rule)
    support, support_data = _support_modules(tested) if include_builtin else ({}, {})
    engine = regorus.Engine()
    add_modules(engine, {**support, **modules})
    merged: dict[str, Any] = {}
    merge_data(merged, support_data)
    merge_data(merged, data)
    if merged:
        engine.add_data_json(json.dumps(merged))
    check_compiles(engine)
    if coverage:
        engine.set_enable_coverage(True)
    selected = [c for c in cases if pattern is None or pattern.search(f"data.{c.package}.{c.name}")]
    results = tuple(_run_case(engine, case) for case in selected)
    report_coverage = None
    if coverage:
        policy_files = {m.path for m in tested.scanned if not is_test_file(Path(m.path))}
        report_coverage = _coverage(json.loads(engine.get_coverage_report_as_json()), policy_files)
    return TestReport(
        results=results,
        coverage=report_coverage,
        paths=tuple(str(p) for p in paths),
        fail_on_empty=fail_on_empty,
        exit_zero_on_skipped=exit_zero_on_skipped,
    )


def _discover(scanned: Iterable[RegoModule]) -> list[_Case]:
    """Test rules in module order, repeated names numbered as OPA numbers them."""
    seen: dict[tuple[str, str], int] = {}
    cases: list[_Case] = []
    for module in scanned:
        for name, line, rest in module.heads:
            if not name.startswith((TEST_PREFIX, SKIP_PREFIX)) or rest.startswith("("):
                continue
            key = (module.package, name)
            count = seen.get(key, 0)
            seen[key] = count + 1
            shown, rule = (name, name) if count == 0 else (f"{name}#{count:02d}", f"{name}__iac_guard_{count:02d}")
            cases.append(
                _Case(module.package, shown, rule, module.path, line, rest.startswith("["), name.startswith(SKIP_PREFIX))
            )
    return cases


def _rename_head(source: str, line: int, name: str, new_name: str) -> str:
    """Give the rule head at ``line`` (which starts with ``name``) a distinct name."""
    lines = source.split("\n")
    lines[line - 1] = new_name + lines[line - 1][len(name) :]
    return "\n".join(lines)


def _support_modules(tested: ModuleSet) -> tuple[dict[str, str], dict[str, Any]]:
    """The built-in library's policy modules whose packages the tested paths do not
    define themselves (all of them when testing a directory of your own; the rest of the
    library, ``iac_guard.lib`` included, when testing a part of it)."""
    library = read_modules([], include_builtin=True, tests=False)
    own = {m.package for m in tested.scanned}
    return {m.path: library.modules[m.path] for m in library.scanned if m.package not in own}, library.data


def _run_case(engine: Any, case: _Case) -> CaseResult:
    base = CaseResult(case.package, case.name, case.file, case.line, Outcome.SKIPPED)
    if case.skip:
        return base
    try:
        raw = engine.eval_query_as_json(f"data.{case.package}.{case.rule}")
    except RuntimeError as exc:
        error = policy_error(str(exc), None)
        return replace(base, outcome=Outcome.ERROR, detail=error.message, error_file=error.file, error_line=error.line)
    rows = json.loads(raw).get("result") or []
    if not rows:
        return replace(base, outcome=Outcome.FAIL, detail="undefined")
    value = rows[0]["expressions"][0]["value"]
    if value is True:
        return replace(base, outcome=Outcome.PASS)
    if case.partial_object and isinstance(value, dict):
        subs = tuple(SubResult(str(k), v is True) for k, v in sorted(value.items()))
        failed = any(not s.passed for s in subs)
        return replace(base, outcome=Outcome.FAIL if failed else Outcome.PASS, sub_results=subs)
    return replace(base, outcome=Outcome.FAIL, detail=f"evaluated to {json.dumps(value, sort_keys=True)}")


def _coverage(report: Mapping[str, Any], files: set[str]) -> tuple[FileCoverage, ...]:
    out = [
        FileCoverage(
            str(entry["path"]),
            tuple(sorted(int(n) for n in entry.get("covered") or ())),
            tuple(sorted(int(n) for n in entry.get("not_covered") or ())),
        )
        for entry in report.get("files") or ()
        if entry.get("path") in files
    ]
    return tuple(sorted(out, key=lambda f: f.file))


# ---- rendering -------------------------------------------------------------------------

RULE = "-" * 80


def render_text(report: TestReport) -> str:
    """Like ``opa test -v``: each test under its file:line, then failures' reasons and a
    summary (``PASS: n/m``); with coverage, a per-file table and the uncovered lines."""
    out: list[str] = []
    last_file = ""
    for result in report.results:
        if last_file and result.file != last_file:
            out.append("")
        last_file = result.file
        out.append(f"{result.file}:{result.line}:")
        out.append(f"{result.full_name}: {result.outcome.value}")
        for sub in result.sub_results:
            out.append(f"  {sub.name}: {'PASS' if sub.passed else 'FAIL'}")
        if result.outcome is Outcome.FAIL and result.detail:
            out.append(f"  {result.detail}")
        if result.outcome is Outcome.ERROR:
            where = f"{result.error_file}:{result.error_line}: " if result.error_file and result.error_line else ""
            out.append(f"  {where}{result.detail}")
    if not report.results:
        out.append(f"no tests found in {', '.join(report.paths) or '.'}")
    if report.coverage is not None:
        out.extend(["", RULE, "COVERAGE (policy files; tests excluded)"])
        width = max((len(f.file) for f in report.coverage), default=4)
        for cov in report.coverage:
            missing = f"  not covered: {line_ranges(cov.not_covered)}" if cov.not_covered else ""
            out.append(f"{cov.file.ljust(width)}  {cov.percent:6.1f}%{missing}")
        out.append(f"{'TOTAL'.ljust(width)}  {report.total_coverage:6.1f}%")
    out.append(RULE)
    counts = report.counts()
    total = sum(counts.values())
    for outcome in Outcome:
        if counts[outcome.value]:
            out.append(f"{outcome.value}: {counts[outcome.value]}/{total}")
    # names, details and files come from the policies under test: shown, never obeyed
    return "\n".join(printable(line) for line in out) + "\n"


def render_json(report: TestReport) -> str:
    counts = report.counts()
    doc: dict[str, Any] = {
        "results": [
            {
                "package": r.package,
                "name": r.name,
                "file": r.file,
                "line": r.line,
                "outcome": r.outcome.value,
                "detail": r.detail,
                "error": {"file": r.error_file, "line": r.error_line} if r.outcome is Outcome.ERROR else None,
                "sub_results": [{"name": s.name, "passed": s.passed} for s in r.sub_results],
            }
            for r in report.results
        ],
        "summary": {k.lower(): v for k, v in counts.items()} | {"total": sum(counts.values())},
        "exit_code": report.exit_code,
    }
    if report.coverage is not None:
        doc["coverage"] = {
            "files": {
                c.file: {"covered": list(c.covered), "not_covered": list(c.not_covered), "percent": round(c.percent, 2)}
                for c in report.coverage
            },
            "percent": round(report.total_coverage, 2),
        }
    return json_text(doc) + "\n"


RENDERERS = {"text": render_text, "json": render_json}


def line_ranges(lines: Iterable[int]) -> str:
    """``[3, 4, 5, 9]`` as ``3-5, 9``."""
    spans: list[list[int]] = []
    for n in sorted(lines):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)

