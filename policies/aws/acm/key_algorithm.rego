# METADATA
# title: ACM certificate uses an RSA key shorter than 2048 bits
# description: >-
#   RSA keys below 2048 bits are within reach of well-funded attackers and are rejected by
#   current browsers and TLS libraries.
# related_resources:
#   - ref: https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html#algorithms
# custom:
#   id: IAC-AWS-ACM-002
#   severity: high
#   remediation: >-
#     Set `key_algorithm` on the `aws_acm_certificate` (CloudFormation `KeyAlgorithm` on
#     `AWS::CertificateManager::Certificate`) to `RSA_2048` or stronger, or an elliptic
#     curve (`EC_prime256v1`, `EC_secp384r1`).
#   frameworks: [AWS-FSBP-ACM.2]
#   forms:
#     - 'Terraform `key_algorithm`, CloudFormation `KeyAlgorithm`: `RSA_<bits>` with fewer than 2048 bits, in any case'
#   not_flagged:
#     - 'Imported certificates (`certificate_body` / `private_key`), whose key size is in the PEM, not in an attribute'
#     - 'The default (absent: RSA_2048) and values that cannot be resolved'
package iac_guard.aws.acm.key_algorithm

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_acm_certificate")
	weak(r.values.key_algorithm)
	result := lib.finding(r, sprintf("ACM certificate %s uses the weak key algorithm %s", [r.address, r.values.key_algorithm]), "key_algorithm")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CertificateManager::Certificate")
	weak(r.values.KeyAlgorithm)
	result := lib.finding(r, sprintf("ACM certificate %s uses the weak key algorithm %s", [r.address, r.values.KeyAlgorithm]), "KeyAlgorithm")
}

weak(algorithm) if {
	is_string(algorithm)
	m := regex.find_all_string_submatch_n(`^(?i)RSA_([0-9]+)$`, trim_space(algorithm), 1)
	count(m) == 1
	to_number(m[0][1]) < 2048
}
