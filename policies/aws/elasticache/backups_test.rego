package iac_guard.aws.elasticache.backups_test

import data.iac_guard.aws.elasticache.backups
import data.iac_guard.testing
import rego.v1

rg(name, values) := testing.tf_resource("aws_elasticache_replication_group", name, values)

node(name, values) := testing.tf_resource("aws_elasticache_cluster", name, values)

test_group_without_snapshots_is_denied if {
	backups.deny == {{
		"msg": "aws_elasticache_replication_group.sessions keeps no automatic backups (snapshot_retention_limit is 0)",
		"resource": "aws_elasticache_replication_group.sessions",
		"file": "main.tf",
		"attribute": "snapshot_retention_limit",
	}} with input as testing.tf([rg("sessions", {})])
}

test_terraform_forms if {
	testing.addresses(backups.deny) == {"aws_elasticache_replication_group.zero", "aws_elasticache_replication_group.quoted", "aws_elasticache_cluster.redis"} with input as testing.tf([
		rg("zero", {"snapshot_retention_limit": 0}),
		rg("quoted", {"snapshot_retention_limit": "0", "engine": "valkey"}),
		rg("kept", {"snapshot_retention_limit": 7}),
		rg("var", {"snapshot_retention_limit": testing.unknown("var.days")}),
		node("redis", {"engine": "redis"}),
		node("memcached", {"engine": "memcached"}),
		node("member", {"replication_group_id": "sessions"}),
		node("engine_var", {"engine": testing.unknown("var.engine")}),
	])
}

test_cloudformation_forms if {
	testing.located(backups.deny) == {["Group", "SnapshotRetentionLimit"], ["Node", "SnapshotRetentionLimit"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Group", {"SnapshotRetentionLimit": "0"}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Kept", {"SnapshotRetentionLimit": 5}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Memcached", {"Engine": "memcached"}),
		testing.cfn_resource("AWS::ElastiCache::CacheCluster", "Node", {"Engine": "redis"}),
		testing.cfn_resource("AWS::ElastiCache::CacheCluster", "Mem", {"Engine": "memcached"}),
		testing.cfn_resource("AWS::ElastiCache::CacheCluster", "Param", {"Engine": "redis", "SnapshotRetentionLimit": {"Ref": "Days"}}),
	])
}
