# METADATA
# title: Sensitive data store does not log access
# description: >-
#   Access to personal or confidential data must be traceable (GDPR Art. 30/33). A resource tagged as holding it fails when any of the library's access-logging policies reports it. Data is classified by the tag named in data.iac_guard_settings.classification_tag
#   (default data-classification) with a value in sensitive_classifications (default pii,
#   confidential).
# related_resources:
#   - ref: https://gdpr-info.eu/art-32-gdpr/
# custom:
#   id: IAC-GEN-PII-003
#   severity: medium
#   remediation: >-
#     Fix the logging findings listed in the message: S3 server access logging, RDS `enabled_cloudwatch_logs_exports`, Azure SQL extended auditing, GCS `logging`, Cloud SQL connection logging flags.
#   frameworks: [GDPR-32]
package iac_guard.compliance.pii_logged

import data.iac_guard.lib
import data.iac_guard.lib_compliance as compliance
import rego.v1

deny contains result if {
	some r in compliance.sensitive_resources
	failed := compliance.failures(r, compliance.logging_index)
	count(failed) > 0
	result := lib.finding(r, sprintf("%s holds %s data but does not log access (%s)", [r.address, lib.tag(r, compliance.classification_tag), concat(", ", failed)]), "")
}
