"""Every form of each concern, end to end: the real CLI scans tests/fixtures/policies/forms,
where each vulnerable resource writes one setting in a form the library used to miss (an
empty or null KMS key, a listener without protocol, an Azure rule with a /0 written with
host bits or a comma-separated port list, a GCP range 10.1.2.3/0, a world IP rule under
Deny, separate storage network rules, a bucket policy exempted only by aws:Referer, UDP
3389, the default CloudFront certificate, secrets under neutral names and in container
definitions, a trust policy with Action "*", global service events off, a public Cloud
SQL IP, Azure's "Allow Azure services" firewall rule, a GCP firewall without source). Each finding is
pinned by rule id, resource, file and line: the line of the attribute that carries the
setting, or of the resource when the setting is missing. The secure variants of the
same forms give no finding at all."""

from __future__ import annotations

import json
from typing import Any

import pytest

from iac_guard.cli import main
from tests.conftest import FIXTURES

FORMS = FIXTURES / "policies" / "forms"

Finding = tuple[str, str, str, int]

VULNERABLE: list[Finding] = [
    # Terraform AWS
    ("IAC-AWS-SNS-001", "aws_sns_topic.empty_key", "aws.tf", 13),  # kms_master_key_id = ""
    ("IAC-AWS-SQS-001", "aws_sqs_queue.null_key", "aws.tf", 19),  # kms_master_key_id = null
    ("IAC-AWS-CT-003", "aws_cloudtrail.empty_key", "aws.tf", 29),  # kms_key_id = ""
    ("IAC-AWS-CT-001", "aws_cloudtrail.no_global", "aws.tf", 38),  # include_global_service_events = false
    ("IAC-AWS-ELB-001", "aws_lb_listener.no_protocol", "aws.tf", 41),  # port 80, no protocol: HTTP
    ("IAC-AWS-S3-004", "aws_s3_bucket_policy.referer", "aws.tf", 53),  # Principal * under aws:Referer only
    ("IAC-AWS-SG-002", "aws_security_group.rdp_udp", "aws.tf", 70),  # UDP 3389
    ("IAC-AWS-IAM-004", "aws_iam_role.wildcard_trust", "aws.tf", 81),  # Action "*" in assume_role_policy
    ("IAC-AWS-KMS-001", "aws_kms_key.null_spec", "aws.tf", 91),  # customer_master_key_spec = null is symmetric
    ("IAC-AWS-CF-002", "aws_cloudfront_distribution.default_cert", "aws.tf", 106),  # default certificate: TLSv1
    ("IAC-AWS-LAMBDA-001", "aws_lambda_function.neutral_env", "aws.tf", 116),  # GitHub token under UPSTREAM
    ("IAC-GEN-SECRET-001", "aws_instance.user_data", "aws.tf", 127),  # export DB_PASSWORD=... in user_data
    ("IAC-GEN-SECRET-001", "aws_ecs_task_definition.app", "aws.tf", 149),  # jsonencode'd environment entry
    # Terraform Azure
    ("IAC-AZ-NSG-001", "azurerm_network_security_rule.host_bits", "azure.tf", 9),  # 34.15.11.3/0
    ("IAC-AZ-NSG-001", "azurerm_network_security_rule.port_list", "azure.tf", 23),  # "21, 22 , 24 " from Any
    ("IAC-AZ-NSG-002", "azurerm_network_security_group.inline", "azure.tf", 46),  # inline Udp 3389 from /0
    ("IAC-AZ-STORAGE-005", "azurerm_storage_account.world_ip_rule", "azure.tf", 75),  # ip_rules 0.0.0.0/0 under Deny
    ("IAC-AZ-STORAGE-005", "azurerm_storage_account_network_rules.alone", "azure.tf", 81),  # judged on its own
    ("IAC-AZ-SQL-001", "azurerm_mssql_firewall_rule.azure_services", "azure.tf", 89),  # 0.0.0.0 - 0.0.0.0
    # Terraform GCP
    ("IAC-GCP-FW-001", "google_compute_firewall.host_bits", "gcp.tf", 6),  # 10.1.2.3/0
    ("IAC-GCP-FW-002", "google_compute_firewall.rdp_udp", "gcp.tf", 17),  # UDP 3389
    ("IAC-GCP-SQL-003", "google_sql_database_instance.public_ip", "gcp.tf", 31),  # public IP, office network
    ("IAC-GCP-FW-001", "google_compute_firewall.no_source", "gcp.tf", 46),  # no source: 0.0.0.0/0
    # CloudFormation
    ("IAC-AWS-SNS-001", "EmptyKeyTopic", "template.yaml", 13),  # KmsMasterKeyId: ""
    ("IAC-AWS-CT-001", "Trail", "template.yaml", 25),  # IncludeGlobalServiceEvents: false
    ("IAC-AWS-CT-003", "Trail", "template.yaml", 26),  # KMSKeyId: ""
    ("IAC-AWS-ELB-001", "HttpListener", "template.yaml", 27),  # no Protocol
    ("IAC-AWS-S3-004", "RefererPolicy", "template.yaml", 39),
    ("IAC-AWS-IAM-004", "WildcardTrust", "template.yaml", 51),  # Action: "sts:*"
    ("IAC-AWS-CF-002", "NoCertificate", "template.yaml", 60),  # no ViewerCertificate
    ("IAC-AWS-SG-002", "RdpUdp", "template.yaml", 70),
    ("IAC-GEN-SECRET-001", "Template", "template.yaml", 82),  # api_key in !Base64 !Sub user data
    ("IAC-AWS-LAMBDA-001", "SyncFunction", "template.yaml", 94),  # Slack token under Upstream
    # the ECS and Cloud SQL service policies on the same resources: a writable root filesystem,
    # the password in `environment`, no log configuration; MySQL without backups or the
    # local_infile / skip_show_database flags
    ("IAC-AWS-ECS-003", "aws_ecs_task_definition.app", "aws.tf", 149),
    ("IAC-AWS-ECS-005", "aws_ecs_task_definition.app", "aws.tf", 149),
    ("IAC-AWS-ECS-006", "aws_ecs_task_definition.app", "aws.tf", 149),
    ("IAC-GCP-SQL-005", "google_sql_database_instance.public_ip", "gcp.tf", 28),
    ("IAC-GCP-SQL-009", "google_sql_database_instance.public_ip", "gcp.tf", 28),
    ("IAC-GCP-SQL-012", "google_sql_database_instance.public_ip", "gcp.tf", 28),
]


