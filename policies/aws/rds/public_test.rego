package iac_guard.aws.rds.public_test

import data.iac_guard.aws.rds.public
import data.iac_guard.testing
import rego.v1

test_public_instance_is_denied if {
	public.deny == {{
		"msg": "RDS instance aws_db_instance.db is publicly accessible",
		"resource": "aws_db_instance.db",
		"file": "main.tf",
		"attribute": "publicly_accessible",
	}} with input as testing.tf([
		testing.tf_resource("aws_db_instance", "db", {"publicly_accessible": true}),
		testing.tf_resource("aws_db_instance", "private", {"publicly_accessible": false}),
		testing.tf_resource("aws_db_instance", "default", {}),
		testing.tf_resource("aws_db_instance", "unknown", {"publicly_accessible": testing.unknown("var.public")}),
	])
}

test_private_instances_pass if {
	count(public.deny) == 0 with input as testing.tf([testing.tf_resource("aws_rds_cluster_instance", "a", {"publicly_accessible": false})])
}

test_cloudformation_public_instance_is_denied if {
	testing.located(public.deny) == {["Db", "PubliclyAccessible"]} with input as testing.cfn([
		testing.cfn_resource("AWS::RDS::DBInstance", "Db", {"PubliclyAccessible": "true"}),
		testing.cfn_resource("AWS::RDS::DBInstance", "Private", {"PubliclyAccessible": false}),
	])
}

test_boolean_and_type_forms if {
	testing.addresses(public.deny) == {"aws_rds_cluster_instance.string_true"} with input as testing.tf([
		testing.tf_resource("aws_rds_cluster_instance", "string_true", {"publicly_accessible": "true"}),
		testing.tf_resource("aws_db_instance", "private", {"publicly_accessible": false}),
	])
}

test_cloudformation_string_true if {
	testing.addresses(public.deny) == {"Db"} with input as testing.cfn([
		testing.cfn_resource("AWS::RDS::DBInstance", "Db", {"PubliclyAccessible": "true"}),
		testing.cfn_resource("AWS::RDS::DBInstance", "If", {"PubliclyAccessible": {"Fn::If": ["Public", true, false]}}),
	])
}
