# METADATA
# title: API Gateway REST stage has no X-Ray tracing
# description: >-
#   Without active X-Ray tracing, requests through the API cannot be followed into the
#   backend services, so latency spikes, errors and unexpected call paths are hard to
#   investigate.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html
# custom:
#   id: IAC-AWS-APIGATEWAY-003
#   severity: low
#   remediation: >-
#     Terraform: set `xray_tracing_enabled = true` on the `aws_api_gateway_stage`.
#     CloudFormation: set `TracingEnabled: true` on the `AWS::ApiGateway::Stage` (or
#     `StageDescription.TracingEnabled` on a deployment that creates its stage).
#   frameworks: [AWS-FSBP-APIGateway.3]
#   forms:
#     - 'Terraform `aws_api_gateway_stage.xray_tracing_enabled`: absent, false, "false"'
#     - 'CloudFormation `AWS::ApiGateway::Stage` (and SAM `AWS::Serverless::Api`) `TracingEnabled` and `AWS::ApiGateway::Deployment` (with `StageName`) `StageDescription.TracingEnabled`: absent, false, "false"'
#   not_flagged:
#     - HTTP and WebSocket APIs (v2 stages), which do not support X-Ray tracing.
#     - 'Deployments that create their stage in Terraform (`stage_name` on `aws_api_gateway_deployment`): IAC-AWS-APIGATEWAY-001 already reports them.'
#     - Unknown values.
package iac_guard.aws.apigateway.xray_tracing

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_api_gateway_stage")
	lib.false_or_missing(r.values, "xray_tracing_enabled")
	result := lib.finding(r, sprintf("API Gateway stage %s does not enable X-Ray tracing", [r.address]), "xray_tracing_enabled")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::ApiGateway::Stage", "AWS::Serverless::Api"]
	some r in lib.resources(rtype)
	lib.false_or_missing(r.values, "TracingEnabled")
	result := lib.finding(r, sprintf("API Gateway stage %s does not enable X-Ray tracing", [r.address]), "TracingEnabled")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ApiGateway::Deployment")
	r.values.StageName != null
	r.values.StageName != ""
	not lib.is_unknown(r.values.StageDescription)
	lib.false_or_missing(lib.block_or_empty(r.values, "StageDescription"), "TracingEnabled")
	result := lib.finding(r, sprintf("API Gateway deployment %s creates a stage without X-Ray tracing", [r.address]), "StageDescription.TracingEnabled")
}
