package iac_guard.aws.elasticache.at_rest_encryption_test

import data.iac_guard.aws.elasticache.at_rest_encryption
import data.iac_guard.testing
import rego.v1

rg(name, values) := testing.tf_resource("aws_elasticache_replication_group", name, values)

test_unencrypted_group_is_denied if {
	at_rest_encryption.deny == {{
		"msg": "ElastiCache replication group aws_elasticache_replication_group.sessions is not encrypted at rest",
		"resource": "aws_elasticache_replication_group.sessions",
		"file": "main.tf",
		"attribute": "at_rest_encryption_enabled",
	}} with input as testing.tf([rg("sessions", {"description": "sessions"})])
}

test_terraform_forms if {
	testing.addresses(at_rest_encryption.deny) == {"aws_elasticache_replication_group.off", "aws_elasticache_replication_group.quoted", "aws_elasticache_replication_group.redis"} with input as testing.tf([
		rg("off", {"at_rest_encryption_enabled": false}),
		rg("quoted", {"at_rest_encryption_enabled": "false"}),
		rg("redis", {"engine": "Redis"}),
		rg("on", {"at_rest_encryption_enabled": true}),
		rg("var", {"at_rest_encryption_enabled": testing.unknown("var.encrypt")}),
		rg("valkey", {"engine": "valkey"}),
		rg("engine_var", {"engine": testing.unknown("var.engine")}),
	])
}

test_cloudformation_forms if {
	testing.located(at_rest_encryption.deny) == {["Missing", "AtRestEncryptionEnabled"], ["Off", "AtRestEncryptionEnabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Missing", {"Engine": "redis"}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Off", {"AtRestEncryptionEnabled": "false"}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "On", {"AtRestEncryptionEnabled": true}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Param", {"AtRestEncryptionEnabled": {"Ref": "Encrypt"}}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Valkey", {"Engine": "valkey"}),
	])
}
