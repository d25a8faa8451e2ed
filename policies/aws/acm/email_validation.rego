# METADATA
# title: ACM certificate is validated by email
# description: >-
#   Email validation lets whoever reads admin@, administrator@, hostmaster@, postmaster@
#   or webmaster@ of the domain approve the certificate, and email-validated
#   certificates do not renew by themselves: an unanswered renewal mail lets the
#   certificate expire and take the site down. DNS validation renews automatically.
# related_resources:
#   - ref: https://docs.aws.amazon.com/acm/latest/userguide/email-validation.html
# custom:
#   id: IAC-AWS-ACM-003
#   severity: low
#   remediation: >-
#     Set `validation_method = "DNS"` on the `aws_acm_certificate` and add the validation
#     records (`aws_route53_record` + `aws_acm_certificate_validation`); CloudFormation
#     `ValidationMethod: DNS` with `DomainValidationOptions[].HostedZoneId`.
#   forms:
#     - 'Terraform `validation_method`, CloudFormation `ValidationMethod`: EMAIL in any case'
#     - 'CloudFormation `ValidationMethod` absent on a public certificate: CloudFormation then validates by email'
#   not_flagged:
#     - 'Private certificates (`certificate_authority_arn` / `CertificateAuthorityArn`) and imported ones, which have no validation method'
#     - 'A Terraform certificate without `validation_method`: Terraform requires it for Amazon-issued certificates, so its absence means an imported or private one'
#     - 'Values that cannot be resolved'
package iac_guard.aws.acm.email_validation

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_acm_certificate")
	lib.lowercase(r.values.validation_method) == "email"
	result := lib.finding(r, sprintf("ACM certificate %s is validated by email and will not renew by itself", [r.address]), "validation_method")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CertificateManager::Certificate")
	not private(r.values)
	email(r.values)
	result := lib.finding(r, sprintf("ACM certificate %s is validated by email and will not renew by itself", [r.address]), "ValidationMethod")
}

email(values) if lib.lowercase(values.ValidationMethod) == "email"

email(values) if not lib.has_key(values, "ValidationMethod")

email(values) if values.ValidationMethod == null

private(values) if {
	lib.has_key(values, "CertificateAuthorityArn")
	values.CertificateAuthorityArn != null
	values.CertificateAuthorityArn != ""
}
