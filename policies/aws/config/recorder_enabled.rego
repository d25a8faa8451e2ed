# METADATA
# title: AWS Config recorder is never turned on
# description: >-
#   In Terraform an `aws_config_configuration_recorder` records nothing until an
#   `aws_config_configuration_recorder_status` with `is_enabled = true` starts it: a
#   recorder without one, or with `is_enabled = false`, is configuration that records no
#   change.
# related_resources:
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_configuration_recorder_status
# custom:
#   id: IAC-AWS-CONFIG-003
#   severity: medium
#   remediation: >-
#     Add an `aws_config_configuration_recorder_status` with `name` set to the recorder's
#     name and `is_enabled = true` (it needs the delivery channel first: `depends_on`).
#     CloudFormation starts an `AWS::Config::ConfigurationRecorder` by itself.
#   frameworks: [CIS-AWS-3.3, AWS-FSBP-Config.1]
#   kinds: [terraform]
#   forms:
#     - '`aws_config_configuration_recorder_status.name` as a reference to the recorder or its literal name'
#     - '`is_enabled = false` on the status, reported on the status resource'
#   not_flagged:
#     - 'Recorders whose status resource is in another root module: a status counts only within its own root module'
#     - 'CloudFormation, where the recorder starts once created'
package iac_guard.aws.config.recorder_enabled

import data.iac_guard.lib
import rego.v1

started contains key if {
	some s in lib.resources("aws_config_configuration_recorder_status")
	not lib.is_false(s.values.is_enabled)
	some key in lib.pointer_keys(s, s.values.name)
}

stopped contains key if {
	some s in lib.resources("aws_config_configuration_recorder_status")
	lib.is_false(s.values.is_enabled)
	some key in lib.pointer_keys(s, s.values.name)
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_config_configuration_recorder")
	not lib.pointed_at(r, started, "name")
	not lib.pointed_at(r, stopped, "name")
	result := lib.finding(r, sprintf("AWS Config recorder %s has no aws_config_configuration_recorder_status turning it on", [r.address]), "")
}

deny contains result if {
	lib.is_terraform
	some s in lib.managed("aws_config_configuration_recorder_status")
	lib.is_false(s.values.is_enabled)
	result := lib.finding(s, sprintf("%s turns the AWS Config recorder off", [s.address]), "is_enabled")
}
