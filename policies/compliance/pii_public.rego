# METADATA
# title: Sensitive data store is publicly reachable
# description: >-
#   Personal or confidential data must never be reachable from the internet. A resource tagged as holding it (or its bucket policy, ACL, container or firewall rule) fails when any of the library's public-access policies reports it. Data is classified by the tag named in data.iac_guard_settings.classification_tag
#   (default data-classification) with a value in sensitive_classifications (default pii,
#   confidential).
# related_resources:
#   - ref: https://gdpr-info.eu/art-32-gdpr/
# custom:
#   id: IAC-GEN-PII-002
#   severity: critical
#   remediation: >-
#     Fix the public-access findings listed in the message: block public access on the bucket, make the database private (`publicly_accessible = false`, `public_network_access_enabled = false`, no 0.0.0.0/0 firewall rule or authorized network).
#   frameworks: [GDPR-32]
package iac_guard.compliance.pii_public

import data.iac_guard.lib
import data.iac_guard.lib_compliance as compliance
import rego.v1

deny contains result if {
	some r in compliance.sensitive_resources
	failed := compliance.failures(r, compliance.public_index)
	count(failed) > 0
	result := lib.finding(r, sprintf("%s holds %s data but is reachable from the internet (%s)", [r.address, lib.tag(r, compliance.classification_tag), concat(", ", failed)]), "")
}
