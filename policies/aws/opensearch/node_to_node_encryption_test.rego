package iac_guard.aws.opensearch.node_to_node_encryption_test

import data.iac_guard.aws.opensearch.node_to_node_encryption
import data.iac_guard.testing
import rego.v1

test_domain_without_setting_is_denied if {
	node_to_node_encryption.deny == {{
		"msg": "OpenSearch domain aws_opensearch_domain.search node_to_node_encryption1",
		"resource": "aws_opensearch_domain.search",
		"file": "main.tf",
		"attribute": "node_to_node_encryption.0.enabled",
	}} with input as testing.tf([testing.tf_resource("aws_opensearch_domain", "search", {"domain_name": "search"})])
}

test_terraform_forms if {
	testing.addresses(node_to_node_encryption.deny) == {"aws_opensearch_domain.off", "aws_elasticsearch_domain.legacy", "aws_opensearch_domain.empty"} with input as testing.tf([
		testing.tf_resource("aws_opensearch_domain", "off", {"node_to_node_encryption": [{"enabled": false}]}),
		testing.tf_resource("aws_opensearch_domain", "empty", {"node_to_node_encryption": [{}]}),
		testing.tf_resource("aws_elasticsearch_domain", "legacy", {"node_to_node_encryption": [{"enabled": "false"}]}),
		testing.tf_resource("aws_opensearch_domain", "on", {"node_to_node_encryption": [{"enabled": true}]}),
		testing.tf_resource("aws_elasticsearch_domain", "legacy_on", {"node_to_node_encryption": [{"enabled": "true"}]}),
		testing.tf_resource("aws_opensearch_domain", "var", {"node_to_node_encryption": [{"enabled": testing.unknown("var.on")}]}),
		testing.tf_resource("aws_opensearch_domain", "dynamic", {"node_to_node_encryption": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(node_to_node_encryption.deny) == {["Missing", "NodeToNodeEncryptionOptions.Enabled"], ["Off", "NodeToNodeEncryptionOptions.Enabled"], ["Legacy", "NodeToNodeEncryptionOptions.Enabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Missing", {}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Off", {"NodeToNodeEncryptionOptions": {"Enabled": "false"}}),
		testing.cfn_resource("AWS::Elasticsearch::Domain", "Legacy", {"NodeToNodeEncryptionOptions": {"Enabled": false}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "On", {"NodeToNodeEncryptionOptions": {"Enabled": true}}),
		testing.cfn_resource("AWS::Elasticsearch::Domain", "LegacyOn", {"NodeToNodeEncryptionOptions": {"Enabled": "true"}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Param", {"NodeToNodeEncryptionOptions": {"Enabled": {"Ref": "On"}}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Cond", {"NodeToNodeEncryptionOptions": {"Fn::If": ["C", {"Enabled": true}, {"Ref": "AWS::NoValue"}]}}),
	])
}
