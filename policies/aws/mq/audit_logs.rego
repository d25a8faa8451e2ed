# METADATA
# title: Amazon MQ ActiveMQ broker does not publish audit logs
# description: >-
#   ActiveMQ audit logs record management actions taken through JMX and the web console
#   (queues created or purged, users changed); without them in CloudWatch Logs such
#   changes leave no trace.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring-configure-cloudwatch.html
# custom:
#   id: IAC-AWS-MQ-002
#   severity: low
#   remediation: >-
#     Terraform: set `logs { audit = true }` on the `aws_mq_broker`. CloudFormation: set
#     `Logs.Audit: true` on the `AWS::AmazonMQ::Broker`.
#   frameworks: [AWS-FSBP-MQ.2]
#   forms:
#     - 'Terraform `aws_mq_broker` with `engine_type` ActiveMQ (any case): `logs` absent, or `logs.audit` absent, false or "false"'
#     - 'CloudFormation `AWS::AmazonMQ::Broker` with `EngineType` ACTIVEMQ: `Logs` absent, or `Logs.Audit` absent or false'
#   not_flagged:
#     - RabbitMQ brokers, which have no audit log; brokers whose engine is unknown.
#     - Unknown `logs` blocks or values.
package iac_guard.aws.mq.audit_logs

import data.iac_guard.lib
import rego.v1

activemq(value) if lib.lowercase(value) == "activemq"

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_mq_broker")
	activemq(r.values.engine_type)
	not lib.block_unknown(r.values, "logs", "audit")
	lib.false_or_missing(lib.block_or_empty(r.values, "logs"), "audit")
	result := lib.finding(r, sprintf("Amazon MQ broker %s does not publish audit logs", [r.address]), "logs.0.audit")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::AmazonMQ::Broker")
	activemq(r.values.EngineType)
	not lib.block_unknown(r.values, "Logs", "Audit")
	lib.false_or_missing(lib.block_or_empty(r.values, "Logs"), "Audit")
	result := lib.finding(r, sprintf("Amazon MQ broker %s does not publish audit logs", [r.address]), "Logs.Audit")
}
