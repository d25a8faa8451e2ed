# METADATA
# title: OpenSearch domain has no fine-grained access control
# description: >-
#   Without fine-grained access control every principal the domain access policy lets in can read and write every index; fine-grained access control adds users, roles and index-, document- and field-level permissions.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html
# custom:
#   id: IAC-AWS-OPENSEARCH-003
#   severity: medium
#   remediation: >-
#     Terraform: set `advanced_security_options { enabled = true }` (with `internal_user_database_enabled` or a `master_user_options.master_user_arn`) on the `aws_opensearch_domain` / `aws_elasticsearch_domain`. CloudFormation: set `AdvancedSecurityOptions.Enabled: true`.
#   frameworks: [AWS-FSBP-Opensearch.7]
#   forms:
#     - 'Terraform `aws_opensearch_domain` and legacy `aws_elasticsearch_domain`: `advanced_security_options` block absent, or its `enabled` absent, false or "false"'
#     - 'CloudFormation `AWS::OpenSearchService::Domain` and legacy `AWS::Elasticsearch::Domain`: `AdvancedSecurityOptions` absent, or its `Enabled` absent, false or "false"'
#   not_flagged:
#     - An unknown block (`dynamic`, `!If`) or an unknown `enabled` value.
#     - OpenSearch Serverless collections, which are configured through security policies instead.
package iac_guard.aws.opensearch.fine_grained_access

import data.iac_guard.lib
import rego.v1

tf_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

cfn_types := ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]

deny contains result if {
	lib.is_terraform
	some rtype in tf_types
	some r in lib.managed(rtype)
	not lib.block_unknown(r.values, "advanced_security_options", "enabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "advanced_security_options"), "enabled")
	result := lib.finding(r, sprintf("OpenSearch domain %s fine_grained_access1", [r.address]), "advanced_security_options.0.enabled")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in cfn_types
	some r in lib.resources(rtype)
	not lib.block_unknown(r.values, "AdvancedSecurityOptions", "Enabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "AdvancedSecurityOptions"), "Enabled")
	result := lib.finding(r, sprintf("OpenSearch domain %s fine_grained_access1", [r.address]), "AdvancedSecurityOptions.Enabled")
}
