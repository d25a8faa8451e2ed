package iac_guard.aws.apigateway.domain_tls_test

import data.iac_guard.aws.apigateway.domain_tls
import data.iac_guard.testing
import rego.v1

test_tls_1_0_domain_is_denied if {
	domain_tls.deny == {{
		"msg": "API Gateway domain aws_api_gateway_domain_name.api accepts TLS 1.0 (security_policy is not TLS_1_2)",
		"resource": "aws_api_gateway_domain_name.api",
		"file": "main.tf",
		"attribute": "security_policy",
	}} with input as testing.tf([testing.tf_resource("aws_api_gateway_domain_name", "api", {"domain_name": "api.example.com", "security_policy": "TLS_1_0"})])
}

test_terraform_forms if {
	testing.located(domain_tls.deny) == {["aws_api_gateway_domain_name.missing", "security_policy"], ["aws_apigatewayv2_domain_name.old", "domain_name_configuration.0.security_policy"]} with input as testing.tf([
		testing.tf_resource("aws_api_gateway_domain_name", "missing", {"domain_name": "a.example.com"}),
		testing.tf_resource("aws_api_gateway_domain_name", "tls12", {"security_policy": "TLS_1_2"}),
		testing.tf_resource("aws_api_gateway_domain_name", "tls13", {"security_policy": "SecurityPolicy_TLS13_1_3_2025_09"}),
		testing.tf_resource("aws_api_gateway_domain_name", "var", {"security_policy": testing.unknown("var.policy")}),
		testing.tf_resource("aws_apigatewayv2_domain_name", "old", {"domain_name_configuration": [{"security_policy": "tls_1_0"}]}),
		testing.tf_resource("aws_apigatewayv2_domain_name", "new", {"domain_name_configuration": [{"security_policy": "TLS_1_2"}]}),
	])
}

test_cloudformation_forms if {
	testing.located(domain_tls.deny) == {["Missing", "SecurityPolicy"], ["Old", "SecurityPolicy"], ["V2", "DomainNameConfigurations.0.SecurityPolicy"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ApiGateway::DomainName", "Missing", {"DomainName": "a.example.com"}),
		testing.cfn_resource("AWS::ApiGateway::DomainName", "Old", {"SecurityPolicy": "TLS_1_0"}),
		testing.cfn_resource("AWS::ApiGateway::DomainName", "New", {"SecurityPolicy": "TLS_1_2"}),
		testing.cfn_resource("AWS::ApiGateway::DomainName", "Param", {"SecurityPolicy": {"Ref": "Policy"}}),
		testing.cfn_resource("AWS::ApiGatewayV2::DomainName", "V2", {"DomainNameConfigurations": [{"SecurityPolicy": "TLS_1_0"}]}),
		testing.cfn_resource("AWS::ApiGatewayV2::DomainName", "V2New", {"DomainNameConfigurations": [{"SecurityPolicy": "TLS_1_2"}]}),
	])
}
