"""The built-in policy library end to end: the real CLI scans realistic vulnerable and
well-configured fixtures (tests/fixtures/policies), and every finding is pinned by rule id,
resource, file and line. The well-configured fixtures must produce no finding at all:
the library's false-positive guard."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from iac_guard.cli import main
from iac_guard.discover import discover
from iac_guard.parse.runner import build_kind_input
from iac_guard.policy.embedded import EmbeddedEngine
from iac_guard.policy.loader import load_policies
from tests.conftest import FIXTURES

LIBRARY = FIXTURES / "policies"

Finding = tuple[str, str, str, int]


def _scan(capsys: pytest.CaptureFixture[str], target: Path) -> tuple[int, dict[str, Any]]:
    code = main(["scan", str(target), "--format", "json", "--fail-on", "info"])
    return code, json.loads(capsys.readouterr().out)


def _findings(doc: dict[str, Any]) -> list[Finding]:
    return sorted((f["rule_id"], f["resource"], f["file"], f["line"]) for f in doc["findings"])


TERRAFORM: list[Finding] = [
    ("IAC-AWS-CT-001", "aws_cloudtrail.main", "audit.tf", 1),
    ("IAC-AWS-CT-002", "aws_cloudtrail.main", "audit.tf", 1),
    ("IAC-AWS-CT-003", "aws_cloudtrail.main", "audit.tf", 1),
    ("IAC-AWS-KMS-001", "aws_kms_key.data", "audit.tf", 6),
    ("IAC-GEN-TAG-001", "aws_kms_key.data", "audit.tf", 6),
    ("IAC-AWS-EC2-001", "aws_instance.web", "compute.tf", 1),
    ("IAC-AWS-EC2-003", "aws_instance.web", "compute.tf", 1),
    ("IAC-AWS-EC2-002", "aws_instance.web", "compute.tf", 5),
    ("IAC-GEN-SECRET-002", "aws_instance.web", "compute.tf", 6),
    ("IAC-GEN-TAG-001", "aws_instance.web", "compute.tf", 10),
    ("IAC-GEN-TAG-001", "aws_lambda_function.etl", "compute.tf", 13),
    ("IAC-AWS-LAMBDA-001", "aws_lambda_function.etl", "compute.tf", 21),
    ("IAC-AWS-EKS-002", "aws_eks_cluster.k8s", "compute.tf", 28),
    ("IAC-GEN-TAG-001", "aws_eks_cluster.k8s", "compute.tf", 28),
    ("IAC-AWS-EKS-001", "aws_eks_cluster.k8s", "compute.tf", 32),
    ("IAC-AWS-ECR-001", "aws_ecr_repository.app", "compute.tf", 37),
    ("IAC-AWS-ECR-002", "aws_ecr_repository.app", "compute.tf", 37),
    ("IAC-GEN-TAG-001", "aws_ecr_repository.app", "compute.tf", 37),
    ("IAC-AWS-ELB-001", "aws_lb_listener.http", "edge.tf", 10),
    ("IAC-AWS-ELB-002", "aws_lb_listener.https", "edge.tf", 18),
    ("IAC-AWS-CF-001", "aws_cloudfront_distribution.cdn", "edge.tf", 40),
    ("IAC-AWS-CF-002", "aws_cloudfront_distribution.cdn", "edge.tf", 51),
    ("IAC-AWS-IAM-001", "aws_iam_policy.admin", "iam.tf", 3),
    ("IAC-AWS-IAM-003", "aws_iam_user_login_profile.alice", "iam.tf", 18),
    ("IAC-AWS-IAM-002", "aws_iam_user_policy_attachment.alice_admin", "iam.tf", 22),
    ("IAC-AWS-IAM-004", "aws_iam_role.ci", "iam.tf", 28),
    ("IAC-AWS-VPC-001", "aws_vpc.main", "network.tf", 1),
    ("IAC-AWS-VPC-002", "aws_subnet.public", "network.tf", 8),
    ("IAC-AWS-SG-005", "aws_security_group.bastion", "network.tf", 11),
    ("IAC-AWS-SG-001", "aws_security_group.bastion", "network.tf", 15),
    ("IAC-AWS-SG-002", "aws_security_group.bastion", "network.tf", 22),
    ("IAC-AWS-SG-003", "aws_security_group.database", "network.tf", 36),
    ("IAC-AWS-SG-001", "aws_security_group_rule.everything", "network.tf", 51),
    ("IAC-AWS-SG-002", "aws_security_group_rule.everything", "network.tf", 51),
    ("IAC-AWS-SG-004", "aws_security_group_rule.everything", "network.tf", 51),
    ("IAC-AWS-SG-005", "aws_default_security_group.default", "network.tf", 58),
    ("IAC-AWS-SG-006", "aws_default_security_group.default", "network.tf", 58),
    ("IAC-GEN-SECRET-003", "provider.aws.legacy", "providers.tf", 1),
    ("IAC-GEN-SECRET-003", "provider.aws.legacy", "providers.tf", 1),
    ("IAC-AWS-S3-002", "aws_s3_bucket.customer_data", "storage.tf", 1),
    ("IAC-AWS-S3-003", "aws_s3_bucket.customer_data", "storage.tf", 1),
    ("IAC-AWS-S3-006", "aws_s3_bucket.customer_data", "storage.tf", 1),
    ("IAC-GEN-PII-001", "aws_s3_bucket.customer_data", "storage.tf", 1),
    ("IAC-GEN-PII-002", "aws_s3_bucket.customer_data", "storage.tf", 1),
    ("IAC-GEN-PII-003", "aws_s3_bucket.customer_data", "storage.tf", 1),
    ("IAC-AWS-S3-001", "aws_s3_bucket_acl.customer_data", "storage.tf", 10),
    ("IAC-AWS-S3-005", "aws_s3_bucket_public_access_block.customer_data", "storage.tf", 16),
    ("IAC-AWS-S3-004", "aws_s3_bucket_policy.customer_data", "storage.tf", 35),
    ("IAC-AWS-DDB-001", "aws_dynamodb_table.orders", "storage.tf", 38),
    ("IAC-AWS-DDB-002", "aws_dynamodb_table.orders", "storage.tf", 38),
    ("IAC-GEN-TAG-001", "aws_dynamodb_table.orders", "storage.tf", 48),
    ("IAC-AWS-RDS-001", "aws_db_instance.crm", "storage.tf", 51),
    ("IAC-AWS-RDS-004", "aws_db_instance.crm", "storage.tf", 51),
    ("IAC-AWS-RDS-005", "aws_db_instance.crm", "storage.tf", 51),
    ("IAC-GEN-PII-001", "aws_db_instance.crm", "storage.tf", 51),
    ("IAC-GEN-PII-002", "aws_db_instance.crm", "storage.tf", 51),
    ("IAC-GEN-PII-003", "aws_db_instance.crm", "storage.tf", 51),
    ("IAC-GEN-SECRET-001", "aws_db_instance.crm", "storage.tf", 57),
    ("IAC-AWS-RDS-002", "aws_db_instance.crm", "storage.tf", 58),
    ("IAC-AWS-RDS-003", "aws_db_instance.crm", "storage.tf", 59),
    ("IAC-AWS-SNS-001", "aws_sns_topic.alerts", "storage.tf", 66),
    ("IAC-GEN-TAG-001", "aws_sns_topic.alerts", "storage.tf", 66),
    ("IAC-AWS-SQS-001", "aws_sqs_queue.jobs", "storage.tf", 70),
    ("IAC-GEN-TAG-001", "aws_sqs_queue.jobs", "storage.tf", 73),
    ("IAC-AWS-EBS-001", "aws_ebs_volume.scratch", "storage.tf", 76),
    ("IAC-GEN-TAG-001", "aws_ebs_volume.scratch", "storage.tf", 79),
]

CLOUDFORMATION: list[Finding] = [
    ("IAC-AWS-S3-002", "CustomerData", "vulnerable.yaml", 7),
    ("IAC-AWS-S3-003", "CustomerData", "vulnerable.yaml", 7),
    ("IAC-AWS-S3-005", "CustomerData", "vulnerable.yaml", 7),
    ("IAC-AWS-S3-006", "CustomerData", "vulnerable.yaml", 7),
    ("IAC-GEN-PII-001", "CustomerData", "vulnerable.yaml", 7),
    ("IAC-GEN-PII-002", "CustomerData", "vulnerable.yaml", 7),
    ("IAC-GEN-PII-003", "CustomerData", "vulnerable.yaml", 7),
    ("IAC-AWS-S3-001", "CustomerData", "vulnerable.yaml", 11),
    ("IAC-AWS-S3-004", "CustomerDataPolicy", "vulnerable.yaml", 23),
    ("IAC-AWS-RDS-001", "Database", "vulnerable.yaml", 29),
    ("IAC-AWS-RDS-004", "Database", "vulnerable.yaml", 29),
    ("IAC-AWS-RDS-005", "Database", "vulnerable.yaml", 29),
    ("IAC-GEN-TAG-001", "Database", "vulnerable.yaml", 29),
    ("IAC-GEN-SECRET-001", "Database", "vulnerable.yaml", 36),
    ("IAC-AWS-RDS-002", "Database", "vulnerable.yaml", 37),
    ("IAC-AWS-RDS-003", "Database", "vulnerable.yaml", 38),
    ("IAC-AWS-SG-001", "Web", "vulnerable.yaml", 44),
    ("IAC-AWS-SG-005", "Web", "vulnerable.yaml", 44),
    ("IAC-AWS-SG-003", "Web", "vulnerable.yaml", 48),
    ("IAC-AWS-EBS-001", "Volume", "vulnerable.yaml", 53),
    ("IAC-GEN-TAG-001", "Volume", "vulnerable.yaml", 53),
    ("IAC-AWS-CT-001", "Trail", "vulnerable.yaml", 58),
    ("IAC-AWS-CT-002", "Trail", "vulnerable.yaml", 58),
    ("IAC-AWS-CT-003", "Trail", "vulnerable.yaml", 58),
    ("IAC-AWS-KMS-001", "Key", "vulnerable.yaml", 63),
    ("IAC-GEN-TAG-001", "Key", "vulnerable.yaml", 63),
    ("IAC-AWS-IAM-001", "Admin", "vulnerable.yaml", 77),
    ("IAC-AWS-ELB-001", "Listener", "vulnerable.yaml", 88),
    ("IAC-GEN-TAG-001", "Function", "vulnerable.yaml", 92),
    ("IAC-AWS-LAMBDA-001", "Function", "vulnerable.yaml", 101),
    ("IAC-AWS-ECR-001", "Repository", "vulnerable.yaml", 103),
    ("IAC-AWS-ECR-002", "Repository", "vulnerable.yaml", 103),
    ("IAC-GEN-TAG-001", "Repository", "vulnerable.yaml", 103),
    ("IAC-AWS-SQS-001", "Queue", "vulnerable.yaml", 105),
    ("IAC-GEN-TAG-001", "Queue", "vulnerable.yaml", 105),
    ("IAC-AWS-EC2-003", "Instance", "vulnerable.yaml", 107),
    ("IAC-GEN-TAG-001", "Instance", "vulnerable.yaml", 107),
    ("IAC-AWS-EC2-002", "Instance", "vulnerable.yaml", 114),
]

AZURE: list[Finding] = [
    ("IAC-GEN-SECRET-003", "provider.azurerm", "main.tf", 1),
    ("IAC-AZ-STORAGE-002", "azurerm_storage_account.data", "main.tf", 12),
    ("IAC-AZ-STORAGE-005", "azurerm_storage_account.data", "main.tf", 12),
    ("IAC-GEN-PII-001", "azurerm_storage_account.data", "main.tf", 12),
    ("IAC-GEN-PII-002", "azurerm_storage_account.data", "main.tf", 12),
    ("IAC-AZ-STORAGE-001", "azurerm_storage_account.data", "main.tf", 18),
    ("IAC-AZ-STORAGE-004", "azurerm_storage_account.data", "main.tf", 19),
    ("IAC-AZ-STORAGE-003", "azurerm_storage_container.exports", "main.tf", 31),
    ("IAC-AZ-SQL-002", "azurerm_mssql_server.sql", "main.tf", 34),
    ("IAC-AZ-SQL-003", "azurerm_mssql_server.sql", "main.tf", 34),
    ("IAC-GEN-SECRET-001", "azurerm_mssql_server.sql", "main.tf", 40),
    ("IAC-AZ-SQL-001", "azurerm_mssql_firewall_rule.everyone", "main.tf", 53),
    ("IAC-AZ-NSG-001", "azurerm_network_security_group.vm", "main.tf", 61),
    ("IAC-AZ-NSG-001", "azurerm_network_security_rule.any", "main.tf", 82),
    ("IAC-AZ-NSG-002", "azurerm_network_security_rule.any", "main.tf", 82),
    ("IAC-AZ-NSG-003", "azurerm_network_security_rule.any", "main.tf", 82),
    ("IAC-AZ-KV-001", "azurerm_key_vault.kv", "main.tf", 88),
    ("IAC-AZ-KV-002", "azurerm_key_vault.kv", "main.tf", 88),
    ("IAC-AZ-MON-004", "azurerm_key_vault.kv", "main.tf", 89),
]

GCP: list[Finding] = [
    ("IAC-GCP-GCS-002", "google_storage_bucket.exports", "main.tf", 6),
    ("IAC-GCP-GCS-003", "google_storage_bucket.exports", "main.tf", 6),
    ("IAC-GEN-PII-002", "google_storage_bucket.exports", "main.tf", 6),
    ("IAC-GEN-PII-003", "google_storage_bucket.exports", "main.tf", 6),
    ("IAC-GCP-GCS-001", "google_storage_bucket_iam_member.public", "main.tf", 20),
    ("IAC-GCP-SQL-004", "google_sql_database_instance.db", "main.tf", 28),
    ("IAC-GCP-SQL-009", "google_sql_database_instance.db", "main.tf", 28),
    ("IAC-GCP-SQL-002", "google_sql_database_instance.db", "main.tf", 31),
    # IAC-GCP-SQL-003 (public IP) is not reported beside SQL-001: one exposure, one rule
    ("IAC-GCP-SQL-001", "google_sql_database_instance.db", "main.tf", 34),
    ("IAC-GEN-SECRET-001", "google_sql_user.app", "main.tf", 45),
    ("IAC-GCP-FW-001", "google_compute_firewall.admin", "main.tf", 53),
    ("IAC-GCP-FW-002", "google_compute_firewall.admin", "main.tf", 53),
    ("IAC-GCP-FW-001", "google_compute_firewall.everything", "main.tf", 64),
    ("IAC-GCP-FW-002", "google_compute_firewall.everything", "main.tf", 64),
    ("IAC-GCP-FW-003", "google_compute_firewall.everything", "main.tf", 64),
    ("IAC-GCP-SQL-003", "google_sql_database_instance.reporting", "main.tf", 77),
    # a MySQL instance with no database_flags and no backup_configuration
    ("IAC-GCP-SQL-005", "google_sql_database_instance.reporting", "main.tf", 74),
    ("IAC-GCP-SQL-009", "google_sql_database_instance.reporting", "main.tf", 74),
    ("IAC-GCP-SQL-012", "google_sql_database_instance.reporting", "main.tf", 74),
]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("terraform/vulnerable", TERRAFORM),
        ("cloudformation/vulnerable.yaml", CLOUDFORMATION),
        ("azure/vulnerable", AZURE),
        ("gcp/vulnerable", GCP),
    ],
)
def test_vulnerable_fixtures_give_exactly_the_expected_findings(
    target: str, expected: list[Finding], capsys: pytest.CaptureFixture[str]
) -> None:
    code, doc = _scan(capsys, LIBRARY / target)
    assert code == 1
    assert doc["errors"] == []
    assert _findings(doc) == sorted(expected)


@pytest.mark.parametrize(
    "target", ["terraform/secure", "cloudformation/secure.yaml", "azure/secure", "gcp/secure"]
)
def test_well_configured_fixtures_give_no_finding(
    target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, doc = _scan(capsys, LIBRARY / target)
    assert (code, doc["errors"], doc["findings"]) == (0, [], [])
    assert doc["summary"]["resources"] > 0


def _pinned_elsewhere() -> set[str]:
    """Rule ids pinned end to end by the per-area modules (tests/test_policies_*.py),
    each of which exposes its vulnerable fixture's findings as ``VULNERABLE``."""
    fired: set[str] = set()
    for path in sorted(Path(__file__).parent.glob("test_policies_*.py")):
        module = importlib.import_module(f"tests.{path.stem}")
        fired |= {rule_id for rule_id, _, _, _ in getattr(module, "VULNERABLE", [])}
    return fired


