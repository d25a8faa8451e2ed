package iac_guard.aws.opensearch.tls_policy_test

import data.iac_guard.aws.opensearch.tls_policy
import data.iac_guard.testing
import rego.v1

test_tls_1_0_policy_is_denied if {
	tls_policy.deny == {{
		"msg": "OpenSearch domain aws_opensearch_domain.search accepts TLS versions older than 1.2",
		"resource": "aws_opensearch_domain.search",
		"file": "main.tf",
		"attribute": "domain_endpoint_options.0.tls_security_policy",
	}} with input as testing.tf([testing.tf_resource("aws_opensearch_domain", "search", {"domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}]})])
}

test_terraform_forms if {
	testing.addresses(tls_policy.deny) == {"aws_opensearch_domain.none", "aws_elasticsearch_domain.no_policy", "aws_opensearch_domain.empty"} with input as testing.tf([
		testing.tf_resource("aws_opensearch_domain", "none", {}),
		testing.tf_resource("aws_elasticsearch_domain", "no_policy", {"domain_endpoint_options": [{"enforce_https": true}]}),
		testing.tf_resource("aws_opensearch_domain", "empty", {"domain_endpoint_options": [{"tls_security_policy": ""}]}),
		testing.tf_resource("aws_opensearch_domain", "tls12", {"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]}),
		testing.tf_resource("aws_opensearch_domain", "pfs", {"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-PFS-2023-10"}]}),
		testing.tf_resource("aws_opensearch_domain", "var", {"domain_endpoint_options": [{"tls_security_policy": testing.unknown("var.tls")}]}),
	])
}

test_cloudformation_forms if {
	testing.located(tls_policy.deny) == {["Missing", "DomainEndpointOptions.TLSSecurityPolicy"], ["Old", "DomainEndpointOptions.TLSSecurityPolicy"]} with input as testing.cfn([
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Missing", {"DomainEndpointOptions": {"EnforceHTTPS": true}}),
		testing.cfn_resource("AWS::Elasticsearch::Domain", "Old", {"DomainEndpointOptions": {"TLSSecurityPolicy": "Policy-Min-TLS-1-0-2019-07"}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "New", {"DomainEndpointOptions": {"TLSSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10"}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Param", {"DomainEndpointOptions": {"TLSSecurityPolicy": {"Ref": "Tls"}}}),
	])
}
