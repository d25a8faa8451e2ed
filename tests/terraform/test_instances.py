"""count, for_each and dynamic blocks: Terraform's instance addresses and values."""

from __future__ import annotations

import pytest

from .helpers import build, by_address


@pytest.fixture(scope="module")
def resources():
    kind_input = build("instances")
    assert kind_input.problems == ()
    return by_address(kind_input)


def test_addresses(resources):
    assert sorted(resources) == [
        "aws_s3_bucket.counted[0]",
        "aws_s3_bucket.counted[1]",
        'aws_s3_bucket.each["logs"]',
        'aws_s3_bucket.each["public"]',
        'aws_s3_bucket.set["x"]',
        'aws_s3_bucket.set["y"]',
        "aws_s3_bucket.unknown_count",
        "aws_s3_bucket.unknown_each",
        "aws_security_group.web",
        "data.aws_availability_zones.all",
    ]


def test_count_zero_removes_the_resource(resources):
    assert not any(a.startswith("aws_s3_bucket.none") for a in resources)


def test_count_index_and_each(resources):
    assert resources["aws_s3_bucket.counted[1]"].values == {"bucket": "counted-1"}
    public = resources['aws_s3_bucket.each["public"]']
    assert public.values == {"bucket": "b-public", "acl": "public-read"}
    assert (public.file, public.line, public.end_line, public.mode, public.module) == ("main.tf", 22, 26, "managed", "")
    assert public.provenance["acl"] == ("var.buckets default at main.tf:6",)
    assert resources['aws_s3_bucket.set["y"]'].values == {"bucket": "y"}
    assert resources["data.aws_availability_zones.all"].mode == "data"


def test_unknown_count_and_for_each_keep_one_instance_marked_unknown(resources):
    by_count = resources["aws_s3_bucket.unknown_count"]
    assert by_count.unknown == ("count", "bucket")
    assert by_count.values == {"bucket": {"__unknown__": '"az-${count.index}"'}}
    by_each = resources["aws_s3_bucket.unknown_each"]
    assert by_each.unknown == ("for_each", "bucket")
    assert by_each.values == {"bucket": {"__unknown__": '"copy-${each.key}"'}}


def test_dynamic_blocks_expand(resources):
    web = resources["aws_security_group.web"]
    assert web.values["ingress"] == [
        {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]},
        {"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]},
    ]
    assert web.line_of("ingress.1.to_port") == 50
    assert web.provenance_of("ingress.0") == ("var.ports default at main.tf:2",)
