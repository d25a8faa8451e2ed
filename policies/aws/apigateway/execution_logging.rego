# METADATA
# title: API Gateway REST stage has no execution logging
# description: >-
#   Execution logs record API Gateway's own processing of each request (authorizer
#   results, integration errors, throttling); without them at ERROR or INFO level failures
#   and attacks on a REST API leave no trace in CloudWatch Logs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
# custom:
#   id: IAC-AWS-APIGATEWAY-002
#   severity: low
#   remediation: >-
#     Terraform: add an `aws_api_gateway_method_settings` for the stage (`stage_name =
#     aws_api_gateway_stage.x.stage_name`, `method_path = "*/*"`) with `settings {
#     logging_level = "ERROR" }` (or `"INFO"`). CloudFormation: add a `MethodSettings` entry
#     with `ResourcePath: "/*"`, `HttpMethod: "*"` and `LoggingLevel: ERROR` to the
#     `AWS::ApiGateway::Stage` (or `StageDescription.LoggingLevel` on a deployment that
#     creates its stage).
#   frameworks: [AWS-FSBP-APIGateway.1]
#   forms:
#     - 'Terraform `aws_api_gateway_stage`: no `aws_api_gateway_method_settings` whose `stage_name` references the stage (or equals its literal name) with `settings.logging_level` ERROR or INFO; method settings with `logging_level = "OFF"` or without one do not count'
#     - 'CloudFormation `AWS::ApiGateway::Stage` and SAM `AWS::Serverless::Api`: no `MethodSettings` entry with `LoggingLevel` ERROR or INFO (absent, OFF)'
#     - 'CloudFormation `AWS::ApiGateway::Deployment` with `StageName`: neither `StageDescription.LoggingLevel` nor a `StageDescription.MethodSettings` entry at ERROR or INFO'
#   not_flagged:
#     - 'WebSocket stages (`aws_apigatewayv2_stage` `default_route_settings.logging_level`): telling WebSocket from HTTP APIs needs the API resource, and HTTP APIs have no execution logs.'
#     - Method settings whose stage or logging level is unknown count as logging; settings that cover only some methods count for the whole stage.
package iac_guard.aws.apigateway.execution_logging

import data.iac_guard.lib
import rego.v1

logging(level) if {
	is_string(level)
	upper(level) in {"ERROR", "INFO"}
}

logging(level) if lib.is_unknown(level)

# Stages (by reference key, or by literal stage name) with execution logging on.
logged contains key if {
	some m in lib.resources("aws_api_gateway_method_settings")
	settings := lib.block(m.values, "settings")
	is_string_or_unknown(settings.logging_level)
	logging(settings.logging_level)
	some key in lib.pointer_keys(m, m.values.stage_name)
}

logged contains key if {
	some m in lib.resources("aws_api_gateway_method_settings")
	lib.is_unknown(m.values.settings)
	some key in lib.pointer_keys(m, m.values.stage_name)
}

is_string_or_unknown(v) if is_string(v)

is_string_or_unknown(v) if lib.is_unknown(v)

stages := {lib.address_key(r) | some r in lib.managed("aws_api_gateway_stage")}

# Method settings for a stage the scan cannot name (a variable) may cover any stage.
default unknown_settings := false

unknown_settings if {
	some m in lib.resources("aws_api_gateway_method_settings")
	lib.is_unknown(m.values.stage_name)
	some key in lib.pointer_keys(m, m.values.stage_name)
	not stages[key]
}

deny contains result if {
	lib.is_terraform
	not unknown_settings
	some r in lib.managed("aws_api_gateway_stage")
	not lib.pointed_at(r, logged, "stage_name")
	result := lib.finding(r, sprintf("API Gateway stage %s has no execution logging (no method settings with logging_level ERROR or INFO)", [r.address]), "")
}

cfn_logging(settings) if {
	some s in lib.items(settings)
	is_string_or_unknown(s.LoggingLevel)
	logging(s.LoggingLevel)
}

cfn_logging(settings) if lib.is_unknown(settings)

cfn_logging(settings) if {
	some s in lib.items(settings)
	lib.is_unknown(s)
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::ApiGateway::Stage", "AWS::Serverless::Api"]
	some r in lib.resources(rtype)
	not cfn_logging(object.get(r.values, "MethodSettings", []))
	result := lib.finding(r, sprintf("API Gateway stage %s has no execution logging (no MethodSettings with LoggingLevel ERROR or INFO)", [r.address]), "MethodSettings")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ApiGateway::Deployment")
	r.values.StageName != null
	r.values.StageName != ""
	not lib.is_unknown(r.values.StageDescription)
	description := lib.block_or_empty(r.values, "StageDescription")
	not cfn_logging(object.get(description, "MethodSettings", []))
	not cfn_logging([description])
	result := lib.finding(r, sprintf("API Gateway deployment %s creates a stage without execution logging", [r.address]), "StageDescription")
}
