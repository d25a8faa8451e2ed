# METADATA
# title: Step Functions state machine does not trace executions with X-Ray
# description: >-
#   Without X-Ray tracing an execution's calls to Lambda, DynamoDB and other services
#   cannot be followed end to end: slow or failing steps, and calls nobody expected, stay
#   invisible.
# related_resources:
#   - ref: https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html
# custom:
#   id: IAC-AWS-SFN-002
#   severity: low
#   remediation: >-
#     Set `tracing_configuration { enabled = true }` on the `aws_sfn_state_machine`
#     (CloudFormation `TracingConfiguration.Enabled: true`).
#   forms:
#     - 'Terraform `tracing_configuration { enabled }`, CloudFormation `TracingConfiguration.Enabled`: the block or the flag absent (off by default), null or false (boolean or string)'
#   not_flagged:
#     - 'A flag that cannot be resolved'
package iac_guard.aws.stepfunctions.tracing

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_sfn_state_machine")
	not lib.is_unknown(r.values.tracing_configuration)
	lib.false_or_missing(lib.block_or_empty(r.values, "tracing_configuration"), "enabled")
	result := lib.finding(r, sprintf("Step Functions state machine %s does not trace executions with X-Ray", [r.address]), "tracing_configuration")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::StepFunctions::StateMachine")
	not lib.is_unknown(r.values.TracingConfiguration)
	config := object.get(r.values, "TracingConfiguration", {})
	is_object(config)
	lib.false_or_missing(config, "Enabled")
	result := lib.finding(r, sprintf("Step Functions state machine %s does not trace executions with X-Ray", [r.address]), "TracingConfiguration")
}
