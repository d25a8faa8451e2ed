package iac_guard.aws.opensearch.vpc_test

import data.iac_guard.aws.opensearch.vpc
import data.iac_guard.testing
import rego.v1

test_public_domain_is_denied if {
	vpc.deny == {{
		"msg": "OpenSearch domain aws_opensearch_domain.search is not in a VPC (public endpoint)",
		"resource": "aws_opensearch_domain.search",
		"file": "main.tf",
		"attribute": "vpc_options",
	}} with input as testing.tf([testing.tf_resource("aws_opensearch_domain", "search", {})])
}

test_terraform_forms if {
	testing.addresses(vpc.deny) == {"aws_elasticsearch_domain.legacy", "aws_opensearch_domain.empty"} with input as testing.tf([
		testing.tf_resource("aws_elasticsearch_domain", "legacy", {"vpc_options": []}),
		testing.tf_resource("aws_opensearch_domain", "empty", {"vpc_options": [{"subnet_ids": []}]}),
		testing.tf_resource("aws_opensearch_domain", "vpc", {"vpc_options": [{"subnet_ids": [testing.unknown("aws_subnet.a.id")]}]}),
		testing.tf_resource("aws_opensearch_domain", "var", {"vpc_options": [{"subnet_ids": testing.unknown("var.subnets")}]}),
		testing.tf_resource("aws_opensearch_domain", "dynamic", {"vpc_options": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(vpc.deny) == {["Missing", "VPCOptions"], ["Legacy", "VPCOptions"]} with input as testing.cfn([
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Missing", {}),
		testing.cfn_resource("AWS::Elasticsearch::Domain", "Legacy", {"VPCOptions": {"SubnetIds": []}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Vpc", {"VPCOptions": {"SubnetIds": [{"Ref": "Subnet"}]}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Param", {"VPCOptions": {"SubnetIds": {"Ref": "Subnets"}}}),
	])
}
