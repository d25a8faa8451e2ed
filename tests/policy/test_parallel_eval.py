"""The embedded engine split over processes gives exactly what one process gives: the
same results per package, the same errors, a broken or endless policy named while the
other parts still report."""

from __future__ import annotations

from typing import Any

import pytest

from iac_guard.models import PolicySet
from iac_guard.policy.embedded import IDLE_WEIGHT, EmbeddedEngine, _split
from iac_guard.policy.engine import EngineOptions
from iac_guard.policy.loader import load_policies
from tests.conftest import FIXTURES

HOSTILE = FIXTURES / "hostile" / "policies"


def _bucket(index: int) -> dict[str, Any]:
    """A Terraform resource as the policy input holds it: every other bucket public."""
    address = f"aws_s3_bucket_acl.b{index}"
    return {
        "address": address, "type": "aws_s3_bucket_acl", "name": f"b{index}", "mode": "managed", "module": "",
        "file": f"m{index % 7}.tf", "line": index + 1, "end_line": index + 3, "root": ".",
        "values": {"bucket": f"b{index}", "acl": "public-read" if index % 2 else "private"}, "unknown": [],
    }


def _input(count: int) -> dict[str, Any]:
    return {"kind": "terraform", "resources": [_bucket(i) for i in range(count)], "files": {}}


def _terraform_packages(policy_set: PolicySet) -> list[str]:
    return [p.package for p in policy_set.policies if p.applies_to("terraform") and not p.conftest]


@pytest.fixture(scope="module")
def library() -> PolicySet:
    return load_policies([])


def test_two_processes_give_what_one_gives(library: PolicySet) -> None:
    packages = _terraform_packages(library)
    doc = _input(400)
    serial = EmbeddedEngine(library, EngineOptions(workers=1))
    parallel = EmbeddedEngine(library, EngineOptions(workers=2))
    assert serial._parts(packages, doc) == 1
    assert parallel._parts(packages, doc) == 2  # the split really happens on this input
    one, one_errors = serial.evaluate_each(packages, doc)
    two, two_errors = parallel.evaluate_each(packages, doc)
    assert one_errors == two_errors == {}
    assert two == one
    acl = next(p.package for p in library.policies if p.id == "IAC-AWS-S3-001")
    assert len(one[acl]["deny"]) == 200  # the public half of the buckets, in both


def test_small_inputs_stay_in_one_process(library: PolicySet) -> None:
    engine = EmbeddedEngine(library, EngineOptions(workers=2))
    packages = _terraform_packages(library)
    assert engine._parts(packages, _input(150)) == 1
    assert engine._parts(packages[:20], _input(1000)) == 1
    assert EmbeddedEngine(library, EngineOptions(workers=2, policy_timeout=None))._parts(packages, _input(1000)) == 1


def test_a_broken_policy_in_one_part_is_named_and_the_rest_report(library: PolicySet) -> None:
    policy_set = load_policies([HOSTILE / "broken"], allow_builtins=())
    packages = _terraform_packages(policy_set)
    broken = "hostile.broken"
    assert broken in packages
    doc = _input(400)
    serial = EmbeddedEngine(policy_set, EngineOptions(workers=1)).evaluate_each(packages, doc)
    parallel = EmbeddedEngine(policy_set, EngineOptions(workers=2)).evaluate_each(packages, doc)
    assert set(parallel[1]) == set(serial[1]) == {broken}
    assert parallel[1][broken].message == serial[1][broken].message
    assert parallel[0] == serial[0]
    assert len(parallel[0]) == len(packages) - 1


def test_an_endless_policy_in_one_part_times_out_alone() -> None:
    policy_set = load_policies([HOSTILE / "slow"])
    packages = _terraform_packages(policy_set)
    doc = _input(400)
    engine = EmbeddedEngine(policy_set, EngineOptions(workers=2, policy_timeout=1))
    assert engine._parts(packages, doc) == 2
    results, errors = engine.evaluate_each(packages, doc)
    assert set(errors) == {"hostile.forever"}
    assert "evaluation stopped after 1s (policy-timeout)" in errors["hostile.forever"].message
    assert errors["hostile.forever"].file is not None and errors["hostile.forever"].file.endswith("forever.rego")
    assert len(results) == len(packages) - 1


@pytest.mark.parametrize(("count", "parts", "sizes"), [(10, 2, [5, 5]), (11, 3, [4, 3, 4]), (2, 4, [1, 1]), (0, 2, []), (7, 2, [4, 3])])
def test_split_keeps_order_and_balances(count: int, parts: int, sizes: list[int]) -> None:
    packages = [f"p{i}" for i in range(count)]
    out = _split(packages, parts)
    assert [len(p) for p in out] == sizes
    assert [p for part in out for p in part] == packages


@pytest.mark.parametrize(
    ("weights", "parts", "sizes"),
    [
        ([1.0] * 8 + [0.05] * 2, 2, [4, 6]),  # the idle packages at the end go with the second half
        ([0.05] * 8 + [1.0] * 2, 2, [9, 1]),  # two costly packages: one each
        ([0.05] * 6 + [1.0] * 4 + [0.05] * 6, 2, [8, 8]),
        ([5.0] + [0.05] * 9, 3, [1, 1, 8]),  # cannot be balanced: never an empty part
    ],
)
def test_split_balances_weights_in_order(weights: list[float], parts: int, sizes: list[int]) -> None:
    packages = [f"p{i}" for i in range(len(weights))]
    out = _split(packages, parts, weights)
    assert [len(p) for p in out] == sizes
    assert [p for part in out for p in part] == packages


def test_weights_follow_the_resource_types_the_input_holds() -> None:
    """A policy reading a type the input holds, or every resource, weighs 1; one whose
    types are all absent weighs IDLE_WEIGHT (the split then balances the work)."""
    policy_set = load_policies([], include_builtin=True)
    engine = EmbeddedEngine(policy_set, EngineOptions(workers=2, policy_timeout=60))
    packages = ["iac_guard.aws.s3.versioning", "iac_guard.azure.storage.https_only", "iac_guard.compliance.hardcoded_secrets"]
    packages = [p for p in packages if p in {q.package for q in policy_set.policies}]
    assert len(packages) == 3
    doc = {"resources": [{"type": "aws_s3_bucket"}]}
    assert engine._weights(packages, doc) == [1.0, IDLE_WEIGHT, 1.0]
    assert engine._weights(packages, {"resources": []}) == [IDLE_WEIGHT, IDLE_WEIGHT, 1.0]