def test_every_policy_fires_on_some_vulnerable_fixture() -> None:
    """Each built-in policy is exercised end to end by at least one fixture finding."""
    fired = {rule_id for rule_id, _, _, _ in TERRAFORM + CLOUDFORMATION + AZURE + GCP}
    fired |= _pinned_elsewhere()
    library = {p.id for p in load_policies([]).policies}
    assert library - fired == set()


def test_every_policy_has_complete_metadata() -> None:
    for policy in load_policies([]).policies:
        assert policy.title and policy.description and policy.remediation, policy.id
        assert policy.related_resources and policy.related_resources[0].startswith("https://"), (
            policy.id
        )
        assert policy.id.startswith(("IAC-AWS-", "IAC-AZ-", "IAC-GCP-", "IAC-GEN-")), policy.id
        # precision made visible: the forms read and what is deliberately left alone
        assert policy.forms and policy.not_flagged, policy.id


def _replace_containers(value: Any, depth: int, odd: Any, level: int = 0) -> Any:
    """`value` with every list or object found `depth` levels down replaced by `odd`."""
    if isinstance(value, dict) and "__unknown__" not in value:
        items = value.items()
        return {
            k: odd
            if level + 1 == depth and isinstance(v, (list, dict))
            else _replace_containers(v, depth, odd, level + 1)
            for k, v in items
        }
    if isinstance(value, list):
        return [
            odd
            if level + 1 == depth and isinstance(v, (list, dict))
            else _replace_containers(v, depth, odd, level + 1)
            for v in value
        ]
    return value


