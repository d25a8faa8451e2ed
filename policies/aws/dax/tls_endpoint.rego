# METADATA
# title: DAX cluster endpoint does not use TLS
# description: >-
#   With endpoint encryption NONE (the default) applications talk to the DAX cluster in
#   plaintext: cached items and request credentials cross the VPC unencrypted.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionInTransit.html
# custom:
#   id: IAC-AWS-DAX-002
#   severity: medium
#   remediation: >-
#     Terraform: set `cluster_endpoint_encryption_type = "TLS"` on the `aws_dax_cluster`.
#     CloudFormation: set `ClusterEndpointEncryptionType: TLS` on the `AWS::DAX::Cluster`.
#     The setting can only be chosen when the cluster is created.
#   frameworks: [AWS-FSBP-DynamoDB.7]
#   forms:
#     - 'Terraform `aws_dax_cluster.cluster_endpoint_encryption_type`: absent (NONE), null, "" or "NONE" (any case)'
#     - 'CloudFormation `AWS::DAX::Cluster` `ClusterEndpointEncryptionType`: absent or NONE'
#   not_flagged:
#     - An unknown value.
package iac_guard.aws.dax.tls_endpoint

import data.iac_guard.lib
import rego.v1

plaintext(values, key) if not lib.has_key(values, key)

plaintext(values, key) if values[key] in {null, ""}

plaintext(values, key) if lib.lowercase(values[key]) == "none"

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_dax_cluster")
	plaintext(r.values, "cluster_endpoint_encryption_type")
	result := lib.finding(r, sprintf("DAX cluster %s does not encrypt its endpoint with TLS", [r.address]), "cluster_endpoint_encryption_type")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::DAX::Cluster")
	plaintext(r.values, "ClusterEndpointEncryptionType")
	result := lib.finding(r, sprintf("DAX cluster %s does not encrypt its endpoint with TLS", [r.address]), "ClusterEndpointEncryptionType")
}
