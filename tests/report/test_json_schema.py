"""The JSON report against its committed schema, docs/report.schema.json: real scans
validate, every field they carry is declared there, and the README's example validates."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from iac_guard.cli import main
from tests.conftest import REPO
from tests.starter import only_starter

SCHEMA_PATH = REPO / "docs" / "report.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _scan(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code = main(["scan", *argv, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def _undeclared(instance: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "$") -> list[str]:
    """Keys of ``instance`` that the schema does not declare (following $ref and items)."""
    while "$ref" in schema and "properties" not in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    out: list[str] = []
    if isinstance(instance, dict):
        declared = dict(schema.get("properties", {}))
        if "$ref" in schema:
            declared.update(root["$defs"][schema["$ref"].rsplit("/", 1)[1]]["properties"])
        for key, value in instance.items():
            if key not in declared:
                out.append(f"{where}.{key}")
            else:
                out += _undeclared(value, declared[key], root, f"{where}.{key}")
    elif isinstance(instance, list) and "items" in schema:
        for i, item in enumerate(instance):
            out += _undeclared(item, schema["items"], root, f"{where}[{i}]")
    return out


def _check(validator: Draft202012Validator, report: dict[str, Any]) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(report)]
    assert errors == []
    assert _undeclared(report, validator.schema, validator.schema) == []


def test_real_reports_validate_and_every_field_is_declared(validator: Draft202012Validator, spine: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, failing = _scan(capsys, str(spine / "mixed"), *only_starter())
    assert code == 1 and failing["verdict"] == "fail" and failing["summary"]["failing"] == 6
    _check(validator, failing)
    code, broken = _scan(capsys, str(spine / "broken"))
    assert code == 2 and [e["code"] for e in broken["errors"]] == ["parse-error", "parse-error"]
    _check(validator, broken)
    monkeypatch.chdir(spine / "waived")
    code, waived = _scan(capsys, ".", "--waivers", "waivers.yaml", *only_starter())
    assert code == 1 and waived["summary"]["suppressed"] == len(waived["suppressed"]) == 4
    assert [s["suppression"]["kind"] for s in waived["suppressed"]] == ["inline", "waiver", "waiver", "inline"]
    assert [n["code"] for n in waived["notices"]] == ["ignore-without-reason", "waiver-expired"]
    assert [(w["id"], w["origin"], w["owner"], w["expires"], w["matched"], w["state"]) for w in waived["waivers"]] == [
        ("IAC-AWS-EBS-001", "waivers.yaml:2", "", "2099-12-31", 1, "active"),
        ("IAC-AWS-EBS-*", "waivers.yaml:6", "", "2020-01-01", 1, "expired"),
        ("IAC-AWS-S3-002", "waivers.yaml:10", "", None, 1, "active"),
    ]
    assert waived["waivers"][1]["days_left"] < 0 < waived["waivers"][0]["days_left"] and waived["waivers"][2]["days_left"] is None
    _check(validator, waived)
    code, clean = _scan(capsys, str(REPO / "examples" / "clean"))
    assert code == 0 and clean["verdict"] == "pass" and clean["findings"] == []
    _check(validator, clean)


def test_the_schema_is_not_vacuous(validator: Draft202012Validator, spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, report = _scan(capsys, str(spine / "mixed"), *only_starter())
    broken = json.loads(json.dumps(report))
    broken["verdict"] = "maybe"
    del broken["suppressed"]
    broken["summary"]["total"] = -1
    broken["findings"][0]["severity"] = "urgent"
    del broken["findings"][1]["fingerprint"]
    messages = sorted(e.message for e in validator.iter_errors(broken))
    assert messages == sorted([
        "'maybe' is not one of ['pass', 'fail', 'error']",
        "'suppressed' is a required property",
        "-1 is less than the minimum of 0",
        "'urgent' is not one of ['critical', 'high', 'medium', 'low', 'info']",
        "'fingerprint' is a required property",
    ])
    report["findings"][0]["new_field"] = 1
    assert _undeclared(report, validator.schema, validator.schema) == ["$.findings[0].new_field"]


def test_readme_points_at_the_schema_and_its_example_validates(validator: Draft202012Validator) -> None:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## JSON output", 1)[1].split("\n## ", 1)[0]
    assert "[docs/report.schema.json](docs/report.schema.json)" in section
    (example,) = re.findall(r"```json\n(.*?)```", section, re.DOTALL)
    report = json.loads(example)  # valid JSON: no comments
    _check(validator, report)
    assert report["summary"]["suppressed"] == len(report["suppressed"]) == 1
