# METADATA
# title: API Gateway stage has no access logging
# description: >-
#   Without access logs there is no record of who called the API, from where, with which
#   result: abuse, credential stuffing and data scraping go unnoticed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
# custom:
#   id: IAC-AWS-APIGATEWAY-001
#   severity: medium
#   remediation: >-
#     Terraform: set `access_log_settings { destination_arn = aws_cloudwatch_log_group.x.arn,
#     format = ... }` on the `aws_api_gateway_stage` / `aws_apigatewayv2_stage` (and manage
#     REST stages with `aws_api_gateway_stage` rather than the deployment's `stage_name`).
#     CloudFormation: set `AccessLogSetting.DestinationArn` on `AWS::ApiGateway::Stage` (or
#     `StageDescription.AccessLogSetting` on a deployment that creates its stage), and
#     `AccessLogSettings.DestinationArn` on `AWS::ApiGatewayV2::Stage`.
#   frameworks: [AWS-FSBP-APIGateway.9]
#   forms:
#     - 'Terraform REST `aws_api_gateway_stage` and HTTP/WebSocket `aws_apigatewayv2_stage`: `access_log_settings` absent, or its `destination_arn` absent, null or ""'
#     - 'Terraform `aws_api_gateway_deployment` with a `stage_name` (the legacy form that creates the stage itself, with no access log setting)'
#     - 'CloudFormation `AWS::ApiGateway::Stage` `AccessLogSetting.DestinationArn`, `AWS::ApiGatewayV2::Stage` `AccessLogSettings.DestinationArn`, and `AWS::ApiGateway::Deployment` with `StageName` via `StageDescription.AccessLogSetting.DestinationArn`'
#     - 'SAM (untransformed templates): `AWS::Serverless::Api` `AccessLogSetting.DestinationArn` and `AWS::Serverless::HttpApi` `AccessLogSettings.DestinationArn`'
#   not_flagged:
#     - An unknown block or destination.
#     - 'Stages created implicitly by quick-create HTTP APIs (`aws_apigatewayv2_api` with `target`) and the implicit API SAM creates for `AWS::Serverless::Function` events, which the policy does not read.'
package iac_guard.aws.apigateway.access_logging

import data.iac_guard.lib
import rego.v1

no_destination(settings, key) if not lib.has_key(settings, key)

no_destination(settings, key) if settings[key] in {null, ""}

named(value) if {
	value != null
	value != ""
}

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_api_gateway_stage", "aws_apigatewayv2_stage"]
	some r in lib.managed(rtype)
	not lib.block_unknown(r.values, "access_log_settings", "destination_arn")
	no_destination(lib.block_or_empty(r.values, "access_log_settings"), "destination_arn")
	result := lib.finding(r, sprintf("API Gateway stage %s has no access logging", [r.address]), "access_log_settings")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_api_gateway_deployment")
	named(r.values.stage_name)
	result := lib.finding(r, sprintf("API Gateway deployment %s creates stage %v without access logging (use an aws_api_gateway_stage)", [r.address, r.values.stage_name]), "stage_name")
}

deny contains result if {
	lib.is_cloudformation
	some [rtype, key] in [
		["AWS::ApiGateway::Stage", "AccessLogSetting"],
		["AWS::ApiGatewayV2::Stage", "AccessLogSettings"],
		["AWS::Serverless::Api", "AccessLogSetting"],
		["AWS::Serverless::HttpApi", "AccessLogSettings"],
	]
	some r in lib.resources(rtype)
	not lib.block_unknown(r.values, key, "DestinationArn")
	no_destination(lib.block_or_empty(r.values, key), "DestinationArn")
	result := lib.finding(r, sprintf("API Gateway stage %s has no access logging", [r.address]), key)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ApiGateway::Deployment")
	named(r.values.StageName)
	not lib.is_unknown(r.values.StageDescription)
	description := lib.block_or_empty(r.values, "StageDescription")
	not lib.block_unknown(description, "AccessLogSetting", "DestinationArn")
	no_destination(lib.block_or_empty(description, "AccessLogSetting"), "DestinationArn")
	result := lib.finding(r, sprintf("API Gateway deployment %s creates a stage without access logging", [r.address]), "StageDescription.AccessLogSetting")
}
