package iac_guard.aws.opensearch.encryption_at_rest_test

import data.iac_guard.aws.opensearch.encryption_at_rest
import data.iac_guard.testing
import rego.v1

test_domain_without_setting_is_denied if {
	encryption_at_rest.deny == {{
		"msg": "OpenSearch domain aws_opensearch_domain.search encryption_at_rest1",
		"resource": "aws_opensearch_domain.search",
		"file": "main.tf",
		"attribute": "encrypt_at_rest.0.enabled",
	}} with input as testing.tf([testing.tf_resource("aws_opensearch_domain", "search", {"domain_name": "search"})])
}

test_terraform_forms if {
	testing.addresses(encryption_at_rest.deny) == {"aws_opensearch_domain.off", "aws_elasticsearch_domain.legacy", "aws_opensearch_domain.empty"} with input as testing.tf([
		testing.tf_resource("aws_opensearch_domain", "off", {"encrypt_at_rest": [{"enabled": false}]}),
		testing.tf_resource("aws_opensearch_domain", "empty", {"encrypt_at_rest": [{}]}),
		testing.tf_resource("aws_elasticsearch_domain", "legacy", {"encrypt_at_rest": [{"enabled": "false"}]}),
		testing.tf_resource("aws_opensearch_domain", "on", {"encrypt_at_rest": [{"enabled": true}]}),
		testing.tf_resource("aws_elasticsearch_domain", "legacy_on", {"encrypt_at_rest": [{"enabled": "true"}]}),
		testing.tf_resource("aws_opensearch_domain", "var", {"encrypt_at_rest": [{"enabled": testing.unknown("var.on")}]}),
		testing.tf_resource("aws_opensearch_domain", "dynamic", {"encrypt_at_rest": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(encryption_at_rest.deny) == {["Missing", "EncryptionAtRestOptions.Enabled"], ["Off", "EncryptionAtRestOptions.Enabled"], ["Legacy", "EncryptionAtRestOptions.Enabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Missing", {}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Off", {"EncryptionAtRestOptions": {"Enabled": "false"}}),
		testing.cfn_resource("AWS::Elasticsearch::Domain", "Legacy", {"EncryptionAtRestOptions": {"Enabled": false}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "On", {"EncryptionAtRestOptions": {"Enabled": true}}),
		testing.cfn_resource("AWS::Elasticsearch::Domain", "LegacyOn", {"EncryptionAtRestOptions": {"Enabled": "true"}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Param", {"EncryptionAtRestOptions": {"Enabled": {"Ref": "On"}}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Cond", {"EncryptionAtRestOptions": {"Fn::If": ["C", {"Enabled": true}, {"Ref": "AWS::NoValue"}]}}),
	])
}
