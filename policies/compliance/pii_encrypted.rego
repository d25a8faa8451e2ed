# METADATA
# title: Sensitive data store is not encrypted
# description: >-
#   Personal or confidential data must be encrypted at rest and in transit (GDPR Art. 32). A resource tagged as holding it fails when any of the library's encryption policies reports it. Data is classified by the tag named in data.iac_guard_settings.classification_tag
#   (default data-classification) with a value in sensitive_classifications (default pii,
#   confidential).
# related_resources:
#   - ref: https://gdpr-info.eu/art-32-gdpr/
# custom:
#   id: IAC-GEN-PII-001
#   severity: high
#   remediation: >-
#     Fix the encryption findings listed in the message (each names its policy and remediation); for S3 add SSE-KMS, for RDS `storage_encrypted = true`, for Azure storage HTTPS-only and TLS 1.2, for Cloud SQL `ssl_mode = "ENCRYPTED_ONLY"`.
#   frameworks: [GDPR-32]
package iac_guard.compliance.pii_encrypted

import data.iac_guard.lib
import data.iac_guard.lib_compliance as compliance
import rego.v1

deny contains result if {
	some r in compliance.sensitive_resources
	failed := compliance.failures(r, compliance.encryption_index)
	count(failed) > 0
	result := lib.finding(r, sprintf("%s holds %s data but is not encrypted at rest and in transit (%s)", [r.address, lib.tag(r, compliance.classification_tag), concat(", ", failed)]), "")
}
