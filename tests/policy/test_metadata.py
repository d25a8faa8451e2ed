"""Policy METADATA validation in the loader, resource types, and Rego v0 modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from iac_guard.cli import main
from iac_guard.errors import PolicyError
from iac_guard.policy.embedded import EmbeddedEngine
from iac_guard.policy.loader import load_policies, resource_types_in
from iac_guard.policy.regorus import looks_like_v0

POLICY = """# METADATA
# title: Demo
# custom:
#   id: DEMO-1
#   severity: high
{extra}package demo.p

import rego.v1

deny contains "x" if false
"""


def _load(tmp_path: Path, extra: str) -> PolicyError:
    (tmp_path / "p.rego").write_text(POLICY.format(extra=extra), encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        load_policies([tmp_path], include_builtin=False)
    return info.value


def test_metadata_type_errors_name_file_and_line(tmp_path: Path) -> None:
    error = _load(tmp_path, "#   frameworks: 3\n")
    assert (error.file, error.line, error.message) == ("p.rego", 1, "custom.frameworks must be a string or a list of strings, not 3")
    error = _load(tmp_path, "# related_resources: https://example.com\n")
    assert (error.file, error.line, error.message) == ("p.rego", 1, "related_resources must be a list of {ref: URL}")
    error = _load(tmp_path, "# related_resources:\n#   - description: no ref\n")
    assert error.message == "related_resources entry {'description': 'no ref'} has no ref"
    error = _load(tmp_path, "#   kinds: [terraform, {a: b}]\n")
    assert error.message.startswith("custom.kinds must be a string or a list of strings")


def test_forms_and_not_flagged_shapes(tmp_path: Path) -> None:
    error = _load(tmp_path, "#   forms: a single string\n")
    assert (error.file, error.line, error.message) == ("p.rego", 1, "custom.forms must be a list of strings, not 'a single string'")
    error = _load(tmp_path, "#   not_flagged: {why: because}\n")
    assert (error.file, error.line, error.message) == ("p.rego", 1, "custom.not_flagged must be a list of strings, not {'why': 'because'}")
    error = _load(tmp_path, "#   forms: [ok, 3]\n")
    assert (error.file, error.line, error.message) == ("p.rego", 1, "custom.forms entries must be non-empty strings, not 3")
    error = _load(tmp_path, "#   not_flagged: [\"  \"]\n")
    assert error.message == "custom.not_flagged entries must be non-empty strings, not '  '"
    (tmp_path / "p.rego").write_text(POLICY.format(extra="#   forms:\n#     - >-\n#       two\n#       lines\n#   not_flagged: [x]\n"), encoding="utf-8")
    (policy,) = load_policies([tmp_path], include_builtin=False).policies
    assert (policy.forms, policy.not_flagged) == (("two lines",), ("x",))


def test_unknown_severity_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.rego").write_text(POLICY.format(extra="").replace("severity: high", "severity: urgent"), encoding="utf-8")
    assert main(["policies", "list", "--no-builtin-policies", "--policy-dir", str(tmp_path)]) == 2
    assert "p.rego:1: unknown severity 'urgent' (expected one of: critical, high, medium, low, info)" in capsys.readouterr().err


def test_frameworks_and_related_resources_parsed(tmp_path: Path) -> None:
    extra = "#   frameworks: {CIS-AWS: [2.1.1, 2.1.2], PCI: 3.4}\n# related_resources:\n#   - ref: https://a.example\n#     description: A\n"
    (tmp_path / "p.rego").write_text(POLICY.format(extra=extra), encoding="utf-8")
    (policy,) = load_policies([tmp_path], include_builtin=False).policies
    assert policy.frameworks == ("CIS-AWS:2.1.1,2.1.2", "PCI:3.4")
    assert policy.related_resources == ("https://a.example",)
    assert policy.docs_url == "https://a.example"


def test_resource_types_from_code_not_comments() -> None:
    source = '''some r in lib.managed("aws_s3_bucket") # "aws_kms_key" in a comment
types := {"AWS::S3::Bucket", "google_storage_bucket", "not_a_type", "aws_s3_bucket"}
msg := "# not a comment: \\"azurerm_key_vault\\""
'''
    assert resource_types_in([source]) == ("AWS::S3::Bucket", "aws_s3_bucket", "google_storage_bucket")


def test_rego_v0_modules_load_beside_v1(tmp_path: Path) -> None:
    (tmp_path / "old.rego").write_text('package main\n\ndeny[msg] {\n  input.kind == "Pod"\n  msg := "no pods"\n}\n', encoding="utf-8")
    (tmp_path / "new.rego").write_text('package main\n\nimport rego.v1\n\nwarn contains "new" if input.kind == "Pod"\n', encoding="utf-8")
    policy_set = load_policies([tmp_path], include_builtin=False, namespaces=["main"])
    engine = EmbeddedEngine(policy_set)
    results = engine.evaluate(["main"], {"kind": "Pod"})
    assert results == {"main": {"deny": ["no pods"], "warn": ["new"]}}


def test_v0_syntax_error_reported_where_v0_fails(tmp_path: Path) -> None:
    (tmp_path / "old.rego").write_text('package main\n\ndeny[msg] {\n  msg := "a"\n}\n\nwarn[msg] {\n  msg :=\n}\n', encoding="utf-8")
    policy_set = load_policies([tmp_path], include_builtin=False, namespaces=["main"])
    with pytest.raises(PolicyError) as info:
        EmbeddedEngine(policy_set)
    assert (info.value.file, info.value.line) == ("old.rego", 7)  # not line 3, where v1 gave up
    (tmp_path / "old.rego").write_text("package main\n\nimport rego.v1\n\ndeny contains msg if {\n  msg :=\n}\n", encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        EmbeddedEngine(load_policies([tmp_path], include_builtin=False, namespaces=["main"]))
    assert (info.value.file, info.value.line) == ("old.rego", 6)  # v1 module: v1's error
    assert looks_like_v0("error: `if` keyword is required before rule body")
    assert not looks_like_v0("error: expecting }")


def test_missing_namespace_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "p.rego").write_text(POLICY.format(extra=""), encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        load_policies([tmp_path], include_builtin=False, namespaces=["main"])
    assert info.value.message == "no deny/violation/warn rules in namespace main (packages loaded: demo.p)"
