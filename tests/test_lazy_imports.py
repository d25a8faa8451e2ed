"""A scan imports only what it uses: PyGithub (and requests), cfn-lint and the OPA client
load when the GitHub API, the cfn-lint scanner or the OPA engine is used, not on every run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
from iac_guard.cli import main
code = main(["scan", sys.argv[1], "-q", "--no-cache"])
print(json.dumps({"code": code, "loaded": sorted(m for m in ("github", "requests", "cfnlint", "opa_client", "checkov") if m in sys.modules)}))
"""


def test_a_plain_scan_loads_no_optional_client(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size = 1\n}\n')
    proc = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True, text=True, check=True, cwd=tmp_path,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    outcome = json.loads(proc.stdout.strip().splitlines()[-1])
    assert outcome == {"code": 1, "loaded": []}


PARSE_PROBE = """
import json, sys
from pathlib import Path
from iac_guard.models import SourceFile
from iac_guard.parse.registry import classify, parser_for
out = {}
for path in sorted(Path(sys.argv[1]).iterdir()):
    kind = classify(path, path.read_text())
    parser = parser_for(kind)
    doc = parser.parse(SourceFile(path, path.name, kind, path.stat().st_size))
    resources = parser.build([doc])[0] if not doc.problems else []
    out[path.name] = [kind, [(r.address, r.line) for r in resources], [p.message for p in doc.problems]]
print(json.dumps({"parsed": out, "loaded": sorted(m for m in sys.modules if m.split(".")[0] == "cfnlint")}))
"""


def test_parsing_templates_and_json_files_does_not_import_cfn_lint(tmp_path: Path) -> None:
    """cfn-lint loads only for its scanner (``--scanner cfn-lint``): CloudFormation YAML and
    JSON, ``.tf.json`` and plan files are decoded by iac-guard's own marked decoders."""
    (tmp_path / "app.yaml").write_text(
        'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n'
        "    Properties:\n      BucketName: !Sub '${AWS::StackName}-b'\n"
    )
    (tmp_path / "app.json").write_text('{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Q": {"Type": "AWS::SQS::Queue"}\n  }\n}\n')
    (tmp_path / "main.tf.json").write_text('{\n  "resource": {\n    "aws_s3_bucket": {\n      "b": {"bucket": "x"}\n    }\n  }\n}\n')
    (tmp_path / "plan.json").write_text(
        '{\n  "format_version": "1.2",\n  "planned_values": {\n    "root_module": {\n      "resources": [\n'
        '        {"address": "aws_s3_bucket.p", "mode": "managed", "type": "aws_s3_bucket", "name": "p", "values": {"bucket": "p"}}\n'
        "      ]\n    }\n  }\n}\n"
    )
    (tmp_path / "broken.yaml").write_text('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n---\n')
    proc = subprocess.run([sys.executable, "-c", PARSE_PROBE, str(tmp_path)], capture_output=True, text=True, check=True, cwd=tmp_path,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    outcome = json.loads(proc.stdout.strip().splitlines()[-1])
    assert outcome == {
        "parsed": {
            "app.json": ["cloudformation", [["Q", 4]], []],
            "app.yaml": ["cloudformation", [["Bucket", 3]], []],
            "broken.yaml": ["cloudformation", [], ["invalid template: expected a single document in the stream but found another document"]],
            "main.tf.json": ["terraform", [["aws_s3_bucket.b", 4]], []],
            "plan.json": ["tfplan", [["aws_s3_bucket.p", 6]], []],
        },
        "loaded": [],
    }
