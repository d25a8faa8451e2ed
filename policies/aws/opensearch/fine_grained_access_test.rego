package iac_guard.aws.opensearch.fine_grained_access_test

import data.iac_guard.aws.opensearch.fine_grained_access
import data.iac_guard.testing
import rego.v1

test_domain_without_setting_is_denied if {
	fine_grained_access.deny == {{
		"msg": "OpenSearch domain aws_opensearch_domain.search fine_grained_access1",
		"resource": "aws_opensearch_domain.search",
		"file": "main.tf",
		"attribute": "advanced_security_options.0.enabled",
	}} with input as testing.tf([testing.tf_resource("aws_opensearch_domain", "search", {"domain_name": "search"})])
}

test_terraform_forms if {
	testing.addresses(fine_grained_access.deny) == {"aws_opensearch_domain.off", "aws_elasticsearch_domain.legacy", "aws_opensearch_domain.empty"} with input as testing.tf([
		testing.tf_resource("aws_opensearch_domain", "off", {"advanced_security_options": [{"enabled": false}]}),
		testing.tf_resource("aws_opensearch_domain", "empty", {"advanced_security_options": [{}]}),
		testing.tf_resource("aws_elasticsearch_domain", "legacy", {"advanced_security_options": [{"enabled": "false"}]}),
		testing.tf_resource("aws_opensearch_domain", "on", {"advanced_security_options": [{"enabled": true}]}),
		testing.tf_resource("aws_elasticsearch_domain", "legacy_on", {"advanced_security_options": [{"enabled": "true"}]}),
		testing.tf_resource("aws_opensearch_domain", "var", {"advanced_security_options": [{"enabled": testing.unknown("var.on")}]}),
		testing.tf_resource("aws_opensearch_domain", "dynamic", {"advanced_security_options": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(fine_grained_access.deny) == {["Missing", "AdvancedSecurityOptions.Enabled"], ["Off", "AdvancedSecurityOptions.Enabled"], ["Legacy", "AdvancedSecurityOptions.Enabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Missing", {}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Off", {"AdvancedSecurityOptions": {"Enabled": "false"}}),
		testing.cfn_resource("AWS::Elasticsearch::Domain", "Legacy", {"AdvancedSecurityOptions": {"Enabled": false}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "On", {"AdvancedSecurityOptions": {"Enabled": true}}),
		testing.cfn_resource("AWS::Elasticsearch::Domain", "LegacyOn", {"AdvancedSecurityOptions": {"Enabled": "true"}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Param", {"AdvancedSecurityOptions": {"Enabled": {"Ref": "On"}}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Cond", {"AdvancedSecurityOptions": {"Fn::If": ["C", {"Enabled": true}, {"Ref": "AWS::NoValue"}]}}),
	])
}
