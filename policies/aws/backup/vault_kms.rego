# METADATA
# title: Backup vault is not encrypted with a customer managed key
# description: >-
#   Without `kms_key_arn` a vault encrypts recovery points with the AWS managed
#   `aws/backup` key, whose key policy you cannot restrict: anyone with backup
#   permissions in the account can use it, and it cannot be shared for cross-account
#   copies.
# related_resources:
#   - ref: https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
# custom:
#   id: IAC-AWS-BACKUP-001
#   severity: low
#   remediation: >-
#     Set `kms_key_arn` on the `aws_backup_vault` (CloudFormation `EncryptionKeyArn` on
#     `AWS::Backup::BackupVault`) to a customer managed KMS key.
#   forms:
#     - 'Terraform `kms_key_arn`, CloudFormation `EncryptionKeyArn`: absent, null or ""'
#     - 'Logically air-gapped vaults (`aws_backup_logically_air_gapped_vault`) are not judged: they are always encrypted with an AWS owned key'
#   not_flagged:
#     - 'A key that cannot be resolved (a reference or variable counts as set)'
package iac_guard.aws.backup.vault_kms

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_backup_vault")
	unset(r.values, "kms_key_arn")
	result := lib.finding(r, sprintf("Backup vault %s is not encrypted with a customer managed KMS key", [r.address]), "kms_key_arn")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Backup::BackupVault")
	unset(r.values, "EncryptionKeyArn")
	result := lib.finding(r, sprintf("Backup vault %s is not encrypted with a customer managed KMS key", [r.address]), "EncryptionKeyArn")
}

unset(values, key) if not lib.has_key(values, key)

unset(values, key) if values[key] == null

unset(values, key) if values[key] == ""
