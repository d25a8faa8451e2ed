# METADATA
# title: EFS file system is not encrypted at rest
# description: >-
#   An EFS file system created without encryption keeps its files and metadata in the
#   clear on the service's disks, and encryption cannot be turned on later: the data has
#   to be copied to a new, encrypted file system.
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
# custom:
#   id: IAC-AWS-EFS-001
#   severity: high
#   remediation: >-
#     Terraform: set `encrypted = true` on the `aws_efs_file_system` (and `kms_key_id` for a
#     customer managed key). CloudFormation: set `Encrypted: true` (and `KmsKeyId`) on the
#     `AWS::EFS::FileSystem`. Existing file systems must be recreated and the data copied.
#   frameworks: [CIS-AWS-2.4.1, AWS-FSBP-EFS.1]
#   forms:
#     - 'Terraform `aws_efs_file_system.encrypted`: absent (defaults to false), false, "false"'
#     - 'CloudFormation `AWS::EFS::FileSystem` `Encrypted`: absent (defaults to false), false, "false"'
#   not_flagged:
#     - An unknown value (`var.encrypted`, `!Ref Param`, `!If ...`) - it may well be true.
#     - 'A `kms_key_id` without `encrypted = true`: the provider rejects that combination at plan time.'
package iac_guard.aws.efs.encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_efs_file_system")
	lib.false_or_missing(r.values, "encrypted")
	result := lib.finding(r, sprintf("EFS file system %s is not encrypted at rest", [r.address]), "encrypted")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EFS::FileSystem")
	lib.false_or_missing(r.values, "Encrypted")
	result := lib.finding(r, sprintf("EFS file system %s is not encrypted at rest", [r.address]), "Encrypted")
}
