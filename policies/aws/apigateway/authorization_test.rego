package iac_guard.aws.apigateway.authorization_test

import data.iac_guard.aws.apigateway.authorization
import data.iac_guard.testing
import rego.v1

method(name, http_method, auth) := testing.tf_resource("aws_api_gateway_method", name, {"http_method": http_method, "authorization": auth})

route(name, values) := testing.tf_resource("aws_apigatewayv2_route", name, values)

test_open_method_is_denied if {
	authorization.deny == {{
		"msg": "API Gateway method aws_api_gateway_method.get requires no authorization",
		"resource": "aws_api_gateway_method.get",
		"file": "main.tf",
		"attribute": "authorization",
	}} with input as testing.tf([method("get", "GET", "NONE")])
}

test_terraform_forms if {
	testing.addresses(authorization.deny) == {
		"aws_api_gateway_method.lower", "aws_api_gateway_method.keyed",
		"aws_apigatewayv2_route.default_type", "aws_apigatewayv2_route.none", "aws_apigatewayv2_route.connect",
	} with input as testing.tf([
		method("lower", "ANY", "none"),
		testing.tf_resource("aws_api_gateway_method", "keyed", {"http_method": "POST", "authorization": "NONE", "api_key_required": true}),
		method("iam", "GET", "AWS_IAM"),
		method("cors", "OPTIONS", "NONE"),
		method("var", "GET", testing.unknown("var.auth")),
		method("method_var", testing.unknown("var.method"), "NONE"),
		route("default_type", {"route_key": "GET /items"}),
		route("none", {"route_key": "POST /items", "authorization_type": "NONE"}),
		route("connect", {"route_key": "$connect"}),
		route("jwt", {"route_key": "GET /me", "authorization_type": "JWT", "authorizer_id": testing.unknown("aws_apigatewayv2_authorizer.jwt.id")}),
		route("preflight", {"route_key": "OPTIONS /items"}),
		route("disconnect", {"route_key": "$disconnect"}),
		route("message", {"route_key": "sendMessage"}),
		route("http_default", {"route_key": "$default"}),
		route("var", {"route_key": "GET /x", "authorization_type": testing.unknown("var.auth")}),
	])
}

test_cloudformation_forms if {
	testing.located(authorization.deny) == {["Missing", "AuthorizationType"], ["None", "AuthorizationType"], ["Route", "AuthorizationType"], ["Connect", "AuthorizationType"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ApiGateway::Method", "Missing", {"HttpMethod": "GET"}),
		testing.cfn_resource("AWS::ApiGateway::Method", "None", {"HttpMethod": "POST", "AuthorizationType": "NONE"}),
		testing.cfn_resource("AWS::ApiGateway::Method", "Cors", {"HttpMethod": "OPTIONS", "AuthorizationType": "NONE"}),
		testing.cfn_resource("AWS::ApiGateway::Method", "Cognito", {"HttpMethod": "GET", "AuthorizationType": "COGNITO_USER_POOLS"}),
		testing.cfn_resource("AWS::ApiGateway::Method", "Param", {"HttpMethod": "GET", "AuthorizationType": {"Ref": "Auth"}}),
		testing.cfn_resource("AWS::ApiGatewayV2::Route", "Route", {"RouteKey": "GET /items"}),
		testing.cfn_resource("AWS::ApiGatewayV2::Route", "Connect", {"RouteKey": "$connect", "AuthorizationType": "NONE"}),
		testing.cfn_resource("AWS::ApiGatewayV2::Route", "Iam", {"RouteKey": "GET /items", "AuthorizationType": "AWS_IAM"}),
		testing.cfn_resource("AWS::ApiGatewayV2::Route", "Message", {"RouteKey": "$default"}),
	])
}
