package iac_guard.aws.apigateway.xray_tracing_test

import data.iac_guard.aws.apigateway.xray_tracing
import data.iac_guard.testing
import rego.v1

test_stage_without_tracing_is_denied if {
	xray_tracing.deny == {{
		"msg": "API Gateway stage aws_api_gateway_stage.prod does not enable X-Ray tracing",
		"resource": "aws_api_gateway_stage.prod",
		"file": "main.tf",
		"attribute": "xray_tracing_enabled",
	}} with input as testing.tf([testing.tf_resource("aws_api_gateway_stage", "prod", {})])
}

test_terraform_forms if {
	testing.addresses(xray_tracing.deny) == {"aws_api_gateway_stage.off"} with input as testing.tf([
		testing.tf_resource("aws_api_gateway_stage", "off", {"xray_tracing_enabled": "false"}),
		testing.tf_resource("aws_api_gateway_stage", "on", {"xray_tracing_enabled": true}),
		testing.tf_resource("aws_api_gateway_stage", "var", {"xray_tracing_enabled": testing.unknown("var.xray")}),
		testing.tf_resource("aws_apigatewayv2_stage", "http", {}),
	])
}

test_cloudformation_forms if {
	testing.located(xray_tracing.deny) == {["Stage", "TracingEnabled"], ["Deployment", "StageDescription.TracingEnabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ApiGateway::Stage", "Stage", {"TracingEnabled": false}),
		testing.cfn_resource("AWS::ApiGateway::Stage", "Traced", {"TracingEnabled": "true"}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "Deployment", {"StageName": "prod", "StageDescription": {}}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "TracedDeployment", {"StageName": "prod", "StageDescription": {"TracingEnabled": true}}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "NoStage", {}),
		testing.cfn_resource("AWS::ApiGateway::Stage", "Param", {"TracingEnabled": {"Ref": "Trace"}}),
	])
}

test_sam_forms if {
	testing.located(xray_tracing.deny) == {["SamApi", "TracingEnabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Serverless::Api", "SamApi", {"StageName": "prod"}),
		testing.cfn_resource("AWS::Serverless::Api", "SamTraced", {"TracingEnabled": true}),
	])
}
