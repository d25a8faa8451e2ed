"""New AWS service policies (issue 12, first batch: EFS, ElastiCache, Redshift, OpenSearch,
API Gateway, Secrets Manager, Kinesis, MSK, DocumentDB, Neptune, DAX, Amazon MQ, Transfer
Family, Elastic Beanstalk) end to end: the real CLI scans Terraform and CloudFormation
fixtures in tests/fixtures/policies/aws_services_1. Every finding of the vulnerable tree
is pinned by rule id, resource, file and line; the well-configured tree (which holds the
forms the policies deliberately accept) must give no finding at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from iac_guard.policy.loader import builtin_policy_dir, load_policies
from iac_guard.policy.metadata import scan_module
from tests.conftest import FIXTURES
from tests.test_policy_library import _scan, policy_input, runtime_failures

TREE = FIXTURES / "policies" / "aws_services_1"

SERVICES = (
    "efs",
    "elasticache",
    "redshift",
    "opensearch",
    "apigateway",
    "secretsmanager",
    "kinesis",
    "msk",
    "docdb",
    "neptune",
    "dax",
    "mq",
    "transfer",
    "elasticbeanstalk",
)

Finding = tuple[str, str, str, int]

# Findings of tests/fixtures/policies/aws_services_1/vulnerable, sorted.
VULNERABLE: list[Finding] = [
    ("IAC-AWS-APIGATEWAY-001", "CatalogApi", "sam.yaml", 5),
    ("IAC-AWS-APIGATEWAY-001", "OrdersDeployment", "template.yaml", 106),
    ("IAC-AWS-APIGATEWAY-001", "OrdersStage", "template.yaml", 108),
    ("IAC-AWS-APIGATEWAY-001", "ProfileHttpApi", "sam.yaml", 14),
    ("IAC-AWS-APIGATEWAY-001", "ProfileStage", "template.yaml", 135),
    ("IAC-AWS-APIGATEWAY-001", "aws_api_gateway_deployment.orders", "api.tf", 29),
    ("IAC-AWS-APIGATEWAY-001", "aws_api_gateway_stage.prod", "api.tf", 32),
    ("IAC-AWS-APIGATEWAY-001", "aws_apigatewayv2_stage.default", "api.tf", 68),
    ("IAC-AWS-APIGATEWAY-002", "CatalogApi", "sam.yaml", 10),
    ("IAC-AWS-APIGATEWAY-002", "OrdersDeployment", "template.yaml", 106),
    ("IAC-AWS-APIGATEWAY-002", "OrdersStage", "template.yaml", 114),
    ("IAC-AWS-APIGATEWAY-002", "aws_api_gateway_stage.prod", "api.tf", 32),
    ("IAC-AWS-APIGATEWAY-003", "CatalogApi", "sam.yaml", 5),
    ("IAC-AWS-APIGATEWAY-003", "OrdersDeployment", "template.yaml", 106),
    ("IAC-AWS-APIGATEWAY-003", "OrdersStage", "template.yaml", 108),
    ("IAC-AWS-APIGATEWAY-003", "aws_api_gateway_stage.prod", "api.tf", 32),
    ("IAC-AWS-APIGATEWAY-004", "GetProfile", "template.yaml", 134),
    ("IAC-AWS-APIGATEWAY-004", "ListOrders", "template.yaml", 94),
    ("IAC-AWS-APIGATEWAY-004", "aws_api_gateway_method.list_items", "api.tf", 17),
    ("IAC-AWS-APIGATEWAY-004", "aws_apigatewayv2_route.get_profile", "api.tf", 63),
    ("IAC-AWS-APIGATEWAY-005", "OrdersDomain", "template.yaml", 123),
    ("IAC-AWS-APIGATEWAY-005", "aws_api_gateway_domain_name.orders", "api.tf", 49),
    ("IAC-AWS-APIGATEWAY-006", "CatalogApi", "sam.yaml", 11),
    ("IAC-AWS-APIGATEWAY-006", "OrdersDeployment", "template.yaml", 106),
    ("IAC-AWS-APIGATEWAY-006", "aws_api_gateway_method_settings.prod", "api.tf", 43),
    ("IAC-AWS-APIGATEWAY-007", "OrdersDeployment", "template.yaml", 106),
    ("IAC-AWS-APIGATEWAY-007", "OrdersStage", "template.yaml", 108),
    ("IAC-AWS-APIGATEWAY-007", "aws_api_gateway_stage.prod", "api.tf", 32),
    ("IAC-AWS-DAX-001", "OrdersCache", "template.yaml", 221),
    ("IAC-AWS-DAX-001", "aws_dax_cluster.orders", "storage.tf", 56),
    ("IAC-AWS-DAX-002", "OrdersCache", "template.yaml", 227),
    ("IAC-AWS-DAX-002", "aws_dax_cluster.orders", "storage.tf", 49),
    ("IAC-AWS-DOCDB-001", "Catalog", "template.yaml", 207),
    ("IAC-AWS-DOCDB-001", "aws_docdb_cluster.catalog", "storage.tf", 60),
    ("IAC-AWS-DOCDB-002", "Catalog", "template.yaml", 202),
    ("IAC-AWS-DOCDB-002", "aws_docdb_cluster.catalog", "storage.tf", 66),
    ("IAC-AWS-DOCDB-003", "Catalog", "template.yaml", 202),
    ("IAC-AWS-DOCDB-003", "aws_docdb_cluster.catalog", "storage.tf", 65),
    ("IAC-AWS-DOCDB-004", "CatalogParameters", "template.yaml", 215),
    ("IAC-AWS-DOCDB-004", "aws_docdb_cluster_parameter_group.catalog", "storage.tf", 74),
    ("IAC-AWS-DOCDB-005", "Catalog", "template.yaml", 202),
    ("IAC-AWS-DOCDB-005", "aws_docdb_cluster.catalog", "storage.tf", 60),
    ("IAC-AWS-EFS-001", "Files", "template.yaml", 13),
    ("IAC-AWS-EFS-001", "aws_efs_file_system.shared", "storage.tf", 3),
    ("IAC-AWS-EFS-002", "Files", "template.yaml", 15),
    ("IAC-AWS-EFS-002", "aws_efs_file_system.shared", "storage.tf", 3),
    ("IAC-AWS-EFS-003", "FilesAccessPoint", "template.yaml", 16),
    ("IAC-AWS-EFS-003", "aws_efs_access_point.app", "storage.tf", 19),
    ("IAC-AWS-EFS-004", "FilesAccessPoint", "template.yaml", 16),
    ("IAC-AWS-EFS-004", "aws_efs_access_point.app", "storage.tf", 15),
    ("IAC-AWS-ELASTICACHE-001", "Sessions", "template.yaml", 27),
    ("IAC-AWS-ELASTICACHE-001", "aws_elasticache_replication_group.queue", "storage.tf", 37),
    ("IAC-AWS-ELASTICACHE-001", "aws_elasticache_replication_group.sessions", "storage.tf", 23),
    ("IAC-AWS-ELASTICACHE-002", "Fragments", "template.yaml", 35),
    ("IAC-AWS-ELASTICACHE-002", "Sessions", "template.yaml", 20),
    ("IAC-AWS-ELASTICACHE-002", "aws_elasticache_cluster.memcached", "storage.tf", 42),
    ("IAC-AWS-ELASTICACHE-002", "aws_elasticache_replication_group.queue", "storage.tf", 33),
    ("IAC-AWS-ELASTICACHE-002", "aws_elasticache_replication_group.sessions", "storage.tf", 29),
    ("IAC-AWS-ELASTICACHE-003", "Sessions", "template.yaml", 20),
    ("IAC-AWS-ELASTICACHE-003", "aws_elasticache_replication_group.queue", "storage.tf", 33),
    ("IAC-AWS-ELASTICACHE-003", "aws_elasticache_replication_group.sessions", "storage.tf", 30),
    ("IAC-AWS-ELASTICACHE-004", "Fragments", "template.yaml", 28),
    ("IAC-AWS-ELASTICACHE-004", "Sessions", "template.yaml", 20),
    ("IAC-AWS-ELASTICACHE-004", "aws_elasticache_replication_group.queue", "storage.tf", 38),
    ("IAC-AWS-ELASTICACHE-004", "aws_elasticache_replication_group.sessions", "storage.tf", 23),
    ("IAC-AWS-ELASTICACHE-005", "Fragments", "template.yaml", 36),
    ("IAC-AWS-ELASTICACHE-005", "aws_elasticache_replication_group.queue", "storage.tf", 39),
    ("IAC-AWS-ELASTICBEANSTALK-001", "ShopEnvironment", "template.yaml", 250),
    ("IAC-AWS-ELASTICBEANSTALK-001", "aws_elastic_beanstalk_environment.web", "apps.tf", 30),
    ("IAC-AWS-ELASTICBEANSTALK-002", "ShopEnvironment", "template.yaml", 250),
    ("IAC-AWS-ELASTICBEANSTALK-002", "aws_elastic_beanstalk_environment.web", "apps.tf", 30),
    ("IAC-AWS-ELASTICBEANSTALK-003", "ShopEnvironment", "template.yaml", 250),
    ("IAC-AWS-ELASTICBEANSTALK-003", "aws_elastic_beanstalk_environment.web", "apps.tf", 30),
    ("IAC-AWS-KINESIS-001", "Clicks", "template.yaml", 176),
    ("IAC-AWS-KINESIS-001", "aws_kinesis_stream.clicks", "analytics.tf", 54),
    ("IAC-AWS-KINESIS-002", "Archive", "template.yaml", 180),
    ("IAC-AWS-KINESIS-002", "aws_kinesis_firehose_delivery_stream.archive", "analytics.tf", 60),
    ("IAC-AWS-MQ-001", "Broker", "template.yaml", 236),
    ("IAC-AWS-MQ-001", "aws_mq_broker.orders", "apps.tf", 8),
    ("IAC-AWS-MQ-002", "Broker", "template.yaml", 228),
    ("IAC-AWS-MQ-002", "aws_mq_broker.orders", "apps.tf", 10),
    ("IAC-AWS-MSK-001", "Events", "template.yaml", 201),
    ("IAC-AWS-MSK-001", "aws_msk_cluster.events", "analytics.tf", 89),
    ("IAC-AWS-MSK-001", "aws_msk_cluster.events", "analytics.tf", 90),
    ("IAC-AWS-MSK-002", "Events", "template.yaml", 198),
    ("IAC-AWS-MSK-002", "aws_msk_cluster.events", "analytics.tf", 82),
    ("IAC-AWS-MSK-003", "Events", "template.yaml", 187),
    ("IAC-AWS-MSK-003", "aws_msk_cluster.events", "analytics.tf", 95),
    ("IAC-AWS-MSK-004", "Events", "template.yaml", 187),
    ("IAC-AWS-MSK-004", "aws_msk_cluster.events", "analytics.tf", 70),
    ("IAC-AWS-NEPTUNE-001", "Graph", "template.yaml", 216),
    ("IAC-AWS-NEPTUNE-001", "aws_neptune_cluster.graph", "storage.tf", 83),
    ("IAC-AWS-NEPTUNE-002", "Graph", "template.yaml", 220),
    ("IAC-AWS-NEPTUNE-002", "aws_neptune_cluster.graph", "storage.tf", 80),
    ("IAC-AWS-NEPTUNE-003", "Graph", "template.yaml", 216),
    ("IAC-AWS-NEPTUNE-003", "aws_neptune_cluster.graph", "storage.tf", 84),
    ("IAC-AWS-NEPTUNE-004", "Graph", "template.yaml", 216),
    ("IAC-AWS-NEPTUNE-004", "aws_neptune_cluster.graph", "storage.tf", 80),
    ("IAC-AWS-NEPTUNE-005", "Graph", "template.yaml", 219),
    ("IAC-AWS-NEPTUNE-005", "aws_neptune_cluster.graph", "storage.tf", 80),
    ("IAC-AWS-OPENSEARCH-001", "LegacySearch", "template.yaml", 82),
    ("IAC-AWS-OPENSEARCH-001", "Search", "template.yaml", 62),
    ("IAC-AWS-OPENSEARCH-001", "aws_elasticsearch_domain.legacy", "analytics.tf", 45),
    ("IAC-AWS-OPENSEARCH-001", "aws_opensearch_domain.logs", "analytics.tf", 30),
    ("IAC-AWS-OPENSEARCH-002", "LegacySearch", "template.yaml", 82),
    ("IAC-AWS-OPENSEARCH-002", "aws_elasticsearch_domain.legacy", "analytics.tf", 45),
    ("IAC-AWS-OPENSEARCH-002", "aws_opensearch_domain.logs", "analytics.tf", 25),
    ("IAC-AWS-OPENSEARCH-003", "LegacySearch", "template.yaml", 89),
    ("IAC-AWS-OPENSEARCH-003", "Search", "template.yaml", 57),
    ("IAC-AWS-OPENSEARCH-003", "aws_elasticsearch_domain.legacy", "analytics.tf", 45),
    ("IAC-AWS-OPENSEARCH-003", "aws_opensearch_domain.logs", "analytics.tf", 25),
    ("IAC-AWS-OPENSEARCH-004", "LegacySearch", "template.yaml", 82),
    ("IAC-AWS-OPENSEARCH-004", "Search", "template.yaml", 65),
    ("IAC-AWS-OPENSEARCH-004", "aws_elasticsearch_domain.legacy", "analytics.tf", 45),
    ("IAC-AWS-OPENSEARCH-004", "aws_opensearch_domain.logs", "analytics.tf", 34),
    ("IAC-AWS-OPENSEARCH-005", "LegacySearch", "template.yaml", 82),
    ("IAC-AWS-OPENSEARCH-005", "Search", "template.yaml", 66),
    ("IAC-AWS-OPENSEARCH-005", "aws_elasticsearch_domain.legacy", "analytics.tf", 45),
    ("IAC-AWS-OPENSEARCH-005", "aws_opensearch_domain.logs", "analytics.tf", 35),
    ("IAC-AWS-OPENSEARCH-006", "Search", "template.yaml", 57),
    ("IAC-AWS-OPENSEARCH-006", "aws_opensearch_domain.logs", "analytics.tf", 25),
    ("IAC-AWS-OPENSEARCH-007", "LegacySearch", "template.yaml", 82),
    ("IAC-AWS-OPENSEARCH-007", "Search", "template.yaml", 74),
    ("IAC-AWS-OPENSEARCH-007", "aws_elasticsearch_domain.legacy", "analytics.tf", 45),
    ("IAC-AWS-OPENSEARCH-007", "aws_opensearch_domain.logs", "analytics.tf", 38),
    ("IAC-AWS-OPENSEARCH-008", "LegacySearch", "template.yaml", 82),
    ("IAC-AWS-OPENSEARCH-008", "aws_elasticsearch_domain.legacy", "analytics.tf", 45),
    ("IAC-AWS-OPENSEARCH-008", "aws_opensearch_domain.logs", "analytics.tf", 38),
    ("IAC-AWS-OPENSEARCH-009", "Search", "template.yaml", 67),
    ("IAC-AWS-OPENSEARCH-009", "aws_opensearch_domain_policy.logs", "apps.tf", 40),
    ("IAC-AWS-REDSHIFT-001", "Warehouse", "template.yaml", 45),
    ("IAC-AWS-REDSHIFT-001", "aws_redshift_cluster.warehouse", "analytics.tf", 8),
    ("IAC-AWS-REDSHIFT-002", "Warehouse", "template.yaml", 46),
    ("IAC-AWS-REDSHIFT-002", "aws_redshift_cluster.warehouse", "analytics.tf", 9),
    ("IAC-AWS-REDSHIFT-003", "Warehouse", "template.yaml", 37),
    ("IAC-AWS-REDSHIFT-003", "aws_redshift_cluster.warehouse", "analytics.tf", 3),
    ("IAC-AWS-REDSHIFT-004", "WarehouseParameters", "template.yaml", 55),
    ("IAC-AWS-REDSHIFT-004", "aws_redshift_parameter_group.warehouse", "analytics.tf", 19),
    ("IAC-AWS-REDSHIFT-005", "Warehouse", "template.yaml", 37),
    ("IAC-AWS-REDSHIFT-005", "aws_redshift_cluster.warehouse", "analytics.tf", 10),
    ("IAC-AWS-REDSHIFT-006", "Warehouse", "template.yaml", 37),
    ("IAC-AWS-REDSHIFT-006", "aws_redshift_cluster.warehouse", "analytics.tf", 3),
    ("IAC-AWS-REDSHIFT-007", "Warehouse", "template.yaml", 47),
    ("IAC-AWS-REDSHIFT-007", "aws_redshift_cluster.warehouse", "analytics.tf", 11),
    ("IAC-AWS-SECRETSMANAGER-001", "PartnerKey", "template.yaml", 141),
    ("IAC-AWS-SECRETSMANAGER-001", "aws_secretsmanager_secret.partner_api", "secrets.tf", 1),
    ("IAC-AWS-SECRETSMANAGER-002", "PartnerKey", "template.yaml", 145),
    ("IAC-AWS-SECRETSMANAGER-002", "ReportingSecret", "template.yaml", 156),
    ("IAC-AWS-SECRETSMANAGER-002", "aws_secretsmanager_secret.partner_api", "secrets.tf", 3),
    ("IAC-AWS-SECRETSMANAGER-002", "aws_secretsmanager_secret.reporting", "secrets.tf", 6),
    ("IAC-AWS-SECRETSMANAGER-003", "ReportingRotation", "template.yaml", 174),
    (
        "IAC-AWS-SECRETSMANAGER-003",
        "aws_secretsmanager_secret_rotation.reporting",
        "secrets.tf",
        14,
    ),
    ("IAC-AWS-SECRETSMANAGER-004", "PartnerKeyPolicy", "template.yaml", 258),
    ("IAC-AWS-SECRETSMANAGER-004", "aws_secretsmanager_secret_policy.partner_api", "apps.tf", 54),
    ("IAC-AWS-TRANSFER-001", "PartnerServer", "template.yaml", 243),
    ("IAC-AWS-TRANSFER-001", "aws_transfer_server.partners", "apps.tf", 22),
    ("IAC-AWS-TRANSFER-002", "PartnerServer", "template.yaml", 244),
    ("IAC-AWS-TRANSFER-002", "aws_transfer_server.partners", "apps.tf", 20),
    # IAC-GEN-TAG-001: untagged resources of the taggable types (policies/data.yaml); the Terraform
    # resources carry the provider default_tags
    ("IAC-GEN-TAG-001", "Broker", "template.yaml", 228),
    ("IAC-GEN-TAG-001", "Catalog", "template.yaml", 202),
    ("IAC-GEN-TAG-001", "Clicks", "template.yaml", 176),
    ("IAC-GEN-TAG-001", "Events", "template.yaml", 187),
    ("IAC-GEN-TAG-001", "Graph", "template.yaml", 216),
    ("IAC-GEN-TAG-001", "PartnerServer", "template.yaml", 240),
    ("IAC-GEN-TAG-001", "Search", "template.yaml", 57),
    ("IAC-GEN-TAG-001", "Sessions", "template.yaml", 20),
    ("IAC-GEN-TAG-001", "Warehouse", "template.yaml", 37),
    # EFS keeps its tags in FileSystemTags
    ("IAC-GEN-TAG-001", "Files", "template.yaml", 10),
]


def _new_policy_files() -> list[Path]:
    root = builtin_policy_dir() / "aws"
    return sorted(
        path
        for service in SERVICES
        for path in (root / service).glob("*.rego")
        if not path.name.endswith("_test.rego")
    )


def _new_policy_ids() -> set[str]:
    prefixes = tuple(f"IAC-AWS-{s.upper()}-" for s in SERVICES)
    return {p.id for p in load_policies([]).policies if p.id.startswith(prefixes)}


def test_vulnerable_tree_gives_exactly_the_pinned_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, doc = _scan(capsys, TREE / "vulnerable")
    assert code == 1
    assert doc["errors"] == []
    found = sorted((f["rule_id"], f["resource"], f["file"], f["line"]) for f in doc["findings"])
    assert found == sorted(VULNERABLE)


def test_secure_tree_gives_no_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _scan(capsys, TREE / "secure")
    assert (code, doc["errors"], doc["findings"]) == (0, [], [])
    assert doc["summary"]["resources"] == 81
    assert doc["summary"]["files_scanned"] == 8


def test_every_new_policy_fires_on_terraform_and_on_cloudformation() -> None:
    ids = _new_policy_ids()
    assert len(ids) == 61
    on_terraform = {rule for rule, _, file, _ in VULNERABLE if file.endswith(".tf")}
    on_cloudformation = {rule for rule, _, file, _ in VULNERABLE if file.endswith(".yaml")}
    assert ids - on_terraform == set()
    assert ids - on_cloudformation == set()


def test_new_policies_document_forms_and_what_they_do_not_flag() -> None:
    files = _new_policy_files()
    assert len(files) == 61
    for path in files:
        module = scan_module(path.read_text(encoding="utf-8"), path.name)
        [annotation] = [a for a in module.annotations if a.target == "package"]
        custom = annotation.data["custom"]
        for key in ("forms", "not_flagged"):
            values = custom.get(key)
            assert isinstance(values, list) and values, (path, key)
            assert all(isinstance(v, str) and v.strip() for v in values), (path, key)
        assert "Terraform" in custom["remediation"], path
        assert "CloudFormation" in custom["remediation"], path
        assert any("Terraform" in f for f in custom["forms"]), path
        assert any("CloudFormation" in f for f in custom["forms"]), path
        assert annotation.data["related_resources"][0]["ref"].startswith(
            "https://docs.aws.amazon.com/"
        ), path


def test_new_policies_survive_values_of_unexpected_types() -> None:
    """As tests/test_policy_library.py does for the older fixtures: every value of these
    fixtures, level by level, replaced by numbers, strings, lists, nulls and unknowns."""
    docs = [policy_input(kind, [TREE / tree]) for tree in ("vulnerable", "secure") for kind in ("terraform", "cloudformation")]
    new = _new_policy_ids()  # once: it loads the whole library
    assert runtime_failures(docs, lambda p: p.id in new) == set()
