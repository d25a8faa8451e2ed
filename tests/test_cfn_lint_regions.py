"""cfn-lint as a user wants it (issue 11): one region by default, the ``cfn-lint-regions``
setting, one finding per rule and line whatever the regions, readable messages with the
whole text in the JSON report's ``details``.

The repository: two templates, each an EC2 instance with an instance type no region has.
Linting every region (cfn-lint's ``lint_all``, what the scanner did) gave the same E3628
on each line once per region, each message quoting the region's whole list of instance
types (over 10,000 characters)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from iac_guard.cli import main
from iac_guard.models import SourceFile
from iac_guard.scanners import cfn_lint
from iac_guard.scanners.base import ScannerOptions
from iac_guard.scanners.cfn_lint import CfnLintScanner, capped, regions_for, template_regions

TEMPLATE = """AWSTemplateFormatVersion: "2010-09-09"
{metadata}Resources:
  {name}:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      InstanceType: {instance_type}
"""
PINNED = "Metadata:\n  cfn-lint:\n    config:\n      regions: [eu-west-1, ap-southeast-2]\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "web.yaml").write_text(TEMPLATE.format(metadata="", name="Web", instance_type="t2.gigantic"))
    (tmp_path / "worker.yaml").write_text(TEMPLATE.format(metadata=PINNED, name="Worker", instance_type="m5.colossal"))
    return tmp_path


def scan_json(repo: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    code = main(["scan", str(repo), "--scanner", "cfn-lint", "--no-builtin-policies", "--no-cache", "--format", "json", *extra])
    assert code == 0  # cfn-lint errors are medium: below the default fail-on (high)
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return document


def test_all_regions_repeat_every_finding(repo: Path) -> None:
    """What the scanner did before: cfn-lint's every-region lint, one match per region."""
    from cfnlint.api import lint_all

    matches = [m for m in lint_all((repo / "web.yaml").read_text()) if m.rule.id == "E3628"]
    assert len(matches) > 20 and len({m.linenumber for m in matches}) == 1
    assert max(len(m.message) for m in matches) > 10_000


def test_one_finding_per_rule_and_line_with_the_whole_message_in_details(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = scan_json(repo, capsys)
    found = [(f["rule_id"], f["file"], f["line"], f["resource"], f["attribute"]) for f in document["findings"]]
    assert found == [
        ("cfn-lint:E3628", "web.yaml", 7, "Web", "InstanceType"),
        ("cfn-lint:E3628", "worker.yaml", 11, "Worker", "InstanceType"),
    ]
    # web.yaml in us-east-1 (the default); worker.yaml in the regions it pins, the first kept
    expected = (("t2.gigantic", "us-east-1"), ("m5.colossal", "eu-west-1"))
    for finding, (value, region) in zip(document["findings"], expected, strict=True):
        assert len(finding["message"]) == cfn_lint.MAX_MESSAGE and finding["message"].endswith("\u2026")
        assert finding["message"].startswith(f"'{value}' is not one of ['")
        assert finding["details"].startswith(finding["message"][:-1])
        assert len(finding["details"]) > 10_000 and finding["details"].endswith(f"] in '{region}'")


def test_configured_regions_still_give_one_finding_per_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = scan_json(repo, capsys, "--cfn-lint-region", "us-east-1", "--cfn-lint-region", "eu-west-1", "--cfn-lint-region", "us-west-2")
    assert [(f["file"], f["line"]) for f in document["findings"]] == [("web.yaml", 7), ("worker.yaml", 11)]
    assert [f["details"][-13:] for f in document["findings"]] == ["in 'us-east-1'"[-13:]] * 2


def test_the_regions_linted(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The template's own regions, else us-east-1; the setting replaces both; the
    environment's AWS_REGION never decides."""
    import cfnlint.api

    seen: dict[str, list[str]] = {}
    real = cfnlint.api.lint

    def spy(text: str, rules: Any = None, regions: list[str] | None = None, config: Any = None) -> Any:
        seen["Worker" if "Worker" in text else "Web"] = list(regions or [])
        return real(text, regions=regions)

    monkeypatch.setattr(cfnlint.api, "lint", spy)
    monkeypatch.setenv("AWS_REGION", "sa-east-1")
    sources = [SourceFile(repo / name, name, "cloudformation", 0) for name in ("web.yaml", "worker.yaml")]
    CfnLintScanner(ScannerOptions()).scan(repo, sources)
    assert seen == {"Web": ["us-east-1"], "Worker": ["eu-west-1", "ap-southeast-2"]}
    CfnLintScanner(ScannerOptions(cfn_lint_regions=("eu-central-1",))).scan(repo, sources)
    assert seen == {"Web": ["eu-central-1"], "Worker": ["eu-central-1"]}


def test_region_helpers() -> None:
    assert template_regions({"Metadata": {"cfn-lint": {"config": {"regions": "us-west-1"}}}}) == ("us-west-1",)
    assert template_regions({"Metadata": {"cfn-lint": {"config": {"regions": [1, "", "eu-north-1"]}}}}) == ("eu-north-1",)
    assert template_regions({"Metadata": "x"}) == () and template_regions(["not", "a", "template"]) == ()
    assert regions_for({}, ()) == ["us-east-1"]
    assert regions_for({"Metadata": {"cfn-lint": {"config": {"regions": ["us-west-1"]}}}}, ("eu-west-3",)) == ["eu-west-3"]
    assert capped("x" * 300) == "x" * 300
    assert capped("x" * 301) == "x" * 299 + "\u2026"


def test_config_key_and_type(tmp_path: Path) -> None:
    from iac_guard.settings import ScanConfig

    assert ScanConfig.from_dict({"cfn-lint-regions": ["eu-west-1"]}).cfn_lint_regions == ("eu-west-1",)
    assert ScanConfig().cfn_lint_regions == ()
