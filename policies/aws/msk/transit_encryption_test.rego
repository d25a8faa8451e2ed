package iac_guard.aws.msk.transit_encryption_test

import data.iac_guard.aws.msk.transit_encryption
import data.iac_guard.testing
import rego.v1

msk(name, transit) := testing.tf_resource("aws_msk_cluster", name, {"encryption_info": [{"encryption_in_transit": [transit]}]})

test_plaintext_cluster_is_denied if {
	transit_encryption.deny == {{
		"msg": "MSK cluster aws_msk_cluster.events accepts plaintext client connections (client_broker is TLS_PLAINTEXT)",
		"resource": "aws_msk_cluster.events",
		"file": "main.tf",
		"attribute": "encryption_info.0.encryption_in_transit.0.client_broker",
	}} with input as testing.tf([msk("events", {"client_broker": "TLS_PLAINTEXT"})])
}

test_terraform_forms if {
	testing.located(transit_encryption.deny) == {
		["aws_msk_cluster.plain", "encryption_info.0.encryption_in_transit.0.client_broker"],
		["aws_msk_cluster.no_cluster", "encryption_info.0.encryption_in_transit.0.in_cluster"],
	} with input as testing.tf([
		msk("plain", {"client_broker": "plaintext"}),
		msk("no_cluster", {"client_broker": "TLS", "in_cluster": "false"}),
		msk("tls", {"client_broker": "TLS", "in_cluster": true}),
		msk("var", {"client_broker": testing.unknown("var.mode")}),
		testing.tf_resource("aws_msk_cluster", "defaults", {}),
		testing.tf_resource("aws_msk_cluster", "dynamic", {"encryption_info": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(transit_encryption.deny) == {["Plain", "EncryptionInfo.EncryptionInTransit.ClientBroker"], ["Cluster", "EncryptionInfo.EncryptionInTransit.InCluster"]} with input as testing.cfn([
		testing.cfn_resource("AWS::MSK::Cluster", "Plain", {"EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": "PLAINTEXT"}}}),
		testing.cfn_resource("AWS::MSK::Cluster", "Cluster", {"EncryptionInfo": {"EncryptionInTransit": {"InCluster": false}}}),
		testing.cfn_resource("AWS::MSK::Cluster", "Tls", {"EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": "TLS", "InCluster": true}}}),
		testing.cfn_resource("AWS::MSK::Cluster", "Default", {}),
		testing.cfn_resource("AWS::MSK::Cluster", "Param", {"EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": {"Ref": "Mode"}}}}),
	])
}
