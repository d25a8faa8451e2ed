# METADATA
# title: Step Functions state machine does not log executions
# description: >-
#   With logging OFF (the default) a state machine records no execution history in
#   CloudWatch Logs: failed steps, unexpected inputs and who started what are gone once
#   the console's short history expires (and Express workflows keep none at all).
# related_resources:
#   - ref: https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html
# custom:
#   id: IAC-AWS-SFN-001
#   severity: medium
#   remediation: >-
#     Set `logging_configuration { level = "ERROR" (or "ALL") log_destination = ...
#     include_execution_data = ... }` on the `aws_sfn_state_machine` (CloudFormation
#     `LoggingConfiguration.Level` and `Destinations` on `AWS::StepFunctions::StateMachine`).
#   frameworks: [AWS-FSBP-StepFunctions.1]
#   forms:
#     - 'Terraform `logging_configuration { level }`, CloudFormation `LoggingConfiguration.Level`: the block or the level absent (OFF by default), null, "" or OFF in any case'
#   not_flagged:
#     - 'A level that cannot be resolved'
package iac_guard.aws.stepfunctions.logging

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_sfn_state_machine")
	not lib.is_unknown(r.values.logging_configuration)
	off(lib.block_or_empty(r.values, "logging_configuration"), "level")
	result := lib.finding(r, sprintf("Step Functions state machine %s does not log its executions", [r.address]), "logging_configuration")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::StepFunctions::StateMachine")
	not lib.is_unknown(r.values.LoggingConfiguration)
	config := object.get(r.values, "LoggingConfiguration", {})
	is_object(config)
	off(config, "Level")
	result := lib.finding(r, sprintf("Step Functions state machine %s does not log its executions", [r.address]), "LoggingConfiguration")
}

off(config, key) if not lib.has_key(config, key)

off(config, key) if config[key] == null

off(config, key) if config[key] == ""

off(config, key) if lib.lowercase(config[key]) == "off"
