# METADATA
# title: Athena workgroup lets clients override its settings
# description: >-
#   With `enforce_workgroup_configuration = false` each client chooses its own result
#   location and encryption: a query run from a laptop can write unencrypted results to
#   any bucket, whatever the workgroup says.
# related_resources:
#   - ref: https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html
# custom:
#   id: IAC-AWS-ATHENA-002
#   severity: medium
#   remediation: >-
#     Set `configuration { enforce_workgroup_configuration = true }` on the
#     `aws_athena_workgroup` (the default; CloudFormation
#     `WorkGroupConfiguration.EnforceWorkGroupConfiguration: true`).
#   forms:
#     - 'Terraform `configuration { enforce_workgroup_configuration }`; CloudFormation `WorkGroupConfiguration.EnforceWorkGroupConfiguration` (boolean or "false")'
#   not_flagged:
#     - 'The setting absent: Terraform defaults it to true; only an explicit false is reported in both kinds'
#     - 'A value that cannot be resolved'
package iac_guard.aws.athena.enforce_configuration

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_athena_workgroup")
	lib.is_false(lib.block(r.values, "configuration").enforce_workgroup_configuration)
	result := lib.finding(r, sprintf("Athena workgroup %s lets clients override its result settings", [r.address]), "configuration.0.enforce_workgroup_configuration")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Athena::WorkGroup")
	lib.is_false(r.values.WorkGroupConfiguration.EnforceWorkGroupConfiguration)
	result := lib.finding(r, sprintf("Athena workgroup %s lets clients override its result settings", [r.address]), "WorkGroupConfiguration.EnforceWorkGroupConfiguration")
}
