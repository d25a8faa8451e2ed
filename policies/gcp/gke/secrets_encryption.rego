# METADATA
# title: GKE cluster does not encrypt Kubernetes Secrets with a Cloud KMS key
# description: >-
#   Without application-layer secrets encryption, Kubernetes Secrets in etcd are protected
#   only by Google's default storage encryption; encrypting them with your own Cloud KMS
#   key adds envelope encryption you control and can revoke.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets
# custom:
#   id: IAC-GCP-GKE-017
#   severity: low
#   remediation: >-
#     Add `database_encryption { state = "ENCRYPTED" key_name =
#     google_kms_crypto_key.<key>.id }` to `google_container_cluster`.
#   frameworks: [CIS-GKE-5.3.1]
#   kinds: [terraform]
#   resource_types:
#     - google_container_cluster
#   forms:
#     - google_container_cluster database_encryption missing (DECRYPTED by default) or state = "DECRYPTED"
#     - state = "ENCRYPTED" with an empty or null key_name
#   not_flagged:
#     - unknown database_encryption blocks, states or key names
package iac_guard.gcp.gke.secrets_encryption

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("GKE cluster %s does not encrypt Secrets with a Cloud KMS key", [r.address]), "database_encryption.0.state") if {
	some r in lib.managed("google_container_cluster")
	not lib.is_unknown(r.values.database_encryption)
	config := lib.block_or_empty(r.values, "database_encryption")
	not encrypted(config)
}

encrypted(config) if {
	config.state == "ENCRYPTED"
	is_string(config.key_name)
	config.key_name != ""
}

encrypted(config) if {
	config.state == "ENCRYPTED"
	lib.is_unknown(config.key_name)
}

encrypted(config) if lib.is_unknown(config.state)
