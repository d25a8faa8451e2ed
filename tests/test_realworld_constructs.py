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
    return build_kind_input(kind, files, jobs=1)


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


def test_cloudformation_for_each_expands_to_logical_ids() -> None:
    kind_input = build("cfn_foreach", "cloudformation")
    assert kind_input.problems == ()
    resources = by_address(kind_input)
    assert list(resources) == [
        "Queuealpha",
        "Queuebeta",
        "Bucketreddev1",
        "Bucketredprod1",
        "Bucketbluedev1",
        "Bucketblueprod1",
        "Topic${Item}",
        "Plain",
    ]
    queue = resources["Queuebeta"]
    assert (queue.file, queue.line, queue.end_line, queue.type) == ("template.yaml", 13, 19, "AWS::SQS::Queue")
    assert queue.values == {"QueueName": "app-beta", "Tags": [{"Key": "team", "Value": "beta"}]}
    assert queue.unknown == ()
    bucket = resources["Bucketblueprod1"]
    assert bucket.line == 26
    assert bucket.values == {"BucketName": {"Fn::Sub": "blue-prod-1-${AWS::AccountId}"}}
    topic = resources["Topic${Item}"]
    assert (topic.line, topic.unknown) == (33, ("Fn::ForEach",))
    assert topic.values == {"TopicName": {"Ref": "Item"}}
    assert resources["Plain"].line == 37


def test_malformed_for_each_is_a_parse_error_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn::ForEach::Broken:\n    - Name\n"
    )
    kind_input = build_kind_input("cloudformation", discover([tmp_path]).files, jobs=1)
    assert kind_input.resources == ()
    assert [(p.code, p.file, p.line) for p in kind_input.problems] == [("parse-error", "bad.yaml", 3)]
    assert kind_input.problems[0].message == (
        "Fn::ForEach::Broken must be [Identifier, Collection, {OutputKey: OutputValue}]"
    )


def test_only_top_level_resources_make_a_template() -> None:
    """A test event carrying a template fragment, a Serverless Framework file with an
    indented `Resources:` and a CI workflow with a template in a script are not
    CloudFormation templates; they are not scanned (and so not reported as unparseable).
    A JSON template is recognised by its content, whatever its suffix."""
    files = discover([FIXTURES / "not_templates"]).files
    assert [(f.relpath, f.kind) for f in files] == [
        ("legacy.template", "cloudformation"),
        ("stack.yaml", "cloudformation"),
        ("template.json", "cloudformation"),
    ]
    kind_input = build_kind_input("cloudformation", files, jobs=1)
    assert kind_input.problems == ()
    assert [(r.address, r.file, r.line) for r in kind_input.resources] == [
        ("Queue", "legacy.template", 3),
        ("Topic", "stack.yaml", 3),
        ("Topic", "template.json", 4),
    ]


def test_line_break_before_for_arrow_parses_with_original_lines() -> None:
    kind_input = build("for_arrow_newline")
    assert kind_input.problems == ()
    assert [(r.address, r.line, r.end_line, r.values["input"]) for r in kind_input.resources] == [
        ('terraform_data.subnet["subnet-east"]', 14, 17, ["10.0.1.0/24", ["east"]]),
        ('terraform_data.subnet["subnet-west"]', 14, 17, ["10.0.2.0/24", ["west"]]),
    ]


def test_other_syntax_errors_still_name_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('locals {\n  x = { for k, v in {} :\n    k\n    v }\n}\n')
    kind_input = build_kind_input("terraform", discover([tmp_path]).files, jobs=1)
    assert [(p.code, p.file, p.line) for p in kind_input.problems] == [("parse-error", "main.tf", 3)]


def test_a_set_iterates_with_each_element_as_its_key() -> None:
    kind_input = build("set_iteration")
    assert kind_input.problems == ()
    [web] = kind_input.resources
    assert web.values["ingress"] == [
        {"description": "0.0.0.0/0", "cidr_blocks": ["0.0.0.0/0"], "from_port": 443, "to_port": 443, "protocol": "tcp"},
        {"description": "10.0.0.0/8", "cidr_blocks": ["10.0.0.0/8"], "from_port": 443, "to_port": 443, "protocol": "tcp"},
    ]
    assert web.values["egress"] == [{"cidr_blocks": ["0.0.0.0/0"], "from_port": 0, "to_port": 0, "protocol": "-1"}]
    assert web.values["tags"] == {"a": "a", "b": "b"}
    assert web.unknown == ()
    assert (web.line_of("egress.0.cidr_blocks"), web.line_of("ingress.1")) == (24, 11)


