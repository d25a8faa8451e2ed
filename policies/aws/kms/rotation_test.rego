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

# Rotation applies to symmetric encryption keys only.
test_only_symmetric_keys_are_judged if {
	testing.addresses(rotation.deny) == {"aws_kms_key.null_spec", "aws_kms_key.explicit", "aws_kms_key.lower", "aws_kms_key.string_false"} with input as testing.tf([
		testing.tf_resource("aws_kms_key", "null_spec", {"customer_master_key_spec": null}),
		testing.tf_resource("aws_kms_key", "explicit", {"customer_master_key_spec": "SYMMETRIC_DEFAULT", "key_usage": "ENCRYPT_DECRYPT"}),
		testing.tf_resource("aws_kms_key", "lower", {"customer_master_key_spec": "symmetric_default"}),
		testing.tf_resource("aws_kms_key", "string_false", {"enable_key_rotation": "false"}),
		testing.tf_resource("aws_kms_key", "hmac", {"customer_master_key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"}),
		testing.tf_resource("aws_kms_key", "ecc", {"customer_master_key_spec": "ECC_NIST_P384", "key_usage": "SIGN_VERIFY"}),
		testing.tf_resource("aws_kms_key", "sm2", {"customer_master_key_spec": "SM2"}),
		testing.tf_resource("aws_kms_key", "cloudhsm", {"custom_key_store_id": "cks-1234567890abcdef0"}),
		testing.tf_resource("aws_kms_key", "unknown_spec", {"customer_master_key_spec": testing.unknown("var.spec")}),
		testing.tf_resource("aws_kms_key", "unknown_rotation", {"enable_key_rotation": testing.unknown("var.rotate")}),
	])
}

test_cloudformation_only_symmetric_keys_are_judged if {
	testing.addresses(rotation.deny) == {"Default", "Symmetric"} with input as testing.cfn([
		testing.cfn_resource("AWS::KMS::Key", "Default", {}),
		testing.cfn_resource("AWS::KMS::Key", "Symmetric", {"KeySpec": "SYMMETRIC_DEFAULT", "EnableKeyRotation": "false"}),
		testing.cfn_resource("AWS::KMS::Key", "Hmac", {"KeySpec": "HMAC_512", "KeyUsage": "GENERATE_VERIFY_MAC"}),
		testing.cfn_resource("AWS::KMS::Key", "Rsa", {"KeySpec": "RSA_4096", "KeyUsage": "ENCRYPT_DECRYPT"}),
		testing.cfn_resource("AWS::KMS::Key", "Imported", {"Origin": "EXTERNAL"}),
		testing.cfn_resource("AWS::KMS::Key", "Rotating", {"EnableKeyRotation": true}),
		testing.cfn_resource("AWS::KMS::Key", "IfSpec", {"KeySpec": {"Fn::If": ["Sign", "RSA_2048", "SYMMETRIC_DEFAULT"]}}),
	])
}
