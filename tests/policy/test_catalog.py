"""The policy catalog: `policies list` (text, JSON) and `policies doc` (Markdown)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iac_guard.cli import main
from iac_guard.policy.catalog import render_markdown, slug
from iac_guard.policy.loader import load_policies
from tests.conftest import REPO

CATALOG = "tests/fixtures/policytools/catalog"


@pytest.fixture(autouse=True)
def _repo_cwd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def test_committed_catalog_is_current() -> None:
    """docs/policies.md is generated from the built-in library; regenerate it with
    `iac-guard policies doc --output docs/policies.md` when this fails."""
    fresh = render_markdown(load_policies([], include_builtin=True).policies)
    assert (REPO / "docs" / "policies.md").read_text(encoding="utf-8") == fresh


def test_builtin_catalog_lists_every_policy_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policies", "list", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    ids = [p["id"] for p in doc["policies"]]
    policies = load_policies([], include_builtin=True).policies
    assert doc["count"] == len(ids) == len(set(ids)) == len(policies)
    assert all(p["file"].startswith("policies/") and p["line"] >= 1 for p in doc["policies"])
    markdown = render_markdown(policies)
    assert all(markdown.count(f"#### {p.id}: ") == 1 for p in policies)


def test_list_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policies", "list", "--no-builtin-policies", "--policy-dir", CATALOG]) == 0
    assert capsys.readouterr().out == (
        "DEMO-AWS-001     low       terraform  S3 bucket | access logging is off\n"
        "    resource types: aws_s3_bucket\n"
        "    frameworks: CIS-AWS-2.1.3, SOC2-CC7.2\n"
        f"    source: {CATALOG}/s3_logging.rego:1\n"
        "DEMO-AZ-001      high      terraform  Storage account accepts plain HTTP\n"
        "    resource types: azurerm_storage_account\n"
        "    frameworks: CIS-Azure:3.1\n"
        f"    source: {CATALOG}/azure_https.rego:1\n"
        "DEMO-CUSTOM-001  info      terraform  Names follow the team convention\n"
        "    resource types: aws_s3_bucket, aws_sqs_queue\n"
        f"    source: {CATALOG}/naming.rego:1\n"
        "3 policies\n"
    )


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policies", "list", "--format", "json", "--no-builtin-policies", "--policy-dir", CATALOG]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["count"] == 3
    assert doc["policies"][1] == {
        "id": "DEMO-AZ-001",
        "title": "Storage account accepts plain HTTP",
        "severity": "high",
        "applies_to": ["terraform"],
        "resource_types": ["azurerm_storage_account"],  # the type in a comment is not counted
        "frameworks": ["CIS-Azure:3.1"],
        "package": "iac_guard.azure.storage.https",
        "file": f"{CATALOG}/azure_https.rego",
        "line": 1,
        "description": "Traffic to the account can be read on the wire.\nRequire HTTPS.",
        "remediation": "Set `https_traffic_only_enabled = true`.",
        "related_resources": [
            "https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer",
            "https://example.com/second",
        ],
        "forms": ["`https_traffic_only_enabled = false`", "the legacy name `enable_https_traffic_only`"],
        "not_flagged": ["an unknown value (a variable without default)"],
    }


def test_doc_groups_by_cloud_and_service(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "catalog.md"
    assert main(["policies", "doc", "--no-builtin-policies", "--policy-dir", CATALOG, "--output", str(target)]) == 0
    assert capsys.readouterr().err == f"wrote {target} (3 policies)\n"
    text = target.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# iac-guard policy catalog",
        "## AWS",
        "### S3",
        "#### DEMO-AWS-001: S3 bucket | access logging is off",
        "## Azure",
        "### Storage",
        "#### DEMO-AZ-001: Storage account accepts plain HTTP",
        "## Custom",
        "### Acme",
        "#### DEMO-CUSTOM-001: Names follow the team convention",
    ]
    assert "| [DEMO-AWS-001](#demo-aws-001-s3-bucket--access-logging-is-off) | S3 bucket \\| access logging is off | low | terraform |" in text
    assert "| Source | `tests/fixtures/policytools/catalog/azure_https.rego:1` |" in text
    assert (
        "**Forms read:**\n\n- `https_traffic_only_enabled = false`\n- the legacy name `enable_https_traffic_only`\n\n"
        "**Deliberately not flagged:**\n\n- an unknown value (a variable without default)\n\n"
        "**Remediation:** Set `https_traffic_only_enabled = true`."
    ) in text
    assert "**Remediation:** Set `https_traffic_only_enabled = true`.\n\n**References:**\n\n- <https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer>\n- <https://example.com/second>\n" in text


def test_builtin_sources_link_to_the_policy_file() -> None:
    text = (REPO / "docs" / "policies.md").read_text(encoding="utf-8")
    policy = load_policies([], include_builtin=True).policies[0]
    assert f"| Source | [{policy.file}:{policy.line}](../{policy.file}#L{policy.line}) |" in text


def test_slug_matches_github_anchors() -> None:
    assert slug("IAC-AWS-SG-001: Security group allows SSH (22) from the internet") == (
        "iac-aws-sg-001-security-group-allows-ssh-22-from-the-internet"
    )


def test_a_policy_that_does_not_compile_is_exit_2_not_a_catalog_entry(capsys: pytest.CaptureFixture[str]) -> None:
    broken = REPO / "tests" / "fixtures" / "spine" / "policies_broken_syntax"
    for command in (["policies", "list"], ["policies", "doc"]):
        assert main([*command, "--no-builtin-policies", "--policy-dir", str(broken)]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith("iac-guard: error: tests/fixtures/spine/policies_broken_syntax/broken.rego:10: ")
