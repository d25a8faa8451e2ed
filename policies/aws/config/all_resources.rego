# METADATA
# title: AWS Config recorder does not record every resource type
# description: >-
#   A recorder limited to a list of resource types (or excluding some) leaves changes to
#   every other type unrecorded: no configuration history, no rule evaluation, no evidence
#   after an incident.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html
# custom:
#   id: IAC-AWS-CONFIG-001
#   severity: medium
#   remediation: >-
#     Set `recording_group { all_supported = true }` on the
#     `aws_config_configuration_recorder` and drop `recording_strategy` restrictions
#     (CloudFormation `RecordingGroup.AllSupported: true` on
#     `AWS::Config::ConfigurationRecorder`).
#   frameworks: [CIS-AWS-3.3, AWS-FSBP-Config.1]
#   forms:
#     - 'Terraform `recording_group { all_supported = false }` and `recording_group { recording_strategy { use_only = "INCLUSION_BY_RESOURCE_TYPES" | "EXCLUSION_BY_RESOURCE_TYPES" } }`'
#     - 'CloudFormation `RecordingGroup.AllSupported: false` and `RecordingGroup.RecordingStrategy.UseOnly`'
#   not_flagged:
#     - 'Recorders without `recording_group` (every supported type is recorded by default)'
#     - 'Repositories that declare no recorder: only a recorder the code declares is judged (Config is often set up organisation-wide)'
package iac_guard.aws.config.all_resources

import data.iac_guard.lib
import rego.v1

partial := {"inclusion_by_resource_types", "exclusion_by_resource_types"}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_config_configuration_recorder")
	group := lib.block(r.values, "recording_group")
	some at in limited(group, "all_supported", object.get(lib.block_or_empty(group, "recording_strategy"), "use_only", ""), "recording_group.0.all_supported", "recording_group.0.recording_strategy.0.use_only")
	result := lib.finding(r, sprintf("AWS Config recorder %s does not record every resource type", [r.address]), at)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Config::ConfigurationRecorder")
	group := r.values.RecordingGroup
	is_object(group)
	some at in limited(group, "AllSupported", object.get(object.get(group, "RecordingStrategy", {}), "UseOnly", ""), "RecordingGroup.AllSupported", "RecordingGroup.RecordingStrategy.UseOnly")
	result := lib.finding(r, sprintf("AWS Config recorder %s does not record every resource type", [r.address]), at)
}

limited(group, all_key, use_only, all_at, strategy_at) := {all_at | lib.is_false(group[all_key])} | {strategy_at |
	not lib.is_false(group[all_key])
	lib.lowercase(use_only) in partial
}
