package iac_guard.aws.elasticache.auth_test

import data.iac_guard.aws.elasticache.auth
import data.iac_guard.testing
import rego.v1

rg(name, values) := testing.tf_resource("aws_elasticache_replication_group", name, values)

test_group_without_auth_is_denied if {
	auth.deny == {{
		"msg": "ElastiCache replication group aws_elasticache_replication_group.sessions requires no authentication (no auth_token or user_group_ids)",
		"resource": "aws_elasticache_replication_group.sessions",
		"file": "main.tf",
		"attribute": "auth_token",
	}} with input as testing.tf([rg("sessions", {"transit_encryption_enabled": true})])
}

test_terraform_forms if {
	testing.addresses(auth.deny) == {"aws_elasticache_replication_group.empty", "aws_elasticache_replication_group.nulls"} with input as testing.tf([
		rg("empty", {"auth_token": "", "user_group_ids": []}),
		rg("nulls", {"auth_token": null, "user_group_ids": null}),
		rg("token", {"auth_token": testing.unknown("var.token")}),
		rg("rbac", {"user_group_ids": [testing.unknown("aws_elasticache_user_group.app.id")]}),
		rg("rbac_var", {"user_group_ids": testing.unknown("var.groups")}),
	])
}

test_cloudformation_forms if {
	testing.located(auth.deny) == {["Missing", "AuthToken"], ["Empty", "AuthToken"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Missing", {}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Empty", {"AuthToken": "", "UserGroupIds": []}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Token", {"AuthToken": "{{resolve:secretsmanager:redis:SecretString:token}}"}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Rbac", {"UserGroupIds": [{"Ref": "Users"}]}),
	])
}
