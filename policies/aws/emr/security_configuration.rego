# METADATA
# title: EMR cluster has no security configuration
# description: >-
#   Encryption at rest and in transit, Kerberos authentication and Lake Formation
#   integration are all set through a security configuration. A cluster without one
#   writes to local disks and EMRFS, and talks between nodes, in clear text.
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-security-configurations.html
# custom:
#   id: IAC-AWS-EMR-001
#   severity: medium
#   remediation: >-
#     Set `security_configuration` on the `aws_emr_cluster` (CloudFormation
#     `SecurityConfiguration` on `AWS::EMR::Cluster`) to an `aws_emr_security_configuration`
#     that turns on at-rest and in-transit encryption.
#   forms:
#     - 'Terraform `security_configuration`, CloudFormation `SecurityConfiguration`: absent, null or ""'
#   not_flagged:
#     - 'A configuration given as a reference or variable (counts as set; IAC-AWS-EMR-002 judges the configuration itself)'
package iac_guard.aws.emr.security_configuration

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_emr_cluster")
	unset(r.values, "security_configuration")
	result := lib.finding(r, sprintf("EMR cluster %s has no security configuration", [r.address]), "security_configuration")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EMR::Cluster")
	unset(r.values, "SecurityConfiguration")
	result := lib.finding(r, sprintf("EMR cluster %s has no security configuration", [r.address]), "SecurityConfiguration")
}

unset(values, key) if not lib.has_key(values, key)

unset(values, key) if values[key] == null

unset(values, key) if values[key] == ""
