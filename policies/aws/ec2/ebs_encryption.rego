# METADATA
# title: EBS volume is not encrypted
# description: >-
#   An unencrypted EBS volume keeps its data, and every snapshot of it, in the clear.
#   Volumes are not reported when the same code enables EBS encryption by default.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: IAC-AWS-EBS-001
#   severity: high
#   remediation: 'Set `encrypted = true` (CloudFormation `Encrypted: true`), optionally with `kms_key_id`, or enable EBS encryption by default for the account (`aws_ebs_encryption_by_default`).'
#   frameworks: [CIS-AWS-2.2.1]
#   forms:
#     - >-
#       `aws_ebs_volume.encrypted` absent, null or false; CloudFormation `AWS::EC2::Volume`
#       `Encrypted`
#     - >-
#       `snapshot_id` / `SnapshotId` null or "" is no snapshot
#   not_flagged:
#     - >-
#       volumes created from a snapshot (`snapshot_id` set): they inherit the snapshot's
#       encryption
#     - >-
#       everything when the scanned code turns on `aws_ebs_encryption_by_default`
package iac_guard.aws.ec2.ebs_encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	not lib.aws_ebs_encrypted_by_default
	some r in lib.managed("aws_ebs_volume")
	lib.false_or_missing(r.values, "encrypted")
	not lib.is_set(r.values, "snapshot_id") # a volume from a snapshot inherits its encryption
	result := lib.finding(r, sprintf("EBS volume %s is not encrypted", [r.address]), "encrypted")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EC2::Volume")
	lib.false_or_missing(r.values, "Encrypted")
	not lib.is_set(r.values, "SnapshotId")
	result := lib.finding(r, sprintf("EBS volume %s is not encrypted", [r.address]), "Encrypted")
}
