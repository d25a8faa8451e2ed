# METADATA
# title: OpenSearch domain accepts TLS 1.0 and 1.1
# description: >-
#   The `Policy-Min-TLS-1-0-2019-07` security policy (the one older domains got when none
#   was chosen) lets clients negotiate TLS 1.0 and 1.1, which have known weaknesses and are
#   deprecated by RFC 8996.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html
# custom:
#   id: IAC-AWS-OPENSEARCH-005
#   severity: medium
#   remediation: >-
#     Terraform: set `domain_endpoint_options { tls_security_policy =
#     "Policy-Min-TLS-1-2-PFS-2023-10" }` (or `Policy-Min-TLS-1-2-2019-07`) on the
#     `aws_opensearch_domain` / `aws_elasticsearch_domain`. CloudFormation: set
#     `DomainEndpointOptions.TLSSecurityPolicy` to the same value.
#   frameworks: [AWS-FSBP-Opensearch.8, AWS-FSBP-ES.8]
#   forms:
#     - 'Terraform `aws_opensearch_domain` and `aws_elasticsearch_domain`: `domain_endpoint_options.tls_security_policy` = "Policy-Min-TLS-1-0-2019-07", absent, null or "" (no block at all included: the provider sends no policy and the API documents no TLS 1.2 default)'
#     - 'CloudFormation `AWS::OpenSearchService::Domain` and `AWS::Elasticsearch::Domain`: `DomainEndpointOptions.TLSSecurityPolicy` the same values or absent'
#   not_flagged:
#     - An unknown policy or block; any TLS 1.2 policy (`Policy-Min-TLS-1-2-2019-07`, `Policy-Min-TLS-1-2-PFS-2023-10`), although the control prefers the newest one.
package iac_guard.aws.opensearch.tls_policy

import data.iac_guard.lib
import rego.v1

tf_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

cfn_types := ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]

weak(options, key) if not lib.has_key(options, key)

weak(options, key) if options[key] in {null, "", "Policy-Min-TLS-1-0-2019-07"}

deny contains result if {
	lib.is_terraform
	some rtype in tf_types
	some r in lib.managed(rtype)
	not lib.block_unknown(r.values, "domain_endpoint_options", "tls_security_policy")
	weak(lib.block_or_empty(r.values, "domain_endpoint_options"), "tls_security_policy")
	result := lib.finding(r, sprintf("OpenSearch domain %s accepts TLS versions older than 1.2", [r.address]), "domain_endpoint_options.0.tls_security_policy")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in cfn_types
	some r in lib.resources(rtype)
	not lib.block_unknown(r.values, "DomainEndpointOptions", "TLSSecurityPolicy")
	weak(lib.block_or_empty(r.values, "DomainEndpointOptions"), "TLSSecurityPolicy")
	result := lib.finding(r, sprintf("OpenSearch domain %s accepts TLS versions older than 1.2", [r.address]), "DomainEndpointOptions.TLSSecurityPolicy")
}
