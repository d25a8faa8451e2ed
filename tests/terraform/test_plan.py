"""Terraform plan JSON: discovery, planned values, unknowns, mapping back to HCL; and a
check of the HCL evaluator's addresses against a real `terraform plan`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from iac_guard.discover import discover
from iac_guard.parse.registry import PARSERS
from iac_guard.terraform.plan import module_names

from .helpers import FIXTURES, build, by_address
from .test_modules import PLAN_TREE_MANAGED


def test_discovery_classifies_plan_json_as_tfplan(tmp_path: Path):
    template = tmp_path / "stack.json"
    template.write_text(json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}))
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"format_version": "1.0", "values": {}}))
    shutil.copy(FIXTURES / "plan_only" / "plan.json", tmp_path / "plan.json")
    found = {f.relpath: f.kind for f in discover([tmp_path]).files}
    assert found == {"plan.json": "tfplan", "stack.json": "cloudformation"}
    assert PARSERS["tfplan"].policy_kind == "terraform"


def test_plan_resources_map_to_hcl_in_the_scan_root():
    kind_input = build("plan_tree/plan.json", kind="tfplan")
    assert kind_input.kind == "terraform"
    assert kind_input.problems == ()
    resources = by_address(kind_input)
    assert sorted(resources) == PLAN_TREE_MANAGED
    this = resources['module.net["prod"].module.sg[1].terraform_data.this']
    assert (this.file, this.line, this.end_line, this.module) == (
        "modules/sg/main.tf",
        10,
        15,
        'module.net["prod"].module.sg[1]',
    )
    assert this.line_of("input") == 11
    assert this.values == {
        "input": {"acl": "public-read", "name": "prod-sg-1"},
        "triggers_replace": None,
        "id": {"__unknown__": 'module.net["prod"].module.sg[1].terraform_data.this.id'},
        "output": {"__unknown__": 'module.net["prod"].module.sg[1].terraform_data.this.output'},
    }
    assert this.unknown == ("id", "output")
    after = resources["module.single.terraform_data.after"]
    assert after.values["input"] == {"__unknown__": "terraform_data.this.id"}
    assert "input" in after.unknown
    assert resources["terraform_data.from_module"].values["input"] == ["prod-sg-0", "prod-sg-1"]
    assert (resources["terraform_data.root"].file, resources["terraform_data.root"].line) == ("main.tf", 18)


def test_plan_without_its_hcl_points_into_the_plan_file():
    resources = by_address(build("plan_only", kind="tfplan"))
    assert len(resources) == 20
    root = resources["terraform_data.root"]
    text = (FIXTURES / "plan_only" / "plan.json").read_text().splitlines()
    assert root.file == "plan.json"
    assert text[root.line - 1].strip() == '"address": "terraform_data.root",'
    assert root.values["input"] == {"acl": "public-read", "name": "root"}


def test_not_a_plan_is_a_parse_error(tmp_path: Path):
    (tmp_path / "plan.json").write_text('{"format_version": "1.2", "configuration": {}}\n')
    kind_input = build_from(tmp_path)
    [problem] = kind_input.problems
    assert (problem.code, problem.file, problem.line) == ("parse-error", "plan.json", 1)
    assert problem.message.startswith("not a Terraform plan: no planned_values")


def build_from(path: Path):
    from iac_guard.parse.runner import build_kind_input

    return build_kind_input("tfplan", discover([path]).files, jobs=1)


def test_module_names_parse_instance_keys():
    assert module_names('module.a["x.y]"].module.b[0]') == ["a", "b"]
    assert module_names("module.single") == ["single"]
    assert module_names("") == []


TERRAFORM = shutil.which("terraform")


@pytest.mark.skipif(TERRAFORM is None, reason="terraform is not on PATH")
def test_regenerated_plan_and_hcl_addresses_agree_with_terraform(tmp_path: Path):
    """Run terraform on the fixture tree (built-in provider only): the committed plan's
    resources and our HCL evaluation must match what terraform plans today."""
    work = tmp_path / "tree"
    source = FIXTURES / "plan_tree"
    work.mkdir()
    for item in ("main.tf", "terraform.tfvars", "modules"):
        src = source / item
        if src.is_dir():
            shutil.copytree(src, work / item)
        else:
            shutil.copy(src, work / item)
    env = {"TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1", "PATH": "/usr/bin:/bin:/usr/local/bin"}
    subprocess.run([TERRAFORM, "init", "-input=false", "-no-color"], cwd=work, check=True, capture_output=True, env=env)
    subprocess.run(
        [TERRAFORM, "plan", "-input=false", "-no-color", "-out=tfplan"], cwd=work, check=True, capture_output=True, env=env
    )
    shown = subprocess.run([TERRAFORM, "show", "-json", "tfplan"], cwd=work, check=True, capture_output=True, env=env)
    (work / "plan.json").write_text(shown.stdout.decode())
    fresh = {r.address: dict(r.values) for r in build_from(work / "plan.json").resources}
    committed = {r.address: dict(r.values) for r in build("plan_tree/plan.json", kind="tfplan").resources}
    assert fresh == committed
    assert sorted(fresh) == PLAN_TREE_MANAGED
    # the HCL evaluator, on the same tree, plans the same instances with the same inputs
    (work / "plan.json").unlink()
    hcl_files = discover([work]).files
    from iac_guard.parse.runner import build_kind_input

    hcl = {r.address: r for r in build_kind_input("terraform", hcl_files, jobs=1).resources if r.mode == "managed"}
    assert sorted(hcl) == sorted(fresh)
    for address, planned in fresh.items():
        ours = hcl[address].values["input"]
        if isinstance(ours, dict) and "__unknown__" in ours:
            assert isinstance(planned["input"], dict) and "__unknown__" in planned["input"]
        else:
            assert ours == planned["input"], address
