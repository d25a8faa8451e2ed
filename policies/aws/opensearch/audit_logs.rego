# METADATA
# title: OpenSearch domain does not publish audit logs
# description: >-
#   Audit logs record authentication failures, privilege changes and index access by user; without them nobody can tell who read or changed the data. Audit logging needs fine-grained access control (IAC-AWS-OPENSEARCH-003).
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html
# custom:
#   id: IAC-AWS-OPENSEARCH-007
#   severity: low
#   remediation: >-
#     Terraform: add a `log_publishing_options { log_type = "AUDIT_LOGS", cloudwatch_log_group_arn =
#     ... }` block to the `aws_opensearch_domain` / `aws_elasticsearch_domain` (with an
#     `aws_cloudwatch_log_resource_policy` that lets the service write).
#     CloudFormation: set `LogPublishingOptions.AUDIT_LOGS` with `CloudWatchLogsLogGroupArn` and
#     `Enabled: true`.
#   frameworks: [AWS-FSBP-Opensearch.5, AWS-FSBP-ES.5]
#   forms:
#     - 'Terraform `aws_opensearch_domain` and `aws_elasticsearch_domain`: no `log_publishing_options` block whose `log_type` is AUDIT_LOGS, or that block with `enabled` false / "false" (it defaults to true)'
#     - 'CloudFormation `AWS::OpenSearchService::Domain` and `AWS::Elasticsearch::Domain`: `LogPublishingOptions` (a map keyed by log type) without a AUDIT_LOGS entry, or with `Enabled` false'
#   not_flagged:
#     - A `dynamic` or otherwise unknown `log_publishing_options`, an unknown log type or `enabled`.
package iac_guard.aws.opensearch.audit_logs

import data.iac_guard.lib
import rego.v1

tf_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

cfn_types := ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]

tf_published(values) if {
	some o in lib.items(values.log_publishing_options)
	o.log_type == "AUDIT_LOGS"
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
	result := lib.finding(r, sprintf("OpenSearch domain %s does not publish AUDIT_LOGS to CloudWatch Logs", [r.address]), "log_publishing_options")
}

cfn_published(values) if {
	entry := values.LogPublishingOptions.AUDIT_LOGS
	is_object(entry)
	not lib.is_false(entry.Enabled)
}

cfn_published(values) if lib.is_unknown(values.LogPublishingOptions)

cfn_published(values) if lib.is_unknown(values.LogPublishingOptions.AUDIT_LOGS)

deny contains result if {
	lib.is_cloudformation
	some rtype in cfn_types
	some r in lib.resources(rtype)
	not cfn_published(r.values)
	result := lib.finding(r, sprintf("OpenSearch domain %s does not publish AUDIT_LOGS to CloudWatch Logs", [r.address]), "LogPublishingOptions")
}
