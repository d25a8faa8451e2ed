"""Discovery: which files are scanned, as which kind, and what is skipped with a notice."""

from __future__ import annotations

import os
from pathlib import Path

import hypothesis
import pytest
from hypothesis import strategies as st

from iac_guard.discover import _only_comments, discover
from iac_guard.errors import InputError


def test_classifies_terraform_and_cloudformation_only(spine: Path) -> None:
    result = discover([spine / "mixed"])
    assert [(f.relpath, f.kind) for f in result.files] == [
        ("cloudformation/template.json", "cloudformation"),
        ("cloudformation/template.yaml", "cloudformation"),
        ("terraform/main.tf", "terraform"),
        ("terraform/volumes.tf.json", "terraform"),
    ]
    assert result.root == (spine / "mixed").resolve()
    assert result.notices == ()


def test_exclude_glob_drops_directories_and_files(spine: Path) -> None:
    result = discover([spine / "mixed"], exclude=["cloudformation", "*.tf.json"])
    assert [f.relpath for f in result.files] == ["terraform/main.tf"]


def test_skips_tool_directories(tmp_path: Path) -> None:
    for d in (".git", ".terraform/modules/x", "node_modules/pkg", "infra"):
        (tmp_path / d).mkdir(parents=True)
        (tmp_path / d / "main.tf").write_text('resource "a" "b" {}\n')
    assert [f.relpath for f in discover([tmp_path]).files] == ["infra/main.tf"]


def test_oversized_iac_file_is_a_problem_oversized_other_files_stay_silent(tmp_path: Path) -> None:
    (tmp_path / "big.tf").write_text("# " + "x" * 200 + "\n")
    (tmp_path / "big.yaml").write_text("AWSTemplateFormatVersion: '2010-09-09'\n# " + "x" * 200 + "\n")
    (tmp_path / "package-lock.json").write_text('{"name": "app", "lockfileVersion": 3, "pad": "' + "x" * 200 + '"}\n')
    (tmp_path / "small.tf").write_text('resource "a" "b" {}\n')
    result = discover([tmp_path], max_file_bytes=100)
    assert [f.relpath for f in result.files] == ["small.tf"]
    assert result.notices == ()
    assert [(p.code, p.file, p.line, p.message) for p in result.problems] == [
        ("input-error", "big.tf", None, "not scanned: 203 bytes is over the 100-byte limit (raise --max-file-bytes)"),
        ("input-error", "big.yaml", None, "not scanned: 242 bytes is over the 100-byte limit (raise --max-file-bytes)"),
    ]


def test_symlink_out_of_root_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.tf").write_text('resource "a" "b" {}\n')
    root = tmp_path / "repo"
    root.mkdir()
    (root / "main.tf").write_text('resource "a" "c" {}\n')
    os.symlink(outside / "secret.tf", root / "link.tf")
    assert [f.relpath for f in discover([root]).files] == ["main.tf"]


def test_explicit_non_iac_file_gets_a_notice(spine: Path) -> None:
    result = discover([spine / "mixed" / "other" / "workflow.yaml"])
    assert result.files == ()
    assert [(n.code, n.file) for n in result.notices] == [("not-iac", "workflow.yaml")]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="path does not exist"):
        discover([tmp_path / "nope"])


def test_several_paths_report_relative_to_their_common_parent(spine: Path) -> None:
    result = discover([spine / "mixed" / "terraform", spine / "broken"])
    assert [f.relpath for f in result.files] == [
        "broken/bad.tf",
        "broken/bad.yaml",
        "broken/good.tf",
        "mixed/terraform/main.tf",
        "mixed/terraform/volumes.tf.json",
    ]


def test_a_template_behind_64_kib_of_comments_is_still_found(tmp_path: Path) -> None:
    """Classification reads the first 64 KiB; a template must not escape the scan by
    starting with more comment lines than that. A large non-template YAML stays out."""
    template = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n'
    (tmp_path / "padded.yaml").write_text("# padding\n" * 9000 + template)
    (tmp_path / "values.yaml").write_text("# chart values\n" + "key: value\n" * 9000)
    found = discover([tmp_path])
    assert [(f.relpath, f.kind) for f in found.files] == [("padded.yaml", "cloudformation")]


def _only_comments_reference(data: bytes) -> bool:
    """The plain reading of the rule: every complete line blank or a ``#`` comment."""
    return all(not line.strip() or line.lstrip().startswith(b"#") for line in data.split(b"\n")[:-1])


LINES = [b"", b" ", b"\t", b"#x", b"  # c", b"a", b" b", b"\r", b"\x0b#", b"x#", b"\n", b"#\n", b"\xff"]


@hypothesis.settings(max_examples=500, deadline=None)
@hypothesis.given(st.lists(st.sampled_from(LINES), max_size=12).map(b"\n".join) | st.binary(max_size=200))
def test_comment_only_heads_are_read_on(data: bytes) -> None:
    """The fast test (a regular expression) that decides whether to read past a file's
    first 64 KiB agrees with the plain rule on any bytes."""
    assert _only_comments(data) == _only_comments_reference(data)
