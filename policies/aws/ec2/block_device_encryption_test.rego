package iac_guard.aws.ec2.block_device_encryption_test

import data.iac_guard.aws.ec2.block_device_encryption as bde
import data.iac_guard.testing
import rego.v1

test_unencrypted_volumes_are_listed_in_one_finding if {
	bde.deny == {{
		"msg": "aws_instance.web has unencrypted volumes: ebs_block_device.1.encrypted, root_block_device.0.encrypted",
		"resource": "aws_instance.web",
		"file": "main.tf",
		"attribute": "ebs_block_device.1.encrypted",
	}} with input as testing.tf([testing.tf_resource("aws_instance", "web", {
		"root_block_device": [{"volume_size": 20}],
		"ebs_block_device": [
			{"device_name": "/dev/sdb", "encrypted": true},
			{"device_name": "/dev/sdc", "encrypted": false},
			{"device_name": "/dev/sdd", "snapshot_id": "snap-1"},
		],
	})])
}

test_missing_root_block_device_is_denied if {
	testing.located(bde.deny) == {["aws_instance.web", "root_block_device"]} with input as testing.tf([testing.tf_resource("aws_instance", "web", {"ami": "ami-1"})])
}

test_encrypted_unknown_or_default_encryption_pass if {
	count(bde.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_instance", "a", {"root_block_device": [{"encrypted": true}]}),
		testing.tf_resource("aws_instance", "b", {"root_block_device": [{"encrypted": testing.unknown("var.enc")}]}),
		testing.tf_resource("aws_launch_template", "c", {"block_device_mappings": [{"ebs": [{"encrypted": "true"}]}]}),
	])
	count(bde.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_instance", "a", {}),
		testing.tf_resource("aws_ebs_encryption_by_default", "on", {"enabled": true}),
	])
}

test_cloudformation_block_devices if {
	testing.located(bde.deny) == {["Bare", "BlockDeviceMappings"], ["Lt", "LaunchTemplateData.BlockDeviceMappings.0.Ebs.Encrypted"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EC2::Instance", "Bare", {"ImageId": "ami-1"}),
		testing.cfn_resource("AWS::EC2::Instance", "Good", {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": true}}]}),
		testing.cfn_resource("AWS::EC2::LaunchTemplate", "Lt", {"LaunchTemplateData": {"BlockDeviceMappings": [{"Ebs": {"VolumeSize": 8}}]}}),
	])
}
