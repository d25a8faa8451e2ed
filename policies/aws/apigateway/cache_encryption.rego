# METADATA
# title: API Gateway response cache is not encrypted
# description: >-
#   When caching is on for a REST API stage's methods, API Gateway stores responses (which
#   may hold personal data or tokens) in the stage cache; without cache encryption they are
#   kept unencrypted at rest.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
# custom:
#   id: IAC-AWS-APIGATEWAY-006
#   severity: medium
#   remediation: >-
#     Terraform: set `settings { cache_data_encrypted = true }` on every
#     `aws_api_gateway_method_settings` that sets `caching_enabled = true`. CloudFormation:
#     set `CacheDataEncrypted: true` on each `MethodSettings` entry with `CachingEnabled:
#     true` of the `AWS::ApiGateway::Stage` (and in `StageDescription` of a deployment that
#     creates its stage).
#   frameworks: [AWS-FSBP-APIGateway.5]
#   forms:
#     - 'Terraform `aws_api_gateway_method_settings`: `settings.caching_enabled` true / "true" with `cache_data_encrypted` absent, false or "false"'
#     - 'CloudFormation `AWS::ApiGateway::Stage` (and SAM `AWS::Serverless::Api`) `MethodSettings[]` and `AWS::ApiGateway::Deployment` `StageDescription` (its own `CachingEnabled` / `CacheDataEncrypted` and its `MethodSettings[]`): `CachingEnabled` true with `CacheDataEncrypted` absent or false'
#   not_flagged:
#     - Method settings that do not turn caching on (nothing is cached), and unknown values.
package iac_guard.aws.apigateway.cache_encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_api_gateway_method_settings")
	settings := lib.block(r.values, "settings")
	lib.is_true(settings.caching_enabled)
	lib.false_or_missing(settings, "cache_data_encrypted")
	result := lib.finding(r, sprintf("API Gateway method settings %s cache responses unencrypted", [r.address]), "settings.0.cache_data_encrypted")
}

unencrypted(s) if {
	lib.is_true(s.CachingEnabled)
	lib.false_or_missing(s, "CacheDataEncrypted")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::ApiGateway::Stage", "AWS::Serverless::Api"]
	some r in lib.resources(rtype)
	some i, s in lib.items(r.values.MethodSettings)
	unencrypted(s)
	result := lib.finding(r, sprintf("API Gateway stage %s caches responses unencrypted", [r.address]), sprintf("MethodSettings.%d.CacheDataEncrypted", [i]))
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ApiGateway::Deployment")
	description := lib.block(r.values, "StageDescription")
	unencrypted(description)
	result := lib.finding(r, sprintf("API Gateway deployment %s caches responses unencrypted", [r.address]), "StageDescription.CacheDataEncrypted")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ApiGateway::Deployment")
	description := lib.block(r.values, "StageDescription")
	some i, s in lib.items(description.MethodSettings)
	unencrypted(s)
	result := lib.finding(r, sprintf("API Gateway deployment %s caches responses unencrypted", [r.address]), sprintf("StageDescription.MethodSettings.%d.CacheDataEncrypted", [i]))
}
