# METADATA
# title: AWS Config recorder has no delivery channel
# description: >-
#   A configuration recorder needs a delivery channel (an S3 bucket, optionally an SNS
#   topic) before it can start: without one in the same root module or template, the
#   recorder is declared and records nothing.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/manage-delivery-channel.html
# custom:
#   id: IAC-AWS-CONFIG-004
#   severity: medium
#   remediation: >-
#     Add an `aws_config_delivery_channel` with `s3_bucket_name` (CloudFormation
#     `AWS::Config::DeliveryChannel` with `S3BucketName`) next to the recorder.
#   frameworks: [CIS-AWS-3.3, AWS-FSBP-Config.1]
#   forms:
#     - 'Account-level: one delivery channel per account and region; any `aws_config_delivery_channel` (`AWS::Config::DeliveryChannel`) in the same root module (template) counts, one declared in another root module does not (a split set-up is reported)'
#   not_flagged:
#     - 'Root modules that declare no recorder'
package iac_guard.aws.config.delivery_channel

import data.iac_guard.lib
import rego.v1

channels contains lib.scope(c) if {
	some rtype in ["aws_config_delivery_channel", "AWS::Config::DeliveryChannel"]
	some c in lib.resources(rtype)
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_config_configuration_recorder")
	not channels[lib.scope(r)]
	result := lib.finding(r, sprintf("AWS Config recorder %s has no delivery channel in its root module", [r.address]), "")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Config::ConfigurationRecorder")
	not channels[lib.scope(r)]
	result := lib.finding(r, sprintf("AWS Config recorder %s has no delivery channel in its template", [r.address]), "")
}
