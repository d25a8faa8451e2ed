# METADATA
# title: OpenSearch domain does not enforce HTTPS
# description: >-
#   A domain that does not enforce HTTPS answers on plain HTTP: credentials, signed
#   requests and search results can be read on the network path.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html
# custom:
#   id: IAC-AWS-OPENSEARCH-004
#   severity: high
#   remediation: >-
#     Terraform: set `domain_endpoint_options { enforce_https = true }` on the
#     `aws_opensearch_domain` / `aws_elasticsearch_domain`. CloudFormation: set
#     `DomainEndpointOptions.EnforceHTTPS: true`.
#   frameworks: [AWS-FSBP-Opensearch.8, AWS-FSBP-ES.8]
#   forms:
#     - 'Terraform `aws_opensearch_domain` and legacy `aws_elasticsearch_domain`: no `domain_endpoint_options` block (the API does not enforce HTTPS), or `enforce_https` false / "false" (inside the block the provider defaults it to true)'
#     - 'CloudFormation `AWS::OpenSearchService::Domain` and `AWS::Elasticsearch::Domain`: `DomainEndpointOptions` absent, or `EnforceHTTPS` absent (defaults to false), false or "false"'
#   not_flagged:
#     - An unknown block or value.
package iac_guard.aws.opensearch.enforce_https

import data.iac_guard.lib
import rego.v1

tf_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

cfn_types := ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]

deny contains result if {
	lib.is_terraform
	some rtype in tf_types
	some r in lib.managed(rtype)
	not lib.has_block(r.values, "domain_endpoint_options")
	not lib.is_unknown(r.values.domain_endpoint_options)
	result := lib.finding(r, sprintf("OpenSearch domain %s does not enforce HTTPS (no domain_endpoint_options)", [r.address]), "domain_endpoint_options")
}

deny contains result if {
	lib.is_terraform
	some rtype in tf_types
	some r in lib.managed(rtype)
	lib.is_false(lib.block(r.values, "domain_endpoint_options").enforce_https)
	result := lib.finding(r, sprintf("OpenSearch domain %s does not enforce HTTPS", [r.address]), "domain_endpoint_options.0.enforce_https")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in cfn_types
	some r in lib.resources(rtype)
	not lib.block_unknown(r.values, "DomainEndpointOptions", "EnforceHTTPS")
	lib.false_or_missing(lib.block_or_empty(r.values, "DomainEndpointOptions"), "EnforceHTTPS")
	result := lib.finding(r, sprintf("OpenSearch domain %s does not enforce HTTPS", [r.address]), "DomainEndpointOptions.EnforceHTTPS")
}
