# METADATA
# title: Amazon MQ broker is publicly accessible
# description: >-
#   A publicly accessible broker gets an internet-facing endpoint: queues and topics are
#   then protected only by broker user names and passwords.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/using-amazon-mq-securely.html
# custom:
#   id: IAC-AWS-MQ-001
#   severity: high
#   remediation: >-
#     Terraform: set `publicly_accessible = false` (and `subnet_ids` / `security_groups`) on
#     the `aws_mq_broker`. CloudFormation: set `PubliclyAccessible: false` on the
#     `AWS::AmazonMQ::Broker`. The setting can only be chosen when the broker is created.
#   forms:
#     - 'Terraform `aws_mq_broker.publicly_accessible`: true or "true"'
#     - 'CloudFormation `AWS::AmazonMQ::Broker` `PubliclyAccessible`: true or "true" (the property is required)'
#   not_flagged:
#     - 'An absent `publicly_accessible` (Terraform defaults to false) and unknown values.'
package iac_guard.aws.mq.public

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_mq_broker")
	lib.is_true(r.values.publicly_accessible)
	result := lib.finding(r, sprintf("Amazon MQ broker %s is publicly accessible", [r.address]), "publicly_accessible")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::AmazonMQ::Broker")
	lib.is_true(r.values.PubliclyAccessible)
	result := lib.finding(r, sprintf("Amazon MQ broker %s is publicly accessible", [r.address]), "PubliclyAccessible")
}
