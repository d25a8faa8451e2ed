"""Scan benchmark: files/s, resources/s, wall time and peak memory, with baselines.

Generates a synthetic Terraform monorepo shaped like a real one (default 1,800 files,
~140,000 lines: modules of S3 buckets, security groups, instances, IAM policies with
nested blocks, locals and interpolations) plus CloudFormation templates, then measures,
each in a fresh subprocess so peak memory is per run:

  baseline  python-hcl2's own ``hcl2.loads`` over every .tf file, serially: the floor
            cost of reading the same code with the same parser library
  scan      ``iac-guard scan`` end to end (Dagster job, parallel parse, Regorus)
  checkov   optional (``--checkov PATH`` to a checkov executable in its own venv)

Figures are printed as ratios against the baseline measured in the same run.

    python benchmarks/bench_scan.py [--files 1800] [--jobs 0] [--checkov /path/to/checkov]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

MODULE_TEMPLATE = """\
locals {{
  name_{i} = "svc-{i}-${{var.environment}}"
  tags_{i} = merge(var.common_tags, {{ Service = "svc-{i}", Index = "{i}" }})
}}

resource "aws_s3_bucket" "data_{i}" {{
  bucket = "${{local.name_{i}}}-data"
  acl    = "{acl}"
  tags   = local.tags_{i}

  versioning {{
    enabled = {versioning}
  }}
}}

resource "aws_security_group" "svc_{i}" {{
  name        = local.name_{i}
  description = "service {i}"
  vpc_id      = var.vpc_id

  ingress {{
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }}

  ingress {{
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["{ssh_cidr}"]
  }}

  egress {{
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }}
}}

resource "aws_instance" "svc_{i}" {{
  ami                    = var.ami
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.svc_{i}.id]
  user_data              = <<-EOT
    #!/bin/bash
    echo "service {i}" > /etc/motd
  EOT

  metadata_options {{
    http_tokens = "required"
  }}

  root_block_device {{
    encrypted   = true
    volume_size = {size}
  }}
}}

resource "aws_iam_role_policy" "svc_{i}" {{
  name = "svc-{i}"
  role = var.role_id
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = ["${{aws_s3_bucket.data_{i}.arn}}/*"]
    }}]
  }})
}}

resource "aws_db_instance" "svc_{i}" {{
  identifier          = "svc-{i}"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = {size}
  storage_encrypted   = {encrypted}
  publicly_accessible = false
  tags                = local.tags_{i}
}}
"""

CFN_TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket{i}:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "${{AWS::StackName}}-{i}"
      VersioningConfiguration:
        Status: Enabled
  Volume{i}:
    Type: AWS::EC2::Volume
    Properties:
      Size: {i}
      Encrypted: {encrypted}
      AvailabilityZone: !Select [0, !GetAZs ""]
"""


def generate(root: Path, files: int) -> tuple[int, int]:
    """Write the synthetic tree; return (tf files, total lines)."""
    lines = 0
    tf_files = 0
    for i in range(files):
        module = root / f"services/team{i % 40:02d}/svc{i:04d}"
        module.mkdir(parents=True, exist_ok=True)
        if i % 10 == 9:
            text = CFN_TEMPLATE.format(i=i, encrypted="true" if i % 3 else "false")
            (module / "stack.yaml").write_text(text)
        else:
            text = MODULE_TEMPLATE.format(
                i=i,
                acl="public-read" if i % 17 == 0 else "private",
                versioning="true" if i % 2 else "false",
                ssh_cidr="0.0.0.0/0" if i % 23 == 0 else "10.1.0.0/16",
                size=20 + i % 50,
                encrypted="false" if i % 13 == 0 else "true",
            )
            (module / "main.tf").write_text(text)
            tf_files += 1
        lines += text.count("\n")
    return tf_files, lines


BASELINE = """
import sys, time, hcl2
from pathlib import Path
start = time.perf_counter()
n = 0
for p in sorted(Path(sys.argv[1]).rglob("*.tf")):
    hcl2.loads(p.read_text())
    n += 1
print(time.perf_counter() - start)
"""


# Runs the command and reports the largest resident set of it and its descendants, so
# each measurement is independent of the ones before it.
MEASURE = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:])
sys.stderr.write("\\nPEAK_KIB %d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(proc.returncode)
"""


def run(cmd: list[str], cwd: Path | None = None) -> tuple[float, int, str, int]:
    """Wall seconds, peak RSS (KiB) of the largest process of the run, stdout, exit code."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, cwd=cwd, check=False)
    wall = time.perf_counter() - start
    peak = 0
    for line in proc.stderr.splitlines():
        if line.startswith("PEAK_KIB "):
            peak = int(line.split()[1])
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr[-2000:])
    return wall, peak, proc.stdout, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1800)
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--checkov", default=None, help="path to a checkov executable (its own venv)")
    parser.add_argument("--keep", default=None, help="generate into this directory and keep it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["IAC_GUARD_CACHE_DIR"] = str(Path(tmp) / "cache")  # start cold, keep the user's cache out
        root = Path(args.keep) if args.keep else Path(tmp) / "corpus"
        root.mkdir(parents=True, exist_ok=True)
        tf_files, lines = generate(root, args.files)
        print(f"corpus: {args.files} files ({tf_files} Terraform), {lines} lines, {os.cpu_count()} cores")

        base_wall, base_rss, _, _ = run([sys.executable, "-c", BASELINE, str(root)])
        print(f"baseline  hcl2.loads serial     wall {base_wall:7.2f} s   peak {base_rss / 1024:6.0f} MiB")

        cmd = [sys.executable, "-m", "iac_guard.cli", "scan", str(root), "--format", "json", "--jobs", str(args.jobs)]
        wall, rss, out, code = run(cmd, cwd=REPO)
        summary = json.loads(out)["summary"] if out.strip().startswith("{") else {}
        resources = summary.get("resources", 0)
        print(
            f"iac-guard scan (exit {code})        wall {wall:7.2f} s   peak {rss / 1024:6.0f} MiB   "
            f"{args.files / wall:7.0f} files/s   {resources / wall:7.0f} resources/s   "
            f"{summary.get('total', 0)} findings"
        )
        print(f"ratio     scan / baseline        wall {wall / base_wall:7.2f} x")
        warm_wall, warm_rss, _, _ = run(cmd, cwd=REPO)
        print(f"iac-guard scan, parse cache warm  wall {warm_wall:7.2f} s   peak {warm_rss / 1024:6.0f} MiB")
        print(f"ratio     warm / baseline        wall {warm_wall / base_wall:7.2f} x")

        if args.checkov:
            ck_wall, ck_rss, _, ck_code = run([args.checkov, "-d", str(root), "--quiet", "--compact", "-o", "json"])
            print(f"checkov (exit {ck_code})               wall {ck_wall:7.2f} s   peak {ck_rss / 1024:6.0f} MiB")
            print(f"ratio     checkov / scan         wall {ck_wall / wall:7.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
