"""The second batch of AWS service policies end to end (ECS, CodeBuild, WAFv2, GuardDuty,
AWS Config, SageMaker, Athena, Glue, Backup, Step Functions, ACM, Route 53, EMR, Batch,
AppSync, DMS, Cognito, SSM, WorkSpaces): the real CLI scans realistic vulnerable and
well-configured Terraform and CloudFormation fixtures
(tests/fixtures/policies/aws_services_2), every finding is pinned by rule id, resource,
file and line, and the well-configured tree must give no finding from any policy."""

from __future__ import annotations

import functools

import pytest

from iac_guard.policy.loader import load_policies
from tests.conftest import FIXTURES
from tests.test_policy_library import _findings, _scan, policy_input, runtime_failures

TREE = FIXTURES / "policies" / "aws_services_2"

Finding = tuple[str, str, str, int]

SERVICES = (
    "ECS",
    "CODEBUILD",
    "WAF",
    "GD",
    "CONFIG",
    "SAGEMAKER",
    "ATHENA",
    "GLUE",
    "BACKUP",
    "SFN",
    "ACM",
    "R53",
    "EMR",
    "BATCH",
    "APPSYNC",
    "DMS",
    "COGNITO",
    "SSM",
    "WORKSPACES",
)

VULNERABLE: list[Finding] = [
    ("IAC-AWS-ACM-001", "Certificate", "template.yaml", 318),
    ("IAC-AWS-ACM-001", "aws_acm_certificate.www", "edge.tf", 64),
    ("IAC-AWS-ACM-002", "Certificate", "template.yaml", 317),
    ("IAC-AWS-ACM-002", "aws_acm_certificate.www", "edge.tf", 61),
    ("IAC-AWS-ACM-003", "Certificate", "template.yaml", 313),
    ("IAC-AWS-ACM-003", "aws_acm_certificate.www", "edge.tf", 60),
    ("IAC-AWS-APPSYNC-001", "GraphApi", "template.yaml", 352),
    ("IAC-AWS-APPSYNC-001", "aws_appsync_graphql_api.catalog", "edge.tf", 76),
    ("IAC-AWS-APPSYNC-002", "GraphApi", "template.yaml", 365),
    ("IAC-AWS-APPSYNC-002", "aws_appsync_graphql_api.catalog", "edge.tf", 74),
    ("IAC-AWS-APPSYNC-003", "GraphCache", "template.yaml", 375),
    ("IAC-AWS-APPSYNC-003", "aws_appsync_api_cache.catalog", "edge.tf", 82),
    ("IAC-AWS-APPSYNC-003", "aws_appsync_api_cache.catalog", "edge.tf", 82),
    ("IAC-AWS-ATHENA-001", "Workgroup", "template.yaml", 221),
    ("IAC-AWS-ATHENA-001", "aws_athena_workgroup.analysts", "data.tf", 21),
    ("IAC-AWS-ATHENA-002", "Workgroup", "template.yaml", 222),
    ("IAC-AWS-ATHENA-002", "aws_athena_workgroup.analysts", "data.tf", 22),
    ("IAC-AWS-BACKUP-001", "Vault", "template.yaml", 261),
    ("IAC-AWS-BACKUP-001", "aws_backup_vault.main", "data.tf", 70),
    ("IAC-AWS-BACKUP-002", "OrphanPlan", "template.yaml", 276),
    ("IAC-AWS-BACKUP-002", "aws_backup_plan.weekly", "data.tf", 84),
    ("IAC-AWS-BATCH-001", "ExportJob", "template.yaml", 57),
    ("IAC-AWS-BATCH-001", "aws_batch_job_definition.nightly", "containers.tf", 54),
    ("IAC-AWS-BATCH-002", "ExportJob", "template.yaml", 58),
    ("IAC-AWS-BATCH-002", "aws_batch_job_definition.nightly", "containers.tf", 54),
    ("IAC-AWS-CODEBUILD-001", "Build", "template.yaml", 81),
    ("IAC-AWS-CODEBUILD-001", "aws_codebuild_project.app", "build.tf", 15),
    ("IAC-AWS-CODEBUILD-002", "Build", "template.yaml", 83),
    ("IAC-AWS-CODEBUILD-002", "aws_codebuild_project.app", "build.tf", 22),
    ("IAC-AWS-CODEBUILD-003", "Build", "template.yaml", 76),
    ("IAC-AWS-CODEBUILD-003", "aws_codebuild_project.app", "build.tf", 8),
    ("IAC-AWS-CODEBUILD-004", "Build", "template.yaml", 92),
    ("IAC-AWS-CODEBUILD-004", "aws_codebuild_project.docs", "build.tf", 58),
    ("IAC-AWS-CODEBUILD-005", "DocsBuild", "template.yaml", 117),
    ("IAC-AWS-CODEBUILD-005", "aws_codebuild_project.app", "build.tf", 30),
    ("IAC-AWS-CODEBUILD-006", "Build", "template.yaml", 95),
    ("IAC-AWS-CODEBUILD-006", "aws_codebuild_project.app", "build.tf", 36),
    ("IAC-AWS-COGNITO-001", "IdentityPool", "template.yaml", 406),
    ("IAC-AWS-COGNITO-001", "aws_cognito_identity_pool.guests", "edge.tf", 95),
    ("IAC-AWS-COGNITO-002", "UserPool", "template.yaml", 401),
    ("IAC-AWS-COGNITO-002", "aws_cognito_user_pool.customers", "edge.tf", 89),
    ("IAC-AWS-CONFIG-001", "SandboxRecorder", "config-recorder.yaml", 10),
    ("IAC-AWS-CONFIG-001", "aws_config_configuration_recorder.main", "detection.tf", 16),
    ("IAC-AWS-CONFIG-002", "Recorder", "template.yaml", 184),
    ("IAC-AWS-CONFIG-003", "aws_config_configuration_recorder.main", "detection.tf", 11),
    ("IAC-AWS-CONFIG-004", "Recorder", "template.yaml", 178),
    ("IAC-AWS-CONFIG-004", "aws_config_configuration_recorder.main", "detection.tf", 11),
    ("IAC-AWS-DMS-001", "ReplicationInstance", "template.yaml", 377),
    ("IAC-AWS-DMS-001", "aws_dms_replication_instance.migration", "data.tf", 143),
    ("IAC-AWS-DMS-002", "SourceEndpoint", "template.yaml", 389),
    ("IAC-AWS-DMS-002", "aws_dms_endpoint.source", "data.tf", 154),
    ("IAC-AWS-ECS-001", "ApiTask", "template.yaml", 27),
    ("IAC-AWS-ECS-001", "aws_ecs_task_definition.api", "containers.tf", 8),
    ("IAC-AWS-ECS-002", "ApiTask", "template.yaml", 28),
    ("IAC-AWS-ECS-002", "aws_ecs_task_definition.api", "containers.tf", 8),
    ("IAC-AWS-ECS-003", "ApiTask", "template.yaml", 29),
    ("IAC-AWS-ECS-003", "aws_ecs_task_definition.api", "containers.tf", 8),
    ("IAC-AWS-ECS-003", "aws_ecs_task_definition.worker", "containers.tf", 25),
    ("IAC-AWS-ECS-004", "ApiTask", "template.yaml", 23),
    ("IAC-AWS-ECS-004", "aws_ecs_task_definition.api", "containers.tf", 7),
    ("IAC-AWS-ECS-005", "ApiTask", "template.yaml", 30),
    ("IAC-AWS-ECS-005", "aws_ecs_task_definition.api", "containers.tf", 8),
    ("IAC-AWS-ECS-006", "ApiTask", "template.yaml", 25),
    ("IAC-AWS-ECS-006", "aws_ecs_task_definition.api", "containers.tf", 8),
    ("IAC-AWS-ECS-007", "Cluster", "template.yaml", 16),
    ("IAC-AWS-ECS-007", "aws_ecs_cluster.jobs", "containers.tf", 1),
    ("IAC-AWS-ECS-008", "ApiService", "template.yaml", 48),
    ("IAC-AWS-ECS-008", "aws_ecs_service.api", "containers.tf", 47),
    ("IAC-AWS-EMR-001", "EmrCluster", "template.yaml", 333),
    ("IAC-AWS-EMR-001", "aws_emr_cluster.spark", "data.tf", 120),
    ("IAC-AWS-EMR-002", "EmrSecurity", "template.yaml", 328),
    ("IAC-AWS-EMR-002", "aws_emr_security_configuration.emr", "data.tf", 112),
    ("IAC-AWS-EMR-002", "aws_emr_security_configuration.emr", "data.tf", 112),
    ("IAC-AWS-EMR-003", "aws_emr_block_public_access_configuration.account", "data.tf", 137),
    ("IAC-AWS-GD-001", "Detector", "template.yaml", 173),
    ("IAC-AWS-GD-001", "aws_guardduty_detector.main", "detection.tf", 2),
    ("IAC-AWS-GD-002", "Detector", "template.yaml", 176),
    ("IAC-AWS-GD-002", "aws_guardduty_detector_feature.s3", "detection.tf", 8),
    ("IAC-AWS-GLUE-001", "GlueSecurity", "template.yaml", 232),
    ("IAC-AWS-GLUE-001", "GlueSecurity", "template.yaml", 237),
    ("IAC-AWS-GLUE-001", "aws_glue_security_configuration.etl", "data.tf", 35),
    ("IAC-AWS-GLUE-001", "aws_glue_security_configuration.etl", "data.tf", 44),
    ("IAC-AWS-GLUE-002", "CatalogEncryption", "template.yaml", 244),
    ("IAC-AWS-GLUE-002", "aws_glue_data_catalog_encryption_settings.catalog", "data.tf", 55),
    ("IAC-AWS-GLUE-003", "CatalogEncryption", "template.yaml", 246),
    ("IAC-AWS-GLUE-003", "aws_glue_data_catalog_encryption_settings.catalog", "data.tf", 51),
    ("IAC-AWS-GLUE-004", "GlueJob", "template.yaml", 249),
    ("IAC-AWS-GLUE-004", "aws_glue_job.etl", "data.tf", 61),
    ("IAC-AWS-R53-001", "Zone", "template.yaml", 320),
    ("IAC-AWS-R53-001", "aws_route53_zone.public", "edge.tf", 68),
    ("IAC-AWS-R53-002", "Zone", "template.yaml", 320),
    ("IAC-AWS-R53-002", "aws_route53_zone.public", "edge.tf", 68),
    ("IAC-AWS-SAGEMAKER-001", "Notebook", "template.yaml", 198),
    ("IAC-AWS-SAGEMAKER-001", "aws_sagemaker_notebook_instance.research", "data.tf", 1),
    ("IAC-AWS-SAGEMAKER-002", "Notebook", "template.yaml", 199),
    ("IAC-AWS-SAGEMAKER-002", "aws_sagemaker_notebook_instance.research", "data.tf", 1),
    ("IAC-AWS-SAGEMAKER-003", "Notebook", "template.yaml", 186),
    ("IAC-AWS-SAGEMAKER-003", "aws_sagemaker_notebook_instance.research", "data.tf", 1),
    ("IAC-AWS-SAGEMAKER-004", "Notebook", "template.yaml", 186),
    ("IAC-AWS-SAGEMAKER-004", "aws_sagemaker_notebook_instance.research", "data.tf", 1),
    ("IAC-AWS-SAGEMAKER-005", "EndpointConfig", "template.yaml", 201),
    ("IAC-AWS-SAGEMAKER-005", "aws_sagemaker_endpoint_configuration.model", "data.tf", 7),
    ("IAC-AWS-SFN-001", "StateMachine", "template.yaml", 308),
    ("IAC-AWS-SFN-001", "aws_sfn_state_machine.orders", "data.tf", 101),
    ("IAC-AWS-SFN-002", "StateMachine", "template.yaml", 310),
    ("IAC-AWS-SFN-002", "aws_sfn_state_machine.orders", "data.tf", 101),
    ("IAC-AWS-SSM-001", "aws_ssm_document.runbook", "ops.tf", 14),
    ("IAC-AWS-SSM-001", "aws_ssm_service_setting.public_documents", "ops.tf", 34),
    ("IAC-AWS-SSM-002", "ApiTokenParameter", "template.yaml", 416),
    ("IAC-AWS-SSM-002", "aws_ssm_parameter.db_password", "ops.tf", 22),
    ("IAC-AWS-WAF-001", "WebAcl", "template.yaml", 122),
    ("IAC-AWS-WAF-001", "aws_wafv2_web_acl.api", "edge.tf", 1),
    ("IAC-AWS-WAF-001", "aws_wafv2_web_acl.legacy", "edge.tf", 16),
    ("IAC-AWS-WAF-002", "WebAcl", "template.yaml", 126),
    ("IAC-AWS-WAF-002", "aws_wafv2_web_acl.api", "edge.tf", 5),
    ("IAC-AWS-WAF-003", "SpareAcl", "template.yaml", 133),
    ("IAC-AWS-WAF-003", "aws_wafv2_web_acl.legacy", "edge.tf", 16),
    ("IAC-AWS-WAF-004", "WebAcl", "template.yaml", 129),
    ("IAC-AWS-WAF-004", "aws_wafv2_web_acl.api", "edge.tf", 10),
    ("IAC-AWS-WAF-004", "aws_wafv2_web_acl.legacy", "edge.tf", 40),
    ("IAC-AWS-WORKSPACES-001", "Workspace", "template.yaml", 432),
    ("IAC-AWS-WORKSPACES-001", "aws_workspaces_workspace.analyst", "ops.tf", 26),
    ("IAC-AWS-WORKSPACES-002", "Workspace", "template.yaml", 419),
    ("IAC-AWS-WORKSPACES-002", "aws_workspaces_workspace.analyst", "ops.tf", 26),
    # IAC-GEN-SECRET-001 on the literal secrets of Name/Value environment entries and of a
    # String parameter (a SECRETS_MANAGER CodeBuild variable in the secure tree is a reference)
    ("IAC-GEN-SECRET-001", "ApiTask", "template.yaml", 32),
    ("IAC-GEN-SECRET-001", "ApiTokenParameter", "template.yaml", 417),
    ("IAC-GEN-SECRET-001", "Build", "template.yaml", 85),
    ("IAC-GEN-SECRET-001", "ExportJob", "template.yaml", 60),
    # IAC-GEN-TAG-001: a Backup vault without BackupVaultTags, a Cognito user pool without
    # UserPoolTags (the other resources of this tree are tagged)
    ("IAC-GEN-TAG-001", "UserPool", "template.yaml", 397),
    ("IAC-GEN-TAG-001", "Vault", "template.yaml", 261),
]


