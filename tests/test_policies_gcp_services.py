"""The Google Cloud service policies (GKE, Compute Engine instances, IAM, KMS, BigQuery,
Cloud SQL flags and backups, Cloud DNS, Pub/Sub, Cloud Functions, Cloud Run, Dataproc,
Logging) end to end: the real CLI scans realistic vulnerable and well-configured Terraform
(tests/fixtures/policies/gcp_services), every finding pinned by rule id, resource, file and
line; the well-configured project gives no finding at all, from any policy of the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from iac_guard.policy.loader import builtin_policy_dir, load_policies
from iac_guard.policy.metadata import scan_module
from tests.conftest import FIXTURES
from tests.test_policy_library import _findings, _scan, policy_input, runtime_failures

SERVICES = FIXTURES / "policies" / "gcp_services"

Finding = tuple[str, str, str, int]

# The GCP policies that predate this library extension (judged by their own fixtures in
# tests/fixtures/policies/gcp and tests/test_policy_library.py).
EARLIER_GCP_IDS = {
    "IAC-GCP-FW-001",
    "IAC-GCP-FW-002",
    "IAC-GCP-FW-003",
    "IAC-GCP-GCS-001",
    "IAC-GCP-GCS-002",
    "IAC-GCP-GCS-003",
    "IAC-GCP-SQL-001",
    "IAC-GCP-SQL-002",
    "IAC-GCP-SQL-003",
    "IAC-GCP-SQL-004",
}

VULNERABLE: list[Finding] = [
    ("IAC-GCP-BQ-001", "google_bigquery_dataset.reports", "data.tf", 31),
    ("IAC-GCP-BQ-001", "google_bigquery_dataset_access.public", "forms.tf", 137),
    ("IAC-GCP-BQ-001", "google_bigquery_table_iam_member.public", "data.tf", 39),
    ("IAC-GCP-BQ-002", "google_bigquery_dataset.reports", "data.tf", 19),
    ("IAC-GCP-DATAPROC-001", "google_dataproc_cluster.adhoc", "forms.tf", 247),
    ("IAC-GCP-DATAPROC-001", "google_dataproc_cluster.etl", "data.tf", 59),
    ("IAC-GCP-DATAPROC-002", "google_dataproc_cluster.adhoc", "forms.tf", 251),
    ("IAC-GCP-DATAPROC-002", "google_dataproc_cluster.etl", "data.tf", 58),
    ("IAC-GCP-DNS-001", "google_dns_managed_zone.legacy", "forms.tf", 194),
    ("IAC-GCP-DNS-001", "google_dns_managed_zone.marketing", "network.tf", 23),
    ("IAC-GCP-DNS-002", "google_dns_managed_zone.public", "network.tf", 10),
    ("IAC-GCP-FUNC-001", "google_cloudfunctions2_function_iam_member.public", "forms.tf", 165),
    ("IAC-GCP-FUNC-001", "google_cloudfunctions_function_iam_member.public", "serverless.tf", 14),
    ("IAC-GCP-FUNC-002", "google_cloudfunctions2_function.thumbnail", "forms.tf", 157),
    ("IAC-GCP-FUNC-002", "google_cloudfunctions_function.webhook", "serverless.tf", 1),
    ("IAC-GCP-FUNC-003", "google_cloudfunctions_function.webhook", "serverless.tf", 1),
    ("IAC-GCP-GCE-001", "google_compute_instance.bastion", "compute.tf", 8),
    ("IAC-GCP-GCE-001", "google_compute_project_metadata_item.serial", "forms.tf", 100),
    ("IAC-GCP-GCE-001", "google_compute_region_instance_template.edge", "forms.tf", 70),
    ("IAC-GCP-GCE-002", "google_compute_instance.bastion", "compute.tf", 8),
    ("IAC-GCP-GCE-002", "google_compute_instance_template.workers", "compute.tf", 30),
    ("IAC-GCP-GCE-003", "google_compute_instance.bastion", "compute.tf", 5),
    ("IAC-GCP-GCE-004", "google_compute_instance.bastion", "compute.tf", 22),
    ("IAC-GCP-GCE-004", "google_compute_region_instance_template.edge", "forms.tf", 88),
    ("IAC-GCP-GCE-005", "google_compute_instance.bastion", "compute.tf", 26),
    ("IAC-GCP-GCE-006", "google_compute_instance_template.workers", "compute.tf", 46),
    ("IAC-GCP-GCE-007", "google_compute_instance.bastion", "compute.tf", 1),
    ("IAC-GCP-GCE-007", "google_compute_instance_template.workers", "compute.tf", 52),
    ("IAC-GCP-GCE-008", "google_compute_disk.scratch", "compute.tf", 56),
    ("IAC-GCP-GCE-008", "google_compute_instance.bastion", "compute.tf", 14),
    ("IAC-GCP-GCE-008", "google_compute_instance_template.workers", "compute.tf", 35),
    ("IAC-GCP-GCE-009", "google_compute_instance.bastion", "compute.tf", 1),
    ("IAC-GCP-GCE-009", "google_compute_region_instance_template.edge", "forms.tf", 64),
    ("IAC-GCP-GCE-010", "google_compute_instance.bastion", "compute.tf", 8),
    ("IAC-GCP-GCE-010", "google_compute_project_metadata.project", "compute.tf", 64),
    ("IAC-GCP-GKE-001", "google_container_cluster.legacy", "gke.tf", 7),
    ("IAC-GCP-GKE-002", "google_container_cluster.inline", "forms.tf", 11),
    ("IAC-GCP-GKE-002", "google_container_cluster.legacy", "gke.tf", 15),
    ("IAC-GCP-GKE-003", "google_container_cluster.legacy", "gke.tf", 2),
    ("IAC-GCP-GKE-004", "google_container_cluster.inline", "forms.tf", 25),
    ("IAC-GCP-GKE-004", "google_container_cluster.legacy", "gke.tf", 24),
    ("IAC-GCP-GKE-005", "google_container_cluster.legacy", "gke.tf", 31),
    ("IAC-GCP-GKE-006", "google_container_cluster.legacy", "gke.tf", 2),
    ("IAC-GCP-GKE-007", "google_container_cluster.inline", "forms.tf", 52),
    ("IAC-GCP-GKE-007", "google_container_cluster.legacy", "gke.tf", 46),
    ("IAC-GCP-GKE-007", "google_container_node_pool.batch", "gke.tf", 93),
    ("IAC-GCP-GKE-008", "google_container_cluster.legacy", "gke.tf", 9),
    ("IAC-GCP-GKE-009", "google_container_cluster.legacy", "gke.tf", 42),
    ("IAC-GCP-GKE-009", "google_container_node_pool.batch", "gke.tf", 89),
    ("IAC-GCP-GKE-010", "google_container_cluster.inline", "forms.tf", 41),
    ("IAC-GCP-GKE-010", "google_container_node_pool.batch", "gke.tf", 86),
    ("IAC-GCP-GKE-011", "google_container_cluster.legacy", "gke.tf", 10),
    ("IAC-GCP-GKE-012", "google_container_cluster.legacy", "gke.tf", 35),
    ("IAC-GCP-GKE-013", "google_container_cluster.inline", "forms.tf", 45),
    ("IAC-GCP-GKE-013", "google_container_cluster.legacy", "gke.tf", 44),
    ("IAC-GCP-GKE-014", "google_container_cluster.legacy", "gke.tf", 39),
    ("IAC-GCP-GKE-015", "google_container_cluster.legacy", "gke.tf", 42),
    ("IAC-GCP-GKE-015", "google_container_node_pool.batch", "gke.tf", 91),
    ("IAC-GCP-GKE-016", "google_container_cluster.legacy", "gke.tf", 8),
    ("IAC-GCP-GKE-017", "google_container_cluster.apps", "gke.tf", 72),
    ("IAC-GCP-GKE-017", "google_container_cluster.inline", "forms.tf", 29),
    ("IAC-GCP-GKE-017", "google_container_cluster.legacy", "gke.tf", 2),
    ("IAC-GCP-IAM-001", "google_folder_iam_policy.analytics", "iam.tf", 30),
    ("IAC-GCP-IAM-001", "google_project_iam_member.owner", "iam.tf", 4),
    ("IAC-GCP-IAM-002", "google_organization_iam_member.token_creator", "forms.tf", 106),
    ("IAC-GCP-IAM-002", "google_project_iam_binding.deployers", "iam.tf", 10),
    ("IAC-GCP-IAM-003", "google_service_account_key.ci", "iam.tf", 39),
    ("IAC-GCP-IAM-004", "google_compute_image_iam_binding.golden", "forms.tf", 119),
    ("IAC-GCP-IAM-004", "google_secret_manager_secret_iam_member.public", "iam.tf", 45),
    ("IAC-GCP-IAM-004", "google_service_account_iam_policy.ci", "forms.tf", 258),
    ("IAC-GCP-IAM-005", "google_project_iam_binding.appengine", "forms.tf", 112),
    ("IAC-GCP-IAM-005", "google_project_iam_member.gce_default", "iam.tf", 18),
    ("IAC-GCP-KMS-001", "google_kms_crypto_key.archive", "forms.tf", 122),
    ("IAC-GCP-KMS-001", "google_kms_crypto_key.data", "data.tf", 10),
    ("IAC-GCP-KMS-002", "google_kms_crypto_key_iam_binding.public", "data.tf", 16),
    ("IAC-GCP-KMS-002", "google_kms_key_ring_iam_member.viewer", "forms.tf", 131),
    ("IAC-GCP-LOG-001", "data.google_iam_policy.org", "forms.tf", 213),
    ("IAC-GCP-LOG-001", "google_project_iam_audit_config.all", "logging.tf", 26),
    ("IAC-GCP-LOG-001", "google_project_iam_audit_config.all", "logging.tf", 32),
    ("IAC-GCP-LOG-002", "google_storage_bucket.audit_logs", "logging.tf", 11),
    ("IAC-GCP-LOG-002", "google_storage_bucket.folder_archive", "forms.tf", 229),
    ("IAC-GCP-PUBSUB-001", "google_pubsub_topic.events", "data.tf", 42),
    ("IAC-GCP-PUBSUB-002", "google_pubsub_subscription_iam_binding.readers", "forms.tf", 143),
    ("IAC-GCP-PUBSUB-002", "google_pubsub_topic_iam_member.public", "data.tf", 50),
    ("IAC-GCP-RUN-001", "google_cloud_run_service_iam_policy.noauth", "serverless.tf", 40),
    ("IAC-GCP-RUN-001", "google_cloud_run_v2_service_iam_binding.public", "forms.tf", 185),
    ("IAC-GCP-RUN-002", "google_cloud_run_service.legacy", "forms.tf", 168),
    ("IAC-GCP-RUN-002", "google_cloud_run_v2_service.api", "serverless.tf", 21),
    ("IAC-GCP-SQL-005", "google_sql_database_instance.mysql", "sql.tf", 20),
    ("IAC-GCP-SQL-006", "google_sql_database_instance.mssql", "sql.tf", 45),
    ("IAC-GCP-SQL-007", "google_sql_database_instance.mssql", "sql.tf", 50),
    ("IAC-GCP-SQL-008", "google_sql_database_instance.mssql", "sql.tf", 55),
    ("IAC-GCP-SQL-009", "google_sql_database_instance.mssql", "sql.tf", 36),
    ("IAC-GCP-SQL-010", "google_sql_database_instance.mssql", "sql.tf", 45),
    ("IAC-GCP-SQL-011", "google_sql_database_instance.mssql", "sql.tf", 45),
    ("IAC-GCP-SQL-012", "google_sql_database_instance.mysql", "sql.tf", 20),
    ("IAC-GCP-SQL-013", "google_sql_database_instance.postgres", "sql.tf", 91),
]


def _service_policies() -> dict[str, Path]:
    """The GCP policies added with this library extension, by id, with their files."""
    builtin = builtin_policy_dir()
    return {
        p.id: builtin / Path(p.file).relative_to("policies")
        for p in load_policies([]).policies
        if p.id.startswith("IAC-GCP-") and p.id not in EARLIER_GCP_IDS
    }


def test_vulnerable_project_gives_exactly_the_expected_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, doc = _scan(capsys, SERVICES / "vulnerable")
    assert code == 1
    assert doc["errors"] == []
    assert _findings(doc) == VULNERABLE


def test_well_configured_project_gives_no_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _scan(capsys, SERVICES / "secure")
    assert (code, doc["errors"], doc["findings"]) == (0, [], [])
    assert doc["summary"]["resources"] == 55


def test_every_service_policy_fires_on_the_vulnerable_project() -> None:
    policies = _service_policies()
    assert len(policies) >= 30
    assert set(policies) - {rule_id for rule_id, _, _, _ in VULNERABLE} == set()


def test_every_service_policy_documents_its_forms_and_exclusions() -> None:
    """custom.forms and custom.not_flagged name, per policy, the ways the setting can be
    written and what is deliberately left alone; GCP policies are Terraform-only."""
    for policy_id, path in _service_policies().items():
        module = scan_module(path.read_text(encoding="utf-8"), str(path))
        (meta,) = [a.data for a in module.annotations if a.target == "package"]
        custom = meta["custom"]
        assert custom["kinds"] == ["terraform"], policy_id
        for key in ("forms", "not_flagged"):
            values = custom[key]
            assert isinstance(values, list) and values, (policy_id, key)
            assert all(isinstance(v, str) and v.strip() for v in values), (policy_id, key)
        assert isinstance(custom["frameworks"], list), policy_id
        assert meta["related_resources"][0]["ref"].startswith("https://cloud.google.com/"), (
            policy_id
        )
        assert "`" in custom["remediation"], policy_id  # names the provider attribute


def test_service_policies_survive_values_of_unexpected_types() -> None:
    """As in test_policy_library: every attribute and nested block of the fixtures replaced,
    level by level, by numbers, strings, lists, nulls and unknown markers; no policy may
    raise (a policy error fails the scan closed)."""
    docs = [policy_input("terraform", [SERVICES / target]) for target in ("vulnerable", "secure")]
    assert runtime_failures(docs, lambda p: p.id.startswith("IAC-GCP-")) == set()
