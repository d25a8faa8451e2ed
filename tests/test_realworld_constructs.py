"""Constructs seen in public Terraform and CloudFormation repositories, each reproduced
by a small fixture under tests/fixtures/realworld/ (written for these tests)."""

from __future__ import annotations

from pathlib import Path

from iac_guard.discover import discover
from iac_guard.models import KindInput
from iac_guard.parse.runner import build_kind_input

from .terraform.helpers import by_address

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "realworld"


def build(name: str, kind: str = "terraform") -> KindInput:
    files = discover([FIXTURES / name]).files
    return build_kind_input(kind, files, jobs=1, cache=False)


def test_optional_attributes_take_their_defaults() -> None:
    kind_input = build("optional_defaults")
    assert kind_input.problems == ()
    resources = by_address(kind_input)
    assert sorted(resources) == [
        "aws_s3_bucket.unknown_id",
        "module.child",
        "module.child.terraform_data.logging[0]",
        'module.child.terraform_data.rule["r1"]',
        "terraform_data.listener",
        "terraform_data.pair[0]",
        "terraform_data.pair[1]",
    ]
    # the root's default sets no logging: count = 0, not an unknown count
    listener = resources["terraform_data.listener"]
    assert listener.values["input"] == {
        "name": "app",
        "port": 443,
        "ports": ["80", "443"],
        "keys": ["logging", "name", "port", "rules"],
    }
    assert listener.unknown == ()
    rule = resources['module.child.terraform_data.rule["r1"]']
    assert rule.values["input"] == {"id": "r1", "enabled": True}
    assert (rule.file, rule.line) == ("child/main.tf", 15)
    logging = resources["module.child.terraform_data.logging[0]"]
    assert logging.values["input"] == {"bucket": "logs", "prefix": "logs/"}


def test_length_of_a_list_with_unknown_elements_is_known() -> None:
    resources = by_address(build("optional_defaults"))
    pair = resources["terraform_data.pair[1]"]
    assert pair.unknown == ()
    assert (pair.file, pair.line) == ("main.tf", 39)