def _scan(capsys: pytest.CaptureFixture[str], target: str) -> tuple[int, dict[str, Any]]:
    code = main(["scan", str(FORMS / target), "--format", "json", "--fail-on", "info"])
    return code, json.loads(capsys.readouterr().out)


def test_each_form_is_found_on_the_resource_and_line_that_carry_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _scan(capsys, "vulnerable")
    assert (code, doc["errors"], doc["summary"]["files_scanned"]) == (1, [], 4)
    found = sorted((f["rule_id"], f["resource"], f["file"], f["line"]) for f in doc["findings"])
    assert found == sorted(VULNERABLE)


def test_messages_name_the_form(capsys: pytest.CaptureFixture[str]) -> None:
    _, doc = _scan(capsys, "vulnerable")
    messages = {(f["rule_id"], f["resource"]): f["message"] for f in doc["findings"]}
    assert messages[("IAC-AWS-CF-002", "aws_cloudfront_distribution.default_cert")] == (
        "CloudFront distribution aws_cloudfront_distribution.default_cert uses the default CloudFront certificate, which accepts TLSv1"
    )
    assert messages[("IAC-AWS-LAMBDA-001", "aws_lambda_function.neutral_env")] == (
        "Lambda function aws_lambda_function.neutral_env has secrets in plain-text environment variables: UPSTREAM"
    )
    assert messages[("IAC-AZ-STORAGE-005", "azurerm_storage_account_network_rules.alone")] == (
        "azurerm_storage_account_network_rules.alone lets any network reach its storage account"
    )
    assert messages[("IAC-GEN-SECRET-001", "Template")] == "Template has a hard-coded secret in LaunchTemplateData.UserData.Fn::Base64.Fn::Sub"


def test_secure_variants_of_the_same_forms_give_no_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _scan(capsys, "secure")
    assert (code, doc["errors"], doc["findings"]) == (0, [], [])
    assert doc["summary"]["resources"] == 34
