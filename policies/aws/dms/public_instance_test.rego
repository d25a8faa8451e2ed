package iac_guard.aws.dms.public_instance_test

import data.iac_guard.aws.dms.public_instance
import data.iac_guard.testing
import rego.v1

test_public_instance_is_denied if {
	public_instance.deny == {{
		"msg": "DMS replication instance aws_dms_replication_instance.a is publicly accessible",
		"resource": "aws_dms_replication_instance.a",
		"file": "main.tf",
		"attribute": "publicly_accessible",
	}} with input as testing.tf([
		testing.tf_resource("aws_dms_replication_instance", "a", {"publicly_accessible": true}),
		testing.tf_resource("aws_dms_replication_instance", "b", {}),
		testing.tf_resource("aws_dms_replication_instance", "c", {"publicly_accessible": false}),
		testing.tf_resource("aws_dms_replication_instance", "d", {"publicly_accessible": testing.unknown("var.p")}),
	])
}

test_cloudformation_default_is_public if {
	testing.located(public_instance.deny) == {["Default", "PubliclyAccessible"], ["Open", "PubliclyAccessible"]} with input as testing.cfn([
		testing.cfn_resource("AWS::DMS::ReplicationInstance", "Default", {}),
		testing.cfn_resource("AWS::DMS::ReplicationInstance", "Open", {"PubliclyAccessible": "true"}),
		testing.cfn_resource("AWS::DMS::ReplicationInstance", "Private", {"PubliclyAccessible": false}),
		testing.cfn_resource("AWS::DMS::ReplicationInstance", "Param", {"PubliclyAccessible": {"Ref": "Public"}}),
	])
}
