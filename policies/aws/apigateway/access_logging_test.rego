package iac_guard.aws.apigateway.access_logging_test

import data.iac_guard.aws.apigateway.access_logging
import data.iac_guard.testing
import rego.v1

test_stage_without_access_logs_is_denied if {
	access_logging.deny == {{
		"msg": "API Gateway stage aws_api_gateway_stage.prod has no access logging",
		"resource": "aws_api_gateway_stage.prod",
		"file": "main.tf",
		"attribute": "access_log_settings",
	}} with input as testing.tf([testing.tf_resource("aws_api_gateway_stage", "prod", {"stage_name": "prod"})])
}

test_terraform_forms if {
	testing.located(access_logging.deny) == {
		["aws_apigatewayv2_stage.http", "access_log_settings"],
		["aws_api_gateway_stage.empty", "access_log_settings"],
		["aws_api_gateway_deployment.legacy", "stage_name"],
	} with input as testing.tf([
		testing.tf_resource("aws_apigatewayv2_stage", "http", {"name": "$default"}),
		testing.tf_resource("aws_api_gateway_stage", "empty", {"access_log_settings": [{"destination_arn": "", "format": "$context.requestId"}]}),
		testing.tf_resource("aws_api_gateway_deployment", "legacy", {"stage_name": "prod"}),
		testing.tf_resource("aws_api_gateway_deployment", "modern", {"rest_api_id": testing.unknown("aws_api_gateway_rest_api.api.id")}),
		testing.tf_resource("aws_api_gateway_deployment", "blank", {"stage_name": ""}),
		testing.tf_resource("aws_api_gateway_stage", "logged", {"access_log_settings": [{"destination_arn": testing.unknown("aws_cloudwatch_log_group.api.arn")}]}),
		testing.tf_resource("aws_apigatewayv2_stage", "logged", {"access_log_settings": [{"destination_arn": "arn:aws:logs:eu-west-1:1:log-group:api"}]}),
		testing.tf_resource("aws_apigatewayv2_stage", "dynamic", {"access_log_settings": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(access_logging.deny) == {["Stage", "AccessLogSetting"], ["Http", "AccessLogSettings"], ["Deployment", "StageDescription.AccessLogSetting"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ApiGateway::Stage", "Stage", {"StageName": "prod"}),
		testing.cfn_resource("AWS::ApiGatewayV2::Stage", "Http", {"AccessLogSettings": {"Format": "x"}}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "Deployment", {"StageName": "prod", "StageDescription": {"TracingEnabled": true}}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "NoStage", {"RestApiId": {"Ref": "Api"}}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "LoggedDeployment", {"StageName": "prod", "StageDescription": {"AccessLogSetting": {"DestinationArn": {"Fn::GetAtt": ["Logs", "Arn"]}}}}),
		testing.cfn_resource("AWS::ApiGateway::Stage", "Logged", {"AccessLogSetting": {"DestinationArn": {"Fn::GetAtt": ["Logs", "Arn"]}, "Format": "$context.requestId"}}),
		testing.cfn_resource("AWS::ApiGatewayV2::Stage", "HttpLogged", {"AccessLogSettings": {"DestinationArn": "arn:aws:logs:eu-west-1:1:log-group:api"}}),
	])
}

test_sam_forms if {
	testing.located(access_logging.deny) == {["SamApi", "AccessLogSetting"], ["SamHttp", "AccessLogSettings"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Serverless::Api", "SamApi", {"StageName": "prod"}),
		testing.cfn_resource("AWS::Serverless::HttpApi", "SamHttp", {}),
		testing.cfn_resource("AWS::Serverless::Api", "SamLogged", {"AccessLogSetting": {"DestinationArn": {"Fn::GetAtt": ["Logs", "Arn"]}}}),
		testing.cfn_resource("AWS::Serverless::HttpApi", "SamHttpLogged", {"AccessLogSettings": {"DestinationArn": {"Fn::GetAtt": ["Logs", "Arn"]}}}),
	])
}
