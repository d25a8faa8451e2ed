"""Modules: root detection, nested local calls with inputs, outputs, remote sources."""

from __future__ import annotations

import pytest

from .helpers import build, by_address

PLAN_TREE_MANAGED = [
    'module.net["dev"].module.sg[0].terraform_data.after',
    'module.net["dev"].module.sg[0].terraform_data.this',
    'module.net["dev"].terraform_data.subnet["a"]',
    'module.net["dev"].terraform_data.subnet["b"]',
    'module.net["prod"].module.sg[0].terraform_data.after',
    'module.net["prod"].module.sg[0].terraform_data.this',
    'module.net["prod"].module.sg[1].terraform_data.after',
    'module.net["prod"].module.sg[1].terraform_data.this',
    'module.net["prod"].terraform_data.subnet["a"]',
    'module.net["prod"].terraform_data.subnet["b"]',
    'module.net["stage"].module.sg[0].terraform_data.after',
    'module.net["stage"].module.sg[0].terraform_data.this',
    'module.net["stage"].terraform_data.subnet["a"]',
    'module.net["stage"].terraform_data.subnet["b"]',
    "module.single.terraform_data.after",
    "module.single.terraform_data.this",
    "terraform_data.counted[0]",
    "terraform_data.counted[1]",
    "terraform_data.from_module",
    "terraform_data.root",
]


@pytest.fixture(scope="module")
def tree():
    kind_input = build("plan_tree", exclude=["plan.json"])
    assert kind_input.problems == () and kind_input.notices == ()
    return by_address(kind_input)


def test_nested_module_addresses_match_terraform_plan(tree):
    managed = sorted(a for a, r in tree.items() if r.mode == "managed")
    assert managed == PLAN_TREE_MANAGED
    calls = sorted(a for a, r in tree.items() if r.mode == "module")
    assert calls == [
        'module.net["dev"]',
        'module.net["dev"].module.sg[0]',
        'module.net["prod"]',
        'module.net["prod"].module.sg[0]',
        'module.net["prod"].module.sg[1]',
        'module.net["stage"]',
        'module.net["stage"].module.sg[0]',
        "module.single",
    ]


def test_called_directories_are_not_root_modules(tree):
    # modules/sg is only evaluated through its callers, never as its own root
    assert "terraform_data.this" not in tree
    assert "terraform_data.subnet" not in tree


def test_inputs_flow_through_nested_modules_with_provenance(tree):
    this = tree['module.net["prod"].module.sg[1].terraform_data.this']
    assert (this.file, this.line, this.module) == ("modules/sg/main.tf", 10, 'module.net["prod"].module.sg[1]')
    assert this.values == {"input": {"name": "prod-sg-1", "acl": "public-read"}}
    assert this.provenance["input"] == (
        "var.name set by module.sg at modules/net/main.tf:24",
        "var.env set by module.net at main.tf:38",
        "var.envs set by terraform.tfvars:1",
        "var.acl set by module.sg at modules/net/main.tf:25",
        "var.acl set by module.net at main.tf:40",
        "var.acl set by terraform.tfvars:3",
    )
    single = tree["module.single.terraform_data.this"]
    assert single.values == {"input": {"name": "single", "acl": "private"}}
    assert single.provenance["input"][1] == "var.acl default at modules/sg/main.tf:7"
    subnet = tree['module.net["stage"].terraform_data.subnet["b"]']
    assert subnet.values == {"input": {"cidr": "10.0.2.0/24", "env": "stage"}}


def test_module_outputs_and_unknown_attributes(tree):
    assert tree["terraform_data.from_module"].values == {"input": ["prod-sg-0", "prod-sg-1"]}
    after = tree['module.net["dev"].module.sg[0].terraform_data.after']
    assert after.values == {"input": {"__unknown__": "terraform_data.this.id"}}
    assert after.unknown == ("input",)


def test_remote_modules_from_manifest_or_noticed():
    kind_input = build("remote")
    assert kind_input.problems == ()
    resources = by_address(kind_input)
    vpc = resources["module.vpc.aws_vpc.this"]
    assert (vpc.file, vpc.line) == (".terraform/modules/vpc/main.tf", 5)
    assert vpc.values == {"cidr_block": "10.0.0.0/16", "tags": {"Name": "main"}}
    assert [(n.code, n.file, n.line, n.message) for n in kind_input.notices] == [
        (
            "module-not-scanned",
            "main.tf",
            7,
            "module.missing: remote source 'git::https://example.com/modules/storage.git' was not scanned "
            "(no entry in .terraform/modules/modules.json; pass --download-modules to fetch it, or run `terraform init` first)",
        ),
        ("module-not-scanned", "main.tf", 11, "module.outside: local source '../elsewhere' is outside the scan root"),
    ]


def test_module_call_cycle_is_reported_not_followed():
    kind_input = build("cycle")
    assert sorted(r.address for r in kind_input.resources) == ["module.b", "module.b.module.a", "terraform_data.a"]
    assert [(p.code, p.file, p.line, p.message) for p in kind_input.problems] == [
        ("input-error", "b/main.tf", 1, "module.b.module.a: module call cycle through '../a'")
    ]
