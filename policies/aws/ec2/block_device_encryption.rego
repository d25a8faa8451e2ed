# METADATA
# title: EC2 instance volume is not encrypted
# description: >-
#   Root and data volumes declared on an instance, launch template or launch
#   configuration are created unencrypted unless they say otherwise (an instance without
#   a root block device gets the AMI's, normally unencrypted, root volume). Volumes
#   restored from a snapshot inherit its encryption, and nothing is reported when the same
#   code enables EBS encryption by default.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: IAC-AWS-EC2-003
#   severity: high
#   remediation: >-
#     Terraform: add `root_block_device { encrypted = true }` and `encrypted = true` on every
#     `ebs_block_device` (launch templates: `block_device_mappings { ebs { encrypted =
#     "true" } }`). CloudFormation: set `Ebs.Encrypted: true` in every `BlockDeviceMappings`
#     entry, or turn on `aws_ebs_encryption_by_default` for the account.
#   frameworks: [CIS-AWS-2.2.1]
#   forms:
#     - >-
#       `root_block_device` absent or with `encrypted` false/null, each `ebs_block_device`
#       (`aws_instance`, `aws_launch_configuration`), each `aws_launch_template`
#       `block_device_mappings.ebs`
#     - >-
#       CloudFormation `BlockDeviceMappings[].Ebs.Encrypted` on instances, launch
#       configurations and `LaunchTemplateData`
#   not_flagged:
#     - >-
#       devices from a snapshot (`snapshot_id` / `SnapshotId` set, not ""): they inherit its
#       encryption
#     - >-
#       everything when the scanned code turns on `aws_ebs_encryption_by_default`
package iac_guard.aws.ec2.block_device_encryption

import data.iac_guard.lib
import rego.v1

# Per resource, the paths of the volumes it leaves unencrypted.
unencrypted[r] contains "root_block_device" if {
	lib.is_terraform
	some rtype in ["aws_instance", "aws_launch_configuration"]
	some r in lib.managed(rtype)
	not lib.has_key(r.values, "root_block_device")
}

unencrypted[r] contains sprintf("%s.%d.encrypted", [key, i]) if {
	lib.is_terraform
	some rtype in ["aws_instance", "aws_launch_configuration"]
	some r in lib.managed(rtype)
	some key in ["root_block_device", "ebs_block_device"]
	some i, device in lib.items(r.values[key])
	clear(device, "encrypted", "snapshot_id")
}

unencrypted[r] contains sprintf("block_device_mappings.%d.ebs.0.encrypted", [i]) if {
	lib.is_terraform
	some r in lib.managed("aws_launch_template")
	some i, mapping in lib.items(r.values.block_device_mappings)
	clear(lib.block(mapping, "ebs"), "encrypted", "snapshot_id")
}

unencrypted[r] contains "BlockDeviceMappings" if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EC2::Instance")
	not lib.has_key(r.values, "BlockDeviceMappings")
}

unencrypted[r] contains sprintf("%s.%d.Ebs.Encrypted", [concat(".", path), i]) if {
	lib.is_cloudformation
	some [rtype, path] in cfn_mappings
	some r in lib.resources(rtype)
	some i, mapping in lib.items(object.get(r.values, path, []))
	clear(mapping.Ebs, "Encrypted", "SnapshotId")
}

cfn_mappings := [
	["AWS::EC2::Instance", ["BlockDeviceMappings"]],
	["AWS::AutoScaling::LaunchConfiguration", ["BlockDeviceMappings"]],
	["AWS::EC2::LaunchTemplate", ["LaunchTemplateData", "BlockDeviceMappings"]],
]

clear(device, encrypted, snapshot) if {
	is_object(device)
	not lib.is_unknown(device)
	lib.false_or_missing(device, encrypted)
	not lib.is_set(device, snapshot)
}

deny contains result if {
	not lib.aws_ebs_encrypted_by_default
	some r, found in unencrypted
	paths := sort(found)
	result := lib.finding(r, sprintf("%s has unencrypted volumes: %s", [r.address, concat(", ", paths)]), paths[0])
}
