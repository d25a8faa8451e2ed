# METADATA
# title: MSK cluster allows plaintext traffic
# description: >-
#   With `client_broker` set to PLAINTEXT or TLS_PLAINTEXT, clients may produce and
#   consume records without TLS; with `in_cluster` false, brokers replicate data to each
#   other unencrypted.
# related_resources:
#   - ref: https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
# custom:
#   id: IAC-AWS-MSK-001
#   severity: high
#   remediation: >-
#     Terraform: set `encryption_info { encryption_in_transit { client_broker = "TLS",
#     in_cluster = true } }` on the `aws_msk_cluster`. CloudFormation: set
#     `EncryptionInfo.EncryptionInTransit.ClientBroker: TLS` and `InCluster: true` on the
#     `AWS::MSK::Cluster`.
#   frameworks: [AWS-FSBP-MSK.1]
#   forms:
#     - 'Terraform `aws_msk_cluster` `encryption_info.encryption_in_transit.client_broker`: "PLAINTEXT" or "TLS_PLAINTEXT" (any case); `in_cluster`: false or "false"'
#     - 'CloudFormation `AWS::MSK::Cluster` `EncryptionInfo.EncryptionInTransit.ClientBroker` and `InCluster`: the same values'
#   not_flagged:
#     - 'Absent settings: client-broker traffic defaults to TLS and in-cluster traffic to encrypted.'
#     - Unknown values; MSK Serverless clusters, which always use TLS.
package iac_guard.aws.msk.transit_encryption

import data.iac_guard.lib
import rego.v1

plaintext(value) if {
	is_string(value)
	upper(value) in {"PLAINTEXT", "TLS_PLAINTEXT"}
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_msk_cluster")
	transit := lib.block(lib.block_or_empty(r.values, "encryption_info"), "encryption_in_transit")
	plaintext(transit.client_broker)
	result := lib.finding(r, sprintf("MSK cluster %s accepts plaintext client connections (client_broker is %s)", [r.address, transit.client_broker]), "encryption_info.0.encryption_in_transit.0.client_broker")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_msk_cluster")
	transit := lib.block(lib.block_or_empty(r.values, "encryption_info"), "encryption_in_transit")
	lib.is_false(transit.in_cluster)
	result := lib.finding(r, sprintf("MSK cluster %s does not encrypt traffic between brokers", [r.address]), "encryption_info.0.encryption_in_transit.0.in_cluster")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::MSK::Cluster")
	transit := lib.block(lib.block_or_empty(r.values, "EncryptionInfo"), "EncryptionInTransit")
	plaintext(transit.ClientBroker)
	result := lib.finding(r, sprintf("MSK cluster %s accepts plaintext client connections (ClientBroker is %s)", [r.address, transit.ClientBroker]), "EncryptionInfo.EncryptionInTransit.ClientBroker")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::MSK::Cluster")
	transit := lib.block(lib.block_or_empty(r.values, "EncryptionInfo"), "EncryptionInTransit")
	lib.is_false(transit.InCluster)
	result := lib.finding(r, sprintf("MSK cluster %s does not encrypt traffic between brokers", [r.address]), "EncryptionInfo.EncryptionInTransit.InCluster")
}