def _replace_leaves(value: Any, odd: Any) -> Any:
    if isinstance(value, dict) and "__unknown__" not in value:
        return {k: _replace_leaves(v, odd) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_leaves(v, odd) for v in value]
    return odd


ODD_VALUES: tuple[Any, ...] = (7, "x", ["x"], None, {"__unknown__": "var.x"})


def runtime_failures(docs: list[dict[str, Any]], select: Any = None) -> set[tuple[str, str]]:
    """The (package, error) pairs of the selected built-in policies (``select(policy)``, all
    when None) over ``docs`` (policy inputs) whose values are replaced, level by level, by
    numbers, strings, lists of scalars, nulls and unknown markers. Regorus raises (not
    undefined) when a builtin meets the wrong type, and a policy error fails a scan closed."""
    policy_set = load_policies([])
    engine = EmbeddedEngine(policy_set)
    packages = [p.package for p in policy_set.policies if select is None or select(p)]
    failures: set[tuple[str, str]] = set()
    for doc in docs:
        assert doc["resources"], "a fixture with no resources tests nothing"
        for odd in ODD_VALUES:
            for depth in (0, 1, 2, 3):
                mutated = dict(
                    doc,
                    resources=[
                        dict(
                            r,
                            values=_replace_leaves(r["values"], odd)
                            if depth == 0
                            else _replace_containers(r["values"], depth, odd),
                        )
                        for r in doc["resources"]
                    ],
                )
                _, errors = engine.evaluate_each(packages, mutated)
                failures |= {(package, error.message) for package, error in errors.items()}
    return failures


def policy_input(kind: str, paths: list[Path]) -> dict[str, Any]:
    return build_kind_input(kind, discover(paths).files, jobs=1).policy_input()


def test_no_policy_fails_at_runtime_on_values_of_unexpected_types() -> None:
    """Regorus raises an error (not undefined) when a builtin meets the wrong type, and a
    policy error fails the whole scan closed. Every policy must survive attributes and
    nested blocks of any type: the fixtures' values are replaced, level by level, by
    numbers, strings, lists of scalars, nulls and unknown markers."""
    docs = [
        policy_input(kind, [LIBRARY / target])
        for target, kind in [
            ("terraform", "terraform"),
            ("azure", "terraform"),
            ("gcp", "terraform"),
            ("cloudformation", "cloudformation"),
        ]
    ]
    assert runtime_failures(docs) == set()
