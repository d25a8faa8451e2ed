"""The Azure service policies (AKS, App Service, Cosmos DB, Monitor, Container Registry,
Redis, PostgreSQL, MySQL, Event Hubs, Service Bus, Data Factory, Synapse, Application
Gateway, Front Door, VMs, Defender for Cloud) end to end: the real CLI scans realistic
vulnerable and well-configured Terraform (tests/fixtures/policies/azure_services), each
written in the several forms azurerm accepts (v2 blocks and v3/v4 attributes, legacy and
current resource types, strings and lists), and every finding is pinned by rule id,
resource, file and line. The well-configured fixture must give no finding at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from iac_guard.models import Policy
from iac_guard.policy.loader import load_policies
from tests.conftest import FIXTURES
from tests.test_policy_library import _findings, _scan, policy_input, runtime_failures

SERVICES = FIXTURES / "policies" / "azure_services"
POLICIES = Path(__file__).resolve().parent.parent / "policies" / "azure"

# The service directories these policies live in (the older keyvault, network, sql and
# storage policies are pinned by tests/test_policy_library.py).
SERVICE_DIRS = (
    "aks",
    "appgateway",
    "appservice",
    "containerregistry",
    "cosmosdb",
    "datafactory",
    "defender",
    "eventhub",
    "frontdoor",
    "monitor",
    "mysql",
    "postgresql",
    "redis",
    "servicebus",
    "synapse",
    "vm",
)

Finding = tuple[str, str, str, int]

# The first activity log alert of the root module (for_each instances sort by key), where
# IAC-AZ-MON-003 reports each CIS operation no alert watches.
ALERT = 'azurerm_monitor_activity_log_alert.admin["Microsoft.Authorization/policyAssignments/delete"]'

VULNERABLE: list[Finding] = [
    # aks.tf
    ("IAC-AZ-AKS-002", "azurerm_kubernetes_cluster.main", "aks.tf", 2),
    ("IAC-AZ-AKS-006", "azurerm_kubernetes_cluster.main", "aks.tf", 2),
    ("IAC-AZ-AKS-007", "azurerm_kubernetes_cluster.main", "aks.tf", 2),
    ("IAC-AZ-AKS-009", "azurerm_kubernetes_cluster.main", "aks.tf", 2),
    ("IAC-AZ-AKS-005", "azurerm_kubernetes_cluster.main", "aks.tf", 7),
    ("IAC-AZ-AKS-008", "azurerm_kubernetes_cluster.main", "aks.tf", 8),
    ("IAC-AZ-AKS-003", "azurerm_kubernetes_cluster.main", "aks.tf", 21),
    ("IAC-AZ-AKS-004", "azurerm_kubernetes_cluster.main", "aks.tf", 24),
    ("IAC-AZ-AKS-004", "azurerm_kubernetes_cluster.legacy", "aks.tf", 32),
    ("IAC-AZ-AKS-007", "azurerm_kubernetes_cluster.legacy", "aks.tf", 32),
    ("IAC-AZ-AKS-008", "azurerm_kubernetes_cluster.legacy", "aks.tf", 32),
    ("IAC-AZ-AKS-009", "azurerm_kubernetes_cluster.legacy", "aks.tf", 32),
    ("IAC-AZ-AKS-003", "azurerm_kubernetes_cluster.legacy", "aks.tf", 37),
    ("IAC-AZ-AKS-002", "azurerm_kubernetes_cluster.legacy", "aks.tf", 38),
    ("IAC-AZ-AKS-001", "azurerm_kubernetes_cluster.legacy", "aks.tf", 51),
    ("IAC-AZ-AKS-006", "azurerm_kubernetes_cluster.legacy", "aks.tf", 56),
    ("IAC-AZ-AKS-005", "azurerm_kubernetes_cluster.legacy", "aks.tf", 59),
    # analytics.tf
    ("IAC-AZ-ADF-001", "azurerm_data_factory.etl", "analytics.tf", 1),
    ("IAC-AZ-ADF-002", "azurerm_data_factory.etl", "analytics.tf", 1),
    ("IAC-AZ-SYN-002", "azurerm_synapse_workspace.lake", "analytics.tf", 7),
    ("IAC-AZ-SYN-001", "azurerm_synapse_workspace.lake", "analytics.tf", 14),
    ("IAC-AZ-SYN-003", "azurerm_synapse_firewall_rule.all", "analytics.tf", 25),
    # appservice.tf
    ("IAC-AZ-APP-006", "azurerm_linux_web_app.portal", "appservice.tf", 9),
    ("IAC-AZ-APP-009", "azurerm_linux_web_app.portal", "appservice.tf", 9),
    ("IAC-AZ-APP-001", "azurerm_linux_web_app.portal", "appservice.tf", 14),
    ("IAC-AZ-APP-005", "azurerm_linux_web_app.portal", "appservice.tf", 16),
    ("IAC-AZ-APP-002", "azurerm_linux_web_app.portal", "appservice.tf", 19),
    ("IAC-AZ-APP-003", "azurerm_linux_web_app.portal", "appservice.tf", 20),
    ("IAC-AZ-APP-004", "azurerm_linux_web_app.portal", "appservice.tf", 21),
    ("IAC-AZ-APP-007", "azurerm_linux_web_app.portal", "appservice.tf", 22),
    ("IAC-AZ-APP-008", "azurerm_linux_web_app.portal", "appservice.tf", 26),
    ("IAC-AZ-APP-006", "azurerm_windows_function_app.jobs", "appservice.tf", 31),
    ("IAC-AZ-APP-009", "azurerm_windows_function_app.jobs", "appservice.tf", 31),
    ("IAC-AZ-APP-001", "azurerm_windows_function_app.jobs", "appservice.tf", 38),
    ("IAC-AZ-APP-002", "azurerm_windows_function_app.jobs", "appservice.tf", 41),
    ("IAC-AZ-APP-001", "azurerm_app_service.legacy", "appservice.tf", 50),
    ("IAC-AZ-APP-005", "azurerm_app_service.legacy", "appservice.tf", 50),
    ("IAC-AZ-APP-006", "azurerm_app_service.legacy", "appservice.tf", 50),
    ("IAC-AZ-APP-008", "azurerm_app_service.legacy", "appservice.tf", 50),
    ("IAC-AZ-APP-003", "azurerm_app_service.legacy", "appservice.tf", 56),
    ("IAC-AZ-APP-007", "azurerm_app_service.legacy", "appservice.tf", 56),
    ("IAC-AZ-APP-002", "azurerm_app_service.legacy", "appservice.tf", 57),
    # compute.tf
    ("IAC-AZ-VM-001", "azurerm_linux_virtual_machine.web", "compute.tf", 8),
    ("IAC-AZ-VM-003", "azurerm_linux_virtual_machine.web", "compute.tf", 11),
    ("IAC-AZ-VM-002", "azurerm_virtual_machine.batch", "compute.tf", 36),
    ("IAC-AZ-VM-001", "azurerm_virtual_machine.batch", "compute.tf", 47),
    ("IAC-AZ-VM-003", "azurerm_managed_disk.scratch", "compute.tf", 51),
    ("IAC-AZ-VM-004", "azurerm_virtual_machine_extension.monitoring", "compute.tf", 67),
    # data.tf
    ("IAC-AZ-COSMOS-003", "azurerm_cosmosdb_account.orders", "data.tf", 1),
    ("IAC-AZ-COSMOS-004", "azurerm_cosmosdb_account.orders", "data.tf", 1),
    ("IAC-AZ-COSMOS-005", "azurerm_cosmosdb_account.orders", "data.tf", 1),
    ("IAC-AZ-COSMOS-002", "azurerm_cosmosdb_account.orders", "data.tf", 6),
    ("IAC-AZ-COSMOS-001", "azurerm_cosmosdb_account.catalog", "data.tf", 25),
    ("IAC-AZ-COSMOS-003", "azurerm_cosmosdb_account.catalog", "data.tf", 26),
    ("IAC-AZ-COSMOS-004", "azurerm_cosmosdb_account.catalog", "data.tf", 27),
    ("IAC-AZ-COSMOS-005", "azurerm_cosmosdb_account.catalog", "data.tf", 29),
    ("IAC-AZ-COSMOS-003", "azurerm_cosmosdb_account.events", "data.tf", 43),
    ("IAC-AZ-COSMOS-005", "azurerm_cosmosdb_account.events", "data.tf", 43),
    ("IAC-AZ-COSMOS-002", "azurerm_cosmosdb_account.events", "data.tf", 49),
    ("IAC-AZ-REDIS-003", "azurerm_redis_cache.sessions", "data.tf", 63),
    ("IAC-AZ-REDIS-001", "azurerm_redis_cache.sessions", "data.tf", 70),
    ("IAC-AZ-REDIS-002", "azurerm_redis_cache.sessions", "data.tf", 71),
    ("IAC-AZ-REDIS-002", "azurerm_redis_cache.cache", "data.tf", 74),
    ("IAC-AZ-REDIS-001", "azurerm_redis_cache.cache", "data.tf", 82),
    ("IAC-AZ-REDIS-004", "azurerm_redis_cache.cache", "data.tf", 85),
    ("IAC-AZ-ACR-002", "azurerm_container_registry.images", "data.tf", 89),
    ("IAC-AZ-ACR-001", "azurerm_container_registry.images", "data.tf", 94),
    ("IAC-AZ-ACR-003", "azurerm_container_registry.images", "data.tf", 95),
    # databases.tf
    ("IAC-AZ-PG-004", "azurerm_postgresql_flexible_server.orders", "databases.tf", 1),
    ("IAC-AZ-PG-001", "azurerm_postgresql_flexible_server_configuration.plain", "databases.tf", 15),
    ("IAC-AZ-PG-002", "azurerm_postgresql_flexible_server_configuration.tls", "databases.tf", 21),
    ("IAC-AZ-PG-003", "azurerm_postgresql_flexible_server_configuration.connections", "databases.tf", 27),
    ("IAC-AZ-PG-004", "azurerm_postgresql_server.legacy", "databases.tf", 31),
    ("IAC-AZ-PG-001", "azurerm_postgresql_server.legacy", "databases.tf", 39),
    ("IAC-AZ-PG-002", "azurerm_postgresql_server.legacy", "databases.tf", 40),
    ("IAC-AZ-PG-003", "azurerm_postgresql_configuration.throttling", "databases.tf", 49),
    ("IAC-AZ-PG-003", "azurerm_postgresql_configuration.retention", "databases.tf", 56),
    ("IAC-AZ-MYSQL-004", "azurerm_mysql_flexible_server.billing", "databases.tf", 59),
    ("IAC-AZ-MYSQL-003", "azurerm_mysql_flexible_server.billing", "databases.tf", 60),
    ("IAC-AZ-MYSQL-001", "azurerm_mysql_flexible_server_configuration.plain", "databases.tf", 73),
    ("IAC-AZ-MYSQL-002", "azurerm_mysql_flexible_server_configuration.tls", "databases.tf", 80),
    ("IAC-AZ-MYSQL-001", "azurerm_mysql_server.legacy", "databases.tf", 91),
    ("IAC-AZ-MYSQL-002", "azurerm_mysql_server.legacy", "databases.tf", 92),
    ("IAC-AZ-MYSQL-003", "azurerm_mysql_configuration.audit", "databases.tf", 101),
    ("IAC-AZ-PG-005", "azurerm_postgresql_flexible_server_firewall_rule.azure", "databases.tf", 107),
    ("IAC-AZ-MYSQL-005", "azurerm_mysql_flexible_server_firewall_rule.azure", "databases.tf", 115),
    # edge.tf
    ("IAC-AZ-AGW-001", "azurerm_application_gateway.public", "edge.tf", 1),
    ("IAC-AZ-AGW-002", "azurerm_application_gateway.waf_detect", "edge.tf", 31),
    ("IAC-AZ-AGW-002", "azurerm_web_application_firewall_policy.api", "edge.tf", 43),
    ("IAC-AZ-FD-002", "azurerm_cdn_frontdoor_profile.site", "edge.tf", 57),
    ("IAC-AZ-FD-001", "azurerm_cdn_frontdoor_firewall_policy.site", "edge.tf", 64),
    ("IAC-AZ-FD-002", "azurerm_frontdoor.classic", "edge.tf", 71),
    ("IAC-AZ-FD-001", "azurerm_frontdoor_firewall_policy.classic", "edge.tf", 80),
    # messaging.tf
    ("IAC-AZ-EVENTHUB-002", "azurerm_eventhub_namespace.telemetry", "messaging.tf", 1),
    ("IAC-AZ-EVENTHUB-001", "azurerm_eventhub_namespace.telemetry", "messaging.tf", 6),
    ("IAC-AZ-EVENTHUB-003", "azurerm_eventhub_namespace.telemetry", "messaging.tf", 7),
    ("IAC-AZ-SERVICEBUS-001", "azurerm_servicebus_namespace.orders", "messaging.tf", 14),
    ("IAC-AZ-SERVICEBUS-002", "azurerm_servicebus_namespace.orders", "messaging.tf", 20),
    ("IAC-AZ-SERVICEBUS-003", "azurerm_servicebus_namespace.orders", "messaging.tf", 21),
    # monitor.tf
    ("IAC-AZ-MON-002", "azurerm_monitor_log_profile.activity", "monitor.tf", 15),
    ("IAC-AZ-MON-002", "azurerm_monitor_log_profile.activity", "monitor.tf", 16),
    ("IAC-AZ-MON-001", "azurerm_monitor_log_profile.activity", "monitor.tf", 21),
    ("IAC-AZ-MON-003", ALERT, "monitor.tf", 53),
    ("IAC-AZ-MON-003", ALERT, "monitor.tf", 53),
    ("IAC-AZ-MON-003", ALERT, "monitor.tf", 53),
    ("IAC-AZ-MON-004", "azurerm_key_vault.app", "monitor.tf", 81),
    # security.tf
    ("IAC-AZ-DEF-001", "azurerm_security_center_subscription_pricing.servers", "security.tf", 2),
    ("IAC-AZ-DEF-001", "azurerm_security_center_subscription_pricing.storage", "security.tf", 6),
    ("IAC-AZ-DEF-002", "azurerm_security_center_contact.secops", "security.tf", 12),
    ("IAC-AZ-DEF-002", "azurerm_security_center_contact.secops", "security.tf", 13),
    # IAC-GEN-TAG-001: untagged resources of the taggable types (policies/data.yaml)
    ("IAC-GEN-TAG-001", "azurerm_application_gateway.public", "edge.tf", 1),
    ("IAC-GEN-TAG-001", "azurerm_application_gateway.waf_detect", "edge.tf", 18),
    ("IAC-GEN-TAG-001", "azurerm_container_registry.images", "data.tf", 89),
    ("IAC-GEN-TAG-001", "azurerm_data_factory.etl", "analytics.tf", 1),
    ("IAC-GEN-TAG-001", "azurerm_eventhub_namespace.telemetry", "messaging.tf", 1),
    ("IAC-GEN-TAG-001", "azurerm_linux_web_app.portal", "appservice.tf", 9),
    ("IAC-GEN-TAG-001", "azurerm_managed_disk.scratch", "compute.tf", 51),
    ("IAC-GEN-TAG-001", "azurerm_mysql_server.legacy", "databases.tf", 83),
    ("IAC-GEN-TAG-001", "azurerm_redis_cache.cache", "data.tf", 74),
    ("IAC-GEN-TAG-001", "azurerm_redis_cache.sessions", "data.tf", 63),
    ("IAC-GEN-TAG-001", "azurerm_servicebus_namespace.orders", "messaging.tf", 14),
    ("IAC-GEN-TAG-001", "azurerm_synapse_workspace.lake", "analytics.tf", 7),
    ("IAC-GEN-TAG-001", "azurerm_windows_function_app.jobs", "appservice.tf", 31),
    # IAC-AZ-SQL-001 reports the 0.0.0.0 - 0.0.0.0 "Allow Azure services" rule of every server
    # kind, flexible servers included (CIS 4.1.2)
    ("IAC-AZ-SQL-001", "azurerm_mysql_flexible_server_firewall_rule.azure", "databases.tf", 115),
    ("IAC-AZ-SQL-001", "azurerm_postgresql_flexible_server_firewall_rule.azure", "databases.tf", 107),
]


def _service_policy_files() -> list[Path]:
    return sorted(
        path
        for name in SERVICE_DIRS
        for path in (POLICIES / name).glob("*.rego")
        if not path.name.endswith("_test.rego")
    )


def _service_policies() -> list[Policy]:
    """The loaded policies of the service directories (the loader parsed and checked their
    METADATA, custom.forms and custom.not_flagged included)."""
    files = {str(path.resolve()) for path in _service_policy_files()}
    return [p for p in load_policies([]).policies if str(Path(p.file).resolve()) in files]


def test_vulnerable_fixture_gives_exactly_the_expected_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, doc = _scan(capsys, SERVICES / "vulnerable")
    assert code == 1
    assert doc["errors"] == []
    assert _findings(doc) == sorted(VULNERABLE)


def test_well_configured_fixture_gives_no_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _scan(capsys, SERVICES / "secure")
    assert (code, doc["errors"], doc["findings"]) == (0, [], [])
    assert doc["summary"]["resources"] == 54


def test_every_service_policy_fires_on_the_vulnerable_fixture() -> None:
    ids = {p.id for p in _service_policies()}
    assert len(ids) == len(_service_policy_files()) == 65
    assert ids - {rule_id for rule_id, _, _, _ in VULNERABLE} == set()


def test_every_service_policy_documents_its_forms_and_what_it_does_not_flag() -> None:
    for policy in _service_policies():
        assert policy.kinds == ("terraform",), policy.file
        assert policy.id.startswith("IAC-AZ-"), policy.file
        assert policy.title and policy.description and policy.remediation, policy.file
        assert policy.related_resources[0].startswith("https://learn.microsoft.com/"), policy.file
        assert policy.forms and policy.not_flagged, policy.file
        assert all(f.startswith("CIS-AZURE-") for f in policy.frameworks), policy.file


def test_service_policies_survive_values_of_unexpected_types() -> None:
    """As tests/test_policy_library.py does for the older fixtures: every attribute and
    nested block of the services fixtures replaced, level by level, by numbers, strings,
    lists, nulls and unknown markers, and no policy may fail at runtime."""
    docs = [policy_input("terraform", [SERVICES / target]) for target in ("vulnerable", "secure")]
    assert runtime_failures(docs, lambda p: p.package.startswith("iac_guard.azure.")) == set()
