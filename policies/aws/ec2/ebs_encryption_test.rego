package iac_guard.aws.ec2.ebs_encryption_test

import data.iac_guard.aws.ec2.ebs_encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_volume_is_denied if {
	ebs_encryption.deny == {{
		"msg": "EBS volume aws_ebs_volume.data is not encrypted",
		"resource": "aws_ebs_volume.data",
		"file": "main.tf",
		"attribute": "encrypted",
	}} with input as testing.tf([
		testing.tf_resource("aws_ebs_volume", "data", {"size": 10}),
		testing.tf_resource("aws_ebs_volume", "encrypted", {"size": 10, "encrypted": true}),
		testing.tf_resource("aws_ebs_volume", "unknown", {"size": 10, "encrypted": testing.unknown("var.encrypted")}),
	])
}

test_account_default_encryption_passes if {
	count(ebs_encryption.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_ebs_volume", "data", {"size": 10}),
		testing.tf_resource("aws_ebs_encryption_by_default", "on", {}),
	])
}

test_cloudformation_unencrypted_volume_is_denied if {
	testing.located(ebs_encryption.deny) == {["Volume", "Encrypted"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EC2::Volume", "Volume", {"Size": 10, "Encrypted": "false"}),
		testing.cfn_resource("AWS::EC2::Volume", "FromSnapshot", {"SnapshotId": "snap-1"}),
	])
}

test_empty_snapshot_is_no_snapshot if {
	testing.addresses(ebs_encryption.deny) == {"aws_ebs_volume.empty_snapshot", "aws_ebs_volume.string_false"} with input as testing.tf([
		testing.tf_resource("aws_ebs_volume", "empty_snapshot", {"size": 10, "snapshot_id": ""}),
		testing.tf_resource("aws_ebs_volume", "string_false", {"size": 10, "encrypted": "false", "snapshot_id": null}),
		testing.tf_resource("aws_ebs_volume", "from_snapshot", {"snapshot_id": "snap-0123456789abcdef0"}),
		testing.tf_resource("aws_ebs_volume", "encrypted", {"encrypted": "true"}),
	])
}

test_cloudformation_empty_snapshot if {
	testing.addresses(ebs_encryption.deny) == {"Empty"} with input as testing.cfn([
		testing.cfn_resource("AWS::EC2::Volume", "Empty", {"Size": 10, "SnapshotId": ""}),
		testing.cfn_resource("AWS::EC2::Volume", "Snap", {"SnapshotId": {"Ref": "Snapshot"}}),
	])
}
