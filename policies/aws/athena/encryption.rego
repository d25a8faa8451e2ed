# METADATA
# title: Athena workgroup does not encrypt query results
# description: >-
#   Query results are written to S3 as plain CSV: whatever the query selected (customer
#   records, joined tables) lands in the results bucket. Without an encryption
#   configuration they are protected only by the bucket's own default.
# related_resources:
#   - ref: https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html
# custom:
#   id: IAC-AWS-ATHENA-001
#   severity: medium
#   remediation: >-
#     Set `configuration { result_configuration { encryption_configuration {
#     encryption_option = "SSE_KMS" kms_key_arn = ... } } }` on the `aws_athena_workgroup`
#     (CloudFormation
#     `WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption`).
#   frameworks: [AWS-FSBP-Athena.1]
#   forms:
#     - 'Terraform `configuration` / `result_configuration` / `encryption_configuration` blocks, any of them absent; CloudFormation `WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration`'
#     - '`encryption_option` absent, null or ""'
#   not_flagged:
#     - 'Workgroups on Athena managed query results (`managed_query_results_configuration { enabled = true }`, CloudFormation `ManagedQueryResultsConfiguration.Enabled`), which Athena encrypts itself'
#     - 'Configurations that cannot be resolved'
package iac_guard.aws.athena.encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_athena_workgroup")
	config := lib.block_or_empty(r.values, "configuration")
	not lib.is_unknown(r.values.configuration)
	not lib.is_true(lib.block(config, "managed_query_results_configuration").enabled)
	not encrypted(config, ["result_configuration", "encryption_configuration"], "encryption_option")
	result := lib.finding(r, sprintf("Athena workgroup %s does not encrypt query results", [r.address]), "configuration")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Athena::WorkGroup")
	config := object.get(r.values, "WorkGroupConfiguration", {})
	not lib.is_unknown(config)
	not lib.is_true(config.ManagedQueryResultsConfiguration.Enabled)
	not encrypted(config, ["ResultConfiguration", "EncryptionConfiguration"], "EncryptionOption")
	result := lib.finding(r, sprintf("Athena workgroup %s does not encrypt query results", [r.address]), "WorkGroupConfiguration")
}

encrypted(config, [outer, inner], option) if {
	value := lib.block(lib.block(config, outer), inner)[option]
	value != null
	value != ""
}

# Something along the way cannot be resolved.
encrypted(config, [outer, _], _) if lib.is_unknown(config[outer])

encrypted(config, [outer, inner], _) if lib.is_unknown(lib.block(config, outer)[inner])
