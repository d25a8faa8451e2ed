package iac_guard.aws.glue.job_security_configuration_test

import data.iac_guard.aws.glue.job_security_configuration
import data.iac_guard.testing
import rego.v1

test_job_without_security_configuration_is_denied if {
	job_security_configuration.deny == {{
		"msg": "Glue job aws_glue_job.a has no security configuration",
		"resource": "aws_glue_job.a",
		"file": "main.tf",
		"attribute": "security_configuration",
	}} with input as testing.tf([
		testing.tf_resource("aws_glue_job", "a", {"name": "etl"}),
		testing.tf_resource("aws_glue_job", "b", {"security_configuration": testing.unknown("aws_glue_security_configuration.s.name")}),
		testing.tf_resource("aws_glue_job", "c", {"security_configuration": "encrypted"}),
	])
}

test_cloudformation_job_without_security_configuration_is_denied if {
	testing.located(job_security_configuration.deny) == {["A", "SecurityConfiguration"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Glue::Job", "A", {"SecurityConfiguration": ""}),
		testing.cfn_resource("AWS::Glue::Job", "B", {"SecurityConfiguration": {"Ref": "Sec"}}),
	])
}
