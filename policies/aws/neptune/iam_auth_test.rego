package iac_guard.aws.neptune.iam_auth_test

import data.iac_guard.aws.neptune.iam_auth
import data.iac_guard.testing
import rego.v1

test_default_is_denied if {
	iam_auth.deny == {{
		"msg": "Neptune cluster aws_neptune_cluster.main does not require IAM database authentication",
		"resource": "aws_neptune_cluster.main",
		"file": "main.tf",
		"attribute": "iam_database_authentication_enabled",
	}} with input as testing.tf([testing.tf_resource("aws_neptune_cluster", "main", {"cluster_identifier": "main"})])
}

test_terraform_forms if {
	testing.addresses(iam_auth.deny) == {"aws_neptune_cluster.off", "aws_neptune_cluster.quoted", "aws_neptune_cluster.null"} with input as testing.tf([
		testing.tf_resource("aws_neptune_cluster", "off", {"iam_database_authentication_enabled": false}),
		testing.tf_resource("aws_neptune_cluster", "quoted", {"iam_database_authentication_enabled": "false"}),
		testing.tf_resource("aws_neptune_cluster", "null", {"iam_database_authentication_enabled": null}),
		testing.tf_resource("aws_neptune_cluster", "on", {"iam_database_authentication_enabled": true}),
		testing.tf_resource("aws_neptune_cluster", "quoted_on", {"iam_database_authentication_enabled": "true"}),
		testing.tf_resource("aws_neptune_cluster", "var", {"iam_database_authentication_enabled": testing.unknown("var.setting")}),
		testing.tf_data("aws_neptune_cluster", "existing", {}),
	])
}

test_cloudformation_forms if {
	testing.located(iam_auth.deny) == {["Missing", "IamAuthEnabled"], ["Off", "IamAuthEnabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Neptune::DBCluster", "Missing", {}),
		testing.cfn_resource("AWS::Neptune::DBCluster", "Off", {"IamAuthEnabled": "false"}),
		testing.cfn_resource("AWS::Neptune::DBCluster", "On", {"IamAuthEnabled": true}),
		testing.cfn_resource("AWS::Neptune::DBCluster", "Param", {"IamAuthEnabled": {"Ref": "Setting"}}),
		testing.cfn_resource("AWS::Neptune::DBCluster", "Cond", {"IamAuthEnabled": {"Fn::If": ["Prod", true, false]}}),
	])
}
