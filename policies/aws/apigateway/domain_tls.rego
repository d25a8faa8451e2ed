# METADATA
# title: API Gateway custom domain accepts TLS 1.0
# description: >-
#   The `TLS_1_0` security policy lets clients negotiate TLS 1.0 and 1.1, which have known
#   weaknesses and are deprecated by RFC 8996. Custom domains created without a policy
#   have been given `TLS_1_0`; pin `TLS_1_2` or a newer policy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html
# custom:
#   id: IAC-AWS-APIGATEWAY-005
#   severity: medium
#   remediation: >-
#     Terraform: set `security_policy = "TLS_1_2"` on the `aws_api_gateway_domain_name`
#     (`domain_name_configuration { security_policy = "TLS_1_2" }` on an
#     `aws_apigatewayv2_domain_name`). CloudFormation: set `SecurityPolicy: TLS_1_2` on the
#     `AWS::ApiGateway::DomainName` (`DomainNameConfigurations[].SecurityPolicy` on
#     `AWS::ApiGatewayV2::DomainName`).
#   forms:
#     - 'Terraform `aws_api_gateway_domain_name.security_policy`: absent, null, "" or "TLS_1_0" (any case)'
#     - 'Terraform `aws_apigatewayv2_domain_name` `domain_name_configuration.security_policy`: "TLS_1_0"'
#     - 'CloudFormation `AWS::ApiGateway::DomainName` `SecurityPolicy`: absent or TLS_1_0; `AWS::ApiGatewayV2::DomainName` `DomainNameConfigurations[].SecurityPolicy`: TLS_1_0'
#   not_flagged:
#     - 'The default execute-api endpoints, whose TLS policy cannot be chosen.'
#     - An unknown policy; any policy other than TLS_1_0 (TLS_1_2 and the newer SecurityPolicy_TLS13_* names).
#     - 'A v2 domain configuration without a policy: the provider requires the attribute, and v2 domains default to TLS_1_2.'
package iac_guard.aws.apigateway.domain_tls

import data.iac_guard.lib
import rego.v1

weak(values, key) if not lib.has_key(values, key)

weak(values, key) if values[key] in {null, ""}

weak(values, key) if upper_tls_1_0(values[key])

upper_tls_1_0(value) if lib.lowercase(value) == "tls_1_0"

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_api_gateway_domain_name")
	weak(r.values, "security_policy")
	result := lib.finding(r, sprintf("API Gateway domain %s accepts TLS 1.0 (security_policy is not TLS_1_2)", [r.address]), "security_policy")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_apigatewayv2_domain_name")
	some i, c in lib.items(r.values.domain_name_configuration)
	upper_tls_1_0(c.security_policy)
	result := lib.finding(r, sprintf("API Gateway domain %s accepts TLS 1.0 (security_policy is not TLS_1_2)", [r.address]), sprintf("domain_name_configuration.%d.security_policy", [i]))
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ApiGateway::DomainName")
	weak(r.values, "SecurityPolicy")
	result := lib.finding(r, sprintf("API Gateway domain %s accepts TLS 1.0 (SecurityPolicy is not TLS_1_2)", [r.address]), "SecurityPolicy")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ApiGatewayV2::DomainName")
	some i, c in lib.items(r.values.DomainNameConfigurations)
	upper_tls_1_0(c.SecurityPolicy)
	result := lib.finding(r, sprintf("API Gateway domain %s accepts TLS 1.0 (SecurityPolicy is not TLS_1_2)", [r.address]), sprintf("DomainNameConfigurations.%d.SecurityPolicy", [i]))
}
