"""Policy loading: METADATA, the built-in library, and errors that name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from iac_guard.errors import PolicyError
from iac_guard.models import Severity
from iac_guard.policy.embedded import EmbeddedEngine
from iac_guard.policy.loader import builtin_policy_dir, load_policies
from iac_guard.policy.metadata import scan_module


def test_custom_policy_metadata(spine: Path) -> None:
    policy_set = load_policies([spine / "policies_custom"], include_builtin=False)
    (policy,) = policy_set.policies
    assert (policy.id, policy.package, policy.severity, policy.file, policy.line) == (
        "CUSTOM-001",
        "custom.naming",
        Severity.LOW,
        "naming.rego",
        1,
    )
    assert policy.title == "S3 bucket names must start with the team prefix"
    assert policy.remediation == "Prefix the bucket name with `acme-`."
    assert list(policy_set.modules) == ["naming.rego"]


def test_builtin_library_loads_and_compiles() -> None:
    policy_set = load_policies([], include_builtin=True)
    ids = [p.id for p in policy_set.policies]
    assert len(ids) == len(set(ids)) >= 12
    assert "IAC-AWS-S3-001" in ids
    assert all(p.title and p.remediation and p.docs_url.startswith("https://") for p in policy_set.policies)
    assert builtin_policy_dir().is_dir()
    EmbeddedEngine(policy_set)  # compiles every module, helpers included


def test_syntax_error_names_file_and_line(spine: Path) -> None:
    policy_set = load_policies([spine / "policies_broken_syntax"], include_builtin=False)
    with pytest.raises(PolicyError) as info:
        EmbeddedEngine(policy_set)
    assert (info.value.file, info.value.line) == ("broken.rego", 10)
    assert "Stack backtrace" not in str(info.value)


def test_missing_id_is_an_error_with_location(spine: Path) -> None:
    with pytest.raises(PolicyError) as info:
        load_policies([spine / "policies_missing_id"], include_builtin=False)
    assert (info.value.file, info.value.line) == ("noid.rego", 1)
    assert "custom.id" in info.value.message


def test_duplicate_id_is_an_error(spine: Path) -> None:
    with pytest.raises(PolicyError) as info:
        load_policies([spine / "policies_duplicate_id"], include_builtin=False)
    assert info.value.file == "b.rego"
    assert "DUP-001 is used twice" in info.value.message


def test_severity_override(spine: Path) -> None:
    policy_set = load_policies([spine / "policies_custom"], include_builtin=False, severity_overrides={"CUSTOM-001": Severity.CRITICAL})
    assert policy_set.policies[0].severity is Severity.CRITICAL


def test_metadata_scan_rule_annotations_and_bad_yaml() -> None:
    module = scan_module(
        "package p\n\nimport rego.v1\n\n# METADATA\n# title: Rule level\n# custom:\n#   id: R-1\ndeny contains 1 if true\n",
        "p.rego",
    )
    assert [(a.target, a.line, a.target_line, a.data["custom"]["id"]) for a in module.annotations] == [("deny", 5, 9, "R-1")]
    with pytest.raises(PolicyError) as info:
        scan_module("# METADATA\n# title: [unclosed\npackage p\n", "bad.rego")
    assert info.value.file == "bad.rego"


def test_a_syntax_error_is_reported_before_missing_metadata(tmp_path: Path) -> None:
    """A policy with no METADATA and a syntax error: the user must see the syntax error
    at its line, not "has no custom.id"."""
    (tmp_path / "p.rego").write_text("package x\n\nimport rego.v1\n\ndeny contains msg if {\n  msg := {\n}\n")
    with pytest.raises(PolicyError) as caught:
        load_policies([tmp_path], include_builtin=False)
    assert "custom.id" not in caught.value.message
    assert caught.value.message.startswith("expecting `}`")
    assert caught.value.file is not None and caught.value.file.endswith("p.rego")
