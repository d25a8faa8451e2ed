package iac_guard.aws.apigateway.execution_logging_test

import data.iac_guard.aws.apigateway.execution_logging
import data.iac_guard.testing
import rego.v1

stage(name) := testing.tf_resource("aws_api_gateway_stage", name, {"stage_name": name})

settings(name, stage_name, level) := testing.tf_resource("aws_api_gateway_method_settings", name, {
	"stage_name": stage_name,
	"method_path": "*/*",
	"settings": [{"logging_level": level, "metrics_enabled": true}],
})

test_stage_without_method_settings_is_denied if {
	execution_logging.deny == {{
		"msg": "API Gateway stage aws_api_gateway_stage.prod has no execution logging (no method settings with logging_level ERROR or INFO)",
		"resource": "aws_api_gateway_stage.prod",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([stage("prod")])
}

test_terraform_forms if {
	testing.addresses(execution_logging.deny) == {"aws_api_gateway_stage.off", "aws_api_gateway_stage.nolevel"} with input as testing.tf([
		stage("off"),
		stage("nolevel"),
		stage("byref"),
		stage("byname"),
		stage("info"),
		settings("off", testing.unknown("aws_api_gateway_stage.off.stage_name"), "OFF"),
		testing.tf_resource("aws_api_gateway_method_settings", "nolevel", {"stage_name": "nolevel", "settings": [{"metrics_enabled": true}]}),
		settings("byref", testing.unknown("aws_api_gateway_stage.byref.stage_name"), "ERROR"),
		settings("byname", "byname", "error"),
		settings("info", "info", testing.unknown("var.level")),
	])
}

test_settings_for_an_unknown_stage_cover_all if {
	count(execution_logging.deny) == 0 with input as testing.tf([stage("a"), settings("s", testing.unknown("var.stage"), "INFO")])
}

test_cloudformation_forms if {
	testing.located(execution_logging.deny) == {["Missing", "MethodSettings"], ["Off", "MethodSettings"], ["Deployment", "StageDescription"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ApiGateway::Stage", "Missing", {}),
		testing.cfn_resource("AWS::ApiGateway::Stage", "Off", {"MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "LoggingLevel": "OFF"}]}),
		testing.cfn_resource("AWS::ApiGateway::Stage", "Error", {"MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "LoggingLevel": "ERROR"}]}),
		testing.cfn_resource("AWS::ApiGateway::Stage", "Param", {"MethodSettings": [{"LoggingLevel": {"Ref": "Level"}}]}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "Deployment", {"StageName": "prod"}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "Described", {"StageName": "prod", "StageDescription": {"LoggingLevel": "INFO"}}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "Methods", {"StageName": "prod", "StageDescription": {"MethodSettings": [{"LoggingLevel": "ERROR"}]}}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "NoStage", {"RestApiId": {"Ref": "Api"}}),
	])
}

test_sam_forms if {
	testing.located(execution_logging.deny) == {["SamApi", "MethodSettings"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Serverless::Api", "SamApi", {"StageName": "prod"}),
		testing.cfn_resource("AWS::Serverless::Api", "SamLogged", {"MethodSettings": [{"LoggingLevel": "INFO", "ResourcePath": "/*", "HttpMethod": "*"}]}),
	])
}
