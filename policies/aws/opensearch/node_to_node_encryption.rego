# METADATA
# title: OpenSearch domain does not encrypt traffic between nodes
# description: >-
#   Without node-to-node encryption, documents and query results travel between the domain's nodes over plain HTTP inside the VPC; it is also a prerequisite of fine-grained access control.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html
# custom:
#   id: IAC-AWS-OPENSEARCH-002
#   severity: medium
#   remediation: >-
#     Terraform: set `node_to_node_encryption { enabled = true }` on the `aws_opensearch_domain` / `aws_elasticsearch_domain`. CloudFormation: set `NodeToNodeEncryptionOptions.Enabled: true`.
#   frameworks: [AWS-FSBP-Opensearch.3, AWS-FSBP-ES.3]
#   forms:
#     - 'Terraform `aws_opensearch_domain` and legacy `aws_elasticsearch_domain`: `node_to_node_encryption` block absent, or its `enabled` absent, false or "false"'
#     - 'CloudFormation `AWS::OpenSearchService::Domain` and legacy `AWS::Elasticsearch::Domain`: `NodeToNodeEncryptionOptions` absent, or its `Enabled` absent, false or "false"'
#   not_flagged:
#     - An unknown block (`dynamic`, `!If`) or an unknown `enabled` value.
#     - OpenSearch Serverless collections, which are configured through security policies instead.
package iac_guard.aws.opensearch.node_to_node_encryption

import data.iac_guard.lib
import rego.v1

tf_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

cfn_types := ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]

deny contains result if {
	lib.is_terraform
	some rtype in tf_types
	some r in lib.managed(rtype)
	not lib.block_unknown(r.values, "node_to_node_encryption", "enabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "node_to_node_encryption"), "enabled")
	result := lib.finding(r, sprintf("OpenSearch domain %s node_to_node_encryption1", [r.address]), "node_to_node_encryption.0.enabled")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in cfn_types
	some r in lib.resources(rtype)
	not lib.block_unknown(r.values, "NodeToNodeEncryptionOptions", "Enabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "NodeToNodeEncryptionOptions"), "Enabled")
	result := lib.finding(r, sprintf("OpenSearch domain %s node_to_node_encryption1", [r.address]), "NodeToNodeEncryptionOptions.Enabled")
}
