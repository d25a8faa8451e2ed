package iac_guard.aws.ssm.parameter_secure_string_test

import data.iac_guard.aws.ssm.parameter_secure_string
import data.iac_guard.testing
import rego.v1

test_plain_secret_parameter_is_denied if {
	parameter_secure_string.deny == {{
		"msg": "SSM parameter aws_ssm_parameter.a holds a secret as a plain String",
		"resource": "aws_ssm_parameter.a",
		"file": "main.tf",
		"attribute": "type",
	}} with input as testing.tf([
		testing.tf_resource("aws_ssm_parameter", "a", {"name": "/prod/db/password", "type": "String", "value": testing.unknown("random_password.db.result")}),
		testing.tf_resource("aws_ssm_parameter", "b", {"name": "/prod/db/password", "type": "SecureString", "value": "x"}),
		testing.tf_resource("aws_ssm_parameter", "c", {"name": "/prod/db/host", "type": "String", "value": "db.internal"}),
		testing.tf_resource("aws_ssm_parameter", "d", {"name": "/prod/db/password_arn", "type": "String"}),
		testing.tf_resource("aws_ssm_parameter", "e", {"name": testing.unknown("var.name"), "type": "String"}),
	])
}

test_cloudformation_plain_secret_parameter_is_denied if {
	testing.located(parameter_secure_string.deny) == {["A", "Type"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SSM::Parameter", "A", {"Name": "api_token", "Type": "String", "Value": "abc"}),
		testing.cfn_resource("AWS::SSM::Parameter", "B", {"Name": "/app/endpoint", "Type": "String", "Value": "https://x"}),
		testing.cfn_resource("AWS::SSM::Parameter", "C", {"Type": "String", "Value": "abc"}),
	])
}
