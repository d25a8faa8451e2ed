"""Every config key is checked against the schema when it is read: a wrong type in
``.iac-guard.yaml`` or ``[tool.iac-guard]`` is a usage error at file:line naming the key
(exit 2), never an internal error. The keys come from ``ScanConfig.options()``, so a new
setting is covered without touching this file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from iac_guard.cli import main
from iac_guard.settings import ScanConfig

# a date, a list, a mapping, a number, true/false, null, and a list holding a date
WRONG_VALUES: dict[str, str] = {
    "date": "2027-01-01",
    "list": "[1, [2]]",
    "mapping": "{a: {b: 1}}",
    "number": "3.5",
    "bool": "true",
    "null": "null",
    "list-of-dates": "[2027-01-01]",
}


def _accepts(key: str, yaml_value: str) -> bool:
    """Whether a value is valid for the key (a bool is valid for a bool setting, ...):
    those cases are not errors and are left out."""
    value: Any = yaml.safe_load(yaml_value)
    try:
        ScanConfig.from_dict({key: value})
    except Exception:
        return False
    return True


CASES = [
    pytest.param(name, kind, text, id=f"{name}-{kind}")
    for name, option in ScanConfig.options().items()
    for kind, text in WRONG_VALUES.items()
    if not (option.in_file and _accepts(name, text))
]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "main.tf").write_text('resource "aws_ebs_volume" "v" {\n  size = 1\n}\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_option_is_covered() -> None:
    covered = {case.values[0] for case in CASES}
    assert covered == set(ScanConfig.options())
    # each setting meets at least four wrong types (bool settings accept true, ...)
    for name in ScanConfig.options():
        assert sum(1 for case in CASES if case.values[0] == name) >= 4, name


@pytest.mark.parametrize(("name", "kind", "text"), CASES)
def test_wrong_type_in_yaml_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str], name: str, kind: str, text: str) -> None:
    key = name.replace("_", "-")
    (repo / ".iac-guard.yaml").write_text(f"# settings\nquiet: false\n{key}: {text}\n")
    assert main(["scan", "."]) == 2
    err = capsys.readouterr().err
    assert err.startswith("iac-guard: error: .iac-guard.yaml:3: "), err
    assert key in err or f"'{key}'" in err, err
    assert "internal error" not in err and "Traceback" not in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(("name", "kind", "text"), [c for c in CASES if c.values[1] in ("date", "list", "mapping", "number")])
def test_wrong_type_in_pyproject_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str], name: str, kind: str, text: str) -> None:
    key = name.replace("_", "-")
    toml = {"date": "2027-01-01", "list": "[1, [2]]", "mapping": "{ a = { b = 1 } }", "number": "3.5"}[kind]
    (repo / "pyproject.toml").write_text(f'[project]\nname = "x"\n\n[tool.iac-guard]\n# settings\n{key} = {toml}\n')
    assert main(["scan", "."]) == 2
    err = capsys.readouterr().err
    assert err.startswith("iac-guard: error: pyproject.toml:6: "), err
    assert key in err, err
    assert "internal error" not in err


def test_the_issue_example_waivers_pasted_into_the_config(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".iac-guard.yaml").write_text(
        "fail-on: high\nwaivers:\n  - id: IAC-AWS-EBS-001\n    reason: legacy volume\n    expires: 2027-01-01\n"
    )
    assert main(["scan", "."]) == 2
    assert capsys.readouterr().err == (
        "iac-guard: error: .iac-guard.yaml:2: waivers must be a string (the waivers file's path; "
        "the waivers themselves go in .iac-guard-waivers.yaml), got a list\n"
    )


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("2027-01-01: high\n", ".iac-guard.yaml:1: setting names are strings, got a date (2027-01-01)"),
        ("fail-on: high\nquiet: true\nfail-on: low\n", ".iac-guard.yaml:3: fail-on is given twice (first on line 1)"),
        ("fail-on: high\nfail_on: low\n", ".iac-guard.yaml:2: fail_on is set twice (also as fail-on)"),
        ("severity-overrides:\n  X-1: low\n  X-1: high\n", ".iac-guard.yaml:3: severity-overrides: X-1 is given twice (first on line 2)"),
        ("severity-overrides:\n  IAC-AWS-EBS-001: low\n  2027-01-01: low\n", ".iac-guard.yaml:3: severity-overrides: policy ids are strings, got a date (2027-01-01)"),
        ("severity-overrides:\n  IAC-AWS-EBS-001: [low]\n", ".iac-guard.yaml:2: severity-overrides: IAC-AWS-EBS-001 must be a severity (critical, high, medium, low, info), got a list"),
        ("format:\n  - text\n  - {format: json, path: r.json, mode: 0644}\n", ".iac-guard.yaml:3: format: unknown key 'mode' in {format: NAME, path: FILE}"),
        ("format:\n  - {format: json, path: 2027-01-01}\n", ".iac-guard.yaml:2: format: `format` and `path` must be strings, got a date (2027-01-01)"),
        ("exclude:\n  - vendor\n  - 2027-01-01\n", ".iac-guard.yaml:3: exclude must be a string or a list of strings, got a date (2027-01-01) in the list"),
        ("- fail-on: high\n", ".iac-guard.yaml:1: the config file must be a mapping of settings, got a list"),
        ("allow-builtins: [http.get]\n", ".iac-guard.yaml:1: allow-builtins: unknown value 'http.get' (choose from: http.send, net.lookup_ip_addr, opa.runtime, time.now_ns, rand.intn, uuid.rfc4122, io.jwt.decode_verify, crypto.x509.parse_and_verify_certificates, crypto.x509.parse_and_verify_certificates_with_options)"),
        ("policy-timeout: 0\n", ".iac-guard.yaml:1: policy-timeout must be a whole number of at least 1, got 0"),
        ("strict-waivers: 2027-01-01\n", ".iac-guard.yaml:1: strict-waivers must be true or false, got a date (2027-01-01)"),
    ],
)
def test_yaml_schema_errors(repo: Path, capsys: pytest.CaptureFixture[str], text: str, error: str) -> None:
    (repo / ".iac-guard.yaml").write_text(text)
    assert main(["scan", "."]) == 2
    assert capsys.readouterr().err == f"iac-guard: error: {error}\n"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('[tool.iac-guard]\nfail-on = 2027-01-01\n', "pyproject.toml:2: fail-on must be a severity (critical, high, medium, low, info), got a date (2027-01-01)"),
        ('[tool.iac-guard]\nfail-on = "high"\n\n[tool.iac-guard.severity-overrides]\nIAC-AWS-EBS-001 = "low"\nIAC-AWS-S3-001 = 1979-05-27T07:32:00Z\n',
         "pyproject.toml:6: severity-overrides: IAC-AWS-S3-001 must be a severity (critical, high, medium, low, info), got a timestamp (1979-05-27T07:32:00+00:00)"),
        ('[tool.iac-guard]\nseverity-overrides.IAC-AWS-EBS-001 = "low"\nseverity-overrides.IAC-AWS-S3-001 = ["x"]\n',
         "pyproject.toml:3: severity-overrides: IAC-AWS-S3-001 must be a severity (critical, high, medium, low, info), got a list"),
        ('[tool.iac-guard]\nquiet = true\n\n[[tool.iac-guard.format]]\nformat = "text"\n\n[[tool.iac-guard.format]]\nformat = "json"\npath = 7\n',
         "pyproject.toml:7: format: `format` and `path` must be strings, got a number (7)"),
        ('[tool.iac-guard]\nexclude = ["a", 07:32:00]\n', "pyproject.toml:2: exclude must be a string or a list of strings, got a time (07:32:00) in the list"),
        ('[tool.iac-guard.waivers]\nid = "X"\n', "pyproject.toml:1: waivers must be a string (the waivers file's path; the waivers themselves go in .iac-guard-waivers.yaml), got a mapping"),
    ],
)
def test_pyproject_schema_errors(repo: Path, capsys: pytest.CaptureFixture[str], text: str, error: str) -> None:
    (repo / "pyproject.toml").write_text(text)
    assert main(["scan", "."]) == 2
    assert capsys.readouterr().err == f"iac-guard: error: {error}\n"


def test_invalid_toml_names_the_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('[tool.iac-guard]\nquiet = true\nquiet = false\n')
    assert main(["scan", "."]) == 2
    assert capsys.readouterr().err == "iac-guard: error: pyproject.toml:3: invalid TOML: Cannot overwrite a value (at line 3, column 14)\n"


def test_dates_never_reach_the_run_config() -> None:
    """What a config file can set ends in types the Dagster run config serializes."""
    config = ScanConfig.from_dict({"fail-on": "low", "exclude": [1, "a"], "severity-overrides": {"X": "info"}})
    assert config.exclude == ("1", "a")
    for value in config.to_dict().values():
        assert not isinstance(value, (dt.date, dt.time))


def test_readme_config_table_lists_every_setting() -> None:
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text()
    table = readme.split("| key | type | command line |", 1)[1].split("\n\n", 1)[0]
    keys = {k.strip("`") for row in table.splitlines()[2:] for k in row.split("|")[1].replace("(", ",").replace(")", ",").split(",") if k.strip()}
    file_keys = {name.replace("_", "-") for name, option in ScanConfig.options().items() if option.in_file}
    assert file_keys - {"outputs"} <= {k.strip().strip("`") for k in keys}


@pytest.mark.parametrize(
    ("name", "content", "args", "error"),
    [
        (".iac-guard.yaml", b"quiet: true\nfail-on: \xff\xfe high\n", [], ".iac-guard.yaml:2: the config file is not UTF-8 text (byte 0xff)"),
        (".iac-guard.yaml", b"quiet: true\na\x1bb: 1\n", [], ".iac-guard.yaml:2: invalid YAML: the character U+001B is not allowed"),
        (".iac-guard.yaml", b"quiet: !!python/object/apply:os.system [ls]\n", [], ".iac-guard.yaml:1: invalid YAML: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
        ("pyproject.toml", b'[tool.iac-guard]\nfail-on = "\xff"\n', [], "pyproject.toml: the config file is not UTF-8 text"),
        ("w.yaml", b"waivers:\n  - id: \xff\n", ["--waivers", "w.yaml"], "w.yaml:2: waivers is not UTF-8 text (byte 0xff)"),
        ("b.json", b'{"findings": ["\xff"]}', ["--baseline", "b.json"], "b.json: baseline is not UTF-8 text (an iac-guard JSON report is)"),
    ],
)
def test_unreadable_bytes_are_config_errors(repo: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, args: list[str], error: str) -> None:
    (repo / name).write_bytes(content)
    assert main(["scan", ".", *args]) == 2
    assert capsys.readouterr().err == f"iac-guard: error: {error}\n"


@pytest.mark.parametrize(
    ("name", "text", "args", "error"),
    [
        (".iac-guard.yaml", "exclude: " + "[" * 5000 + "]" * 5000 + "\n", [], ".iac-guard.yaml: the config file nests too deeply to be read (lists or mappings inside each other)"),
        ("pyproject.toml", "[tool.iac-guard]\nexclude = " + "[" * 5000 + "]" * 5000 + "\n", [], "pyproject.toml: the config file nests too deeply to be read (arrays or tables inside each other)"),
        ("w.yaml", "waivers:\n  - id: X\n    reason: " + "[" * 5000 + "]" * 5000 + "\n", ["--waivers", "w.yaml"], "w.yaml: waivers nests too deeply to be read (lists or mappings inside each other)"),
        ("b.json", '{"findings": ' + "[" * 100000 + "]" * 100000 + "}", ["--baseline", "b.json"], "b.json: baseline nests too deeply to be read (an iac-guard JSON report does not)"),
    ],
)
def test_deeply_nested_files_are_config_errors(repo: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, args: list[str], error: str) -> None:
    (repo / name).write_text(text)
    assert main(["scan", ".", *args]) == 2
    assert capsys.readouterr().err == f"iac-guard: error: {error}\n"
