package iac_guard.aws.opensearch.error_logs_test

import data.iac_guard.aws.opensearch.error_logs
import data.iac_guard.testing
import rego.v1

test_domain_without_log_is_denied if {
	error_logs.deny == {{
		"msg": "OpenSearch domain aws_opensearch_domain.search does not publish ES_APPLICATION_LOGS to CloudWatch Logs",
		"resource": "aws_opensearch_domain.search",
		"file": "main.tf",
		"attribute": "log_publishing_options",
	}} with input as testing.tf([testing.tf_resource("aws_opensearch_domain", "search", {"log_publishing_options": [{"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": "arn"}]})])
}

test_terraform_forms if {
	testing.addresses(error_logs.deny) == {"aws_opensearch_domain.none", "aws_elasticsearch_domain.off"} with input as testing.tf([
		testing.tf_resource("aws_opensearch_domain", "none", {}),
		testing.tf_resource("aws_elasticsearch_domain", "off", {"log_publishing_options": [{"log_type": "ES_APPLICATION_LOGS", "enabled": "false"}]}),
		testing.tf_resource("aws_opensearch_domain", "on", {"log_publishing_options": [{"log_type": "AUDIT_LOGS"}, {"log_type": "ES_APPLICATION_LOGS", "cloudwatch_log_group_arn": testing.unknown("aws_cloudwatch_log_group.l.arn")}]}),
		testing.tf_resource("aws_elasticsearch_domain", "explicit", {"log_publishing_options": [{"log_type": "ES_APPLICATION_LOGS", "enabled": true}]}),
		testing.tf_resource("aws_opensearch_domain", "var_type", {"log_publishing_options": [{"log_type": testing.unknown("each.value")}]}),
		testing.tf_resource("aws_opensearch_domain", "dynamic", {"log_publishing_options": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(error_logs.deny) == {["Missing", "LogPublishingOptions"], ["Other", "LogPublishingOptions"], ["Off", "LogPublishingOptions"]} with input as testing.cfn([
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Missing", {}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Other", {"LogPublishingOptions": {"AUDIT_LOGS": {"Enabled": true}}}),
		testing.cfn_resource("AWS::Elasticsearch::Domain", "Off", {"LogPublishingOptions": {"ES_APPLICATION_LOGS": {"Enabled": "false"}}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "On", {"LogPublishingOptions": {"ES_APPLICATION_LOGS": {"CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["Logs", "Arn"]}, "Enabled": true}}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Param", {"LogPublishingOptions": {"ES_APPLICATION_LOGS": {"Enabled": {"Ref": "On"}}}}),
		testing.cfn_resource("AWS::OpenSearchService::Domain", "Cond", {"LogPublishingOptions": {"Fn::If": ["C", {}, {"Ref": "AWS::NoValue"}]}}),
	])
}
