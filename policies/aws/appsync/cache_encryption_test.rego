package iac_guard.aws.appsync.cache_encryption_test

import data.iac_guard.aws.appsync.cache_encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_cache_is_denied if {
	cache_encryption.deny == {
		{
			"msg": "AppSync API cache aws_appsync_api_cache.a is not encrypted at rest",
			"resource": "aws_appsync_api_cache.a",
			"file": "main.tf",
			"attribute": "at_rest_encryption_enabled",
		},
		{
			"msg": "AppSync API cache aws_appsync_api_cache.a is not encrypted in transit",
			"resource": "aws_appsync_api_cache.a",
			"file": "main.tf",
			"attribute": "transit_encryption_enabled",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_appsync_api_cache", "a", {"transit_encryption_enabled": false}),
		testing.tf_resource("aws_appsync_api_cache", "b", {"at_rest_encryption_enabled": true, "transit_encryption_enabled": "true"}),
		testing.tf_resource("aws_appsync_api_cache", "c", {"at_rest_encryption_enabled": testing.unknown("var.x"), "transit_encryption_enabled": true}),
	])
}

test_cloudformation_unencrypted_cache_is_denied if {
	testing.located(cache_encryption.deny) == {["A", "TransitEncryptionEnabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::AppSync::ApiCache", "A", {"AtRestEncryptionEnabled": true, "TransitEncryptionEnabled": "false"}),
		testing.cfn_resource("AWS::AppSync::ApiCache", "B", {"AtRestEncryptionEnabled": true, "TransitEncryptionEnabled": true}),
	])
}
