# METADATA
# title: AWS Config does not record global resources
# description: >-
#   IAM users, roles, groups and policies are global resources: unless a recorder
#   includes global resource types, changes to them (a new admin user, a widened policy)
#   are never recorded. One recorder per account needs them, so a root module is judged
#   as a whole.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html#select-resources-all
# custom:
#   id: IAC-AWS-CONFIG-002
#   severity: medium
#   remediation: >-
#     Set `recording_group { include_global_resource_types = true }` on one
#     `aws_config_configuration_recorder` of the account (CloudFormation
#     `RecordingGroup.IncludeGlobalResourceTypes: true`), in the region that should record
#     them.
#   frameworks: [CIS-AWS-3.3, AWS-FSBP-Config.1]
#   forms:
#     - 'Terraform `recording_group { include_global_resource_types }` (default false, also when the block is absent); CloudFormation `RecordingGroup.IncludeGlobalResourceTypes` (default false)'
#     - 'Account-level: a recorder that includes them anywhere in the same root module (template) covers the others (recorders in other regions should not duplicate them)'
#   not_flagged:
#     - 'Recorders with `all_supported = false` (IAC-AWS-CONFIG-001 reports them) and settings that cannot be resolved'
#     - 'Root modules that declare no recorder'
package iac_guard.aws.config.global_resources

import data.iac_guard.lib
import rego.v1

# Root modules (templates) where some recorder includes global resource types, or might.
covered contains lib.scope(r) if {
	some r in lib.managed("aws_config_configuration_recorder")
	not lib.false_or_missing(lib.block_or_empty(r.values, "recording_group"), "include_global_resource_types")
}

covered contains lib.scope(r) if {
	some r in lib.managed("aws_config_configuration_recorder")
	lib.is_unknown(r.values.recording_group)
}

covered contains lib.scope(r) if {
	some r in lib.resources("AWS::Config::ConfigurationRecorder")
	not lib.false_or_missing(object.get(r.values, "RecordingGroup", {}), "IncludeGlobalResourceTypes")
}

covered contains lib.scope(r) if {
	some r in lib.resources("AWS::Config::ConfigurationRecorder")
	lib.is_unknown(r.values.RecordingGroup)
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_config_configuration_recorder")
	not covered[lib.scope(r)]
	group := lib.block_or_empty(r.values, "recording_group")
	not lib.is_false(group.all_supported)
	result := lib.finding(r, sprintf("AWS Config recorder %s does not record global resources (IAM), and no other recorder here does", [r.address]), at(group, "recording_group", "recording_group.0.include_global_resource_types", "include_global_resource_types"))
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Config::ConfigurationRecorder")
	not covered[lib.scope(r)]
	group := object.get(r.values, "RecordingGroup", {})
	not lib.is_false(group.AllSupported)
	result := lib.finding(r, sprintf("AWS Config recorder %s does not record global resources (IAM), and no other recorder here does", [r.address]), at(group, "RecordingGroup", "RecordingGroup.IncludeGlobalResourceTypes", "IncludeGlobalResourceTypes"))
}

at(group, _, path, key) := path if lib.has_key(group, key)

at(group, block, _, key) := block if not lib.has_key(group, key)
