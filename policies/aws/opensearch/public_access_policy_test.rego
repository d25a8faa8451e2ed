package iac_guard.aws.opensearch.public_access_policy_test

import data.iac_guard.aws.opensearch.public_access_policy
import data.iac_guard.testing
import rego.v1

open_policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"es:*","Resource":"arn:aws:es:eu-west-1:111122223333:domain/logs/*"}]}`

aws_star_policy := `{"Statement":[{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":["es:ESHttpGet"],"Resource":"*"}]}`

ip_policy := `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"es:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}`

role_policy := `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/search"},"Action":"es:*","Resource":"*"}]}`

test_open_domain_is_denied if {
	public_access_policy.deny == {{
		"msg": "OpenSearch domain aws_opensearch_domain.logs allows [\"es:*\"] to any principal",
		"resource": "aws_opensearch_domain.logs",
		"file": "main.tf",
		"attribute": "access_policies",
	}} with input as testing.tf([testing.tf_resource("aws_opensearch_domain", "logs", {"domain_name": "logs", "access_policies": open_policy})])
}

test_terraform_forms if {
	testing.addresses(public_access_policy.deny) == {"aws_elasticsearch_domain.legacy", "aws_opensearch_domain_policy.separate", "aws_elasticsearch_domain_policy.by_name"} with input as testing.tf([
		testing.tf_resource("aws_elasticsearch_domain", "legacy", {"domain_name": "legacy", "access_policies": aws_star_policy}),
		testing.tf_resource("aws_opensearch_domain", "public", {"domain_name": "public"}),
		testing.tf_resource("aws_opensearch_domain_policy", "separate", {"domain_name": testing.unknown("aws_opensearch_domain.public.domain_name"), "access_policies": open_policy}),
		testing.tf_resource("aws_elasticsearch_domain_policy", "by_name", {"domain_name": "elsewhere", "access_policies": open_policy}),
		testing.tf_resource("aws_opensearch_domain", "ip", {"domain_name": "ip", "access_policies": ip_policy}),
		testing.tf_resource("aws_opensearch_domain", "role", {"domain_name": "role", "access_policies": role_policy}),
		testing.tf_resource("aws_opensearch_domain", "vpc", {"domain_name": "vpc", "access_policies": open_policy, "vpc_options": [{"subnet_ids": ["subnet-1"]}]}),
		testing.tf_resource("aws_opensearch_domain", "vpc_var", {"domain_name": "vpc-var", "access_policies": open_policy, "vpc_options": [{"subnet_ids": testing.unknown("var.subnets")}]}),
		testing.tf_resource("aws_opensearch_domain_policy", "for_vpc", {"domain_name": testing.unknown("aws_opensearch_domain.vpc.domain_name"), "access_policies": open_policy}),
		testing.tf_resource("aws_opensearch_domain_policy", "for_vpc_name", {"domain_name": "vpc", "access_policies": open_policy}),
		testing.tf_resource("aws_opensearch_domain", "unknown", {"domain_name": "u", "access_policies": testing.unknown("var.policy")}),
	])
}

test_cloudformation_forms if {
	testing.located(public_access_policy.deny) == {["Open", "AccessPolicies"], ["Legacy", "AccessPolicies"]} with input as testing.cfn([
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Open", {"AccessPolicies": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*", "Resource": "*"}]}}),
		testing.cfn_resource("AWS::Elasticsearch::Domain", "Legacy", {"AccessPolicies": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "es:ESHttp*", "Resource": "*"}]}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Vpc", {"VPCOptions": {"SubnetIds": [{"Ref": "Subnet"}]}, "AccessPolicies": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "es:*", "Resource": "*"}]}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Role", {"AccessPolicies": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": {"Fn::GetAtt": ["Role", "Arn"]}}, "Action": "es:*", "Resource": "*"}]}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Deny", {"AccessPolicies": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "es:*", "Resource": "*"}]}}),
	])
}

test_vpc_domain_without_a_literal_name_is_still_in_a_vpc if {
	count(public_access_policy.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_opensearch_domain", "vpc", {"access_policies": open_policy, "vpc_options": [{"subnet_ids": ["subnet-1"]}]}),
		testing.tf_resource("aws_opensearch_domain_policy", "p", {"domain_name": testing.unknown("aws_opensearch_domain.vpc.domain_name"), "access_policies": open_policy}),
	])
}
