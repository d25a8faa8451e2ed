"""benchmarks/compare_checkov.py: resource matching and per-row counts on small reports."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

_SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "compare_checkov.py"


@pytest.fixture(scope="module")
def cc() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compare_checkov", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["compare_checkov"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("address", "cfn", "expected"),
    [
        ('module.net.aws_subnet.main["a"]', False, "aws_subnet.main"),
        ("aws_db_instance.main[0]", False, "aws_db_instance.main"),
        ("module.a.module.b.aws_vpc.this[0]", False, "aws_vpc.this"),
        ("provider.aws.keys", False, "provider.aws"),
        ("aws.keys", False, "provider.aws"),
        ("AWS::S3::Bucket.LogsBucket", True, "LogsBucket"),
        ("LogsBucket", True, "LogsBucket"),
    ],
)
def test_normalise_address(cc: ModuleType, address: str, cfn: bool, expected: str) -> None:
    assert cc.normalise_address(address, cloudformation=cfn) == expected


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_rows_count_both_only_and_secrets_by_enclosing_resource(cc: ModuleType, tmp_path: Path) -> None:
    scan = tmp_path / "root"
    scan.mkdir()
    (scan / "main.tf").write_text(
        'provider "aws" {\n  access_key = "AKIA..."\n}\n'
        'resource "aws_s3_bucket" "a" {\n  count = 2\n}\n'
        'resource "aws_s3_bucket" "b" {\n}\n',
        encoding="utf-8",
    )
    ig = _write(
        tmp_path / "ig.json",
        {
            "findings": [
                {"rule_id": "R-1", "resource": "aws_s3_bucket.a[0]", "file": "main.tf", "iac_kind": "terraform"},
                {"rule_id": "R-1", "resource": "aws_s3_bucket.a[1]", "file": "main.tf", "iac_kind": "terraform"},
                {"rule_id": "R-1", "resource": "aws_s3_bucket.b", "file": "main.tf", "iac_kind": "terraform"},
                {"rule_id": "R-S", "resource": "provider.aws", "file": "main.tf", "iac_kind": "terraform"},
                {"rule_id": "R-X", "resource": "aws_s3_bucket.b", "file": "main.tf", "iac_kind": "terraform"},
            ]
        },
    )
    ck = _write(
        tmp_path / "ck.json",
        [
            {
                "check_type": "terraform",
                "results": {
                    "failed_checks": [
                        {"check_id": "C_1", "resource": "aws_s3_bucket.a", "file_path": "/main.tf", "file_line_range": [4, 6]},
                        {"check_id": "C_2", "resource": "aws_s3_bucket.c", "file_path": "/other.tf", "file_line_range": [1, 2]},
                    ],
                    "passed_checks": [
                        {"check_id": "C_1", "resource": "aws_s3_bucket.b", "file_path": "/main.tf", "file_line_range": [7, 8]},
                    ],
                },
            },
            {
                "check_type": "secrets",
                "results": {
                    "failed_checks": [
                        {"check_id": "S_1", "resource": "hash", "file_path": "/main.tf", "file_line_range": [2, 3]},
                    ],
                    "passed_checks": [],
                },
            },
        ],
    )
    mapping = _write(
        tmp_path / "map.json",
        {"rows": [
            {"rules": ["R-1"], "checkov": ["C_1", "C_2"]},
            {"rules": ["R-S"], "checkov": ["S_1"]},
            {"rules": ["R-NONE"], "checkov": ["C_NONE"]},
        ]},
    )
    rows = cc.load_mapping(mapping)
    runs = [("corpus/part", scan, ig, ck)]
    results = cc.compare(rows, runs)
    assert [r.row.rules for r in results] == [("R-1",), ("R-S",)]
    bucket, secret = results
    main = str(scan / "main.tf")
    assert bucket.both == {(main, "aws_s3_bucket.a")}
    assert bucket.only_ig == {(main, "aws_s3_bucket.b")}
    assert bucket.only_ck == {(str(scan / "other.tf"), "aws_s3_bucket.c")}
    assert bucket.corpora == {"corpus"}
    # the secret on line 2 lies in no evaluated resource: counted for the provider block
    assert secret.both == {(main, "provider.aws")}
    assert not secret.only_ig and not secret.only_ck
    table = cc.render(results)
    assert "| R-1 | C_1, C_2 | 1 | 1 | 1 | corpus |" in table
    assert "| **Total** | | **2** | **1** | **1** | |" in table
    assert "Recall against checkov (mapped rows): 2 of 3 = 66.7%" in table
    assert cc.unmapped(rows, runs) == (1, 0)
