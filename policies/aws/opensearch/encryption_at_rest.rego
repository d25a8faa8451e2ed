# METADATA
# title: OpenSearch domain is not encrypted at rest
# description: >-
#   A domain without encryption at rest stores its indices, swap files, automated snapshots and logs unencrypted on the data nodes' volumes.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
# custom:
#   id: IAC-AWS-OPENSEARCH-001
#   severity: high
#   remediation: >-
#     Terraform: set `encrypt_at_rest { enabled = true }` (and `kms_key_id` for a customer managed key) on the `aws_opensearch_domain` / `aws_elasticsearch_domain`. CloudFormation: set `EncryptionAtRestOptions.Enabled: true` (and `KmsKeyId`).
#   frameworks: [AWS-FSBP-Opensearch.1, AWS-FSBP-ES.1]
#   forms:
#     - 'Terraform `aws_opensearch_domain` and legacy `aws_elasticsearch_domain`: `encrypt_at_rest` block absent, or its `enabled` absent, false or "false"'
#     - 'CloudFormation `AWS::OpenSearchService::Domain` and legacy `AWS::Elasticsearch::Domain`: `EncryptionAtRestOptions` absent, or its `Enabled` absent, false or "false"'
#   not_flagged:
#     - An unknown block (`dynamic`, `!If`) or an unknown `enabled` value.
#     - OpenSearch Serverless collections, which are configured through security policies instead.
package iac_guard.aws.opensearch.encryption_at_rest

import data.iac_guard.lib
import rego.v1

tf_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

cfn_types := ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]

deny contains result if {
	lib.is_terraform
	some rtype in tf_types
	some r in lib.managed(rtype)
	not lib.block_unknown(r.values, "encrypt_at_rest", "enabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "encrypt_at_rest"), "enabled")
	result := lib.finding(r, sprintf("OpenSearch domain %s encryption_at_rest1", [r.address]), "encrypt_at_rest.0.enabled")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in cfn_types
	some r in lib.resources(rtype)
	not lib.block_unknown(r.values, "EncryptionAtRestOptions", "Enabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "EncryptionAtRestOptions"), "Enabled")
	result := lib.finding(r, sprintf("OpenSearch domain %s encryption_at_rest1", [r.address]), "EncryptionAtRestOptions.Enabled")
}
