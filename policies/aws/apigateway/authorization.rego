# METADATA
# title: API Gateway method or route has no authorization
# description: >-
#   A method or route with authorization NONE can be called by anyone who knows the URL.
#   API keys are not a substitute: AWS documents them for usage plans and throttling, not
#   for authentication.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html
# custom:
#   id: IAC-AWS-APIGATEWAY-004
#   severity: medium
#   remediation: >-
#     Terraform: set `authorization` to `AWS_IAM`, `CUSTOM` or `COGNITO_USER_POOLS` (with an
#     `authorizer_id`) on the `aws_api_gateway_method`, and `authorization_type` to
#     `AWS_IAM`, `JWT` or `CUSTOM` on the `aws_apigatewayv2_route`. CloudFormation: set
#     `AuthorizationType` on the `AWS::ApiGateway::Method` / `AWS::ApiGatewayV2::Route`.
#     Intentionally public endpoints should be waived with a reason.
#   frameworks: [AWS-FSBP-APIGateway.8]
#   forms:
#     - 'Terraform `aws_api_gateway_method.authorization`: "NONE" (any case)'
#     - 'Terraform `aws_apigatewayv2_route.authorization_type`: absent (NONE), null, "NONE"'
#     - 'CloudFormation `AWS::ApiGateway::Method` and `AWS::ApiGatewayV2::Route` `AuthorizationType`: absent (NONE), "NONE"'
#   not_flagged:
#     - OPTIONS methods and `OPTIONS /...` routes (CORS preflight requests never carry credentials).
#     - 'Routes that cannot take an authorizer: WebSocket `$disconnect`, `$default` and message routes (only `$connect` is checked among `$`-routes and route keys without a method).'
#     - 'A method with `api_key_required = true` is still flagged: an API key identifies a caller for throttling, it does not authenticate.'
#     - Unknown authorization types, methods and route keys.
package iac_guard.aws.apigateway.authorization

import data.iac_guard.lib
import rego.v1

none(values, key) if not lib.has_key(values, key)

none(values, key) if values[key] == null

none(values, key) if lib.lowercase(values[key]) == "none"

not_preflight(method) if {
	is_string(method)
	upper(method) != "OPTIONS"
}

# HTTP API route keys are "METHOD /path" or "$default"; WebSocket keys are "$connect",
# "$disconnect", "$default" or a message route. Only "$connect" and HTTP routes (other
# than OPTIONS) can carry an authorizer.
authorizable_route(key) if key == "$connect"

authorizable_route(key) if {
	is_string(key)
	parts := split(key, " ")
	count(parts) == 2
	not_preflight(parts[0])
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_api_gateway_method")
	lib.lowercase(r.values.authorization) == "none"
	not_preflight(r.values.http_method)
	result := lib.finding(r, sprintf("API Gateway method %s requires no authorization", [r.address]), "authorization")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_apigatewayv2_route")
	none(r.values, "authorization_type")
	authorizable_route(r.values.route_key)
	result := lib.finding(r, sprintf("API Gateway route %s (%s) requires no authorization", [r.address, r.values.route_key]), "authorization_type")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ApiGateway::Method")
	none(r.values, "AuthorizationType")
	not_preflight(r.values.HttpMethod)
	result := lib.finding(r, sprintf("API Gateway method %s requires no authorization", [r.address]), "AuthorizationType")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ApiGatewayV2::Route")
	none(r.values, "AuthorizationType")
	authorizable_route(r.values.RouteKey)
	result := lib.finding(r, sprintf("API Gateway route %s (%s) requires no authorization", [r.address, r.values.RouteKey]), "AuthorizationType")
}
