package iac_guard.aws.elasticache.auto_minor_upgrade_test

import data.iac_guard.aws.elasticache.auto_minor_upgrade
import data.iac_guard.testing
import rego.v1

test_disabled_upgrades_are_denied if {
	auto_minor_upgrade.deny == {{
		"msg": "aws_elasticache_replication_group.main does not apply minor engine upgrades automatically",
		"resource": "aws_elasticache_replication_group.main",
		"file": "main.tf",
		"attribute": "auto_minor_version_upgrade",
	}} with input as testing.tf([testing.tf_resource("aws_elasticache_replication_group", "main", {"auto_minor_version_upgrade": false})])
}

test_terraform_forms if {
	testing.addresses(auto_minor_upgrade.deny) == {"aws_elasticache_replication_group.quoted", "aws_elasticache_cluster.other"} with input as testing.tf([
		testing.tf_resource("aws_elasticache_replication_group", "quoted", {"auto_minor_version_upgrade": "false"}),
		testing.tf_resource("aws_elasticache_cluster", "other", {"auto_minor_version_upgrade": false}),
		testing.tf_resource("aws_elasticache_replication_group", "default", {}),
		testing.tf_resource("aws_elasticache_replication_group", "on", {"auto_minor_version_upgrade": true}),
		testing.tf_resource("aws_elasticache_replication_group", "var", {"auto_minor_version_upgrade": testing.unknown("var.upgrade")}),
	])
}

test_cloudformation_forms if {
	testing.located(auto_minor_upgrade.deny) == {["Off", "AutoMinorVersionUpgrade"], ["Other0", "AutoMinorVersionUpgrade"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Off", {"AutoMinorVersionUpgrade": "false"}),
		testing.cfn_resource("AWS::ElastiCache::CacheCluster", "Other0", {"AutoMinorVersionUpgrade": false}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Default", {}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "On", {"AutoMinorVersionUpgrade": true}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Param", {"AutoMinorVersionUpgrade": {"Ref": "Upgrade"}}),
	])
}
