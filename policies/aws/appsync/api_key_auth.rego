# METADATA
# title: AppSync GraphQL API accepts API keys
# description: >-
#   An API key is a static shared secret shipped inside client applications: anyone who
#   extracts it calls the API, and calls cannot be tied to a user. Cognito user pools,
#   IAM, OIDC or Lambda authorisers identify the caller.
# related_resources:
#   - ref: https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
# custom:
#   id: IAC-AWS-APPSYNC-002
#   severity: medium
#   remediation: >-
#     Set `authentication_type` and every `additional_authentication_provider`'s
#     `authentication_type` on the `aws_appsync_graphql_api` to `AMAZON_COGNITO_USER_POOLS`,
#     `AWS_IAM`, `OPENID_CONNECT` or `AWS_LAMBDA` (CloudFormation `AuthenticationType`,
#     `AdditionalAuthenticationProviders[].AuthenticationType`).
#   frameworks: [AWS-FSBP-AppSync.5]
#   forms:
#     - 'The primary `authentication_type` (`AuthenticationType`) and each additional provider, Terraform blocks and CloudFormation list entries'
#   not_flagged:
#     - 'Types that cannot be resolved'
package iac_guard.aws.appsync.api_key_auth

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_appsync_graphql_api")
	some at in api_key_paths(r.values, "authentication_type", "additional_authentication_provider", ".")
	result := lib.finding(r, sprintf("AppSync GraphQL API %s accepts API keys", [r.address]), at)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::AppSync::GraphQLApi")
	some at in api_key_paths(r.values, "AuthenticationType", "AdditionalAuthenticationProviders", ".")
	result := lib.finding(r, sprintf("AppSync GraphQL API %s accepts API keys", [r.address]), at)
}

api_key_paths(values, type, additional, _) := {type | api_key(values[type])} | {sprintf("%s.%d.%s", [additional, i, type]) |
	some i, p in lib.items(values[additional])
	is_object(p)
	api_key(p[type])
}

api_key(value) if lib.lowercase(value) == "api_key"
