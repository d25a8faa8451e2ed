# METADATA
# title: Dataproc cluster disks are not encrypted with a customer-managed key
# description: >-
#   Without a Cloud KMS key, the persistent disks of a Dataproc cluster (and the data it
#   processes there) are encrypted with Google-managed keys only: access cannot be
#   revoked by disabling the key.
# related_resources:
#   - ref: https://cloud.google.com/dataproc/docs/concepts/configuring-clusters/customer-managed-encryption
# custom:
#   id: IAC-GCP-DATAPROC-002
#   severity: low
#   remediation: >-
#     Add `cluster_config { encryption_config { kms_key_name =
#     google_kms_crypto_key.<key>.id } }` to `google_dataproc_cluster`.
#   frameworks: [CIS-GCP-1.17]
#   kinds: [terraform]
#   forms:
#     - google_dataproc_cluster cluster_config encryption_config kms_key_name (missing block, "" or null count as unset)
#   not_flagged:
#     - unknown cluster_config / encryption_config blocks or key names
package iac_guard.gcp.dataproc.cmek

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("Dataproc cluster %s is not encrypted with a customer-managed key", [r.address]), "cluster_config.0.encryption_config.0.kms_key_name") if {
	some r in lib.managed("google_dataproc_cluster")
	not lib.is_unknown(r.values.cluster_config)
	config := lib.block_or_empty(r.values, "cluster_config")
	not lib.is_unknown(config.encryption_config)
	enc := lib.block_or_empty(config, "encryption_config")
	not lib.is_unknown(enc.kms_key_name)
	not keyed(enc.kms_key_name)
}

keyed(v) if {
	is_string(v)
	v != ""
}
