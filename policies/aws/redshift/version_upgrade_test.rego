package iac_guard.aws.redshift.version_upgrade_test

import data.iac_guard.aws.redshift.version_upgrade
import data.iac_guard.testing
import rego.v1

test_disabled_upgrades_are_denied if {
	version_upgrade.deny == {{
		"msg": "Redshift cluster aws_redshift_cluster.main does not allow automatic version upgrades",
		"resource": "aws_redshift_cluster.main",
		"file": "main.tf",
		"attribute": "allow_version_upgrade",
	}} with input as testing.tf([testing.tf_resource("aws_redshift_cluster", "main", {"allow_version_upgrade": false})])
}

test_terraform_forms if {
	testing.addresses(version_upgrade.deny) == {"aws_redshift_cluster.quoted"} with input as testing.tf([
		testing.tf_resource("aws_redshift_cluster", "quoted", {"allow_version_upgrade": "false"}),
		testing.tf_resource("aws_redshift_cluster", "default", {}),
		testing.tf_resource("aws_redshift_cluster", "on", {"allow_version_upgrade": true}),
		testing.tf_resource("aws_redshift_cluster", "var", {"allow_version_upgrade": testing.unknown("var.upgrade")}),
	])
}

test_cloudformation_forms if {
	testing.located(version_upgrade.deny) == {["Off", "AllowVersionUpgrade"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Redshift::Cluster", "Off", {"AllowVersionUpgrade": "false"}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Default", {}),
		testing.cfn_resource("AWS::Redshift::Cluster", "On", {"AllowVersionUpgrade": true}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Param", {"AllowVersionUpgrade": {"Ref": "Upgrade"}}),
	])
}
