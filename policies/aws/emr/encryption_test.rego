package iac_guard.aws.emr.encryption_test

import data.iac_guard.aws.emr.encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_configuration_is_denied if {
	encryption.deny == {
		{
			"msg": "EMR security configuration aws_emr_security_configuration.a does not encrypt data in transit",
			"resource": "aws_emr_security_configuration.a",
			"file": "main.tf",
			"attribute": "configuration",
		},
		{
			"msg": "EMR security configuration aws_emr_security_configuration.b does not encrypt data at rest",
			"resource": "aws_emr_security_configuration.b",
			"file": "main.tf",
			"attribute": "configuration",
		},
		{
			"msg": "EMR security configuration aws_emr_security_configuration.b does not encrypt data in transit",
			"resource": "aws_emr_security_configuration.b",
			"file": "main.tf",
			"attribute": "configuration",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_emr_security_configuration", "a", {"configuration": `{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"EnableInTransitEncryption":false}}`}),
		testing.tf_resource("aws_emr_security_configuration", "b", {"configuration": `{"AuthenticationConfiguration":{}}`}),
		testing.tf_resource("aws_emr_security_configuration", "c", {"configuration": `{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"EnableInTransitEncryption":true}}`}),
		testing.tf_resource("aws_emr_security_configuration", "d", {"configuration": testing.unknown("templatefile(\"s.json\", {})")}),
	])
}

test_cloudformation_unencrypted_configuration_is_denied if {
	testing.located(encryption.deny) == {["A", "SecurityConfiguration"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EMR::SecurityConfiguration", "A", {"SecurityConfiguration": {"EncryptionConfiguration": {"EnableAtRestEncryption": "false", "EnableInTransitEncryption": true}}}),
		testing.cfn_resource("AWS::EMR::SecurityConfiguration", "B", {"SecurityConfiguration": `{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"EnableInTransitEncryption":true}}`}),
		testing.cfn_resource("AWS::EMR::SecurityConfiguration", "C", {"SecurityConfiguration": {"Fn::Sub": "..."}}),
	])
}

test_partly_unknown_jsonencode_is_read if {
	testing.located(encryption.deny) == {["aws_emr_security_configuration.a", "configuration"]} with input as testing.tf([
		testing.tf_resource("aws_emr_security_configuration", "a", {"configuration": testing.unknown(`{"EncryptionConfiguration":{"EnableAtRestEncryption":"${var.at_rest}","EnableInTransitEncryption":false}}`)}),
		testing.tf_resource("aws_emr_security_configuration", "b", {"configuration": testing.unknown(`{"EncryptionConfiguration":{"EnableAtRestEncryption":"${var.at_rest}","EnableInTransitEncryption":"${var.in_transit}"}}`)}),
	])
}
