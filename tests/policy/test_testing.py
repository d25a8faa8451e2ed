"""`iac-guard test`: OPA's test semantics on Regorus, its report, coverage and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iac_guard.cli import main
from iac_guard.errors import PolicyError, UsageError
from iac_guard.policy.testing import Outcome, line_ranges, render_text, run_tests
from tests.conftest import FIXTURES, REPO

TOOLS = FIXTURES / "policytools"
UNIT = "tests/fixtures/policytools/unit"


@pytest.fixture(autouse=True)
def _repo_cwd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def test_outcomes_follow_opa_semantics() -> None:
    report = run_tests([Path(UNIT)])
    got = [(r.name, r.line, r.outcome, r.detail) for r in report.results]
    assert got == [
        ("test_missing_owner_denied", 8, Outcome.PASS, ""),
        ("test_owner_passes", 12, Outcome.PASS, ""),
        ("test_expects_no_denial", 17, Outcome.FAIL, "undefined"),
        ("test_unknown_tags_warned", 21, Outcome.PASS, ""),  # imports data.iac_guard.lib (built-in)
        ("test_owner_passes#01", 26, Outcome.FAIL, "undefined"),
        ("test_false", 30, Outcome.FAIL, "evaluated to false"),
        ("test_not_boolean", 32, Outcome.FAIL, 'evaluated to "yes"'),
        ("test_errors", 34, Outcome.ERROR, "could not parse string as number"),
        ("todo_test_environment_tag", 38, Outcome.SKIPPED, ""),
        ("test_table", 40, Outcome.PASS, ""),
    ]
    assert {r.file for r in report.results} == {f"{UNIT}/tags_test.rego"}
    error = report.results[7]
    assert (error.error_file, error.error_line) == (f"{UNIT}/tags_test.rego", 35)
    assert [(s.name, s.passed) for s in report.results[9].sub_results] == [("owner only", True)]
    assert report.counts() == {"PASS": 4, "FAIL": 4, "ERROR": 1, "SKIPPED": 1}
    assert report.exit_code == 1


def test_text_report_like_opa_test_verbose() -> None:
    text = render_text(run_tests([Path(UNIT)], run="owner_passes|errors"))
    assert text == (
        f"{UNIT}/tags_test.rego:12:\n"
        "data.tools.tags_test.test_owner_passes: PASS\n"
        f"{UNIT}/tags_test.rego:26:\n"
        "data.tools.tags_test.test_owner_passes#01: FAIL\n"
        "  undefined\n"
        f"{UNIT}/tags_test.rego:34:\n"
        "data.tools.tags_test.test_errors: ERROR\n"
        f"  {UNIT}/tags_test.rego:35: could not parse string as number\n"
        + "-" * 80 + "\n"
        "PASS: 1/3\n"
        "FAIL: 1/3\n"
        "ERROR: 1/3\n"
    )


def test_run_filter_matches_full_name_and_passing_run_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", UNIT, "--run", r"^data\.tools\.tags_test\.test_(missing|unknown)"]) == 0
    out = capsys.readouterr().out
    assert out.endswith("-" * 80 + "\nPASS: 2/2\n")
    assert main(["test", UNIT, "--run", "tags_test.test_owner"]) == 1


def test_skipped_fails_unless_exit_zero_on_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", UNIT, "--run", "todo_test_"]) == 1
    assert main(["test", UNIT, "--run", "todo_test_", "-z"]) == 0
    assert "SKIPPED: 1/1" in capsys.readouterr().out


def test_coverage_per_file_with_uncovered_lines(capsys: pytest.CaptureFixture[str]) -> None:
    report = run_tests([Path(UNIT)], coverage=True)
    assert report.coverage is not None
    (cov,) = report.coverage  # policy files only: tags_test.rego is not reported
    assert cov.file == f"{UNIT}/tags.rego"
    assert cov.not_covered == (25,)  # never_called(x)
    assert cov.covered == (11, 12, 13, 14, 15, 16, 19, 20, 21, 22)
    assert round(cov.percent, 1) == 90.9
    assert main(["test", UNIT, "--coverage", "--run", "missing_owner"]) == 0
    out = capsys.readouterr().out
    assert f"{UNIT}/tags.rego    72.7%  not covered: 19, 22, 25\n" in out
    assert "TOTAL                                        72.7%\n" in out


def test_json_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", UNIT, "--format", "json", "--coverage", "--run", "errors|missing_owner"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["outcome"], r["error"]) for r in doc["results"]] == [
        ("test_missing_owner_denied", "PASS", None),
        ("test_errors", "ERROR", {"file": f"{UNIT}/tags_test.rego", "line": 35}),
    ]
    assert doc["summary"] == {"pass": 1, "fail": 0, "error": 1, "skipped": 0, "total": 2}
    assert doc["exit_code"] == 1
    assert doc["coverage"]["files"][f"{UNIT}/tags.rego"]["not_covered"] == [19, 22, 25]


def test_rego_v0_tests_run() -> None:
    report = run_tests([TOOLS / "v0"])
    assert [(r.package, r.name, r.outcome) for r in report.results] == [
        ("main", "test_root_denied", Outcome.PASS),
        ("main", "test_non_root_allowed", Outcome.PASS),
    ]


def test_no_tests_is_success_unless_fail_on_empty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", "tests/fixtures/policytools/no_tests"]) == 0
    assert capsys.readouterr().out.startswith("no tests found in tests/fixtures/policytools/no_tests\n")
    assert main(["test", "tests/fixtures/policytools/no_tests", "--fail-on-empty"]) == 1


def test_load_errors_exit_2_with_file_and_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", "tests/fixtures/policytools/compile_error"]) == 2
    assert capsys.readouterr().err == (
        "iac-guard: error: tests/fixtures/policytools/compile_error/unsafe.rego:7: use of undefined variable `y` is unsafe\n"
    )
    assert main(["test", "tests/fixtures/spine/policies_broken_syntax"]) == 2
    assert "tests/fixtures/spine/policies_broken_syntax/broken.rego:10: " in capsys.readouterr().err
    assert main(["test", "no/such/dir"]) == 2
    with pytest.raises(PolicyError):
        run_tests([Path("tests/fixtures/policytools/compile_error")])
    with pytest.raises(UsageError):
        run_tests([TOOLS / "passing"], run="(")


def test_builtin_library_is_support_only_and_can_be_left_out() -> None:
    assert run_tests([TOOLS / "passing"]).exit_code == 0
    (result,) = run_tests([Path(UNIT)], include_builtin=False, run="unknown_tags").results
    assert (result.outcome, result.detail, result.error_file, result.error_line) == (
        Outcome.ERROR, "could not find function lib.is_unknown", f"{UNIT}/tags.rego", 21
    )


def test_line_ranges() -> None:
    assert line_ranges([9, 3, 4, 5, 11, 12]) == "3-5, 9, 11-12"
    assert line_ranges([]) == ""


def test_part_of_the_builtin_library_is_tested_with_the_rest_as_support(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = tmp_path / "policies"
    (library / "lib").mkdir(parents=True)
    (library / "aws" / "s3").mkdir(parents=True)
    (library / "lib" / "iac.rego").write_text("package iac_guard.lib\n\nimport rego.v1\n\nis_public(acl) if acl == \"public-read\"\n", encoding="utf-8")
    (library / "aws" / "s3" / "acl.rego").write_text(
        "package iac_guard.aws.s3.acl\n\nimport data.iac_guard.lib\nimport rego.v1\n\ndeny contains \"public\" if lib.is_public(input.acl)\n",
        encoding="utf-8",
    )
    (library / "aws" / "s3" / "acl_test.rego").write_text(
        "package iac_guard.aws.s3.acl_test\n\nimport data.iac_guard.aws.s3.acl\nimport rego.v1\n\n"
        "test_public if acl.deny == {\"public\"} with input as {\"acl\": \"public-read\"}\n",
        encoding="utf-8",
    )
    import iac_guard.policy.loader as loader

    monkeypatch.setattr(loader, "builtin_policy_dir", lambda: library)
    for tested in (library / "aws" / "s3", library):
        report = run_tests([tested])
        assert [(r.name, r.outcome) for r in report.results] == [("test_public", Outcome.PASS)]