@functools.cache
def _new_policies() -> dict[str, tuple[str, ...]]:
    """The ids of this batch's policies and the IaC kinds each one reads."""
    prefixes = tuple(f"IAC-AWS-{service}-" for service in SERVICES)
    return {
        p.id: tuple(p.kinds) or ("terraform", "cloudformation")
        for p in load_policies([]).policies
        if p.id.startswith(prefixes)
    }


def test_vulnerable_tree_gives_exactly_the_expected_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, doc = _scan(capsys, TREE / "vulnerable")
    assert code == 1
    assert doc["errors"] == []
    assert _findings(doc) == sorted(VULNERABLE)


def test_well_configured_tree_gives_no_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _scan(capsys, TREE / "secure")
    assert (code, doc["errors"], doc["findings"]) == (0, [], [])
    assert doc["summary"]["resources"] == 82


def test_the_batch_has_at_least_36_policies_and_each_fires_in_every_kind_it_reads() -> None:
    policies = _new_policies()
    assert len(policies) >= 36
    fired_tf = {rule for rule, _, file, _ in VULNERABLE if file.endswith(".tf")}
    fired_cfn = {rule for rule, _, file, _ in VULNERABLE if file.endswith(".yaml")}
    # Left out on purpose: the Terraform recorder records a list of types, which makes
    # CONFIG-002 (global types) moot there; the CloudFormation template covers it.
    unfired = {
        (rule, kind)
        for rule, kinds in policies.items()
        for kind in kinds
        if rule not in (fired_tf if kind == "terraform" else fired_cfn)
    }
    assert unfired == {("IAC-AWS-CONFIG-002", "terraform")}


def test_every_new_policy_documents_its_forms_and_what_it_does_not_flag() -> None:
    for policy in load_policies([]).policies:
        if policy.id not in _new_policies():
            continue
        # the loader has read custom.forms / custom.not_flagged and checked they are lists of strings
        assert policy.forms and policy.not_flagged, policy.id
        assert "CloudFormation" in policy.remediation, policy.id
        assert policy.related_resources[0].startswith("https://"), policy.id


def test_no_new_policy_fails_at_runtime_on_values_of_unexpected_types() -> None:
    """As in test_policy_library: every value of the fixtures replaced, level by level,
    by numbers, strings, lists, nulls and unknown markers must not make a policy fail."""
    # Both trees in one document per kind: every shape of every setting, one evaluation.
    docs = [policy_input(kind, sorted(TREE.glob(f"*/{pattern}"))) for kind, pattern in (("terraform", "*.tf"), ("cloudformation", "*.yaml"))]
    assert runtime_failures(docs, lambda p: p.id in _new_policies()) == set()