def test_override_files_merge_into_the_blocks_they_override() -> None:
    kind_input = build("override")
    assert kind_input.problems == ()
    resources = by_address(kind_input)
    assert list(resources) == [
        "aws_s3_bucket.logs[0]",
        "aws_s3_bucket.logs[1]",
        "module.child",
        "module.child.terraform_data.named",
    ]
    logs = resources["aws_s3_bucket.logs[1]"]
    assert logs.values == {"bucket": "logs-prod", "acl": "log-delivery-write", "versioning": [{"enabled": True}]}
    # the merged block is the original's; an overridden argument points at its block
    assert (logs.file, logs.line, logs.end_line) == ("main.tf", 5, 13)
    assert (logs.line_of("bucket"), logs.line_of("acl"), logs.line_of("versioning.0.enabled")) == (7, 5, 5)
    assert logs.provenance["bucket"] == ("local.env at override.tf:2",)
    assert resources["module.child.terraform_data.named"].values == {"input": "overridden"}


def test_tf_json_root_may_be_an_array_of_objects() -> None:
    kind_input = build("json_root_array")
    assert kind_input.problems == ()
    assert [(r.address, r.file, r.line, r.values) for r in kind_input.resources] == [
        ("aws_sqs_queue.jobs[0]", "main.tf.json", 9, {"name": "jobs-0"}),
        ("aws_sqs_queue.jobs[1]", "main.tf.json", 9, {"name": "jobs-1"}),
    ]


def test_legacy_interpolation_only_strings_keep_their_value_type() -> None:
    """Terraform 0.11 style: `"${expr}"` alone is expr's value (a number for count, a
    list for a list), not its string form."""
    kind_input = build("legacy_interpolation")
    assert kind_input.problems == ()
    assert [(r.address, r.line, r.values.get("availability_zone"), r.values.get("zones")) for r in kind_input.resources] == [
        ("aws_subnet.legacy[0]", 10, "a", ["a", "b"]),
        ("aws_subnet.legacy[1]", 10, "b", ["a", "b"]),
    ]
    # map() was removed from Terraform: unknown, never guessed
    assert kind_input.resources[0].unknown == ("tags",)


def test_meta_argument_names_inside_nested_blocks_are_values() -> None:
    resources = by_address(build("nested_meta_names"))
    plan = resources["aws_backup_plan.daily"]
    # the resource's own lifecycle is a meta-argument; the rule's lifecycle is a value
    assert plan.values == {
        "name": "daily",
        "rule": [{"rule_name": "daily", "schedule": "cron(0 5 ? * * *)", "lifecycle": [{"delete_after": 30}]}],
    }
    assert plan.line_of("rule.0.lifecycle.0.delete_after") == 9
    gpu = resources["google_compute_instance.gpu[0]"]
    assert gpu.values == {"name": "gpu", "guest_accelerator": [{"type": "nvidia-tesla-t4", "count": 2}]}


def test_duplicate_declarations_are_input_errors_and_both_resources_are_kept() -> None:
    """Terraform rejects a module that declares the same resource (or variable, local,
    output, module call) twice; the scan fails closed with both places, and still
    evaluates both resources rather than dropping one silently."""
    kind_input = build("duplicates")
    assert [(p.code, p.file, p.line, p.message) for p in kind_input.problems] == [
        ("input-error", "b.tf", 1, 'duplicate resource "aws_s3_bucket" "logs" (first declared at a.tf:1)'),
        ("input-error", "b.tf", 5, 'duplicate variable "env" (first declared at a.tf:5)'),
        ("input-error", "b.tf", 12, "duplicate local value 'x' (first declared at b.tf:8)"),
    ]
    assert [(r.address, r.file, r.values) for r in kind_input.resources] == [
        ("aws_s3_bucket.logs", "a.tf", {"bucket": "one"}),
        ("aws_s3_bucket.logs", "b.tf", {"bucket": "two"}),
    ]
