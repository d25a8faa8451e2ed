# METADATA
# title: AppSync GraphQL API does not log resolver activity
# description: >-
#   Without a log configuration, or with the field log level NONE, an AppSync API records
#   no resolver-level activity: unauthorised queries, resolver errors and data access
#   cannot be traced.
# related_resources:
#   - ref: https://docs.aws.amazon.com/appsync/latest/devguide/monitoring.html#setup-and-configuration
# custom:
#   id: IAC-AWS-APPSYNC-001
#   severity: low
#   remediation: >-
#     Add `log_config { cloudwatch_logs_role_arn = ... field_log_level = "ERROR" }` (or
#     `ALL`, `INFO`, `DEBUG`) to the `aws_appsync_graphql_api` (CloudFormation
#     `LogConfig.FieldLogLevel` and `CloudWatchLogsRoleArn` on `AWS::AppSync::GraphQLApi`).
#   frameworks: [AWS-FSBP-AppSync.2]
#   forms:
#     - 'Terraform `log_config { field_log_level }`, CloudFormation `LogConfig.FieldLogLevel`: the configuration absent, or the level absent, null or NONE in any case'
#   not_flagged:
#     - 'A level or configuration that cannot be resolved'
package iac_guard.aws.appsync.logging

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_appsync_graphql_api")
	not lib.is_unknown(r.values.log_config)
	silent(lib.block_or_empty(r.values, "log_config"), "field_log_level")
	result := lib.finding(r, sprintf("AppSync GraphQL API %s does not log resolver activity", [r.address]), "log_config")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::AppSync::GraphQLApi")
	not lib.is_unknown(r.values.LogConfig)
	config := object.get(r.values, "LogConfig", {})
	is_object(config)
	silent(config, "FieldLogLevel")
	result := lib.finding(r, sprintf("AppSync GraphQL API %s does not log resolver activity", [r.address]), "LogConfig")
}

silent(config, key) if not lib.has_key(config, key)

silent(config, key) if config[key] == null

silent(config, key) if lib.lowercase(config[key]) == "none"
