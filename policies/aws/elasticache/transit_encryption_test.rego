package iac_guard.aws.elasticache.transit_encryption_test

import data.iac_guard.aws.elasticache.transit_encryption
import data.iac_guard.testing
import rego.v1

rg(name, values) := testing.tf_resource("aws_elasticache_replication_group", name, values)

node(name, values) := testing.tf_resource("aws_elasticache_cluster", name, values)

test_group_without_transit_encryption_is_denied if {
	transit_encryption.deny == {{
		"msg": "aws_elasticache_replication_group.sessions does not encrypt traffic in transit",
		"resource": "aws_elasticache_replication_group.sessions",
		"file": "main.tf",
		"attribute": "transit_encryption_enabled",
	}} with input as testing.tf([rg("sessions", {})])
}

test_terraform_forms if {
	testing.located(transit_encryption.deny) == {
		["aws_elasticache_replication_group.off", "transit_encryption_enabled"],
		["aws_elasticache_replication_group.preferred", "transit_encryption_mode"],
		["aws_elasticache_replication_group.valkey_off", "transit_encryption_enabled"],
		["aws_elasticache_cluster.memcached", "transit_encryption_enabled"],
		["aws_elasticache_cluster.quoted", "transit_encryption_enabled"],
	} with input as testing.tf([
		rg("off", {"transit_encryption_enabled": false}),
		rg("preferred", {"transit_encryption_enabled": true, "transit_encryption_mode": "preferred"}),
		rg("required", {"transit_encryption_enabled": true, "transit_encryption_mode": "required"}),
		rg("on", {"transit_encryption_enabled": "true"}),
		rg("var", {"transit_encryption_enabled": testing.unknown("var.tls")}),
		rg("valkey", {"engine": "valkey"}),
		rg("valkey_off", {"engine": "valkey", "transit_encryption_enabled": false}),
		node("memcached", {"engine": "memcached"}),
		node("quoted", {"engine": "redis", "transit_encryption_enabled": "false"}),
		node("member", {"replication_group_id": testing.unknown("aws_elasticache_replication_group.required.id")}),
		node("tls", {"engine": "memcached", "transit_encryption_enabled": true}),
	])
}

test_valkey_explicitly_off_is_denied if {
	testing.addresses(transit_encryption.deny) == {"aws_elasticache_replication_group.v"} with input as testing.tf([rg("v", {"engine": "valkey", "transit_encryption_enabled": false})])
}

test_cloudformation_forms if {
	testing.located(transit_encryption.deny) == {["Missing", "TransitEncryptionEnabled"], ["Preferred", "TransitEncryptionMode"], ["Node", "TransitEncryptionEnabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Missing", {}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Preferred", {"TransitEncryptionEnabled": true, "TransitEncryptionMode": "preferred"}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "On", {"TransitEncryptionEnabled": "true"}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Param", {"TransitEncryptionEnabled": {"Ref": "Tls"}}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Valkey", {"Engine": "valkey"}),
		testing.cfn_resource("AWS::ElastiCache::CacheCluster", "Node", {"Engine": "memcached", "TransitEncryptionEnabled": false}),
	])
}
