"""Locals, expressions, built-in functions, unknown markers and path/terraform values."""

from __future__ import annotations

import pytest

from iac_guard.terraform.expressions import evaluate
from iac_guard.terraform.native_syntax import parse_hcl
from iac_guard.terraform.values import Scope, Unknown

from .helpers import build, by_address


@pytest.fixture(scope="module")
def resources():
    kind_input = build("values")
    assert kind_input.problems == ()
    return by_address(kind_input)


def test_locals_resolve_across_files_in_dependency_order(resources):
    site = resources["aws_s3_bucket.site"]
    assert site.file == "main.tf" and site.line == 1 and site.end_line == 5
    assert dict(site.values) == {
        "bucket": "site-prod",
        "acl": "public-read",
        "tags": {"owner": "platform", "env": "prod"},
    }
    assert site.unknown == ()
    assert site.provenance["acl"] == ("local.acl at locals.tf:8", "local.env at locals.tf:6")
    assert site.provenance["tags"] == (
        "local.tags at locals.tf:2",
        "local.base_tags at locals.tf:3",
        "local.env at locals.tf:6",
    )


def test_expressions_and_functions(resources):
    values = resources["terraform_data.exprs"].values["input"]
    assert values["subnet"] == "10.0.2.0/24"
    assert values["upper_names"] == ["A", "B", "C"]
    assert values["by_name"] == {"a": 1, "c": 1}
    assert values["first_ids"] == ["x", "y"]
    assert values["joined"] == "a,b,c,z"
    assert values["formatted"] == "site-prod-007"
    assert values["lookup"] == "on"
    assert values["coalesced"] == "site-prod"
    assert values["decoded"] == {"a": [1, 2]}
    assert values["flat"] == ["a", "b", "c"]
    assert values["keys"] == ["env", "owner"]
    assert values["cond"] == "strict"


def test_try_and_can_evaluate_arguments_lazily(resources):
    values = resources["terraform_data.exprs"].values["input"]
    assert values["fallback"] == "fallback"
    assert values["nested_try"] == "nested"
    # an unknown first argument might have succeeded: the result is unknown, not "never"
    assert values["unknown_try"] == {"__unknown__": "aws_vpc.main.id"}
    assert values["can_missing"] is False
    assert values["can_present"] is True


def test_path_terraform_and_files(resources):
    values = resources["terraform_data.exprs"].values["input"]
    assert values["module_path"] == "."
    assert values["root_path"] == "."
    assert values["workspace"] == "default"
    assert values["policy"] == '{"Statement": []}\n'
    assert values["rendered"] == "hello site-prod!\n"
    # file() never reads outside the scan root
    assert values["outside"] == {"__unknown__": 'file("../variables/main.tf")'}


def test_unknown_markers_for_references_and_cycles(resources):
    exprs = resources["terraform_data.exprs"]
    values = exprs.values["input"]
    assert values["vpc"] == {"__unknown__": "aws_vpc.main.id"}
    assert values["data_ref"] == {"__unknown__": "data.aws_caller_identity.me.account_id"}
    assert values["cycle"] == {"__unknown__": '"${local.cycle_b}-a"'}
    assert exprs.unknown == ("input.unknown_try", "input.cycle", "input.vpc", "input.data_ref", "input.outside")


def _eval(source: str, **names: object) -> object:
    body = parse_hcl(f"x = {source}\n", "t.tf")
    return evaluate(body.attributes[0].expr, Scope(names))


def test_try_distinguishes_errors_from_unknowns():
    assert _eval('try(tonumber("x"), 5)') == 5
    assert _eval('try(local.m.a, "d")', local={"m": {"a": 1}}) == 1
    assert _eval('try(local.m.b, local.m.c, "d")', local={"m": {}}) == "d"
    assert _eval("try(aws_x.y.id, 1)") == Unknown("aws_x.y.id")
    assert _eval("can(aws_x.y.id)") == Unknown("aws_x.y.id")
    assert _eval("can(local.m.b)", local={"m": {}}) is False
    assert _eval('try(local.m.b)', local={"m": {}}) == Unknown("try(local.m.b)")


