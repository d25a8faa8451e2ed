"""Several reports in one run: --format NAME[=FILE], --output, --<format> FILE, config."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from iac_guard.cli import main
from iac_guard.models import Policy
from iac_guard.report import FORMATTERS
from tests.conftest import REPO
from tests.starter import only_starter


def test_every_format_at_once(spine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r"
    code = main(["scan", str(spine / "mixed"), *only_starter(), "-q", "--json", f"{out}.json", "--sarif", f"{out}.sarif", "--junit", f"{out}.xml", "--markdown", f"{out}.md"])
    stdout = capsys.readouterr().out
    assert code == 1
    assert stdout.splitlines()[-1].startswith("FAILED: 6 finding(s) at or above high")
    assert json.loads(Path(f"{out}.json").read_text())["summary"]["total"] == 10
    assert json.loads(Path(f"{out}.sarif").read_text())["version"] == "2.1.0"
    assert ET.parse(f"{out}.xml").getroot().get("failures") == "6"
    assert Path(f"{out}.md").read_text().startswith("<!-- iac-guard:summary -->\n## \u274c")


def test_format_name_equals_file_and_output(spine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", str(spine / "mixed"), *only_starter(), "--format", "json", "--format", f"sarif={tmp_path / 'a.sarif'}"])
    assert code == 1 and json.loads(capsys.readouterr().out)["summary"]["failing"] == 6
    assert (tmp_path / "a.sarif").is_file()
    code = main(["scan", str(spine / "mixed"), *only_starter(), "--format", "json", "--output", str(tmp_path / "b.json"), "--junit", str(tmp_path / "b.xml")])
    assert code == 1 and capsys.readouterr().out == ""
    assert (tmp_path / "b.json").is_file() and (tmp_path / "b.xml").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json", "--format", "sarif"], "only one --format can go to standard output, got json, sarif"),
        (["--format", "nope"], "unknown format 'nope' (expected one of: text, json, sarif, junit, markdown, annotations)"),
        (["--format", "sarif="], "format 'sarif=': expected NAME=FILE"),
        (["--format", "sarif=same.out", "--junit", "same.out"], "two reports would write same.out: sarif, junit"),
    ],
)
def test_bad_format_arguments_exit_2(spine: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert main(["scan", str(spine / "mixed"), *only_starter(), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_config_file_lists_reports(spine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".iac-guard.yaml").write_text(f"format: [json, 'junit={tmp_path / 'c.xml'}', {{format: sarif, path: {tmp_path / 'c.sarif'}}}]\n")
    monkeypatch.chdir(tmp_path)
    assert main(["scan", str(spine / "mixed"), *only_starter()]) == 1
    assert json.loads(capsys.readouterr().out)["verdict"] == "fail"
    assert (tmp_path / "c.xml").is_file() and (tmp_path / "c.sarif").is_file()


def test_format_lists_come_from_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["scan", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    for name, fmt in FORMATTERS.items():
        assert name in help_text
        assert (f"--{name} FILE" in help_text) == fmt.file_option
    readme = (REPO / "README.md").read_text()
    for name in FORMATTERS:
        assert f"| `{name}` |" in readme, f"README's format table lacks {name}"


def test_machine_readable_is_a_field_of_each_format() -> None:
    assert {name: fmt.machine_readable for name, fmt in FORMATTERS.items()} == {
        "text": False, "json": True, "sarif": True, "junit": True, "markdown": True, "annotations": True,
    }


def test_test_and_policies_formats_come_from_their_renderers(capsys: pytest.CaptureFixture[str]) -> None:
    from iac_guard.policy import catalog, testing

    for argv, renderers in ((["test", "--help"], testing.RENDERERS), (["policies", "list", "--help"], catalog.RENDERERS)):
        with pytest.raises(SystemExit):
            main(argv)
        assert "--format {" + ",".join(renderers) + "}" in capsys.readouterr().out
    assert main(["policies", "list", "--format", "markdown"]) == 0
    assert capsys.readouterr().out == catalog.RENDERERS["markdown"](_builtin_policies())
    assert main(["test", "--format", "yaml"]) == 2
    assert "argument --format: invalid choice: 'yaml'" in capsys.readouterr().err


def _builtin_policies() -> tuple[Policy, ...]:
    from iac_guard.policy.loader import load_policies

    return load_policies([], relative_to=Path.cwd()).policies


def test_readme_option_table_lists_every_scan_option() -> None:
    import argparse

    from iac_guard.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    scan = sub.choices["scan"]
    options = [o for a in scan._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
    assert {"--var-file", "--var", "--comment-key", "--output"} <= set(options)
    section = (REPO / "README.md").read_text().split("## Command line", 1)[1].split("### Exit codes", 1)[0]
    missing = [o for o in options if not re.search(rf"`{re.escape(o)}[` ]", section)]
    assert missing == []


def test_output_help_says_standard_output_carries_no_report(spine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["scan", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "to FILE instead; standard output then carries no report" in help_text and "shows the text report" not in help_text
    assert main(["scan", str(spine / "mixed"), *only_starter(), "--output", str(tmp_path / "report.txt")]) == 1
    assert capsys.readouterr().out == ""
    assert (tmp_path / "report.txt").read_text().splitlines()[-1].startswith("FAILED: 6 finding(s) at or above high")
