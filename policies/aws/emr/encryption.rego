# METADATA
# title: EMR security configuration does not encrypt data at rest or in transit
# description: >-
#   An EMR security configuration with `EnableAtRestEncryption` or
#   `EnableInTransitEncryption` false (or absent) leaves EMRFS data in S3, local disks, or
#   traffic between nodes and to clients unencrypted on every cluster that uses it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html
# custom:
#   id: IAC-AWS-EMR-002
#   severity: medium
#   remediation: >-
#     In the `configuration` JSON of the `aws_emr_security_configuration` (CloudFormation
#     `SecurityConfiguration` of `AWS::EMR::SecurityConfiguration`), set
#     `EncryptionConfiguration.EnableAtRestEncryption` and `EnableInTransitEncryption` to
#     true with their `AtRestEncryptionConfiguration` / `InTransitEncryptionConfiguration`.
#   frameworks: [AWS-FSBP-EMR.3, AWS-FSBP-EMR.4]
#   forms:
#     - 'Terraform `configuration` as `jsonencode({...})` (also with unknown parts, read from the JSON text iac-guard keeps), a JSON heredoc or a resolved `file(...)`'
#     - 'CloudFormation `SecurityConfiguration` as a JSON object or a JSON string'
#     - 'The flags false, "false", absent, or no `EncryptionConfiguration` at all'
#   not_flagged:
#     - 'Configurations that cannot be parsed (`templatefile`, interpolations standing for JSON structure), and flags whose value is unknown'
package iac_guard.aws.emr.encryption

import data.iac_guard.aws.ecs.containers
import data.iac_guard.lib
import rego.v1

flags := [["at rest", "EnableAtRestEncryption"], ["in transit", "EnableInTransitEncryption"]]

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_emr_security_configuration")
	some what in off(r.values.configuration)
	result := lib.finding(r, sprintf("EMR security configuration %s does not encrypt data %s", [r.address, what]), "configuration")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EMR::SecurityConfiguration")
	some what in off(r.values.SecurityConfiguration)
	result := lib.finding(r, sprintf("EMR security configuration %s does not encrypt data %s", [r.address, what]), "SecurityConfiguration")
}

off(value) := {what |
	doc := document(value)
	is_object(doc)
	not lib.is_unknown(doc)
	not lib.is_unknown(doc.EncryptionConfiguration)
	encryption := object.get(doc, "EncryptionConfiguration", {})
	is_object(encryption)
	some [what, flag] in flags
	lib.false_or_missing(encryption, flag)
}

document(value) := containers.decoded(value)
