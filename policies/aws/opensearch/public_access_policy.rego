# METADATA
# title: OpenSearch domain access policy allows anyone
# description: >-
#   An access policy statement that allows Principal "*" (or {"AWS": "*"}) without a
#   condition lets anonymous requests read and write the domain's indices when the
#   domain has a public endpoint.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html
# custom:
#   id: IAC-AWS-OPENSEARCH-009
#   severity: critical
#   remediation: >-
#     Name the IAM principals that need access (or add a `Condition` such as `aws:SourceIp`)
#     in Terraform `access_policies` of the `aws_opensearch_domain` /
#     `aws_elasticsearch_domain` or of a separate `aws_opensearch_domain_policy` /
#     `aws_elasticsearch_domain_policy`, and in CloudFormation `AccessPolicies` of the
#     `AWS::OpenSearchService::Domain` / `AWS::Elasticsearch::Domain`; or move the domain
#     into a VPC.
#   forms:
#     - 'Terraform `access_policies` of `aws_opensearch_domain` / `aws_elasticsearch_domain` and of the separate `aws_opensearch_domain_policy` / `aws_elasticsearch_domain_policy`: JSON text, `jsonencode(...)`, a heredoc, or a reference to an `aws_iam_policy_document`'
#     - 'CloudFormation `AccessPolicies` (an object) of `AWS::OpenSearchService::Domain` / `AWS::Elasticsearch::Domain`'
#     - 'Principal as "*" or {"AWS": "*"} (string or list)'
#   not_flagged:
#     - 'Domains in a VPC (`vpc_options.subnet_ids` / `VPCOptions.SubnetIds` set, or unknown): AWS documents an open policy there, with security groups and fine-grained access control doing the restricting. A separate domain policy is judged on the domain it names when that domain is in the scan.'
#     - 'Statements with any condition, and documents that cannot be read (unknown, invalid JSON).'
package iac_guard.aws.opensearch.public_access_policy

import data.iac_guard.lib
import data.iac_guard.lib_iam as iam
import rego.v1

tf_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

cfn_types := ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]

in_vpc(options, key) if {
	some subnets in [options[key]]
	subnets != null
	subnets != []
}

# Domains in a VPC (or possibly: an unknown vpc_options), by address key and by name.
vpc_domain_resources contains r if {
	some rtype in tf_types
	some r in lib.managed(rtype)
	in_vpc(lib.block(r.values, "vpc_options"), "subnet_ids")
}

vpc_domain_resources contains r if {
	some rtype in tf_types
	some r in lib.managed(rtype)
	lib.is_unknown(r.values.vpc_options)
}

vpc_domains contains lib.address_key(r) if some r in vpc_domain_resources

vpc_domains contains r.values.domain_name if {
	some r in vpc_domain_resources
	is_string(r.values.domain_name)
}

deny contains result if {
	lib.is_terraform
	some rtype in tf_types
	some r in lib.managed(rtype)
	not vpc_domains[lib.address_key(r)]
	some stmt in iam.statements(r, r.values.access_policies)
	iam.public(stmt)
	result := lib.finding(r, sprintf("OpenSearch domain %s allows %v to any principal", [r.address, stmt.actions]), "access_policies")
}

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_opensearch_domain_policy", "aws_elasticsearch_domain_policy"]
	some r in lib.managed(rtype)
	not for_vpc_domain(r)
	some stmt in iam.statements(r, r.values.access_policies)
	iam.public(stmt)
	result := lib.finding(r, sprintf("OpenSearch domain policy %s allows %v to any principal", [r.address, stmt.actions]), "access_policies")
}

for_vpc_domain(r) if {
	some key in lib.pointer_keys(r, r.values.domain_name)
	vpc_domains[key]
}

deny contains result if {
	lib.is_cloudformation
	some rtype in cfn_types
	some r in lib.resources(rtype)
	not in_vpc(lib.block_or_empty(r.values, "VPCOptions"), "SubnetIds")
	not lib.is_unknown(r.values.VPCOptions)
	some stmt in iam.statements(r, r.values.AccessPolicies)
	iam.public(stmt)
	result := lib.finding(r, sprintf("OpenSearch domain %s allows %v to any principal", [r.address, stmt.actions]), "AccessPolicies")
}
