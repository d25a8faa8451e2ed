# METADATA
# title: Glue job runs without a security configuration
# description: >-
#   A job without a security configuration writes its S3 output, CloudWatch logs and job
#   bookmarks with no encryption policy of its own: whatever the destination's default is.
# related_resources:
#   - ref: https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html
# custom:
#   id: IAC-AWS-GLUE-004
#   severity: low
#   remediation: >-
#     Set `security_configuration` on the `aws_glue_job` (CloudFormation
#     `SecurityConfiguration` on `AWS::Glue::Job`) to an encrypting
#     `aws_glue_security_configuration`.
#   forms:
#     - 'Terraform `security_configuration`, CloudFormation `SecurityConfiguration`: absent, null or ""'
#   not_flagged:
#     - 'A security configuration given as a reference or variable (counts as set)'
package iac_guard.aws.glue.job_security_configuration

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_glue_job")
	unset(r.values, "security_configuration")
	result := lib.finding(r, sprintf("Glue job %s has no security configuration", [r.address]), "security_configuration")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Glue::Job")
	unset(r.values, "SecurityConfiguration")
	result := lib.finding(r, sprintf("Glue job %s has no security configuration", [r.address]), "SecurityConfiguration")
}

unset(values, key) if not lib.has_key(values, key)

unset(values, key) if values[key] == null

unset(values, key) if values[key] == ""
