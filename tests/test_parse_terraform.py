"""Terraform parsing: addresses, lines, cleaned values and unknown markers."""

from __future__ import annotations

from pathlib import Path

from iac_guard.models import SourceFile
from iac_guard.parse.runner import build_kind_input


def _source(path: Path, rel: str) -> SourceFile:
    return SourceFile(path=path, relpath=rel, kind="terraform", size=path.stat().st_size)


def test_resources_have_addresses_files_and_lines(spine: Path) -> None:
    base = spine / "mixed" / "terraform"
    files = [_source(base / "main.tf", "terraform/main.tf"), _source(base / "volumes.tf.json", "terraform/volumes.tf.json")]
    kind_input = build_kind_input("terraform", files, jobs=1)
    got = [(r.address, r.type, r.name, r.mode, r.file, r.line, r.end_line) for r in kind_input.resources]
    assert got == [
        ("aws_s3_bucket.public", "aws_s3_bucket", "public", "managed", "terraform/main.tf", 1, 4),
        ("aws_s3_bucket.private", "aws_s3_bucket", "private", "managed", "terraform/main.tf", 6, 17),
        ("data.aws_iam_policy_document.admin", "aws_iam_policy_document", "admin", "data", "terraform/main.tf", 19, 24),
        ("module.network", "module", "network", "module", "terraform/main.tf", 26, 29),
        ("aws_ebs_volume.scratch", "aws_ebs_volume", "scratch", "managed", "terraform/volumes.tf.json", 4, 8),
    ]
    assert kind_input.problems == ()


def test_values_are_clean_and_unknowns_marked(spine: Path) -> None:
    base = spine / "mixed" / "terraform"
    kind_input = build_kind_input("terraform", [_source(base / "main.tf", "terraform/main.tf")], jobs=1)
    by_address = {r.address: r for r in kind_input.resources}
    public = by_address["aws_s3_bucket.public"]
    assert dict(public.values) == {"bucket": "public-assets", "acl": "public-read"}
    assert public.unknown == ()
    private = by_address["aws_s3_bucket.private"]
    assert private.values["acl"] == {"__unknown__": "var.acl"}
    assert private.unknown == ("acl",)
    assert private.values["server_side_encryption_configuration"] == [
        {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]}
    ]
    assert private.line_of("server_side_encryption_configuration.0.rule.0") == 11
    assert by_address["data.aws_iam_policy_document.admin"].values == {
        "statement": [{"actions": ["*"], "resources": ["*"]}]
    }


def test_tf_json_values_and_attribute_lines(spine: Path) -> None:
    base = spine / "mixed" / "terraform"
    kind_input = build_kind_input("terraform", [_source(base / "volumes.tf.json", "v.tf.json")], jobs=1)
    (volume,) = kind_input.resources
    assert dict(volume.values) == {"availability_zone": "eu-west-1a", "size": 40, "encrypted": False}
    assert volume.line_of("encrypted") == 7


def test_raw_document_has_the_conftest_shape(spine: Path) -> None:
    base = spine / "mixed" / "terraform"
    kind_input = build_kind_input("terraform", [_source(base / "main.tf", "main.tf")], jobs=1)
    raw = kind_input.documents[0].raw
    assert raw["resource"]["aws_s3_bucket"]["public"] == {"bucket": "public-assets", "acl": "public-read"}
    assert raw["resource"]["aws_s3_bucket"]["private"]["acl"] == "${var.acl}"
    assert raw["resource"]["aws_s3_bucket"]["private"]["server_side_encryption_configuration"] == {
        "rule": {"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms"}}
    }
    assert raw["module"]["network"] == {"source": "./network", "cidr": "10.0.0.0/16"}
    assert raw["data"]["aws_iam_policy_document"]["admin"]["statement"] == {"actions": ["*"], "resources": ["*"]}


def test_raw_document_repeated_blocks_become_a_list(tmp_path: Path) -> None:
    tf = tmp_path / "sg.tf"
    tf.write_text('resource "aws_security_group" "sg" {\n  ingress { from_port = 22 }\n  ingress { from_port = 443 }\n}\n')
    raw = build_kind_input("terraform", [_source(tf, "sg.tf")], jobs=1).documents[0].raw
    assert raw == {"resource": {"aws_security_group": {"sg": {"ingress": [{"from_port": 22}, {"from_port": 443}]}}}}


def test_unparseable_file_is_a_problem_with_file_and_line(spine: Path) -> None:
    base = spine / "broken"
    kind_input = build_kind_input("terraform", [_source(base / "bad.tf", "bad.tf"), _source(base / "good.tf", "good.tf")], jobs=1)
    assert [(p.code, p.file, p.line) for p in kind_input.problems] == [("parse-error", "bad.tf", 6)]
    assert [r.address for r in kind_input.resources] == ["aws_ebs_volume.v"]


def test_parallel_parse_gives_the_same_result(tmp_path: Path) -> None:
    files = []
    for i in range(80):
        path = tmp_path / f"f{i:02d}.tf"
        path.write_text(f'resource "aws_ebs_volume" "v{i}" {{\n  size = {i}\n}}\n')
        files.append(_source(path, path.name))
    serial = build_kind_input("terraform", files, jobs=1)
    parallel = build_kind_input("terraform", files, jobs=2)
    assert [(r.address, dict(r.values)) for r in parallel.resources] == [(r.address, dict(r.values)) for r in serial.resources]
    assert parallel.resources[79].values == {"size": 79}


def test_non_utf8_and_binary_files_are_problems(tmp_path: Path) -> None:
    latin = tmp_path / "latin.tf"
    latin.write_bytes(b'resource "a" "b" {\n  x = "caf\xe9"\n}\n')
    binary = tmp_path / "bin.tf"
    binary.write_bytes(b"\x00\x01\x02")
    kind_input = build_kind_input("terraform", [_source(latin, "latin.tf"), _source(binary, "bin.tf")], jobs=1)
    assert [(p.file, p.line, p.message) for p in kind_input.problems] == [
        ("latin.tf", 2, "file is not valid UTF-8"),
        ("bin.tf", None, "binary file (contains NUL bytes)"),
    ]
