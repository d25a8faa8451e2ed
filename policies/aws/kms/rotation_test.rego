package iac_guard.aws.kms.rotation_test

import data.iac_guard.aws.kms.rotation
import data.iac_guard.testing
import rego.v1

test_key_without_rotation_is_denied if {
	rotation.deny == {{
		"msg": "KMS key aws_kms_key.k does not rotate its key material",
		"resource": "aws_kms_key.k",
		"file": "main.tf",
		"attribute": "enable_key_rotation",
	}} with input as testing.tf([testing.tf_resource("aws_kms_key", "k", {"description": "data"})])
}

test_rotating_and_asymmetric_keys_pass if {
	count(rotation.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_kms_key", "a", {"enable_key_rotation": true}),
		testing.tf_resource("aws_kms_key", "signing", {"customer_master_key_spec": "RSA_2048"}),
	])
}

test_cloudformation_key_without_rotation_is_denied if {
	testing.located(rotation.deny) == {["Key", "EnableKeyRotation"]} with input as testing.cfn([
		testing.cfn_resource("AWS::KMS::Key", "Key", {"EnableKeyRotation": false}),
		testing.cfn_resource("AWS::KMS::Key", "Signing", {"KeySpec": "ECC_NIST_P256"}),
	])
}
