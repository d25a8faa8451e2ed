package iac_guard.aws.backup.vault_kms_test

import data.iac_guard.aws.backup.vault_kms
import data.iac_guard.testing
import rego.v1

test_vault_without_key_is_denied if {
	vault_kms.deny == {{
		"msg": "Backup vault aws_backup_vault.a is not encrypted with a customer managed KMS key",
		"resource": "aws_backup_vault.a",
		"file": "main.tf",
		"attribute": "kms_key_arn",
	}} with input as testing.tf([
		testing.tf_resource("aws_backup_vault", "a", {"name": "a"}),
		testing.tf_resource("aws_backup_vault", "b", {"kms_key_arn": testing.unknown("aws_kms_key.k.arn")}),
	])
}

test_empty_key_is_denied if {
	testing.addresses(vault_kms.deny) == {"aws_backup_vault.a"} with input as testing.tf([testing.tf_resource("aws_backup_vault", "a", {"kms_key_arn": ""})])
}

test_cloudformation_vault_without_key_is_denied if {
	testing.located(vault_kms.deny) == {["A", "EncryptionKeyArn"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Backup::BackupVault", "A", {"BackupVaultName": "a"}),
		testing.cfn_resource("AWS::Backup::BackupVault", "B", {"EncryptionKeyArn": {"Fn::GetAtt": ["Key", "Arn"]}}),
	])
}
