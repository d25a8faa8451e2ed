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
