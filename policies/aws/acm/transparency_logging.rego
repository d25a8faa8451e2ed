# METADATA
# title: ACM certificate opts out of certificate transparency logging
# description: >-
#   Browsers such as Chrome and Safari reject public certificates that are not in
#   certificate transparency logs, and the logs are how a domain owner spots a
#   certificate issued to someone else. Opting out makes mis-issuance invisible and the
#   certificate untrusted.
# related_resources:
#   - ref: https://docs.aws.amazon.com/acm/latest/userguide/acm-concepts.html#concept-transparency
# custom:
#   id: IAC-AWS-ACM-001
#   severity: medium
#   remediation: >-
#     Set `options { certificate_transparency_logging_preference = "ENABLED" }` (the
#     default) on the `aws_acm_certificate` (CloudFormation
#     `CertificateTransparencyLoggingPreference: ENABLED` on
#     `AWS::CertificateManager::Certificate`).
#   forms:
#     - 'Terraform `options { certificate_transparency_logging_preference }`; CloudFormation `CertificateTransparencyLoggingPreference`: DISABLED in any case'
#   not_flagged:
#     - 'Private certificates (`certificate_authority_arn` / `CertificateAuthorityArn` set), which are never logged'
#     - 'The default (absent: ENABLED) and values that cannot be resolved'
package iac_guard.aws.acm.transparency_logging

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_acm_certificate")
	not private(r.values, "certificate_authority_arn")
	lib.lowercase(lib.block(r.values, "options").certificate_transparency_logging_preference) == "disabled"
	result := lib.finding(r, sprintf("ACM certificate %s opts out of certificate transparency logging", [r.address]), "options.0.certificate_transparency_logging_preference")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CertificateManager::Certificate")
	not private(r.values, "CertificateAuthorityArn")
	lib.lowercase(r.values.CertificateTransparencyLoggingPreference) == "disabled"
	result := lib.finding(r, sprintf("ACM certificate %s opts out of certificate transparency logging", [r.address]), "CertificateTransparencyLoggingPreference")
}

private(values, key) if {
	lib.has_key(values, key)
	values[key] != null
	values[key] != ""
}
