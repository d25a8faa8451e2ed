"""End to end through the Dagster job (run_scan) and the CLI's options."""

from __future__ import annotations

from pathlib import Path

import pytest

from iac_guard.cli import build_parser, config_from_args
from iac_guard.errors import ConfigError
from iac_guard.orchestration.jobs import run_scan
from iac_guard.report.text import render
from iac_guard.settings import ScanConfig

from .helpers import FIXTURES


@pytest.fixture(autouse=True)
def _no_tf_vars(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("TF_VAR_") or key == "TF_WORKSPACE":
            monkeypatch.delenv(key)


def test_tfvars_make_a_bucket_public_and_the_finding_says_so():
    config = ScanConfig.from_dict({"paths": [str(FIXTURES / "variables")], "vars": ["unset=x"], "fail_on": "critical"})
    result = run_scan(config).result
    assert result.problems == ()
    [public] = [f for f in result.findings if f.rule_id == "IAC-AWS-S3-001"]
    assert (public.resource, public.file, public.line, public.attribute) == ("aws_s3_bucket.data", "main.tf", 3, "acl")
    assert public.provenance == ("var.acl set by terraform.tfvars:1",)
    assert result.decision.exit_code == 1
    assert "from: var.acl set by terraform.tfvars:1" in render(result)

    private = run_scan(config.merged(vars=("unset=x", "acl=private"))).result
    assert not [f for f in private.findings if f.rule_id == "IAC-AWS-S3-001"]
    assert private.decision.exit_code == 0


def test_plan_scan_uses_the_same_policies_and_maps_to_hcl():
    config = ScanConfig(
        paths=(str(FIXTURES / "plan_tree" / "plan.json"),),
        policy_dirs=(str(FIXTURES / "policies"),),
    )
    result = run_scan(config).result
    assert result.problems == ()
    findings = [(f.rule_id, f.resource, f.file, f.line, f.iac_kind) for f in result.findings]
    assert findings == [
        ("TEST-TFDATA-001", "terraform_data.root", "main.tf", 19, "terraform"),
        ("TEST-TFDATA-001", 'module.net["dev"].module.sg[0].terraform_data.this', "modules/sg/main.tf", 11, "terraform"),
        ("TEST-TFDATA-001", 'module.net["prod"].module.sg[0].terraform_data.this', "modules/sg/main.tf", 11, "terraform"),
        ("TEST-TFDATA-001", 'module.net["prod"].module.sg[1].terraform_data.this', "modules/sg/main.tf", 11, "terraform"),
        ("TEST-TFDATA-001", 'module.net["stage"].module.sg[0].terraform_data.this', "modules/sg/main.tf", 11, "terraform"),
    ]
    assert result.resources == 20
    assert result.decision.exit_code == 1


def test_unparseable_terraform_fails_closed():
    result = run_scan(ScanConfig(paths=(str(FIXTURES / "badfor"),))).result
    assert [(p.code, p.file, p.line) for p in result.problems] == [("parse-error", "main.tf", 3)]
    assert result.decision.exit_code == 2


def test_cli_var_options_reach_the_config_and_round_trip(tmp_path: Path):
    args = build_parser().parse_args(
        ["scan", "x", "--var-file", "a.tfvars", "--var", "acl=private", "--var-file", "b.tfvars", "--var", "n=2"]
    )
    config = config_from_args(args, tmp_path)
    assert config.var_files == ("a.tfvars", "b.tfvars")
    assert config.vars == ("acl=private", "n=2")
    assert ScanConfig.from_dict(config.to_dict()) == config
    assert ScanConfig.from_dict({"var-file": "c.tfvars", "var": ["x=1"]}).var_files == ("c.tfvars",)
    with pytest.raises(ConfigError, match="var: expected NAME=VALUE"):
        ScanConfig.from_dict({"var": ["novalue"]})


def test_two_root_modules_sharing_a_module_are_told_apart():
    """envs/dev and envs/prod both call modules/bucket: the same address and file in two
    configurations. Only dev passes a public ACL, so only dev's instance is flagged, with
    dev's provenance and the root module named."""
    config = ScanConfig.from_dict({"paths": [str(FIXTURES / "shared_module")], "only": ["IAC-AWS-S3-001"]})
    result = run_scan(config).result
    roots = sorted((r.root, r.address, r.file) for r in result_resources(config))
    assert roots == [
        ("envs/dev", "module.site", "envs/dev/main.tf"),
        ("envs/dev", "module.site.aws_s3_bucket.this", "modules/bucket/main.tf"),
        ("envs/prod", "module.site", "envs/prod/main.tf"),
        ("envs/prod", "module.site.aws_s3_bucket.this", "modules/bucket/main.tf"),
    ]
    got = [(f.rule_id, f.resource, f.root, f.file, f.line, f.provenance) for f in result.findings]
    assert got == [
        ("IAC-AWS-S3-001", "module.site.aws_s3_bucket.this", "envs/dev", "modules/bucket/main.tf", 12,
         ("var.acl set by module.site at envs/dev/main.tf:4",)),
    ]
    assert "module.site.aws_s3_bucket.this  (root module envs/dev)" in render(result)


def test_both_root_modules_flagged_give_two_findings(tmp_path: Path):
    import shutil

    shutil.copytree(FIXTURES / "shared_module", tmp_path / "tree")
    prod = tmp_path / "tree" / "envs" / "prod" / "main.tf"
    prod.write_text(prod.read_text().replace('name   = "acme-prod-site"', 'name   = "acme-prod-site"\n  acl    = "public-read-write"'))
    config = ScanConfig.from_dict({"paths": [str(tmp_path / "tree")], "only": ["IAC-AWS-S3-001"]})
    findings = run_scan(config).result.findings
    assert sorted((f.root, f.line) for f in findings) == [("envs/dev", 12), ("envs/prod", 12)]
    assert len({f.fingerprint for f in findings}) == 2


def result_resources(config: ScanConfig):
    from iac_guard.discover import discover
    from iac_guard.parse.runner import build_kind_input

    files = discover([Path(p) for p in config.paths]).files
    return build_kind_input("terraform", files, jobs=1).resources
