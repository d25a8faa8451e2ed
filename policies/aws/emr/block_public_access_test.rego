package iac_guard.aws.emr.block_public_access_test

import data.iac_guard.aws.emr.block_public_access
import data.iac_guard.testing
import rego.v1

test_disabled_block_is_denied if {
	block_public_access.deny == {{
		"msg": "aws_emr_block_public_access_configuration.a turns EMR block public access off",
		"resource": "aws_emr_block_public_access_configuration.a",
		"file": "main.tf",
		"attribute": "block_public_security_group_rules",
	}} with input as testing.tf([testing.tf_resource("aws_emr_block_public_access_configuration", "a", {"block_public_security_group_rules": false})])
}

test_enabled_or_unknown_block_passes if {
	count(block_public_access.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_emr_block_public_access_configuration", "a", {"block_public_security_group_rules": true}),
		testing.tf_resource("aws_emr_block_public_access_configuration", "b", {"block_public_security_group_rules": testing.unknown("var.block")}),
	])
}
