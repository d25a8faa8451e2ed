# METADATA
# title: OpenSearch domain has a public endpoint
# description: >-
#   A domain created outside a VPC gets an internet-facing endpoint: only its resource
#   policy stands between the data and the internet, and one permissive statement exposes
#   every index.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html
# custom:
#   id: IAC-AWS-OPENSEARCH-006
#   severity: medium
#   remediation: >-
#     Terraform: set `vpc_options { subnet_ids = [...], security_group_ids = [...] }` on the
#     `aws_opensearch_domain` / `aws_elasticsearch_domain`. CloudFormation: set
#     `VPCOptions.SubnetIds` (and `SecurityGroupIds`). A domain cannot move into a VPC: it
#     must be recreated.
#   frameworks: [AWS-FSBP-Opensearch.2, AWS-FSBP-ES.2]
#   forms:
#     - 'Terraform `aws_opensearch_domain` and `aws_elasticsearch_domain`: `vpc_options` absent, or with `subnet_ids` absent, null or []'
#     - 'CloudFormation `AWS::OpenSearchService::Domain` and `AWS::Elasticsearch::Domain`: `VPCOptions` absent, or `SubnetIds` absent or []'
#   not_flagged:
#     - 'Unknown `vpc_options` / `VPCOptions` or subnet lists.'
#     - 'The domain access policy is not read: a public endpoint is reported even when its policy is restrictive.'
package iac_guard.aws.opensearch.vpc

import data.iac_guard.lib
import rego.v1

tf_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

cfn_types := ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]

no_subnets(options, key) if not lib.has_key(options, key)

no_subnets(options, key) if options[key] in {null, []}

deny contains result if {
	lib.is_terraform
	some rtype in tf_types
	some r in lib.managed(rtype)
	not lib.block_unknown(r.values, "vpc_options", "subnet_ids")
	no_subnets(lib.block_or_empty(r.values, "vpc_options"), "subnet_ids")
	result := lib.finding(r, sprintf("OpenSearch domain %s is not in a VPC (public endpoint)", [r.address]), "vpc_options")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in cfn_types
	some r in lib.resources(rtype)
	not lib.block_unknown(r.values, "VPCOptions", "SubnetIds")
	no_subnets(lib.block_or_empty(r.values, "VPCOptions"), "SubnetIds")
	result := lib.finding(r, sprintf("OpenSearch domain %s is not in a VPC (public endpoint)", [r.address]), "VPCOptions")
}
