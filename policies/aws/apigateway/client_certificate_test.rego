package iac_guard.aws.apigateway.client_certificate_test

import data.iac_guard.aws.apigateway.client_certificate
import data.iac_guard.testing
import rego.v1

test_stage_without_certificate_is_denied if {
	client_certificate.deny == {{
		"msg": "API Gateway stage aws_api_gateway_stage.prod has no client certificate for its backend",
		"resource": "aws_api_gateway_stage.prod",
		"file": "main.tf",
		"attribute": "client_certificate_id",
	}} with input as testing.tf([testing.tf_resource("aws_api_gateway_stage", "prod", {})])
}

test_terraform_forms if {
	testing.addresses(client_certificate.deny) == {"aws_api_gateway_stage.empty"} with input as testing.tf([
		testing.tf_resource("aws_api_gateway_stage", "empty", {"client_certificate_id": ""}),
		testing.tf_resource("aws_api_gateway_stage", "cert", {"client_certificate_id": testing.unknown("aws_api_gateway_client_certificate.c.id")}),
		testing.tf_resource("aws_apigatewayv2_stage", "http", {}),
	])
}

test_cloudformation_forms if {
	testing.located(client_certificate.deny) == {["Stage", "ClientCertificateId"], ["Deployment", "StageDescription.ClientCertificateId"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ApiGateway::Stage", "Stage", {}),
		testing.cfn_resource("AWS::ApiGateway::Stage", "Cert", {"ClientCertificateId": {"Ref": "Cert"}}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "Deployment", {"StageName": "prod"}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "CertDeployment", {"StageName": "prod", "StageDescription": {"ClientCertificateId": {"Ref": "Cert"}}}),
		testing.cfn_resource("AWS::ApiGateway::Deployment", "NoStage", {}),
	])
}
