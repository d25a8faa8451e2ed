# METADATA
# title: OpenSearch domain does not publish error logs
# description: >-
#   Error (application) logs show failing queries, mapping problems and cluster errors; without them in CloudWatch Logs, incidents on the domain cannot be investigated after the fact.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html
# custom:
#   id: IAC-AWS-OPENSEARCH-008
#   severity: low
#   remediation: >-
#     Terraform: add a `log_publishing_options { log_type = "ES_APPLICATION_LOGS", cloudwatch_log_group_arn =
#     ... }` block to the `aws_opensearch_domain` / `aws_elasticsearch_domain` (with an
#     `aws_cloudwatch_log_resource_policy` that lets the service write).
#     CloudFormation: set `LogPublishingOptions.ES_APPLICATION_LOGS` with `CloudWatchLogsLogGroupArn` and
#     `Enabled: true`.
#   frameworks: [AWS-FSBP-Opensearch.4, AWS-FSBP-ES.4]
#   forms:
#     - 'Terraform `aws_opensearch_domain` and `aws_elasticsearch_domain`: no `log_publishing_options` block whose `log_type` is ES_APPLICATION_LOGS, or that block with `enabled` false / "false" (it defaults to true)'
#     - 'CloudFormation `AWS::OpenSearchService::Domain` and `AWS::Elasticsearch::Domain`: `LogPublishingOptions` (a map keyed by log type) without a ES_APPLICATION_LOGS entry, or with `Enabled` false'
#   not_flagged:
#     - A `dynamic` or otherwise unknown `log_publishing_options`, an unknown log type or `enabled`.
package iac_guard.aws.opensearch.error_logs

import data.iac_guard.lib
import rego.v1

tf_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

cfn_types := ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]

tf_published(values) if {
	some o in lib.items(values.log_publishing_options)
	o.log_type == "ES_APPLICATION_LOGS"
	not lib.is_false(o.enabled)
}

tf_published(values) if lib.is_unknown(values.log_publishing_options)

tf_published(values) if {
	some o in lib.items(values.log_publishing_options)
	lib.is_unknown(o.log_type)
}

deny contains result if {
	lib.is_terraform
	some rtype in tf_types
	some r in lib.managed(rtype)
	not tf_published(r.values)
	result := lib.finding(r, sprintf("OpenSearch domain %s does not publish ES_APPLICATION_LOGS to CloudWatch Logs", [r.address]), "log_publishing_options")
}

cfn_published(values) if {
	entry := values.LogPublishingOptions.ES_APPLICATION_LOGS
	is_object(entry)
	not lib.is_false(entry.Enabled)
}

cfn_published(values) if lib.is_unknown(values.LogPublishingOptions)

cfn_published(values) if lib.is_unknown(values.LogPublishingOptions.ES_APPLICATION_LOGS)

deny contains result if {
	lib.is_cloudformation
	some rtype in cfn_types
	some r in lib.resources(rtype)
	not cfn_published(r.values)
	result := lib.finding(r, sprintf("OpenSearch domain %s does not publish ES_APPLICATION_LOGS to CloudWatch Logs", [r.address]), "LogPublishingOptions")
}
