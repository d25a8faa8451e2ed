"""Fail closed: what used to pass silently (an IaC file padded past the size cap, ...)
is an error with exit 2 naming the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iac_guard.cli import main

PUBLIC_BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "acme"\n  acl    = "public-read"\n}\n'


def test_iac_file_padded_past_the_default_cap_fails_closed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    padded = tmp_path / "main.tf"
    padded.write_text(PUBLIC_BUCKET + ("#" * 1023 + "\n") * (5 * 1024 + 1))
    size = padded.stat().st_size
    (tmp_path / "package-lock.json").write_text('{"lockfileVersion": 3, "pad": "' + "x" * (6 * 1024 * 1024) + '"}\n')
    assert main(["scan", str(tmp_path), "--format", "json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert doc["errors"] == [
        {
            "code": "input-error",
            "message": f"not scanned: {size} bytes is over the 5242880-byte limit (raise --max-file-bytes)",
            "file": "main.tf",
            "line": None,
        }
    ]
    assert doc["notices"] == [] and doc["summary"]["files_scanned"] == 0


def test_max_file_bytes_from_the_command_line_and_the_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "main.tf").write_text(PUBLIC_BUCKET)  # 76 bytes
    monkeypatch.chdir(tmp_path)
    assert main(["scan", ".", "--max-file-bytes", "50"]) == 2
    out = capsys.readouterr().out
    assert "  input-error  main.tf  not scanned: 76 bytes is over the 50-byte limit (raise --max-file-bytes)\n" in out
    assert main(["scan", ".", "--max-file-bytes", "76", "--format", "json"]) == 1  # at the cap: scanned
    assert json.loads(capsys.readouterr().out)["errors"] == []
    (tmp_path / ".iac-guard.yaml").write_text("max-file-bytes: 60\n")
    assert main(["scan", ".", "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out)["errors"][0]["message"] == "not scanned: 76 bytes is over the 60-byte limit (raise --max-file-bytes)"
    assert main(["scan", ".", "--max-file-bytes", "0"]) == 2
    assert "argument --max-file-bytes: must be at least 1, got 0" in capsys.readouterr().err
