package iac_guard.aws.opensearch.enforce_https_test

import data.iac_guard.aws.opensearch.enforce_https
import data.iac_guard.testing
import rego.v1

test_domain_without_endpoint_options_is_denied if {
	enforce_https.deny == {{
		"msg": "OpenSearch domain aws_opensearch_domain.search does not enforce HTTPS (no domain_endpoint_options)",
		"resource": "aws_opensearch_domain.search",
		"file": "main.tf",
		"attribute": "domain_endpoint_options",
	}} with input as testing.tf([testing.tf_resource("aws_opensearch_domain", "search", {})])
}

test_terraform_forms if {
	testing.located(enforce_https.deny) == {["aws_opensearch_domain.off", "domain_endpoint_options.0.enforce_https"], ["aws_elasticsearch_domain.legacy", "domain_endpoint_options"]} with input as testing.tf([
		testing.tf_resource("aws_opensearch_domain", "off", {"domain_endpoint_options": [{"enforce_https": "false"}]}),
		testing.tf_resource("aws_elasticsearch_domain", "legacy", {}),
		testing.tf_resource("aws_opensearch_domain", "block_default", {"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]}),
		testing.tf_resource("aws_opensearch_domain", "on", {"domain_endpoint_options": [{"enforce_https": true}]}),
		testing.tf_resource("aws_opensearch_domain", "var", {"domain_endpoint_options": [{"enforce_https": testing.unknown("var.https")}]}),
		testing.tf_resource("aws_opensearch_domain", "dynamic", {"domain_endpoint_options": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(enforce_https.deny) == {["Missing", "DomainEndpointOptions.EnforceHTTPS"], ["NoFlag", "DomainEndpointOptions.EnforceHTTPS"], ["Off", "DomainEndpointOptions.EnforceHTTPS"]} with input as testing.cfn([
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Missing", {}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "NoFlag", {"DomainEndpointOptions": {"TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"}}),
		testing.cfn_resource("AWS::Elasticsearch::Domain", "Off", {"DomainEndpointOptions": {"EnforceHTTPS": "false"}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "On", {"DomainEndpointOptions": {"EnforceHTTPS": true}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Param", {"DomainEndpointOptions": {"EnforceHTTPS": {"Ref": "Https"}}}),
	])
}