def test_missing_for_arrow_is_a_clean_parse_error():
    kind_input = build("badfor")
    assert kind_input.resources == ()
    [problem] = kind_input.problems
    assert (problem.code, problem.file, problem.line) == ("parse-error", "main.tf", 3)
    assert problem.message.startswith("invalid HCL: unexpected end of line at column 32")
    assert problem.message.endswith("a for expression that builds an object needs `key => value`")


def test_jsonencode_with_unknown_parts_keeps_the_known_json_as_a_template():
    """A policy document whose Resource is a reference: the value is unknown (never
    guessed), and its marker is the JSON text with the unknown parts as ${...}."""
    got = _eval('jsonencode({Statement = [{Principal = "*", Resource = "${aws_s3_bucket.b.arn}/*", Sid = aws_x.y.id}]})')
    assert got == Unknown('{"Statement":[{"Principal":"*","Resource":"${aws_s3_bucket.b.arn}/*","Sid":"${aws_x.y.id}"}]}')
    assert _eval('jsonencode({a = "b"})') == '{"a":"b"}'
    assert _eval("jsonencode(aws_x.y.policy)") == Unknown("aws_x.y.policy")


def test_template_directives_are_evaluated_with_strip_markers():
    """%{ if } / %{ for } in heredocs, as Terraform renders them: `~` strips the
    whitespace (newline included) on its side; an unknown condition or collection keeps
    the whole template unknown; directives that do not pair up stay unknown too."""
    arns = 'x = <<EOT\n[\n%{ for a in var.arns ~}\n  "${a}",\n%{ endfor ~}\n]\nEOT\n'
    assert _eval_body(arns, var={"arns": ["a1", "a2"]}) == '[\n"a1",\n"a2",\n]\n'  # indentation stripped too
    switch = 'x = <<EOT\nmode=%{ if var.on }on%{ else }off%{ endif }\nEOT\n'
    assert _eval_body(switch, var={"on": True}) == "mode=on\n"
    assert _eval_body(switch, var={"on": False}) == "mode=off\n"
    pairs = 'x = <<EOT\n%{ for k, v in var.m ~}\n${k}=${v}\n%{ endfor ~}\nEOT\n'
    assert _eval_body(pairs, var={"m": {"b": 2, "a": 1}}) == "a=1\nb=2\n"
    assert isinstance(_eval_body('x = <<EOT\n%{ if aws_x.y.on }on%{ endif }\nEOT\n'), Unknown)
    assert isinstance(_eval_body('x = <<EOT\n%{ for a in aws_x.y.list }${a}%{ endfor }\nEOT\n'), Unknown)
    assert isinstance(_eval_body('x = <<EOT\n%{ for a in var.l }${a}%{ endif }\nEOT\n', var={"l": [1]}), Unknown)


def _eval_body(source: str, **names: object) -> object:
    body = parse_hcl(source, "t.tf")
    return evaluate(body.attributes[0].expr, Scope(names))


def test_template_directives_in_quoted_strings():
    assert _eval_body('x = "a%{ if var.on }b%{ else }d%{ endif }c"\n', var={"on": True}) == "abc"
    assert _eval_body('x = "a%{ if var.on }b%{ else }d%{ endif }c"\n', var={"on": False}) == "adc"
    assert _eval_body('x = "a %{~ for k, v in var.m ~} ${k}=${v} %{ endfor }c"\n', var={"m": {"z": 1, "y": 2}}) == "ay=2 z=1 c"
    assert _eval_body('x = "%{ for v in var.l }${v},%{ endfor }"\n', var={"l": ["p", "q"]}) == "p,q,"
    assert _eval_body('x = "a%{ if aws_x.y }b%{ endif }"\n') == Unknown('"a%{ if aws_x.y }b%{ endif }"')
    assert _eval_body('x = "plain ${var.a} \\n"\n', var={"a": 1}) == "plain 1 \n"
