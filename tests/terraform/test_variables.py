"""Variable values from every source, in Terraform's precedence order, with provenance."""

from __future__ import annotations

from .helpers import FIXTURES, build, by_address

ENV = {"TF_VAR_from_env": "environment", "TF_VAR_from_tfvars": "environment", "TF_VAR_replicas": "3"}


def test_precedence_of_every_source():
    kind_input = build(
        "variables",
        var_files=[str(FIXTURES / "variables" / "prod.tfvars")],
        cli_vars=["from_cli=command line", "unset=x"],
        env=ENV,
    )
    assert kind_input.problems == ()
    resources = by_address(kind_input)
    bucket = resources["aws_s3_bucket.data"]
    assert dict(bucket.values) == {
        "bucket": "data-x",
        "acl": "public-read",
        "tags": {
            "only_default": "default-value",
            "from_env": "environment",
            "from_tfvars": "terraform.tfvars",
            "from_json": "terraform.tfvars.json",
            "from_auto": "b.auto.tfvars.json",
            "from_var_file": "prod.tfvars",
            "from_cli": "command line",
        },
    }
    assert bucket.unknown == ()
    assert bucket.provenance["acl"] == ("var.acl set by terraform.tfvars:1",)
    assert bucket.provenance["bucket"] == ("var.unset set by --var unset",)
    assert bucket.provenance["tags"] == (
        "var.only_default default at variables.tf:7",
        "var.from_env set by TF_VAR_from_env",
        "var.from_tfvars set by terraform.tfvars:3",
        "var.from_json set by terraform.tfvars.json:2",
        "var.from_auto set by b.auto.tfvars.json:2",
        "var.from_var_file set by prod.tfvars:1",
        "var.from_cli set by --var from_cli",
    )
    # TF_VAR_replicas="3" is converted to the declared number type: three instances
    assert sorted(a for a in resources if a.startswith("terraform_data.")) == [
        "terraform_data.replica[0]",
        "terraform_data.replica[1]",
        "terraform_data.replica[2]",
    ]
    # a complex type from a var file keeps its type
    assert resources["terraform_data.replica[2]"].values == {"input": [22, 443]}
    assert resources["terraform_data.replica[0]"].provenance["input"] == ("var.ports set by prod.tfvars:3",)


def test_command_line_value_parsed_as_hcl_for_complex_types():
    resources = by_address(build("variables", cli_vars=["ports=[8080]", "replicas=1"]))
    assert resources["terraform_data.replica[0]"].values == {"input": [8080]}


def test_variable_without_value_is_unknown():
    resources = by_address(build("variables"))
    bucket = resources["aws_s3_bucket.data"]
    assert bucket.values["bucket"] == {"__unknown__": '"data-${var.unset}"'}
    assert bucket.unknown == ("bucket",)
    assert bucket.values["tags"]["from_env"] == "default-value"


def test_bad_var_options_are_problems():
    kind_input = build("variables", var_files=["/nonexistent/prod.tfvars"], cli_vars=["novalue"])
    assert [(p.code, p.message, p.file) for p in kind_input.problems] == [
        ("input-error", "--var-file not found: /nonexistent/prod.tfvars", "/nonexistent/prod.tfvars"),
        ("input-error", "--var must be NAME=VALUE, got 'novalue'", None),
    ]


def test_broken_tfvars_is_a_problem_with_file_and_line(tmp_path):
    from iac_guard.discover import discover
    from iac_guard.parse.base import BuildOptions
    from iac_guard.parse.runner import build_kind_input

    (tmp_path / "main.tf").write_text('variable "acl" {}\n\nresource "aws_s3_bucket" "b" {\n  acl = var.acl\n}\n')
    (tmp_path / "terraform.tfvars").write_text('acl = "private"\nacl2 = [\n')
    options = BuildOptions(env={})
    kind_input = build_kind_input("terraform", discover([tmp_path]).files, jobs=1, options=options)
    [problem] = kind_input.problems
    assert (problem.code, problem.file, problem.line) == ("parse-error", "terraform.tfvars", 3)
    [bucket] = kind_input.resources
    assert bucket.values == {"acl": {"__unknown__": "var.acl"}}
