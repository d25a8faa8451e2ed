# METADATA
# title: AppSync API cache is not encrypted
# description: >-
#   The AppSync cache holds resolver results, often personal data, in an ElastiCache
#   cluster. Without at-rest and in-transit encryption it is stored and moved in clear
#   text.
# related_resources:
#   - ref: https://docs.aws.amazon.com/appsync/latest/devguide/enabling-caching.html
# custom:
#   id: IAC-AWS-APPSYNC-003
#   severity: medium
#   remediation: >-
#     Set `at_rest_encryption_enabled = true` and `transit_encryption_enabled = true` on the
#     `aws_appsync_api_cache` (CloudFormation `AtRestEncryptionEnabled` and
#     `TransitEncryptionEnabled` on `AWS::AppSync::ApiCache`).
#   frameworks: [AWS-FSBP-AppSync.1, AWS-FSBP-AppSync.6]
#   forms:
#     - 'Terraform `at_rest_encryption_enabled` / `transit_encryption_enabled`; CloudFormation `AtRestEncryptionEnabled` / `TransitEncryptionEnabled`: absent (off by default), null or false (boolean or string)'
#   not_flagged:
#     - 'Flags that cannot be resolved'
package iac_guard.aws.appsync.cache_encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_appsync_api_cache")
	some [what, key] in [["at rest", "at_rest_encryption_enabled"], ["in transit", "transit_encryption_enabled"]]
	lib.false_or_missing(r.values, key)
	result := lib.finding(r, sprintf("AppSync API cache %s is not encrypted %s", [r.address, what]), key)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::AppSync::ApiCache")
	some [what, key] in [["at rest", "AtRestEncryptionEnabled"], ["in transit", "TransitEncryptionEnabled"]]
	lib.false_or_missing(r.values, key)
	result := lib.finding(r, sprintf("AppSync API cache %s is not encrypted %s", [r.address, what]), key)
}
