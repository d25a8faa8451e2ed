"""The 13 starter policies the spine's fixtures were written against. Tests about the
pipeline, reports and publishing pin themselves to these, so the library can grow
without changing what those tests are about (the library has its own tests)."""

from __future__ import annotations

STARTER_IDS = (
    "IAC-AWS-CT-001",
    "IAC-AWS-CT-002",
    "IAC-AWS-EBS-001",
    "IAC-AWS-EC2-001",
    "IAC-AWS-IAM-001",
    "IAC-AWS-KMS-001",
    "IAC-AWS-RDS-001",
    "IAC-AWS-RDS-002",
    "IAC-AWS-S3-001",
    "IAC-AWS-S3-002",
    "IAC-AWS-S3-003",
    "IAC-AWS-SG-001",
    "IAC-AWS-SG-002",
)


def only_starter() -> list[str]:
    """``--only`` arguments selecting the starter policies."""
    return [arg for rule_id in STARTER_IDS for arg in ("--only", rule_id)]
