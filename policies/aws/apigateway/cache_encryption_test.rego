package iac_guard.aws.apigateway.cache_encryption_test

import data.iac_guard.aws.apigateway.cache_encryption
import data.iac_guard.testing
import rego.v1

settings(name, s) := testing.tf_resource("aws_api_gateway_method_settings", name, {"method_path": "*/*", "settings": [s]})

test_unencrypted_cache_is_denied if {
	cache_encryption.deny == {{
		"msg": "API Gateway method settings aws_api_gateway_method_settings.all cache responses unencrypted",
		"resource": "aws_api_gateway_method_settings.all",
		"file": "main.tf",
		"attribute": "settings.0.cache_data_encrypted",
	}} with input as testing.tf([settings("all", {"caching_enabled": true})])
}

test_terraform_forms if {
	testing.addresses(cache_encryption.deny) == {"aws_api_gateway_method_settings.off"} with input as testing.tf([
		settings("off", {"caching_enabled": "true", "cache_data_encrypted": "false"}),
		settings("encrypted", {"caching_enabled": true, "cache_data_encrypted": true}),
		settings("no_cache", {"caching_enabled": false}),
		settings("logging_only", {"logging_level": "ERROR"}),
		settings("var", {"caching_enabled": true, "cache_data_encrypted": testing.unknown("var.enc")}),
		settings("cache_var", {"caching_enabled": testing.unknown("var.cache")}),
	])
}

test_cloudformation_forms if {
	testing.located(cache_encryption.deny) == {["Stage", "MethodSettings.1.CacheDataEncrypted"], ["Deployment", "StageDescription.CacheDataEncrypted"], ["Methods", "StageDescription.MethodSettings.0.CacheDataEncrypted"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ApiGateway::Stage", "Stage", {"CacheClusterEnabled": true, "MethodSettings": [{"LoggingLevel": "ERROR"}, {"CachingEnabled": true}]}),
		testing.cfn_resource("AWS::ApiGateway::Stage", "Encrypted", {"MethodSettings": [{"CachingEnabled": true, "CacheDataEncrypted": true}]}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "Deployment", {"StageName": "prod", "StageDescription": {"CachingEnabled": "true", "CacheDataEncrypted": false}}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "Methods", {"StageName": "prod", "StageDescription": {"MethodSettings": [{"CachingEnabled": true}]}}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "Fine", {"StageName": "prod", "StageDescription": {"CachingEnabled": true, "CacheDataEncrypted": true}}),
		testing.cfn_resource("AWS::ApiGateway::Stage", "Param", {"MethodSettings": [{"CachingEnabled": true, "CacheDataEncrypted": {"Ref": "Enc"}}]}),
	])
}

test_sam_forms if {
	testing.located(cache_encryption.deny) == {["SamApi", "MethodSettings.0.CacheDataEncrypted"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Serverless::Api", "SamApi", {"CacheClusterEnabled": true, "MethodSettings": [{"CachingEnabled": true}]}),
		testing.cfn_resource("AWS::Serverless::Api", "SamEncrypted", {"MethodSettings": [{"CachingEnabled": true, "CacheDataEncrypted": true}]}),
	])
}
